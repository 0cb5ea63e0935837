import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';

export interface DisputeView {
  code: string;
  cases: { id: string; caseNo: string; workflow: { id: string; version: number; title: string }; orgId: string; orgName: string; state: string; stateLabel: string; openedAt: string }[];
  transfers: { fromCaseId: string; toCaseId: string; route: string; routeLabel: string; status: string; statusLabel: string; sentAt: string; decidedAt: string | null; reason: string | null }[];
}

/** 一案一码: every case of one dispute across channels, and the transfers between them, as far as the caller may see. */
export class GetDisputeQuery extends Query<DisputeView> {
  constructor(
    readonly viewer: Viewer,
    readonly code: string,
  ) {
    super();
  }
}
