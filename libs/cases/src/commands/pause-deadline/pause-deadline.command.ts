import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@app/calendar';
import type { Viewer } from '@app/organisations';
import type { CaseView } from '../../views/case-view';

export interface PauseDeadlineInput {
  /** The clock stops on the days after `from`. */
  from: IsoDate;
  /** Last paused day, when already known (e.g. an appraisal that is over); otherwise the pause runs until resumed. */
  to?: IsoDate;
  reason: string;
}

/** Stop a deadline's clock (中止/扣除, e.g. appraisal time, hearing time at 信访复核). */
export class PauseDeadlineCommand extends Command<CaseView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly deadlineId: string,
    readonly input: PauseDeadlineInput,
    /** The versions If-Match names (strong tags only); undefined: no precondition. */
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}
