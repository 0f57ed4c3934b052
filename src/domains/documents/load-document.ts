import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documentAttachments, documents, documentSignatures } from '../../db/schema/index.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
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
    signatures: signatures.map((s) => ({ ...s, signedAt: iso(s.signedAt)! })),
    attachments: attachments.map((a) => ({ ...a, addedAt: iso(a.addedAt)! })),
    versions: versions.map((v) => ({ ...v, createdAt: iso(v.createdAt)!, issuedAt: iso(v.issuedAt) })),
  };
}

export const presentDocument = (d: DocumentRow) => ({
  ...d,
  typeName: documentType(d.typeId)?.name ?? d.typeId,
  fields: d.fields as Record<string, unknown>,
  createdAt: iso(d.createdAt)!,
  updatedAt: iso(d.updatedAt)!,
  issuedAt: iso(d.issuedAt),
});
