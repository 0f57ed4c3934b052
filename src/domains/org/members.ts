import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { roleAssignments, sessions, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords.js';
import type { Principal } from '../auth/principal.js';
import { mayChangeAccount } from './policy.js';
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
  checkPasswordPolicy(input.password, input.username, [input.displayName]);
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

/**
 * The user row locked for this transaction, with their roles here and the agencies they hold
 * roles in. Role changes, disabling and password resets of one user all start here, so they
 * are decided one after another against what is true now (issue 10: roles and passwords).
 */
async function lockAccount(tx: DbOrTx, agencyId: string, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
  if (!user) throw notFound('用户');
  const held = await tx.select({ agencyId: roleAssignments.agencyId, role: roleAssignments.role }).from(roleAssignments).where(eq(roleAssignments.userId, userId));
  const rolesHere = held.filter((r) => r.agencyId === agencyId).map((r) => r.role).sort();
  return { user, rolesHere, agencyIds: [...new Set(held.map((r) => r.agencyId))], member: presentMember(user, rolesHere) };
}

/** A member of this agency (404 otherwise, as for anyone the admin cannot see). */
async function lockMember(tx: DbOrTx, agencyId: string, userId: string) {
  const account = await lockAccount(tx, agencyId, userId);
  if (account.rolesHere.length === 0) throw notFound('用户');
  return account;
}

function refuseAccountChange(p: Principal, agencyId: string, account: Awaited<ReturnType<typeof lockAccount>>) {
  const target = { userId: account.user.id, isPlatformAdmin: account.user.isPlatformAdmin, agencyIds: account.agencyIds };
  if (mayChangeAccount(p, agencyId, target)) return;
  if (account.user.isPlatformAdmin) throw new AppError('FORBIDDEN', '机关管理员不能重置平台管理员的密码或停用其账号');
  throw new AppError('ACCOUNT_IN_OTHER_AGENCY', '该用户还在其他机关担任角色，只有平台管理员可以重置其密码、停用或修改其账号');
}

async function writeRoles(tx: DbOrTx, actor: Actor, agencyId: string, account: Awaited<ReturnType<typeof lockAccount>>, roles: Role[], now: Date) {
  const { user, member: before } = account;
  await tx.delete(roleAssignments).where(and(eq(roleAssignments.userId, user.id), eq(roleAssignments.agencyId, agencyId)));
  if (roles.length) await tx.insert(roleAssignments).values(roles.map((role) => ({ userId: user.id, agencyId, role, createdAt: now })));
  const after = { ...before, roles: [...roles].sort() };
  await recordAudit(tx, actor, { action: 'user.roles_changed', agencyId, objectType: 'user', objectId: user.id, before: { roles: before.roles }, after: { roles: after.roles } }, now);
  return after;
}

export async function setMemberRoles(db: Db, actor: Actor, agencyId: string, userId: string, roles: Role[], now: Date) {
  return db.transaction(async (tx) => {
    const account = await lockMember(tx, agencyId, userId);
    if (actor.userId === userId && account.rolesHere.includes('admin') && !roles.includes('admin')) {
      throw new AppError('CONFLICT', '不能取消自己的系统管理员角色');
    }
    return writeRoles(tx, actor, agencyId, account, roles, now);
  });
}

/**
 * The operator (`liuhen create-user`) sets an existing person's roles in an agency, which may
 * be an agency they hold no role in yet: that is how a user joins a second agency (README).
 */
export async function setRolesAsOperator(db: Db, actor: Actor, agencyId: string, userId: string, roles: Role[], now: Date) {
  return db.transaction(async (tx) => {
    const account = await lockAccount(tx, agencyId, userId);
    if (account.user.kind !== 'person') throw new AppError('CONFLICT', '采集站账号不能担任角色');
    return writeRoles(tx, actor, agencyId, account, roles, now);
  });
}

export async function updateMember(db: Db, changer: Principal, actor: Actor, agencyId: string, userId: string, patch: z.infer<typeof userPatch>, now: Date) {
  return db.transaction(async (tx) => {
    const account = await lockMember(tx, agencyId, userId);
    const { user, member: before } = account;
    if (patch.disabled && (user.isPlatformAdmin || actor.userId === userId)) {
      throw new AppError('CONFLICT', user.isPlatformAdmin ? '不能停用平台管理员' : '不能停用自己的账号');
    }
    // The account (its name, whether it may sign in) is shared by every agency it works in.
    if (actor.userId !== userId) refuseAccountChange(changer, agencyId, account);
    const [u] = await tx.update(users).set({ ...patch, updatedAt: now }).where(eq(users.id, userId)).returning();
    // A disabled user's sessions all end at once, in the same transaction.
    if (patch.disabled && !before.disabled) await revokeSessions(tx, [userId], now);
    const after = presentMember(u!, before.roles);
    const action = patch.disabled === true && !before.disabled ? 'user.disabled' : patch.disabled === false && before.disabled ? 'user.enabled' : 'user.updated';
    await recordAudit(tx, actor, { action, agencyId, objectType: 'user', objectId: userId, before, after }, now);
    return after;
  });
}

export async function resetMemberPassword(db: Db, changer: Principal, actor: Actor, agencyId: string, userId: string, newPassword: string, now: Date) {
  // Asked before the (slow) hashing so a refused reset costs nothing; asked again under the lock.
  const seen = await lockAccount(db, agencyId, userId);
  if (seen.rolesHere.length === 0) throw notFound('用户');
  refuseAccountChange(changer, agencyId, seen);
  checkPasswordPolicy(newPassword, seen.user.username, [seen.user.displayName]);
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    const account = await lockMember(tx, agencyId, userId);
    refuseAccountChange(changer, agencyId, account);
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
