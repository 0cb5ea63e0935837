/**
 * Converting between instants and China's civil date. China has used UTC+8 all year since 1991 (no DST), so a
 * fixed offset is exact for every date the engine handles. The offset is applied to the epoch milliseconds and
 * read back with UTC getters, which is why the result does not depend on process.env.TZ.
 */
import { addDays, assertIsoDate, dateParts, type IsoDate } from './iso-date';

/** China Standard Time offset from UTC, in milliseconds. */
export const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

function assertValidInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`instant must be a valid Date, got ${String(instant)}`);
  }
}

/**
 * The calendar date in China (UTC+8) at `instant`, whatever the server's time zone.
 * @example chinaDate(new Date('2025-06-30T16:30:00Z')) === '2025-07-01'
 */
export function chinaDate(instant: Date): IsoDate {
  assertValidInstant(instant);
  const shifted = new Date(instant.getTime() + CHINA_UTC_OFFSET_MS);
  const year = shifted.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`instant ${instant.toISOString()} is outside the years 0000–9999`);
  const month = String(shifted.getUTCMonth() + 1).padStart(2, '0');
  const day = String(shifted.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** The instant `date` begins in China: 00:00 +08:00, i.e. 16:00 UTC on the previous day. */
export function startOfChinaDay(date: IsoDate): Date {
  const { year, month, day } = dateParts(assertIsoDate(date));
  const utcMidnight = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not turn years 0–99 into 1900–1999.
  utcMidnight.setUTCFullYear(year, month - 1, day);
  return new Date(utcMidnight.getTime() - CHINA_UTC_OFFSET_MS);
}

/**
 * The instant `date` ends in China: 24:00 China time, the same instant as the next day's 00:00 +08:00.
 * A legal period's last day runs until this instant (民法典 Art. 203: the cut-off is 24:00); an act at or
 * after it is late.
 */
export function endOfChinaDay(date: IsoDate): Date {
  return startOfChinaDay(addDays(assertIsoDate(date), 1));
}
