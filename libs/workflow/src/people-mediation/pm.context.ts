import type { IsoDate } from '../definition';
import type { HearingHeard } from '../hearing-request';

export interface PmContext {
  partyIds: string[];
  openedOn: IsoDate;
  mediatorId?: string;
  /** The day mediation started (开始调解), as recorded. */
  mediationStartedOn?: IsoDate;
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
  /** Hearings held during the mediation (三级听证), as each reported back. */
  hearings?: HearingHeard[];
}
