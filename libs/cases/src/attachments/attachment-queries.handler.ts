import { createHash } from 'node:crypto';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditStore } from '@app/audit';
import { DirectoryService, Jurisdiction, type Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { CaseNotFoundError } from '../domain/case.errors';
import type { CaseRecord } from '../domain/case-record';
import { CaseStore } from '../ports/case-store.port';
import { AttachmentSettings, AttachmentTamperedError } from './attachment';
import { AttachmentStore } from './attachment-store.port';
import { attachmentVocabulary, presentAttachment, type AttachmentList } from './attachment-view';
import { GetAttachmentContentQuery, ListAttachmentsQuery } from './attachment.queries';

/**
 * The case's files, then those of each case it was transferred from that the caller may read (the dossier that came
 * with it: the court reads the village's signed agreement), each with where it is kept.
 */
@QueryHandler(ListAttachmentsQuery)
export class ListAttachmentsHandler implements IQueryHandler<ListAttachmentsQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly attachments: AttachmentStore,
    private readonly settings: AttachmentSettings,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, caseId }: ListAttachmentsQuery): Promise<AttachmentList> {
    const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(caseId)]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    const sourceIds = loaded.record.links.filter((l) => l.direction === 'FROM').map((l) => l.caseId);
    const sources = (await this.store.loadMany(sourceIds)).map((s) => s.record).filter((r) => jurisdiction.canRead(viewer, r));
    const owners = new Map<string, CaseRecord>([loaded.record, ...sources].map((r) => [r.id, r]));
    const rows = await this.attachments.list([...owners.keys()]);
    const items = rows.map((row) => {
      const owner = owners.get(row.caseId)!;
      return presentAttachment(row, { caseNo: owner.caseNo, def: this.registry.get(owner.workflowId, owner.workflowVersion) }, owner.id !== caseId, directory);
    });
    // Own files first, then the dossier's; oldest first within each.
    items.sort((a, b) => Number(a.fromTransfer) - Number(b.fromTransfer));
    return { items, canUpload: jurisdiction.canAct(viewer, loaded.record) && !viewer.roles.includes('AUDITOR'), ...attachmentVocabulary(this.settings) };
  }
}

@QueryHandler(GetAttachmentContentQuery)
export class GetAttachmentContentHandler implements IQueryHandler<GetAttachmentContentQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly attachments: AttachmentStore,
    private readonly directoryService: DirectoryService,
    private readonly audit: AuditStore,
  ) {}

  async execute({ viewer, caseId, attachmentId }: GetAttachmentContentQuery) {
    await this.readable(viewer, caseId);
    const record = await this.attachments.find(caseId, attachmentId);
    if (!record) throw new NotFoundError('Attachment', '附件', attachmentId);
    // The hash to trust is the chained one: a row rewritten to match forged bytes still disagrees with its audit entry.
    const entry = (await this.audit.history(caseId)).find((e) => e.seq === record.seq);
    const chained = entry?.type === 'ATTACHMENT_ADDED' && entry.data.attachmentId === record.id ? String(entry.data.sha256) : null;
    const content = await this.attachments.readContent(record.storage, record.sha256);
    // Bytes changed or lost since the upload would be handed out as evidence: refuse rather than serve them.
    if (!content || chained === null || createHash('sha256').update(content).digest('hex') !== chained) throw new AttachmentTamperedError(record.id, chained ?? record.sha256);
    return { record, content };
  }

  private async readable(viewer: Viewer, caseId: string): Promise<void> {
    const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(caseId)]);
    if (!loaded || !new Jurisdiction(directory).canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
  }
}
