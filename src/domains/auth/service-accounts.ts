import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { listApiTokens } from './api-tokens.js';

// 采集站账号: an account of one agency that has no password and no roles and acts only through
// its API tokens, which may ingest AV records and nothing else (auth/policy.ts).

const present = (u: typeof users.$inferSelect) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  disabled: u.disabled,
  createdAt: iso(u.createdAt)!,
});

export async function listServiceAccounts(db: Db, agencyId: string) {
  const rows = await db.select().from(users).where(and(eq(users.kind, 'service'), eq(users.serviceAgencyId, agencyId))).orderBy(asc(users.username));
  const tokens = await listApiTokens(db, agencyId, rows.map((r) => r.id));
  return rows.map((u) => ({ ...present(u), tokens: tokens.filter((t) => t.userId === u.id) }));
}

export async function createServiceAccount(db: Db, actor: Actor, agencyId: string, input: { username: string; displayName: string }, now: Date) {
  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: input.username, displayName: input.displayName, kind: 'service', serviceAgencyId: agencyId, passwordHash: null, createdAt: now, updatedAt: now, passwordChangedAt: now })
      .returning();
    const view = present(u!);
    await recordAudit(tx, actor, { action: 'service_account.created', agencyId, objectType: 'user', objectId: u!.id, after: view }, now);
    return { ...view, tokens: [] };
  });
}

/** Stops (or resumes) a station: a disabled account's tokens are refused at once. */
export async function setServiceAccountDisabled(db: Db, actor: Actor, agencyId: string, userId: string, disabled: boolean, now: Date) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(and(eq(users.id, userId), eq(users.kind, 'service'), eq(users.serviceAgencyId, agencyId))).for('update');
    if (!before) throw notFound('采集站账号');
    if (before.disabled === disabled) throw new AppError('CONFLICT', disabled ? '该采集站账号已停用' : '该采集站账号未停用');
    const [u] = await tx.update(users).set({ disabled, updatedAt: now }).where(eq(users.id, userId)).returning();
    await recordAudit(tx, actor, { action: 'service_account.updated', agencyId, objectType: 'user', objectId: userId, before: present(before), after: present(u!) }, now);
    const tokens = await listApiTokens(tx, agencyId, [userId]);
    return { ...present(u!), tokens };
  });
}
