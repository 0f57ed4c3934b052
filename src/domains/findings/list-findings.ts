import { and, count, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findings } from '../../db/schema/index.js';
import type { FindingRule } from '../../rules/findings/finding.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import { matterScope, type MatterScope } from '../matters/scope.js';

export type FindingFilter = {
  status: 'open' | 'resolved' | 'all';
  requirement?: string;
  kind?: string;
  state?: string;
  unitId?: string;
  officerId?: string;
  matterId?: string;
  page: number;
  pageSize: number;
};

/** ACC-1: canSeeFinding (policy.ts) as a condition on the findings table. */
function scopeCondition(scope: MatterScope): SQL | undefined {
  if (scope.kind === 'agency') return undefined;
  const seen: SQL[] = [];
  if (scope.unitId) seen.push(eq(findings.unitId, scope.unitId));
  if (scope.officerId) seen.push(sql`${findings.officerIds} @> ${JSON.stringify([scope.officerId])}::jsonb`);
  return seen.length ? or(...seen) : sql`false`;
}

export async function listFindings(db: Db, p: Principal, agencyId: string, f: FindingFilter) {
  const where: SQL[] = [eq(findings.agencyId, agencyId)];
  const inScope = scopeCondition(await matterScope(db, p, agencyId));
  if (inScope) where.push(inScope);
  if (f.status === 'open') where.push(isNull(findings.resolvedAt));
  if (f.status === 'resolved') where.push(isNotNull(findings.resolvedAt));
  if (f.requirement) where.push(eq(findings.requirement, f.requirement));
  if (f.kind) where.push(eq(findings.kind, f.kind));
  if (f.state) where.push(eq(findings.state, f.state));
  if (f.unitId) where.push(eq(findings.unitId, f.unitId));
  if (f.matterId) where.push(eq(findings.matterId, f.matterId));
  if (f.officerId) where.push(sql`${findings.officerIds} @> ${JSON.stringify([f.officerId])}::jsonb`);
  const condition = and(...where);
  const [rows, [total], byRequirement] = await Promise.all([
    db.select().from(findings).where(condition).orderBy(desc(findings.firstSeenAt), desc(findings.id)).limit(f.pageSize).offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(findings).where(condition),
    db.select({ requirement: findings.requirement, state: findings.state, n: count() }).from(findings).where(condition).groupBy(findings.requirement, findings.state),
  ]);
  return {
    items: rows.map((r) => ({
      ...r,
      // JSON columns written by the findings engine (src/rules/findings) only.
      rule: r.rule as FindingRule,
      detail: r.detail as Record<string, unknown>,
      dueAt: iso(r.dueAt),
      firstSeenAt: iso(r.firstSeenAt)!,
      lastSeenAt: iso(r.lastSeenAt)!,
      resolvedAt: iso(r.resolvedAt),
    })),
    total: total?.n ?? 0,
    counts: byRequirement,
    page: f.page,
    pageSize: f.pageSize,
  };
}
