import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agencies, apiTokens, roleAssignments, sessions, users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import type { Role } from '../org/roles.js';
import type { Membership, Principal } from './principal.js';
import { apiTokenPrefix, hashToken } from './secrets.js';

export type SessionPolicy = { idleMs: number };
// Writing last_seen_at on every request would turn reads into writes; once a minute is enough
// for an idle timeout counted in minutes.
const touchEveryMs = 60_000;

type RoleRow = { agencyId: string | null; agencyName: string | null; role: string | null };

function groupMemberships(rows: RoleRow[]): Membership[] {
  const byAgency = new Map<string, Membership>();
  for (const r of rows) {
    if (!r.agencyId || !r.role) continue;
    const m = byAgency.get(r.agencyId) ?? { agencyId: r.agencyId, agencyName: r.agencyName ?? '', roles: [] };
    m.roles.push(r.role as Role);
    byAgency.set(r.agencyId, m);
  }
  return [...byAgency.values()].sort((a, b) => a.agencyName.localeCompare(b.agencyName));
}

export async function loadMemberships(db: DbOrTx, userId: string): Promise<Membership[]> {
  const rows = await db
    .select({ agencyId: roleAssignments.agencyId, agencyName: agencies.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.role);
  return groupMemberships(rows);
}

// Session, user and roles in one query: this runs on every request.
const withRoles = { agencyId: roleAssignments.agencyId, agencyName: agencies.name, role: roleAssignments.role };

/** Resolves a session cookie to its user, ending it when idle or past its lifetime. */
export async function principalFromSession(db: DbOrTx, token: string, policy: SessionPolicy, now: Date): Promise<Principal> {
  const idHash = hashToken(token);
  const rows = await db
    .select({ s: sessions, u: users, ...withRoles })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(agencies, eq(agencies.id, roleAssignments.agencyId))
    .where(eq(sessions.idHash, idHash))
    .orderBy(roleAssignments.role);
  const row = rows[0];
  if (!row || row.s.revokedAt) throw new AppError('UNAUTHENTICATED', '请先登录');
  if (row.u.disabled) throw new AppError('USER_DISABLED', '该账号已停用');
  const idleSince = now.getTime() - row.s.lastSeenAt.getTime();
  if (now >= row.s.expiresAt || idleSince > policy.idleMs) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.idHash, idHash));
    throw new AppError('SESSION_EXPIRED', '登录已过期，请重新登录');
  }
  if (idleSince > touchEveryMs) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  return {
    userId: row.u.id,
    username: row.u.username,
    displayName: row.u.displayName,
    isPlatformAdmin: row.u.isPlatformAdmin,
    kind: row.u.kind,
    memberships: row.u.kind === 'person' ? groupMemberships(rows) : [],
    via: 'session',
    sessionIdHash: idHash,
    csrfToken: row.s.csrfToken,
  };
}

/** Resolves a bearer API token: it acts as its user, inside its one agency only. */
export async function principalFromApiToken(db: DbOrTx, token: string, now: Date): Promise<Principal> {
  if (!token.startsWith(apiTokenPrefix)) throw new AppError('UNAUTHENTICATED', 'API 令牌无效');
  const [row] = await db
    .select({ t: apiTokens, u: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
  if (!row || (row.t.expiresAt && row.t.expiresAt <= now)) throw new AppError('UNAUTHENTICATED', 'API 令牌无效、已过期或已吊销');
  if (row.u.disabled) throw new AppError('USER_DISABLED', '令牌所属账号已停用');
  if (!row.t.lastUsedAt || now.getTime() - row.t.lastUsedAt.getTime() > touchEveryMs) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.t.id));
  }
  const base = { userId: row.u.id, username: row.u.username, displayName: row.u.displayName, isPlatformAdmin: false, via: 'token' as const, tokenId: row.t.id };
  if (row.u.kind === 'service') {
    // A station's token is bound to the station's own agency (checked again here: never trust
    // that the token row and the account agree).
    if (row.u.serviceAgencyId !== row.t.agencyId) throw new AppError('UNAUTHENTICATED', 'API 令牌无效、已过期或已吊销');
    const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, row.t.agencyId));
    return { ...base, kind: 'service', memberships: [], serviceAgency: { agencyId: row.t.agencyId, agencyName: agency?.name ?? '' } };
  }
  const memberships = (await loadMemberships(db, row.u.id)).filter((m) => m.agencyId === row.t.agencyId);
  return { ...base, kind: 'person', memberships };
}
