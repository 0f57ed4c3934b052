import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { leases } from '../db/schema/index.js';

/**
 * Takes the named lease until `until` if nobody holds it now; true when this holder has it.
 * One statement: of several processes trying at once, exactly one sees the old expiry passed.
 */
export async function takeLease(db: Db, name: string, holder: string, now: Date, until: Date) {
  const rows = await db
    .insert(leases)
    .values({ name, holder, expiresAt: until })
    .onConflictDoUpdate({ target: leases.name, set: { holder, expiresAt: until }, setWhere: sql`${leases.expiresAt} <= ${now}` })
    .returning({ holder: leases.holder });
  return rows.length > 0;
}

/** Keeps a held lease alive at least until `until`; false when another holder has taken it. */
export async function extendLease(db: Db, name: string, holder: string, until: Date) {
  const rows = await db
    .update(leases)
    .set({ expiresAt: sql`greatest(${leases.expiresAt}, ${until})` })
    .where(and(eq(leases.name, name), eq(leases.holder, holder)))
    .returning({ name: leases.name });
  return rows.length > 0;
}
