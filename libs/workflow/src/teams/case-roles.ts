import type { WorkflowDefinition } from '../definition';

/**
 * A role a person holds on one case as a member of its team (联合调解), whatever their organisation: 大调委调解员、交警、
 * 法官、律师联合化解矛盾. A member acts on that case only, and only with the events of their case role.
 */
export interface CaseRoleSpec {
  label: string;
  labelEn: string;
  /**
   * Events of any channel this case role may send on a case it is a member of; a channel's manifest may say otherwise
   * (`teamEvents`). Events only the engine sends are never a member's.
   */
  events: string[];
  /** Who may be invited in this role: a user holding one of `roles`, or belonging to an organisation of one of `orgTypes`. Neither: anyone. */
  holders: { roles?: string[]; orgTypes?: string[] };
}

/**
 * The case roles. Members record what they contribute (a session they took part in, a risk they see, a follow-up
 * visit); deciding the case — accepting it, signing the agreement, ending or closing it — stays with the handling
 * organisation, whose mediator and committee answer for it (人民调解法 第二十九条、第三十三条).
 */
export const CASE_ROLES: Record<string, CaseRoleSpec> = {
  MEDIATOR: {
    label: '调解员',
    labelEn: 'Mediator',
    events: ['RECORD_SESSION', 'RECORD_FOLLOW_UP', 'REPORT_RISK'],
    holders: { roles: ['MEDIATOR'] },
  },
  TRAFFIC_POLICE: {
    label: '交警',
    labelEn: 'Traffic police officer',
    events: ['RECORD_SESSION', 'REPORT_RISK'],
    holders: { orgTypes: ['TRAFFIC_POLICE_BRIGADE', 'POLICE_STATION'] },
  },
  JUDGE: {
    label: '法官',
    labelEn: 'Judge',
    events: ['RECORD_SESSION'],
    holders: { roles: ['JUDGE'] },
  },
  // The directory has no lawyers' organisation type yet: a lawyer is invited as the user they are.
  LAWYER: {
    label: '律师',
    labelEn: 'Lawyer',
    events: ['RECORD_SESSION'],
    holders: {},
  },
};

/**
 * Case roles a colleague of the handling organisation may hold: a second mediator of the same committee (协助调解员).
 * The rest of its staff have the case already; only a co-mediator's part needs naming on the case.
 */
export const COLLEAGUE_CASE_ROLES: readonly string[] = ['MEDIATOR'];

/** The team's label for a colleague of the handling organisation in `caseRole`: 协助调解员 for a co-mediator. */
export const COLLEAGUE_LABEL = '协助调解员';

export const CASE_ROLE_LABELS: Record<string, string> = Object.fromEntries(Object.entries(CASE_ROLES).map(([k, v]) => [k, v.label]));

export function isCaseRole(value: unknown): value is string {
  return typeof value === 'string' && Object.hasOwn(CASE_ROLES, value);
}

/** The events a member in `caseRole` may send on a case of this workflow: the channel's own list, or the generic one. */
export function caseRoleEvents(def: WorkflowDefinition, caseRole: string): string[] {
  const listed = def.manifest.teamEvents?.[caseRole] ?? CASE_ROLES[caseRole]?.events ?? [];
  return listed.filter((type) => def.events[type] && def.events[type].roles.some((r) => r !== 'SYSTEM'));
}

/** Whether a user with these roles in an organisation of this type may be invited in `caseRole`. */
export function holdsCaseRole(caseRole: string, user: { roles: string[]; orgType: string }): boolean {
  const holders = CASE_ROLES[caseRole]?.holders;
  if (!holders) return false;
  if (!holders.roles && !holders.orgTypes) return true;
  return (holders.roles ?? []).some((r) => user.roles.includes(r)) || (holders.orgTypes ?? []).includes(user.orgType);
}

/**
 * Roles of the handling organisation who may invite and remove team members: the channel's `teamManagers`, or its
 * deadline officers — the officials who answer for the case (调委会主任, 法官, 民警).
 */
export function teamManagers(def: WorkflowDefinition): string[] {
  return def.manifest.teamManagers ?? def.manifest.deadlineOfficers;
}

/** The audit trail's actor role for a team member acting in a case role, kept apart from the organisations' roles. */
export function teamActorRole(caseRole: string): string {
  return `TEAM_${caseRole}`;
}

/** 法官（团队成员） for an actor role written by `teamActorRole`; undefined for any other role. */
export function teamActorRoleLabel(actorRole: string): string | undefined {
  const caseRole = actorRole.startsWith('TEAM_') ? CASE_ROLES[actorRole.slice(5)] : undefined;
  return caseRole ? `${caseRole.label}（团队成员）` : undefined;
}
