import type { NotificationKind } from '@app/deadlines';

/** What the worker did with one due deadline. */
export interface FiredDeadline {
  deadlineId: string;
  caseId: string;
  caseNo: string;
  specId: string;
  label: string;
  /** The expiry event sent to the case; null for a deadline without one (a service target), which is only marked missed. */
  event: string | null;
  /**
   * fired: the event was applied; missed: marked missed (no event); refused: the machine refused the event, the
   * deadline is closed with `reason`; skipped: no longer due when its turn came; replayed: already fired before;
   * failed: an unexpected error, retried later.
   */
  outcome: 'fired' | 'missed' | 'refused' | 'skipped' | 'replayed' | 'failed';
  reason?: string;
}

/** A notification the run created. */
export interface NotifiedDeadline {
  notificationId: string;
  kind: NotificationKind;
  deadlineId: string;
  caseId: string;
  caseNo: string;
  /** The organisation told: the handling one for a reminder, its supervisor for an escalation. */
  orgId: string;
  message: string;
}

export interface DeadlineWorkerReport {
  /** Engine time of the run. */
  ranAt: string;
  today: string;
  fired: FiredDeadline[];
  reminders: NotifiedDeadline[];
  escalations: NotifiedDeadline[];
  /** Paused deadlines whose estimated due date moved with the days paused. */
  pausedRecomputed: number;
  outboxDelivered: number;
  /** Another process imported a holiday notice since the last run, and this one reloaded it. */
  calendarReloaded: boolean;
}
