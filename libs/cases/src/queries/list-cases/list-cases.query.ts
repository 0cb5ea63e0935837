import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { CaseSummaryView } from '../../views/case-summary-view';

export interface ListCasesFilters {
  state?: string;
  workflow?: string;
  orgId?: string;
  regionCode?: string;
  overdue?: boolean;
  assignee?: 'me';
  /** Only the cases whose team (联合调解) the caller is a member of. */
  team?: 'mine';
  /** A work queue declared by a channel manifest (its id). */
  queue?: string;
  closed?: boolean;
  q?: string;
  /** A party's resident identity number, matched exactly. */
  idNumber?: string;
  /** A party's phone number, matched exactly. */
  phone?: string;
  category?: string;
  /** The intake source (来源). */
  source?: string;
  /** The assigned mediator: a user id, or `me`. */
  mediator?: string;
  /** Registered on or after this day, China time (YYYY-MM-DD). */
  registeredFrom?: string;
  /** Registered on or before this day, China time. */
  registeredTo?: string;
  /** Any of these channels (workflow ids). */
  workflows?: string[];
  page: number;
  pageSize: number;
}

/** Counting stops here: past a thousand matches the exact number says nothing a reader needs, and costs a scan. */
export const CASE_LIST_COUNT_LIMIT = 1000;

export interface CaseListView {
  items: CaseSummaryView[];
  /** The matching cases; when `totalCapped`, where counting stopped (1000, or the end of the page asked for if later). */
  total: number;
  /** More cases match than `total` (the console shows 1000+). */
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

export class ListCasesQuery extends Query<CaseListView> {
  constructor(
    readonly viewer: Viewer,
    readonly filters: ListCasesFilters,
  ) {
    super();
  }
}
