// Chinese labels of matters, steps and documents. Pure tables of the rules engine (no zod, no
// I/O) are imported as they are, so the UI and the server name things the same way.
import type { Phase, SignerRole, StepStatus, TimelineKind } from './api/matter-types.js';
import { SIGNER_ROLES } from '../../src/rules/documents/signer-roles.js';
import { STEP_LABELS } from '../../src/rules/matters/activity-labels.js';
import { lifecycleOf } from '../../src/rules/matters/lifecycles/index.js';
import { PHASES, PHASE_ORDER, START_ROUTES } from '../../src/rules/matters/phases.js';
import { ENFORCEMENT_CATEGORIES, type EnforcementCategory } from '../../src/rules/profiles/vocabulary.js';

export { ENFORCEMENT_CATEGORIES, PHASES, PHASE_ORDER, START_ROUTES };

export const stepLabel = (s: string) => STEP_LABELS[s] ?? s;
export const phaseLabel = (p: string | null | undefined) => (p ? ((PHASES as Record<string, string>)[p] ?? p) : '—');
export const categoryName = (c: string) => (ENFORCEMENT_CATEGORIES as Record<string, string>)[c] ?? c;
export const startRouteLabel = (r: string) => (START_ROUTES as Record<string, string>)[r] ?? r;

/** The start routes a category allows (CASE-3), from its lifecycle. */
export const startRoutesOf = (category: EnforcementCategory) => lifecycleOf(category).startRoutes;

/** Steps of investigation or inspection, which need two officers (ORG-2). */
export function isInvestigative(category: EnforcementCategory, step: string): boolean {
  return Boolean(lifecycleOf(category).steps.find((s) => s.step === step)?.investigative);
}

export const phaseColors: Record<Phase, string> = {
  start: '#1f4e8c',
  investigation: '#2b8a3e',
  review_decision: '#b35c00',
  service_execution: '#7048e8',
  archiving: '#5c6b7a',
};

export const matterStatusLabels: Record<string, string> = { open: '办理中', closed: '已结案', archived: '已归档' };
export const matterStatusColors: Record<string, string> = { open: 'processing', closed: 'success', archived: 'default' };

/** 待审核/待批准/已批准/已退回, or 已记录 for a step that needs no approval. */
export function stepStatusLabel(s: { status: StepStatus; approvalStage: 'review' | 'approve' | null }): string {
  if (s.status === 'pending') return s.approvalStage === 'approve' ? '待批准' : '待审核';
  return { done: '已记录', approved: '已批准', returned: '已退回', pending: '待审核' }[s.status];
}
export const stepStatusColor = (s: { status: StepStatus; approvalStage: 'review' | 'approve' | null }) =>
  s.status === 'pending' ? (s.approvalStage === 'approve' ? 'gold' : 'orange') : s.status === 'approved' ? 'green' : s.status === 'returned' ? 'red' : 'blue';

export const timelineKindLabels: Record<TimelineKind, string> = {
  matter: '事项',
  step: '环节',
  approval: '审批',
  document: '文书',
  signature: '签名',
  finding: '问题',
  av: '音像',
  interruption: '音像中断',
  legal_review: '法制审核',
};

/** Who signs (DOC-3): the server's own table. */
export const signerRoleLabels: Record<SignerRole, string> = SIGNER_ROLES;

export const idTypeLabels: Record<string, string> = { resident_id: '居民身份证', passport: '护照', other_id: '其他证件', uscc: '统一社会信用代码' };
export const docStatusLabels: Record<string, string> = { draft: '草稿', issued: '已定稿' };
