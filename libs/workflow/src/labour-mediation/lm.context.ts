import type { IsoDate } from '../definition';

/**
 * A labour dispute before a mediation organisation (劳动争议调解仲裁法 第十条: an enterprise 调委会, a 基层人民调解组织 or a
 * township or street organisation with a labour-mediation function). Dates are China calendar dates.
 */
export interface LmContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** D-LB1 anchor: the day the organisation received the application (the opening day unless entered). */
  receivedOn: IsoDate;
  /** The parties on the worker's side; the others are the employer. Handed on to arbitration. */
  workerPartyIds: string[];
  /** Facts the arbitration commission needs for the limitation (第二十七条), handed on when a party applies. */
  knewOn?: IsoDate;
  wageArrears: boolean;
  employmentEndedOn?: IsoDate;
  mediatorId?: string;
  lastSessionOn?: IsoDate;
  /** D-LB1 passed without an agreement: a party may apply for arbitration (第十四条). */
  periodElapsed: boolean;
  /** Mediation ended without agreement. */
  failed: boolean;
  /** D-LB2 anchor: the day the agreement took effect. */
  agreementEffectiveOn?: IsoDate;
  performanceDueOn?: IsoDate;
  /** A party did not perform the agreement within its term (第十五条). */
  notPerformed: boolean;
  /** The state the application for arbitration was made from, which a returned application goes back to. */
  arbitrationFrom?: string;
}
