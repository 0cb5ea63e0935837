/** Where a transfer between channels stands: sent, then signed for (签收) or returned (退回) by the receiver, or withdrawn by the sender. */
export type TransferStatus = 'SENT' | 'ACCEPTED' | 'RETURNED' | 'WITHDRAWN';

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  SENT: '待签收',
  ACCEPTED: '已签收',
  RETURNED: '已退回',
  WITHDRAWN: '已撤回',
};

/** What travels with a transfer for the receiver to read: facts of the sending case and the records it named. */
export interface Dossier {
  context: Record<string, unknown>;
  /** The quoted records of the sending case, with the sending workflow's label of each event. */
  events: { seq: number; type: string; label: string; at: string; data: Record<string, unknown> }[];
}

/** One dispute handed from a case of one channel to a new case of another, along a route of the route table. */
export interface TransferRecord {
  id: string;
  disputeCode: string;
  routeId: string;
  fromCaseId: string;
  toCaseId: string;
  fromOrgId: string;
  toOrgId: string;
  status: TransferStatus;
  dossier: Dossier;
  sentAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  reason: string | null;
  explanation: string | null;
}

/** A decision on a transfer, written with the event that made it; applied only while the transfer is still `SENT`. */
export interface TransferDecision {
  toCaseId: string;
  status: Exclude<TransferStatus, 'SENT'>;
  decidedAt: string;
  decidedBy: string;
  reason: string | null;
  explanation: string | null;
}
