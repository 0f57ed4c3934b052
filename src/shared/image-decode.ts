import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

// A photo or signature is accepted only when it decodes in full: a valid header followed by
// anything else (HTML, a broken chunk CRC) is not an image, and would fail later in a renderer.
/** Decodes a whole JPEG or PNG; false when the bytes are not a complete image. */
export function decodesAsImage(bytes: Buffer, mime: 'image/jpeg' | 'image/png'): boolean {
  try {
    if (mime === 'image/png') PNG.sync.read(bytes);
    else jpeg.decode(bytes, { useTArray: true, tolerantDecoding: false, maxMemoryUsageInMB: 1024 });
    return true;
  } catch {
    return false;
  }
}
