import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { TransitionResult } from '../../domain/apply-transition';

/** A person sends one workflow event to a case (POST /api/cases/:id/events). */
export class ApplyCaseEventCommand extends Command<TransitionResult> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly type: string,
    readonly data: Record<string, unknown>,
    /** The versions If-Match names (strong tags only); undefined: no precondition. */
    readonly ifMatch?: readonly number[],
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}
