import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { ReassignReason } from '../../domain/assignment';

export interface AssignmentView {
  caseId: string;
  caseNo: string;
  version: number;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** A person of the handling organisation who may be assigned takes an unassigned case (认领). */
export class ClaimCaseCommand extends Command<AssignmentView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}

/** The director gives an unassigned case to one of the organisation's people (分配). */
export class AssignCaseCommand extends Command<AssignmentView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly userId: string,
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}

/** The director moves an assigned case to someone else, saying why (改派); 回避 names the party who asked. */
export class ReassignCaseCommand extends Command<AssignmentView> {
  constructor(
    readonly viewer: Viewer,
    readonly caseId: string,
    readonly input: { userId: string; reasonKind: ReassignReason; reason: string; partyId?: string },
    readonly ifMatch?: readonly number[],
  ) {
    super();
  }
}
