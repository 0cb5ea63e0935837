import { DomainError } from '@app/shared';
import type { AttachmentType } from './attachment-type';

/** What a file is to the case: the kinds the console offers, with their Chinese labels. */
export const ATTACHMENT_KINDS = {
  SIGNED_SCAN: '签字扫描件',
  EVIDENCE_PHOTO: '证据照片',
  ID_COPY: '身份证明',
  DELIVERY_RECEIPT: '送达回证',
  OTHER: '其他',
} as const;
export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;

export const isAttachmentKind = (value: unknown): value is AttachmentKind => typeof value === 'string' && Object.hasOwn(ATTACHMENT_KINDS, value);

/** Where a file's bytes are kept: in the database, or in the configured directory, named by their SHA-256. */
export type AttachmentStorage = 'database' | 'directory';

/** One uploaded file of a case, as its row records it; the bytes are kept apart, by SHA-256. */
export interface AttachmentRecord {
  id: string;
  caseId: string;
  /** The audit entry (ATTACHMENT_ADDED) that records the upload. */
  seq: number;
  /** The workflow event the file belongs to (the signed agreement of SIGN_WRITTEN_AGREEMENT), if any. */
  eventSeq: number | null;
  eventType: string | null;
  kind: AttachmentKind;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  note: string | null;
  storage: AttachmentStorage;
  uploadedBy: string;
  uploadedAt: string;
}

/** Limits on uploads, from the environment (FENGQIAO_ATTACHMENTS_MAX_BYTES, FENGQIAO_ATTACHMENTS_TYPES). */
export class AttachmentSettings {
  constructor(
    readonly maxBytes: number,
    readonly types: readonly AttachmentType[],
  ) {}
}

export class AttachmentTooLargeError extends DomainError {
  readonly code = 'ATTACHMENT.TOO_LARGE';
  readonly messageZh: string;
  constructor(readonly maxBytes: number) {
    super(`The file is larger than the limit of ${formatBytes(maxBytes)} (${maxBytes} bytes)`, { maxBytes });
    this.messageZh = `文件超过大小上限 ${formatBytes(maxBytes)}（${maxBytes} 字节）`;
  }
}

/** The stored bytes no longer hash to what the audit chain recorded: they are not handed out. */
export class AttachmentTamperedError extends DomainError {
  readonly code = 'ATTACHMENT.TAMPERED';
  readonly messageZh: string;
  constructor(readonly attachmentId: string, expected: string) {
    super(`The stored file ${attachmentId} no longer matches its recorded SHA-256 ${expected}; it is not served`, { attachmentId, expected });
    this.messageZh = `附件 ${attachmentId} 的存储内容与办理记录中的 SHA-256 不一致，可能已被篡改，拒绝下载`;
  }
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Number((n / 1024 / 1024).toFixed(1))} MB`;
  if (n >= 1024) return `${Number((n / 1024).toFixed(1))} KB`;
  return `${n} B`;
}
