/**
 * Pure calendar-date arithmetic on 'YYYY-MM-DD' strings.
 *
 * Dates are converted to a day number (days since 1970-01-01 in the proleptic Gregorian calendar) with integer
 * arithmetic only. `Date` is deliberately not used here: its local-time getters depend on the server's TZ, and
 * `Date.UTC` maps years 0–99 to 1900–1999. Legal periods are sequences of calendar days, never instants.
 */

/** A calendar date written 'YYYY-MM-DD' (China's civil date when it comes from an instant; see `chinaDate`). */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** True for a Gregorian leap year. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when `value` is a string 'YYYY-MM-DD' naming a real calendar day (so '2025-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

/**
 * Returns `value` unchanged when it is a valid IsoDate.
 * @throws RangeError naming `label` otherwise, so a caller's typo is reported where it was made.
 */
export function assertIsoDate(value: unknown, label = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new RangeError(`${label} must be a real calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Splits a valid IsoDate into numbers. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  assertIsoDate(date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** The year of a valid IsoDate. */
export function yearOf(date: IsoDate): number {
  return dateParts(date).year;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date, integers only.
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumberParts(n: number): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function format(year: number, month: number, day: number): IsoDate {
  if (year < 0 || year > 9999) throw new RangeError(`date arithmetic left the years 0000–9999 (year ${year})`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return toDayNumber(year, month, day);
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): IsoDate {
  const { year, month, day } = fromDayNumberParts(n);
  return format(year, month, day);
}

function assertInteger(value: number, label: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${label} must be an integer, got ${String(value)}`);
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  assertInteger(days, 'days');
  return fromDayNumber(dayNumber(date) + days);
}

/** `to − from` in calendar days: 1 from a day to the next, negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * `date` moved by `months` months with the corresponding-day rule of 民法典 Art. 202: the same day of the
 * final month, or that month's last day when it has no such day (01-31 + 1 month = 02-28/29).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertInteger(months, 'months');
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  if (y < 0 || y > 9999) throw new RangeError(`date arithmetic left the years 0000–9999 (year ${y})`);
  return format(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Day of the week, 0 = Sunday … 6 = Saturday (as `Date#getUTCDay`). */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((dayNumber(date) + 4) % 7) + 7) % 7;
}

/** English weekday name, for error and explanation messages. */
export function weekdayName(date: IsoDate): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/** Saturday or Sunday, before any holiday notice is consulted. */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

/** Sort comparator: negative when `a` is earlier than `b`. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}
