import { Body, Controller, Headers, HttpCode, Param, Post, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiHeader, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiPreconditionFailedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AssignCaseCommand, CaseNotFoundError, ClaimCaseCommand, ReassignCaseCommand, type AssignmentView } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { etag, parseIfMatch } from '../http/headers';
import { AssignCaseRequest, ReassignCaseRequest } from './queues.requests';
import { AssignmentResponse } from './queues.responses';

class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) throw new CaseNotFoundError(value);
    return value.toLowerCase();
  }
}
const uuid = new CaseIdPipe();
const IF_MATCH = { name: 'If-Match', required: false, description: '案件版本（ETag）；不匹配时返回 412' };

/** 认领、分配、改派: facts of the case written into its audit chain, each behind the conditional version update. */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseAssignmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post('claim')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take an unassigned case of one’s own organisation (认领案件)', description: '承办单位具有承办角色（如调解员）的人员认领尚无承办人的案件。' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiForbiddenResponse({ description: '不具有承办角色，或不是承办单位的人员' })
  @ApiNotFoundResponse({ description: '案件不存在或不在辖区内' })
  @ApiConflictResponse({ description: '案件已有承办人或已办结' })
  @ApiPreconditionFailedResponse({ description: 'If-Match 与案件版本不符' })
  async claim(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @Headers('if-match') ifMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<AssignmentView> {
    return withEtag(reply, await this.commands.execute(new ClaimCaseCommand(viewer, id, parseIfMatch(ifMatch))));
  }

  @Post('assign')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give an unassigned case to a person of the organisation (分配承办人)', description: '调委会主任等负责人分配；被分配的人收到通知。' })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiBadRequestResponse({ description: 'userId 不是承办单位具有承办角色的在岗人员' })
  @ApiForbiddenResponse({ description: '只有承办单位的负责人可以分配' })
  @ApiNotFoundResponse({ description: '案件不存在或不在辖区内' })
  @ApiConflictResponse({ description: '案件已有承办人（请改派）或已办结' })
  @ApiPreconditionFailedResponse({ description: 'If-Match 与案件版本不符' })
  async assign(
    @CurrentViewer() viewer: Viewer,
    @Param('id', uuid) id: string,
    @Body() body: AssignCaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentView> {
    return withEtag(reply, await this.commands.execute(new AssignCaseCommand(viewer, id, body.userId, parseIfMatch(ifMatch))));
  }

  @Post('reassign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move an assigned case to another person, with the reason; a recusal names the party who asked (改派承办人、回避)',
    description: 'reasonKind：WORKLOAD 工作调整、RECUSAL 当事人申请回避（partyId 必填）、OTHER 其他原因；reason 必填。',
  })
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: AssignmentResponse })
  @ApiBadRequestResponse({ description: 'userId、reasonKind、reason 或 partyId 不合要求，problem details 的 errors 逐项指明' })
  @ApiForbiddenResponse({ description: '只有承办单位的负责人可以改派' })
  @ApiNotFoundResponse({ description: '案件不存在或不在辖区内' })
  @ApiConflictResponse({ description: '案件尚无承办人（请分配）或已办结' })
  @ApiPreconditionFailedResponse({ description: 'If-Match 与案件版本不符' })
  async reassign(
    @CurrentViewer() viewer: Viewer,
    @Param('id', uuid) id: string,
    @Body() body: ReassignCaseRequest,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AssignmentView> {
    const input = { userId: body.userId, reasonKind: body.reasonKind, reason: body.reason, ...(body.partyId !== undefined ? { partyId: body.partyId } : {}) };
    return withEtag(reply, await this.commands.execute(new ReassignCaseCommand(viewer, id, input, parseIfMatch(ifMatch))));
  }
}

function withEtag(reply: FastifyReply, view: AssignmentView): AssignmentView {
  reply.header('etag', etag(view.version));
  return view;
}
