export type NotificationKind = 'REMINDER' | 'ESCALATION' | 'TRANSFER' | 'RETURNED' | 'RISK' | 'SUPERVISION' | 'ASSIGNED';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REMINDER: '期限提醒',
  ESCALATION: '逾期督办',
  TRANSFER: '移送待签收',
  RETURNED: '移送被退回',
  RISK: '激化风险报告',
  SUPERVISION: '综治中心督办',
  ASSIGNED: '案件分配给您',
};

/**
 * A message to an organisation: about one deadline — a reminder before it falls due (to the handling organisation) or
 * an escalation once it is missed (督办, to the organisation supervising the handling one), at most one of each kind
 * per deadline — or about a case (a transfer, a return, a risk report, 督办 of a dispatched case, an assignment).
 * It is addressed to the holders of some roles there (`roles`), to one person (`userId`), or, written before roles
 * were named, to the whole organisation.
 */
export interface Notification {
  id: string;
  orgId: string;
  /** Set for a notification to one person (a case assigned to them); null for one to the whole organisation. */
  userId?: string | null;
  /**
   * The roles it is for in the organisation (the committee's directors, the court's clerks): each holder reads it for
   * themselves. Null for one to a person, or to everyone there.
   */
  roles?: string[] | null;
  caseId: string;
  /** The deadline a reminder or escalation is about; null for transfers and risk reports. */
  deadlineId: string | null;
  kind: NotificationKind;
  /** In Chinese, complete in itself: case number, deadline, due date, legal basis. */
  message: string;
  createdAt: string;
  readAt: string | null;
  readBy: string | null;
}

export interface NotificationWithCase extends Notification {
  caseNo: string;
}

export interface NotificationPage {
  items: NotificationWithCase[];
  total: number;
  unread: number;
}

/** Whom a list is for: the person, their organisation, and the roles they hold there. */
export interface NotificationReader {
  orgId: string;
  userId: string;
  roles: readonly string[];
}

/**
 * Reading and acknowledging notifications. A reader sees those addressed to them, to one of their roles in their
 * organisation, and to their whole organisation. One addressed to roles is read by each holder for themselves; one to
 * the whole organisation is read once for it (the first reading is kept). Written by the deadline worker through
 * `DeadlineStore` and by case commits.
 */
export abstract class NotificationStore {
  abstract list(reader: NotificationReader, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage>;
  /** How many of the reader's notifications are unread: one indexed count, cheap enough to poll. */
  abstract unreadCount(reader: NotificationReader): Promise<number>;
  /** Marks one of the reader's notifications read (keeping the first reading); null when it is not one of theirs. */
  abstract markRead(id: string, reader: NotificationReader, at: Date): Promise<NotificationWithCase | null>;
  /** Marks every unread notification of the reader read; returns how many it marked. */
  abstract markAllRead(reader: NotificationReader, at: Date): Promise<number>;
}
