import type { IsoDate } from '../definition';

/*
 * Calendar arithmetic a guard has to do itself. The periods the engine times are declared as deadlines and computed
 * with the legal calendar (holidays, make-up working days, roll-forward); these functions know no holidays.
 */

const DAY_MS = 86_400_000;
const toUtc = (date: IsoDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

export const isIsoDate = (value: unknown): value is IsoDate => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Monday-to-Friday days after `from` up to and including `to`. A holiday inside the span is counted, so a notice
 * period checked with it is the legal minimum only when no statutory holiday intervenes.
 */
export function weekdaysBetween(from: IsoDate, to: IsoDate): number {
  let n = 0;
  for (let ms = toUtc(from) + DAY_MS; ms <= toUtc(to); ms += DAY_MS) if (![0, 6].includes(new Date(ms).getUTCDay())) n++;
  return n;
}
