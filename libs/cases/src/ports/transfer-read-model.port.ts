import type { TransferRecord } from '../domain/transfer';

/** A transfer waiting in an organisation's inbox, with what the inbox shows of its receiving case. */
export interface InboxItem {
  transfer: TransferRecord;
  caseNo: string;
  workflowId: string;
  workflowVersion: number;
  state: string;
  version: number;
  summary: string;
  category: string;
  /** The receiving case's pending and missed deadlines, with the state that declared each. */
  deadlines: { specId: string; label: string; dueOn: string; legalBasis: string; status: string; state: string }[];
}

/** Cases of one dispute, as the dispute view lists them. */
export interface DisputeCase {
  id: string;
  caseNo: string;
  workflowId: string;
  workflowVersion: number;
  orgId: string;
  originOrgId: string | null;
  originCaseId: string | null;
  regionCode: string;
  state: string;
  openedAt: string;
}

/** Reads of transfers and disputes (一案一码). */
export abstract class TransferReadModel {
  /** The transfer that created `caseId`, if another case sent it. */
  abstract into(caseId: string): Promise<TransferRecord | null>;
  /** Transfers sent to `orgId` that it has not signed for or returned, oldest first. */
  abstract inbox(orgId: string, page: { limit: number; offset: number }): Promise<{ items: InboxItem[]; total: number }>;
  /** Every case and transfer of a dispute, oldest first. */
  abstract dispute(code: string): Promise<{ cases: DisputeCase[]; transfers: TransferRecord[] }>;
}
