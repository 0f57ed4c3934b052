import { and, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { matterOfficers, matters, officers } from '../../db/schema/index.js';
import { hasRole, type Principal } from '../auth/principal.js';

// ACC-1: officers see their unit's matters and those they work on; unit heads (reviewers)
// their unit's; agency heads, legal reviewers, archivists, supervisors and admins the agency's.
export type MatterScope = { kind: 'agency' } | { kind: 'limited'; unitId: string | null; officerId: string | null };

export async function matterScope(db: DbOrTx, p: Principal, agencyId: string): Promise<MatterScope> {
  if (p.isPlatformAdmin || hasRole(p, agencyId, 'approver', 'admin', 'legal_reviewer', 'archivist', 'supervisor')) return { kind: 'agency' };
  const [officer] = await db
    .select({ id: officers.id, unitId: officers.unitId })
    .from(officers)
    .where(and(eq(officers.agencyId, agencyId), eq(officers.userId, p.userId)))
    .limit(1);
  return { kind: 'limited', unitId: officer?.unitId ?? null, officerId: officer?.id ?? null };
}

/** The condition a matter row must meet to be visible in this scope. */
export function scopeCondition(db: DbOrTx, scope: MatterScope): SQL | undefined {
  if (scope.kind === 'agency') return undefined;
  const conditions: SQL[] = [];
  if (scope.unitId) conditions.push(eq(matters.unitId, scope.unitId));
  if (scope.officerId) {
    const onMatter = db
      .select({ one: matterOfficers.officerId })
      .from(matterOfficers)
      .where(and(eq(matterOfficers.matterId, matters.id), eq(matterOfficers.officerId, scope.officerId)));
    conditions.push(exists(onMatter));
  }
  // A user with no officer record and no unit sees no matters.
  return conditions.length ? or(...conditions) : sql`false`;
}

export function canSeeMatter(scope: MatterScope, matter: { unitId: string | null }, officerIds: string[]) {
  if (scope.kind === 'agency') return true;
  return (scope.unitId !== null && matter.unitId === scope.unitId) || (scope.officerId !== null && officerIds.includes(scope.officerId));
}
