import { stat } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client.js';
import { avRecords, avUploads } from '../../../db/schema/index.js';
import { notFound } from '../../../shared/errors.js';
import { iso } from '../../../shared/http-schemas.js';
import type { Principal } from '../../auth/principal.js';
import { canTouchUpload } from './policy.js';

export type UploadRow = Awaited<ReturnType<typeof loadUpload>>;

/** An upload of this agency the principal may touch (ACC-1), with the record it became (if finished). */
export async function loadUpload(db: Db, p: Principal, agencyId: string, uploadId: string) {
  const [row] = await db
    .select({ id: avUploads.id, userId: avUploads.userId, size: avUploads.size, createdAt: avUploads.createdAt, expiresAt: avUploads.expiresAt, completedAt: avUploads.completedAt, failure: avUploads.failure, avRecordId: avUploads.avRecordId, declaredSha256: avUploads.declaredSha256, objectKey: avRecords.objectKey })
    .from(avUploads)
    .leftJoin(avRecords, eq(avRecords.id, avUploads.avRecordId))
    .where(and(eq(avUploads.id, uploadId), eq(avUploads.agencyId, agencyId)));
  // Another user's upload answers as one that does not exist, as an unseen matter does.
  if (!row || !canTouchUpload(p, row)) throw notFound('上传');
  return row;
}

export const uploadStatusBody = z.object({
  id: z.string(),
  size: z.number().nullable(),
  offset: z.number(),
  status: z.enum(['receiving', 'completed', 'refused', 'expired', 'terminated']),
  failure: z.string().nullable(),
  declaredSha256: z.string().nullable(),
  sha256: z.string().nullable(),
  avRecordId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export async function uploadStatus(row: UploadRow, tempPath: string): Promise<z.infer<typeof uploadStatusBody>> {
  // The bytes durably held are the temp file's size (each PATCH fsyncs before acknowledging).
  const offset = row.completedAt ? (row.size ?? 0) : ((await stat(tempPath).catch(() => null))?.size ?? 0);
  const status = row.completedAt ? 'completed' : row.failure === 'expired' ? 'expired' : row.failure === 'terminated' ? 'terminated' : row.failure ? 'refused' : 'receiving';
  return {
    id: row.id,
    size: row.size,
    offset,
    status,
    failure: row.failure,
    declaredSha256: row.declaredSha256,
    sha256: row.objectKey,
    avRecordId: row.avRecordId,
    createdAt: row.createdAt.toISOString(),
    expiresAt: iso(row.expiresAt),
    completedAt: iso(row.completedAt),
  };
}
