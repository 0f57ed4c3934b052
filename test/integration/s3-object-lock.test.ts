import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, PutObjectRetentionCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rehashObject } from '../../src/domains/integrity/verify/verify-objects.js';
import { S3ObjectStore } from '../../src/store/s3-object-store.js';
import { cephAvailable, cephS3, freshBucket, s3Client, type CephS3 } from '../support/ceph-s3.js';
import { sampleMp4, sha256 } from '../support/ingest.js';

const bytesOf = async (s: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (err: { name?: string; $metadata?: { httpStatusCode?: number } }) => `${err.$metadata?.httpStatusCode} ${err.name}`);
const yearsFrom = (d: Date, years: number) => new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));

// AV-3, NFR-2: originals are write-once on Ceph with Object Lock in COMPLIANCE mode. Every attack
// below uses the app's own S3 credentials, as someone holding the app's configuration would.
describe.skipIf(!cephAvailable())('Object Lock on Ceph: originals cannot be deleted or overwritten before their retention ends', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liuhen-s3-lock-'));
  let s3: CephS3;
  let bucket: string;
  let store: S3ObjectStore;
  let app: S3Client; // the app's credentials, used behind the app's back
  const recorded = new Date('2026-03-01T01:00:00Z');

  beforeAll(async () => {
    s3 = await cephS3();
    bucket = await freshBucket(s3, 'lock');
    store = new S3ObjectStore({ ...s3, bucket, forcePathStyle: true, retentionYears: 30 }, join(dir, 'spool'));
    expect(await store.prepare()).toEqual([]); // also sets the bucket's default COMPLIANCE retention
    app = s3Client(s3);
  }, 200_000);
  afterAll(() => {
    store?.destroy();
    app?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('AV-3 an original is locked in COMPLIANCE mode until the agency rule\'s years from the recording; none given: the platform default', async () => {
    const ruled = await store.put(sampleMp4(20_000, 'lock-ruled'), { retention: { years: 2, from: recorded } });
    expect((await store.stat(ruled.key))?.retention).toEqual({ mode: 'COMPLIANCE', until: yearsFrom(recorded, 2) });
    const noRule = await store.put(sampleMp4(20_000, 'lock-no-rule'), { retention: { years: null, from: recorded } });
    expect((await store.stat(noRule.key))?.retention).toEqual({ mode: 'COMPLIANCE', until: yearsFrom(recorded, 30) });
    // Stored without a date (e.g. a derivative): the bucket's default retention still locks it.
    const plain = await store.put(sampleMp4(20_000, 'lock-default'));
    const lock = (await store.stat(plain.key))?.retention;
    expect(lock?.mode).toBe('COMPLIANCE');
    expect(lock!.until.getTime()).toBeGreaterThan(yearsFrom(new Date(), 29).getTime());
    // A recording older than its rule's years: never unlocked, the bucket default applies.
    const old = await store.put(sampleMp4(20_000, 'lock-old'), { retention: { years: 2, from: new Date('2019-05-01T00:00:00Z') } });
    expect((await store.stat(old.key))?.retention?.until.getTime()).toBeGreaterThan(yearsFrom(new Date(), 29).getTime());
  });

  it('AV-3 the same bytes stored again for a longer rule extend the lock; a shorter rule leaves it', async () => {
    const bytes = sampleMp4(30_000, 'lock-extend');
    await store.put(bytes, { retention: { years: 2, from: recorded } });
    expect(await store.put(bytes, { retention: { years: 10, from: recorded } })).toMatchObject({ created: false });
    expect((await store.stat(sha256(bytes)))?.retention?.until).toEqual(yearsFrom(recorded, 10));
    await store.put(bytes, { retention: { years: 3, from: recorded } });
    expect((await store.stat(sha256(bytes)))?.retention?.until).toEqual(yearsFrom(recorded, 10));
  });

  describe('attacks with the app\'s credentials', () => {
    const bytes = sampleMp4(64 * 1024, 'lock-original');
    const key = sha256(bytes);
    let Key: string;
    let versionId: string;
    beforeAll(async () => {
      await store.put(bytes, { retention: { years: 2, from: recorded } });
      Key = store.keyOf(key);
      versionId = (await store.stat(key))!.versionId!;
    });

    it('AV-3 deleting the original version is refused (403 AccessDenied)', async () => {
      expect(await refusal(app.send(new DeleteObjectCommand({ Bucket: bucket, Key, VersionId: versionId })))).toBe('403 AccessDenied');
      expect(await refusal(app.send(new DeleteObjectCommand({ Bucket: bucket, Key, VersionId: versionId, BypassGovernanceRetention: true })))).toBe('403 AccessDenied');
      expect(sha256(await bytesOf(await store.read(key)))).toBe(key);
    });

    it('AV-3 shortening the retention or switching it to GOVERNANCE is refused', async () => {
      const sooner = new Date(Date.now() + 24 * 3600_000);
      expect(await refusal(app.send(new PutObjectRetentionCommand({ Bucket: bucket, Key, VersionId: versionId, Retention: { Mode: 'COMPLIANCE', RetainUntilDate: sooner } })))).toMatch(/^403 /);
      expect(await refusal(app.send(new PutObjectRetentionCommand({ Bucket: bucket, Key, VersionId: versionId, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: yearsFrom(recorded, 2) } })))).toMatch(/^403 /);
      expect(await refusal(app.send(new PutObjectRetentionCommand({ Bucket: bucket, Key, VersionId: versionId, BypassGovernanceRetention: true, Retention: { Mode: 'GOVERNANCE', RetainUntilDate: sooner } })))).toMatch(/^403 /);
      expect((await store.stat(key))?.retention).toEqual({ mode: 'COMPLIANCE', until: yearsFrom(recorded, 2) });
    });

    it('AV-3 INT-3 overwriting the key makes a new version: the original stays readable, the store serves it and stat names the later write', async () => {
      const forged = Buffer.alloc(bytes.length, 0x42); // other bytes of the same size
      await app.send(new PutObjectCommand({ Bucket: bucket, Key, Body: forged }));
      // The attack is real: a plain GET now returns the forged bytes...
      expect(sha256(await bytesOf((await app.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body as Readable))).toBe(sha256(forged));
      // ...but the original version's bytes are intact and are what Liuhen reads, whole and by range.
      expect(sha256(await bytesOf((await app.send(new GetObjectCommand({ Bucket: bucket, Key, VersionId: versionId }))).Body as Readable))).toBe(key);
      const fresh = new S3ObjectStore({ ...s3, bucket, forcePathStyle: true, retentionYears: 30 }, join(dir, 'spool'));
      try {
        expect(sha256(await bytesOf(await fresh.read(key)))).toBe(key);
        expect(await bytesOf(await fresh.read(key, { start: 100, end: 199 }))).toEqual(bytes.subarray(100, 200));
        expect(await fresh.stat(key)).toMatchObject({ versionId, size: bytes.length, laterVersions: 1, retention: { mode: 'COMPLIANCE' } });
        // verify and fixity name the write behind the system's back, though the original holds.
        expect(await rehashObject(fresh, key)).toMatchObject({ outcome: 'overwritten', bytes: bytes.length, detail: expect.stringContaining('1 个后写入的版本') });
        // Storing the original again neither hides nor repeats it: created:false, nothing new.
        expect(await fresh.put(bytes)).toMatchObject({ key, created: false });
      } finally {
        fresh.destroy();
      }
    });

    it('AV-3 INT-3 a delete marker (DeleteObject without a version) hides nothing from Liuhen and is reported', async () => {
      await app.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
      expect(await refusal(app.send(new GetObjectCommand({ Bucket: bucket, Key })))).toBe('404 NoSuchKey');
      expect(sha256(await bytesOf(await store.read(key)))).toBe(key);
      expect(await store.stat(key)).toMatchObject({ versionId, deleteMarkers: 1 });
      expect(await rehashObject(store, key)).toMatchObject({ outcome: 'overwritten', detail: expect.stringContaining('1 个删除标记') });
    });
  });

  it('AV-3 a bucket without Object Lock: a loud Chinese warning at start, objects still stored (unlocked)', async () => {
    const plainBucket = await freshBucket(s3, 'nolock', { plain: true });
    const plain = new S3ObjectStore({ ...s3, bucket: plainBucket, forcePathStyle: true, retentionYears: 30 }, join(dir, 'spool'));
    try {
      const warnings = await plain.prepare();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('未启用对象锁定');
      const put = await plain.put(sampleMp4(5_000, 'nolock'), { retention: { years: 2, from: recorded } });
      expect(await plain.stat(put.key)).toMatchObject({ size: 5_000, retention: null });
    } finally {
      plain.destroy();
    }
  });
});
