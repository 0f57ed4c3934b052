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
};

export const options = <K extends string>(labels: Record<K, string>, order?: K[]) =>
  (order ?? (Object.keys(labels) as K[])).map((value) => ({ value, label: labels[value] }));
