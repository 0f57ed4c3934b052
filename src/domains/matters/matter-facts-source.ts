import { and, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { avRecords, documents, legalReviews, matterOfficers, matters, matterSteps } from '../../db/schema/index.js';
import type { ActivityFacts, MatterFacts } from '../../rules/findings/matter-facts.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { loadRecordContexts } from './step-facts-context.js';
import { registerFactsSource, type MatterFactsWithOwners } from '../findings/facts-sources.js';
import { penaltyAfterStatementsFacts } from '../rights/penalty-facts.js';

// The matters domain tells the findings engine what happened in each matter (SUP-2): steps
// with their officers and documents, the emergency start and its retro-report, the decision,
// the end and the archiving. Matters archived more than a year ago are no longer evaluated.
const STILL_EVALUATED_MS = 365 * 86_400_000;
const DECISION_STEPS = new Set(['decision', 'licence_decision', 'handling_decision', 'enforcement_decision', 'simple_procedure_penalty']);

async function openMatterIds(db: DbOrTx, agencyId: string) {
  const since = new Date(Date.now() - STILL_EVALUATED_MS);
  const rows = await db.select({ id: matters.id }).from(matters).where(and(eq(matters.agencyId, agencyId), or(isNull(matters.archivedAt), gte(matters.archivedAt, since))));
  return rows.map((r) => r.id);
}

const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

async function loadFacts(db: DbOrTx, agencyId: string, requested: string[]): Promise<MatterFactsWithOwners[]> {
  // Other sources' matters may have ids of another form; this source knows only its own.
  const ids = requested.filter(isUuid);
  if (!ids.length) return [];
  const matterRows = await db.select().from(matters).where(and(eq(matters.agencyId, agencyId), inArray(matters.id, ids)));
  const found = matterRows.map((m) => m.id);
  if (!found.length) return [];
  // One after another: facts are read inside the findings transaction (one connection), where
  // queries in parallel only queue up, and node-postgres deprecates issuing them so.
  const stepRows = await db.select().from(matterSteps).where(inArray(matterSteps.matterId, found));
  const docRows = await db.select({ id: documents.id, stepId: documents.stepId, typeId: documents.typeId, matterId: documents.matterId }).from(documents).where(inArray(documents.matterId, found));
  const officerRows = await db.select().from(matterOfficers).where(inArray(matterOfficers.matterId, found));
  const avRows = await db.select().from(avRecords).where(inArray(avRecords.matterId, found));
  const reviewRows = await db.select().from(legalReviews).where(inArray(legalReviews.matterId, found));
  const records = await loadRecordContexts(db, agencyId, matterRows);
  const penalties = await penaltyAfterStatementsFacts(db, found);
  return matterRows.map((m) => {
    const steps = stepRows.filter((s) => s.matterId === m.id && s.status !== 'returned');
    const activities: ActivityFacts[] = steps.map((s) => ({
      activityId: s.id,
      activity: s.step,
      occurredAt: s.occurredAt,
      officerIds: s.officerIds,
      documents: docRows.filter((d) => d.stepId === s.id).map((d) => ({ documentId: d.id, type: d.typeId })),
      avConditionApplies: s.avConditionApplies ?? undefined,
      avOmission: (s.avOmission as ActivityFacts['avOmission']) ?? null,
    }));
    const decision = steps.find((s) => DECISION_STEPS.has(s.step) && (s.status === 'approved' || s.status === 'done'));
    const facts: MatterFacts = {
      matterId: m.id,
      category: m.category as EnforcementCategory,
      startRoute: m.startRoute === 'application' ? 'application' : m.startRoute === 'complaint' ? 'complaint' : 'ex_officio',
      emergencyStart: m.emergencyStartedAt ? { startedAt: m.emergencyStartedAt, retroReportedAt: m.retroReportedAt } : null,
      activities,
      // AV-4 and AV-5 run from the end of recording: a record without one has no storage limit yet.
      avRecords: avRows
        .filter((r) => r.matterId === m.id && r.endedAt)
        .map((r) => ({
          recordId: r.id,
          label: r.title ?? r.originalFileName,
          activityId: r.stepId,
          recordedEnd: r.endedAt!,
          ingestedAt: r.ingestedAt,
          organisedAt: r.organisedAt,
          remoteWork: r.remoteWork,
          returnedAt: r.returnedAt,
          exceptionApproved: r.exceptionApproved,
          lateReason: r.lateReason,
        })),
      endedAt: m.endedAt,
      archivedAt: m.archivedAt,
      // Disclosure (PUB-2) is not recorded yet: it is unknown, not "not disclosed", so its rule stays silent.
      decision: decision ? { issuedAt: decision.occurredAt, disclosureRecorded: false } : null,
      // REV-5 runs from the receipt of the newest submission.
      legalReview: (() => {
        const r = reviewRows.filter((x) => x.matterId === m.id).sort((a, b) => b.submissionVersion - a.submissionVersion)[0];
        return r ? { receivedAt: r.receivedAt, extensionApprovedAt: r.extensionApprovedAt, completedAt: r.completedAt } : null;
      })(),
      penaltyAfterStatements: penalties.get(m.id) ?? null,
    };
    const { calendar: _c, rollOverAgencyDays: _r, ...record } = records.get(m.id)!;
    facts.record = record;
    return { facts, unitId: m.unitId, officerIds: officerRows.filter((o) => o.matterId === m.id).map((o) => o.officerId) };
  });
}

registerFactsSource({ name: 'matters', openMatterIds, loadFacts });
export const mattersFactsSource = { openMatterIds, loadFacts };
