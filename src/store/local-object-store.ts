import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, mkdir, open, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../shared/errors.js';
import { isSha256Key, type ByteRange, type ObjectStore, type PutOptions, type StoredObject } from './object-store.js';

/**
 * Objects in a local folder at objects/ab/cd/<sha256>. A write goes to a temp file, is fsynced,
 * then hard-linked into place: link() fails when the name exists, so an object is never
 * overwritten, and a crash leaves either the whole object or nothing under its key. A folder
 * cannot lock a file against its own administrator: `retention` is accepted and ignored here.
 */
export class LocalObjectStore implements ObjectStore {
  readonly kind = 'local';
  constructor(private readonly root: string) {}

  pathOf(key: string) {
    if (!isSha256Key(key)) throw new AppError('VALIDATION_FAILED', '对象键必须是 SHA-256 十六进制值');
    return join(this.root, 'objects', key.slice(0, 2), key.slice(2, 4), key);
  }

  async put(source: Readable | Uint8Array, opts: PutOptions = {}): Promise<StoredObject> {
    const tmpDir = join(this.root, 'tmp');
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    const hash = createHash('sha256');
    let size = 0;
    const hasher = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const input = source instanceof Readable ? source : Readable.from([Buffer.from(source)]);
    try {
      await pipeline(input, hasher, createWriteStream(tmp, { flags: 'wx' }));
      await fsync(tmp);
      const key = hash.digest('hex');
      if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== key) {
        throw new AppError('VALIDATION_FAILED', '文件校验值（SHA-256）与声明不一致，未保存', { expected: opts.expectedSha256, actual: key });
      }
      return { key, size, created: await this.linkIn(tmp, key) };
    } finally {
      await unlink(tmp).catch(() => undefined);
    }
  }

  /**
   * A finished file under the same data folder is hashed where it lies (one sequential read, no
   * copy), fsynced, then hard-linked under its key exactly as put() links its temp file. Another
   * file system (EXDEV) falls back to put(), which copies. With `sha256` (computed by the caller
   * from the bytes it wrote) the read is skipped.
   */
  async adoptFile(path: string, opts: PutOptions & { sha256?: string } = {}): Promise<StoredObject> {
    const fh = await open(path, 'r');
    let key: string;
    let size = 0;
    try {
      if (opts.sha256 && isSha256Key(opts.sha256)) {
        key = opts.sha256;
        size = (await fh.stat()).size;
      } else {
        const hash = createHash('sha256');
        for await (const chunk of fh.createReadStream({ autoClose: false, start: 0, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          size += chunk.length;
        }
        key = hash.digest('hex');
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== key) {
      throw new AppError('VALIDATION_FAILED', '文件校验值（SHA-256）与声明不一致，未保存', { expected: opts.expectedSha256, actual: key });
    }
    try {
      return { key, size, created: await this.linkIn(path, key) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EXDEV') return this.put(createReadStream(path), { expectedSha256: key });
      throw err;
    }
  }

  // link() fails when the name exists: an object is never overwritten. Returns whether it was new.
  private async linkIn(from: string, key: string) {
    const final = this.pathOf(key);
    await mkdir(join(final, '..'), { recursive: true });
    const created = await link(from, final).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'EEXIST') return false;
        throw err;
      },
    );
    if (created) {
      await chmod(final, 0o444);
      await fsync(join(final, '..'));
    }
    return created;
  }

  async stat(key: string) {
    const s = await stat(this.pathOf(key)).catch(() => null);
    return s ? { size: s.size } : null;
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    if (!(await this.stat(key))) throw new AppError('NOT_FOUND', '对象不存在');
    return createReadStream(path, range ? { start: range.start, end: range.end } : undefined);
  }
}

async function fsync(path: string) {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
