import type { Extension, IsoDate, Pause, Period } from '@app/calendar';

export type DeadlineStatus = 'pending' | 'met' | 'missed' | 'cancelled';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  pending: '进行中',
  met: '已遵守',
  missed: '已逾期',
  cancelled: '已取消',
};

/** A durable timer: one legal deadline of one case, from the day it starts to the day it is met, missed or cancelled. */
export interface DeadlineRecord {
  id: string;
  caseId: string;
  /** The organisation handling the case when the deadline was set: whose overdue list it lands on. */
  orgId: string;
  specId: string;
  /** The machine state that declared it. */
  state: string;
  label: string;
  period: Period;
  dayType: 'calendar' | 'working';
  legalBasis: string;
  confidence: 'V' | 'S' | 'U';
  anchorOn: IsoDate;
  dueOn: IsoDate;
  /** The instant the period ends: 24:00 China time on `dueOn`. The worker fires after it. */
  dueAt: string;
  status: DeadlineStatus;
  onExpiry: string | null;
  soft: boolean;
  /** The due date crosses a year whose holiday notice is not loaded yet; it is recomputed on import. */
  provisional: boolean;
  metBy: string[] | null;
  rollForward: boolean;
  pauses: Pause[];
  extensions: Extension[];
  createdAt: string;
  closedAt: string | null;
  firedAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
}

export interface DeadlineClosure {
  id: string;
  status: Exclude<DeadlineStatus, 'pending'>;
  closedAt: string;
}
