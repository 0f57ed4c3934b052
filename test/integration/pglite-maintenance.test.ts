import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgliteMaintenance } from '../../src/db/pglite-maintenance.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// PGlite has no autovacuum: without this its planner statistics never refresh (issue 4 figures).
// PGlite only, as in production (src/server/start.ts): PostgreSQL's autovacuum does it there, and
// the app role, owning no table, may not ANALYZE.
describe.skipIf(process.env.LIUHEN_TEST_DB === 'postgres')('database statistics maintenance', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const reltuples = async () => {
    const r = (await t.ctx.db.execute(sql`select reltuples::float8 as n from pg_class where relname = 'agencies'`)) as unknown as { rows: Array<{ n: number }> };
    return Number(r.rows[0]!.n);
  };

  it('CASE-2 the maintenance task analyzes the tables soon after start, so the planner knows their sizes', async () => {
    for (let i = 0; i < 25; i++) await t.ctx.db.execute(sql`insert into agencies (code, name, kind) values (${`stat-${i}`}, ${`统计测试局${i}`}, 'enforcement_agency')`);
    expect(await reltuples()).toBeLessThan(25); // never analyzed (-1), or analyzed before the inserts
    const errors: unknown[] = [];
    const stop = startPgliteMaintenance(t.ctx.db, (err) => errors.push(err), { firstAfterMs: 0 });
    await expect.poll(reltuples, { timeout: 10_000 }).toBeGreaterThanOrEqual(25);
    stop();
    expect(errors).toEqual([]);
  });
});
