import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SecurityLog } from '@app/audit';
import { maskIdNumber, maskPhone, type Viewer } from '@app/organisations';
import { ApplyCaseEventCommand, CaseLedger, CaseNotFoundError, GetCaseHistoryQuery, GetCaseQuery, ListCasesQuery, OpenCaseCommand, type CaseView } from '@app/cases';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ClientIp } from '../http/client-ip';
import { etag, parseIdempotencyKey, parseIfMatch } from '../http/headers';
import { CaseEventRequest, LedgerRequest, ListCasesRequest, OpenCaseRequest } from './case.requests';
import { ApiProblems } from '../http/openapi/api-problems.decorator';
import { ledgerWorkbook, XLSX } from './ledger.workbook';

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
    private readonly ledger: CaseLedger,
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
  @ApiOperation({
    summary:
      'Cases visible to the caller, filtered and paginated; `idNumber` and `phone` find the cases of a party, and are logged. `total` counts up to 1000 (or to the end of the page asked for); past that `totalCapped` is true (案件列表)',
  })
  async list(@CurrentViewer() viewer: Viewer, @Query() q: ListCasesRequest, @ClientIp() ip: string | null) {
    const page = await this.queries.execute(new ListCasesQuery(viewer, q));
    if (q.idNumber) {
      const detail = { idNumber: maskIdNumber(q.idNumber), matched: page.total };
      await this.securityLog.record({ kind: 'ID_NUMBER_SEARCH', actorId: viewer.userId, username: viewer.username, ip, detail });
    }
    if (q.phone) {
      const detail = { phone: maskPhone(q.phone), matched: page.total };
      await this.securityLog.record({ kind: 'PHONE_SEARCH', actorId: viewer.userId, username: viewer.username, ip, detail });
    }
    return page;
  }

  @Get('ledger.xlsx')
  @ApiProduces(XLSX)
  @ApiOkResponse({ description: '案件台账（.xlsx，中文表头），筛选条件与案件列表相同', content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'The case ledger as a workbook: the cases the list shows for the same filters, oldest registration first, personal data masked as in the case view; logged (案件台账导出)' })
  async exportLedger(@CurrentViewer() viewer: Viewer, @Query() q: LedgerRequest, @ClientIp() ip: string | null, @Res({ passthrough: true }) reply: FastifyReply) {
    const ledger = await this.ledger.open(viewer, q);
    const filters = Object.entries(q)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${k === 'idNumber' ? maskIdNumber(String(v)) : k === 'phone' ? maskPhone(String(v)) : Array.isArray(v) ? v.join(',') : String(v)}`)
      .join('; ');
    const name = `案件台账-${new Date().toISOString().slice(0, 10)}.xlsx`;
    await this.securityLog.record({ kind: 'EXPORT', actorId: viewer.userId, username: viewer.username, ip, detail: { export: 'ledger.xlsx', filters, rows: ledger.count } });
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`);
    return ledgerWorkbook(ledger, filters);
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
