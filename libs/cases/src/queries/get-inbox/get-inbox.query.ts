import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';

export interface InboxEntryView {
  transferId: string;
  /** The receiving case: signing for and returning are its events. */
  id: string;
  caseNo: string;
  workflow: { id: string; version: number; title: string };
  state: string;
  stateLabel: string;
  /** The receiving case's version, for If-Match when signing for or returning it. */
  version: number;
  summary: string;
  category: string;
  categoryLabel: string;
  route: { id: string; label: string; legalBasis: string };
  disputeCode: string;
  from: { orgId: string; orgName: string; caseId: string };
  sentAt: string;
  acceptanceDeadline: { specId: string; label: string; dueOn: string; legalBasis: string; overdue: boolean } | null;
}

export interface InboxView {
  items: InboxEntryView[];
  total: number;
  page: number;
  pageSize: number;
}

/** Transfers waiting for the caller's organisation to sign for (签收) or return (退回). */
export class GetInboxQuery extends Query<InboxView> {
  constructor(
    readonly viewer: Viewer,
    readonly page: number,
    readonly pageSize: number,
  ) {
    super();
  }
}
