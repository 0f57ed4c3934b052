import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findings } from '../../db/schema/index.js';
import type { JobDefinition } from '../../jobs/queue.js';
import { evaluateFindings } from '../../rules/findings/evaluate-findings.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { currentPolicy } from '../policy/agency-policy.js';
import { factsSources, type MatterFactsWithOwners } from './facts-sources.js';
import { reevaluateMatterJobRef } from './reevaluation-job-ref.js';
import { lockMatterFindings, syncMatterFindings, type SyncCounts } from './sync-findings.js';

type Totals = SyncCounts & { matters: number; skipped?: string };

/**
 * Evaluates the given matters of one agency under its current profile and stores the result.
 * Each chunk is one transaction that first locks the matters' findings and only then reads their
 * facts: a change committed after that read has its own re-evaluation job, which waits for the
 * lock and so stores after us, with the newer facts. Two evaluations of one matter never
 * interleave, so each real change is stored, and audited, once. A matter no source knows any
 * more has no facts: its findings resolve (they stay in the history).
 */
async function evaluateMatters(db: Db, agencyId: string, matterIds: string[], now: Date): Promise<Totals> {
  const total: Totals = { opened: 0, changed: 0, resolved: 0, matters: 0 };
  const policy = await currentPolicy(db, agencyId);
  if (!policy) return { ...total, skipped: '本机关尚未选择执法规范方案' };
  const calendar = await loadCalendar(db);
  // In slices, so an agency with a million matters never loads them all at once, and a
  // transaction holds few locks for a short time.
  for (let i = 0; i < matterIds.length; i += CHUNK) {
    const slice = matterIds.slice(i, i + CHUNK);
    await db.transaction(async (tx) => {
      await lockMatterFindings(tx, agencyId, slice);
      const matters: MatterFactsWithOwners[] = [];
      for (const source of factsSources()) matters.push(...(await source.loadFacts(tx, agencyId, slice)));
      const known = new Set(matters.map((m) => m.facts.matterId));
      for (const m of matters) {
        const c = await syncMatterFindings(tx, agencyId, m.facts.matterId, evaluateFindings(m.facts, policy.profile, calendar, now), m, now);
        add(total, c);
        total.matters++;
      }
      for (const matterId of slice.filter((id) => !known.has(id))) add(total, await syncMatterFindings(tx, agencyId, matterId, [], {}, now));
    });
  }
  return total;
}

const CHUNK = 50;
const add = (total: SyncCounts, c: SyncCounts) => {
  total.opened += c.opened;
  total.changed += c.changed;
  total.resolved += c.resolved;
};

/** Re-evaluates every open matter of an agency, from every registered facts source, and every matter that still has open findings. */
export async function reevaluateAgency(db: Db, agencyId: string, now: Date) {
  const withOpenFindings = await db.selectDistinct({ matterId: findings.matterId }).from(findings).where(and(eq(findings.agencyId, agencyId), isNull(findings.resolvedAt)));
  const ids = new Set(withOpenFindings.map((r) => r.matterId));
  for (const source of factsSources()) for (const id of await source.openMatterIds(db, agencyId)) ids.add(id);
  // Sorted, so two sweeps at once take the matters' locks in one order and never deadlock.
  return evaluateMatters(db, agencyId, [...ids].sort(), now);
}

/** Re-evaluates one matter after a change to it: only that matter is touched. */
export async function reevaluateMatter(db: Db, agencyId: string, matterId: string, now: Date) {
  return evaluateMatters(db, agencyId, [matterId], now);
}

/** The job every change to a matter enqueues in its own transaction (see recordAudit). */
export function reevaluateMatterJob(db: Db, now: () => Date): JobDefinition<typeof reevaluateMatterJobRef.payload> {
  return {
    ...reevaluateMatterJobRef,
    maxAttempts: 5,
    handle: async ({ agencyId, matterId }) => {
      await reevaluateMatter(db, agencyId, matterId, now());
      return 'done';
    },
  };
}
