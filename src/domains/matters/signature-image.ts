import { AppError } from '../../shared/errors.js';
import { decodesAsImage } from '../../shared/image-decode.js';
import type { ObjectStore } from '../../store/object-store.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

/**
 * A signature drawn on the tablet arrives as a data URL; it is kept as a write-once object
 * (DOC-3). The type is decided by the bytes, not by what the URL claims.
 */
export async function storeSignatureImage(store: ObjectStore, dataUrl: string) {
  const match = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl);
  if (!match) throw new AppError('VALIDATION_FAILED', '签名图片格式不正确（应为 PNG 或 JPEG）');
  const bytes = Buffer.from(match[2]!, 'base64');
  const isPng = bytes.subarray(0, 8).equals(PNG);
  const isJpeg = bytes.subarray(0, 3).equals(JPEG);
  if (!isPng && !isJpeg) throw new AppError('VALIDATION_FAILED', '签名图片内容不是 PNG 或 JPEG');
  if (bytes.length < 100) throw new AppError('VALIDATION_FAILED', '签名为空，请在签名区书写');
  // Decoded in full before it is kept: signatures are append-only, and a broken one would make
  // every later PDF of the document fail.
  if (!decodesAsImage(bytes, isPng ? 'image/png' : 'image/jpeg')) throw new AppError('VALIDATION_FAILED', '签名图片已损坏，无法解码，请重新签名');
  const stored = await store.put(bytes);
  return { key: stored.key, mediaType: isPng ? 'image/png' : 'image/jpeg', size: bytes.length };
}
