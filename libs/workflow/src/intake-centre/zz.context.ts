import type { IsoDate } from '../definition';
import type { RiskLevel } from '../risk';

/** 甄别研判: what kind of matter it is, as spec appendix (c) R1 classifies intake. */
export type Classification =
  | 'CIVIL'
  | 'LABOUR'
  | 'LAND_CONTRACT'
  | 'LAND_RIGHTS'
  | 'ADMINISTRATIVE'
  | 'PUBLIC_ORDER'
  | 'CRIMINAL'
  | 'TRAFFIC'
  | 'PETITION_ONLY';

/**
 * A dispute taken in at a 社会治安综合治理中心 ("一把抓、再分家"): registered under one dispute code, triaged, mediated at
 * the counter or dispatched to the channels that resolve it, supervised until every child case has ended, revisited
 * and closed (案结事了). The centre drives the procedure; the channels decide the substance.
 */
export interface ZzContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** How the matter reached the centre: the counter, a grid worker, the 12345 line, a petition office, a committee. */
  intakeChannel: string;
  classification?: Classification;
  /** The channel the triage found the law provides (its advice; the dispatch names the actual one). */
  legalChannel?: string;
  riskLevel?: RiskLevel;
  triagedOn?: IsoDate;
  /** What a petition office needs to register a residual matter dispatched to it (信访工作条例 第十七条、第二十条). */
  petition?: PetitionRecord;
  /** What a reconsideration organ needs of an application against an administrative act (行政复议法 第二十条、第二十二条). */
  reconsideration?: ReconsiderationRecord;
  /** What a land-contract arbitration commission needs of an application (农村土地承包经营纠纷调解仲裁法 第十八条、第二十一条). */
  landContract?: LandContractRecord;
  counterMediationStartedOn?: IsoDate;
  resolvedOn?: IsoDate;
  lastSessionOn?: IsoDate;
  /** The last day a dispatched case reported how it went. */
  lastReportOn?: IsoDate;
  /** Child cases dispatched, and those among them not yet ended (each ends by reaching a final state). */
  dispatched: number;
  openChildren: number;
  followedUpOn?: IsoDate;
  satisfied?: boolean;
}

export interface PetitionRecord {
  channel: string;
  petitionClass: string;
  groupVisit?: boolean;
  representatives?: string[];
}

export interface ReconsiderationRecord {
  actType: string;
  respondentAgency: string;
  knewOn: IsoDate;
  applicationChannel: string;
  requests: string;
  actRef?: string;
  actOn?: IsoDate;
  informedOfRight?: boolean;
  onTheSpot?: boolean;
}

export interface LandContractRecord {
  disputeKind: string;
  landLocationCode: string;
  knewOn?: IsoDate;
}
