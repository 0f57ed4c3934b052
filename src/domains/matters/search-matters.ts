import { and, count, desc, eq, gte, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { matterOfficers, matterParties, matters, units } from '../../db/schema/index.js';
import type { Phase, StartRoute } from '../../rules/matters/phases.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import type { matterSearchQuery } from './schemas.js';
import { matterScope, scopeCondition } from './scope.js';

export const COUNT_CAP = 10_000;
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
type MatterFilters = Omit<z.infer<typeof matterSearchQuery>, 'page' | 'pageSize'>;

/** The rows a search may return: the agency, the caller's scope (ACC-1) and the filters. */
async function searchCondition(db: Db, p: Principal, agencyId: string, q: MatterFilters) {
  const scope = await matterScope(db, p, agencyId);
  const where: Array<SQL | undefined> = [eq(matters.agencyId, agencyId), scopeCondition(db, scope)];
  // Semi-joins: the planner either probes parties/officers per matter while walking the date
  // index (common names, busy officers) or starts from the few matching rows (rare names).
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
  return and(...where);
}

/**
 * Matter search (issue 4): number, party, category, phase, unit, officer, dates; newest first,
 * 50 a page. The page does not count the whole result — at a million matters the count costs
 * more than the page — it says whether more follow (`hasMore`), and gives `total` only when the
 * page reaches the end. The pager's count is a separate request (countMatters).
 */
export async function searchMatters(db: Db, p: Principal, agencyId: string, q: z.infer<typeof matterSearchQuery>) {
  const condition = await searchCondition(db, p, agencyId, q);
  const offset = (q.page - 1) * q.pageSize;
  // A number carries its year, so the matches cluster in time; the planner, assuming them spread
  // evenly, would walk the date index from the newest and could pass most of the table before the
  // first match (1.1 s at 1,000,000 matters). Ordering by an expression that index does not give
  // makes it fetch the (trigram-indexed) matches first and sort those: cost follows the matches.
  const newestFirst = q.number ? sql`${matters.createdAt} + interval '0 second'` : matters.createdAt;
  const rows = await db
    .select({ m: matters, unitName: units.name })
    .from(matters)
    .leftJoin(units, eq(units.id, matters.unitId))
    .where(condition)
    .orderBy(desc(newestFirst), desc(matters.id))
    .limit(q.pageSize + 1)
    .offset(offset);
  const hasMore = rows.length > q.pageSize;
  const items = rows.slice(0, q.pageSize).map((r) => presentMatter(r.m, r.unitName));
  return { items, page: q.page, pageSize: q.pageSize, hasMore, total: hasMore || (items.length === 0 && offset > 0) ? null : offset + items.length };
}

/** How many matters a search finds, counted up to COUNT_CAP (a pager needs no more). */
export async function countMatters(db: Db, p: Principal, agencyId: string, q: MatterFilters) {
  const condition = await searchCondition(db, p, agencyId, q);
  const [row] = await db.select({ n: count() }).from(db.select({ one: matters.id }).from(matters).where(condition).limit(COUNT_CAP + 1).as('capped'));
  const n = row?.n ?? 0;
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

export const presentMatter = (m: typeof matters.$inferSelect, unitName: string | null = null) => ({
  id: m.id,
  number: m.number,
  // Text columns hold the domain's closed vocabularies; the response schema checks them.
  category: m.category as EnforcementCategory,
  startRoute: m.startRoute as StartRoute,
  title: m.title,
  source: m.source,
  summary: m.summary,
  unitId: m.unitId,
  unitName,
  originMatterId: m.originMatterId,
  phase: m.phase as Phase,
  status: m.status as 'open' | 'closed' | 'archived',
  emergencyStartedAt: iso(m.emergencyStartedAt),
  retroReportedAt: iso(m.retroReportedAt),
  endedAt: iso(m.endedAt),
  archivedAt: iso(m.archivedAt),
  createdAt: iso(m.createdAt)!,
  updatedAt: iso(m.updatedAt)!,
});
