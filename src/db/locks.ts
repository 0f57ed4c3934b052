import { eq, sql } from 'drizzle-orm';
import { notFound } from '../shared/errors.js';
import type { Tx } from './client.js';
import { agencies } from './schema/index.js';

/**
 * Serialises changes to one agency's versioned settings (its profile, its major-decision list):
 * the next version is decided against the locked agency row (STYLE 14). FOR NO KEY UPDATE, so
 * rows that merely reference the agency (matters, users …) are still inserted meanwhile.
 */
export async function lockAgency(tx: Tx, agencyId: string) {
  const [row] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)).for('no key update');
  if (!row) throw notFound('机关');
}

/**
 * A lock on a name for the rest of the transaction, for what has no row to lock yet (a year's
 * calendar notice). PostgreSQL and PGlite both have transaction-level advisory locks.
 */
export async function lockName(tx: Tx, name: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
}
