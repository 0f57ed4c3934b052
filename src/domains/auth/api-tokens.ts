import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { apiTokens, roleAssignments, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { TokenOwner } from './policy.js';
import { hashToken, newApiToken } from './secrets.js';

export const presentToken = (t: typeof apiTokens.$inferSelect, username: string) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  userId: t.userId,
  username,
  agencyId: t.agencyId,
  createdAt: iso(t.createdAt)!,
  expiresAt: iso(t.expiresAt),
  lastUsedAt: iso(t.lastUsedAt),
  revokedAt: iso(t.revokedAt),
});

/** Tokens of the given users in one agency (a person's own, or a station's). */
export async function listApiTokens(db: DbOrTx, agencyId: string, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ t: apiTokens, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.agencyId, agencyId), inArray(apiTokens.userId, userIds)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => presentToken(r.t, r.username));
}

/**
 * Creates a token that acts as `ownerId` inside `agencyId` only; the secret is shown once.
 * `may` is the caller's policy (auth/policy.ts `mayCreateTokenFor`, or the CLI's), asked about
 * the owner read under a row lock, so a concurrent disable or role change can't slip between.
 */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { agencyId: string; ownerId: string; name: string; expiresInDays?: number | null },
  may: (owner: TokenOwner) => boolean,
  now: Date,
) {
  const token = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [owner] = await tx.select().from(users).where(eq(users.id, input.ownerId)).for('update');
    if (!owner) throw notFound('用户');
    if (!may(owner)) throw new AppError('FORBIDDEN', '只能为本人或本机关的采集站账号创建令牌；令牌不能代表其他人');
    if (owner.kind === 'person') {
      const [role] = await tx.select().from(roleAssignments).where(and(eq(roleAssignments.userId, owner.id), eq(roleAssignments.agencyId, input.agencyId))).limit(1);
      if (!role) throw new AppError('FORBIDDEN', '您在本机关没有角色，不能创建本机关的令牌');
    }
    if (owner.disabled) throw new AppError('CONFLICT', '不能为已停用的账号创建令牌');
    const [row] = await tx
      .insert(apiTokens)
      .values({ tokenHash: hashToken(token), prefix: token.slice(0, 10), name: input.name, userId: owner.id, agencyId: input.agencyId, createdAt: now, expiresAt })
      .returning();
    const view = presentToken(row!, owner.username);
    await recordAudit(tx, actor, { action: 'api_token.created', agencyId: input.agencyId, objectType: 'api_token', objectId: row!.id, after: { ...view, ownerKind: owner.kind } }, now);
    return { ...view, token };
  });
}

/** Revokes a token; `may` decides on the token's owner (auth/policy.ts `mayRevokeToken`). */
export async function revokeApiToken(db: Db, actor: Actor, agencyId: string, tokenId: string, may: (token: { userId: string }) => boolean, now: Date) {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.agencyId, agencyId))).for('update');
    if (!row || !may(row)) throw notFound('API 令牌');
    if (row.revokedAt) throw new AppError('CONFLICT', '该令牌已吊销');
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, { action: 'api_token.revoked', agencyId, objectType: 'api_token', objectId: tokenId }, now);
  });
}
