import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { users } from '../../db/schema/index.js';

export type LockoutRule = { threshold: number; lockoutMs: number };

/**
 * Reserves one password attempt BEFORE the password is checked (issue 10: parallel guesses
 * beat a counter that was read, checked and written back). One conditional UPDATE counts the
 * attempt and, at the threshold, sets the lock in the same statement; an account that is
 * locked gets no row back, so at most `threshold` guesses are ever verified, however many
 * arrive at once. A lock that has run out starts a new count. Returns the user row as updated
 * (`lockedUntil` set = this attempt is the last one), or null when the account is locked.
 */
export async function reserveAttempt(db: DbOrTx, userId: string, rule: LockoutRule, now: Date) {
  const count = sql`(case when ${users.lockedUntil} is not null then 1 else ${users.failedSignIns} + 1 end)`;
  const until = new Date(now.getTime() + rule.lockoutMs).toISOString();
  const [row] = await db
    .update(users)
    .set({ failedSignIns: count, lockedUntil: sql`case when ${count} >= ${rule.threshold} then ${until}::timestamptz else null end` })
    .where(and(eq(users.id, userId), or(isNull(users.lockedUntil), lte(users.lockedUntil, now))))
    .returning();
  return row ?? null;
}

/** The right password: the reserved attempt (and any lock it set) is given back. */
export async function clearAttempts(db: DbOrTx, userId: string) {
  await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, userId));
}
