import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { revokeSessions } from '../org/members.js';
import { reserveAttempt, type LockoutRule } from './lockout.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';

/**
 * The user changes their own password; their other sessions end. A wrong current password
 * counts toward the same lock-out as sign-in (a stolen session must not guess freely), and
 * every attempt is audited.
 */
export async function changeOwnPassword(db: Db, p: Principal, actor: Actor, input: { currentPassword: string; newPassword: string }, rule: LockoutRule, now: Date) {
  const failedAttempt = async (reason: 'locked' | 'wrong_password', failures?: number) =>
    recordAudit(db, actor, { action: 'auth.password_change_failed', agencyId: null, objectType: 'user', objectId: p.userId, details: { reason, failures } }, now);
  const attempt = await reserveAttempt(db, p.userId, rule, now);
  if (!attempt) {
    await failedAttempt('locked');
    throw new AppError('ACCOUNT_LOCKED', '当前密码输错次数过多，账号已暂时锁定，请稍后再试');
  }
  const heldHash = attempt.passwordHash;
  if (!heldHash || !(await verifyPassword(heldHash, input.currentPassword))) {
    await failedAttempt('wrong_password', attempt.failedSignIns);
    throw new AppError('INVALID_CREDENTIALS', '当前密码不正确');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_TOO_WEAK', '新密码不能与当前密码相同');
  checkPasswordPolicy(input.newPassword, attempt.username, [attempt.displayName]);
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    // Decided against the hash the current password was checked with: a concurrent change or
    // reset in between makes this one lose (409) instead of silently overwriting it.
    const [changed] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, failedSignIns: 0, lockedUntil: null })
      .where(and(eq(users.id, p.userId), eq(users.passwordHash, heldHash)))
      .returning({ id: users.id });
    if (!changed) throw new AppError('PASSWORD_CHANGED_CONCURRENTLY', '密码已被同时修改或重置，请重新登录后再试');
    await revokeSessions(tx, [p.userId], now, p.sessionIdHash);
    await recordAudit(tx, actor, { action: 'auth.password_changed', agencyId: null, objectType: 'user', objectId: p.userId }, now);
  });
}
