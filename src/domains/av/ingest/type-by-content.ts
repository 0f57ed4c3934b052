import { open } from 'node:fs/promises';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../audit/record-audit.js';
import { sniffHeadLength, sniffMedia } from '../media-kind.js';
import { refuseUpload } from './refuse-upload.js';

export const unsupportedType = () => new AppError('UNSUPPORTED_MEDIA_TYPE', '无法按内容识别为照片、音频或视频，未入库（文件类型以内容判断，不看扩展名）');

/** The first `length` bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, length = 4096) {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/**
 * AV-2 type by content while receiving: as soon as an upload's temp file holds the bytes
 * sniffMedia reads, bytes that are not a photo, audio or video are refused (audited, dropped)
 * instead of being received to the end, which may be gigabytes later. Shorter files are typed
 * at completion (completeUpload), which checks again in any case.
 */
export async function refuseUnlessMedia(db: Db, actor: Actor, uploadId: string, tempPath: string, now: Date) {
  const head = await readHead(tempPath, sniffHeadLength);
  if (head.length < sniffHeadLength || sniffMedia(head)) return;
  await refuseUpload(db, actor, { uploadId, tempPath, reason: 'unsupported_type' }, now);
  throw unsupportedType();
}
