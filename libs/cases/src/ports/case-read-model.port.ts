import type { VisibilityFilter } from '@app/organisations';
import type { DeadlineRecord } from '@app/deadlines';
import type { CaseRecord } from '../domain/case-record';

export interface CaseListFilter {
  visibility: VisibilityFilter;
  state?: string;
  /** Any of these states (a work queue's tagged states). */
  states?: string[];
  workflowId?: string;
  orgId?: string;
  regionCode?: string;
  /** Open cases with a pending deadline past due or a missed one still running in their state (or, when false, the rest). */
  overdue?: boolean;
  assigneeId?: string;
  /** Cases nobody is assigned to yet (the 待分配 queue). */
  unassigned?: boolean;
  /** Cases of any of these workflows. */
  workflowIds?: string[];
  /** Cases whose team this user is a current member of. */
  teamMemberId?: string;
  /** Free text on the case number, summary and party names. */
  q?: string;
  /** Cases with a party holding this resident identity number. */
  idNumber?: string;
  /** Cases with a party of this phone number. */
  phone?: string;
  closed?: boolean;
  category?: string;
  source?: string;
  /** Opened at or after this instant. */
  openedFrom?: string;
  /** Opened before this instant. */
  openedBefore?: string;
  /** Oldest registration first (the ledger), instead of the list's most recently changed first. */
  orderBy?: 'opened';
  page: number;
  pageSize: number;
  /**
   * Count the matching cases only this far (at least to the end of the page asked for); unset: count them all. An
   * exact count of a province's cases costs a scan of every match on every page.
   */
  countLimit?: number;
}

export interface CasePage {
  items: CaseRecord[];
  /** The matching cases, or where counting stopped when `totalCapped`. */
  total: number;
  /** More cases match than `total`: counting stopped at the filter's `countLimit`. */
  totalCapped: boolean;
}

/** A case pinned to one version of its workflow, as a migration lists it. */
export interface PinnedCase {
  id: string;
  caseNo: string;
  state: string;
  closed: boolean;
  version: number;
}

/** Queries over cases for lists and dashboards. */
export abstract class CaseReadModel {
  abstract list(filter: CaseListFilter, now: Date): Promise<CasePage>;
  abstract deadlinesOf(caseIds: string[]): Promise<DeadlineRecord[]>;
  /** Every case opened on, or migrated to, `version` of `workflowId`, closed ones included, oldest first. */
  abstract pinnedTo(workflowId: string, version: number): Promise<PinnedCase[]>;
}
