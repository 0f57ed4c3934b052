import { AppError } from '../../../shared/errors.js';

/**
 * The largest file one upload may declare (AV-2): the platform's limit (LIUHEN_UPLOAD_MAX_BYTES),
 * or the agency's own when it set a smaller one. `setBy` names whose limit binds, for the message.
 */
export type UploadLimit = { maxBytes: number; setBy: 'platform' | 'agency' };

export function effectiveUploadLimit(platformMaxBytes: number, agencyMaxBytes: number | null): UploadLimit {
  return agencyMaxBytes !== null && agencyMaxBytes < platformMaxBytes ? { maxBytes: agencyMaxBytes, setBy: 'agency' } : { maxBytes: platformMaxBytes, setBy: 'platform' };
}

const MB = 1024 ** 2;
const GB = 1024 ** 3;

/** A limit as people set it: whole GB or MB (binary units, as the web form takes them), else bytes. */
export function sizeLabel(bytes: number): string {
  if (bytes % GB === 0) return `${bytes / GB} GB`;
  if (bytes % MB === 0) return `${bytes / MB} MB`;
  return `${bytes} 字节`;
}

export function tooLargeError(limit: UploadLimit, size: number) {
  const whose = limit.setBy === 'agency' ? '本机关设定的' : '平台';
  return new AppError('PAYLOAD_TOO_LARGE', `文件过大：超过${whose}单个音像文件上限 ${sizeLabel(limit.maxBytes)}，未上传`, { limit: limit.maxBytes, setBy: limit.setBy, size });
}
