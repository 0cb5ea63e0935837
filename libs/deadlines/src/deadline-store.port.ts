import type { IsoDate } from '@app/calendar';
import type { DeadlineRecord, DeadlineStatus, DeadlineUpdate } from './deadline-record';
import type { Notification, NotificationKind } from './notification';

/** A deadline with the facts about its case the worker and the lists need. */
export interface DeadlineWithCase extends DeadlineRecord {
  /** How often firing it failed with an unexpected error (not counting refusals, which close it). */
  fireAttempts: number;
  fireOutcome: string | null;
  case: { id: string; caseNo: string; workflowId: string; workflowVersion: number; state: string; closed: boolean; orgId: string; regionCode: string };
}

/** Which deadlines a list shows. The visibility comes from `Jurisdiction.filter`. */
export interface DeadlineListFilter {
  visibility: { kind: 'all' } | { kind: 'region'; prefix: string } | { kind: 'orgs'; orgIds: string[] };
  /** Deadlines of these organisations only (an organisation and the ones it supervises). */
  orgIds?: string[];
  caseId?: string;
  status?: DeadlineStatus;
  /**
   * true: overdue now — pending past its due instant, or missed while the case is still in the state that set it
   * (a soft target such as D-PM1 after the worker marked it). false: anything else.
   */
  overdue?: boolean;
  /** Pending and due on or before this day. */
  dueBy?: IsoDate;
  /** One row per case, its matching deadline due first; `total` then counts cases. */
  perCase?: boolean;
  page: number;
  pageSize: number;
  /** Count the matches only this far (at least to the end of the page asked for); unset: count them all. */
  countLimit?: number;
}

/** A page of a deadline list. */
export interface DeadlinePage {
  items: DeadlineWithCase[];
  /** The matches, or where counting stopped when `totalCapped`. */
  total: number;
  /** More match than `total`: counting stopped at the filter's `countLimit`. */
  totalCapped: boolean;
}

/** A notification to create together with marking its deadline reminded or escalated; null marks it without one. */
export interface PendingNotification {
  deadlineId: string;
  notification: Notification | null;
}

/**
 * The deadline worker's view of the deadlines table. Claims are leases in wall-clock time: a process that dies
 * mid-batch loses its claim when the lease runs out, and another process takes the rows over. Every state change
 * here is conditional on the row still being in the state the caller saw, so two processes never both act.
 */
export abstract class DeadlineStore {
  /**
   * Claims up to `limit` pending deadlines due at `now` (engine time) that no live lease holds: on PostgreSQL with
   * `FOR UPDATE SKIP LOCKED`, so concurrent claims never return the same row.
   */
  abstract claimDue(now: Date, worker: string, leaseUntil: Date, limit: number): Promise<DeadlineWithCase[]>;
  /** Marks still-pending deadlines missed (those without an expiry event) and returns the ids it changed. */
  abstract markMissed(ids: string[], at: Date): Promise<string[]>;
  /** Closes a still-pending deadline the worker could not fire, recording why. */
  abstract closeUnfired(id: string, at: Date, outcome: string): Promise<boolean>;
  /** Records a failed attempt; the lease is kept until `retryAfter`, so the next attempt waits. Returns the attempt count. */
  abstract recordFailure(id: string, error: string, retryAfter: Date): Promise<number>;
  /** Gives a claim back (the deadline was not due after all, e.g. extended meanwhile). */
  abstract release(ids: string[]): Promise<void>;

  /** Pending deadlines due after `now` and before the instant `before`, not reminded yet. */
  abstract dueForReminder(now: Date, before: Date, limit: number): Promise<DeadlineWithCase[]>;
  /** Missed soft deadlines (service targets) whose supervisor was not told yet. */
  abstract missedUnescalated(limit: number): Promise<DeadlineWithCase[]>;
  /**
   * Stamps `reminded_at` (REMINDER) or `escalated_at` (ESCALATION) on deadlines where it is still empty and inserts
   * their notifications, in one transaction. Returns the notifications actually created.
   */
  abstract notify(kind: NotificationKind, items: PendingNotification[], at: Date): Promise<Notification[]>;

  /** Pending deadlines with a pause still running. */
  abstract paused(): Promise<DeadlineRecord[]>;
  /** Pending deadlines to recompute after `years` were imported: provisional ones, and those whose period crosses one of them. */
  abstract recomputable(years: number[]): Promise<DeadlineRecord[]>;
  /**
   * Writes recomputed due dates of deadlines that are still pending with the due date the caller computed from
   * (`previous`), so a concurrent pause or extension is never overwritten. Returns the ids written.
   */
  abstract applyRecomputed(updates: (DeadlineUpdate & { previous: { dueOn: IsoDate; dueAt: string } })[]): Promise<string[]>;

  abstract list(filter: DeadlineListFilter, now: Date): Promise<DeadlinePage>;
}
