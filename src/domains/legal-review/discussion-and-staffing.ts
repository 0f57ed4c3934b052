import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { legalReviews, matters, officers, roleAssignments, users } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { matterScope, scopeCondition } from '../matters/scope.js';
import { lockReview } from './review-decisions.js';

/**
 * REV-6 (第十四条): when the handler and the reviewer still disagree after a failed review, the
 * heads' collective discussion decides; its minutes are a recorded step of the matter.
 */
export async function recordDiscussion(db: Db, actor: Actor, p: Principal, agencyId: string, reviewId: string, input: { stepId: string; conclusion: 'proceed' | 'revise'; summary: string }, now: Date) {
  return db.transaction(async (tx) => {
    const { review, steps } = await lockReview(tx, p, agencyId, reviewId);
    if (review.status !== 'failed') throw new AppError('CONFLICT', '只有未通过的法制审核可以提请集体讨论');
    const step = steps.find((s) => s.id === input.stepId);
    if (!step || step.step !== 'collective_discussion') throw new AppError('VALIDATION_FAILED', '请选择本事项已记录的“集体讨论”环节');
    const [row] = await tx
      .update(legalReviews)
      .set({ status: 'discussed', discussionStepId: step.id, discussionConclusion: input.conclusion })
      .where(and(eq(legalReviews.id, reviewId), eq(legalReviews.status, 'failed')))
      .returning();
    if (!row) throw new AppError('CONFLICT', '只有未通过的法制审核可以提请集体讨论');
    await recordAudit(tx, actor, { action: 'legal_review.discussed', agencyId, objectType: 'legal_review', objectId: reviewId, after: input, matterIds: [review.matterId], commitments: [{ kind: 'legal_review', id: reviewId }] }, now);
    return row;
  });
}

/** The reviewer's queue: submissions awaiting a conclusion, oldest first. */
export async function reviewQueue(db: Db, p: Principal, agencyId: string, status: string) {
  const scope = await matterScope(db, p, agencyId);
  return db
    .select({ review: legalReviews, matter: { id: matters.id, number: matters.number, title: matters.title, category: matters.category } })
    .from(legalReviews)
    .innerJoin(matters, eq(matters.id, legalReviews.matterId))
    .where(and(eq(legalReviews.agencyId, agencyId), eq(legalReviews.status, status), scopeCondition(db, scope)))
    .orderBy(legalReviews.receivedAt);
}

/** REV-8 (第五条): legal reviewers ≥ 5 % of the agency's officers and at least one. */
export async function reviewerStaffing(db: Db, agencyId: string) {
  const [[officerCount], reviewers] = await Promise.all([
    db.select({ n: count() }).from(officers).where(and(eq(officers.agencyId, agencyId), eq(officers.active, true))),
    db
      .select({ id: users.id, name: users.displayName })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(and(eq(roleAssignments.agencyId, agencyId), eq(roleAssignments.role, 'legal_reviewer'), eq(users.disabled, false))),
  ]);
  const activeOfficers = officerCount?.n ?? 0;
  const required = Math.max(1, Math.ceil(activeOfficers * 0.05));
  return { activeOfficers, legalReviewers: reviewers.length, required, met: reviewers.length >= required, reviewers, rule: '河南省重大行政执法决定法制审核办法 第五条：法制审核人员的配置不少于本单位执法人员总数的5%，且不少于1人' };
}

