import { NotificationStore, type NotificationPage, type NotificationReader, type NotificationWithCase } from '@app/deadlines';
import { readOptionalInstant, readInstant, type Db, type Params } from '../db/db';

/**
 * The reader's notifications, in three parts: their own (`user_id`), those to one of their roles in their
 * organisation (`roles`, read by each holder for themselves in `notification_reads`), and those to the whole
 * organisation (neither, read once for it in the row itself).
 */
function addressed(reader: NotificationReader): { own: string; toRoles: string; toOrg: string; params: Params } {
  const params: Params = { orgId: reader.orgId, userId: reader.userId };
  // Roles are stored as ",A,B,": one pattern per role the reader holds.
  const likes = reader.roles.map((role, i) => ((params[`role${i}`] = `%,${role},%`), `n.roles LIKE :role${i}`));
  return {
    own: 'n.user_id = :userId',
    toRoles: `(n.org_id = :orgId AND n.user_id IS NULL AND n.roles IS NOT NULL AND (${likes.length ? likes.join(' OR ') : '1 = 0'}))`,
    toOrg: '(n.org_id = :orgId AND n.user_id IS NULL AND n.roles IS NULL)',
    params,
  };
}

const MY_READING = 'LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = :userId';
/** When the reader read it: their own reading of a role's notification, the row's reading of any other. */
const READ_AT = 'CASE WHEN n.roles IS NULL THEN n.read_at ELSE r.read_at END';
const NOT_READ_BY_ME = 'NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id AND r.user_id = :userId)';

export class SqlNotificationStore extends NotificationStore {
  constructor(private readonly db: Db) {
    super();
  }

  /** PostgreSQL cannot tell the type of a parameter in a SELECT list. */
  private get instant(): string {
    return this.db.dialect === 'postgres' ? '::timestamptz' : '';
  }

  /**
   * The three parts are disjoint, so the page is the first rows of each in order (each walks its own index by time,
   * migration 1765000000000), merged: one OR of the three read and sorted every notification the reader ever had.
   */
  async list(reader: NotificationReader, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage> {
    const a = addressed(reader);
    const unreadClause = options.unreadOnly ? ` AND ${READ_AT} IS NULL` : '';
    // Counted part by part, each from its own index, as the unread count is: one OR of the three read every row.
    const [[counts], unread] = await Promise.all([
      options.unreadOnly
        ? [{ total: 0 }]
        : this.db.query<{ total: number }>(`SELECT ${[a.own, a.toRoles, a.toOrg].map((p) => `(SELECT count(*) FROM notifications n WHERE ${p})`).join(' + ')} AS total`, a.params),
      this.unreadCount(reader),
    ]);
    const offset = (options.page - 1) * options.pageSize;
    const firsts = [a.own, a.toRoles, a.toOrg].map(
      (part, i) => `SELECT * FROM (SELECT n.*, ${READ_AT} AS my_read_at, CASE WHEN n.roles IS NULL THEN n.read_by ELSE r.user_id END AS my_read_by, c.case_no
         FROM notifications n JOIN cases c ON c.id = n.case_id ${MY_READING}
         WHERE ${part}${unreadClause} ORDER BY n.created_at DESC, n.id LIMIT :upTo) p${i}`,
    );
    const rows = await this.db.query(`SELECT * FROM (${firsts.join(' UNION ALL ')}) x ORDER BY x.created_at DESC, x.id LIMIT :limit OFFSET :offset`, {
      ...a.params,
      limit: options.pageSize,
      offset,
      upTo: offset + options.pageSize,
    });
    return { items: rows.map(toNotification), total: options.unreadOnly ? unread : Number(counts.total), unread };
  }

  async unreadCount(reader: NotificationReader): Promise<number> {
    const a = addressed(reader);
    // Three counts, each answered by its own index, instead of one OR the planner would scan for.
    const [row] = await this.db.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM notifications n WHERE ${a.toOrg} AND n.read_at IS NULL)
            + (SELECT count(*) FROM notifications n WHERE ${a.own} AND n.read_at IS NULL)
            + (SELECT count(*) FROM notifications n WHERE ${a.toRoles} AND ${NOT_READ_BY_ME}) AS n`,
      a.params,
    );
    return Number(row.n);
  }

  async markRead(id: string, reader: NotificationReader, at: Date): Promise<NotificationWithCase | null> {
    const a = addressed(reader);
    const params = { ...a.params, id, at };
    await this.db.transaction(async (tx) => {
      // The first reading is kept: acknowledging twice does not move the time the reader was told.
      await tx.execute(
        `INSERT INTO notification_reads (notification_id, user_id, read_at)
         SELECT n.id, :userId, :at${this.instant} FROM notifications n WHERE n.id = :id AND ${a.toRoles}
         ON CONFLICT (notification_id, user_id) DO NOTHING`,
        params,
      );
      await tx.execute(`UPDATE notifications SET read_at = :at, read_by = :userId WHERE id = :id AND ${unaliased(`(${a.own} OR ${a.toOrg})`)} AND read_at IS NULL`, params);
    });
    const rows = await this.db.query(
      `SELECT n.*, ${READ_AT} AS my_read_at, CASE WHEN n.roles IS NULL THEN n.read_by ELSE r.user_id END AS my_read_by, c.case_no
       FROM notifications n JOIN cases c ON c.id = n.case_id ${MY_READING} WHERE n.id = :id AND (${a.own} OR ${a.toRoles} OR ${a.toOrg})`,
      params,
    );
    return rows.length ? toNotification(rows[0]) : null;
  }

  async markAllRead(reader: NotificationReader, at: Date): Promise<number> {
    const a = addressed(reader);
    const params = { ...a.params, at };
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(`UPDATE notifications SET read_at = :at, read_by = :userId WHERE ${unaliased(`(${a.own} OR ${a.toOrg})`)} AND read_at IS NULL RETURNING id`, params);
      const read = await tx.query(
        `INSERT INTO notification_reads (notification_id, user_id, read_at)
         SELECT n.id, :userId, :at${this.instant} FROM notifications n WHERE ${a.toRoles} AND ${NOT_READ_BY_ME}
         ON CONFLICT (notification_id, user_id) DO NOTHING RETURNING notification_id`,
        params,
      );
      return rows.length + read.length;
    });
  }
}

/** A condition written for `notifications n`, for a statement on the table itself. */
const unaliased = (condition: string) => condition.replaceAll('n.', '');

function toNotification(r: Record<string, any>): NotificationWithCase {
  return {
    id: r.id,
    orgId: r.org_id,
    userId: r.user_id ?? null,
    roles: r.roles ? String(r.roles).split(',').filter(Boolean) : null,
    caseId: r.case_id,
    caseNo: r.case_no,
    deadlineId: r.deadline_id,
    kind: r.kind,
    message: r.message,
    createdAt: readInstant(r.created_at),
    readAt: readOptionalInstant(r.my_read_at),
    readBy: r.my_read_by ?? null,
  };
}
