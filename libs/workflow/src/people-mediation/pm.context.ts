import type { IsoDate } from '../definition';

export interface PmContext {
  partyIds: string[];
  openedOn: IsoDate;
  mediatorId?: string;
  agreementForm?: 'ORAL' | 'WRITTEN';
  /** The day the agreement took effect: the day an oral agreement was reached, or the last signature and seal. */
  agreementEffectiveOn?: IsoDate;
  performanceDueOn?: IsoDate;
  /** A court ruled the agreement valid (司法确认). */
  confirmed: boolean;
  followUpDone: boolean;
  /** At least one mediation session was recorded. */
  sessionHeld?: boolean;
  /** The mediator advised a party to apply for enforcement of the confirmed agreement. */
  enforcementAdvised?: boolean;
}
