import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { documentAttachments, documentSignatures } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import type { ObjectStore } from '../../store/object-store.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { storeSignatureImage } from '../matters/signature-image.js';
import { loadDocument } from './load-document.js';
import { scanIsWellFormed } from './scan-structure.js';
import type { attachmentInput, signatureInput } from './schemas.js';

/**
 * DOC-3: a signature drawn on the tablet or scanned, or a refusal with its reason and witness.
 * Signing adds a row; it changes nothing already written, so issued documents accept it.
 */
export async function addSignature(db: Db, store: ObjectStore, actor: Actor, p: Principal, agencyId: string, documentId: string, input: z.infer<typeof signatureInput>, now: Date) {
  // Visible (404 otherwise) before anything is stored; stored objects are content-addressed and
  // harmless when unused, so the image goes in before the transaction decides.
  await loadDocument(db, p, agencyId, documentId);
  const image = input.method !== 'refused' && input.imageDataUrl ? await storeSignatureImage(store, input.imageDataUrl) : null;
  return db.transaction(async (tx) => {
    // Against the locked matter and document: an archive recorded at the same moment wins or
    // loses as a whole, and a signer signs (or refuses) a document once.
    const { doc, matter } = await loadDocument(tx, p, agencyId, documentId, { lock: true });
    if (matter.status === 'archived') throw new AppError('IMMUTABLE', '事项已归档，案卷只读');
    const [already] = await tx
      .select({ method: documentSignatures.method })
      .from(documentSignatures)
      .where(and(eq(documentSignatures.documentId, doc.id), eq(documentSignatures.role, input.role), eq(documentSignatures.signerName, input.signerName)));
    if (already) throw new AppError('CONFLICT', `${input.signerName}已在本文书${already.method === 'refused' ? '拒绝签字' : '签名'}，不能重复记录`);
    const [row] = await tx
      .insert(documentSignatures)
      .values({
        documentId: doc.id,
        role: input.role,
        signerName: input.signerName,
        method: input.method,
        objectKey: image?.key ?? null,
        refusalReason: input.method === 'refused' ? (input.refusalReason ?? null) : null,
        witnessName: input.method === 'refused' ? (input.witnessName ?? null) : null,
        signedAt: now,
        recordedByName: actor.name,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'document.signed', agencyId, objectType: 'document', objectId: doc.id, after: { role: row!.role, signerName: row!.signerName, method: row!.method, objectKey: row!.objectKey, refusalReason: row!.refusalReason, witnessName: row!.witnessName }, matterIds: [doc.matterId], commitments: [{ kind: 'document_signature', id: row!.id }] }, now);
    return row!;
  });
}

const MAGIC: Array<[string, number[]]> = [
  ['application/pdf', [0x25, 0x50, 0x44, 0x46]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
];

/** DOC-5: a scan of the signed paper (PDF, JPEG or PNG by content) kept as the original. */
export async function addAttachment(db: Db, store: ObjectStore, actor: Actor, p: Principal, agencyId: string, documentId: string, input: z.infer<typeof attachmentInput>, now: Date) {
  await loadDocument(db, p, agencyId, documentId);
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const mediaType = MAGIC.find(([, magic]) => magic.every((b, i) => bytes[i] === b))?.[0];
  if (!mediaType) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只接受 PDF、JPEG 或 PNG 扫描件');
  if (!(await scanIsWellFormed(bytes, mediaType))) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '扫描件内容已损坏或不是完整的 PDF、JPEG、PNG 文件');
  const stored = await store.put(bytes);
  // File names are kept as labels only; they never become paths.
  const fileName = input.fileName.replace(/[\\/\u0000-\u001f]/g, '_');
  return db.transaction(async (tx) => {
    const { doc } = await loadDocument(tx, p, agencyId, documentId, { lock: true });
    // The same scan twice (a double submit) is one attachment.
    const [already] = await tx.select({ id: documentAttachments.id }).from(documentAttachments).where(and(eq(documentAttachments.documentId, doc.id), eq(documentAttachments.objectKey, stored.key)));
    if (already) throw new AppError('CONFLICT', '该扫描件已上传到本文书');
    const [row] = await tx.insert(documentAttachments).values({ documentId: doc.id, kind: input.kind, objectKey: stored.key, fileName, mediaType, size: bytes.length, addedAt: now, addedByName: actor.name }).returning();
    await recordAudit(tx, actor, { action: 'document.attachment_added', agencyId, objectType: 'document', objectId: doc.id, after: { kind: input.kind, objectKey: stored.key, fileName, mediaType, size: bytes.length }, matterIds: [doc.matterId], commitments: [{ kind: 'document_attachment', id: row!.id }] }, now);
    return row!;
  });
}
