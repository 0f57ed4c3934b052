import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { apiTokens, users } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { getMember } from '../org/members.js';
import { hashToken, newApiToken } from './secrets.js';

const present = (t: typeof apiTokens.$inferSelect, username: string) => ({
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

export async function listApiTokens(db: Db, agencyId: string) {
  const rows = await db
    .select({ t: apiTokens, username: users.username })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.agencyId, agencyId))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map((r) => present(r.t, r.username));
}

/** Creates a token that acts as `userId` inside `agencyId` only. The secret is shown once. */
export async function createApiToken(
  db: Db,
  actor: Actor,
  input: { agencyId: string; userId: string; name: string; expiresInDays?: number | null },
  now: Date,
) {
  const { user } = await getMember(db, input.agencyId, input.userId).catch(() => {
    throw new AppError('VALIDATION_FAILED', '令牌代表的用户必须是本机关的用户，请选择用户');
  });
  if (user.disabled) throw new AppError('CONFLICT', '不能为已停用的用户创建令牌');
  const token = newApiToken();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiTokens)
      .values({ tokenHash: hashToken(token), prefix: token.slice(0, 10), name: input.name, userId: input.userId, agencyId: input.agencyId, createdAt: now, expiresAt })
      .returning();
    const view = present(row!, user.username);
    await recordAudit(tx, actor, { action: 'api_token.created', agencyId: input.agencyId, objectType: 'api_token', objectId: row!.id, after: view }, now);
    return { ...view, token };
  });
}

export async function revokeApiToken(db: Db, actor: Actor, agencyId: string, tokenId: string, now: Date) {
  const [row] = await db.select().from(apiTokens).where(and(eq(apiTokens.id, tokenId), eq(apiTokens.agencyId, agencyId)));
  if (!row) throw notFound('API 令牌');
  if (row.revokedAt) throw new AppError('CONFLICT', '该令牌已吊销');
  await db.transaction(async (tx) => {
    await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, actor, { action: 'api_token.revoked', agencyId, objectType: 'api_token', objectId: tokenId }, now);
  });
}
