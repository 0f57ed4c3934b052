import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, HeadObjectCommand, ListObjectVersionsCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { AppError } from '../shared/errors.js';
import type { S3StoreConfig } from '../server/config.js';
import { isSha256Key, type ByteRange, type ObjectInfo, type ObjectStore, type PutOptions, type StoredObject } from './object-store.js';
import { retainUntil } from './retention.js';
import { extendLock, prepareObjectLock } from './s3-object-lock.js';
import { uploadFile, type ObjectLock } from './s3-upload.js';

const CACHED_VERSIONS = 10_000;

/**
 * Write-once, content-addressed objects in an S3-compatible bucket (Ceph RGW, MinIO, cloud)
 * under objects/ab/cd/<sha256>, in a bucket with versioning and Object Lock. The key is the
 * hash, so bytes are spooled to a local temp file while hashed (never held whole in memory),
 * then sent with the hash known and each request's Content-MD5 (s3-upload.ts); an existing key
 * is never written again. Each original carries a COMPLIANCE retention (s3-object-lock.ts).
 *
 * The original of a key is its oldest version: a later version or a delete marker can only come
 * from someone writing behind Liuhen's back (Object Lock keeps the original's bytes). Reads
 * always return the original, and `stat` reports the later writes so that verify names them.
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3';
  /** Exposed for tools and tests (e.g. to inspect a bucket with the app's own credentials). */
  readonly client: S3Client;
  private readonly bucket: string;
  private readonly defaultYears: number;
  private bucketLocked = true;
  // key → the original's version id. It never changes while the original is locked.
  private readonly originals = new Map<string, string>();

  constructor(
    config: S3StoreConfig,
    private readonly spoolRoot: string,
  ) {
    this.bucket = config.bucket;
    this.defaultYears = config.retentionYears;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // The SDK's default trailing CRC (aws-chunked bodies) fails on Ceph 16 with 411; integrity
      // comes from Content-MD5 on every request instead.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  /** At start: checks Object Lock on the bucket, sets its default retention; Chinese warnings. */
  async prepare(): Promise<string[]> {
    const { locked, warnings } = await prepareObjectLock(this.client, this.bucket, this.defaultYears);
    this.bucketLocked = locked;
    return warnings;
  }

  keyOf(sha256: string) {
    if (!isSha256Key(sha256)) throw new AppError('VALIDATION_FAILED', '对象键必须是 SHA-256 十六进制值');
    return `objects/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(source: Readable | Uint8Array, opts: PutOptions = {}): Promise<StoredObject> {
    const spoolDir = join(this.spoolRoot, 'tmp');
    await mkdir(spoolDir, { recursive: true });
    const spool = join(spoolDir, `s3-${Date.now()}-${randomBytes(8).toString('hex')}`);
    try {
      const { sha256, size } = await spoolWhileHashing(source, spool);
      return await this.storeFile(spool, sha256, size, opts);
    } finally {
      await unlink(spool).catch(() => undefined);
    }
  }

  /** A finished local file goes up as it lies: hashed once (or hashed by the caller), no spool copy. */
  async adoptFile(path: string, opts: PutOptions & { sha256?: string } = {}): Promise<StoredObject> {
    const { sha256, size } = opts.sha256 && isSha256Key(opts.sha256) ? { sha256: opts.sha256, size: (await stat(path)).size } : await hashFile(path);
    return this.storeFile(path, sha256, size, opts);
  }

  private async storeFile(path: string, sha256: string, size: number, opts: PutOptions): Promise<StoredObject> {
    if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
      throw new AppError('VALIDATION_FAILED', '文件校验值（SHA-256）与声明不一致，未保存', { expected: opts.expectedSha256, actual: sha256 });
    }
    const lock = this.lockFor(opts);
    const existing = await this.stat(sha256);
    if (existing) return this.keptAlready(sha256, size, existing, lock);
    const versionId = await uploadFile({ client: this.client, bucket: this.bucket, key: this.keyOf(sha256) }, path, sha256, size, lock, async () => (await this.stat(sha256)) !== null);
    const now = await this.stat(sha256);
    if (!now) throw new AppError('INTERNAL', '对象存储确认保存后却查不到该对象', { key: sha256 });
    // Two processes storing the same bytes at once may both complete (Ceph ignores If-None-Match
    // there): only the one whose version is the original created it.
    if (versionId === null || (versionId && now.versionId !== versionId)) return this.keptAlready(sha256, size, now, lock);
    return { key: sha256, size, created: true };
  }

  // A date already past (a recording older than its rule's years) locks nothing by itself: the
  // bucket's default retention then applies, so no original is ever stored unlocked.
  private lockFor(opts: PutOptions): ObjectLock | undefined {
    if (!opts.retention || !this.bucketLocked) return undefined;
    const until = retainUntil(opts.retention, this.defaultYears);
    return until.getTime() > Date.now() ? { mode: 'COMPLIANCE', until } : undefined;
  }

  private async keptAlready(sha256: string, size: number, info: ObjectInfo, lock: ObjectLock | undefined): Promise<StoredObject> {
    await extendLock(this.client, this.bucket, this.keyOf(sha256), info, lock, this.bucketLocked);
    return { key: sha256, size, created: false };
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    const Key = this.keyOf(key);
    const versions: { id: string; etag?: string; size: number }[] = []; // listed newest first
    let deleteMarkers = 0;
    let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
    for (;;) {
      const page = await this.client.send(new ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: Key, ...marker }));
      for (const v of page.Versions ?? []) if (v.Key === Key) versions.push({ id: v.VersionId ?? 'null', etag: v.ETag, size: Number(v.Size ?? 0) });
      deleteMarkers += (page.DeleteMarkers ?? []).filter((d) => d.Key === Key).length;
      if (!page.IsTruncated) break;
      marker = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
    }
    const original = versions.at(-1);
    if (!original) return null;
    this.remember(key, original.id);
    const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key, VersionId: original.id === 'null' ? undefined : original.id }));
    const retention = head.ObjectLockMode && head.ObjectLockRetainUntilDate ? { mode: head.ObjectLockMode, until: new Date(head.ObjectLockRetainUntilDate) } : null;
    // A second copy of the same bytes (two writers at once) is harmless; other content is not.
    const laterVersions = versions.slice(0, -1).filter((v) => v.etag !== original.etag || v.size !== original.size).length;
    return { size: original.size, versionId: original.id, laterVersions, deleteMarkers, retention };
  }

  /** Always the original's bytes, whatever was written to the key later. */
  async read(key: string, range?: ByteRange): Promise<Readable> {
    const versionId = this.originals.get(key) ?? (await this.stat(key))?.versionId;
    if (versionId === undefined) throw new AppError('NOT_FOUND', '对象不存在');
    try {
      const res = await this.client.send(
        new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), VersionId: versionId === 'null' ? undefined : versionId, Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return res.Body as Readable;
    } catch (err) {
      if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404) {
        this.originals.delete(key); // removed after its retention ended
        throw new AppError('NOT_FOUND', '对象不存在');
      }
      throw err;
    }
  }

  private remember(key: string, versionId: string) {
    if (this.originals.size >= CACHED_VERSIONS) this.originals.clear();
    this.originals.set(key, versionId);
  }

  destroy() {
    this.client.destroy();
  }
}

async function spoolWhileHashing(source: Readable | Uint8Array, path: string) {
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
  await pipeline(input, hasher, createWriteStream(path, { flags: 'wx' }));
  return { sha256: hash.digest('hex'), size };
}

async function hashFile(path: string) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}
