import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';

export interface SupervisedDeadline {
  id: string;
  specId: string;
  label: string;
  dueOn: string;
  status: string;
  legalBasis: string;
  soft: boolean;
}

export interface SupervisionView {
  code: string;
  /** The centre's own cases of the dispute, from which the others were dispatched. */
  centreCases: { id: string; caseNo: string; state: string; stateLabel: string }[];
  cases: {
    id: string;
    caseNo: string;
    workflow: { id: string; title: string };
    orgId: string;
    orgName: string;
    state: string;
    stateLabel: string;
    closed: boolean;
    openedAt: string;
    /** Deadlines still running and those missed: what 督办 watches. */
    deadlines: SupervisedDeadline[];
    /** A deadline missed, or past its day and not yet marked by the worker. */
    overdue: boolean;
  }[];
}

/** 跟踪督办: every case of a dispute the caller's 综治中心 oversees, with its running and missed deadlines. */
export class GetSupervisionQuery extends Query<SupervisionView> {
  constructor(
    readonly viewer: Viewer,
    readonly code: string,
  ) {
    super();
  }
}
