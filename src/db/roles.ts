import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './client.js';

// Defence in depth at the database (INT-2, NFR-2). Two PostgreSQL roles: the OWNER, who runs the
// migrations and owns every table, and the APP role the server connects as, which owns nothing.
// Not owning a table means the app cannot ALTER it, DISABLE TRIGGER on it or TRUNCATE it (only
// an owner may), and not being superuser means it cannot `set session_replication_role` to skip
// triggers. So a bug, an injected query or a stolen app password cannot undo the append-only
// triggers; that takes the owner's credentials.

/** Anything with `query`: a pg.Client, a pooled client. */
export type PgConn = Pick<pg.ClientBase, 'query'>;

export type AppendOnlyTable = { table: string; refusesUpdate: boolean; refusesDelete: boolean };

/**
 * The tables whose triggers refuse changes, read from the catalog so a table a later migration
 * guards is covered without a hand list. Convention (migrations 0003, 0005, 0007, 0015): a trigger
 * function named `liuhen_refuse_*` refuses every DELETE it fires on; `liuhen_refuse_change`
 * refuses every UPDATE too (the others allow workflow fields to move).
 */
export async function appendOnlyTables(conn: PgConn): Promise<AppendOnlyTable[]> {
  const r = await conn.query<{ table: string; refuses_update: boolean; refuses_delete: boolean }>(`
    select c.relname as table,
           bool_or(p.proname = 'liuhen_refuse_change' and (t.tgtype & 16) = 16) as refuses_update,
           bool_or((t.tgtype & 8) = 8) as refuses_delete
    from pg_trigger t join pg_proc p on p.oid = t.tgfoid join pg_class c on c.oid = t.tgrelid
    where not t.tgisinternal and (t.tgtype & 1) = 1 and p.proname like 'liuhen\\_refuse\\_%'
      and c.relnamespace = 'public'::regnamespace
    group by c.relname order by c.relname`);
  return r.rows.map((row) => ({ table: row.table, refusesUpdate: row.refuses_update, refusesDelete: row.refuses_delete }));
}

/** The app role's name: LIUHEN_APP_ROLE, else the user of DATABASE_URL. */
export function appRoleName(databaseUrl: string, explicit?: string): string {
  return explicit ?? (decodeURIComponent(new URL(databaseUrl).username) || 'postgres');
}

const ident = (name: string) => pg.escapeIdentifier(name);

/**
 * Gives the app role exactly what the app needs, run by the owner after every migration (the
 * catalog then shows the new tables): SELECT and INSERT everywhere, UPDATE and DELETE only where
 * no trigger refuses them, sequences for bigserial keys, nothing else. One transaction, so the
 * running app never sees a moment without its rights. Returns the statements it ran.
 */
export async function grantAppRole(owner: PgConn, role: string): Promise<string[]> {
  const who = await owner.query<{ me: string; db: string; exists: boolean }>(`select current_user as me, current_database() as db, exists (select 1 from pg_roles where rolname = $1) as exists`, [role]);
  const { me, db, exists } = who.rows[0]!;
  // The owner granting to itself would revoke its own rights below: nothing to do (dev setup).
  if (role === me) return [];
  if (!exists) throw new Error(`数据库角色 ${role} 不存在，请先执行 liuhen db create-app-role --name ${role} (PostgreSQL role ${role} does not exist)`);
  const r = ident(role);
  const tables = await appendOnlyTables(owner);
  const statements = [
    `grant connect on database ${ident(db)} to ${r}`,
    `grant usage on schema public to ${r}`,
    `revoke all on all tables in schema public from ${r}`,
    `grant select, insert on all tables in schema public to ${r}`,
    ...(await mutableGrants(owner, tables, r)),
    `revoke all on all sequences in schema public from ${r}`,
    `grant usage, select on all sequences in schema public to ${r}`,
    // Tables created later by this owner start read/insert-only until the next grant step sees
    // their triggers: a missed grant shows as a refused write, never as an unguarded table.
    `alter default privileges in schema public grant select, insert on tables to ${r}`,
    `alter default privileges in schema public grant usage, select on sequences to ${r}`,
    // So the app can see that migrations are current and start without the owner's URL.
    `grant usage on schema drizzle to ${r}`,
    `grant select on drizzle.__drizzle_migrations to ${r}`,
  ];
  await owner.query('begin');
  try {
    for (const s of statements) await owner.query(s);
    await owner.query('commit');
  } catch (err) {
    await owner.query('rollback');
    throw err;
  }
  return statements;
}

async function mutableGrants(owner: PgConn, guarded: AppendOnlyTable[], r: string): Promise<string[]> {
  const all = await owner.query<{ name: string }>(`select relname as name from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p') and pg_has_role(current_user, relowner, 'USAGE') order by relname`);
  const byName = new Map(guarded.map((t) => [t.table, t]));
  return all.rows.flatMap(({ name }) => {
    const g = byName.get(name);
    const rights = [...(g?.refusesUpdate ? [] : ['update']), ...(g?.refusesDelete ? [] : ['delete'])];
    return rights.length ? [`grant ${rights.join(', ')} on table ${ident(name)} to ${r}`] : [];
  });
}

/** The SQL an administrator runs (as a superuser or a role with CREATEROLE) to create the app role. */
export function createAppRoleSql(role: string, password: string): string {
  return `create role ${ident(role)} login nosuperuser nocreatedb nocreaterole noinherit nobypassrls password ${pg.escapeLiteral(password)}`;
}

export type RoleCheck = { role: string; superuser: boolean; ownedTables: number; warnings: string[] };

/** What is wrong with the rights of the connection the app runs on (PostgreSQL only). */
export async function checkAppRole(db: Db): Promise<RoleCheck> {
  const r = (await db.execute(sql`
    select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser,
           (select count(*)::int from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
              and pg_has_role(current_user, c.relowner, 'USAGE')) as owned`)) as unknown as { rows: Array<{ role: string; superuser: boolean; owned: number }> };
  const { role, superuser, owned } = r.rows[0]!;
  const warnings: string[] = [];
  if (superuser) warnings.push(`应用以超级用户 ${role} 连接数据库：可关闭触发器、清空留痕表。生产环境请使用专用应用角色 (the app connects as superuser ${role}: it can bypass triggers and truncate evidence; use a dedicated app role)`);
  if (owned > 0) warnings.push(`应用连接的角色 ${role} 拥有 ${owned} 张表：可修改表结构、关闭触发器。生产环境请用属主角色迁移、应用角色连接 (the app role ${role} owns ${owned} tables: it can alter them and disable triggers; migrate as the owner, connect as the app role)`);
  return { role, superuser, ownedTables: owned, warnings };
}
