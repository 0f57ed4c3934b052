import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, type documents } from '../../db/schema/index.js';
import { canonicalJson, sha256Hex } from '../../shared/canonical-json.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';

type DocumentRow = typeof documents.$inferSelect;

/** The SHA-256 an issued document is fixed by at issue (write-document.ts computes it the same way). */
export const issuedContentHash = (doc: Pick<DocumentRow, 'matterId' | 'typeId' | 'version' | 'number' | 'fields'>) =>
  sha256Hex(canonicalJson({ matterId: doc.matterId, typeId: doc.typeId, version: doc.version, number: doc.number, fields: doc.fields }));

/**
 * Outside review: an issued document's text changed behind the system's back and the print view
 * showed the new text. Before an issued document is printed or exported, its content is hashed
 * again and compared with the hash stored at issue and the one its `document.issued` event (a
 * leaf of the log) recorded; a difference is never rendered: 409 and an audit event for the
 * administrators. (`liuhen verify` names the same difference for every record, printed or not.)
 */
export async function assertIssuedDocumentIntact(db: Db, doc: DocumentRow, agencyId: string, now: Date) {
  if (doc.status !== 'issued') return;
  const actual = issuedContentHash(doc);
  const [issued] = await db
    .select({ seq: auditEvents.seq, after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.objectType, 'document'), eq(auditEvents.objectId, doc.id), eq(auditEvents.action, 'document.issued')))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  const logged = (issued?.after as { contentHash?: string } | null)?.contentHash;
  if (actual === doc.contentHash && (!issued || actual === logged)) return;
  await db.transaction((tx) =>
    recordAudit(tx, systemActor('render-check'), {
      action: 'integrity.document_mismatch',
      agencyId,
      objectType: 'document',
      objectId: doc.id,
      details: { actual, stored: doc.contentHash, logged: logged ?? null, issuedEventSeq: issued?.seq ?? null },
      matterIds: [doc.matterId],
    }, now),
  );
  throw new AppError('DOCUMENT_DAMAGED', '该文书签发后的内容与签发时登记的哈希不一致，可能已被篡改，已告警；请联系管理员运行完整性校验');
}
