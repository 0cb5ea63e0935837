import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SecurityLog } from '@app/audit';
import { CaseNotFoundError } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ClientIp } from '../http/client-ip';
import { CaseDocuments, contentDisposition } from './case-documents.service';
import { CaseDocumentsResponse } from './documents.responses';

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_FOUND = '案件不存在或调用者无权查看；或该案件当前没有这种文书';

function caseId(value: string): string {
  if (!CASE_ID.test(value)) throw new CaseNotFoundError(value);
  return value.toLowerCase();
}

/** The documents of a mediation file (人民调解协议书, 调解笔录, …) as PDF, generated from the case's records. */
@ApiTags('documents 文书')
@ApiBearerAuth()
@Controller('cases/:id/documents')
export class DocumentsController {
  constructor(
    private readonly documents: CaseDocuments,
    private readonly securityLog: SecurityLog,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The documents the case’s file holds in its current state (案件文书)' })
  @ApiOkResponse({ type: CaseDocumentsResponse })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  list(@CurrentViewer() viewer: Viewer, @Param('id') id: string): Promise<CaseDocumentsResponse> {
    return this.documents.list(viewer, caseId(id));
  }

  @Get(':file')
  @ApiOperation({ summary: 'One document as PDF, with Noto Sans SC embedded (下载文书)', description: 'ID numbers, phones and addresses are in clear only for callers who see them in clear on the case page.' })
  @ApiParam({ name: 'file', example: 'agreement.pdf', description: '<kind>.pdf，kind 见 GET /api/cases/:id/documents' })
  @ApiQuery({ name: 'inline', required: false, description: 'true：在浏览器中打开（打印）；默认作为附件下载' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ description: NOT_FOUND })
  async pdf(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Param('file') file: string, @Query('inline') inline: string | undefined, @ClientIp() ip: string | null, @Res() reply: FastifyReply): Promise<void> {
    const kind = /^([a-z-]+)\.pdf$/.exec(file)?.[1];
    if (!kind) throw new NotFoundError('Document', '文书', file);
    const doc = await this.documents.pdf(viewer, caseId(id), kind);
    // Logged before the answer leaves, as a case page read in clear is.
    if (doc.revealed) {
      await this.securityLog.record({ kind: 'PERSONAL_DATA_READ', actorId: viewer.userId, username: viewer.username, ip, caseId: id.toLowerCase(), detail: { caseNo: doc.caseNo, document: kind } });
    }
    await reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(inline === 'true' ? 'inline' : 'attachment', doc.fileName, `${kind}.pdf`))
      .send(doc.bytes);
  }
}
