import { join } from 'node:path';
import { and, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avUploads } from '../../../db/schema/index.js';
import { systemActor } from '../../audit/record-audit.js';
import { refuseUpload } from './refuse-upload.js';

const expiry = systemActor('upload-expiry');

/**
 * Unfinished uploads past their expiry lose their temp file (AV-2), each with its audit event
 * (reason `expired`). Only temp files of unfinished uploads are touched: a finished upload's
 * bytes are in the object store, which this never reaches, and its row is never changed here.
 */
export async function expireUploads(db: Db, uploadDir: string, now: Date): Promise<number> {
  const due = await db.select({ id: avUploads.id }).from(avUploads).where(and(isNull(avUploads.completedAt), isNull(avUploads.failure), lt(avUploads.expiresAt, now)));
  let expired = 0;
  for (const { id } of due) {
    if (await refuseUpload(db, expiry, { uploadId: id, tempPath: join(uploadDir, id), reason: 'expired' }, now)) expired++;
  }
  return expired;
}
