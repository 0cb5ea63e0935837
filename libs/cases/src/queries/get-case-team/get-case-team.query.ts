import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { TeamView } from '../../views/team-view';

/** The team of a case (GET /api/cases/:id/team): whoever may read the case may read its team. */
export class GetCaseTeamQuery extends Query<TeamView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
  ) {
    super();
  }
}

/** One user who may be invited to a case's team: name, organisation and the case roles they may hold, nothing personal. */
export interface TeamCandidateView {
  userId: string;
  name: string;
  orgId: string;
  orgName: string;
  roles: { code: string; label: string }[];
  caseRoles: string[];
}

/** Users of other organisations the caller may invite to the case's team, matching `q` (name or organisation). */
export class ListTeamCandidatesQuery extends Query<TeamCandidateView[]> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly q: string | undefined,
    readonly caseRole: string | undefined,
    readonly limit: number,
  ) {
    super();
  }
}
