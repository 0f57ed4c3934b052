// AV-2: the type of a file is decided by its first bytes, never by its name.
export type AvKind = 'photo' | 'audio' | 'video';
export type Sniffed = { mediaType: string; kind: AvKind } | null;

const startsWith = (b: Uint8Array, sig: number[], offset = 0) => sig.every((x, i) => b[offset + i] === x);
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/**
 * How many leading bytes sniffMedia reads at most (MPEG-TS: the sync byte of the second packet at
 * 188). With this many bytes its answer is final, so an upload can be typed before it ends.
 */
export const sniffHeadLength = 189;

export function sniffMedia(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', kind: 'photo' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mediaType: 'image/png', kind: 'photo' };
  if (ascii(head, 4, 8) === 'ftyp') {
    // The ftyp box is small and a box follows it: "<!--ftypisom--><html>" declares a 1 GB box.
    const ftypSize = ((head[0] ?? 0) << 24) + ((head[1] ?? 0) << 16) + ((head[2] ?? 0) << 8) + (head[3] ?? 0);
    if (ftypSize < 16 || ftypSize > 1024) return null;
    const brand = ascii(head, 8, 12);
    if (brand.startsWith('heic') || brand.startsWith('heix') || brand === 'mif1') return { mediaType: 'image/heic', kind: 'photo' };
    if (brand.startsWith('M4A')) return { mediaType: 'audio/mp4', kind: 'audio' };
    if (brand.startsWith('qt')) return { mediaType: 'video/quicktime', kind: 'video' };
    return { mediaType: 'video/mp4', kind: 'video' };
  }
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'AVI ') return { mediaType: 'video/x-msvideo', kind: 'video' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return { mediaType: 'audio/wav', kind: 'audio' };
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return { mediaType: 'video/webm', kind: 'video' };
  if (head[0] === 0x47 && head[188] === 0x47) return { mediaType: 'video/mp2t', kind: 'video' };
  if (ascii(head, 0, 3) === 'ID3' || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return { mediaType: 'audio/mpeg', kind: 'audio' };
  if (ascii(head, 0, 4) === 'OggS') return { mediaType: 'audio/ogg', kind: 'audio' };
  if (ascii(head, 0, 4) === 'fLaC') return { mediaType: 'audio/flac', kind: 'audio' };
  if (ascii(head, 0, 6) === '#!AMR\n') return { mediaType: 'audio/amr', kind: 'audio' };
  return null;
}
