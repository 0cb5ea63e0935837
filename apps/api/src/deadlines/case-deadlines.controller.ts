import { Body, Controller, Headers, HttpCode, Param, ParseIntPipe, Post, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CaseNotFoundError, DeadlineNotFoundError, ExtendDeadlineCommand, PauseDeadlineCommand, ResumeDeadlineCommand, type CaseView } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { etag, parseIfMatch } from '../http/headers';
import { ExtendDeadlineRequest, PauseDeadlineRequest, ResumeDeadlineRequest } from './deadline.requests';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names nothing: 404 like any unknown id. */
const idPipe = (notFound: (id: string) => Error): PipeTransform<string, string> => ({
  transform(value: string) {
    if (!UUID.test(value)) throw notFound(value);
    return value.toLowerCase();
  },
});
const caseId = idPipe((id) => new CaseNotFoundError(id));
const deadlineId = idPipe((id) => new DeadlineNotFoundError(id));
const pauseNumber = new ParseIntPipe({ exceptionFactory: () => new NotFoundError('Pause', '中止记录', 'n') });

/**
 * Tolling (中止/扣除) and extension (延长) of a case's deadline. Each is recorded in the case's audit chain with its
 * reason (and approver), the due date is recomputed with the legal calendar, and the updated case is returned.
 * Only the handling organisation's deciding officials may do it (调委会主任, 法官, 仲裁员, 复议/信访工作人员).
 */
@ApiTags('deadlines 法定期限')
@ApiBearerAuth()
@Controller('cases/:id/deadlines/:deadlineId')
export class CaseDeadlinesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('pauses')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause (toll) a deadline with a reason; from, optional to (期限中止)' })
  @ApiHeader({ name: 'If-Match', required: false, description: '案件版本（ETag）；不一致时返回 412' })
  async pause(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Param('deadlineId', deadlineId) deadline: string,
    @Body() body: PauseDeadlineRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const view = await this.commands.execute(new PauseDeadlineCommand(viewer, id, deadline, { from: body.from, to: body.to, reason: body.reason }, parseIfMatch(ifMatch)));
    reply.header('etag', etag(view.version));
    return view;
  }

  @Post('pauses/:n/end')
  @HttpCode(200)
  @ApiOperation({ summary: 'End pause n (1 = first) and resume the clock (恢复计算)' })
  @ApiHeader({ name: 'If-Match', required: false })
  async resume(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Param('deadlineId', deadlineId) deadline: string,
    @Param('n', pauseNumber) n: number,
    @Body() body: ResumeDeadlineRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const view = await this.commands.execute(new ResumeDeadlineCommand(viewer, id, deadline, n, body.to, parseIfMatch(ifMatch)));
    reply.header('etag', etag(view.version));
    return view;
  }

  @Post('extensions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend a deadline with the approving official (期限延长)' })
  @ApiHeader({ name: 'If-Match', required: false })
  async extend(
    @CurrentViewer() viewer: Viewer,
    @Param('id', caseId) id: string,
    @Param('deadlineId', deadlineId) deadline: string,
    @Body() body: ExtendDeadlineRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CaseView> {
    const view = await this.commands.execute(
      new ExtendDeadlineCommand(viewer, id, deadline, { amount: body.amount, unit: body.unit, reason: body.reason, approvedBy: body.approvedBy }, parseIfMatch(ifMatch)),
    );
    reply.header('etag', etag(view.version));
    return view;
  }
}
