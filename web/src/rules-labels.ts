import type { DayKind, DeadlineRule, FindingState, ParameterPath, PolicyProfile, YearStatus } from './api/types.js';
// Pure constants shared with the rules engine (no imports of its own): one source for the labels.
import { ACTIVITIES, CHECKLIST_LEVELS, ENFORCEMENT_CATEGORIES, RECORDING_MEANS } from '../../src/rules/profiles/vocabulary.js';

export { ACTIVITIES, CHECKLIST_LEVELS, ENFORCEMENT_CATEGORIES, RECORDING_MEANS };
export type ChecklistLevel = keyof typeof CHECKLIST_LEVELS;

export const levelColors: Record<ChecklistLevel, string> = { mandatory: 'red', situational: 'orange', optional: 'blue', forbidden: 'default' };

export const categoryLabel = (c: string) => (ENFORCEMENT_CATEGORIES as Record<string, string>)[c] ?? c;
export const activityLabel = (a: string) => (ACTIVITIES as Record<string, string>)[a] ?? a;
export const meansLabel = (m: string) => (RECORDING_MEANS as Record<string, string>)[m] ?? m;

/** Where a rule comes from: a seed regulation, a national law, or the agency's own adjustment. */
export const seedLabels: Record<string, string> = {
  S0: '左家坞镇办法',
  S1: '抚顺县实施办法',
  S2: '广阳区应急管理局制度',
  S3: '方城县（河南省办法）',
  S4: '青羊镇制度',
  national: '国家法律',
  agency: '本机关调整',
};

type ParameterKind = 'avStorage' | 'deadline' | 'years' | 'triggers' | 'text' | 'time' | 'equipment' | 'officers' | 'rollover';

export const parameterInfo: Record<ParameterPath, { label: string; requirement: string; kind: ParameterKind }> = {
  'avStorage.standard': { label: '音像记录储存时限', requirement: 'AV-4', kind: 'avStorage' },
  'avStorage.remoteWork': { label: '储存时限（连续、异地执法或边远地区）', requirement: 'AV-4', kind: 'avStorage' },
  'avStorage.approvedException': { label: '储存时限（特殊情况经批准）', requirement: 'AV-4', kind: 'avStorage' },
  avOrganising: { label: '音像记录分类整理时限', requirement: 'AV-5', kind: 'deadline' },
  archiving: { label: '案卷归档时限', requirement: 'ARC-2', kind: 'deadline' },
  'disclosure.licensingAndPenalty': { label: '许可、处罚决定公开时限', requirement: 'PUB-2', kind: 'deadline' },
  'disclosure.otherDecisions': { label: '其他执法决定公开时限', requirement: 'PUB-2', kind: 'deadline' },
  'legalReview.standard': { label: '法制审核时限', requirement: 'REV-5', kind: 'deadline' },
  'legalReview.extension': { label: '法制审核可延长', requirement: 'REV-5', kind: 'deadline' },
  emergencyRetroApproval: { label: '紧急情况先行启动后补报时限', requirement: 'CASE-3', kind: 'deadline' },
  'avRetention.minimumYears': { label: '音像记录最短保存期限', requirement: 'AV-12', kind: 'years' },
  'avRetention.longTermTriggers': { label: '需长期保存的情形', requirement: 'AV-12', kind: 'triggers' },
  announcement: { label: '告知音像记录的规范用语', requirement: 'AV-7', kind: 'text' },
  workdayEnd: { label: '下班时间（“当天下班前”截止钟点）', requirement: 'CAL-2', kind: 'time' },
  calendarDayRollover: { label: '按日计算的期限末日遇节假日顺延', requirement: 'CAL-2', kind: 'rollover' },
  equipmentStandard: { label: '执法记录仪配备标准', requirement: 'ORG-4', kind: 'equipment' },
  minimumInvestigationOfficers: { label: '调查、检查的执法人员最少人数', requirement: 'ORG-2', kind: 'officers' },
};

export const deadlineKindLabels: Record<DeadlineRule['kind'], string> = {
  hours: 'N 小时内',
  calendarDays: 'N 日内（自然日）',
  workingDays: 'N 个工作日内',
  sameWorkday: '当天下班前',
};

/** Chinese wording of a time limit, as in the rules engine's describeDeadlineRule, plus the closing time. */
export function describeDeadline(rule: DeadlineRule): string {
  const closes = 'closesAt' in rule && rule.closesAt ? `，截至当日 ${rule.closesAt}` : '';
  switch (rule.kind) {
    case 'hours':
      return `${rule.hours}小时内`;
    case 'calendarDays':
      return (rule.days === 0 ? '当天' : `${rule.days}日内`) + closes;
    case 'workingDays':
      return `${rule.days}个工作日内${closes}`;
    case 'sameWorkday':
      return '当天下班前';
  }
}

/** The two answers to the calendar-day roll-over, in words (a boolean never shows as such). */
export const rolloverLabels = {
  true: '顺延：“N日内”期限的最后一日是法定节假日或休息日的，以其后第一个工作日为届满日（“当天”不顺延）',
  false: '不顺延：最后一日即使是节假日也为届满日',
} as const;

export const anchorLabels = { recordingEnd: '自记录结束起', return: '自回到单位起' } as const;

export type Parameter = { value: unknown; source?: { seed: string; article: string; quote: string }; note?: string; reason?: string };

/** A parameter of a profile by its dotted path. */
export function parameterAt(profile: PolicyProfile, path: ParameterPath): Parameter {
  let node: unknown = profile.parameters;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as Parameter;
}

/** The value in words: '24小时内（自回到单位起）', '30个工作日内', '未规定：<reason>'. */
export function describeValue(path: ParameterPath, p: Parameter): string {
  if (p.value === null || p.value === undefined) return `未规定：${p.reason ?? ''}`;
  const v = p.value as never;
  switch (parameterInfo[path].kind) {
    case 'avStorage': {
      const s = v as { anchor: keyof typeof anchorLabels; rule: DeadlineRule };
      return `${describeDeadline(s.rule)}（${anchorLabels[s.anchor]}）`;
    }
    case 'deadline':
      return path === 'legalReview.extension' ? `经批准可延长${describeDeadline(v)}` : describeDeadline(v);
    case 'years':
      return `不少于${v}年`;
    case 'triggers':
      return (v as { text: string }[]).map((t, i) => `${i + 1}. ${t.text}`).join('\n');
    case 'text':
      return `“${v}”`;
    case 'time':
      return `${v}`;
    case 'equipment':
      return `每个执法队配备执法记录仪不少于${(v as { perUnit: number }).perUnit}台`;
    case 'officers':
      return `不少于${v}人`;
    case 'rollover':
      return rolloverLabels[String(v) as 'true' | 'false'];
  }
}

export const dayKindLabels: Record<DayKind, string> = { workday: '工作日', weekend: '休息日（周末）', holiday: '法定节假日', make_up_workday: '调休上班日' };
export const yearStatusLabels: Record<YearStatus, string> = { official: '国务院通知（已收录）', notice: '管理员录入通知', provisional: '暂按放假办法推算' };

export const findingStateLabels: Record<FindingState, string> = { due_soon: '临期', late: '超期', breached: '违规' };
export const findingStateColors: Record<FindingState, string> = { due_soon: 'gold', late: 'red', breached: 'volcano' };

export const requirementLabels: Record<string, string> = {
  'AV-4': '音像记录储存',
  'AV-5': '音像记录整理',
  'ARC-2': '案卷归档',
  'PUB-2': '执法决定公开',
  'REV-5': '法制审核',
  'CASE-3': '紧急启动补报',
  'CHK-1': '音像记录事项清单',
  'ORG-2': '执法人员人数',
  'INT-3': '原件完整性',
  'CAL-2': '法定期限',
  'CASE-7': '证据先行登记保存',
  'CASE-9': '听证',
  'CASE-10': '行政强制',
  'CASE-11': '履行与整改',
  'SRV-2': '送达期限',
  'CASE-8': '陈述申辩与复核',
};

export const findingKindLabels: Record<string, string> = {
  av_storage_deadline: '音像记录未按时储存',
  av_organising_deadline: '音像记录未按时分类整理',
  archive_deadline: '案卷未按时归档',
  disclosure_deadline: '执法决定未按时公开',
  legal_review_deadline: '法制审核超时',
  emergency_retro_approval_deadline: '紧急启动未按时补报',
  av_missing_for_mandatory_activity: '应当音像记录而未记录',
  av_made_where_forbidden: '不得音像记录的情形进行了记录',
  too_few_officers: '执法人员少于两人',
  object_fixity: '原件缺失、被改动或无法读取',
  law_deadline: '超过法定期限',
  heavier_penalty_after_statements: '陈述申辩后加重处罚',
};
