/** What the security log records (网络安全等级保护 2.0 安全审计; 网络安全法 第二十一条). */
export const SECURITY_EVENT_KINDS = {
  LOGIN_SUCCEEDED: '登录成功',
  LOGIN_FAILED: '登录失败',
  LOGIN_LOCKED: '登录锁定',
  ACCOUNT_UNLOCKED: '解除锁定',
  LOGOUT: '退出登录',
  SESSION_EXPIRED: '会话超时',
  PASSWORD_CHANGED: '修改密码',
  PASSWORD_RESET: '重置密码',
  ACCOUNT_CREATED: '新建账号',
  ROLE_CHANGED: '角色或权限变更',
  ACCOUNT_DEACTIVATED: '停用账号',
  ACCOUNT_REACTIVATED: '启用账号',
  ORGANISATION_CHANGED: '单位变更',
  EXPORT: '数据导出',
  PERSONAL_DATA_READ: '查看个人信息明文',
  ID_NUMBER_SEARCH: '按身份证号查询',
  PHONE_SEARCH: '按电话号码查询',
  SECURITY_LOG_PURGED: '安全日志到期清理',
} as const;

export type SecurityEventKind = keyof typeof SECURITY_EVENT_KINDS;

/** One thing to record. Who did it (or tried to), from where, and on what. */
export interface SecurityEventInput {
  kind: SecurityEventKind;
  /** The account acting, or null when none is known (a failed login for an unknown username). */
  actorId: string | null;
  /** The username given or held; for a failed login, what was typed. */
  username: string | null;
  /** The client address the request came from. */
  ip: string | null;
  /** The case read, when the event concerns one. */
  caseId?: string | null;
  /** The account acted upon (role change, reset, unlock), when not the actor. */
  subjectId?: string | null;
  /** Small, non-secret facts: the roles before and after, the export's kind, the reason for a failure. Never a password. */
  detail?: Record<string, unknown>;
}
