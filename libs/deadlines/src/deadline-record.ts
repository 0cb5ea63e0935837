import type { Extension, IsoDate, Period } from '@app/calendar';

export type DeadlineStatus = 'pending' | 'met' | 'missed' | 'cancelled';

export const DEADLINE_STATUS_LABELS: Record<DeadlineStatus, string> = {
  pending: '进行中',
  met: '按期完成',
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
  /** Dotted id of the state node that declared it (`registered`, `trial`, `trial.simple`). */
  state: string;
  /**
   * The state nodes the period runs through: the declaring node and its `runsThrough`. It runs while any of them is
   * active (a compound state is active while any of its descendants is) and ends when the case leaves them all.
   */
  span: string[];
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
  pauses: DeadlinePause[];
  extensions: DeadlineExtension[];
  createdAt: string;
  closedAt: string | null;
  firedAt: string | null;
  remindedAt: string | null;
  escalatedAt: string | null;
}

/**
 * A tolled segment (中止/扣除) as recorded on a deadline: the clock stops on the days after `from` up to and including
 * `to`. `to` is null while the pause lasts; the due date is then only an estimate and the worker leaves the deadline
 * alone until the pause ends.
 */
export interface DeadlinePause {
  from: IsoDate;
  to: IsoDate | null;
  reason: string;
  /** User id of who recorded the pause, and when. */
  recordedBy: string;
  recordedAt: string;
  endedBy?: string;
  endedAt?: string;
}

/** An approved extension (延长), with the official who approved it. */
export interface DeadlineExtension extends Extension {
  reason: string;
  /** Name of the approving official (as recorded, or the display name of `approvedById`). */
  approvedBy: string;
  approvedById: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface DeadlineClosure {
  id: string;
  status: Exclude<DeadlineStatus, 'pending'>;
  closedAt: string;
  /** Set when the deadline worker closes it by firing its expiry event: the one firing of the deadline. */
  firedAt?: string;
  /** What the worker did, e.g. `fired JC_WINDOW_EXPIRED`. */
  outcome?: string;
  /** The pauses as they stand when it closes, when the closing event also ended one (a row is written once). */
  pauses?: DeadlinePause[];
}

/** A change to a pending deadline written with a case commit: a pause, a resumption, an extension, a recomputation. */
export interface DeadlineUpdate {
  id: string;
  dueOn: IsoDate;
  dueAt: string;
  provisional: boolean;
  pauses?: DeadlinePause[];
  extensions?: DeadlineExtension[];
}

/**
 * `dueAt` of a deadline whose pause is still running: no instant, so the worker never fires it and no reminder is
 * sent until the pause ends and the due date is known again.
 */
export const PAUSED_DUE_AT = '9999-12-31T15:59:59.999Z';

/** The pause still running on a deadline, if any. */
export function openPause(record: Pick<DeadlineRecord, 'pauses'>): DeadlinePause | undefined {
  return record.pauses.find((p) => p.to === null);
}
