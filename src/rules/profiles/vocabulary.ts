// Stable English identifiers for the enforcement categories and activities the checklists name.
// The Chinese labels are what people see; docs/glossary-rules.md lists the same pairs.

export const ENFORCEMENT_CATEGORIES = {
  licensing: '行政许可',
  penalty_general: '行政处罚（一般程序）',
  penalty_simple: '行政处罚（简易程序）',
  coercive_measure: '行政强制措施',
  coercive_execution: '行政强制执行',
  inspection: '行政检查',
  expropriation: '行政征收征用',
} as const;

export type EnforcementCategory = keyof typeof ENFORCEMENT_CATEGORIES;

export const CATEGORY_IDS = Object.keys(ENFORCEMENT_CATEGORIES) as [EnforcementCategory, ...EnforcementCategory[]];

export const ACTIVITIES = {
  application_acceptance: '受理（接收申请材料）',
  examination: '考试',
  expert_review: '专家评审、论证',
  hearing: '听证',
  statement_defence: '告知并听取陈述、申辩',
  on_site_enforcement: '现场执法',
  on_site_inspection: '现场检查',
  re_inspection: '执法复查',
  site_survey: '勘验',
  questioning: '询问',
  sampling: '抽样取证',
  testing_appraisal: '检验、检测、鉴定',
  evidence_collection: '调取证据',
  evidence_preservation: '证据先行登记保存',
  on_site_measure: '现场处理措施',
  simple_procedure_penalty: '简易程序当场处罚',
  rectification_check: '整改情况核查',
  sealing: '查封',
  seizure: '扣押',
  seizure_extension: '延长扣押',
  seizure_release: '解除扣押',
  restriction_of_liberty: '限制公民人身自由',
  forced_demolition: '强制拆除',
  forced_clearance: '强制清除',
  forced_towing: '强制拖离',
  substitute_performance: '代履行',
  removal_of_obstruction: '排除妨碍、恢复原状',
  service: '送达',
  service_left_at_premises: '留置送达',
  service_public_notice: '公告送达',
} as const;

export type KnownActivity = keyof typeof ACTIVITIES;

/** Activities of investigation or inspection, which need two officers (ORG-2). */
export const INVESTIGATIVE_ACTIVITIES: ReadonlySet<string> = new Set<KnownActivity>([
  'on_site_inspection',
  're_inspection',
  'site_survey',
  'questioning',
  'sampling',
  'testing_appraisal',
  'evidence_collection',
  'evidence_preservation',
]);

export const CHECKLIST_LEVELS = {
  mandatory: '应当全程音像记录',
  situational: '根据实际情况音像记录',
  optional: '可以音像记录',
  forbidden: '不得音像记录',
} as const;

export type ChecklistLevel = keyof typeof CHECKLIST_LEVELS;

export const RECORDING_MEANS = {
  photo: '照相',
  audio: '录音',
  video: '录像',
  cctv: '视频监控',
} as const;

export type RecordingMeans = keyof typeof RECORDING_MEANS;
