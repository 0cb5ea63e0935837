import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';

export interface RiskRegisterEntry {
  disputeCode: string;
  level: string;
  levelLabel: string;
  reportedAt: string;
  summary: string | null;
  caseId: string;
  caseNo: string;
  orgId: string;
  orgName: string;
  regionCode: string;
  regionName: string;
  /** Open cases of the dispute, in any channel. */
  openCases: number;
  /** Notified in the report's transaction: the police station, the centres, the supervising organisation. */
  notified: { orgId: string; orgName: string }[];
  /** The pending review of the colour (研判复核), if any. */
  reviewDueOn: string | null;
}

export interface RiskRegisterView {
  regionCode: string;
  regionName: string;
  /** Disputes whose latest colour is RED or ORANGE and that still have an open case, reddest and oldest first. */
  items: RiskRegisterEntry[];
  /** How many disputes of the region carry each latest colour, open or not. */
  byLevel: Record<string, number>;
}

/** 矛盾纠纷风险台账: the open high-risk disputes of a region. */
export class GetRiskRegisterQuery extends Query<RiskRegisterView> {
  constructor(
    readonly viewer: Viewer,
    readonly regionCode?: string,
  ) {
    super();
  }
}
