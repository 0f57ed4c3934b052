import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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
});
