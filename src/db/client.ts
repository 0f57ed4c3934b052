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
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { pgliteStartParams, preparePgliteDir } from './pglite-template.js';
import { appRoleName, grantAppRole } from './roles.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the code sees, whether PGlite or PostgreSQL is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = { db: Db; kind: 'pglite' | 'postgres'; migrate(): Promise<void>; close(): Promise<void> };

// migrations/ sits at the package root, two levels above both src/db and dist/db.
export const migrationsFolder = resolve(dirname(fileURLToPath(import.meta.url)), '../../migrations');

/**
 * `databaseUrl` is the app's connection; `migrationDatabaseUrl` the owner's, used only to migrate
 * and grant the app role its rights (src/db/roles.ts). Without it, the app's connection migrates
 * (dev: one role for both), or, when migrations are current, nothing needs the owner at all.
 */
export type DatabaseOptions = { databaseUrl?: string; migrationDatabaseUrl?: string; appRole?: string; dataDir: string; poolMax?: number };

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolMax ?? 10, opts.migrationDatabaseUrl ? { url: opts.migrationDatabaseUrl, appRole: appRoleName(opts.databaseUrl, opts.appRole) } : undefined);
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

function openPostgres(url: string, max: number, owner?: { url: string; appRole: string }): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (restart, failover, a dropped database) is not a reason
  // to stop the process: the pool drops it and opens another on the next query.
  pool.on('error', (err) => console.warn(`[liuhen] idle PostgreSQL connection lost: ${err.message}`));
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      if (owner) return migrateAsOwner(owner.url, owner.appRole);
      const conn = await pool.connect();
      try {
        if (!(await migrationsPending(conn))) return;
        await migrateLocked(conn);
      } catch (err) {
        throw new Error(`数据库迁移失败；应用角色无权迁移时，请设置 LIUHEN_MIGRATION_DATABASE_URL 为属主角色的连接串 (migration failed: ${(err as Error).message})`, { cause: err });
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

/** The owner migrates and then grants the app role its rights on every table, new ones included. */
async function migrateAsOwner(ownerUrl: string, appRole: string) {
  const conn = new pg.Client({ connectionString: ownerUrl });
  await conn.connect();
  try {
    await migrateLocked(conn, () => grantAppRole(conn, appRole));
  } finally {
    await conn.end();
  }
}

// Several app processes may start at once: one migrates, the others wait on the lock.
async function migrateLocked(conn: pg.PoolClient | pg.Client, after?: () => Promise<unknown>) {
  await conn.query('select pg_advisory_lock(72616)');
  try {
    await migratePg(drizzlePg({ client: conn }), { migrationsFolder });
    await after?.();
  } finally {
    await conn.query('select pg_advisory_unlock(72616)').catch(() => undefined);
  }
}

/** Whether the database lacks a migration this build ships (readable by the app role too). */
async function migrationsPending(conn: pg.PoolClient | pg.Client): Promise<boolean> {
  const latest = readMigrationFiles({ migrationsFolder }).at(-1)?.folderMillis ?? 0;
  const exists = await conn.query<{ ok: boolean }>(`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!exists.rows[0]?.ok) return true;
  const r = await conn.query<{ last: string | null }>('select max(created_at)::text as last from drizzle.__drizzle_migrations');
  const last = r.rows[0]?.last;
  return last === null || last === undefined || Number(last) < latest;
}

export async function isMigrated(db: Db): Promise<boolean> {
  const r = await db.execute(sql`select to_regclass('public.audit_events') is not null as ok`);
  return Boolean((r as unknown as { rows: Array<{ ok: boolean }> }).rows[0]?.ok);
}
