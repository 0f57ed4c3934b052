import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { roleAssignments, sessions, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import type { Role } from './roles.js';
import type { userInput, userPatch } from './schemas.js';

/** Users holding at least one role in the agency, with those roles. */
export async function listMembers(db: Db, agencyId: string) {
  const rows = await db
    .select({ u: users, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.agencyId, agencyId))
    .orderBy(asc(users.username), asc(roleAssignments.role));
  const byId = new Map<string, ReturnType<typeof presentMember>>();
  for (const r of rows) {
    const m = byId.get(r.u.id) ?? presentMember(r.u, []);
    m.roles.push(r.role);
    byId.set(r.u.id, m);
  }
  return [...byId.values()];
}

const presentMember = (u: typeof users.$inferSelect, roles: string[]) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  disabled: u.disabled,
  roles,
  createdAt: iso(u.createdAt)!,
});

export async function getMember(db: DbOrTx, agencyId: string, userId: string) {
  const rows = await db
    .select({ u: users, role: roleAssignments.role })
    .from(users)
    .innerJoin(roleAssignments, and(eq(roleAssignments.userId, users.id), eq(roleAssignments.agencyId, agencyId)))
    .where(eq(users.id, userId));
  if (rows.length === 0) throw notFound('用户');
  return { user: rows[0]!.u, member: presentMember(rows[0]!.u, rows.map((r) => r.role)) };
}

export async function createMember(db: Db, actor: Actor, agencyId: string, input: z.infer<typeof userInput>, now: Date) {
  checkPasswordPolicy(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, passwordHash, createdAt: now, updatedAt: now, passwordChangedAt: now })
      .returning();
    await tx.insert(roleAssignments).values(input.roles.map((role) => ({ userId: u!.id, agencyId, role, createdAt: now })));
    const member = presentMember(u!, [...input.roles].sort());
    await recordAudit(tx, actor, { action: 'user.created', agencyId, objectType: 'user', objectId: u!.id, after: member }, now);
    return member;
  });
}

export async function setMemberRoles(db: Db, actor: Actor, agencyId: string, userId: string, roles: Role[], now: Date) {
  const { member: before } = await getMember(db, agencyId, userId);
  if (actor.userId === userId && before.roles.includes('admin') && !roles.includes('admin')) {
    throw new AppError('CONFLICT', '不能取消自己的系统管理员角色');
  }
  return db.transaction(async (tx) => {
    await tx.delete(roleAssignments).where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.agencyId, agencyId)));
    if (roles.length) await tx.insert(roleAssignments).values(roles.map((role) => ({ userId, agencyId, role, createdAt: now })));
    const after = { ...before, roles: [...roles].sort() };
    await recordAudit(tx, actor, { action: 'user.roles_changed', agencyId, objectType: 'user', objectId: userId, before: { roles: before.roles }, after: { roles: after.roles } }, now);
    return after;
  });
}

export async function updateMember(db: Db, actor: Actor, agencyId: string, userId: string, patch: z.infer<typeof userPatch>, now: Date) {
  const { user, member: before } = await getMember(db, agencyId, userId);
  if (patch.disabled && (user.isPlatformAdmin || actor.userId === userId)) {
    throw new AppError('CONFLICT', user.isPlatformAdmin ? '不能停用平台管理员' : '不能停用自己的账号');
  }
  return db.transaction(async (tx) => {
    const [u] = await tx.update(users).set({ ...patch, updatedAt: now }).where(eq(users.id, userId)).returning();
    // A disabled user's sessions all end at once, in the same transaction.
    if (patch.disabled && !before.disabled) await revokeSessions(tx, [userId], now);
    const after = presentMember(u!, before.roles);
    const action = patch.disabled === true && !before.disabled ? 'user.disabled' : patch.disabled === false && before.disabled ? 'user.enabled' : 'user.updated';
    await recordAudit(tx, actor, { action, agencyId, objectType: 'user', objectId: userId, before, after }, now);
    return after;
  });
}

export async function resetMemberPassword(db: Db, actor: Actor, agencyId: string, userId: string, newPassword: string, now: Date) {
  const { user } = await getMember(db, agencyId, userId);
  if (user.isPlatformAdmin && actor.userId !== userId) throw new AppError('FORBIDDEN', '机关管理员不能重置平台管理员的密码');
  checkPasswordPolicy(newPassword, user.username);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null, updatedAt: now }).where(eq(users.id, userId));
    await revokeSessions(tx, [userId], now);
    await recordAudit(tx, actor, { action: 'user.password_reset', agencyId, objectType: 'user', objectId: userId }, now);
  });
}

export async function revokeSessions(tx: DbOrTx, userIds: string[], now: Date, exceptIdHash?: string) {
  const rows = await tx.select({ idHash: sessions.idHash, revokedAt: sessions.revokedAt }).from(sessions).where(inArray(sessions.userId, userIds));
  const live = rows.filter((r) => !r.revokedAt && r.idHash !== exceptIdHash).map((r) => r.idHash);
  if (live.length) await tx.update(sessions).set({ revokedAt: now }).where(inArray(sessions.idHash, live));
}
