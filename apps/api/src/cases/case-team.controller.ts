import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Viewer } from '@app/organisations';
import { AddTeamMemberCommand, CaseNotFoundError, GetCaseTeamQuery, ListTeamCandidatesQuery, RemoveTeamMemberCommand, type TeamCandidateView, type TeamView } from '@app/cases';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { AddTeamMemberRequest, RemoveTeamMemberRequest, TeamCandidatesRequest } from './case-team.requests';
import { ApiProblems } from '../http/openapi/api-problems.decorator';

/** A malformed case id names no case: 404 like any other unknown id. */
class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new CaseNotFoundError(value);
    return value.toLowerCase();
  }
}
const uuid = new CaseIdPipe();

/** 联合调解: the case's team. Inviting and removing are entries of the case's audit chain, like its events. */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases/:id/team')
export class CaseTeamController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The case team: members from other organisations with their case roles, and former members (案件团队)' })
  team(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string): Promise<TeamView> {
    return this.queries.execute(new GetCaseTeamQuery(viewer, id));
  }

  @Get('candidates')
  @ApiOperation({ summary: 'Users of other organisations the handling organisation may invite: name, organisation and roles only (可邀请的人员)' })
  candidates(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @Query() q: TeamCandidatesRequest): Promise<TeamCandidateView[]> {
    return this.queries.execute(new ListTeamCandidatesQuery(viewer, id, q.q, q.caseRole, q.limit));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Invite a member in a case role; 409 when already a member (邀请团队成员)' })
  @ApiProblems(409)
  add(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @Body() body: AddTeamMemberRequest): Promise<TeamView> {
    return this.commands.execute(new AddTeamMemberCommand(viewer, id, body));
  }

  @Delete(':userId')
  @HttpCode(200)
  @ApiOperation({ summary: 'Remove a member, with a reason; their access to the case ends at once (移出团队成员)' })
  remove(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @Param('userId') userId: string, @Body() body: RemoveTeamMemberRequest): Promise<TeamView> {
    return this.commands.execute(new RemoveTeamMemberCommand(viewer, id, userId, body.reason));
  }
}
