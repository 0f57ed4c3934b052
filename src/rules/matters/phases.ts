// The five phases every matter passes through (CASE-2: S0 第二条, S1 第三条, S3 全过程记录办法 第三条).
export const PHASES = {
  start: '程序启动',
  investigation: '调查取证',
  review_decision: '审查决定',
  service_execution: '送达执行',
  archiving: '归档管理',
} as const;

export type Phase = keyof typeof PHASES;
export const PHASE_ORDER: readonly Phase[] = ['start', 'investigation', 'review_decision', 'service_execution', 'archiving'];

export const START_ROUTES = {
  ex_officio: '依职权立案',
  emergency: '紧急情况先行启动（事后补报审批）',
  application: '依申请',
  complaint: '投诉举报',
} as const;
export type StartRoute = keyof typeof START_ROUTES;
