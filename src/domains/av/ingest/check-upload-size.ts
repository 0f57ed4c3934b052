import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { agencies } from '../../../db/schema/index.js';
import type { Actor } from '../../audit/record-audit.js';
import { recordOversizeRefusal, refuseUpload } from './refuse-upload.js';
import { effectiveUploadLimit, tooLargeError, type UploadLimit } from './upload-limit.js';

/** The limit in force for an agency's uploads, read on each request: a change applies at once. */
export async function uploadLimitOf(db: Db, agencyId: string, platformMaxBytes: number): Promise<UploadLimit> {
  const [row] = await db.select({ maxBytes: agencies.avUploadMaxBytes }).from(agencies).where(eq(agencies.id, agencyId));
  return effectiveUploadLimit(platformMaxBytes, row?.maxBytes ?? null);
}

/**
 * Before tus creates an upload (AV-2): an Upload-Length over the limit in force is refused with
 * 413 and the attempt audited; no upload, row or byte is created.
 */
export async function admitUploadLength(db: Db, actor: Actor, input: { agencyId: string; size: number; platformMaxBytes: number; fileName: string | null }, now: Date) {
  const limit = await uploadLimitOf(db, input.agencyId, input.platformMaxBytes);
  await refuseOversizeCreation(db, actor, { ...input, limit }, now);
}

/** The same check where the upload is recorded (startUpload), for a limit lowered meanwhile. */
export async function refuseOversizeCreation(db: Db, actor: Actor, input: { agencyId: string; size: number; limit: UploadLimit; fileName: string | null }, now: Date) {
  if (!(input.size > input.limit.maxBytes)) return;
  await recordOversizeRefusal(db, actor, { agencyId: input.agencyId, size: input.size, maxBytes: input.limit.maxBytes, fileName: input.fileName }, now);
  throw tooLargeError(input.limit, input.size);
}

/**
 * Before a PATCH (AV-2): an upload declared larger than the limit now in force (lowered after it
 * was created) receives no more bytes: it is refused, audited and its bytes dropped.
 */
export async function refuseIfOverLimit(db: Db, actor: Actor, input: { agencyId: string; uploadId: string; size: number | null; tempPath: string; platformMaxBytes: number }, now: Date) {
  const limit = await uploadLimitOf(db, input.agencyId, input.platformMaxBytes);
  if (input.size === null || input.size <= limit.maxBytes) return;
  await refuseUpload(db, actor, { uploadId: input.uploadId, tempPath: input.tempPath, reason: 'too_large', details: { limit: limit.maxBytes } }, now);
  throw tooLargeError(limit, input.size);
}
