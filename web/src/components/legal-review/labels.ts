import { FAIL_REASONS, REVIEW_POINTS } from '../../../../src/rules/legal-review/criteria.js';
import type { CriterionGroup, ProposedMeasure, ReviewStatus } from '../../api/legal-review.js';

// Chinese names for the legal-review screens (S3 方案 三(一), 法制审核办法 第九条、第十一条).
export { FAIL_REASONS, REVIEW_POINTS };

export const measureLabels: Record<ProposedMeasure, string> = {
  suspend_business: '责令停产停业',
  revoke_licence: '吊销许可证或者执照',
  fine: '罚款',
  confiscation: '没收违法所得、非法财物',
  warning: '警告、通报批评',
  seal_premises: '查封经营场所',
  seize_licence: '扣押许可证或者执照',
  ban_or_close: '取缔、关闭',
  auction_or_dispose: '拍卖或者依法处理查封、扣押的财物',
  seize_goods: '查封、扣押财物',
  grant_licence: '准予许可',
  refuse_licence: '不予许可',
  other: '其他',
};

/** The measures that fit a matter of this category, in the order they are offered. */
export function measuresFor(category: string): ProposedMeasure[] {
  if (category.startsWith('penalty')) return ['warning', 'fine', 'confiscation', 'suspend_business', 'revoke_licence', 'other'];
  if (category === 'licensing') return ['grant_licence', 'refuse_licence', 'other'];
  if (category.startsWith('coercive')) return ['seal_premises', 'seize_licence', 'seize_goods', 'ban_or_close', 'auction_or_dispose', 'other'];
  return ['other'];
}

/** Categories whose decisions can be major (REV-1): penalties, licences, coercion. */
export const REVIEWABLE = new Set(['penalty_general', 'penalty_simple', 'licensing', 'coercive_measure', 'coercive_execution']);

export const groupLabels: Record<CriterionGroup, string> = { penalty: '行政处罚', licence: '行政许可', coercion: '行政强制', general: '通用标准（法制审核办法 第六条）' };

export const reviewStatusLabels: Record<ReviewStatus, string> = { submitted: '审核中', passed: '审核通过', failed: '未通过', discussed: '集体讨论', referred: '提请集体讨论' };
export const reviewStatusColors: Record<ReviewStatus, string> = { submitted: 'processing', passed: 'success', failed: 'error', discussed: 'purple', referred: 'purple' };

export const decidedByLabels: Record<string, string> = { data: '依事项数据', answer: '承办人确认', option: '本机关选项' };

export const pointText = (id: string) => REVIEW_POINTS.find((p) => p.id === id)?.text ?? id;
export const reasonText = (id: string) => FAIL_REASONS.find((r) => r.id === id)?.text ?? id;

/** The server's CASE-5 refusal reasons that the legal-review panel resolves. */
export const GATE_REASONS = new Set(['MAJOR_ASSESSMENT_REQUIRED', 'MAJOR_ASSESSMENT_INCOMPLETE', 'LEGAL_REVIEW_REQUIRED', 'LEGAL_REVIEW_PENDING', 'LEGAL_REVIEW_FAILED', 'LEGAL_REVIEW_DISPUTED', 'LEGAL_REVIEW_OUTDATED']);

export const yuan = (n: number | null | undefined) => (n === null || n === undefined ? '未设定' : `${n.toLocaleString('zh-CN')} 元`);
