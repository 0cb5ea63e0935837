import { Command } from '@nestjs/cqrs';
import type { DeadlineRecord } from '@app/deadlines';
import type { LoadedCase } from '../../ports/case-store.port';

export interface FireDeadlineResult {
  /**
   * fired: the expiry event was applied now; replayed: it had been applied before (another process, or a retry);
   * refused: the machine does not take the event (the case moved on) — the caller closes the deadline with `reason`;
   * skipped: the deadline is no longer due (met, or extended meanwhile); error: an unexpected failure, to retry later.
   */
  outcome: 'fired' | 'replayed' | 'refused' | 'skipped' | 'error';
  reason?: string;
  error?: unknown;
}

export interface DeadlineToFire {
  deadline: Pick<DeadlineRecord, 'id' | 'caseId' | 'specId' | 'onExpiry' | 'dueOn' | 'legalBasis'>;
  /** The case as the worker read it with its batch, to spare a query per firing (a stale copy only costs a retry). */
  preloaded?: LoadedCase;
}

/**
 * The engine sends deadlines' expiry events to their cases (e.g. JC_WINDOW_EXPIRED when the 司法确认 window closes),
 * each exactly once. Results are in the order given.
 */
export class FireDeadlinesCommand extends Command<FireDeadlineResult[]> {
  constructor(readonly deadlines: DeadlineToFire[]) {
    super();
  }
}
