import { fileTypeFromBuffer } from 'file-type';
import { decodesAsImage } from '../../shared/image-decode.js';

/**
 * DOC-5 a scan by structure, not by its first bytes: `file-type` must name the same format, an
 * image must decode in full, and a PDF must end with its trailer (%%EOF) — so a JPEG marker or
 * %PDF in front of HTML is refused.
 */
export async function scanIsWellFormed(bytes: Buffer, mediaType: string): Promise<boolean> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined);
  if (detected?.mime !== mediaType) return false;
  if (mediaType === 'image/jpeg' || mediaType === 'image/png') return decodesAsImage(bytes, mediaType);
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-1024).toString('latin1').includes('%%EOF');
}
