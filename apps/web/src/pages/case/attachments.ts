import type { Answer } from '../../api/types';

/** What GET /api/cases/:id/attachments answers: the files, and what the caller may upload. */
export type AttachmentList = Answer<'AttachmentsController_list'>;
/** An uploaded file of a case. */
export type Attachment = AttachmentList['items'][number];

export const ATTACHMENT_KIND_OPTIONS = [
  { value: 'SIGNED_SCAN', label: '签字扫描件' },
  { value: 'EVIDENCE_PHOTO', label: '证据照片' },
  { value: 'ID_COPY', label: '身份证明' },
  { value: 'DELIVERY_RECEIPT', label: '送达回证' },
  { value: 'OTHER', label: '其他' },
];

/** Events whose paper is worth keeping with them: the signed agreement, the written notices, the receipts. */
export const EVENTS_WITH_FILES: Record<string, string> = {
  SIGN_WRITTEN_AGREEMENT: 'SIGNED_SCAN',
};

/** What the file picker accepts; the engine checks the content itself. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.heic,.heif,.tif,.tiff,application/pdf,image/jpeg,image/png,image/heic,image/tiff';

export function fileSize(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}

export function uploadBody(file: Blob & { name?: string }, kind: string, eventSeq?: number, note?: string): FormData {
  const form = new FormData();
  form.append('kind', kind);
  if (eventSeq !== undefined) form.append('eventSeq', String(eventSeq));
  if (note) form.append('note', note);
  // The file last: the engine reads the fields before it streams the bytes.
  form.append('file', file, file.name);
  return form;
}
