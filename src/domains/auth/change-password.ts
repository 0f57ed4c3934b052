import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { revokeSessions } from '../org/members.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.js';
import type { Principal } from './principal.js';

/** The user changes their own password; their other sessions end. */
export async function changeOwnPassword(db: Db, p: Principal, actor: Actor, input: { currentPassword: string; newPassword: string }, now: Date) {
  const [user] = await db.select().from(users).where(eq(users.id, p.userId));
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('INVALID_CREDENTIALS', '当前密码不正确');
  }
  checkPasswordPolicy(input.newPassword, user.username);
  if (input.newPassword === input.currentPassword) throw new AppError('PASSWORD_TOO_WEAK', '新密码不能与当前密码相同');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, user.id));
    await revokeSessions(tx, [user.id], now, p.sessionIdHash);
    await recordAudit(tx, actor, { action: 'auth.password_changed', agencyId: null, objectType: 'user', objectId: user.id }, now);
  });
}
