import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, matters, users } from '../../src/db/schema/index.js';
import { bootstrapAdmin } from '../../src/domains/auth/bootstrap-admin.js';
import { loadConfig } from '../../src/server/config.js';
import { openContext } from '../../src/server/start.js';
import { processDatabase } from '../support/server-process.js';

// Issue 12: `npm run demo` before the first `npm start` left no platform administrator — the
// first start saw users (the demo's) and made no admin, so nobody could manage agencies.
describe('the demo before the first start (ORG-1)', () => {
  const root = join(import.meta.dirname, '../..');
  const dataDir = mkdtempSync(join(tmpdir(), 'liuhen-demo-first-'));
  let database: Awaited<ReturnType<typeof processDatabase>>;
  const env = () => ({ LIUHEN_DATA_DIR: dataDir, DATABASE_URL: database.url ?? '', ...database.env, LOG_LEVEL: 'silent' });
  beforeAll(async () => {
    database = await processDatabase();
  });
  afterAll(async () => {
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('ORG-1 seed-demo on an empty database makes the platform administrator and prints its password once; the first start makes no second', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/server/cli.ts'), 'seed-demo'], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env() } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已创建平台管理员 admin，初始密码：\S{10,}/u);
    const { ctx, close } = await openContext(loadConfig(env()));
    try {
      const admins = await ctx.db.select({ username: users.username }).from(users).where(eq(users.isPlatformAdmin, true));
      expect(admins).toEqual([{ username: 'admin' }]);
      // Issue 12: the demo has matters of every category, made through the API (each step audited).
      const made = await ctx.db.select({ category: matters.category, phase: matters.phase, status: matters.status }).from(matters);
      expect(new Set(made.map((m) => m.category))).toEqual(new Set(['penalty_general', 'penalty_simple', 'licensing', 'coercive_measure', 'inspection', 'coercive_execution']));
      expect(made.filter((m) => m.status === 'closed').length).toBeGreaterThanOrEqual(2);
      expect(new Set(made.map((m) => m.phase)).size).toBeGreaterThanOrEqual(3);
      const stepEvents = await ctx.db.select({ seq: auditEvents.seq }).from(auditEvents).where(eq(auditEvents.action, 'matter.step_recorded'));
      expect(stepEvents.length).toBeGreaterThanOrEqual(25);
      // What `npm start` does next: the admin exists, nothing is made or printed.
      expect(await bootstrapAdmin(ctx.db, undefined, new Date())).toEqual({ created: false });
      expect(await ctx.db.select({ username: users.username }).from(users).where(eq(users.isPlatformAdmin, true))).toHaveLength(1);
    } finally {
      await close();
    }
  }, 240_000);
});
