import type { IsoDate, Precondition } from '../definition';
import { notInFuture } from '../building-blocks';
import type { JcV2Context } from './jc-v2.context';
import { jcPreconditions } from './jc.preconditions';

const isIsoDate = (value: unknown): value is IsoDate => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The last day of a period of `months` months starting on `date` (民法典 第二百零一条、第二百零二条): the start day is not
 * counted, and the period ends on the corresponding day of the final month, or on its last day when it has none
 * (2025-08-31 + 6 months = 2026-02-28). The last day is not moved off a statutory holiday (第二百零三条): that needs
 * the legal calendar, which a guard does not have.
 */
export function monthsLater(date: IsoDate, months: number): IsoDate {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The parties' 15 days (D-JC4) kept for after the review of an interested person's objection are still running. */
const partiesWindowRuns = (context: JcV2Context, event: { today: IsoDate }) => typeof context.partiesObjectionDueOn === 'string' && event.today <= context.partiesObjectionDueOn;

/** D-JC5: an interested person objects within six months of knowing, or having to know, of the harm. */
export const INTERESTED_PERSON_MONTHS = 6;

export const jcV2Preconditions: Record<string, Precondition<JcV2Context>> = {
  ...jcPreconditions,
  knewOfHarmNotInFuture: notInFuture('knewOn', '知道权益受到侵害的日期'),
  interestedPersonInTime: {
    check: (_context, event) => isIsoDate(event.data.knewOn) && event.today <= monthsLater(event.data.knewOn, INTERESTED_PERSON_MONTHS),
    message: '利害关系人须自知道或者应当知道其民事权益受到侵害之日起六个月内提出异议，期限已过',
    messageEn: 'An interested person must object within six months of knowing, or having to know, of the harm; that period has passed',
    legalBasis: '民诉解释 第三百七十二条',
  },
  partiesWithinFifteenDays: {
    check: partiesWindowRuns,
    message: '当事人须自收到裁定之日起十五日内提出异议，期限已过',
    messageEn: 'The parties must object within 15 days of receiving the ruling; that window has passed',
    legalBasis: '民诉解释 第三百七十二条',
  },
  // Routes the court's decision rather than barring it: with the window over, the decision leaves the ruling in force.
  partiesWindowStillOpen: {
    check: partiesWindowRuns,
    message: '利害关系人在当事人异议期内提出的异议审查终结时，当事人异议期尚未届满的，回到当事人异议期；否则裁定生效',
    messageEn: 'When an interested person’s objection filed inside the parties’ window is decided before that window ends, the parties get the rest of it back; otherwise the ruling stands',
    legalBasis: '民诉解释 第三百七十二条',
  },
};
