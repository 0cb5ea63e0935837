import type { IsoDate } from '../definition';
import type { JcContext } from './jc.context';

/** Version 2 keeps every fact of version 1 and adds what the two objection windows need (民诉解释 第三百七十二条). */
export interface JcV2Context extends JcContext {
  /**
   * The last day of the parties' 15-day objection window (D-JC4), kept while an interested person's objection filed
   * inside that window is under review, so that the parties get the rest of their window back if it is rejected.
   */
  partiesObjectionDueOn?: IsoDate;
}
