import type { AttachmentRecord, AttachmentStorage } from './attachment';

/**
 * The bytes of uploaded files, kept by SHA-256, and the rows describing them. Rows are written with the audit entry
 * that records the upload (`CommitPlan.attachments`); the bytes are written first, so a row never names bytes that
 * are not there, and bytes a failed commit leaves behind are only a copy nobody names.
 */
export abstract class AttachmentStore {
  /** Keeps the bytes (once per content) and says where. */
  abstract saveContent(sha256: string, bytes: Buffer): Promise<AttachmentStorage>;
  /** The bytes kept for a row, or null when they are missing. */
  abstract readContent(storage: AttachmentStorage, sha256: string): Promise<Buffer | null>;
  /** The rows of these cases, oldest first. */
  abstract list(caseIds: string[]): Promise<AttachmentRecord[]>;
  abstract find(caseId: string, attachmentId: string): Promise<AttachmentRecord | null>;
}
