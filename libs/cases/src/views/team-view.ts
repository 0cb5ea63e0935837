import type { Directory, Jurisdiction, Viewer } from '@app/organisations';
import { CASE_ROLES, COLLEAGUE_LABEL, teamManagers, type WorkflowDefinition } from '@app/workflow';
import type { CaseRecord } from '../domain/case-record';
import type { TeamMembership } from '../ports/case-team.port';

export interface TeamMemberView {
  userId: string;
  name: string;
  orgId: string;
  orgName: string;
  caseRole: string;
  caseRoleLabel: string;
  /** A colleague of the handling organisation: a co-mediator of the same committee (协助调解员). */
  colleague: boolean;
  /** 协助调解员 for a colleague, the case role's label otherwise: how the team shows the member. */
  roleOnCase: string;
  addedAt: string;
  addedBy: { id: string; name: string };
  reason: string;
  removedAt?: string;
  removedBy?: { id: string; name: string };
  removalReason?: string;
}

/** A case's team as the console shows it: current members, former ones, the case roles, and whether the caller manages it. */
export interface TeamView {
  caseId: string;
  members: TeamMemberView[];
  former: TeamMemberView[];
  caseRoles: { code: string; label: string; labelEn: string }[];
  /** The caller may invite and remove members: staff of the handling organisation in one of the workflow's team-managing roles. */
  canManage: boolean;
}

export function mayManageTeam(viewer: Viewer, record: CaseRecord, def: WorkflowDefinition, jurisdiction: Jurisdiction): boolean {
  return !record.closed && jurisdiction.canAct(viewer, record) && teamManagers(def).some((r) => viewer.roles.includes(r));
}

export function presentTeam(
  record: CaseRecord,
  memberships: TeamMembership[],
  def: WorkflowDefinition,
  viewer: Viewer,
  directory: Directory,
  jurisdiction: Jurisdiction,
): TeamView {
  const person = (id: string) => ({ id, name: directory.user(id)?.displayName ?? id });
  const view = (m: TeamMembership): TeamMemberView => ({
    userId: m.userId,
    name: directory.user(m.userId)?.displayName ?? m.userId,
    orgId: m.orgId,
    orgName: directory.org(m.orgId)?.name ?? m.orgId,
    caseRole: m.caseRole,
    caseRoleLabel: CASE_ROLES[m.caseRole]?.label ?? m.caseRole,
    colleague: m.orgId === record.orgId,
    roleOnCase: m.orgId === record.orgId ? COLLEAGUE_LABEL : (CASE_ROLES[m.caseRole]?.label ?? m.caseRole),
    addedAt: m.addedAt,
    addedBy: person(m.addedBy),
    reason: m.reason,
    ...(m.removedAt ? { removedAt: m.removedAt, removedBy: person(m.removedBy ?? ''), removalReason: m.removalReason ?? '' } : {}),
  });
  const current = new Set((record.team ?? []).map((m) => m.userId));
  return {
    caseId: record.id,
    // The current team is the one loaded with the case, which the case's version vouches for.
    members: (record.team ?? []).map((m) => view({ ...m, removedAt: null, removedBy: null, removalReason: null })),
    former: memberships.filter((m) => m.removedAt && !current.has(m.userId)).map(view),
    caseRoles: Object.entries(CASE_ROLES).map(([code, r]) => ({ code, label: r.label, labelEn: r.labelEn })),
    canManage: mayManageTeam(viewer, record, def, jurisdiction),
  };
}
