import { Query } from '@nestjs/cqrs';
import type { DeadlineStatus } from '@app/deadlines';
import type { Viewer } from '@app/organisations';
import type { DeadlineView } from '../../views/case-view';

export interface ListDeadlinesFilters {
  status?: DeadlineStatus;
  /** Overdue now: pending past due, or missed while the case is still in the state that set it. */
  overdue?: boolean;
  /** Pending and due within this many days from today (0: today). */
  dueWithinDays?: number;
  /** One item per case, its matching deadline due first; `total` counts cases (the work queue's 即将到期). */
  perCase?: boolean;
  /** This organisation's deadlines and those of the organisations it supervises. */
  orgId?: string;
  caseId?: string;
  page: number;
  pageSize: number;
}

export interface DeadlineListItem extends DeadlineView {
  case: { id: string; caseNo: string; workflowId: string; state: string; stateLabel: string; closed: boolean };
  org: { id: string; name: string };
  remindedAt: string | null;
  escalatedAt: string | null;
  firedAt: string | null;
  closedAt: string | null;
  /** What the worker did with it, e.g. `fired JC_WINDOW_EXPIRED`, or why it could not. */
  workerOutcome: string | null;
}

/** Deadline lists count as far as the case list does (CASE_LIST_COUNT_LIMIT). */
export const DEADLINE_LIST_COUNT_LIMIT = 1000;

export interface DeadlineListView {
  items: DeadlineListItem[];
  /** The matches; when `totalCapped`, where counting stopped (1000, or the end of the page asked for if later). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** Deadlines the viewer may see, across cases: the per-organisation overdue list supervisors work from (督办). */
export class ListDeadlinesQuery extends Query<DeadlineListView> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: ListDeadlinesFilters,
  ) {
    super();
  }
}
