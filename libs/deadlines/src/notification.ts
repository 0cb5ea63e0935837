export type NotificationKind = 'REMINDER' | 'ESCALATION' | 'TRANSFER' | 'RETURNED' | 'RISK' | 'SUPERVISION';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  REMINDER: '期限提醒',
  ESCALATION: '逾期督办',
  TRANSFER: '移送待签收',
  RETURNED: '移送被退回',
  RISK: '激化风险报告',
  SUPERVISION: '综治中心督办',
};

/**
 * A message to an organisation about one deadline: a reminder before it falls due (to the handling organisation) or
 * an escalation once it is missed (督办, to the organisation supervising the handling one). At most one of each kind
 * per deadline.
 */
export interface Notification {
  id: string;
  orgId: string;
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

/** Reading and acknowledging an organisation's notifications. Written by the deadline worker through `DeadlineStore`. */
export abstract class NotificationStore {
  abstract list(orgId: string, options: { unreadOnly: boolean; page: number; pageSize: number }): Promise<NotificationPage>;
  /** Marks a notification of `orgId` read (keeping the first reading); null when it is not one of that organisation's. */
  abstract markRead(id: string, orgId: string, userId: string, at: Date): Promise<NotificationWithCase | null>;
}
