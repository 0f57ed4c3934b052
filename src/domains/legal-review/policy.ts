import { hasRole, type Principal } from '../auth/principal.js';
import { canWorkOnMatters } from '../matters/policy.js';

// Who may act in a legal review (REV-3 … REV-6, S3 法制审核办法). Pure: the principal and plain
// facts in, a yes/no or the reason of a refusal out. Matter visibility (ACC-1) is scope.ts's.

/** 法制审核人员 decide reviews and ask for materials. */
export const canDecideReview = (p: Principal, agencyId: string) => hasRole(p, agencyId, 'legal_reviewer');

/** 机关负责人 (批准人) approve the extension of a review's period (第十三条). */
export const canApproveExtension = (p: Principal, agencyId: string) => hasRole(p, agencyId, 'approver');

/**
 * REV-4 (第九条): a legal reviewer may not review a matter they handle. `handlesMatter` is
 * whether the user is one of the matter's officers.
 */
export function reviewerRefusal(p: Principal, agencyId: string, facts: { handlesMatter: boolean }): string | null {
  if (!canDecideReview(p, agencyId)) return '只有法制审核人员可以审核';
  if (facts.handlesMatter) return '审核人员不得审核本人承办的事项';
  return null;
}

/**
 * 第十条: the reviewer asks (a request), the people working on the matter answer. A supervisor
 * or archivist reads the review but answers nothing. The "does not handle the matter" fact is
 * asked of a request in `reviewerRefusal` once the matter is known.
 */
export function messageRefusal(p: Principal, agencyId: string, kind: 'request' | 'answer'): string | null {
  if (kind === 'request') return canDecideReview(p, agencyId) ? null : '只有法制审核人员可以要求补充材料或说明';
  return canWorkOnMatters(p, agencyId) ? null : '只有承办本事项的人员可以答复';
}
