import { hasRole, type Principal } from '../auth/principal.js';

// Who may act on matters (ORG-3, CASE-4). Visibility of a single matter is decided by scope.ts.
// Every function here is pure: the principal and plain facts in, a yes/no or a reason out.
export const canWorkOnMatters = (p: Principal, agencyId: string) => hasRole(p, agencyId, 'handler', 'reviewer', 'approver', 'admin');

export const canReadMatters = (p: Principal, agencyId: string) => p.isPlatformAdmin || p.memberships.some((m) => m.agencyId === agencyId);

/** The approval stage a user may decide: 审核 by reviewers, 批准 by approvers. */
export const canDecideStage = (p: Principal, agencyId: string, stage: 'review' | 'approve') =>
  hasRole(p, agencyId, stage === 'review' ? 'reviewer' : 'approver');

export type Refusal = { code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/**
 * CASE-4: why this user may not decide a step at its current stage, or null when they may.
 * `reviewedBy` are the users who passed the review stage of the step's current submission: the
 * person who reviewed a submission may not also approve it. A reviewer or approver who finds
 * the step at the other stage lost a race or is early: that is a conflict, not a lack of rights.
 */
export function approvalRefusal(p: Principal, agencyId: string, stage: 'review' | 'approve', reviewedBy: readonly string[]): Refusal | null {
  if (!canDecideStage(p, agencyId, stage)) {
    const other = stage === 'review' ? 'approve' : 'review';
    if (canDecideStage(p, agencyId, other)) return { code: 'CONFLICT', message: stage === 'approve' ? '该环节已审核，待批准人批准' : '该环节尚待审核人审核' };
    return { code: 'FORBIDDEN', message: stage === 'review' ? '只有审核人可以审核' : '只有批准人可以批准' };
  }
  if (stage === 'approve' && reviewedBy.includes(p.userId)) return { code: 'FORBIDDEN', message: '同一人不能既审核又批准同一事项' };
  return null;
}
