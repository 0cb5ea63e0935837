import { NotificationStore, type NotificationPage, type NotificationReader, type NotificationWithCase } from '@app/deadlines';
import { readOptionalInstant, readInstant, type Db } from '../db/db';

/** The reader's notifications: their organisation's (addressed to nobody in particular) and their own. */
const MINE = '((n.org_id = :orgId AND n.user_id IS NULL) OR n.user_id = :userId)';

export class SqlNotificationStore extends NotificationStore {
  constructor(private readonly db: Db) {
    super();
  }

  async list(reader: NotificationReader, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
    const unreadClause = options.unreadOnly ? ' AND n.read_at IS NULL' : '';
    const params = { orgId: reader.orgId, userId: reader.userId };
    const [counts] = await this.db.query<{ total: number; unread: number }>(`SELECT count(*) AS total, count(*) - count(n.read_at) AS unread FROM notifications n WHERE ${MINE}`, params);
    const rows = await this.db.query(
      `SELECT n.*, c.case_no FROM notifications n JOIN cases c ON c.id = n.case_id
       WHERE ${MINE}${unreadClause} ORDER BY n.created_at DESC, n.id LIMIT :limit OFFSET :offset`,
      { ...params, limit: options.pageSize, offset: (options.page - 1) * options.pageSize },
    );
    const total = options.unreadOnly ? Number(counts.unread) : Number(counts.total);
    return { items: rows.map(toNotification), total, unread: Number(counts.unread) };
  }

  async unreadCount(reader: NotificationReader): Promise<number> {
    // Two counts, each answered by its partial index, instead of one OR the planner would scan for.
    const [row] = await this.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM notifications n WHERE n.org_id = :orgId AND n.user_id IS NULL AND n.read_at IS NULL)
            + (SELECT count(*) FROM notifications n WHERE n.user_id = :userId AND n.read_at IS NULL) AS n`,
      { orgId: reader.orgId, userId: reader.userId },
    );
    return Number(row.n);
  }

  async markRead(id: string, reader: NotificationReader, at: Date): Promise<NotificationWithCase | null> {
    const params = { id, orgId: reader.orgId, userId: reader.userId };
    // The first reading is kept: acknowledging twice does not move the time the organisation was told.
    await this.db.execute(`UPDATE notifications SET read_at = :at, read_by = :userId WHERE id = :id AND ${MINE.replaceAll('n.', '')} AND read_at IS NULL`, { ...params, at });
    const rows = await this.db.query(`SELECT n.*, c.case_no FROM notifications n JOIN cases c ON c.id = n.case_id WHERE n.id = :id AND ${MINE}`, params);
    return rows.length ? toNotification(rows[0]) : null;
  }

  async markAllRead(reader: NotificationReader, at: Date): Promise<number> {
    const rows = await this.db.query(`UPDATE notifications SET read_at = :at, read_by = :userId WHERE ${MINE.replaceAll('n.', '')} AND read_at IS NULL RETURNING id`, {
      orgId: reader.orgId,
      userId: reader.userId,
      at,
    });
    return rows.length;
  }
}

function toNotification(r: Record<string, any>): NotificationWithCase {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id ?? null,
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
