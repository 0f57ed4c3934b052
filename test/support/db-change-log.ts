import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

export type RowChange = { tbl: string; op: string; action: string | null };

/**
 * For tests that send thousands of requests: a row trigger on every table logs each real change
 * (UPDATEs that change nothing are not logged) into `test_row_changes`, so "did this request
 * change a row?" is one cheap query instead of a fingerprint of every table. Test-only; never
 * part of a migration.
 */
export async function installChangeLog(db: Db) {
  await db.execute(sql.raw('create table if not exists test_row_changes (id bigserial primary key, tbl text not null, op text not null, action text)'));
  await db.execute(sql.raw(`
    create or replace function test_log_row_change() returns trigger language plpgsql as $$
    begin
      insert into test_row_changes (tbl, op, action) values (tg_table_name, tg_op, case when tg_op = 'DELETE' then null else to_jsonb(new)->>'action' end);
      return null;
    end $$;`));
  const tables = (await db.execute(sql.raw(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'test_row_changes'`))) as unknown as { rows: Array<{ table_name: string }> };
  for (const { table_name: t } of tables.rows) {
    // One statement per call: PGlite's extended protocol takes no multi-statement strings.
    await db.execute(sql.raw(`create trigger test_change_ins after insert or delete on "${t}" for each row execute function test_log_row_change()`));
    await db.execute(sql.raw(`create trigger test_change_upd after update on "${t}" for each row when (old.* is distinct from new.*) execute function test_log_row_change()`));
  }
  return tables.rows.length;
}

/** The changes logged since the last call, then forgets them. */
export async function takeChanges(db: Db): Promise<RowChange[]> {
  const r = (await db.execute(sql.raw('delete from test_row_changes returning tbl, op, action'))) as unknown as { rows: RowChange[] };
  return r.rows;
}
