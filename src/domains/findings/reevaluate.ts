import type { Db } from '../../db/client.js';
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

/** Re-evaluates every open matter of an agency, from every registered facts source. */
export async function reevaluateAgency(db: Db, agencyId: string, now: Date) {
  const matters: MatterFactsWithOwners[] = [];
  for (const source of factsSources()) {
    const ids = await source.openMatterIds(db, agencyId);
    if (ids.length) matters.push(...(await source.loadFacts(db, agencyId, ids)));
  }
  return evaluateAndStore(db, agencyId, matters, now);
}
