import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { freshDatabase, ownerEnvFor } from './test-app.js';

// A real Liuhen server in its own process (tsx over src/), for tests that kill it with SIGKILL
// and start it again on the same database and data folder.
const root = join(import.meta.dirname, '../..');
export const processAdminPassword = 'Process-pass-2026';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** PGlite lives in the data folder; for the PostgreSQL leg, a fresh database on TEST_DATABASE_URL the server uses as the app role. */
export const processDatabase = () => freshDatabase('liuhen_p');

export type ServerProcess = { proc: ChildProcess; base: string; port: number; kill: (signal?: NodeJS.Signals) => Promise<void> };

export async function startServerProcess(opts: { dataDir: string; databaseUrl?: string; port: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/cli.ts'), 'serve'], {
    cwd: root,
    env: { ...process.env, LIUHEN_DATA_DIR: opts.dataDir, DATABASE_URL: opts.databaseUrl ?? '', ...ownerEnvFor(opts.databaseUrl), PORT: String(opts.port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LIUHEN_ADMIN_PASSWORD: processAdminPassword, ...opts.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited during start (${proc.exitCode})`);
    if (Date.now() > deadline) throw new Error('server did not become healthy in 60 s');
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const kill = (signal: NodeJS.Signals = 'SIGKILL') =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill(signal);
    });
  return { proc, base, port: opts.port, kill };
}

async function call(base: string, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await fetch(`${base}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** An agency with a handler, an officer with a certificate number, a matter and an API token. */
export async function setUpIngestAgency(base: string) {
  const signIn = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: processAdminPassword }) });
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const admin = { cookie, 'x-csrf-token': ((await signIn.json()) as { csrfToken: string }).csrfToken };
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const agency = await call(base, 'POST', '/api/agencies', admin, { code: `p-${suffix}`, name: `进程测试执法局${suffix}`, kind: 'enforcement_agency' });
  const user = await call(base, 'POST', `/api/agencies/${agency.id}/users`, admin, { username: `station${suffix}`, displayName: '采集站', password: 'Station-pass-2026', roles: ['handler'] });
  const certificateNo = `CERT-${suffix}`;
  const officer = await call(base, 'POST', `/api/agencies/${agency.id}/officers`, admin, { name: '张三', post: '执法队员', certificateNo, certificateValidFrom: '2025-01-01', certificateValidTo: '2030-12-31', area: '全域', userId: user.id });
  // The station user's own token (a token is made by the person it acts as).
  const station = await fetch(`${base}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user.username, password: 'Station-pass-2026' }) });
  const stationSession = { cookie: station.headers.getSetCookie()[0]!.split(';')[0]!, 'x-csrf-token': ((await station.json()) as { csrfToken: string }).csrfToken };
  const token = (await call(base, 'POST', `/api/agencies/${agency.id}/api-tokens`, stationSession, { name: '一号采集站' })).token as string;
  const matter = await call(base, 'POST', `/api/agencies/${agency.id}/matters`, { authorization: `Bearer ${token}` }, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案物品', officerIds: [officer.id] });
  return { agencyId: agency.id as string, officerId: officer.id as string, certificateNo, token, matterId: matter.id as string };
}

/**
 * Two app processes on one fresh PostgreSQL database and one data folder (as nodes share the
 * signing key), plus a direct SQL connection for the assertions. `stop()` is for afterAll.
 */
export function twoProcesses(label: string) {
  const dir = mkdtempSync(join(tmpdir(), `liuhen-${label}-`));
  const servers: ServerProcess[] = [];
  let database: Awaited<ReturnType<typeof processDatabase>> | undefined;
  let client: pg.Client | undefined;
  return {
    dir,
    servers,
    async start(env?: Record<string, string>) {
      database = await processDatabase();
      for (let i = 0; i < 2; i++) servers.push(await startServerProcess({ dataDir: join(dir, 'data'), databaseUrl: database.url, port: await freePort(), env }));
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
      return { a: servers[0]!, b: servers[1]!, url: database.url!, sql: client };
    },
    async stop() {
      for (const s of servers) await s.kill();
      await client?.end();
      await database?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
