import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { AppError } from '../shared/errors.js';
import type { S3StoreConfig } from '../server/config.js';
import { isSha256Key, type ByteRange, type ObjectStore, type StoredObject } from './object-store.js';

// Objects above this size go up in parts (lib-storage), each part with its own SHA-256 that the
// store verifies; below it, one PUT carries the whole object's x-amz-checksum-sha256.
const PART_SIZE = 16 * 1024 * 1024;

/**
 * Write-once, content-addressed objects in an S3-compatible bucket (MinIO, Ceph, cloud) under
 * objects/ab/cd/<sha256>. The key is the hash, so the bytes are spooled to a local temp file
 * while hashing (never held in memory), then sent with the hash known: an existing key is never
 * written again (HEAD first, then `If-None-Match: *` where the store supports it).
 */
export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3';
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(
    config: S3StoreConfig,
    private readonly spoolRoot: string,
  ) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials: config.accessKeyId && config.secretAccessKey ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey } : undefined,
      // Checksums are ones we choose (SHA-256), sent as headers: the SDK's default trailing CRC
      // (aws-chunked bodies) is not understood by every S3-compatible store.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  keyOf(sha256: string) {
    if (!isSha256Key(sha256)) throw new AppError('VALIDATION_FAILED', '对象键必须是 SHA-256 十六进制值');
    return `objects/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(source: Readable | Uint8Array, opts: { expectedSha256?: string } = {}): Promise<StoredObject> {
    const spoolDir = join(this.spoolRoot, 'tmp');
    await mkdir(spoolDir, { recursive: true });
    const spool = join(spoolDir, `s3-${Date.now()}-${randomBytes(8).toString('hex')}`);
    try {
      const { sha256, size } = await spoolWhileHashing(source, spool);
      if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
        throw new AppError('VALIDATION_FAILED', '文件校验值（SHA-256）与声明不一致，未保存', { expected: opts.expectedSha256, actual: sha256 });
      }
      if (await this.stat(sha256)) return { key: sha256, size, created: false };
      const created = await this.send(spool, sha256, size);
      return { key: sha256, size, created };
    } finally {
      await unlink(spool).catch(() => undefined);
    }
  }

  /** A finished local file goes up as it lies: hashed once (or hashed by the caller), no spool copy. */
  async adoptFile(path: string, opts: { expectedSha256?: string; sha256?: string } = {}): Promise<StoredObject> {
    const { sha256, size } = opts.sha256 && isSha256Key(opts.sha256) ? { sha256: opts.sha256, size: (await stat(path)).size } : await hashFile(path);
    if (opts.expectedSha256 && opts.expectedSha256.toLowerCase() !== sha256) {
      throw new AppError('VALIDATION_FAILED', '文件校验值（SHA-256）与声明不一致，未保存', { expected: opts.expectedSha256, actual: sha256 });
    }
    if (await this.stat(sha256)) return { key: sha256, size, created: false };
    return { key: sha256, size, created: await this.send(path, sha256, size) };
  }

  private async send(path: string, sha256: string, size: number): Promise<boolean> {
    const Key = this.keyOf(sha256);
    const ChecksumSHA256 = Buffer.from(sha256, 'hex').toString('base64');
    try {
      if (size <= PART_SIZE) {
        await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key, Body: createReadStream(path), ContentLength: size, ChecksumSHA256, IfNoneMatch: '*' }));
      } else {
        const upload = new Upload({
          client: this.client,
          partSize: PART_SIZE,
          queueSize: 2,
          leavePartsOnError: false,
          params: { Bucket: this.bucket, Key, Body: createReadStream(path), ChecksumAlgorithm: 'SHA256', Metadata: { sha256 } },
        });
        await upload.done();
      }
      return true;
    } catch (err) {
      // Another process stored the same bytes first: write-once holds, nothing was overwritten.
      if (err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 412 || err.name === 'PreconditionFailed')) return false;
      throw err;
    }
  }

  async stat(key: string) {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key) }));
      return { size: Number(head.ContentLength ?? 0) };
    } catch (err) {
      if (err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 404 || err.name === 'NotFound')) return null;
      throw err;
    }
  }

  async read(key: string, range?: ByteRange): Promise<Readable> {
    if (!(await this.stat(key))) throw new AppError('NOT_FOUND', '对象不存在');
    const res = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.keyOf(key), Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
    return res.Body as Readable;
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
