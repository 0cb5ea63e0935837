import type { IsoDate } from '../definition';

/** The arbitration outcome a suit in court rests on (劳动争议调解仲裁法 第二十九条、第四十三条、第四十八条至第五十条). */
export type SuitBasis = 'NOT_ACCEPTED_BY_COMMISSION' | 'NO_AWARD_IN_TIME' | 'FINAL_AWARD' | 'AWARD_SET_ASIDE' | 'NON_FINAL_AWARD';

/**
 * A labour or personnel dispute before a 劳动人事争议仲裁委员会, from the application to the award's effect. Dates are
 * China calendar dates. Fields a deadline starts from (`DeadlineSpec.anchor`) are named in the machine.
 */
export interface LabContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** The day the commission received the application (the opening day unless entered). */
  receivedOn: IsoDate;
  /** D-LB4 anchors: `receivedOn` under the day type the legal policy chose (`lab.acceptanceDayType`); the other is empty. */
  acceptanceReviewFrom?: IsoDate;
  acceptanceReviewFromWorking?: IsoDate;
  /** The parties on the worker's side; the others are the employer (用人单位). */
  workerPartyIds: string[];

  // ---------- limitation facts of the application (第二十七条) ----------
  knewOn?: IsoDate;
  wageArrears: boolean;
  employmentEndedOn?: IsoDate;
  interruptedOn?: IsoDate;
  /** What the arbitrator recorded about the limitation at acceptance: an interruption or suspension the application did not state. */
  limitationFinding?: { interruptedOn?: IsoDate; suspendedFrom?: IsoDate; suspendedUntil?: IsoDate; note?: string };

  // ---------- acceptance and preparation ----------
  arbitratorId?: string;
  /** D-LB5 and D-LB7 anchor. */
  acceptedOn?: IsoDate;
  /** D-LB5-ANSWER anchor: the day the respondent received the copy of the application. */
  respondentServedOn?: IsoDate;
  hearingOn?: IsoDate;
  hearingHeldOn?: IsoDate;
  /** The tribunal attempted mediation before the award (第四十二条) and it did not end the case. */
  mediationAttemptedOn?: IsoDate;

  // ---------- the 45-day period: suspension and extension (第四十三条) ----------
  /** The state the case was suspended in, which RESUME returns to. */
  suspendedIn?: string;
  extensionDays?: number;
  /** D-LB8 anchor: the last day of the extended period. */
  extendedDueOn?: IsoDate;

  // ---------- award or 调解书 ----------
  awardNo?: string;
  awardedOn?: IsoDate;
  awardType?: 'FINAL' | 'NON_FINAL';
  /** D-LB9 anchor. */
  workerReceivedOn?: IsoDate;
  /** D-LB10 anchor. */
  employerReceivedOn?: IsoDate;
  /** D-LB12 anchor: the day the last party received a non-final award. */
  suitWindowFrom?: IsoDate;
  setAsideGranted: boolean;
  /** D-LB11 anchor: the day the set-aside ruling was received. */
  setAsideReceivedOn?: IsoDate;
  mediationDocNo?: string;
  /** D-EX1 anchor: the last day of performance under the award or the 调解书. */
  performanceDueOn?: IsoDate;

  // ---------- the suit in court ----------
  /** The state the suit was filed from, which a returned suit goes back to. */
  suedFrom?: string;
  suitBasis?: SuitBasis;
  plaintiffSide?: 'WORKER' | 'EMPLOYER';
  /** A party sued over a non-final award: the whole award does not take effect (解释一 第十六条). */
  awardIneffective: boolean;
}
