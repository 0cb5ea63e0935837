import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { ForbiddenError, ValidationError } from '@app/shared';
import { CASE_ROLES, COLLEAGUE_CASE_ROLES, holdsCaseRole, isCaseRole, ROLE_LABELS, teamManagers, WorkflowRegistry } from '@app/workflow';
import { CaseNotFoundError } from '../../domain/case.errors';
import { CaseStore } from '../../ports/case-store.port';
import { CaseTeamReadModel } from '../../ports/case-team.port';
import { mayManageTeam, presentTeam, type TeamView } from '../../views/team-view';
import { GetCaseTeamQuery, ListTeamCandidatesQuery, type TeamCandidateView } from './get-case-team.query';

@QueryHandler(GetCaseTeamQuery)
export class GetCaseTeamHandler implements IQueryHandler<GetCaseTeamQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly teams: CaseTeamReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, caseId }: GetCaseTeamQuery): Promise<TeamView> {
    const [loaded, directory] = await Promise.all([this.store.load(caseId), this.directoryService.current()]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    const def = this.registry.get(loaded.record.workflowId, loaded.record.workflowVersion);
    return presentTeam(loaded.record, await this.teams.memberships(caseId), def, viewer, directory, jurisdiction);
  }
}

@QueryHandler(ListTeamCandidatesQuery)
export class ListTeamCandidatesHandler implements IQueryHandler<ListTeamCandidatesQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, caseId, q, caseRole, limit }: ListTeamCandidatesQuery): Promise<TeamCandidateView[]> {
    const [loaded, directory] = await Promise.all([this.store.load(caseId), this.directoryService.current()]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    const { record } = loaded;
    const def = this.registry.get(record.workflowId, record.workflowVersion);
    // Only those who may invite see the directory across organisations.
    if (!mayManageTeam(viewer, record, def, jurisdiction)) throw teamManagerOnly(teamManagers(def));
    if (caseRole !== undefined && !isCaseRole(caseRole)) {
      throw new ValidationError([{ field: 'caseRole', message: `must be one of ${Object.keys(CASE_ROLES).join(', ')}`, messageZh: '不是已定义的团队角色' }]);
    }
    const members = new Set((record.team ?? []).map((m) => m.userId));
    const needle = q?.trim();
    const out: TeamCandidateView[] = [];
    for (const user of directory.users) {
      if (!user.active || user.id === record.assigneeId || members.has(user.id) || user.roles.includes('ADMIN') || user.roles.includes('AUDITOR')) continue;
      const org = directory.org(user.orgId);
      if (!org) continue;
      if (needle && !user.displayName.includes(needle) && !org.name.includes(needle)) continue;
      // A colleague of the handling organisation may join only as a co-mediator (协助调解员).
      const open = user.orgId === record.orgId ? COLLEAGUE_CASE_ROLES : Object.keys(CASE_ROLES);
      const fits = open.filter((r) => holdsCaseRole(r, { roles: user.roles, orgType: org.type }));
      if (!fits.length || (caseRole !== undefined && !fits.includes(caseRole))) continue;
      out.push({ userId: user.id, name: user.displayName, orgId: org.id, orgName: org.name, roles: user.roles.map((r) => ({ code: r, label: ROLE_LABELS[r] ?? r })), caseRoles: fits });
      if (out.length >= limit) break;
    }
    return out;
  }
}

export function teamManagerOnly(roles: string[]): ForbiddenError {
  const who = roles.map((r) => ROLE_LABELS[r] ?? r).join('、');
  return new ForbiddenError(`Only ${roles.join(', ')} of the handling organisation may manage the case's team`, `只有承办单位的${who}可以邀请或移出团队成员`);
}
