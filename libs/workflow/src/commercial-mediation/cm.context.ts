import type { IsoDate } from '../definition';

/**
 * A commercial mediation (商事调解) at a commercial mediation organisation, from the application to the agreement's
 * performance or its 司法确认. Dates are China calendar dates.
 */
export interface CmContext {
  partyIds: string[];
  openedOn: IsoDate;
  /** The day the organisation received the application (the opening day unless entered). */
  appliedOn: IsoDate;
  matterType?: string;
  mediatorId?: string;
  lastSessionOn?: IsoDate;
  /** D-JC1 anchor: the day the agreement took effect (the last signature). */
  agreementEffectiveOn?: IsoDate;
  performanceDueOn?: IsoDate;
  /** The court confirmed the agreement (民事诉讼法 第二百零六条): it can be enforced. */
  confirmed: boolean;
  closedOn?: IsoDate;
}
