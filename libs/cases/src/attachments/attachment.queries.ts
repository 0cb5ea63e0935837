import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { AttachmentList } from './attachment-view';
import type { AttachmentRecord } from './attachment';

/** The case's files, and those of the dossier that came with it (GET /api/cases/:id/attachments). */
export class ListAttachmentsQuery extends Query<AttachmentList> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
  ) {
    super();
  }
}

/** One file's bytes, checked against the SHA-256 its audit entry recorded. */
export class GetAttachmentContentQuery extends Query<{ record: AttachmentRecord; content: Buffer }> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
