import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './secrets.js';

export type LockoutPolicy = { threshold: number; lockoutMs: number; sessionMaxMs: number };

export type SignInResult = { token: string; csrfToken: string; expiresAt: Date; userId: string };

/**
 * Checks the password, counts failures toward a lock-out, and opens a server-side session.
 * Success and failure each write one audit event (ORG-3, INT-1).
 */
export async function signIn(
  db: Db,
  input: { username: string; password: string },
  actor: Actor,
  policy: LockoutPolicy,
  now: Date,
): Promise<SignInResult> {
  const [user] = await db.select().from(users).where(eq(users.username, input.username));
  if (!user) {
    await dummyVerify(input.password);
    await recordAudit(db, actor, failed(null, input.username, 'unknown_user'), now);
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await recordAudit(db, actor, failed(user.id, input.username, 'locked'), now);
    throw new AppError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${fmt(user.lockedUntil)}`, { lockedUntil: user.lockedUntil });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok) {
    const failures = user.failedSignIns + 1;
    const lock = failures >= policy.threshold;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedSignIns: lock ? 0 : failures, lockedUntil: lock ? new Date(now.getTime() + policy.lockoutMs) : user.lockedUntil })
        .where(eq(users.id, user.id));
      await recordAudit(tx, actor, failed(user.id, input.username, 'wrong_password', failures), now);
      if (lock) await recordAudit(tx, actor, { action: 'auth.locked', agencyId: null, objectType: 'user', objectId: user.id, details: { failures } }, now);
    });
    throw lock ? new AppError('ACCOUNT_LOCKED', `连续 ${failures} 次登录失败，账号已锁定`) : invalid();
  }
  if (user.disabled) {
    await recordAudit(db, actor, failed(user.id, input.username, 'disabled'), now);
    throw new AppError('USER_DISABLED', '该账号已停用，请联系管理员');
  }
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + policy.sessionMaxMs);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
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

const invalid = () => new AppError('INVALID_CREDENTIALS', '用户名或密码错误');
const fmt = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const failed = (userId: string | null, username: string, reason: string, failures?: number) => ({
  action: 'auth.sign_in_failed' as const,
  agencyId: null,
  objectType: 'user',
  objectId: userId,
  details: { username, reason, failures },
});
