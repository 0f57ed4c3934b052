import { unlink } from 'node:fs/promises';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avUploads } from '../../../db/schema/index.js';
import { recordAudit, type Actor } from '../../audit/record-audit.js';
import type { StoredUploadMetadata } from './upload-metadata.js';

/** Why an upload ended without an original: stored in av_uploads.failure and in the audit event. */
export type RefusalReason = 'sha256_mismatch' | 'unsupported_type' | 'too_large' | 'expired';

/**
 * Ends an unfinished upload without an original (AV-2): its row keeps what was tried and why
 * (`failure`), `av.upload_refused` is written in the same transaction, then the temp bytes are
 * dropped. Returns false, changing nothing, when the upload was already finished or ended — so a
 * refusal is audited once even when two requests or processes reach it.
 */
export async function refuseUpload(db: Db, actor: Actor, input: { uploadId: string; tempPath: string; reason: RefusalReason; details?: Record<string, unknown> }, now: Date): Promise<boolean> {
  const { uploadId, reason } = input;
  const refused = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(avUploads)
      .set({ failure: reason, info: null, updatedAt: now })
      .where(and(eq(avUploads.id, uploadId), isNull(avUploads.completedAt), isNull(avUploads.failure)))
      .returning({ agencyId: avUploads.agencyId, size: avUploads.size, metadata: avUploads.metadata, declaredSha256: avUploads.declaredSha256 });
    if (!row) return false;
    const fileName = (row.metadata as StoredUploadMetadata).fileName ?? null;
    await recordAudit(tx, actor, { action: 'av.upload_refused', agencyId: row.agencyId, objectType: 'av_upload', objectId: uploadId, after: { failure: reason }, details: { reason, size: row.size, fileName, declaredSha256: row.declaredSha256, ...input.details } }, now);
    return true;
  });
  if (refused) await unlink(input.tempPath).catch(() => undefined);
  return refused;
}

/**
 * An upload refused before it exists (Upload-Length over the limit, AV-2): there is no row to
 * change, so the event alone records who tried what.
 */
export async function recordOversizeRefusal(db: Db, actor: Actor, input: { agencyId: string; size: number; maxBytes: number; fileName: string | null }, now: Date) {
  await recordAudit(db, actor, { action: 'av.upload_refused', agencyId: input.agencyId, objectType: 'av_upload', objectId: null, details: { reason: 'too_large' satisfies RefusalReason, size: input.size, limit: input.maxBytes, fileName: input.fileName } }, now);
}
