import { createReadStream } from 'node:fs';
import { access, unlink } from 'node:fs/promises';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avRecords, avUploads } from '../../../db/schema/index.js';
import { AppError } from '../../../shared/errors.js';
import type { ObjectStore } from '../../../store/object-store.js';
import type { Actor } from '../../audit/record-audit.js';
import { detectMedia } from '../media-structure.js';
import { registerAvRecord } from '../register-record.js';
import { originalRetention } from './original-retention.js';
import { refuseUpload } from './refuse-upload.js';
import { unsupportedType } from './type-by-content.js';
import { toRecordMetadata, type StoredUploadMetadata } from './upload-metadata.js';

export type CompletedUpload = { avRecordId: string; objectKey: string; created: boolean };

/**
 * All bytes of an upload are on disk (AV-2, AV-3): the store adopts the file (hard link, no copy)
 * under its SHA-256 — computed by the server, either as the PATCHes wrote the bytes
 * (`sha256OfTemp`) or by the store reading the file — and refuses it when the hash differs from
 * the declared one (nothing stored); stores without adoptFile copy it in with put(). The type is
 * read from the content and its structure (media-structure.ts), then the upload is marked complete and the record registered in one
 * transaction. Safe to call twice or from two processes: only one marks it complete.
 */
export async function completeUpload(deps: { db: Db; store: ObjectStore }, actor: Actor, uploadId: string, tempPath: string, now: Date, sha256OfTemp?: () => Promise<string | undefined>): Promise<CompletedUpload> {
  const { db, store } = deps;
  const row = await uploadRow(db, uploadId);
  if (row.completedAt) return finishedResult(db, row.id);
  if (row.failure) throw new AppError('NOT_FOUND', `上传已失效（${row.failure}），请重新上传`);

  const present = await access(tempPath).then(() => true, (err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return false; // completed (and its temp file removed) meanwhile
    throw err;
  });
  if (!present) return finishedResult(db, uploadId);
  const sniffed = await detectMedia(tempPath);
  if (!sniffed) {
    // Usually refused while receiving (refuseUnlessMedia); files shorter than its head end here.
    await refuseUpload(db, actor, { uploadId, tempPath, reason: 'unsupported_type' }, now);
    throw unsupportedType();
  }
  let stored;
  try {
    const expectedSha256 = row.declaredSha256 ?? undefined;
    const retention = await originalRetention(db, row.agencyId, toRecordMetadata(row.metadata as StoredUploadMetadata).startedAt, now);
    // Adopting the finished temp file (hash in place, link) avoids writing every byte twice.
    stored = store.adoptFile ? await store.adoptFile(tempPath, { expectedSha256, retention, sha256: await sha256OfTemp?.() }) : await store.put(createReadStream(tempPath), { expectedSha256, retention });
  } catch (err) {
    if (err instanceof AppError && err.code === 'VALIDATION_FAILED') {
      await refuseUpload(db, actor, { uploadId, tempPath, reason: 'sha256_mismatch', details: err.details as Record<string, unknown> | undefined }, now);
      throw new AppError('VALIDATION_FAILED', '服务器计算的 SHA-256 与声明的校验值不一致，上传被拒绝，未保存原始文件', err.details);
    }
    throw err;
  }
  if (stored.size !== row.size) throw new AppError('CONFLICT', '收到的字节数与声明的文件大小不一致');

  const done = await db.transaction(async (tx) => {
    const [claimed] = await tx.update(avUploads).set({ completedAt: now, offset: stored.size, updatedAt: now, info: null }).where(and(eq(avUploads.id, uploadId), isNull(avUploads.completedAt))).returning({ id: avUploads.id });
    if (!claimed) return null; // another request or process completed it first
    const metadata = row.metadata as StoredUploadMetadata;
    const record = await registerAvRecord(tx, actor, { agencyId: row.agencyId, objectKey: stored.key, size: stored.size, mediaType: sniffed.mediaType, kind: sniffed.kind, fileName: metadata.fileName ?? null, uploadId, metadata: toRecordMetadata(metadata) }, now);
    await tx.update(avUploads).set({ avRecordId: record.id }).where(eq(avUploads.id, uploadId));
    return { avRecordId: record.id, objectKey: stored.key, created: stored.created };
  });
  await unlink(tempPath).catch(() => undefined);
  return done ?? finishedResult(db, uploadId);
}

async function uploadRow(db: Db, id: string) {
  const [row] = await db.select().from(avUploads).where(eq(avUploads.id, id));
  if (!row) throw new AppError('NOT_FOUND', '上传不存在');
  return row;
}

async function finishedResult(db: Db, uploadId: string): Promise<CompletedUpload> {
  const [r] = await db.select({ id: avRecords.id, objectKey: avRecords.objectKey }).from(avUploads).innerJoin(avRecords, eq(avRecords.id, avUploads.avRecordId)).where(eq(avUploads.id, uploadId));
  if (!r) throw new AppError('CONFLICT', '上传正在入库，请稍后查询');
  return { avRecordId: r.id, objectKey: r.objectKey, created: false };
}
