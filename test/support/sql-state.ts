import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { PgConn } from '../../src/db/roles.js';

/** The SQLSTATE a statement fails with ('ok' when it succeeds): drizzle wraps the driver's error. */
export async function sqlState(db: Db, statement: string): Promise<string> {
  try {
    await db.execute(sql.raw(statement));
    return 'ok';
  } catch (err) {
    const e = err as { code?: string; cause?: { code?: string } };
    return e.cause?.code ?? e.code ?? `no SQLSTATE: ${String(err)}`;
  }
}

/** A drizzle database seen as a plain query connection (for src/db/roles.ts). */
export const asConn = (db: Db): PgConn => ({ query: (text: string) => db.execute(sql.raw(text)) }) as unknown as PgConn;

export async function rows<T>(db: Db, statement: string): Promise<T[]> {
  return ((await db.execute(sql.raw(statement))) as unknown as { rows: T[] }).rows;
}
