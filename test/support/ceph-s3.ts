import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { cephScript } from './ceph-global-setup.js';

// S3 tests run against a real Ceph RADOS Gateway (scripts/ceph-s3.sh: one mon, one memstore
// OSD, radosgw on loopback; about 2 s). The first test file that needs it starts it for the
// whole run (a lock folder decides which file); ceph-global-setup.ts stops it at the end.
// LIUHEN_TEST_S3_ENDPOINT (with AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY) uses a running one.

export type CephS3 = { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };

const onPath = (name: string) => (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));

/**
 * Whether this run can test on Ceph; decided when the file is collected. Without the Ceph
 * packages the S3 tests are skipped with a message, unless LIUHEN_REQUIRE_CEPH=1 (CI) fails them.
 */
export function cephAvailable(): boolean {
  if (process.env.LIUHEN_TEST_S3_ENDPOINT) return true;
  const missing = ['ceph-mon', 'ceph-osd', 'radosgw'].filter((b) => !onPath(b));
  if (missing.length === 0) return true;
  const why = `${missing.join(', ')} not found (apt-get install ceph-mon ceph-osd radosgw)`;
  if (process.env.LIUHEN_REQUIRE_CEPH === '1') throw new Error(`[liuhen tests] LIUHEN_REQUIRE_CEPH=1 but ${why}: the S3 tests on Ceph cannot run`);
  console.log(`[liuhen tests] ${why}: S3 tests on Ceph SKIPPED (CI sets LIUHEN_REQUIRE_CEPH=1 and runs them).`);
  return false;
}

/** The run's Ceph S3 endpoint, started on first use (call it in beforeAll, with a long timeout). */
export async function cephS3(): Promise<CephS3> {
  const external = process.env.LIUHEN_TEST_S3_ENDPOINT;
  if (external) return { endpoint: external, region: 'us-east-1', accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? '' };
  const dir = inject('cephS3Dir');
  const ready = join(dir, 'endpoint.json');
  const failed = join(dir, 'failed.txt');
  let starter = true;
  try {
    mkdirSync(join(dir, 'lock'));
  } catch {
    starter = false;
  }
  if (starter) await start(dir, ready, failed);
  for (let waited = 0; waited < 180_000; waited += 100) {
    if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as CephS3;
    if (existsSync(failed)) throw new Error(readFileSync(failed, 'utf8'));
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('[liuhen tests] Ceph S3 did not come up within 180 s');
}

async function start(dir: string, ready: string, failed: string) {
  const [rgwPort, monPort] = [await freePort(), await freePort()];
  const env = { ...process.env, CEPH_S3_DIR: join(dir, 'ceph'), RGW_PORT: String(rgwPort), MON_PORT: String(monPort), STORE_BYTES: String(2 << 30) };
  try {
    const { stdout } = await promisify(execFile)('bash', [cephScript, 'start'], { env, timeout: 170_000 });
    const value = (name: string) => new RegExp(`^export ${name}=(.*)$`, 'm').exec(stdout)?.[1] ?? '';
    const s3: CephS3 = { endpoint: value('AWS_ENDPOINT_URL'), region: value('AWS_REGION'), accessKeyId: value('AWS_ACCESS_KEY_ID'), secretAccessKey: value('AWS_SECRET_ACCESS_KEY') };
    writeFileSync(`${ready}.tmp`, JSON.stringify(s3));
    renameSync(`${ready}.tmp`, ready);
  } catch (err) {
    const e = err as { stderr?: string; message: string };
    writeFileSync(failed, `[liuhen tests] Ceph S3 did not start: ${e.message}\n${e.stderr ?? ''}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const s3Client = (s3: CephS3) =>
  new S3Client({ endpoint: s3.endpoint, region: s3.region, forcePathStyle: true, credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' });

/**
 * A bucket of its own for one test file and project (the PGlite and PostgreSQL legs may run the
 * same file at once), created with Object Lock (which also turns versioning on) unless `plain`.
 */
export async function freshBucket(s3: CephS3, name: string, opts: { plain?: boolean } = {}) {
  const bucket = `liuhen-${name}-${randomBytes(4).toString('hex')}`;
  const client = s3Client(s3);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket, ObjectLockEnabledForBucket: !opts.plain }));
  } finally {
    client.destroy();
  }
  return bucket;
}
