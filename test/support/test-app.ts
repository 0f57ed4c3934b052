import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { openDatabase, type Db } from '../../src/db/client.js';
import { bootstrapAdmin } from '../../src/domains/auth/bootstrap-admin.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { AppContext } from '../../src/server/context.js';
import { openContext } from '../../src/server/start.js';

export const adminPassword = 'Platform-pass-2026';

/** A clock the test moves by hand (session idle timeout, lock-out expiry). */
export class TestClock {
  private real = false;
  constructor(private t = Date.parse('2026-03-02T02:00:00Z')) {}
  now = () => new Date(this.real ? Date.now() : this.t);
  advance(ms: number) {
    this.t += ms;
  }
  /** From now on the clock is the real one (browser flows whose order must be the real order). */
  followRealTime() {
    this.real = true;
  }
}

/** The least-privileged role the PostgreSQL leg runs the app as (INT-2): it owns no table. */
export const testAppRole = 'liuhen_test_app';

/** Creates the app role once per cluster; test files start at once, so a lost race is fine. */
async function ensureTestAppRole(admin: pg.Client) {
  const exists = await admin.query('select 1 from pg_roles where rolname = $1', [testAppRole]);
  if (exists.rowCount) return;
  try {
    await admin.query(`create role ${testAppRole} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls`);
  } catch (err) {
    // Another test file may have created it in the same instant (duplicate, tuple concurrently updated).
    if (!(await admin.query('select 1 from pg_roles where rolname = $1', [testAppRole])).rowCount) throw err;
  }
}

/** For a test database's app URL, the environment that lets its owner (TEST_DATABASE_URL's user) migrate it. */
export function ownerEnvFor(appUrl: string | undefined): Record<string, string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!appUrl || !base) return {};
  const app = new URL(appUrl);
  if (decodeURIComponent(app.username) !== testAppRole) return {};
  const owner = new URL(base);
  owner.pathname = app.pathname;
  return { LIUHEN_MIGRATION_DATABASE_URL: owner.toString() };
}

export type FreshDatabase = {
  /** The app's connection: the least-privileged role. Unset on PGlite. */
  url?: string;
  /** The owner's (here the superuser's) connection: migrations, grants, and insider tampering. */
  ownerUrl?: string;
  env: Record<string, string>;
  drop: () => Promise<void>;
};

/**
 * A real database for one test file: PGlite in a temp folder, or — when LIUHEN_TEST_DB is
 * 'postgres' — a fresh database created on TEST_DATABASE_URL and dropped afterwards. There the
 * app connects as `liuhen_test_app` and the superuser of TEST_DATABASE_URL migrates and grants,
 * as in production, so every test proves the app works with only the app role's rights.
 */
export async function freshDatabase(prefix = 'liuhen_t'): Promise<FreshDatabase> {
  if (process.env.LIUHEN_TEST_DB !== 'postgres') return { env: {}, drop: async () => undefined };
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('LIUHEN_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `${prefix}_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await ensureTestAppRole(admin);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const owner = new URL(base);
  owner.pathname = `/${name}`;
  const app = new URL(owner);
  app.username = testAppRole;
  app.password = '';
  return {
    url: app.toString(),
    ownerUrl: owner.toString(),
    env: { DATABASE_URL: app.toString(), ...ownerEnvFor(app.toString()) },
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  /** The database as its owner sees it (superuser on PostgreSQL; the one user on PGlite): for tests that act behind the app's back. */
  ownerDb: Db;
  /** PostgreSQL leg only: the owner's and the app role's connection strings. */
  ownerUrl?: string;
  appUrl?: string;
  clock: TestClock;
  dataDir: string;
  close: () => Promise<void>;
};

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-test-'));
  const database = await freshDatabase();
  const config = loadConfig({ LIUHEN_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...database.env, ...env });
  const { ctx: base, close } = await openContext(config);
  const owner = database.ownerUrl ? await openDatabase({ databaseUrl: database.ownerUrl, dataDir, poolMax: 2 }) : undefined;
  const clock = new TestClock();
  const ctx: AppContext = { ...base, clock: clock.now };
  await bootstrapAdmin(ctx.db, adminPassword, clock.now());
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    ownerDb: owner?.db ?? ctx.db,
    ownerUrl: database.ownerUrl,
    appUrl: database.url,
    clock,
    dataDir,
    close: async () => {
      await app.close();
      await owner?.close();
      await close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
