import { Command } from '@nestjs/cqrs';
import type { IsoDate } from '@app/calendar';
import type { Viewer } from '@app/organisations';
import type { CaseView } from '../../views/case-view';

/** Restart a paused deadline's clock: pause `n` (1 = the deadline's first pause) ends on `to` (default today). */
export class ResumeDeadlineCommand extends Command<CaseView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly deadlineId: string,
    readonly n: number,
    readonly to: IsoDate | undefined,
    /** The versions If-Match names (strong tags only); undefined: no precondition. */
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}
