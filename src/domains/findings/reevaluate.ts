import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findings } from '../../db/schema/index.js';
import { evaluateFindings } from '../../rules/findings/evaluate-findings.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { currentPolicy } from '../policy/agency-policy.js';
import { factsSources, type MatterFactsWithOwners } from './facts-sources.js';
import { syncMatterFindings, type SyncCounts } from './sync-findings.js';

/**
 * Evaluates the given matters' facts under the agency's current profile and stores the result.
 * Each matter is its own transaction, so a change to one matter re-evaluates that matter only.
 * Without a chosen profile there are no rules to apply, and nothing is evaluated.
 */
export async function evaluateAndStore(db: Db, agencyId: string, matters: MatterFactsWithOwners[], now: Date) {
  const total: SyncCounts & { matters: number; skipped?: string } = { opened: 0, changed: 0, resolved: 0, matters: 0 };
  const policy = await currentPolicy(db, agencyId);
  if (!policy) return { ...total, skipped: '本机关尚未选择执法规范方案' };
  const calendar = await loadCalendar(db);
  for (const m of matters) {
    const found = evaluateFindings(m.facts, policy.profile, calendar, now);
    const c = await db.transaction((tx) => syncMatterFindings(tx, agencyId, m.facts.matterId, found, m, now));
    total.opened += c.opened;
    total.changed += c.changed;
    total.resolved += c.resolved;
    total.matters++;
  }
  return total;
}

/**
 * Re-evaluates every open matter of an agency, from every registered facts source, and every
 * matter that still has open findings. A matter no source knows any more has no facts: its
 * findings resolve (they stay in the history).
 */
export async function reevaluateAgency(db: Db, agencyId: string, now: Date) {
  const withOpenFindings = await db.selectDistinct({ matterId: findings.matterId }).from(findings).where(and(eq(findings.agencyId, agencyId), isNull(findings.resolvedAt)));
  const ids = new Set(withOpenFindings.map((r) => r.matterId));
  for (const source of factsSources()) for (const id of await source.openMatterIds(db, agencyId)) ids.add(id);
  const total: SyncCounts & { matters: number; skipped?: string } = { opened: 0, changed: 0, resolved: 0, matters: 0 };
  const all = [...ids];
  // In slices, so an agency with a million matters never loads them all at once.
  for (let i = 0; i < all.length; i += BATCH) {
    const slice = all.slice(i, i + BATCH);
    const matters: MatterFactsWithOwners[] = [];
    for (const source of factsSources()) matters.push(...(await source.loadFacts(db, agencyId, slice)));
    const known = new Set(matters.map((m) => m.facts.matterId));
    const part = await evaluateAndStore(db, agencyId, matters, now);
    if (part.skipped) return { ...total, skipped: part.skipped };
    for (const matterId of slice.filter((id) => !known.has(id))) {
      part.resolved += (await db.transaction((tx) => syncMatterFindings(tx, agencyId, matterId, [], {}, now))).resolved;
    }
    total.opened += part.opened;
    total.changed += part.changed;
    total.resolved += part.resolved;
    total.matters += part.matters;
  }
  return total;
}

const BATCH = 500;

/** Re-evaluates one matter after a change to it: only that matter is touched. */
export async function reevaluateMatter(db: Db, agencyId: string, matterId: string, now: Date) {
  const matters: MatterFactsWithOwners[] = [];
  for (const source of factsSources()) matters.push(...(await source.loadFacts(db, agencyId, [matterId])));
  return evaluateAndStore(db, agencyId, matters, now);
}
