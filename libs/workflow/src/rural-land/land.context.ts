import type { IsoDate } from '../definition';

/**
 * What the dispute is about (农村土地承包经营纠纷调解仲裁法 第二条; 土地管理法 第十四条). The first five are this
 * channel's disputes; expropriation and ownership or use rights are not, and are routed elsewhere.
 */
export type LandDisputeKind =
  | 'CONTRACT'
  | 'TRANSFER'
  | 'RECOVERY_ADJUSTMENT'
  | 'CONFIRMATION'
  | 'INFRINGEMENT'
  | 'EXPROPRIATION_COMPENSATION'
  | 'LAND_RIGHTS';

/** Where a suit was filed from, which a returned suit goes back to (land.machine.ts). */
export type LandSuitBasis = 'DIRECT' | 'NOT_ACCEPTED' | 'AWARD' | 'RIGHTS_DECISION';

/**
 * A rural land-contract dispute: optional village or township mediation, arbitration at the commission where the
 * land lies or a suit at the party's choice, and, for ownership or use-rights disputes, the government's 处理 first.
 * Dates are China calendar dates; fields a deadline starts from (`DeadlineSpec.anchor`) are named in the machine.
 */
export interface LandContext {
  partyIds: string[];
  openedOn: IsoDate;
  disputeKind: LandDisputeKind;
  /** The division code of the land's location (土地坐落): the case region unless entered. */
  landRegionCode: string;
  /** The handling organisation's kind: a mediation body (village, township) or the arbitration commission. */
  handledBy: 'MEDIATION' | 'COMMISSION' | 'OTHER';
  /** The region of the arbitration commission handling the case, when it is one. */
  commissionRegionCode?: string;
  /** The day the party knew or should have known of the infringement (D-RL1). */
  knewOn?: IsoDate;
  /** A request for mediation, or another interruption, restarts the limitation period (民法典 第一百九十五条). */
  interruptedOn?: IsoDate;

  // ---------- mediation (第三条、第八条至第十条) ----------
  mediationBody?: 'VILLAGE' | 'TOWNSHIP';
  mediationStartedOn?: IsoDate;
  mediatorId?: string;
  agreementSignedOn?: IsoDate;

  // ---------- arbitration ----------
  /** D-RL2 anchor: the day the commission received the application. */
  receivedOn?: IsoDate;
  arbitratorId?: string;
  /** D-RL3 and D-RL7 anchor. */
  acceptedOn?: IsoDate;
  /** D-RL4 anchor: the day the respondent received the copy of the application. */
  respondentServedOn?: IsoDate;
  /** D-RL5 anchor. */
  tribunalFormedOn?: IsoDate;
  /** D-RL6 anchor: the day the hearing notice was sent. */
  hearingNoticedOn?: IsoDate;
  hearingOn?: IsoDate;
  /** Both parties asked for the hearing in the village or township, so it is held there (第三十条). */
  hearingPlace?: 'COMMISSION' | 'TOWNSHIP' | 'VILLAGE';
  hearingHeldOn?: IsoDate;
  /** The tribunal attempted mediation before the award (第十一条) and it did not end the case. */
  mediationAttemptedOn?: IsoDate;
  /** 先行裁定 made during the proceedings (第四十二条). */
  interimRulings: { measure: string; ruledOn: IsoDate }[];
  extensionDays?: number;
  /** D-RL8 anchor: the last day of the extended period. */
  extendedDueOn?: IsoDate;
  mediationDocNo?: string;
  awardNo?: string;
  /** D-RL9 anchor. */
  awardedOn?: IsoDate;
  /** D-RL10 anchor: the day the last party received the award. */
  awardReceivedOn?: IsoDate;
  /** D-EX1 anchor: the last day of performance under the award or the 调解书. */
  performanceDueOn?: IsoDate;
  enforcementCourtOrgId?: string;

  // ---------- government 处理 of ownership or use rights (土地管理法 第十四条) ----------
  /** Set from the application to the government until the dispute is resolved: the land may not be changed. */
  rightsPending: boolean;
  governmentLevel?: 'TOWNSHIP' | 'COUNTY';
  rightsAppliedOn?: IsoDate;
  rightsDecisionNo?: string;
  /** D-RL11 anchor: the day the party received the government's decision. */
  rightsDecisionReceivedOn?: IsoDate;
  /** Changes to the land's use recorded while no determination was pending (流转, 调整, 收回, works). */
  landChanges: { kind: string; on: IsoDate }[];

  // ---------- the suit in court ----------
  suedFrom?: string;
  suitBasis?: LandSuitBasis;
  /** A party sued within 30 days of receiving the award: the award does not take effect (第四十八条). */
  awardIneffective: boolean;
}
