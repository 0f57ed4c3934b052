import { createHash, type Hash } from 'node:crypto';
import { createWriteStream, type BigIntStats } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
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
 * The tus file store with four changes. (1) Each PATCH fsyncs what it wrote before the offset is
 * acknowledged, so the offset a later HEAD reads from the file size is durable even across a
 * machine crash, not only a process kill. (2) A finished upload is answered from av_uploads (its
 * temp file is gone: the bytes now live in the object store) and can never be removed. (3) Each
 * PATCH hashes the bytes as it writes them (takeSha256), so completion can adopt the file without
 * reading it again. (4) An `afterWrite` hook may refuse a PATCH once its bytes are on disk.
 */
export const uploadIdPattern = /^[0-9a-f]{32}$/;

/**
 * Called after a PATCH's bytes [from, to) are durable and before the new offset is acknowledged;
 * a throw refuses the PATCH with that error (AV-2: type by content while receiving).
 */
export type AfterWrite = (id: string, from: number, to: number) => Promise<void>;

export class DurableFileStore extends FileStore {
  // Per upload, the SHA-256 of the bytes this process has written so far (AV-2: computed from the
  // bytes received, while they are received), so completion needs no second read of the file.
  private readonly hashes = new Map<string, HashState>();

  private readonly afterWrite: AfterWrite | undefined;

  constructor(
    private readonly db: Db,
    opts: { directory: string; expirationPeriodInMilliseconds: number; afterWrite?: AfterWrite },
  ) {
    const { afterWrite, ...fileStoreOpts } = opts;
    super({ ...fileStoreOpts, configstore: new UploadKvStore(db) });
    this.afterWrite = afterWrite;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const path = this.pathOf(id);
    const fh = await open(path, 'r+').catch(() => {
      throw ERRORS.FILE_WRITE_ERROR;
    });
    // A hash state is used once: it comes back only when this PATCH ends cleanly.
    let state = this.hashes.get(id);
    this.hashes.delete(id);
    this.prune();
    let received = 0;
    try {
      const before = await fh.stat({ bigint: true });
      if (before.size !== BigInt(offset)) state = undefined; // someone else is writing: hash from disk at the end
      else if (!state || !state.matches(before, offset)) state = await HashState.start(fh, offset);
      const hash = state?.hash;
      // Flush to disk while receiving (one fdatasync in flight at a time, every 16 MiB), so the
      // flush that must end before the offset is acknowledged has little left to write.
      const flusher = new EarlyFlush(fh);
      const counter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          received += chunk.length;
          hash?.update(chunk);
          flusher.wrote(chunk.length);
          done(null, chunk);
        },
      });
      try {
        // By descriptor number: a stream made by fh.createWriteStream keeps fh from closing (Node 20).
        await pipeline(readable, counter, createWriteStream('', { fd: fh.fd, start: offset, autoClose: false, highWaterMark: 1024 * 1024 }));
      } catch {
        // The bytes that did arrive are kept (and synced below): the client resumes after them.
        // Which of them reached the file is unknown to the hash: the next PATCH re-reads the prefix.
        state = undefined;
        throw ERRORS.FILE_WRITE_ERROR;
      } finally {
        await flusher.settled();
        // fdatasync: the data and the size (needed to read it back) reach the disk; no mtime flush.
        await fh.datasync();
      }
      if (state) {
        const after = await fh.stat({ bigint: true });
        // Exactly our bytes, all synced, and nobody else extended the file meanwhile.
        if (after.size === BigInt(offset + received)) this.hashes.set(id, state.advanced(after));
      }
    } finally {
      await fh.close();
    }
    try {
      await this.afterWrite?.(id, offset, offset + received);
    } catch (err) {
      this.hashes.delete(id);
      throw err;
    }
    return offset + received;
  }

  /**
   * The SHA-256 of a finished upload's file, when this process hashed every byte of it as it
   * wrote them (and the file is unchanged since its last PATCH: same inode, size and mtime);
   * otherwise undefined, and the store hashes the file itself.
   */
  async takeSha256(id: string): Promise<string | undefined> {
    const state = this.hashes.get(id);
    this.hashes.delete(id);
    if (!state) return undefined;
    const now = await stat(this.pathOf(id), { bigint: true }).catch(() => null);
    return now && state.matches(now, Number(now.size)) ? state.hash.digest('hex') : undefined;
  }

  private prune() {
    const idle = Date.now() - Math.max(this.getExpiration(), 3_600_000);
    for (const [id, s] of this.hashes) if (s.usedAt < idle) this.hashes.delete(id);
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

/**
 * An incremental SHA-256 of an upload's file [0, offset) with the file's identity after the last
 * write. Hash state cannot be persisted: a process that first sees an upload at offset > 0 (after
 * a restart, or a resume on another process) reads the prefix from the file once.
 */
class HashState {
  private constructor(
    readonly hash: Hash,
    readonly offset: number,
    private readonly ino: bigint,
    private readonly mtimeNs: bigint,
    readonly usedAt: number,
  ) {}

  static async start(fh: FileHandle, offset: number) {
    const hash = createHash('sha256');
    if (offset > 0) {
      let read = 0;
      for await (const chunk of fh.createReadStream({ start: 0, end: offset - 1, autoClose: false, highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        read += chunk.length;
      }
      if (read !== offset) return undefined;
    }
    return new HashState(hash, offset, -1n, -1n, Date.now());
  }

  advanced(s: BigIntStats) {
    return new HashState(this.hash, Number(s.size), s.ino, s.mtimeNs, Date.now());
  }

  /** True when the file still is what this hash covers: at `offset`, same inode, untouched since. */
  matches(s: BigIntStats, offset: number) {
    return this.offset === offset && s.size === BigInt(offset) && s.ino === this.ino && s.mtimeNs === this.mtimeNs;
  }
}

/** Starts an fdatasync of what has been written every `every` bytes, never two at once. */
class EarlyFlush {
  private sinceFlush = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly fh: FileHandle,
    private readonly every = 16 * 1024 * 1024,
  ) {}

  wrote(bytes: number) {
    this.sinceFlush += bytes;
    if (this.sinceFlush < this.every || this.inFlight) return;
    this.sinceFlush = 0;
    // Errors surface in the final datasync, which is awaited before the offset is acknowledged.
    this.inFlight = this.fh.datasync().then(
      () => void (this.inFlight = null),
      () => void (this.inFlight = null),
    );
  }

  async settled() {
    await this.inFlight;
  }
}
