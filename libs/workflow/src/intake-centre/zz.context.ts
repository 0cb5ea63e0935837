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
