import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { documents, legalReviewMessages, legalReviews } from '../../db/schema/index.js';
import { FAIL_REASONS, REVIEW_POINTS, type FailReasonId, type ReviewPointId } from '../../rules/legal-review/criteria.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { fieldsOf } from '../../rules/documents/field-builders.js';
import { AppError, forbidden, notFound } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { Principal } from '../auth/principal.js';
import { issueDraft } from '../documents/write-document.js';
import { loadMatter } from '../matters/load-matter.js';
import { shanghaiDate } from '../org/certificate.js';
import { canApproveExtension, canDecideReview, messageRefusal, reviewerRefusal } from './policy.js';
import { handledMatterIds } from './submit-review.js';

export type PointResult = { id: ReviewPointId; result: 'ok' | 'problem'; note?: string | null };

export async function loadReview(db: DbOrTx, agencyId: string, reviewId: string) {
  const [review] = await db.select().from(legalReviews).where(and(eq(legalReviews.id, reviewId), eq(legalReviews.agencyId, agencyId)));
  if (!review) throw notFound('法制审核');
  return review;
}

/**
 * Inside a transaction: the review's matter locked first (the order every change of a matter
 * takes, so a step or document of the same matter waits), then the review FOR UPDATE, read as
 * it is now. The matter must be visible to the caller (ACC-1).
 */
export async function lockReview(tx: Tx, p: Principal, agencyId: string, reviewId: string) {
  const { matterId } = await loadReview(tx, agencyId, reviewId);
  const matter = await loadMatter(tx, p, agencyId, matterId, { lock: true });
  const [review] = await tx.select().from(legalReviews).where(eq(legalReviews.id, reviewId)).for('update');
  return { review: review!, ...matter };
}

async function handlesMatter(tx: DbOrTx, userId: string, matterId: string) {
  return (await handledMatterIds(tx, userId, [matterId])).length > 0;
}

/** A review still waiting for its conclusion, changed only where it still is (the race lost otherwise). */
const stillSubmitted = (reviewId: string) => and(eq(legalReviews.id, reviewId), eq(legalReviews.status, 'submitted'));
const concluded = () => new AppError('CONFLICT', '该次送审已有结论');

export async function addMessage(db: Db, actor: Actor, p: Principal, agencyId: string, reviewId: string, kind: 'request' | 'answer', text: string, now: Date) {
  const refusal = messageRefusal(p, agencyId, kind);
  if (refusal) throw forbidden(refusal);
  return db.transaction(async (tx) => {
    const { review } = await lockReview(tx, p, agencyId, reviewId);
    if (review.status !== 'submitted') throw concluded();
    if (kind === 'request') {
      const why = reviewerRefusal(p, agencyId, { handlesMatter: await handlesMatter(tx, p.userId, review.matterId) });
      if (why) throw forbidden(why);
    }
    const [row] = await tx.insert(legalReviewMessages).values({ reviewId, kind, text, byUserId: actor.userId, byName: actor.name, at: now }).returning();
    await recordAudit(tx, actor, { action: kind === 'request' ? 'legal_review.requested' : 'legal_review.answered', agencyId, objectType: 'legal_review', objectId: reviewId, after: { text }, matterIds: [review.matterId], commitments: [{ kind: 'legal_review_message', id: row!.id }, { kind: 'legal_review', id: reviewId }] }, now);
    return row!;
  });
}

/** REV-5: the head (批准人) approves 5 more working days for a complex case. */
export async function approveExtension(db: Db, actor: Actor, p: Principal, agencyId: string, reviewId: string, now: Date) {
  if (!canApproveExtension(p, agencyId)) throw forbidden('延长审核期限须经机关负责人批准');
  return db.transaction(async (tx) => {
    const { review } = await lockReview(tx, p, agencyId, reviewId);
    if (review.status !== 'submitted') throw concluded();
    if (review.extensionApprovedAt) throw new AppError('CONFLICT', '已批准过延长');
    const [row] = await tx
      .update(legalReviews)
      .set({ extensionApprovedAt: now, extensionApprovedByName: actor.name })
      .where(and(stillSubmitted(reviewId), isNull(legalReviews.extensionApprovedAt)))
      .returning();
    if (!row) throw new AppError('CONFLICT', '已批准过延长');
    await recordAudit(tx, actor, { action: 'legal_review.extended', agencyId, objectType: 'legal_review', objectId: reviewId, matterIds: [review.matterId], commitments: [{ kind: 'legal_review', id: reviewId }] }, now);
    return row;
  });
}

/**
 * REV-4: each of the 8 points with a result; pass, or fail with reasons of 第十一条 and an
 * explanation. The written opinion (法制审核意见书) is generated, issued and filed in the matter,
 * in the same transaction as the conclusion: of two concurrent conclusions one is recorded.
 */
export async function decideReview(
  db: Db,
  actor: Actor,
  p: Principal,
  agencyId: string,
  reviewId: string,
  input: { points: PointResult[]; outcome: 'pass' | 'fail'; failReasons: FailReasonId[]; explanation: string },
  now: Date,
) {
  if (!canDecideReview(p, agencyId)) throw forbidden(reviewerRefusal(p, agencyId, { handlesMatter: false })!);
  await db.transaction(async (tx) => {
    const { review } = await lockReview(tx, p, agencyId, reviewId);
    const why = reviewerRefusal(p, agencyId, { handlesMatter: await handlesMatter(tx, p.userId, review.matterId) });
    if (why) throw forbidden(why);
    if (review.status !== 'submitted') throw concluded();
    const missing = REVIEW_POINTS.filter((pt) => !input.points.some((r) => r.id === pt.id));
    if (missing.length) throw new AppError('VALIDATION_FAILED', `请对每一审核事项给出结论，缺：${missing.map((m) => m.text).join('；')}`);
    if (input.outcome === 'fail' && input.failReasons.length === 0) throw new AppError('VALIDATION_FAILED', '不予通过须选择至少一项理由（第十一条）');
    if (input.outcome === 'pass' && input.points.some((r) => r.result === 'problem')) throw new AppError('VALIDATION_FAILED', '有审核事项存在问题时不能审核通过');
    const type = documentType('legal_review_opinion')!;
    const [doc] = await tx
      .insert(documents)
      .values({ matterId: review.matterId, typeId: type.id, lineageId: randomUUID(), version: 1, status: 'draft', fields: opinionDocumentFields(review, input, actor, now), createdAt: now, createdByUserId: actor.userId, createdByName: actor.name, updatedAt: now })
      .returning({ id: documents.id });
    const [decided] = await tx
      .update(legalReviews)
      .set({ status: input.outcome === 'pass' ? 'passed' : 'failed', completedAt: now, reviewerUserId: actor.userId, reviewerName: actor.name, points: input.points, failReasons: input.failReasons, explanation: input.explanation, opinionDocumentId: doc!.id })
      .where(stillSubmitted(reviewId))
      .returning({ id: legalReviews.id });
    if (!decided) throw concluded();
    await recordAudit(tx, actor, { action: 'legal_review.decided', agencyId, objectType: 'legal_review', objectId: reviewId, after: { outcome: input.outcome, failReasons: input.failReasons, opinionDocumentId: doc!.id }, matterIds: [review.matterId], commitments: [{ kind: 'legal_review', id: reviewId }] }, now);
    await issueDraft(tx, actor, p, agencyId, doc!.id, now);
  });
  return loadReview(db, agencyId, reviewId);
}

function opinionDocumentFields(review: typeof legalReviews.$inferSelect, input: { points: PointResult[]; outcome: 'pass' | 'fail'; failReasons: FailReasonId[]; explanation: string }, actor: Actor, now: Date) {
  const pointOptions = fieldsOf(documentType('legal_review_opinion')!).find((f) => f.key === 'review_points')?.columns?.[0]?.options ?? [];
  const materials = review.materials as { proposedDecision: string; lawApplied: string };
  const reasons = input.failReasons.map((id) => FAIL_REASONS.find((r) => r.id === id)!.text);
  return {
    submitted_on: shanghaiDate(review.receivedAt),
    proposed_decision: materials.proposedDecision,
    legal_reviewers: actor.name ?? '',
    review_points: REVIEW_POINTS.map((pt, i) => {
      const r = input.points.find((x) => x.id === pt.id)!;
      return { point: pointOptions[i]?.value ?? pt.text, conclusion: `${r.result === 'ok' ? '符合' : '存在问题'}${r.note ? `：${r.note}` : ''}` };
    }),
    review_opinion: input.outcome === 'pass' ? '同意' : input.failReasons.includes('criminal_referral') ? '建议移送司法机关' : input.failReasons.includes('insufficient_evidence') ? '建议补充调查' : '建议修改',
    suggestions: input.outcome === 'pass' ? input.explanation : `不予通过：${reasons.join('；')}。${input.explanation}`,
    reviewed_on: shanghaiDate(now),
    legal_basis: [{ law: '河南省重大行政执法决定法制审核办法', article: input.outcome === 'pass' ? '第九条、第十二条' : '第九条、第十一条、第十二条' }],
    maker: actor.name ?? '',
  };
}
