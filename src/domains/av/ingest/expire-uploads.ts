import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avUploads } from '../../../db/schema/index.js';

/**
 * Unfinished uploads past their expiry lose their temp file (AV-2). Only temp files of
 * unfinished uploads are touched: a finished upload's bytes are in the object store, which this
 * never reaches, and its row is never changed here.
 */
export async function expireUploads(db: Db, uploadDir: string, now: Date): Promise<number> {
  const due = await db.select({ id: avUploads.id }).from(avUploads).where(and(isNull(avUploads.completedAt), isNull(avUploads.failure), lt(avUploads.expiresAt, now)));
  let expired = 0;
  for (const { id } of due) {
    const [row] = await db.update(avUploads).set({ failure: 'expired', info: null, updatedAt: now }).where(and(eq(avUploads.id, id), isNull(avUploads.completedAt))).returning({ id: avUploads.id });
    if (!row) continue;
    await unlink(join(uploadDir, id)).catch(() => undefined);
    expired++;
  }
  return expired;
}
