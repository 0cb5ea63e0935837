import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { TeamView } from '../../views/team-view';

/** Invite a user of another organisation to the case's team in a case role (POST /api/cases/:id/team). */
export class AddTeamMemberCommand extends Command<TeamView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly input: { userId: string; caseRole: string; reason: string },
  ) {
    super();
  }
}

/** Remove a member from the case's team (DELETE /api/cases/:id/team/:userId); their access ends with the commit. */
export class RemoveTeamMemberCommand extends Command<TeamView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly userId: string,
    readonly reason: string,
  ) {
    super();
  }
}
