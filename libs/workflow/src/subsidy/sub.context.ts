import type { IsoDate } from '../definition';

/** A 以案定补 claim: one claimed 人民调解 case, its mediator, the tier asked for and, once approved, the money. */
export interface SubContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** The 人民调解 case the subsidy is claimed for (one claim per case, ever). */
  claimedCaseId: string;
  claimedCaseNo: string;
  /** The mediator who mediated the claimed case, and to whom the subsidy is paid (谁调解补助谁). */
  mediatorId: string;
  /** The tier the mediator declares; reviewers may change it when they approve. */
  tier?: string;
  /** The bureau picked the claim for a spot check (抽查回访) and the call-back has not been recorded yet. */
  spotCheckPending: boolean;
  spotChecked: boolean;
  /** Set on approval: the tier, amount in yuan ("300.00"), funding source and tariff version the money was committed under. */
  approvedTier?: string;
  amount?: string;
  fundingSource?: string;
  tariffVersion?: string;
  /** The state a suspension for suspected fraud returns to when it is lifted. */
  suspendedIn?: string;
  returnReason?: string;
  rejectReason?: string;
}
