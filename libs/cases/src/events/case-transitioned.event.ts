/** Published after a case transition (or opening) commits. Handlers must not be needed for correctness. */
export class CaseTransitionedEvent {
  constructor(
    readonly caseId: string,
    readonly version: number,
    readonly type: string,
    readonly from: string | null,
    readonly to: string,
    /** The transition queued messages to other cases. */
    readonly hasOutbox: boolean,
  ) {}
}
