import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
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

/**
 * A real database for one test file: PGlite in a temp folder, or — when LIUHEN_TEST_DB is
 * 'postgres' — a fresh database created on TEST_DATABASE_URL and dropped afterwards.
 */
async function freshDatabaseUrl(): Promise<{ url?: string; drop: () => Promise<void> }> {
  if (process.env.LIUHEN_TEST_DB !== 'postgres') return { drop: async () => undefined };
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('LIUHEN_TEST_DB=postgres needs TEST_DATABASE_URL');
  const name = `liuhen_t_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TestApp = { app: FastifyInstance; ctx: AppContext; clock: TestClock; dataDir: string; close: () => Promise<void> };

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-test-'));
  const database = await freshDatabaseUrl();
  const config = loadConfig({ LIUHEN_DATA_DIR: dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const { ctx: base, close } = await openContext(config);
  const clock = new TestClock();
  const ctx: AppContext = { ...base, clock: clock.now };
  await bootstrapAdmin(ctx.db, adminPassword, clock.now());
  const app = await buildApp(ctx, { logger: false });
  await app.ready();
  return {
    app,
    ctx,
    clock,
    dataDir,
    close: async () => {
      await app.close();
      await close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
