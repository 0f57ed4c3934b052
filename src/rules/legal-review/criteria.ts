import type { EnforcementCategory } from '../profiles/vocabulary.js';

// REV-1: the list of major enforcement decisions (重大执法决定目录清单) as S3 sets it out:
// 方城县方案 三(一)3–5 for penalties, licences and coercion, and 河南省重大行政执法决定法制审核办法
// 第六条 for the general criteria. Each criterion is decided from the matter's data where the
// data can settle it, otherwise the handler answers it (REV-2).

export type ProposedMeasure =
  | 'suspend_business' // 责令停产停业
  | 'revoke_licence' // 吊销许可证或者执照
  | 'fine'
  | 'confiscation'
  | 'warning'
  | 'seal_premises' // 查封经营场所
  | 'seize_licence' // 扣押许可证或者执照
  | 'ban_or_close' // 取缔、关闭
  | 'auction_or_dispose' // 拍卖或者依法处理查封、扣押的财物
  | 'seize_goods'
  | 'grant_licence'
  | 'refuse_licence'
  | 'other';

export type MajorFacts = {
  category: EnforcementCategory;
  measures: ProposedMeasure[];
  partyKind: 'natural' | 'legal';
  fineAmount?: number | null;
  confiscationValue?: number | null;
  hearingHeld: boolean;
  /** 生产经营活动、工作难以正常进行: whether the coercive measure stops the business. */
  stopsBusiness?: boolean | null;
};

/** Amounts the agency sets in its list (the seeds give none: the hearing thresholds are provincial). */
export type ListParameters = { hearingFineNatural: number | null; hearingFineLegal: number | null; reviewAllGeneralPenalties: boolean };

export type Criterion = {
  id: string;
  group: 'penalty' | 'licence' | 'coercion' | 'general';
  text: string;
  source: string;
  /** Decides from data: true/false, or null when the data cannot settle it (then it is asked). */
  fromData?: (f: MajorFacts, p: ListParameters) => boolean | null;
};

const isPenalty = (f: MajorFacts) => f.category === 'penalty_general' || f.category === 'penalty_simple';
const isCoercion = (f: MajorFacts) => f.category === 'coercive_measure' || f.category === 'coercive_execution';
const has = (f: MajorFacts, m: ProposedMeasure) => f.measures.includes(m);

function reachesHearingAmount(f: MajorFacts, p: ListParameters): boolean | null {
  if (!isPenalty(f) || (!has(f, 'fine') && !has(f, 'confiscation'))) return false;
  const threshold = f.partyKind === 'natural' ? p.hearingFineNatural : p.hearingFineLegal;
  if (threshold === null) return null;
  return Math.max(f.fineAmount ?? 0, f.confiscationValue ?? 0) >= threshold;
}

export const DEFAULT_CRITERIA: Criterion[] = [
  { id: 'penalty_suspend_business', group: 'penalty', text: '责令停产停业的', source: 'S3 方案 三(一)3(1)', fromData: (f) => isPenalty(f) && has(f, 'suspend_business') },
  { id: 'penalty_revoke_licence', group: 'penalty', text: '吊销许可证或者执照的', source: 'S3 方案 三(一)3(2)', fromData: (f) => isPenalty(f) && has(f, 'revoke_licence') },
  { id: 'penalty_hearing_amount', group: 'penalty', text: '罚款达到可以依法要求听证的数额或者没收相当于该数额财物的', source: 'S3 方案 三(一)3(3)', fromData: reachesHearingAmount },
  { id: 'penalty_social_impact', group: 'penalty', text: '有重大社会影响的', source: 'S3 方案 三(一)3(4)', fromData: (f) => (isPenalty(f) ? null : false) },
  { id: 'penalty_major_rights', group: 'penalty', text: '涉及行政管理相对人重大权益，容易引起行政争议的', source: 'S3 方案 三(一)3(5)', fromData: (f) => (isPenalty(f) ? null : false) },
  { id: 'licence_hearing_required', group: 'licence', text: '法律、法规、规章规定实施行政许可应当听证的', source: 'S3 方案 三(一)4(1)', fromData: (f) => (f.category === 'licensing' ? null : false) },
  { id: 'licence_hearing_public_interest', group: 'licence', text: '行政执法机关认为需要听证且涉及公共利益的', source: 'S3 方案 三(一)4(2)', fromData: (f) => (f.category === 'licensing' ? null : false) },
  { id: 'licence_limited_resources', group: 'licence', text: '有限自然资源开发利用、公共资源配置以及直接关系公共利益的特定行业的市场准入等，需要赋予特定权利的', source: 'S3 方案 三(一)4(3)', fromData: (f) => (f.category === 'licensing' ? null : false) },
  { id: 'licence_major_interests', group: 'licence', text: '直接涉及申请人和他人之间重大利益关系的', source: 'S3 方案 三(一)4(4)', fromData: (f) => (f.category === 'licensing' ? null : false) },
  { id: 'coercion_seal_premises', group: 'coercion', text: '查封经营场所使法人或者其他组织的生产经营活动、工作难以正常进行的', source: 'S3 方案 三(一)5(1)', fromData: (f) => (isCoercion(f) && has(f, 'seal_premises') ? (f.stopsBusiness ?? null) : false) },
  { id: 'coercion_seize_licence', group: 'coercion', text: '扣押许可证或者执照使法人或者其他组织的生产经营活动、工作难以正常进行的', source: 'S3 方案 三(一)5(2)', fromData: (f) => (isCoercion(f) && has(f, 'seize_licence') ? (f.stopsBusiness ?? null) : false) },
  { id: 'coercion_ban_close', group: 'coercion', text: '取缔、关闭等造成法人或者其他组织的生产经营活动、工作难以正常进行的', source: 'S3 方案 三(一)5(3)', fromData: (f) => isCoercion(f) && has(f, 'ban_or_close') },
  { id: 'coercion_auction', group: 'coercion', text: '拍卖或者依法处理查封、扣押的场所、设施或者财物的', source: 'S3 方案 三(一)5(4)', fromData: (f) => isCoercion(f) && has(f, 'auction_or_dispose') },
  { id: 'general_public_interest', group: 'general', text: '涉及重大公共利益的', source: 'S3 法制审核办法 第六条(一)' },
  { id: 'general_social_risk', group: 'general', text: '可能造成重大社会影响或者引发社会风险的', source: 'S3 法制审核办法 第六条(二)' },
  { id: 'general_major_rights', group: 'general', text: '直接关系行政相对人或者第三人重大权益的', source: 'S3 法制审核办法 第六条(三)' },
  { id: 'general_after_hearing', group: 'general', text: '经过听证程序作出行政执法决定的', source: 'S3 法制审核办法 第六条(四)', fromData: (f) => f.hearingHeld },
  { id: 'general_complex', group: 'general', text: '案件情况疑难复杂、涉及多个法律关系的', source: 'S3 法制审核办法 第六条(五)' },
];

/** REV-4: the 8 review points of 第九条 and the 8 reasons of 第十一条 for not passing. */
export const REVIEW_POINTS = [
  { id: 'subject_and_qualification', text: '行政执法主体是否合法，行政执法人员是否具备执法资格' },
  { id: 'procedure', text: '行政执法程序是否合法' },
  { id: 'facts_and_evidence', text: '案件事实是否清楚，证据是否合法充分' },
  { id: 'law_and_discretion', text: '适用法律、法规、规章是否准确，裁量基准运用是否适当' },
  { id: 'authority', text: '是否超越法定权限' },
  { id: 'documents', text: '行政执法文书是否规范、完备' },
  { id: 'criminal_referral', text: '违法行为是否涉嫌犯罪、需要移送司法机关' },
  { id: 'other', text: '其他应当审核的内容' },
] as const;

export const FAIL_REASONS = [
  { id: 'unlawful_subject', text: '行政执法主体不合法，行政执法人员不具备执法资格' },
  { id: 'procedure_violated', text: '违反法定程序' },
  { id: 'insufficient_evidence', text: '主要事实不清，证据不足' },
  { id: 'wrong_law', text: '法律、法规、规章适用错误' },
  { id: 'improper_discretion', text: '裁量基准运用不当' },
  { id: 'beyond_authority', text: '超越法定权限' },
  { id: 'documents_deficient', text: '行政执法文书不规范、不完备' },
  { id: 'criminal_referral', text: '涉嫌犯罪需要移送司法机关' },
] as const;

export type ReviewPointId = (typeof REVIEW_POINTS)[number]['id'];
export type FailReasonId = (typeof FAIL_REASONS)[number]['id'];
