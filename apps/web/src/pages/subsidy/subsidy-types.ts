import type { FraudFlag } from '@app/subsidy';

export interface SubsidyClaim {
  id: string;
  claimNo: string;
  state: string;
  stateLabel: string;
  claimedCase: { id: string; caseNo: string; category: string };
  mediator: { id: string; name: string };
  orgName: string;
  tier: string;
  tierLabel: string | null;
  amount: string | null;
  fundingSource: string | null;
  tariffVersion: string;
  performedOn: string;
  auditSeq: number;
  auditHash: string;
  eligibility: { eligible: boolean; reasons: { code: string; message: string }[] };
  fraudFlags: FraudFlag[];
  actions: { type: string; label: string }[];
}

export interface StatementLine {
  caseId: string;
  caseNo: string;
  tier: string;
  amount: string;
  tariffVersion: string;
  auditSeq: number;
  auditHash: string;
  mediatorName: string;
  orgName: string;
  parties: string;
  performedOn: string;
  fundingSource: string;
}

export interface Statement {
  lines: StatementLine[];
  total: string;
}
