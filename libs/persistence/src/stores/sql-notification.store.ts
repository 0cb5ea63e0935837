import { NotificationStore, type NotificationPage, type NotificationWithCase } from '@app/deadlines';
import { readOptionalInstant, readInstant, type Db } from '../db/db';

export class SqlNotificationStore extends NotificationStore {
  constructor(private readonly db: Db) {
    super();
  }

  async list(orgId: string, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
    const unreadClause = options.unreadOnly ? ' AND n.read_at IS NULL' : '';
    const [counts] = await this.db.query<{ total: number; unread: number }>(
      `SELECT count(*) AS total, count(*) - count(n.read_at) AS unread FROM notifications n WHERE n.org_id = :orgId`,
      { orgId },
    );
    const rows = await this.db.query(
      `SELECT n.*, c.case_no FROM notifications n JOIN cases c ON c.id = n.case_id
       WHERE n.org_id = :orgId${unreadClause} ORDER BY n.created_at DESC, n.id LIMIT :limit OFFSET :offset`,
      { orgId, limit: options.pageSize, offset: (options.page - 1) * options.pageSize },
    );
    const total = options.unreadOnly ? Number(counts.unread) : Number(counts.total);
    return { items: rows.map(toNotification), total, unread: Number(counts.unread) };
  }

  async markRead(id: string, orgId: string, userId: string, at: Date): Promise<NotificationWithCase | null> {
    // The first reading is kept: acknowledging twice does not move the time the organisation was told.
    await this.db.execute(
      'UPDATE notifications SET read_at = :at, read_by = :userId WHERE id = :id AND org_id = :orgId AND read_at IS NULL',
      { id, orgId, userId, at },
    );
    const rows = await this.db.query('SELECT n.*, c.case_no FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.id = :id AND n.org_id = :orgId', { id, orgId });
    return rows.length ? toNotification(rows[0]) : null;
  }
}

function toNotification(r: Record<string, any>): NotificationWithCase {
  return {
    id: r.id,
    orgId: r.org_id,
    caseId: r.case_id,
    caseNo: r.case_no,
    deadlineId: r.deadline_id,
    kind: r.kind,
    message: r.message,
    createdAt: readInstant(r.created_at),
    readAt: readOptionalInstant(r.read_at),
    readBy: r.read_by ?? null,
  };
}
