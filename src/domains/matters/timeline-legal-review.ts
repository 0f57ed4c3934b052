import type { legalReviews } from '../../db/schema/index.js';
import { FAIL_REASONS } from '../../rules/legal-review/criteria.js';
import { iso } from '../../shared/http-schemas.js';
import type { TimelineEntry } from './timeline.js';

const outcome: Record<string, string> = { passed: '通过', failed: '不予通过', discussed: '经集体讨论决定' };

/** REV-3..6 in the timeline: each submission, extension, conclusion and discussion. */
export function legalReviewEntries(r: typeof legalReviews.$inferSelect): TimelineEntry[] {
  const base = { kind: 'legal_review' as const, phase: 'review_decision' as const, stepId: null, objectId: r.id };
  const detail = { submissionVersion: r.submissionVersion, status: r.status, materialsHash: r.materialsHash };
  const out: TimelineEntry[] = [{ ...base, at: iso(r.receivedAt)!, title: `送交法制审核（第 ${r.submissionVersion} 次）`, actor: r.submittedByName, detail }];
  if (r.extensionApprovedAt) out.push({ ...base, at: iso(r.extensionApprovedAt)!, title: '批准延长法制审核期限', actor: r.extensionApprovedByName, detail });
  if (r.completedAt) {
    const reasons = (r.failReasons ?? []).map((id) => FAIL_REASONS.find((f) => f.id === id)?.text ?? id);
    out.push({
      ...base,
      at: iso(r.completedAt)!,
      title: `法制审核${r.status === 'discussed' ? '未通过' : (outcome[r.status] ?? r.status)}（第 ${r.submissionVersion} 次）${reasons.length ? `：${reasons.join('；')}` : ''}`,
      actor: r.reviewerName,
      detail: { ...detail, failReasons: r.failReasons, explanation: r.explanation, opinionDocumentId: r.opinionDocumentId },
    });
  }
  if (r.discussionStepId) out.push({ ...base, at: iso(r.completedAt ?? r.receivedAt)!, title: `集体讨论决定：${r.discussionConclusion === 'proceed' ? '按拟定决定作出' : '修改后再次送审'}`, actor: null, detail: { ...detail, discussionStepId: r.discussionStepId } });
  return out;
}
