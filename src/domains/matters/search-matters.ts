import { and, count, desc, eq, gte, ilike, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { matterOfficers, matterParties, matters, units } from '../../db/schema/index.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import type { matterSearchQuery } from './schemas.js';
import { matterScope, scopeCondition } from './scope.js';

const COUNT_CAP = 10_000;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Matter search (issue 4): number, party, category, phase, unit, officer, dates; 50 a page. */
export async function searchMatters(db: Db, p: Principal, agencyId: string, q: z.infer<typeof matterSearchQuery>) {
  const scope = await matterScope(db, p, agencyId);
  const where: Array<SQL | undefined> = [eq(matters.agencyId, agencyId), scopeCondition(db, scope)];
  // Semi-joins (IN), not correlated EXISTS: the planner scans parties or officers once.
  const partyMatch = (name: string) => inArray(matters.id, db.select({ id: matterParties.matterId }).from(matterParties).where(or(ilike(matterParties.name, like(name)), eq(matterParties.idNumber, name))));
  if (q.number) where.push(ilike(matters.number, like(q.number)));
  if (q.party) where.push(partyMatch(q.party));
  if (q.q) where.push(or(ilike(matters.number, like(q.q)), ilike(matters.title, like(q.q)), partyMatch(q.q)));
  if (q.category) where.push(eq(matters.category, q.category));
  if (q.phase) where.push(eq(matters.phase, q.phase));
  if (q.status) where.push(eq(matters.status, q.status));
  if (q.unitId) where.push(eq(matters.unitId, q.unitId));
  if (q.officerId) where.push(inArray(matters.id, db.select({ id: matterOfficers.matterId }).from(matterOfficers).where(eq(matterOfficers.officerId, q.officerId))));
  if (q.from) where.push(gte(matters.createdAt, q.from));
  if (q.to) where.push(lt(matters.createdAt, q.to));
  const condition = and(...where);
  const [rows, [total]] = await Promise.all([
    db
      .select({ m: matters, unitName: units.name })
      .from(matters)
      .leftJoin(units, eq(units.id, matters.unitId))
      .where(condition)
      .orderBy(desc(matters.createdAt), desc(matters.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    // Counting a million rows for a pager costs more than the page: count up to a cap.
    db.select({ n: count() }).from(db.select({ one: matters.id }).from(matters).where(condition).limit(COUNT_CAP + 1).as('capped')),
  ]);
  const n = total?.n ?? 0;
  return { items: rows.map((r) => presentMatter(r.m, r.unitName)), total: Math.min(n, COUNT_CAP), totalCapped: n > COUNT_CAP, page: q.page, pageSize: q.pageSize };
}

export const presentMatter = (m: typeof matters.$inferSelect, unitName: string | null = null) => ({
  id: m.id,
  number: m.number,
  category: m.category,
  startRoute: m.startRoute,
  title: m.title,
  source: m.source,
  summary: m.summary,
  unitId: m.unitId,
  unitName,
  originMatterId: m.originMatterId,
  phase: m.phase,
  status: m.status,
  emergencyStartedAt: iso(m.emergencyStartedAt),
  retroReportedAt: iso(m.retroReportedAt),
  endedAt: iso(m.endedAt),
  archivedAt: iso(m.archivedAt),
  createdAt: iso(m.createdAt)!,
  updatedAt: iso(m.updatedAt)!,
});
