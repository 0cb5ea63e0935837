import type { IsoDate } from '../definition';

export interface JcContext {
  partyIds: string[];
  openedOn: IsoDate;
  agreementEffectiveOn?: IsoDate;
  performanceDueOn?: IsoDate;
  registeredOn?: IsoDate;
  supplementDueOn?: IsoDate;
  servedOn?: IsoDate;
}
