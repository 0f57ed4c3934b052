import { ACTIVITIES } from '../profiles/vocabulary.js';

// Steps of a matter beyond the AV checklist's activities (those keep their identifiers from
// src/rules/profiles/vocabulary.ts, so a checklist row and a recorded step name the same thing).
export const PROCEDURE_STEPS = {
  filing: '立案（立案审批）',
  emergency_start: '紧急情况先行启动',
  application_receipt: '接收申请',
  application_rejection: '不予受理',
  correction_request: '通知补正',
  complaint_registration: '投诉举报登记',
  complaint_reply: '不予立案并答复投诉举报人',
  inspection_start: '启动行政检查',
  inspection_conclusion: '检查结论',
  rectification_order: '责令改正（限期整改）',
  investigation_report: '案件调查终结报告',
  rights_notice: '告知陈述、申辩、听证等权利',
  collective_discussion: '集体讨论',
  legal_review: '法制审核',
  decision: '作出决定',
  on_the_spot_report: '当场处罚备案',
  licence_decision: '作出准予/不予许可决定',
  handling_decision: '作出处理决定',
  preservation_decision: '先行登记保存物品处理决定',
  reminder: '催告',
  enforcement_decision: '作出强制执行决定',
  late_payment_penalty: '加处罚款或滞纳金',
  payment_deferral: '延期（分期）缴纳罚款',
  account_transfer: '划拨存款、汇款',
  auction: '拍卖或依法处理',
  court_application: '申请人民法院强制执行',
  compliance_check: '履行情况核查',
  closing: '结案（执法行为终结）',
  archive: '立卷归档',
} as const;

export type ProcedureStep = keyof typeof PROCEDURE_STEPS;
export const STEP_LABELS: Record<string, string> = { ...ACTIVITIES, ...PROCEDURE_STEPS };
export const stepLabel = (id: string) => STEP_LABELS[id] ?? id;
