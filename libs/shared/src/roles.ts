/** Roles a user can hold. `SYSTEM` is the engine itself (deadline worker, cross-case notifications); no person holds it. */
export const ROLES = [
  'INTAKE_CLERK',
  'MEDIATOR',
  'COMMITTEE_DIRECTOR',
  'COURT_CLERK',
  'JUDGE',
  'ARBITRATOR',
  'RECONSIDERATION_OFFICER',
  'PETITION_OFFICER',
  'AUDITOR',
  'ADMIN',
] as const;
export type UserRole = (typeof ROLES)[number];
export type Role = UserRole | 'SYSTEM';

export const ROLE_LABELS: Record<Role, string> = {
  INTAKE_CLERK: '受理登记员',
  MEDIATOR: '调解员',
  COMMITTEE_DIRECTOR: '调委会主任',
  COURT_CLERK: '法院立案/书记员',
  JUDGE: '法官',
  ARBITRATOR: '仲裁员',
  RECONSIDERATION_OFFICER: '复议工作人员',
  PETITION_OFFICER: '信访工作人员',
  AUDITOR: '以案定补审核员',
  ADMIN: '系统管理员',
  SYSTEM: '系统',
};

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
