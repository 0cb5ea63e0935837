import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Directory } from '@app/organisations';
import { ConflictError, NotFoundError, ValidationError } from '@app/shared';
import { CASE_ROLES, COLLEAGUE_CASE_ROLES, COLLEAGUE_LABEL, holdsCaseRole, isCaseRole, teamManagers } from '@app/workflow';
import { RecordCaseFact } from '../../domain/record-case-fact';
import type { TeamMember } from '../../domain/case-team';
import { CaseTeamReadModel } from '../../ports/case-team.port';
import { presentTeam, type TeamView } from '../../views/team-view';
import { AddTeamMemberCommand, RemoveTeamMemberCommand } from './manage-team.command';

/** What the audit entry says about the member: enough to read the history without the directory. */
function memberFacts(directory: Directory, m: Pick<TeamMember, 'userId' | 'orgId' | 'caseRole'>, reason: string, handlingOrgId: string) {
  const colleague = m.orgId === handlingOrgId;
  return {
    userId: m.userId,
    userName: directory.user(m.userId)?.displayName ?? m.userId,
    orgId: m.orgId,
    orgName: directory.org(m.orgId)?.name ?? m.orgId,
    caseRole: m.caseRole,
    caseRoleLabel: CASE_ROLES[m.caseRole]?.label ?? m.caseRole,
    ...(colleague ? { colleague: true, colleagueLabel: COLLEAGUE_LABEL } : {}),
    reason,
  };
}

@CommandHandler(AddTeamMemberCommand)
export class AddTeamMemberHandler implements ICommandHandler<AddTeamMemberCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly teams: CaseTeamReadModel,
  ) {}

  async execute(c: AddTeamMemberCommand): Promise<TeamView> {
    const { userId, caseRole, reason } = c.input;
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'TEAM_MEMBER_ADDED',
      roles: teamManagers,
      build: ({ record }, { now, directory }) => {
        if (record.closed) throw new ConflictError('The case is closed: nobody joins its team any more', '案件已办结，不能再邀请团队成员');
        const user = directory.user(userId);
        if (!user || !user.active) throw new ValidationError([{ field: 'userId', message: 'is not an active user', messageZh: '不是有效的用户' }]);
        const colleague = user.orgId === record.orgId;
        if (colleague && userId === record.assigneeId) {
          throw new ValidationError([{ field: 'userId', message: 'handles the case already', messageZh: '是本案的承办人，无需邀请' }]);
        }
        if (!isCaseRole(caseRole)) {
          throw new ValidationError([{ field: 'caseRole', message: `must be one of ${Object.keys(CASE_ROLES).join(', ')}`, messageZh: '不是已定义的团队角色' }]);
        }
        // A colleague has the case already as staff of the organisation; the team names only a co-mediator's part.
        if (colleague && !COLLEAGUE_CASE_ROLES.includes(caseRole)) {
          throw new ValidationError([
            { field: 'caseRole', message: 'staff of the handling organisation join only as a co-mediator (MEDIATOR)', messageZh: `承办单位的工作人员只能作为${COLLEAGUE_LABEL}（调解员）加入` },
          ]);
        }
        const org = directory.org(user.orgId);
        if (!org || !holdsCaseRole(caseRole, { roles: user.roles, orgType: org.type })) {
          throw new ValidationError([{ field: 'caseRole', message: `${user.displayName} may not serve as ${CASE_ROLES[caseRole].labelEn}`, messageZh: `${user.displayName}不能担任“${CASE_ROLES[caseRole].label}”` }]);
        }
        if ((record.team ?? []).some((m) => m.userId === userId)) {
          throw new ConflictError(`${user.displayName} is already on the case's team`, `${user.displayName}已是本案团队成员`, { userId });
        }
        const member: TeamMember = { userId, orgId: user.orgId, caseRole, addedAt: now.toISOString(), addedBy: c.viewer.userId, reason };
        return { data: memberFacts(directory, member, reason, record.orgId), deadlinesUpdated: [], teamChanges: [{ kind: 'ADD', id: randomUUID(), caseId: record.id, seq: 0, member }] };
      },
    });
    return presentTeam(outcome.record, await this.teams.memberships(c.caseId), outcome.def, c.viewer, outcome.directory, outcome.jurisdiction);
  }
}

@CommandHandler(RemoveTeamMemberCommand)
export class RemoveTeamMemberHandler implements ICommandHandler<RemoveTeamMemberCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly teams: CaseTeamReadModel,
  ) {}

  async execute(c: RemoveTeamMemberCommand): Promise<TeamView> {
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'TEAM_MEMBER_REMOVED',
      roles: teamManagers,
      build: ({ record }, { now, directory }) => {
        const member = (record.team ?? []).find((m) => m.userId === c.userId);
        if (!member) throw new NotFoundError('Team member', '团队成员', c.userId);
        return {
          data: memberFacts(directory, member, c.reason, record.orgId),
          deadlinesUpdated: [],
          teamChanges: [{ kind: 'REMOVE', caseId: record.id, seq: 0, userId: c.userId, removedAt: now.toISOString(), removedBy: c.viewer.userId, reason: c.reason }],
        };
      },
    });
    return presentTeam(outcome.record, await this.teams.memberships(c.caseId), outcome.def, c.viewer, outcome.directory, outcome.jurisdiction);
  }
}
