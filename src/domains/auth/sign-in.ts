import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { clearAttempts, reserveAttempt, type LockoutRule } from './lockout.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './secrets.js';

export type LockoutPolicy = LockoutRule & { sessionMaxMs: number };

export type SignInResult = { token: string; csrfToken: string; expiresAt: Date; userId: string };

type FailReason = 'unknown_user' | 'service_account' | 'locked' | 'wrong_password' | 'disabled';

/**
 * Checks the password, counts the attempt toward a lock-out before checking it, and opens a
 * server-side session. Unknown, service, locked and disabled accounts and wrong passwords all
 * get the same answer after the same argon2 work (no enumeration); the real reason goes into
 * the audit log only. Success and failure each write audit events (ORG-3, INT-1).
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string },
  actor: Actor,
  policy: LockoutPolicy,
  now: Date,
): Promise<SignInResult> {
  const refuse = async (userId: string | null, reason: FailReason, failures?: number) => {
    await recordAudit(db, actor, failed(userId, input.username, reason, failures), now);
    return invalid();
  };
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user || user.kind !== 'person') {
    await dummyVerify(input.password);
    throw await refuse(user?.id ?? null, user ? 'service_account' : 'unknown_user');
  }
  const attempt = await reserveAttempt(db, user.id, policy, now);
  if (!attempt) {
    await dummyVerify(input.password);
    throw await refuse(user.id, 'locked');
  }
  if (!(await verifyPassword(attempt.passwordHash ?? '', input.password))) {
    const failures = attempt.failedSignIns;
    await db.transaction(async (tx) => {
      await recordAudit(tx, actor, failed(user.id, input.username, 'wrong_password', failures), now);
      if (attempt.lockedUntil) await recordAudit(tx, actor, { action: 'auth.locked', agencyId: null, objectType: 'user', objectId: user.id, details: { failures, lockedUntil: attempt.lockedUntil } }, now);
    });
    throw invalid();
  }
  if (attempt.disabled) throw await refuse(user.id, 'disabled');
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + policy.sessionMaxMs);
  await db.transaction(async (tx) => {
    await clearAttempts(tx, user.id);
    await tx.insert(sessions).values({
      idHash: hashToken(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      ip: actor.ip,
      userAgent: actor.userAgent,
    });
    await recordAudit(tx, { ...actor, userId: user.id, name: user.displayName }, { action: 'auth.sign_in', agencyId: null, objectType: 'user', objectId: user.id }, now);
  });
  return { token, csrfToken, expiresAt, userId: user.id };
}

// One answer for every refusal. The lock-out is announced in advance, not per account.
const invalid = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
const failed = (userId: string | null, username: string, reason: FailReason, failures?: number) => ({
  action: 'auth.sign_in_failed' as const,
  agencyId: null,
  objectType: 'user',
  objectId: userId,
  details: { username, reason, failures },
});
