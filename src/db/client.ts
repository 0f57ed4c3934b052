import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { pgliteStartParams, preparePgliteDir } from './pglite-template.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the code sees, whether PGlite or PostgreSQL is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { db: Db; kind: 'pglite' | 'postgres'; migrate(): Promise<void>; close(): Promise<void> };

// migrations/ sits at the package root, two levels above both src/db and dist/db.
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; poolMax?: number }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10);
  const dir = join(opts.dataDir, 'pgdata');
  await preparePgliteDir(dir);
  // pg_trgm indexes substring search (party names, numbers), as on PostgreSQL.
  const client = new PGlite(dir, { startParams: pgliteStartParams(), extensions: { pg_trgm } });
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: 'pglite',
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    close: () => client.close(),
  };
}

function openPostgres(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (restart, failover, a dropped database) is not a reason
  // to stop the process: the pool drops it and opens another on the next query.
  pool.on('error', (err) => console.warn(`[liuhen] idle PostgreSQL connection lost: ${err.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    // Several app processes may start at once: one migrates, the others wait on the lock.
    migrate: async () => {
      const conn = await pool.connect();
      try {
        await conn.query('select pg_advisory_lock(72616)');
        await migratePg(drizzlePg({ client: conn }), { migrationsFolder });
      } finally {
        await conn.query('select pg_advisory_unlock(72616)').catch(() => undefined);
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function isMigrated(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select to_regclass('public.audit_events') is not null as ok`);
  return Boolean((r as unknown as { rows: Array<{ ok: boolean }> }).rows[0]?.ok);
}
