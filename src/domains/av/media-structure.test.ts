import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffMedia } from './media-kind.js';
import { detectMedia } from './media-structure.js';

const dir = mkdtempSync(join(tmpdir(), 'media-structure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer) => {
  const p = join(dir, `f${n++}`);
  writeFileSync(p, bytes);
  return p;
};
const pad = (s: string, size = 4096) => Buffer.concat([Buffer.from(s, 'latin1'), Buffer.alloc(Math.max(0, size - s.length), 0x20)]);
/** An ISO BMFF box: 32-bit size, type, body. */
const sized = (type: string, body: Buffer) => {
  const b = Buffer.concat([Buffer.alloc(4), Buffer.from(type, 'latin1'), body]);
  b.writeUInt32BE(b.length, 0);
  return b;
};
const mp4 = () => Buffer.concat([sized('ftyp', Buffer.from('isom\u0000\u0000\u0002\u0000isommp41', 'latin1')), sized('moov', Buffer.alloc(100, 1)), sized('mdat', Buffer.alloc(5000, 7))]);
const realJpeg = () => Buffer.from(jpeg.encode({ data: Buffer.alloc(32 * 24 * 4, 0x80), width: 32, height: 24 }, 80).data);
const realPng = () => {
  const png = new PNG({ width: 8, height: 8 });
  png.data.fill(0x40);
  return PNG.sync.write(png);
};

// Issue 10 "Content and headers": a polyglot passed as video/mp4 and a JPEG header followed by
// HTML as image/jpeg, because only the first bytes were read (AV-2).
describe('AV-2 media type by structure, not by the first bytes', () => {
  it('AV-2 a well-formed MP4, JPEG and PNG are recognised', async () => {
    expect(await detectMedia(file(mp4()))).toEqual({ mediaType: 'video/mp4', kind: 'video' });
    expect(await detectMedia(file(realJpeg()))).toEqual({ mediaType: 'image/jpeg', kind: 'photo' });
    expect(await detectMedia(file(realPng()))).toEqual({ mediaType: 'image/png', kind: 'photo' });
  });

  it('AV-2 the polyglot <!--ftypisom--><html><script> is not video/mp4, neither by its head nor in full', async () => {
    const polyglot = pad('<!--ftypisom--><html><script>alert(document.cookie)</script></html>');
    expect(sniffMedia(polyglot)).toBeNull();
    expect(await detectMedia(file(polyglot))).toBeNull();
  });

  it('AV-2 an ftyp box whose boxes do not tile the file (HTML after it) is not video', async () => {
    const head = sized('ftyp', Buffer.from('isom\u0000\u0000\u0002\u0000isommp41', 'latin1'));
    expect(await detectMedia(file(Buffer.concat([head, pad('<html><script>alert(1)</script></html>')])))).toBeNull();
    expect(await detectMedia(file(mp4().subarray(0, 2000)))).toBeNull();
  });

  it('AV-2 a JPEG or PNG header followed by HTML is not a photo; a PNG with a bad chunk CRC neither', async () => {
    expect(await detectMedia(file(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), pad('<html><script>alert(1)</script></html>')])))).toBeNull();
    expect(await detectMedia(file(Buffer.concat([realPng().subarray(0, 33), pad('<html><script>alert(1)</script></html>')])))).toBeNull();
    const badCrc = realPng();
    badCrc[29] = badCrc[29]! ^ 0xff; // the IHDR chunk's CRC
    expect(await detectMedia(file(badCrc))).toBeNull();
  });
});
