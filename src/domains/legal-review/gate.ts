import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { latestAssessment } from './assessment.js';
import { latestReview, reviewsOf } from './submit-review.js';

// CASE-5, REV-2: a decision of a category that has major decisions cannot be made until it is
// known whether it is major, and a major one not before a passed review of the current
// submission version (or a collective discussion that decided to proceed, REV-6).
export const DECISION_STEPS = new Set(['decision', 'licence_decision', 'handling_decision', 'enforcement_decision']);
export const DECISION_DOCUMENT_TYPES = new Set(['penalty_decision', 'licence_grant_decision', 'licence_refusal_decision', 'enforcement_decision']);

export async function checkLegalReviewGate(db: DbOrTx, matterId: string) {
  const assessment = await latestAssessment(db, matterId);
  if (!assessment) throw refuse('MAJOR_ASSESSMENT_REQUIRED', '作出决定前须先判断是否属于重大执法决定（法制审核办法 第三条）');
  if (!assessment.result.complete && !assessment.result.major) throw refuse('MAJOR_ASSESSMENT_INCOMPLETE', `是否属于重大执法决定尚未判断完毕：${assessment.result.questions.map((q) => q.text).join('；')}`);
  if (!assessment.result.major) return;
  const review = await latestReview(db, matterId);
  if (!review) throw refuse('LEGAL_REVIEW_REQUIRED', '属于重大执法决定，须经法制审核通过后方可作出（尚未送审）');
  if (review.status === 'submitted') {
    const passedEarlier = (await reviewsOf(db, matterId)).filter((r) => r.status === 'passed').at(-1);
    if (passedEarlier) throw refuse('LEGAL_REVIEW_OUTDATED', `审核通过的是第 ${passedEarlier.submissionVersion} 次送审，当前第 ${review.submissionVersion} 次送审尚未审核通过`);
    throw refuse('LEGAL_REVIEW_PENDING', `第 ${review.submissionVersion} 次送审尚在法制审核中`);
  }
  if (review.status === 'failed') throw refuse('LEGAL_REVIEW_FAILED', `第 ${review.submissionVersion} 次送审未通过法制审核，须修改后再次送审或提请集体讨论`);
  if (review.status === 'referred') throw refuse('LEGAL_REVIEW_DISPUTED', '法制审核分歧已提请集体讨论，尚无结论');
  if (review.status === 'discussed' && review.discussionConclusion !== 'proceed') throw refuse('LEGAL_REVIEW_FAILED', '集体讨论决定修改后再次送审');
  if (assessment.createdAt > review.receivedAt.toISOString() && review.status === 'passed') {
    throw refuse('LEGAL_REVIEW_OUTDATED', '送审后重新判断了是否重大，审核通过的是旧的送审版本，须再次送审');
  }
}

const refuse = (reason: string, message: string) => new AppError('OUT_OF_ORDER', message, { reason });
