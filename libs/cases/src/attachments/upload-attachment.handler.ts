import { createHash, randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AuditStore } from '@app/audit';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { ForbiddenError, ValidationError, type FieldError, type Role } from '@app/shared';
import { ROLE_LABELS, WorkflowRegistry, type WorkflowDefinition } from '@app/workflow';
import { CaseNotFoundError, NotHandlingOrgError } from '../domain/case.errors';
import { CASE_FACT_TYPES, RecordCaseFact } from '../domain/record-case-fact';
import { CaseStore } from '../ports/case-store.port';
import { ATTACHMENT_KINDS, AttachmentSettings, AttachmentTooLargeError, isAttachmentKind, type AttachmentRecord } from './attachment';
import { AttachmentStore } from './attachment-store.port';
import { ATTACHMENT_TYPES, checkType, cleanFileName, type AttachmentType } from './attachment-type';
import { presentAttachment, type AttachmentView } from './attachment-view';
import { UploadAttachmentCommand, type UploadInput } from './upload-attachment.command';

/** Whoever may send some event of the case's workflow may add a file to it, in the handling organisation. */
const uploaders = (def: WorkflowDefinition): Role[] => [...new Set(Object.values(def.events).flatMap((e) => e.roles))].filter((r) => r !== 'SYSTEM');

interface Checked {
  kind: keyof typeof ATTACHMENT_KINDS;
  note: string | null;
  eventSeq: number | null;
  type: AttachmentType;
  bytes: Buffer;
  fileName: string;
}

/**
 * Adds a file as the next link of the case's audit chain (ATTACHMENT_ADDED, with its SHA-256, size, type, kind and
 * name, and the event it belongs to), written with its row in one transaction. The bytes are kept first, after the
 * checks, so nothing is stored for a refused request.
 */
@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachmentCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly attachments: AttachmentStore,
    private readonly settings: AttachmentSettings,
    private readonly store: CaseStore,
    private readonly audit: AuditStore,
    private readonly directoryService: DirectoryService,
    private readonly registry: WorkflowRegistry,
  ) {}

  async execute({ viewer, caseId, input }: UploadAttachmentCommand): Promise<AttachmentView> {
    const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(caseId)]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    if (!jurisdiction.canAct(viewer, loaded.record)) throw new NotHandlingOrgError();
    // Checked again when the fact is recorded; here so that nothing is stored for a caller who may not add files.
    const roles = uploaders(this.registry.get(loaded.record.workflowId, loaded.record.workflowVersion));
    if (!roles.some((r) => viewer.roles.includes(r))) {
      throw new ForbiddenError('Only the staff handling the case may add files to it', `只有承办本案的工作人员（${roles.map((r) => ROLE_LABELS[r] ?? r).join('、')}）可以上传附件`);
    }
    const checked = this.check(input);
    const event = checked.eventSeq === null ? null : await this.eventAt(caseId, checked.eventSeq);
    const sha256 = createHash('sha256').update(checked.bytes).digest('hex');
    const storage = await this.attachments.saveContent(sha256, checked.bytes);
    const id = randomUUID();
    let written: AttachmentRecord | undefined;
    const outcome = await this.facts.execute({
      caseId,
      viewer,
      type: 'ATTACHMENT_ADDED',
      roles: uploaders,
      build: ({ record }, { now }) => {
        const row: AttachmentRecord = {
          id,
          caseId: record.id,
          seq: 0,
          eventSeq: checked.eventSeq,
          eventType: event?.type ?? null,
          kind: checked.kind,
          fileName: checked.fileName,
          mediaType: ATTACHMENT_TYPES[checked.type].mediaType,
          size: checked.bytes.length,
          sha256,
          note: checked.note,
          storage,
          uploadedBy: viewer.userId,
          uploadedAt: now.toISOString(),
        };
        const data: Record<string, unknown> = {
          attachmentId: id,
          kind: row.kind,
          kindLabel: ATTACHMENT_KINDS[row.kind],
          fileName: row.fileName,
          mediaType: row.mediaType,
          size: row.size,
          sha256,
        };
        if (row.eventSeq !== null) Object.assign(data, { eventSeq: row.eventSeq, eventType: row.eventType });
        if (row.note) data.note = row.note;
        written = row;
        return { data, deadlinesUpdated: [], attachments: [row] };
      },
    });
    return presentAttachment({ ...written!, seq: outcome.record.version }, { caseNo: outcome.record.caseNo, def: outcome.def }, false, outcome.directory);
  }

  /** Every bad field at once, as 400 naming each; a file past the limit is 413. */
  private check(input: UploadInput): Checked {
    const errors: FieldError[] = [];
    const kinds = Object.keys(ATTACHMENT_KINDS).join(', ');
    if (!isAttachmentKind(input.kind)) {
      errors.push({ field: 'kind', message: input.kind ? `must be one of ${kinds}, not "${input.kind}"` : `is required: one of ${kinds}`, messageZh: `必须是以下之一：${Object.values(ATTACHMENT_KINDS).join('、')}` });
    }
    const note = input.note?.trim() || null;
    if (note && [...note].length > 500) errors.push({ field: 'note', message: 'must be at most 500 characters', messageZh: '不能超过 500 个字' });
    let eventSeq: number | null = null;
    if (input.eventSeq !== undefined && input.eventSeq !== '') {
      if (/^[1-9]\d{0,8}$/.test(input.eventSeq)) eventSeq = Number(input.eventSeq);
      else errors.push({ field: 'eventSeq', message: 'must be the seq of an event in the case history', messageZh: '必须是本案办理记录中一项操作的序号' });
    }
    const file = input.file;
    let type: AttachmentType | null = null;
    if (!file || file.bytes.length === 0) {
      errors.push({ field: 'file', message: file ? 'is empty' : 'is required (multipart/form-data, field "file")', messageZh: file ? '是空文件' : '未选择要上传的文件' });
    } else if (file.bytes.length > this.settings.maxBytes) {
      throw new AttachmentTooLargeError(this.settings.maxBytes);
    } else {
      const result = checkType(file.bytes, file.mediaType, this.settings.types);
      if (result.ok) type = result.type;
      else errors.push({ field: 'file', message: result.message, messageZh: result.messageZh });
    }
    if (errors.length || !file || !type) throw new ValidationError(errors);
    return { kind: input.kind as Checked['kind'], note, eventSeq, type, bytes: file.bytes, fileName: cleanFileName(file.fileName, type) };
  }

  /** The workflow event a file is bound to: an entry of the case's own history that is not itself a recorded fact. */
  private async eventAt(caseId: string, seq: number): Promise<{ type: string }> {
    const entry = (await this.audit.history(caseId)).find((e) => e.seq === seq);
    if (!entry || Object.hasOwn(CASE_FACT_TYPES, entry.type)) {
      throw new ValidationError([{ field: 'eventSeq', message: `names no workflow event of this case (seq ${seq})`, messageZh: `本案办理记录中没有序号为 ${seq} 的办理操作` }]);
    }
    return { type: entry.type };
  }
}
