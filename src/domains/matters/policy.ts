import { hasRole, type Principal } from '../auth/principal.js';

// Who may act on matters (ORG-3, CASE-4). Visibility of a single matter is decided by scope.ts.
export const canWorkOnMatters = (p: Principal, agencyId: string) => hasRole(p, agencyId, 'handler', 'reviewer', 'approver', 'admin');

export const canReadMatters = (p: Principal, agencyId: string) => p.isPlatformAdmin || p.memberships.some((m) => m.agencyId === agencyId);

/** The approval stage a user may decide: 审核 by reviewers, 批准 by approvers. */
export const canDecideStage = (p: Principal, agencyId: string, stage: 'review' | 'approve') =>
  hasRole(p, agencyId, stage === 'review' ? 'reviewer' : 'approver');
