import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { matters, matterSteps, stepApprovals } from '../../db/schema/index.js';
import { checkStep, currentPhase } from '../../rules/matters/check-step.js';
import type { Lifecycle, StepRecord } from '../../rules/matters/lifecycle.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { shanghaiDate } from '../org/certificate.js';
import { checkLegalReviewGate, DECISION_STEPS } from '../legal-review/gate.js';
import { historyOf, loadMatter, type MatterRow, type StepRow } from './load-matter.js';
import { checkOfficersMayAct } from './officer-rules.js';
import { decideStepFacts } from './step-facts-context.js';
import type { stepInput } from './schemas.js';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Records one step of a matter (CASE-2). The lifecycle decides whether it may happen now
 * (CASE-5); a step that needs approval is submitted to the reviewer at once (CASE-4).
 */
export async function recordStep(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, input: z.infer<typeof stepInput>, now: Date) {
  if (input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) throw new AppError('VALIDATION_FAILED', '发生时间不能晚于现在');
  // Decided against the locked matter: of two concurrent requests for a step that may happen
  // once, the second waits, then sees the first and is refused (OUT_OF_ORDER).
  return db.transaction(async (tx) => {
    const { matter, steps, lifecycle, officers, parties } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const check = checkStep(lifecycle, historyOf(steps), input.step);
    if (!check.ok) throw new AppError('OUT_OF_ORDER', `现在不能记录此环节：${check.missing.join('；')}`, { reason: check.code, missing: check.missing });
    if (DECISION_STEPS.has(input.step)) await checkLegalReviewGate(tx, matterId);
    if (input.occurredAt < matter.createdAt && input.step !== lifecycle.firstStep[matter.startRoute as keyof Lifecycle['firstStep']]) {
      throw new AppError('VALIDATION_FAILED', '发生时间不能早于事项登记时间');
    }
    const officerIds = input.officerIds.length ? input.officerIds : officers.map((o) => o.id);
    await checkOfficersMayAct(tx, agencyId, officerIds, shanghaiDate(input.occurredAt));
    const details = await decideStepFacts(tx, { matter, steps, parties }, input.step, input.occurredAt, input.details);
    const needsApproval = Boolean(check.definition.approval);
    const [step] = await tx
      .insert(matterSteps)
      .values({
        matterId,
        step: input.step,
        phase: check.definition.phase,
        status: needsApproval ? 'pending' : 'done',
        approvalStage: needsApproval ? 'review' : null,
        occurredAt: input.occurredAt,
        place: input.place ?? null,
        note: input.note ?? null,
        officerIds,
        avConditionApplies: input.avConditionApplies ?? null,
        avOmission: input.avOmission ?? null,
        details,
        recordedAt: now,
        recordedByUserId: actor.userId,
        recordedByName: actor.name,
      })
      .returning();
    const [submission] = needsApproval
      ? await tx.insert(stepApprovals).values({ matterId, stepId: step!.id, stage: 'submit', decision: 'submitted', opinion: input.note?.trim() || '提请审批', actorUserId: actor.userId, actorName: actor.name ?? '未知', at: now }).returning({ id: stepApprovals.id })
      : [];
    await updateMatterAfterStep(tx, matter, lifecycle, [...steps, step!], step!, now);
    await recordAudit(tx, actor, { action: 'matter.step_recorded', agencyId, objectType: 'matter_step', objectId: step!.id, after: { matterId, ...step }, details: { submittedForApproval: needsApproval }, matterIds: [matterId], commitments: [{ kind: 'matter_step', id: step!.id }, ...(submission ? [{ kind: 'step_approval' as const, id: submission.id }] : [])] }, now);
    return step!;
  });
}

/** Keeps the matter's derived fields (phase, emergency, end, archive) in step with its steps. */
export async function updateMatterAfterStep(tx: DbOrTx, matter: MatterRow, lifecycle: Lifecycle, steps: StepRow[], changed: StepRow, now: Date) {
  const history: StepRecord[] = historyOf(steps);
  const set: Partial<MatterRow> = { phase: currentPhase(lifecycle, history), updatedAt: now };
  const done = changed.status === 'done' || changed.status === 'approved';
  if (changed.step === 'emergency_start') set.emergencyStartedAt = changed.occurredAt;
  // Submitting the filing for approval after an emergency start is the retro-report (补报, S1 第七条).
  if (changed.step === 'filing' && changed.status === 'pending' && matter.emergencyStartedAt && !matter.retroReportedAt) set.retroReportedAt = now;
  const definition = lifecycle.steps.find((s) => s.step === changed.step);
  if (done && definition?.endsMatter) Object.assign(set, { endedAt: changed.occurredAt, status: 'closed' });
  if (done && changed.step === 'archive') Object.assign(set, { archivedAt: changed.occurredAt, status: 'archived' });
  await tx.update(matters).set(set).where(eq(matters.id, matter.id));
}
