import type { VisibilityFilter } from '@app/organisations';
import type { DeadlineRecord } from '@app/deadlines';
import type { CaseRecord } from '../domain/case-record';

export interface CaseListFilter {
  visibility: VisibilityFilter;
  state?: string;
  workflowId?: string;
  orgId?: string;
  regionCode?: string;
  /** Cases with a pending deadline already past due (or, when false, with none). */
  overdue?: boolean;
  assigneeId?: string;
  /** Free text on the case number, summary and party names. */
  q?: string;
  closed?: boolean;
  page: number;
  pageSize: number;
}

export interface CasePage {
  items: CaseRecord[];
  total: number;
}

/** Queries over cases for lists and dashboards. */
export abstract class CaseReadModel {
  abstract list(filter: CaseListFilter, now: Date): Promise<CasePage>;
  abstract deadlinesOf(caseIds: string[]): Promise<DeadlineRecord[]>;
}
