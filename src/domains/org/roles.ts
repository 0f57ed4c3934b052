// Roles per agency (ORG-3). One identifier per Chinese term; see docs/glossary.md.
export const roles = ['handler', 'reviewer', 'approver', 'legal_reviewer', 'archivist', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  handler: '承办人/执法人员',
  reviewer: '审核人',
  approver: '批准人/负责人',
  legal_reviewer: '法制审核人员',
  archivist: '档案管理员',
  supervisor: '监督',
  admin: '系统管理员',
};

export const agencyKinds = ['enforcement_agency', 'entrusted_organisation', 'supervising_body'] as const;
export type AgencyKind = (typeof agencyKinds)[number];
export const agencyKindLabels: Record<AgencyKind, string> = {
  enforcement_agency: '执法机关/执法主体',
  entrusted_organisation: '受委托组织',
  supervising_body: '监督机关（司法行政部门等）',
};

export const unitKinds = ['section', 'enforcement_team', 'legal_affairs', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Record<UnitKind, string> = {
  section: '科室',
  enforcement_team: '执法队',
  legal_affairs: '法制机构',
  other: '其他',
};
