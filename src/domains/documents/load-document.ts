import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentAttachments, documents, documentSignatures } from '../../db/schema/index.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import type { z } from 'zod';
import type { attachmentView, documentStatus, signatureView } from './views.js';
import { loadMatter, type LoadOptions } from '../matters/load-matter.js';

export type DocumentRow = typeof documents.$inferSelect;

/**
 * A document of a matter the principal may see (ACC-1), or 404. With `lock` (inside a
 * transaction) its matter is locked first — the order every change of a matter takes — and the
 * document is read again FOR UPDATE, so what is decided is what is current.
 */
export async function loadDocument(db: DbOrTx, p: Principal, agencyId: string, documentId: string, opts: LoadOptions = {}) {
  const [found] = await db.select().from(documents).where(eq(documents.id, documentId));
  if (!found) throw notFound('文书');
  const matter = await loadMatter(db, p, agencyId, found.matterId, opts);
  const doc = opts.lock ? (await db.select().from(documents).where(eq(documents.id, documentId)).for('update'))[0]! : found;
  const type = documentType(doc.typeId);
  if (!type) throw notFound('文书种类');
  return { doc, type, ...matter };
}

export async function documentDetail(db: DbOrTx, doc: DocumentRow) {
  const [signatures, attachments, versions] = await Promise.all([
    db.select().from(documentSignatures).where(eq(documentSignatures.documentId, doc.id)).orderBy(asc(documentSignatures.signedAt)),
    db.select().from(documentAttachments).where(eq(documentAttachments.documentId, doc.id)).orderBy(asc(documentAttachments.addedAt)),
    db.select({ id: documents.id, version: documents.version, status: documents.status, number: documents.number, correctionReason: documents.correctionReason, createdAt: documents.createdAt, issuedAt: documents.issuedAt })
      .from(documents)
      .where(and(eq(documents.lineageId, doc.lineageId)))
      .orderBy(asc(documents.version)),
  ]);
  return {
    ...presentDocument(doc),
    signatures: signatures.map(presentSignature),
    attachments: attachments.map(presentAttachment),
    versions: versions.map((v) => ({ ...v, status: v.status as DocumentStatus, createdAt: iso(v.createdAt)!, issuedAt: iso(v.issuedAt) })),
  };
}

type DocumentStatus = z.infer<typeof documentStatus>;
type SignatureView = z.input<typeof signatureView>;
type AttachmentView = z.input<typeof attachmentView>;

// Text columns hold closed vocabularies (written only through validated input); the response schema checks them.
export const presentSignature = (s: typeof documentSignatures.$inferSelect): SignatureView => ({
  ...s,
  role: s.role as SignatureView['role'],
  method: s.method as SignatureView['method'],
  signedAt: iso(s.signedAt)!,
});

export const presentAttachment = (a: typeof documentAttachments.$inferSelect): AttachmentView => ({ ...a, kind: a.kind as AttachmentView['kind'], addedAt: iso(a.addedAt)! });

export const presentDocument = (d: DocumentRow) => ({
  ...d,
  typeName: documentType(d.typeId)?.name ?? d.typeId,
  status: d.status as DocumentStatus,
  fields: d.fields as Record<string, unknown>,
  createdAt: iso(d.createdAt)!,
  updatedAt: iso(d.updatedAt)!,
  issuedAt: iso(d.issuedAt),
});
