import { AttachmentStore, type AttachmentRecord, type AttachmentStorage } from '@app/cases';
import type { Db } from '../db/db';
import { toAttachment } from './attachment-rows';
import type { DirectoryAttachmentContents } from './directory-attachment-contents';

/**
 * Attachment rows in the database; the bytes in `attachment_contents` (bytea on PostgreSQL, blob on SQLite), or in
 * a directory when one is configured. Each row says where its bytes went, so files kept before a change of setting
 * stay readable.
 */
export class SqlAttachmentStore extends AttachmentStore {
  constructor(
    private readonly db: Db,
    private readonly directory: DirectoryAttachmentContents | null,
  ) {
    super();
  }

  async saveContent(sha256: string, bytes: Buffer): Promise<AttachmentStorage> {
    if (this.directory) {
      await this.directory.save(sha256, bytes);
      return 'directory';
    }
    await this.db.execute('INSERT INTO attachment_contents (sha256, size, content) VALUES (:sha256, :size, :content) ON CONFLICT (sha256) DO NOTHING', {
      sha256,
      size: bytes.length,
      content: bytes,
    });
    return 'database';
  }

  async readContent(storage: AttachmentStorage, sha256: string): Promise<Buffer | null> {
    if (storage === 'directory') {
      if (!this.directory) throw new Error('An attachment is kept in a directory, but FENGQIAO_ATTACHMENTS_DIR is not set');
      return this.directory.read(sha256);
    }
    const [row] = await this.db.query<{ content: Buffer | Uint8Array }>('SELECT content FROM attachment_contents WHERE sha256 = :sha256', { sha256 });
    return row ? Buffer.from(row.content) : null;
  }

  async list(caseIds: string[]): Promise<AttachmentRecord[]> {
    if (!caseIds.length) return [];
    const rows = await this.db.query('SELECT * FROM attachments WHERE case_id IN (:...caseIds) ORDER BY uploaded_at, seq', { caseIds });
    return rows.map(toAttachment);
  }

  async find(caseId: string, attachmentId: string): Promise<AttachmentRecord | null> {
    const [row] = await this.db.query('SELECT * FROM attachments WHERE case_id = :caseId AND id = :attachmentId', { caseId, attachmentId });
    return row ? toAttachment(row) : null;
  }
}
