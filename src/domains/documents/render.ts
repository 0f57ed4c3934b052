import { asc, eq } from 'drizzle-orm';
import { buffer } from 'node:stream/consumers';
import type { Db } from '../../db/client.js';
import { agencies, documents, documentSignatures, stepApprovals } from '../../db/schema/index.js';
import { renderDocx, renderPdf } from '../../documents-render/index.js';
import type { DocumentType } from '../../rules/documents/document-type.js';
import type { DocumentValues } from '../../rules/documents/field-values.js';
import { renderDocumentHtml } from '../../rules/documents/render-html.js';
import type { RenderMeta } from '../../rules/documents/render-meta.js';
import { decodesAsImage } from '../../shared/image-decode.js';
import type { ObjectStore } from '../../store/object-store.js';
import type { Principal } from '../auth/principal.js';
import { assertIssuedDocumentIntact } from './issued-integrity.js';
import { loadDocument } from './load-document.js';

/** Everything a renderer needs: fields, agency, number, version, signatures and approvals. */
async function renderInput(db: Db, store: ObjectStore, p: Principal, agencyId: string, documentId: string, now: Date) {
  const { doc, type, matter, parties } = await loadDocument(db, p, agencyId, documentId);
  await assertIssuedDocumentIntact(db, doc, agencyId, now);
  const [[agency], signatures, approvals, replaced] = await Promise.all([
    db.select().from(agencies).where(eq(agencies.id, agencyId)),
    db.select().from(documentSignatures).where(eq(documentSignatures.documentId, doc.id)).orderBy(asc(documentSignatures.signedAt)),
    doc.stepId ? db.select().from(stepApprovals).where(eq(stepApprovals.stepId, doc.stepId)).orderBy(asc(stepApprovals.at)) : Promise.resolve([]),
    doc.replacesId ? db.select({ version: documents.version }).from(documents).where(eq(documents.id, doc.replacesId)) : Promise.resolve([]),
  ]);
  const signatureMeta = await Promise.all(
    signatures.map(async (s) => ({
      role: s.role as RenderMeta['signatures'][number]['role'],
      signerName: s.signerName,
      method: s.method as 'drawn' | 'scanned' | 'refused',
      ...(s.objectKey ? signatureImage(await buffer(await store.read(s.objectKey))) : {}),
      refusalReason: s.refusalReason ?? undefined,
      witnessName: s.witnessName ?? undefined,
      signedAt: s.signedAt.toISOString(),
    })),
  );
  const stageRole = { submit: 'handler', review: 'reviewer', approve: 'approver' } as const;
  const meta: RenderMeta = {
    agencyName: agency!.name,
    documentNumber: doc.number,
    version: doc.version,
    replacesVersion: replaced[0]?.version,
    correctionReason: doc.correctionReason ?? undefined,
    status: doc.status === 'issued' ? 'issued' : 'draft',
    signatures: signatureMeta,
    approvals: approvals.map((a) => ({ role: stageRole[a.stage as keyof typeof stageRole] ?? 'handler', name: a.actorName, opinion: `${a.decision === 'returned' ? '退回：' : ''}${a.opinion}`, at: a.at.toISOString() })),
    issuedAt: doc.issuedAt?.toISOString(),
    matterNumber: matter.number,
    partyName: parties[0]?.name,
  };
  return { type: type as DocumentType, values: doc.fields as DocumentValues, meta, doc };
}

export async function documentHtml(db: Db, store: ObjectStore, p: Principal, agencyId: string, documentId: string, now: Date) {
  const r = await renderInput(db, store, p, agencyId, documentId, now);
  return renderDocumentHtml(r.type, r.values, r.meta);
}

export async function documentFile(db: Db, store: ObjectStore, p: Principal, agencyId: string, documentId: string, format: 'docx' | 'pdf', now: Date) {
  const r = await renderInput(db, store, p, agencyId, documentId, now);
  const bytes = format === 'docx' ? await renderDocx(r.type, r.values, r.meta) : await renderPdf(r.type, r.values, r.meta);
  return { bytes, fileName: `${r.type.name}${r.doc.number ? `-${r.doc.number}` : ''}-第${r.doc.version}版.${format}` };
}

/** A stored signature that does not decode (kept before images were checked) renders as marked, not as a 500. */
function signatureImage(bytes: Buffer): { imageDataUrl?: string; imageUnreadable?: boolean } {
  const type = bytes[0] === 0xff ? 'image/jpeg' : 'image/png';
  if (!decodesAsImage(bytes, type)) return { imageUnreadable: true };
  return { imageDataUrl: `data:${type};base64,${bytes.toString('base64')}` };
}
