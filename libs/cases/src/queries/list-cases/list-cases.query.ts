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

export interface CaseListView {
  items: CaseSummaryView[];
  total: number;
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
