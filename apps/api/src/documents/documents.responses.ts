import { ApiProperty } from '@nestjs/swagger';

export class CaseDocumentResponse {
  @ApiProperty({ example: 'agreement', description: '文书种类，下载地址为 /api/cases/:id/documents/<kind>.pdf' }) kind!: string;
  @ApiProperty({ example: '人民调解协议书' }) title!: string;
  @ApiProperty({ example: '人民调解协议书-（2026）京0101民调12号.pdf', description: '下载时的文件名' }) fileName!: string;
  @ApiProperty({ example: '/api/cases/0b6f…/documents/agreement.pdf' }) href!: string;
  @ApiProperty({ type: Number, nullable: true, example: 7, description: '生成该文书的办理记录序号；不由特定事件生成的文书为 null' }) producedBySeq!: number | null;
  @ApiProperty({ type: String, nullable: true, description: '该办理记录登记的文书 SHA-256（承办单位所持、个人信息未隐藏的文本）' }) sha256!: string | null;
}

export class CaseDocumentsResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '调用者查看时个人信息是否隐藏（身份证号码、电话、住址）' }) personalDataMasked!: boolean;
  @ApiProperty({ type: [CaseDocumentResponse] }) documents!: CaseDocumentResponse[];
}
