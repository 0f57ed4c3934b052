import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { FileStore } from '@tus/file-store';
import { ERRORS, Upload } from '@tus/utils';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avUploads } from '../../../db/schema/index.js';
import { UploadKvStore } from './upload-kv-store.js';

/**
 * The tus file store with two changes. (1) Each PATCH fsyncs what it wrote before the offset is
 * acknowledged, so the offset a later HEAD reads from the file size is durable even across a
 * machine crash, not only a process kill. (2) A finished upload is answered from av_uploads (its
 * temp file is gone: the bytes now live in the object store) and can never be removed.
 */
export const uploadIdPattern = /^[0-9a-f]{32}$/;

export class DurableFileStore extends FileStore {
  constructor(
    private readonly db: Db,
    opts: { directory: string; expirationPeriodInMilliseconds: number },
  ) {
    super({ ...opts, configstore: new UploadKvStore(db) });
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const path = this.pathOf(id);
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        received += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(readable, counter, createWriteStream(path, { flags: 'r+', start: offset }));
    } catch {
      // The bytes that did arrive are kept (and synced below): the client resumes after them.
      throw ERRORS.FILE_WRITE_ERROR;
    } finally {
      await fsyncFile(path);
    }
    return offset + received;
  }

  /** Upload ids are ours (hex, see uploadIdPattern): a name never becomes a path. */
  pathOf(id: string) {
    if (!uploadIdPattern.test(id)) throw ERRORS.FILE_NOT_FOUND;
    return join(this.directory, id);
  }

  override async getUpload(id: string): Promise<Upload> {
    const [row] = await this.db.select({ completedAt: avUploads.completedAt, size: avUploads.size }).from(avUploads).where(eq(avUploads.id, id));
    if (row?.completedAt) return new Upload({ id, size: row.size ?? 0, offset: row.size ?? 0 });
    return super.getUpload(id);
  }

  override async remove(id: string): Promise<void> {
    const [row] = await this.db.select({ completedAt: avUploads.completedAt }).from(avUploads).where(eq(avUploads.id, id));
    if (!row || row.completedAt) throw ERRORS.FILE_NOT_FOUND;
    return super.remove(id);
  }
}

// fsync through any descriptor flushes the file's dirty pages: the write stream has closed its own.
async function fsyncFile(path: string) {
  const fh = await open(path, 'r+').catch(() => null);
  if (!fh) return;
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
