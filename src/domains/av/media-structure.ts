import { open, readFile } from 'node:fs/promises';
import { fileTypeFromFile } from 'file-type';
import { decodesAsImage } from '../../shared/image-decode.js';
import type { AvKind, Sniffed } from './media-kind.js';

// AV-2 type by structure, not by four bytes: `file-type` names the format, then the structure is
// checked — ISO BMFF boxes must tile the whole file, RIFF must declare its length, and photos are
// decoded in full — so "<!--ftypisom--><html><script>" or a JPEG marker before HTML is no medium.

const photoLimitBytes = 64 * 1024 * 1024;
const isoBmff = new Set(['video/mp4', 'video/quicktime', 'audio/mp4', 'audio/x-m4a', 'image/heic', 'image/heif', 'video/3gpp', 'video/3gpp2', 'audio/3gpp', 'video/x-m4v', 'image/avif']);

function kindOf(mime: string): AvKind | null {
  if (/^image\/(jpeg|png|heic|heif|avif)$/.test(mime)) return 'photo';
  if (mime.startsWith('audio/')) return 'audio';
  if (mime.startsWith('video/')) return 'video';
  return null;
}

const printable = (b: Buffer) => [...b].every((c) => c >= 0x20 && c < 0x7f);

/** The top-level ISO BMFF boxes, starting with `ftyp`, cover the file exactly. */
async function boxesTileFile(path: string): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const header = Buffer.alloc(16);
    let offset = 0;
    for (let n = 0; offset < size; n++) {
      if (n > 100_000) return false;
      const { bytesRead } = await fh.read(header, 0, 16, offset);
      if (bytesRead < 8) return false;
      const type = header.subarray(4, 8);
      if (!printable(type) || (n === 0 && type.toString('latin1') !== 'ftyp')) return false;
      let boxSize = header.readUInt32BE(0);
      if (boxSize === 0) return true; // the last box extends to the end of the file
      if (boxSize === 1) {
        if (bytesRead < 16) return false;
        boxSize = Number(header.readBigUInt64BE(8));
        if (boxSize < 16) return false;
      } else if (boxSize < 8) return false;
      offset += boxSize;
    }
    return offset === size;
  } finally {
    await fh.close();
  }
}

async function riffLengthMatches(path: string) {
  const fh = await open(path, 'r');
  try {
    const size = (await fh.stat()).size;
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    const declared = head.readUInt32LE(4) + 8;
    return declared === size || declared === size - 1; // a RIFF chunk may be padded to even length
  } finally {
    await fh.close();
  }
}

/** A finished upload's type by content and structure, or null when it is not a medium we keep. */
export async function detectMedia(path: string): Promise<Sniffed> {
  const detected = await fileTypeFromFile(path).catch(() => undefined);
  if (!detected) return null;
  const kind = kindOf(detected.mime);
  if (!kind) return null;
  const mime = detected.mime;
  if (isoBmff.has(mime) || detected.ext === 'mp4' || detected.ext === 'mov') {
    if (!(await boxesTileFile(path))) return null;
  } else if (mime === 'video/vnd.avi' || mime === 'video/x-msvideo' || mime === 'audio/wav' || mime === 'audio/vnd.wave') {
    if (!(await riffLengthMatches(path))) return null;
  } else if (mime === 'image/jpeg' || mime === 'image/png') {
    const bytes = await readFile(path);
    if (bytes.length > photoLimitBytes || !decodesAsImage(bytes, mime)) return null;
  }
  return { mediaType: mime, kind };
}
