import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { documents, legalReviewMessages, legalReviews, matterOfficers, officers } from '../../db/schema/index.js';
import { FAIL_REASONS, REVIEW_POINTS, type FailReasonId, type ReviewPointId } from '../../rules/legal-review/criteria.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { fieldsOf } from '../../rules/documents/field-builders.js';
import { AppError, forbidden, notFound } from '../../shared/errors.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { issueDocument } from '../documents/write-document.js';
import { shanghaiDate } from '../org/certificate.js';

export type PointResult = { id: ReviewPointId; result: 'ok' | 'problem'; note?: string | null };

export async function loadReview(db: Db, agencyId: string, reviewId: string) {
  const [review] = await db.select().from(legalReviews).where(and(eq(legalReviews.id, reviewId), eq(legalReviews.agencyId, agencyId)));
  if (!review) throw notFound('法制审核');
  return review;
}

/** The reviewer holds the legal-reviewer role and does not handle the matter (REV-4). */
async function assertReviewer(db: Db, p: Principal, agencyId: string, matterId: string) {
  if (!hasRole(p, agencyId, 'legal_reviewer')) throw forbidden('只有法制审核人员可以审核');
  const handling = await db
    .select({ id: officers.id })
    .from(matterOfficers)
    .innerJoin(officers, eq(officers.id, matterOfficers.officerId))
    .where(and(eq(matterOfficers.matterId, matterId), eq(officers.userId, p.userId)));
  if (handling.length) throw forbidden('审核人员不得审核本人承办的事项');
}

export async function addMessage(db: Db, actor: Actor, p: Principal, agencyId: string, reviewId: string, kind: 'request' | 'answer', text: string, now: Date) {
  const review = await loadReview(db, agencyId, reviewId);
  if (review.status !== 'submitted') throw new AppError('CONFLICT', '该次送审已有结论');
  if (kind === 'request') await assertReviewer(db, p, agencyId, review.matterId);
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(legalReviewMessages).values({ reviewId, kind, text, byUserId: actor.userId, byName: actor.name, at: now }).returning();
    await recordAudit(tx, actor, { action: kind === 'request' ? 'legal_review.requested' : 'legal_review.answered', agencyId, objectType: 'legal_review', objectId: reviewId, after: { text }, matterIds: [review.matterId] }, now);
    return row!;
  });
}

/** REV-5: the head (批准人) approves 5 more working days for a complex case. */
export async function approveExtension(db: Db, actor: Actor, p: Principal, agencyId: string, reviewId: string, now: Date) {
  if (!hasRole(p, agencyId, 'approver')) throw forbidden('延长审核期限须经机关负责人批准');
  const review = await loadReview(db, agencyId, reviewId);
  if (review.status !== 'submitted') throw new AppError('CONFLICT', '该次送审已有结论');
  if (review.extensionApprovedAt) throw new AppError('CONFLICT', '已批准过延长');
  return db.transaction(async (tx) => {
    const [row] = await tx.update(legalReviews).set({ extensionApprovedAt: now, extensionApprovedByName: actor.name }).where(eq(legalReviews.id, reviewId)).returning();
    await recordAudit(tx, actor, { action: 'legal_review.extended', agencyId, objectType: 'legal_review', objectId: reviewId, matterIds: [review.matterId] }, now);
    return row!;
  });
}

/**
 * REV-4: each of the 8 points with a result; pass, or fail with reasons of 第十一条 and an
 * explanation. The written opinion (法制审核意见书) is generated, issued and filed in the matter.
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
  const review = await loadReview(db, agencyId, reviewId);
  await assertReviewer(db, p, agencyId, review.matterId);
  if (review.status !== 'submitted') throw new AppError('CONFLICT', '该次送审已有结论');
  const missing = REVIEW_POINTS.filter((pt) => !input.points.some((r) => r.id === pt.id));
  if (missing.length) throw new AppError('VALIDATION_FAILED', `请对每一审核事项给出结论，缺：${missing.map((m) => m.text).join('；')}`);
  if (input.outcome === 'fail' && input.failReasons.length === 0) throw new AppError('VALIDATION_FAILED', '不予通过须选择至少一项理由（第十一条）');
  if (input.outcome === 'pass' && input.points.some((r) => r.result === 'problem')) throw new AppError('VALIDATION_FAILED', '有审核事项存在问题时不能审核通过');
  const opinionFields = opinionDocumentFields(review, input, actor, now);
  const type = documentType('legal_review_opinion')!;
  const docId = await db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(documents)
      .values({ matterId: review.matterId, typeId: type.id, lineageId: randomUUID(), version: 1, status: 'draft', fields: opinionFields, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name, updatedAt: now })
      .returning({ id: documents.id });
    await tx
      .update(legalReviews)
      .set({ status: input.outcome === 'pass' ? 'passed' : 'failed', completedAt: now, reviewerUserId: actor.userId, reviewerName: actor.name, points: input.points, failReasons: input.failReasons, explanation: input.explanation, opinionDocumentId: doc!.id })
      .where(eq(legalReviews.id, reviewId));
    await recordAudit(tx, actor, { action: 'legal_review.decided', agencyId, objectType: 'legal_review', objectId: reviewId, after: { outcome: input.outcome, failReasons: input.failReasons, opinionDocumentId: doc!.id }, matterIds: [review.matterId] }, now);
    return doc!.id;
  });
  await issueDocument(db, actor, p, agencyId, docId, now);
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
