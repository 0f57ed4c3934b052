import { and, eq, exists, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { avRecords, officers } from '../../db/schema/index.js';
import type { Principal } from '../auth/principal.js';
import { scopeCondition, type MatterScope } from '../matters/scope.js';

/**
 * The rules of policy.ts (canSeeMatter for a linked record, canSeeUnassignedAv otherwise) as
 * one SQL condition, for lists. The query must left-join `matters` on the record's matter.
 * test/integration/av-scope.test.ts checks that lists and single records agree.
 */
export function avScopeCondition(db: DbOrTx, p: Principal, scope: MatterScope): SQL | undefined {
  if (scope.kind === 'agency') return undefined;
  const unassigned: SQL[] = [eq(avRecords.createdByUserId, p.userId)];
  if (scope.officerId) unassigned.push(eq(avRecords.officerId, scope.officerId));
  if (scope.unitId) {
    const ofUnit = db
      .select({ one: sql`1` })
      .from(officers)
      .where(and(eq(officers.agencyId, avRecords.agencyId), eq(officers.unitId, scope.unitId), or(eq(officers.id, avRecords.officerId), eq(officers.userId, avRecords.createdByUserId))));
    unassigned.push(exists(ofUnit));
  }
  return or(and(isNotNull(avRecords.matterId), scopeCondition(db, scope)), and(isNull(avRecords.matterId), or(...unassigned)));
}
