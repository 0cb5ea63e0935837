import type { HearingHeard } from '../hearing-request';
import type { IsoDate } from '../definition';

/** What the contested act is (行政复议法 第十一条、第十二条); a 行政调解 of a civil dispute is outside reconsideration. */
export type ActType =
  | 'PENALTY'
  | 'COMPULSORY_MEASURE'
  | 'LICENCE'
  | 'NATURAL_RESOURCE_RIGHTS'
  | 'EXPROPRIATION_COMPENSATION'
  | 'NON_PERFORMANCE'
  | 'INFORMATION_DISCLOSURE'
  | 'ADMINISTRATIVE_AGREEMENT'
  | 'CIVIL_DISPUTE_MEDIATION'
  | 'OTHER';

/** The kinds of reconsideration decision (第六十三条至第六十九条). */
export type DecisionType = 'CHANGE' | 'REVOKE' | 'DECLARE_ILLEGAL' | 'ORDER_PERFORMANCE' | 'DECLARE_VOID' | 'UPHOLD' | 'REJECT';

/** How the application reached the organ (第二十二条、第三十二条). */
export type ApplicationChannel = 'ORGAN_WRITTEN' | 'ORGAN_ORAL' | 'ONLINE' | 'PENALISING_AGENCY';

/**
 * An administrative reconsideration (行政复议) before a 行政复议机关, from the contested act to the decision's effect.
 * Dates are China calendar dates; fields a deadline starts from (`DeadlineSpec.anchor`) are named in the machine, and a
 * deadline whose anchor is empty is not created (so only the window that governs the case runs).
 */
export interface RxContext {
  partyIds: string[];
  openedOn: IsoDate;

  // ---------- the contested act (opening input) ----------
  actType: ActType;
  /** The act's document number (e.g. 当场处罚决定书编号) and the agency that made it (被申请人). */
  actRef?: string;
  respondentAgency?: string;
  actOn?: IsoDate;
  knewOn?: IsoDate;
  /** The agency told the party of the right to reconsideration, the organ and the period (第二十条第二款). */
  informedOfRight: boolean;
  learnedOfRightOn?: IsoDate;
  realProperty: boolean;
  onTheSpot: boolean;
  penaltyKind?: 'WARNING' | 'CRITICISM' | 'FINE' | 'OTHER';
  amount?: number;
  /** 复议前置 (第二十三条): the party must apply for reconsideration before suing, on the ground recorded. */
  reconsiderationFirst: boolean;
  reconsiderationFirstGround?: string;

  // ---------- application-window anchors (D-RX1, D-RX2, D-RX3, D-RX13) ----------
  windowFrom?: IsoDate;
  capFrom?: IsoDate;
  barFrom?: IsoDate;
  barFromRealProperty?: IsoDate;
  directSuitFrom?: IsoDate;

  // ---------- the application ----------
  appliedOn?: IsoDate;
  channel?: ApplicationChannel;
  /** Art. 32: the penalising agency that took the application, the day it received it and the day it forwarded it. */
  forwardedBy?: { agency: string; receivedOn: IsoDate; forwardedOn?: IsoDate };
  /** D-RX4, D-RX5 anchor: the day the organ received the application (or the supplemented materials). */
  receivedOn?: IsoDate;
  /** D-RX5 anchor: the receipt, until the one supplement notice has been sent. */
  supplementNoticeFrom?: IsoDate;
  supplementRequestedOn?: IsoDate;
  /** D-RX6 anchor. */
  supplementNoticeReceivedOn?: IsoDate;

  // ---------- acceptance and handling ----------
  officerId?: string;
  acceptedOn?: IsoDate;
  deemedAccepted: boolean;
  procedure?: 'SIMPLE' | 'ORDINARY';
  /** D-RX7/D-RX10 anchors (ordinary) and D-RX7-S/D-RX11 anchors (simple): one pair is set. */
  ordinaryFrom?: IsoDate;
  simpleFrom?: IsoDate;
  /** D-RX8 anchors: the day the respondent received the copy, by procedure. */
  answerFrom?: IsoDate;
  answerFromSimple?: IsoDate;
  answeredOn?: IsoDate;
  /** The respondent gave no answer or evidence in time: the act is treated as lacking evidence (第七十条). */
  answerMissing: boolean;
  major: boolean;
  viewsHeardOn?: IsoDate;
  hearingOn?: IsoDate;
  hearingHeldOn?: IsoDate;
  /** Hearings held as cases of their own (三级听证, route R21e), as each reported back. */
  hearings?: HearingHeard[];
  mediationStartedOn?: IsoDate;
  extensionDays?: number;
  /** D-RX10X anchor: the last day of the extended period. */
  extendedDueOn?: IsoDate;
  suspendedIn?: string;
  suspensionGround?: string;
  /** D-RX14 anchor, set only for the grounds of 第三十九条第一款第一、二、四项. */
  terminationClockFrom?: IsoDate;

  // ---------- outcomes ----------
  mediationDocNo?: string;
  decisionNo?: string;
  decisionType?: DecisionType;
  decidedOn?: IsoDate;
  /** D-RX12 anchor: service of the decision or refusal, or the end of the decision period. */
  suitWindowFrom?: IsoDate;
  suitBasis?: 'NOT_ACCEPTED' | 'DECISION' | 'NO_DECISION_IN_TIME';
  suedOn?: IsoDate;
  /** D-RX15 anchor: the day the respondent received the 行政复议意见书. */
  opinionReceivedOn?: IsoDate;
  /** Recorded at withdrawal, so a new application on the same facts and reasons can be refused (第七十四条). */
  withdrawal?: { withdrawnOn: IsoDate; afterSettlement: boolean; facts: string; reasons: string };
}
