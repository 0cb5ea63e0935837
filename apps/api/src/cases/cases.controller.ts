import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SecurityLog } from '@app/audit';
import { maskIdNumber, type Viewer } from '@app/organisations';
import { ApplyCaseEventCommand, CaseNotFoundError, GetCaseHistoryQuery, GetCaseQuery, ListCasesQuery, OpenCaseCommand, type CaseView } from '@app/cases';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ClientIp } from '../http/client-ip';
import { etag, parseIdempotencyKey, parseIfMatch } from '../http/headers';
import { CaseEventRequest, ListCasesRequest, OpenCaseRequest } from './case.requests';
import { ApiProblems } from '../http/openapi/api-problems.decorator';

/** A malformed case id names no case: answer 404 like any other unknown id. */
class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new CaseNotFoundError(value);
    return value.toLowerCase();
  }
}
const uuid = new CaseIdPipe();

@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly securityLog: SecurityLog,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Open a case (登记案件)' })
  @ApiProblems(422)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一个键，只登记一件案件；重复请求返回第一次的结果' })
  async open(
    @CurrentViewer() viewer: Viewer,
    @Body() body: OpenCaseRequest,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const { view, replayed } = await this.commands.execute(new OpenCaseCommand(viewer, body, parseIdempotencyKey(idempotencyKey)));
    if (replayed) reply.header('idempotent-replayed', 'true');
    reply.status(201).header('etag', etag(view.version)).header('location', `/api/cases/${view.id}`);
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Cases visible to the caller, filtered and paginated; `idNumber` finds the cases of a party by identity number, and is logged (案件列表)' })
  async list(@CurrentViewer() viewer: Viewer, @Query() q: ListCasesRequest, @ClientIp() ip: string | null) {
    const page = await this.queries.execute(new ListCasesQuery(viewer, q));
    if (q.idNumber) {
      const detail = { idNumber: maskIdNumber(q.idNumber), matched: page.total };
      await this.securityLog.record({ kind: 'ID_NUMBER_SEARCH', actorId: viewer.userId, username: viewer.username, ip, detail });
    }
    return page;
  }

  @Get(':id')
  @ApiOperation({ summary: 'One case with its deadlines and the events the caller may send now (案件详情)' })
  async get(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @ClientIp() ip: string | null, @Res({ passthrough: true }) reply: FastifyReply): Promise<CaseView> {
    const view = await this.queries.execute(new GetCaseQuery(viewer, id));
    // Logged before the answer leaves: a read that cannot be logged is not answered.
    if (!view.personalDataMasked) {
      await this.securityLog.record({ kind: 'PERSONAL_DATA_READ', actorId: viewer.userId, username: viewer.username, ip, caseId: view.id, detail: { caseNo: view.caseNo } });
    }
    reply.header('etag', etag(view.version));
    return view;
  }

  @Post(':id/events')
  @HttpCode(200)
  @ApiOperation({ summary: 'Apply one workflow event (办理：发送流程事件)' })
  @ApiProblems(409, 412, 422)
  @ApiHeader({ name: 'If-Match', required: false, description: '案件版本（ETag，强比较，RFC 9110）："5"、"4", "5" 或 *；弱标签 W/"5" 不匹配；不匹配时返回 412' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时使用同一个键，只会办理一次' })
  async event(
    @CurrentViewer() viewer: Viewer,
    @Param('id', uuid) id: string,
    @Body() body: CaseEventRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const result = await this.commands.execute(
      new ApplyCaseEventCommand(viewer, id, body.type, body.data ?? {}, parseIfMatch(ifMatch), parseIdempotencyKey(idempotencyKey)),
    );
    const view = result.response as CaseView;
    if (result.replayed) reply.status(result.status).header('idempotent-replayed', 'true');
    reply.header('etag', etag(view.version));
    return view;
  }

  @Get(':id/history')
  @ApiOperation({ summary: 'The audit trail of a case, oldest first, with its hash chain (办理记录)' })
  history(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string) {
    return this.queries.execute(new GetCaseHistoryQuery(viewer, id));
  }
}
