// The typed list of audit actions (STYLE habit 7). Every change in the product writes exactly one
// of these in the same transaction; a later issue adds its own actions here.
export const auditActions = {
  'auth.sign_in': '登录成功',
  'auth.sign_in_failed': '登录失败',
  'auth.locked': '账号因多次失败被锁定',
  'auth.sign_out': '退出登录',
  'auth.password_changed': '修改密码',
  'agency.created': '新建执法机关',
  'agency.updated': '修改执法机关',
  'unit.created': '新建科室/执法队',
  'unit.updated': '修改科室/执法队',
  'officer.created': '新建执法人员',
  'officer.updated': '修改执法人员',
  'user.created': '新建用户',
  'user.updated': '修改用户',
  'user.disabled': '停用用户（其会话全部结束）',
  'user.enabled': '启用用户',
  'user.password_reset': '重置用户密码',
  'user.roles_changed': '调整用户角色',
  'api_token.created': '创建 API 令牌',
  'api_token.revoked': '吊销 API 令牌',
  'policy.chosen': '选择执法规范方案',
  'policy.adjusted': '调整执法规范方案（参数或音像记录事项清单）',
  'calendar.notice_entered': '录入年度节假日安排通知',
  'finding.opened': '发现问题',
  'finding.changed': '问题状态变化（如临期转为超期）',
  'finding.resolved': '问题消除',
  'system.bootstrap_admin': '首次启动创建管理员',
  'demo.seeded': '写入演示数据',
} as const;

export type AuditAction = keyof typeof auditActions;
export const auditActionList = Object.keys(auditActions) as AuditAction[];
