/** A current member of a case's team (联合调解): a user of another organisation with a role on this case. */
export interface TeamMember {
  userId: string;
  orgId: string;
  /** One of `CASE_ROLES` (调解员, 交警, 法官, 律师). */
  caseRole: string;
  addedAt: string;
  addedBy: string;
  reason: string;
}

/** A member joining or leaving, written in the same transaction as its audit entry (`seq`). */
export type TeamChange =
  | { kind: 'ADD'; id: string; caseId: string; seq: number; member: TeamMember }
  | { kind: 'REMOVE'; caseId: string; seq: number; userId: string; removedAt: string; removedBy: string; reason: string };

/** The team after a change: how the case reads once the change commits. */
export function applyTeamChanges(team: TeamMember[], changes: TeamChange[]): TeamMember[] {
  let next = [...team];
  for (const change of changes) {
    if (change.kind === 'ADD') next = [...next.filter((m) => m.userId !== change.member.userId), change.member];
    else next = next.filter((m) => m.userId !== change.userId);
  }
  return next;
}
