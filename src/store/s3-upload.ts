import { createHash } from 'node:crypto';
import { open, readFile } from 'node:fs/promises';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3ServiceException,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { AppError } from '../shared/errors.js';

// Objects above this size go up in parts; each part is read into memory (two at a time), so
// memory stays at 2 × PART_SIZE whatever the object's size.
export const PART_SIZE = 16 * 1024 * 1024;

export type ObjectLock = { mode: 'COMPLIANCE'; until: Date };
type Target = { client: S3Client; bucket: string; key: string };

/**
 * Sends the file at `path` (whose bytes hash to `sha256`) under `key` and returns the version id
 * the store gave it, or `null` when the key appeared meanwhile (another process stored the same
 * bytes). What arrives is checked, not trusted: Ceph ignores `x-amz-checksum-sha256`, but it
 * refuses a body whose `Content-MD5` differs, so every PUT and every part carries one and the
 * ETag that comes back must be that MD5 (for a multipart object: the MD5 of the parts' MD5s).
 * The SHA-256 is computed again from the bytes as they are sent, so a file changed after it was
 * hashed is never stored under the old hash.
 */
export async function uploadFile(target: Target, path: string, sha256: string, size: number, lock: ObjectLock | undefined, exists: () => Promise<boolean>): Promise<string | undefined | null> {
  return size <= PART_SIZE ? putWhole(target, path, sha256, lock) : putInParts(target, path, sha256, size, lock, exists);
}

async function putWhole({ client, bucket, key }: Target, path: string, sha256: string, lock: ObjectLock | undefined) {
  const body = await readFile(path);
  refuseIfChanged(createHash('sha256').update(body).digest('hex'), sha256);
  const md5 = createHash('md5').update(body).digest();
  try {
    const res = await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentLength: body.length,
        ContentMD5: md5.toString('base64'),
        // Verified by AWS S3 and MinIO, ignored by Ceph 16: harmless where ignored.
        ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        IfNoneMatch: '*',
        Metadata: { sha256 },
        ...lockParams(lock),
      }),
    );
    refuseUnlessEtag(res.ETag, md5.toString('hex'), key);
    return res.VersionId;
  } catch (err) {
    if (isPreconditionFailed(err)) return null;
    throw err;
  }
}

async function putInParts({ client, bucket, key }: Target, path: string, sha256: string, size: number, lock: ObjectLock | undefined, exists: () => Promise<boolean>) {
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, Metadata: { sha256 }, ...lockParams(lock) }));
  const inFlight: Promise<{ PartNumber: number; ETag: string }>[] = [];
  const fh = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const md5s: Buffer[] = [];
    for (let n = 1, offset = 0; offset < size; n++, offset += PART_SIZE) {
      const body = Buffer.allocUnsafe(Math.min(PART_SIZE, size - offset));
      const { bytesRead } = await fh.read(body, 0, body.length, offset);
      if (bytesRead !== body.length) throw new AppError('CONFLICT', '文件在保存过程中被截短，未保存');
      hash.update(body);
      const md5 = createHash('md5').update(body).digest();
      md5s.push(md5);
      const part = client
        .send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId, PartNumber: n, Body: body, ContentLength: body.length, ContentMD5: md5.toString('base64') }))
        .then((res) => ({ PartNumber: n, ETag: refuseUnlessEtag(res.ETag, md5.toString('hex'), key) }));
      part.catch(() => undefined); // awaited below; a part failing meanwhile is not "unhandled"
      inFlight.push(part);
      if (inFlight.length >= 2) await inFlight[inFlight.length - 2];
    }
    const parts = await Promise.all(inFlight);
    refuseIfChanged(hash.digest('hex'), sha256);
    // Ceph ignores If-None-Match on completion: look first, so an existing original gets no
    // second version (Object Lock would keep the first undeletable anyway).
    if (await exists()) {
      await abort(client, bucket, key, UploadId);
      return null;
    }
    const done = await client.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId, MultipartUpload: { Parts: parts }, IfNoneMatch: '*' }));
    // Ceph 16 answers the completion with an empty ETag: the version's own HEAD has it.
    const etag = done.ETag || (await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key, VersionId: done.VersionId }))).ETag;
    refuseUnlessEtag(etag, `${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-${parts.length}`, key);
    return done.VersionId;
  } catch (err) {
    await Promise.allSettled(inFlight);
    await abort(client, bucket, key, UploadId);
    if (isPreconditionFailed(err)) return null;
    throw err;
  } finally {
    await fh.close();
  }
}

const lockParams = (lock: ObjectLock | undefined) => (lock ? { ObjectLockMode: lock.mode, ObjectLockRetainUntilDate: lock.until } : {});

function refuseIfChanged(actual: string, expected: string) {
  if (actual !== expected) throw new AppError('VALIDATION_FAILED', '文件内容与其 SHA-256 不一致（保存过程中被改动），未保存', { expected, actual });
}

function refuseUnlessEtag(etag: string | undefined, expected: string, key: string) {
  const got = etag?.replace(/"/g, '');
  if (got !== expected) throw new AppError('INTERNAL', '对象存储收到的字节与发送的不一致，未确认保存', { key, expectedEtag: expected, etag: got });
  return etag!;
}

async function abort(client: S3Client, bucket: string, key: string, uploadId: string | undefined) {
  await client.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })).catch(() => undefined);
}

const isPreconditionFailed = (err: unknown) => err instanceof S3ServiceException && (err.$metadata.httpStatusCode === 412 || err.name === 'PreconditionFailed');
