import { Controller, Get, HttpCode, Param, Post, Req, Res, type PipeTransform } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '@app/organisations';
import { ValidationError } from '@app/shared';
import {
  AttachmentSettings,
  AttachmentTooLargeError,
  CaseNotFoundError,
  GetAttachmentContentQuery,
  ListAttachmentsQuery,
  UploadAttachmentCommand,
  type AttachmentList,
  type AttachmentView,
  type UploadInput,
} from '@app/cases';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { contentDisposition } from './content-disposition';
import { AttachmentListResponse, AttachmentResponse, UPLOAD_BODY } from './attachment.responses';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed case id names no case: 404 like any other unknown id. */
class CaseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new CaseNotFoundError(value);
    return value.toLowerCase();
  }
}
const uuid = new CaseIdPipe();
const PROBLEM = '问题详情（RFC 7807，中英文）';

/** Files of a case: signed scans, evidence photos, ID copies, delivery receipts. Each upload is a link of the case's audit chain. */
@ApiTags('cases 案件')
@ApiBearerAuth()
@Controller('cases/:id/attachments')
export class AttachmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly settings: AttachmentSettings,
  ) {}

  @Get()
  @ApiOperation({ summary: "The case's files, then those that came with a transfer into it (案件附件)" })
  @ApiOkResponse({ type: AttachmentListResponse })
  @ApiNotFoundResponse({ description: `案件不存在或不在调用者的管辖范围内；${PROBLEM}` })
  list(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string): Promise<AttachmentList> {
    return this.queries.execute(new ListAttachmentsQuery(viewer, id));
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Upload one file to the case, or to one of its events (eventSeq); its SHA-256 goes into the audit chain (上传附件)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY })
  @ApiCreatedResponse({ type: AttachmentResponse })
  @ApiBadRequestResponse({ description: `缺少文件、类型不受支持、kind 或 eventSeq 有误；${PROBLEM}，errors 指明字段` })
  @ApiForbiddenResponse({ description: `只有承办单位可以上传；${PROBLEM}` })
  @ApiNotFoundResponse({ description: `案件不存在或不在调用者的管辖范围内；${PROBLEM}` })
  @ApiPayloadTooLargeResponse({ description: `文件超过大小上限；${PROBLEM}，maxBytes 指明上限` })
  async upload(@CurrentViewer() viewer: Viewer, @Param('id', uuid) id: string, @Req() request: FastifyRequest): Promise<AttachmentView> {
    return this.commands.execute(new UploadAttachmentCommand(viewer, id, await this.readForm(request)));
  }

  @Get(':attachmentId')
  @ApiOperation({ summary: 'Download one file; refused when its bytes no longer match the recorded SHA-256 (下载附件)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff')
  @ApiOkResponse({
    description: '文件内容；图片 inline，其他以附件下载（Content-Disposition 含 RFC 5987 中文文件名）',
    content: Object.fromEntries(['application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/tiff'].map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
  })
  @ApiNotFoundResponse({ description: `案件或附件不存在，或不在调用者的管辖范围内；${PROBLEM}` })
  @ApiConflictResponse({ description: `存储内容与办理记录中的 SHA-256 不一致，拒绝下载；${PROBLEM}` })
  async download(
    @CurrentViewer() viewer: Viewer,
    @Param('id', uuid) id: string,
    @Param('attachmentId') attachmentId: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!UUID.test(attachmentId)) throw new CaseNotFoundError(id);
    const { record, content } = await this.queries.execute(new GetAttachmentContentQuery(viewer, id, attachmentId.toLowerCase()));
    const inline = record.mediaType.startsWith('image/');
    await reply
      .status(200)
      .header('content-type', record.mediaType)
      .header('content-length', String(content.length))
      .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', record.fileName))
      .header('x-content-type-options', 'nosniff')
      // A file is shown as what it is, never run: no scripts, no plugins, even if a viewer is fooled by its content.
      .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
      .header('etag', `"sha256-${record.sha256}"`)
      .send(content);
  }

  /** The form's fields and its one file; the file is cut off at the size limit while it streams in. */
  private async readForm(request: FastifyRequest): Promise<UploadInput> {
    const input: UploadInput = { kind: undefined, note: undefined, eventSeq: undefined, file: null };
    if (!request.isMultipart()) {
      throw new ValidationError([{ field: 'file', message: 'is required: send multipart/form-data with a "file" part', messageZh: '请以 multipart/form-data 提交，并在 file 中附上文件' }]);
    }
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            await part.toBuffer();
            continue;
          }
          input.file = { fileName: part.filename, mediaType: part.mimetype, bytes: await part.toBuffer() };
        } else if (part.fieldname === 'kind' || part.fieldname === 'note' || part.fieldname === 'eventSeq') {
          input[part.fieldname] = String(part.value);
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AttachmentTooLargeError(this.settings.maxBytes);
      if (code === 'FST_FILES_LIMIT') throw new ValidationError([{ field: 'file', message: 'must be one file per upload', messageZh: '每次只能上传一个文件' }]);
      // Anything else the parser refused (a cut-off body, a bad boundary, too many parts) is a form it cannot read.
      throw new ValidationError([{ field: 'file', message: `could not be read from the multipart form (${code ?? 'malformed'})`, messageZh: '上传的表单格式不正确，无法读取文件' }]);
    }
    return input;
  }
}
