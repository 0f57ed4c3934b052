import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// Benchmarks run the built server (dist/) as a separate process, as production does.
export const root = join(import.meta.dirname, '..');
export const benchPassword = 'Bench-pass-2026';

export type Server = { proc: ChildProcess; base: string; dataDir: string; stop: () => Promise<void> };

export async function startServer(opts: { dataDir?: string; databaseUrl?: string; port: number }): Promise<Server & { readyMs: number }> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'liuhen-bench-'));
  const t0 = performance.now();
  const proc = spawn(process.execPath, [join(root, 'dist/server/cli.js'), 'serve'], {
    env: { ...process.env, LIUHEN_DATA_DIR: dataDir, PORT: String(opts.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LIUHEN_ADMIN_PASSWORD: benchPassword, DATABASE_URL: opts.databaseUrl ?? '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  for (;;) {
    if (proc.exitCode !== null) throw new Error('server exited during start');
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  const stop = () =>
    new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
  return { proc, base, dataDir, readyMs, stop };
}

export const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(line.replace(/\D+/g, '')) / 1024;
};

export async function freshPgDatabase(base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test') {
  const name = `liuhen_bench_${Date.now()}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const d = new pg.Client({ connectionString: base });
      await d.connect();
      await d.query(`drop database if exists ${name} with (force)`);
      await d.end();
    },
  };
}

/** A database kept between runs (created when missing): see BENCH_PG_KEEP in matters.bench.ts. */
export async function keptPgDatabase(name: string, base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test') {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('BENCH_PG_KEEP: letters, digits and _ only');
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await c.query(`create database ${name}`);
  await c.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}

/** Signs in and returns the headers an authenticated browser would send. */
export async function signInHeaders(base: string, username: string, password: string) {
  const res = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`sign-in ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', username };
}

export const adminHeaders = (base: string) => signInHeaders(base, 'admin', benchPassword);
