import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOnlyTables, checkAppRole, grantAppRole } from '../../src/db/roles.js';
import { asConn, rows, sqlState } from '../support/sql-state.js';
import { startTestApp, testAppRole, type TestApp } from '../support/test-app.js';

// INT-2 NFR-2: on PostgreSQL the app connects as a role that owns no table and is not superuser,
// so it cannot switch triggers off, truncate or alter. The whole PostgreSQL leg runs this way
// (test/support/test-app.ts); these tests prove the refusals and the grants themselves.
describe.skipIf(process.env.LIUHEN_TEST_DB !== 'postgres')('the app role at the database (INT-2, NFR-2)', () => {
  let t: TestApp;
  const asApp = (text: string) => sqlState(t.ctx.db, text);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('NFR-2 the app connects as the least-privileged role: not superuser, owns no table; the owner is reported', async () => {
    const check = await checkAppRole(t.ctx.db);
    expect(check).toEqual({ role: testAppRole, superuser: false, ownedTables: 0, warnings: [] });
    const owner = await checkAppRole(t.ownerDb);
    expect(owner.superuser).toBe(true);
    expect(owner.warnings.join('\n')).toMatch(/超级用户.*superuser/);
  });

  it('INT-2 as the app role, switching triggers off, truncating, altering and dropping are refused (42501)', async () => {
    expect(await asApp('set session_replication_role = replica')).toBe('42501');
    expect(await asApp('alter table audit_events disable trigger audit_events_append_only')).toBe('42501');
    expect(await asApp('alter table documents disable trigger all')).toBe('42501');
    expect(await asApp('alter table matter_steps add column backdated_at timestamptz')).toBe('42501');
    expect(await asApp('drop trigger matter_steps_recorded_immutable on matter_steps')).toBe('42501');
    expect(await asApp('create or replace function liuhen_refuse_change() returns trigger language plpgsql as $$ begin return new; end $$')).toBe('42501');
    for (const { table } of await appendOnlyTables(asConn(t.ownerDb))) expect(`${table}: ${await asApp(`truncate ${table}`)}`).toBe(`${table}: 42501`);
    // Nor can it put objects of its own into the schema (a trigger function, a shadowing table).
    expect(await asApp('create table app_owned (id int)')).toBe('42501');
    // Mutable tables are not the app's to truncate either.
    expect(await asApp('truncate sessions')).toBe('42501');
  });

  it('INT-2 as the app role, an append-only row cannot be updated or deleted; a guarded one is stopped by its trigger', async () => {
    expect(await rows(t.ctx.db, 'select seq from audit_events limit 1')).toHaveLength(1);
    expect(await asApp(`update audit_events set action = 'forged'`)).toBe('42501');
    expect(await asApp('delete from audit_events')).toBe('42501');
    expect(await asApp(`update step_approvals set opinion = 'forged'`)).toBe('42501');
    expect(await asApp('delete from matters')).toBe('42501');
    expect(await asApp('delete from matter_steps')).toBe('42501');
    // UPDATE is granted where the workflow moves fields; the trigger guards the rest.
    const [audit] = await rows<{ ok: boolean }>(t.ctx.db, `select has_table_privilege('matter_steps', 'UPDATE') and not has_table_privilege('audit_events', 'UPDATE') as ok`);
    expect(audit!.ok).toBe(true);
  });

  it('INT-2 grants come from the catalog: a new append-only table is insert-only for the app, a new plain one is read-write', async () => {
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    try {
      await owner.query('create table test_ledger (id bigserial primary key, entry text not null)');
      await owner.query('create trigger test_ledger_append_only before update or delete on test_ledger for each row execute function liuhen_refuse_change()');
      await owner.query('create table test_scratch (id bigserial primary key, note text)');
      // Before the grant step, default privileges make a new table read/insert-only.
      expect(await asApp(`update test_scratch set note = 'x'`)).toBe('42501');
      expect(await asApp(`insert into test_scratch (note) values ('before grant')`)).toBe('ok');
      await grantAppRole(owner, testAppRole);
      expect(await asApp(`insert into test_ledger (entry) values ('one')`)).toBe('ok');
      expect(await asApp(`update test_ledger set entry = 'two'`)).toBe('42501');
      expect(await asApp('delete from test_ledger')).toBe('42501');
      expect(await asApp(`update test_scratch set note = 'y'`)).toBe('ok');
      expect(await asApp('delete from test_scratch')).toBe('ok');
    } finally {
      await owner.query('drop table if exists test_ledger, test_scratch');
      await owner.end();
    }
  });

  it('INT-2 the app starts and migrates without the owner when migrations are current, and refuses clearly when they are not', async () => {
    const { openDatabase } = await import('../../src/db/client.js');
    const current = await openDatabase({ databaseUrl: t.appUrl, dataDir: t.dataDir, poolMax: 1 });
    await expect(current.migrate()).resolves.toBeUndefined();
    await current.close();
    const owner = new pg.Client({ connectionString: t.ownerUrl });
    await owner.connect();
    const [last] = (await owner.query<{ id: number; created_at: string }>('select id, created_at::text from drizzle.__drizzle_migrations order by created_at desc limit 1')).rows;
    await owner.query('update drizzle.__drizzle_migrations set created_at = created_at - 1 where id = $1', [last!.id]);
    try {
      const stale = await openDatabase({ databaseUrl: t.appUrl, dataDir: t.dataDir, poolMax: 1 });
      await expect(stale.migrate()).rejects.toThrow(/LIUHEN_MIGRATION_DATABASE_URL/);
      await stale.close();
    } finally {
      await owner.query('update drizzle.__drizzle_migrations set created_at = $2 where id = $1', [last!.id, last!.created_at]);
      await owner.end();
    }
  });
});
