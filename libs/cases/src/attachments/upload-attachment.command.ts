import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { AttachmentView } from './attachment-view';

export interface UploadInput {
  kind: string | undefined;
  note: string | undefined;
  /** The seq of the workflow event (in the case's history) the file belongs to. */
  eventSeq: string | undefined;
  file: { fileName: string | undefined; mediaType: string | undefined; bytes: Buffer } | null;
}

/** Add a file to a case, or to one of its events (POST /api/cases/:id/attachments). */
export class UploadAttachmentCommand extends Command<AttachmentView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly input: UploadInput,
  ) {
    super();
  }
}
