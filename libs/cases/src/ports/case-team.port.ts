import type { TeamMember } from '../domain/case-team';

/** A membership as the team page lists it, current or past. */
export interface TeamMembership extends TeamMember {
  removedAt: string | null;
  removedBy: string | null;
  removalReason: string | null;
}

/** Reads of team memberships beyond the current team, which is loaded with its case. */
export abstract class CaseTeamReadModel {
  /** Every membership of the case, current and past, oldest first. */
  abstract memberships(caseId: string): Promise<TeamMembership[]>;
  /** Those of `caseIds` the user is a current member of. */
  abstract casesOf(userId: string, caseIds: string[]): Promise<Set<string>>;
}
