import type { IsoDate } from '../definition';

/** 简易程序 / 普通程序: fixed at registration, changed only by a conversion ruling or a remand. */
export type Procedure = 'SIMPLE' | 'ORDINARY';

/** Why a labour dispute may be sued directly, without labour arbitration (劳动争议解释（一） 第十五条、第五十一条). */
export type LabourBypass = 'WAGE_IOU' | 'WAGE_ONLY_AGREEMENT';

/** The arbitration outcome a labour suit rests on (劳动争议调解仲裁法 第二十九条、第四十三条、第四十八条至第五十条). */
export type PriorArbitration = 'NON_FINAL_AWARD' | 'FINAL_AWARD' | 'AWARD_SET_ASIDE' | 'NOT_ACCEPTED_BY_COMMISSION' | 'NO_AWARD_IN_TIME';

/**
 * A civil first-instance case at a basic court, from the complaint to finality. Dates are China calendar dates.
 * Fields named `…From` are the legal start of a deadline (`DeadlineSpec.anchor`): a deadline whose anchor is empty is
 * not created, which is how the procedure picks between the simple- and ordinary-procedure periods.
 */
export interface CtContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** The day the court received the complaint (起诉之日); the opening day unless the clerk entered another. */
  receivedOn: IsoDate;
  /** D-CT1: the court registers or refuses within 7 days of this day (the complaint, or an order to accept it). */
  registrationDueFrom: IsoDate;
  /** The dispute category of the case (e.g. LABOUR). */
  category?: string;
  /** The workflow of the case that sent this complaint, when it came by a transfer (e.g. `lab`). */
  originWorkflow?: string;
  claimAmount?: number;
  causeOfAction?: string;
  /** The procedure the clerk expected at filing; the registration decides. */
  procedureHint?: Procedure;
  labourBypass?: LabourBypass;
  priorArbitration?: PriorArbitration;
  plaintiffSide?: 'WORKER' | 'EMPLOYER';
  /** A dispute over land ownership or use rights, which the people's government decides first (土地管理法 第十四条). */
  landRights?: 'LAND_RIGHTS';
  /** The day the plaintiff received the government's decision on that dispute. */
  landRightsDecisionReceivedOn?: IsoDate;
  /** The opening's legal policy allowed the legacy pre-filing path (`ct.allowLegacyPreFiling`). */
  legacyPreFilingByPolicy?: boolean;

  // ---------- legacy pre-filing delegation (诉前委派调解, before 2025-01-01) ----------
  /** D-CT-L1 anchor: the day the mediator signed for the delegated materials. */
  preFilingReceivedOn?: IsoDate;

  // ---------- refusal ----------
  /** D-CT7 (ruling) anchor: the day the non-acceptance ruling was served. */
  nonAcceptanceServedOn?: IsoDate;

  // ---------- registration ----------
  docketNo?: string;
  registeredOn?: IsoDate;
  procedure?: Procedure;
  /** D-CT5 anchor: the registration day of a simple-procedure case. */
  simpleTrialFrom?: IsoDate;
  /** D-CT6 anchor: the registration day of an ordinary-procedure case (after a conversion too), or of a remanded one. */
  ordinaryTrialFrom?: IsoDate;
  judgeId?: string;

  // ---------- entrusted mediation (委托调解) ----------
  mediationConsentedOn?: IsoDate;
  mediationOrgId?: string;
  entrustedOn?: IsoDate;
  mediatorSignedOn?: IsoDate;
  /** D-CT2 anchors: the mediator's receipt, under the case's procedure (15 days ordinary, 7 days simple). */
  ordinaryMediationFrom?: IsoDate;
  simpleMediationFrom?: IsoDate;
  /** D-CT3 anchor: the day the D-CT2 period ended, which the 30-day extension runs on from. */
  extensionFrom?: IsoDate;
  agreementReachedOn?: IsoDate;

  // ---------- fee ----------
  /** D-CT4 anchor: the day the plaintiff received the fee notice. */
  feeNoticeReceivedOn?: IsoDate;
  feePaidOn?: IsoDate;
  feeRelief?: 'DEFERRED' | 'REDUCED' | 'EXEMPTED';
  /** The acceptance fee is halved: closed by mediation or withdrawal (诉讼费用交纳办法 第十五条). */
  feeHalved?: boolean;

  // ---------- judgment, appeal, finality ----------
  judgedOn?: IsoDate;
  /** The judgment's performance period, in days from the day it takes effect. */
  performanceDays?: number;
  /** D-CT7 anchor: the day the judgment was served (on the last party served). */
  judgmentServedOn?: IsoDate;
  appealedOn?: IsoDate;
  /** D-CT8 anchor: the day the second-instance court registered the appeal. */
  appealRegisteredOn?: IsoDate;
  /** The day a remanded retrial was registered: the appeal court may remand a case only once (民事诉讼法 第一百七十七条). */
  remandedOn?: IsoDate;
  /** D-CT9 anchor: the day the judgment took effect. */
  effectiveOn?: IsoDate;
  mediationDocSignedOn?: IsoDate;
  /** D-EX1 anchor: the last day of performance under the judgment or the 调解书. */
  performanceDueOn?: IsoDate;
  closedOn?: IsoDate;
}
