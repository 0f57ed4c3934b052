import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../../src/store/local-object-store.js';

describe('write-once content-addressed object store (AV-3, INT-2)', () => {
  const root = mkdtempSync(join(tmpdir(), 'liuhen-store-'));
  const store = new LocalObjectStore(root);
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('AV-3 stores bytes under their SHA-256, streamed in chunks, and reads them back, also by range', async () => {
    const chunks = ['现场检查', '笔录', '-'.repeat(100_000)];
    const res = await store.put(Readable.from(chunks.map((c) => Buffer.from(c))));
    const all = chunks.join('');
    expect(res).toEqual({ key: sha(all), size: Buffer.byteLength(all), created: true });
    expect(await text(await store.read(res.key))).toBe(all);
    expect(await text(await store.read(res.key, { start: 0, end: 11 }))).toBe('现场检查');
  });

  it('AV-3 identical bytes are stored once; a second put never overwrites the object', async () => {
    const first = await store.put(Buffer.from('原始视频'));
    const path = store.pathOf(first.key);
    const inode = statSync(path).ino;
    const second = await store.put(Buffer.from('原始视频'));
    expect(second).toEqual({ ...first, created: false });
    expect(statSync(path).ino).toBe(inode);
    expect(statSync(path).mode & 0o222).toBe(0); // read-only on disk
  });

  it('AV-2 refuses bytes whose hash differs from the declared one and keeps nothing', async () => {
    await expect(store.put(Buffer.from('tampered'), { expectedSha256: sha('original') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await store.stat(sha('tampered'))).toBeNull();
    expect((await store.put(Buffer.from('original'), { expectedSha256: sha('original').toUpperCase() })).created).toBe(true);
  });

  it('INT-2 a key that is not a SHA-256 never becomes a path', async () => {
    await expect(store.read('../../etc/passwd')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(() => store.pathOf('a'.repeat(63) + '/')).toThrow();
  });

  describe('adoptFile: a finished file taken in without a copy (AV-2, AV-3)', () => {
    const uploads = join(root, 'uploads');
    mkdirSync(uploads, { recursive: true });
    let n = 0;
    const tempFile = (content: string | Buffer) => {
      const p = join(uploads, `upload-${++n}`);
      writeFileSync(p, content);
      return p;
    };
    const objectCount = () => (existsSync(join(root, 'objects')) ? readdirSync(join(root, 'objects'), { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length : 0);

    it('hashes the file itself, links it under its key read-only, and the object holds the temp file\'s bytes', async () => {
      const bytes = Buffer.concat([Buffer.from('执法记录仪'), Buffer.alloc(3 * 1024 * 1024, 0x5a)]);
      const path = tempFile(bytes);
      const res = await store.adoptFile(path, { expectedSha256: createHash('sha256').update(bytes).digest('hex') });
      expect(res).toEqual({ key: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, created: true });
      expect(readFileSync(store.pathOf(res.key)).equals(readFileSync(path))).toBe(true);
      expect(statSync(store.pathOf(res.key)).ino).toBe(statSync(path).ino); // linked, not copied
      expect(statSync(store.pathOf(res.key)).mode & 0o222).toBe(0);
      rmSync(path); // the caller deletes its temp path; the object stays
      expect(readFileSync(store.pathOf(res.key)).equals(bytes)).toBe(true);
    });

    it('the same bytes twice: created:false, the first object untouched (write-once)', async () => {
      const first = await store.adoptFile(tempFile('同一段视频'));
      const path = store.pathOf(first.key);
      const inode = statSync(path).ino;
      const second = await store.adoptFile(tempFile('同一段视频'));
      expect(second).toEqual({ ...first, created: false });
      expect(statSync(path).ino).toBe(inode);
      expect((await store.put(Buffer.from('同一段视频'))).created).toBe(false);
    });

    it('a wrong declared hash is refused and nothing is stored', async () => {
      const before = objectCount();
      const path = tempFile('被篡改的视频');
      await expect(store.adoptFile(path, { expectedSha256: sha('原始视频-另一段') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await store.stat(sha('被篡改的视频'))).toBeNull();
      expect(objectCount()).toBe(before);
      expect(statSync(path).nlink).toBe(1);
    });

    it('a hash given by the caller skips the read; a declared hash still has to match it', async () => {
      const path = tempFile('边收边算');
      await expect(store.adoptFile(path, { sha256: sha('边收边算'), expectedSha256: sha('别的') })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      const res = await store.adoptFile(path, { sha256: sha('边收边算'), expectedSha256: sha('边收边算') });
      expect(res).toEqual({ key: sha('边收边算'), size: Buffer.byteLength('边收边算'), created: true });
      expect(await text(await store.read(res.key))).toBe('边收边算');
    });
  });
});
