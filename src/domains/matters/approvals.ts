import { and, asc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, DbOrTx } from '../../db/client.js';
import { matterOfficers, matters, matterSteps, officers, stepApprovals } from '../../db/schema/index.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { ObjectStore } from '../../store/object-store.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { loadMatter } from './load-matter.js';
import { approvalRefusal, canDecideStage } from './policy.js';
import { updateMatterAfterStep } from './record-step.js';
import type { approvalDecisionInput } from './schemas.js';
import { matterScope, scopeCondition } from './scope.js';
import { storeSignatureImage } from './signature-image.js';

/**
 * CASE-4: 审核人 reviews, then 批准人 approves; either may return it to the handler with an
 * opinion. Every decision is a new row; nothing is overwritten, so a return stays in history.
 */
export async function decideStep(db: Db, store: ObjectStore, actor: Actor, p: Principal, agencyId: string, matterId: string, stepId: string, input: z.infer<typeof approvalDecisionInput>, now: Date) {
  // The image is content-addressed and harmless when unused, so it is stored before the transaction.
  const signature = input.signatureDataUrl ? await storeSignatureImage(store, input.signatureDataUrl) : null;
  return db.transaction(async (tx) => {
    // Decided against the locked matter: of a concurrent approve and return of one step, the
    // second sees the first's outcome and is refused (CONFLICT).
    const { matter, steps, lifecycle } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw notFound('环节');
    if (step.status !== 'pending' || (step.approvalStage !== 'review' && step.approvalStage !== 'approve')) throw new AppError('CONFLICT', '该环节不在待审批状态');
    const stage = step.approvalStage;
    const refusal = approvalRefusal(p, agencyId, stage, stage === 'approve' ? await reviewersOfCurrentSubmission(tx, stepId) : []);
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const next =
      input.decision === 'return'
        ? { status: 'returned', approvalStage: null }
        : stage === 'review'
          ? { status: 'pending', approvalStage: 'approve' }
          : { status: 'approved', approvalStage: null };
    const [updated] = await tx
      .update(matterSteps)
      .set(next)
      .where(and(eq(matterSteps.id, stepId), eq(matterSteps.status, 'pending'), eq(matterSteps.approvalStage, stage)))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '该环节不在待审批状态');
    const [approval] = await tx.insert(stepApprovals).values({ matterId, stepId, stage, decision: input.decision === 'return' ? 'returned' : 'approved', opinion: input.opinion, signatureKey: signature?.key ?? null, actorUserId: actor.userId, actorName: actor.name ?? '未知', at: now }).returning({ id: stepApprovals.id });
    await updateMatterAfterStep(tx, matter, lifecycle, steps.map((s) => (s.id === stepId ? updated : s)), updated, now);
    const action = input.decision === 'return' ? 'matter.step_returned' : stage === 'review' ? 'matter.step_reviewed' : 'matter.step_approved';
    await recordAudit(tx, actor, { action, agencyId, objectType: 'matter_step', objectId: stepId, before: { status: step.status, approvalStage: stage }, after: next, details: { opinion: input.opinion, matterId }, matterIds: [matterId], commitments: [{ kind: 'step_approval', id: approval!.id }] }, now);
    return updated;
  });
}

/** Who passed the review stage since the step was last submitted. */
async function reviewersOfCurrentSubmission(tx: DbOrTx, stepId: string) {
  const earlier = await tx.select().from(stepApprovals).where(eq(stepApprovals.stepId, stepId)).orderBy(asc(stepApprovals.at));
  const lastSubmit = earlier.filter((a) => a.decision === 'submitted').at(-1);
  return earlier.filter((a) => a.stage === 'review' && a.decision === 'approved' && lastSubmit && a.at >= lastSubmit.at).flatMap((a) => (a.actorUserId ? [a.actorUserId] : []));
}

/** The handler sends a returned step back for review, with what changed. */
export async function resubmitStep(db: Db, actor: Actor, p: Principal, agencyId: string, matterId: string, stepId: string, opinion: string, now: Date) {
  return db.transaction(async (tx) => {
    const { steps } = await loadMatter(tx, p, agencyId, matterId, { lock: true });
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw notFound('环节');
    if (step.status !== 'returned') throw new AppError('CONFLICT', '只有被退回的环节可以重新提交');
    const [updated] = await tx
      .update(matterSteps)
      .set({ status: 'pending', approvalStage: 'review' })
      .where(and(eq(matterSteps.id, stepId), eq(matterSteps.status, 'returned')))
      .returning();
    if (!updated) throw new AppError('CONFLICT', '只有被退回的环节可以重新提交');
    const [approval] = await tx.insert(stepApprovals).values({ matterId, stepId, stage: 'submit', decision: 'submitted', opinion, actorUserId: actor.userId, actorName: actor.name ?? '未知', at: now }).returning({ id: stepApprovals.id });
    await recordAudit(tx, actor, { action: 'matter.step_submitted', agencyId, objectType: 'matter_step', objectId: stepId, before: { status: 'returned' }, after: { status: 'pending' }, details: { opinion, matterId }, matterIds: [matterId], commitments: [{ kind: 'step_approval', id: approval!.id }] }, now);
    return updated;
  });
}

/** What waits for this user: steps at the stage their roles decide, in matters they may see. */
export async function approvalQueue(db: Db, p: Principal, agencyId: string) {
  const stages = (['review', 'approve'] as const).filter((s) => canDecideStage(p, agencyId, s));
  if (!stages.length) return [];
  const scope = await matterScope(db, p, agencyId);
  const rows = await db
    .select({ step: matterSteps, matter: { id: matters.id, number: matters.number, title: matters.title, category: matters.category } })
    .from(matterSteps)
    .innerJoin(matters, eq(matters.id, matterSteps.matterId))
    .where(and(eq(matters.agencyId, agencyId), eq(matterSteps.status, 'pending'), inArray(matterSteps.approvalStage, stages), scopeCondition(db, scope)))
    .orderBy(asc(matterSteps.recordedAt));
  return rows;
}

/** Steps of matters this user works on (as an officer) that were returned and await resubmission. */
export async function returnedToMe(db: Db, p: Principal, agencyId: string) {
  const mine = await db.select({ id: officers.id }).from(officers).where(and(eq(officers.agencyId, agencyId), eq(officers.userId, p.userId)));
  if (!mine.length) return [];
  return db
    .select({ step: matterSteps, matter: { id: matters.id, number: matters.number, title: matters.title, category: matters.category } })
    .from(matterSteps)
    .innerJoin(matters, eq(matters.id, matterSteps.matterId))
    .innerJoin(matterOfficers, and(eq(matterOfficers.matterId, matters.id), inArray(matterOfficers.officerId, mine.map((o) => o.id))))
    .where(and(eq(matters.agencyId, agencyId), eq(matterSteps.status, 'returned')))
    .orderBy(asc(matterSteps.recordedAt));
}
