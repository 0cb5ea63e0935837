/** Published after a change to a case commits: an event applied, a case opened, a fact recorded. Handlers must not be needed for correctness. */
export class CaseChangedEvent {
  constructor(
    readonly caseId: string,
    readonly version: number,
    readonly type: string,
    readonly from: string | null,
    readonly to: string,
    /** The change queued messages to other cases. */
    readonly hasOutbox: boolean,
  ) {}
}
