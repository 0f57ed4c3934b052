import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of this test run's Ceph cluster, started by the first file that needs it. */
    cephS3Dir: string;
  }
}

export const cephScript = fileURLToPath(new URL('../../scripts/ceph-s3.sh', import.meta.url));

// Both HTTP projects (PGlite and PostgreSQL legs) share one cluster per run: this setup runs
// once per project in the same main process, so the folder and a use count live on globalThis.
type Shared = { dir: string; users: number };
const shared = globalThis as { liuhenCephRun?: Shared };

/** Starts nothing itself (most runs need no S3): gives the folder, stops the cluster at the end. */
export default function setup(project: TestProject) {
  shared.liuhenCephRun ??= { dir: mkdtempSync(join(tmpdir(), 'liuhen-ceph-')), users: 0 };
  const run = shared.liuhenCephRun;
  run.users++;
  project.provide('cephS3Dir', run.dir);
  return async () => {
    if (--run.users > 0) return;
    shared.liuhenCephRun = undefined;
    const cluster = join(run.dir, 'ceph');
    if (existsSync(cluster)) await promisify(execFile)('bash', [cephScript, 'stop'], { env: { ...process.env, CEPH_S3_DIR: cluster } }).catch(() => undefined);
    rmSync(run.dir, { recursive: true, force: true });
  };
}
