import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { stepApprovals, units } from '../../db/schema/index.js';
import { availableSteps } from '../../rules/matters/check-step.js';
import { stepLabel } from '../../rules/matters/activity-labels.js';
import { stepFactsOf, type MatterRecord } from '../../rules/matters/step-facts/index.js';
import type { Phase } from '../../rules/matters/phases.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import { currentPolicy } from '../policy/agency-policy.js';
import { historyOf, loadMatter, type StepRow } from './load-matter.js';
import { presentMatter } from './search-matters.js';
import { matterRecordContext } from './step-facts-context.js';
import type { approvalView, partyView, stepView } from './views.js';

export const presentStep = (s: StepRow) => ({
  ...s,
  phase: s.phase as Phase,
  status: s.status as z.infer<typeof stepView>['status'],
  approvalStage: s.approvalStage as z.infer<typeof stepView>['approvalStage'],
  label: stepLabel(s.step),
  occurredAt: iso(s.occurredAt)!,
  recordedAt: iso(s.recordedAt)!,
  avOmission: (s.avOmission as Record<string, unknown> | null) ?? null,
  details: (s.details as Record<string, unknown> | null) ?? null,
});

/** What the step's form asks beyond time, place and officers, and where the seeds or law ask it. */
const factsOf = (step: string, record: MatterRecord | null) => {
  const facts = stepFactsOf(step);
  const fields = (record && facts?.fieldsFor?.(record)) ?? facts?.fields ?? [];
  return { fields, factsSource: facts?.source ?? null };
};

/**
 * The condition under which the agency's checklist makes AV of a step mandatory (S2 第十二项 "实施
 * 行政处罚简易程序…容易引起行政争议时"), or null: the step form asks whether it applies
 * (avConditionApplies), which the AV checklist findings read. The first row for the category wins,
 * as in the checklist's own evaluation.
 */
async function avConditions(db: Db, agencyId: string, category: string) {
  const rows = (await currentPolicy(db, agencyId))?.profile.checklist.rows ?? [];
  return (step: string) => {
    const row = rows.find((r) => r.activity === step && (r.categories as string[]).includes(category));
    return row?.level === 'mandatory' ? row.condition : null;
  };
}

/** A matter as its page shows it: parties, officers, steps with their approvals, what may come next. */
export async function matterDetail(db: Db, p: Principal, agencyId: string, matterId: string) {
  const m = await loadMatter(db, p, agencyId, matterId);
  const [unit] = m.matter.unitId ? await db.select({ name: units.name }).from(units).where(eq(units.id, m.matter.unitId)) : [];
  const approvals = await db.select().from(stepApprovals).where(eq(stepApprovals.matterId, m.matter.id)).orderBy(asc(stepApprovals.at));
  const next = availableSteps(m.lifecycle, historyOf(m.steps));
  // The record is read only when a form's choices list what the matter records (its seizures).
  const record = next.some((s) => stepFactsOf(s.step)?.fieldsFor) ? await matterRecordContext(db, m) : null;
  const avCondition = await avConditions(db, agencyId, m.matter.category);
  return {
    matter: presentMatter(m.matter, unit?.name ?? null),
    parties: m.parties.map((party) => ({ ...party, kind: party.kind as z.infer<typeof partyView>['kind'], idType: party.idType as z.infer<typeof partyView>['idType'], gender: party.gender as z.infer<typeof partyView>['gender'] })),
    officers: m.officers,
    steps: m.steps.map((s) => ({ ...presentStep(s), approvals: approvals.filter((a) => a.stepId === s.id).map((a) => ({ id: a.id, stage: a.stage as z.infer<typeof approvalView>['stage'], decision: a.decision as z.infer<typeof approvalView>['decision'], opinion: a.opinion, actorName: a.actorName, at: iso(a.at)!, signed: Boolean(a.signatureKey) })) })),
    nextSteps: next.map((s) => ({ step: s.step, label: stepLabel(s.step), phase: s.phase, approval: Boolean(s.approval), investigative: Boolean(s.investigative), ...factsOf(s.step, record), avCondition: avCondition(s.step) })),
  };
}
