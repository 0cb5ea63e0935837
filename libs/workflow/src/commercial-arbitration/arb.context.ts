import type { IsoDate } from '../definition';

/** What the arbitration agreement is written in (仲裁法 第十六条), or that it was only oral. */
export type AgreementForm = 'CONTRACT_CLAUSE' | 'SEPARATE_AGREEMENT' | 'OTHER_WRITTEN' | 'ORAL';

/** Which law's set-aside period governs an award: the 2017 text (six months) or the 2025 revision (three months). */
export type SetAsideRegime = 'LAW_2017' | 'LAW_2025';

/**
 * A commercial arbitration before an arbitration commission (仲裁委员会), from the application to the award's effect.
 * Dates are China calendar dates; fields a deadline starts from (`DeadlineSpec.anchor`) are named in the machine.
 */
export interface ArbContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** D-AR1 anchor: the day the commission received the application (the opening day unless entered). */
  receivedOn: IsoDate;

  // ---------- the arbitration agreement and the matter (仲裁法 第二条至第四条、第十六条至第十八条) ----------
  agreementForm?: AgreementForm;
  matterType?: string;
  agreementCheckedOn?: IsoDate;

  // ---------- acceptance, tribunal, hearing ----------
  acceptedOn?: IsoDate;
  arbitratorId?: string;
  tribunal?: 'PANEL' | 'SOLE';
  tribunalFormedOn?: IsoDate;
  hearingHeldOn?: IsoDate;

  // ---------- 调解书 or award ----------
  mediationDocNo?: string;
  awardNo?: string;
  awardedOn?: IsoDate;
  /** D-EX1 anchor: the last day of performance under the award or the 调解书. */
  performanceDueOn?: IsoDate;
  /** The day the award was served on the parties (the later receipt when they differ). */
  awardServedOn?: IsoDate;
  /** The set-aside regime the award's date chose (legal policy `arb.setAsideNewLawFrom`). */
  setAsideRegime?: SetAsideRegime;
  /** D-AR2 anchors: `awardServedOn` under the regime that governs; the other is empty, so its deadline is not created. */
  setAsideFrom2017?: IsoDate;
  setAsideFrom2025?: IsoDate;

  // ---------- set-aside at the intermediate court (recorded here; that court has no channel) ----------
  setAsideAppliedOn?: IsoDate;
  setAsideCourtName?: string;
  setAsideRuledOn?: IsoDate;
  closedOn?: IsoDate;
}
