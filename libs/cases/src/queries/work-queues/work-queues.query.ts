import { Query } from '@nestjs/cqrs';
import type { IsoDate } from '@app/calendar';
import type { Viewer } from '@app/organisations';
import type { CaseSummaryView } from '../../views/case-summary-view';

export interface UnassignedCaseItem extends CaseSummaryView {
  /** The role an assignee must hold (e.g. MEDIATOR): the console lists the people to choose from by it. */
  assigneeRole: string;
  canClaim: boolean;
  canAssign: boolean;
}

export interface UnassignedCaseList {
  items: UnassignedCaseItem[];
  /** When `totalCapped`, where counting stopped (see CASE_LIST_COUNT_LIMIT). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/** 待分配: the open cases of the viewer's organisation nobody is assigned to yet, most recently changed first. */
export class ListUnassignedCasesQuery extends Query<UnassignedCaseList> {
  constructor(
    readonly viewer: Viewer,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}

export interface EscalatedDeadlineItem {
  deadlineId: string;
  label: string;
  legalBasis: string;
  dueOn: IsoDate;
  /** Calendar days since the last day of the period (China time). */
  daysOverdue: number;
  escalatedAt: string | null;
  case: { id: string; caseNo: string; workflowId: string; state: string; stateLabel: string };
  org: { id: string; name: string };
}

export interface EscalatedDeadlineList {
  items: EscalatedDeadlineItem[];
  /** When `totalCapped`, where counting stopped (see CASE_LIST_COUNT_LIMIT). */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
}

/**
 * 督办: the missed deadlines still running in open cases of the organisations below the viewer's (its subtree, not
 * itself), most overdue first. For the officials of a supervising organisation and administrators (every organisation).
 */
export class ListEscalatedDeadlinesQuery extends Query<EscalatedDeadlineList> {
  constructor(
    readonly viewer: Viewer,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
