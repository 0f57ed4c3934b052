import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';

const tables = ['agencies', 'units', 'officers', 'users', 'role_assignments', 'api_tokens', 'sessions', 'audit_events'];

/** A fingerprint of every row of every table: equal fingerprints mean nothing changed. */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const r = await db.execute(sql.raw(`select count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as f from ${table} t`));
    out[table] = (r as unknown as { rows: Array<{ f: string }> }).rows[0]!.f;
  }
  return out;
}
