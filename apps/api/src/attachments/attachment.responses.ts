import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ATTACHMENT_KINDS } from '@app/cases';

class UploaderResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '王调解员（枫源村）' }) name!: string;
}

export class AttachmentResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid', description: '附件所属案件：本案，或移交来源案件（随卷材料）' }) caseId!: string;
  @ApiProperty({ example: '（2025）枫源调字第1号' }) caseNo!: string;
  @ApiProperty({ description: 'true：随移交卷宗而来，属于来源案件' }) fromTransfer!: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '所属办理操作在办理记录中的序号' }) eventSeq!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: 'SIGN_WRITTEN_AGREEMENT' }) eventType!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '签订书面调解协议' }) eventLabel!: string | null;
  @ApiProperty({ enum: Object.keys(ATTACHMENT_KINDS) }) kind!: string;
  @ApiProperty({ example: '签字扫描件' }) kindLabel!: string;
  @ApiProperty({ example: '调解协议书（签字）.pdf' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: '按文件内容识别的类型' }) mediaType!: string;
  @ApiProperty({ description: '字节数' }) size!: number;
  @ApiProperty({ description: '文件内容的 SHA-256（十六进制），同时记入办理记录的哈希链' }) sha256!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: UploaderResponse }) uploadedBy!: UploaderResponse;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ description: '记录此次上传的办理记录序号（ATTACHMENT_ADDED）' }) seq!: number;
  @ApiProperty({ example: '/api/cases/…/attachments/…' }) downloadUrl!: string;
}

class CodeLabel {
  @ApiProperty() code!: string;
  @ApiProperty() label!: string;
}

class MediaTypeLabel {
  @ApiProperty({ example: 'application/pdf' }) mediaType!: string;
  @ApiProperty({ example: 'PDF' }) label!: string;
}

export class AttachmentListResponse {
  @ApiProperty({ type: [AttachmentResponse], description: '本案附件在前，随移交卷宗而来的附件在后，各按上传时间' }) items!: AttachmentResponse[];
  @ApiProperty({ description: '调用者能否向本案上传附件' }) canUpload!: boolean;
  @ApiProperty({ type: [CodeLabel] }) kinds!: CodeLabel[];
  @ApiProperty({ type: [MediaTypeLabel], description: '接受的文件类型' }) types!: MediaTypeLabel[];
  @ApiProperty({ description: '单个文件的大小上限（字节）' }) maxBytes!: number;
}

export const UPLOAD_BODY = {
  type: 'object',
  required: ['file', 'kind'],
  properties: {
    file: { type: 'string', format: 'binary', description: '一个文件：PDF、JPEG、PNG、HEIC 或 TIFF（按内容识别）' },
    kind: { type: 'string', enum: Object.keys(ATTACHMENT_KINDS), description: Object.entries(ATTACHMENT_KINDS).map(([k, v]) => `${k} ${v}`).join('；') },
    note: { type: 'string', maxLength: 500 },
    eventSeq: { type: 'integer', minimum: 1, description: '所属办理操作的序号（如签订书面调解协议），见 GET /api/cases/:id/history' },
  },
};
