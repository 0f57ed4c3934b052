import type { AgencyKind, Role, UnitKind } from './api/types.js';

// Chinese names of the server's identifiers (docs/glossary.md). /api/meta is the source for
// roles at run time; these are the fallback and the order in which they are shown.
export const roleOrder: Role[] = ['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin'];
export const roleLabels: Record<Role, string> = {
  handler: '承办人/执法人员',
  reviewer: '审核人',
  approver: '批准人/负责人',
  legal_reviewer: '法制审核人员',
  archivist: '档案管理员',
  supervisor: '监督',
  admin: '系统管理员',
};
export const roleColors: Record<Role, string> = {
  handler: 'blue',
  reviewer: 'cyan',
  approver: 'geekblue',
  legal_reviewer: 'purple',
  archivist: 'gold',
  supervisor: 'orange',
  admin: 'red',
};

export const agencyKindLabels: Record<AgencyKind, string> = {
  enforcement_agency: '执法机关/执法主体',
  entrusted_organisation: '受委托组织',
  supervising_body: '监督机关（司法行政部门等）',
};

export const unitKindLabels: Record<UnitKind, string> = {
  section: '科室',
  enforcement_team: '执法队',
  legal_affairs: '法制机构',
  other: '其他',
};

export const objectTypeLabels: Record<string, string> = {
  agency: '执法机关',
  unit: '科室/执法队',
  officer: '执法人员',
  user: '用户',
  api_token: 'API 令牌',
  agency_policy: '执法规范方案',
  calendar_notice: '节假日安排通知',
  matter: '执法事项',
  matter_step: '执法环节',
  document: '执法文书',
  av_record: '音像记录',
  av_upload: '音像上传',
  av_interruption: '音像记录中断',
  legal_review: '法制审核',
  major_decision_list: '重大执法决定目录',
  finding: '问题',
  audit_log: '审计日志',
};

export const options = <K extends string>(labels: Record<K, string>, order?: K[]) =>
  (order ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
