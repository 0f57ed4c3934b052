import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';

// The CJK font of the PDF export. Noto Serif SC comes from the npm package @fontsource/noto-serif-sc
// (its "chinese-simplified" WOFF holds ~8,000 characters: GB 2312, common name characters, Latin
// and punctuation), so a server needs no system fonts. A character outside it is drawn with
// Debian's Noto Serif CJK (fonts-noto-cjk) when that is installed, else it shows as a blank box.

const require = createRequire(import.meta.url);

type FontkitFont = { hasGlyphForCodePoint(codePoint: number): boolean };
const fontkit = require('fontkit') as { create(buffer: Buffer, postscriptName?: string): FontkitFont };

export const FALLBACK_FONT_PATH = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const FALLBACK_POSTSCRIPT_NAME = 'NotoSerifCJKsc-Regular';

/**
 * WOFF 1.0 → plain TrueType. fontkit reads WOFF directly, but inflates a whole table on every
 * glyph it loads, which made one page take seconds; inflating once here makes it milliseconds.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, index) => {
    const entry = 44 + index * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const originalLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    return {
      tag: woff.toString('latin1', entry, entry + 4),
      checksum: woff.readUInt32BE(entry + 16),
      data: compressedLength < originalLength ? inflateSync(stored) : stored,
    };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const directorySize = 12 + 16 * numTables;
  const sfnt = Buffer.alloc(directorySize + tables.reduce((sum, table) => sum + padded(table.data.length), 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  sfnt.writeUInt32BE(flavor, 0);
  sfnt.writeUInt16BE(numTables, 4);
  sfnt.writeUInt16BE(searchRange, 6);
  sfnt.writeUInt16BE(entrySelector, 8);
  sfnt.writeUInt16BE(numTables * 16 - searchRange, 10);
  let offset = directorySize;
  tables.forEach((table, index) => {
    const entry = 12 + index * 16;
    sfnt.write(table.tag, entry, 'latin1');
    sfnt.writeUInt32BE(table.checksum, entry + 4);
    sfnt.writeUInt32BE(offset, entry + 8);
    sfnt.writeUInt32BE(table.data.length, entry + 12);
    table.data.copy(sfnt, offset);
    offset += padded(table.data.length);
  });
  return sfnt;
}

export type CjkFonts = {
  regular: Buffer;
  bold: Buffer;
  /** Debian's font for characters the npm font lacks, when installed. */
  fallback: { path: string; postscriptName: string } | null;
  /** Which registered font draws a character: the npm font when it can, else the fallback. */
  fontFor(codePoint: number): 'regular' | 'fallback';
};

function loadNotoSerifSc(weight: 400 | 700): Buffer {
  let path: string;
  try {
    path = require.resolve(`@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-${weight}-normal.woff`);
  } catch {
    throw new Error('PDF 导出需要 npm 包 @fontsource/noto-serif-sc（请运行 npm ci）');
  }
  return woffToSfnt(readFileSync(path));
}

let cached: CjkFonts | undefined;

/** Loaded once per process (about 100 ms); every PDF then embeds only the glyphs it uses. */
export function cjkFonts(): CjkFonts {
  if (cached) return cached;
  const regular = loadNotoSerifSc(400);
  const primary = fontkit.create(regular);
  const fallback = existsSync(FALLBACK_FONT_PATH) ? { path: FALLBACK_FONT_PATH, postscriptName: FALLBACK_POSTSCRIPT_NAME } : null;
  let fallbackFont: FontkitFont | null | undefined;
  const fontFor = (codePoint: number): 'regular' | 'fallback' => {
    if (primary.hasGlyphForCodePoint(codePoint) || !fallback) return 'regular';
    fallbackFont ??= fontkit.create(readFileSync(fallback.path), fallback.postscriptName);
    return fallbackFont.hasGlyphForCodePoint(codePoint) ? 'fallback' : 'regular';
  };
  cached = { regular, bold: loadNotoSerifSc(700), fallback, fontFor };
  return cached;
}

/** Splits text into runs that one font can draw, so rare characters reach the fallback font. */
export function fontRuns(text: string, fonts: Pick<CjkFonts, 'fontFor'>): { font: 'regular' | 'fallback'; text: string }[] {
  const runs: { font: 'regular' | 'fallback'; text: string }[] = [];
  for (const character of text) {
    const font = fonts.fontFor(character.codePointAt(0)!);
    const last = runs.at(-1);
    if (last && last.font === font) last.text += character;
    else runs.push({ font, text: character });
  }
  return runs;
}
