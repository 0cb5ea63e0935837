import { Command } from '@nestjs/cqrs';
import type { PeriodUnit } from '@app/calendar';
import type { Viewer } from '@app/organisations';
import type { CaseView } from '../../views/case-view';

export interface ExtendDeadlineInput {
  amount: number;
  /** A day extension of a working-day deadline counts working days. */
  unit: PeriodUnit;
  reason: string;
  /** The approving official: a user id of the directory, or a name as written on the approval. */
  approvedBy: string;
}

/** Extend a deadline with approval (延长, e.g. +30 日 by the head of the reconsideration organ). */
export class ExtendDeadlineCommand extends Command<CaseView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly deadlineId: string,
    readonly input: ExtendDeadlineInput,
    /** The versions If-Match names (strong tags only); undefined: no precondition. */
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}
