/**
 * Reading and checking the State Council's annual holiday notices. A new year arrives as data (usually in
 * October–November of the year before), so every check here is about catching a typo in an import before it
 * moves a legal deadline.
 */
import { CalendarDataError } from './calendar-data-error';
import { dateParts, isIsoDate, type IsoDate } from './iso-date';
import type { HolidayYear } from './types';

function describe(value: unknown): string {
  return value === undefined ? 'undefined' : JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(year: number, field: string, why: string): never {
  throw new CalendarDataError(`Holiday notice for ${year}, field ${field}: ${why}`, year, field);
}

/** Checks one date of `year`'s notice and records where it was seen, for duplicate and overlap messages. */
function checkDate(year: number, field: string, value: unknown, seen: Map<IsoDate, string>): IsoDate {
  if (!isIsoDate(value)) fail(year, field, `${describe(value)} is not a real date written YYYY-MM-DD`);
  if (dateParts(value).year !== year) fail(year, field, `${value} lies outside ${year}`);
  const earlier = seen.get(value);
  if (earlier !== undefined) {
    fail(year, field, `${value} is listed twice (also at ${earlier})`);
  }
  seen.set(value, field);
  return value;
}

function checkDateList(year: number, field: string, value: unknown, seen: Map<IsoDate, string>): IsoDate[] {
  if (!Array.isArray(value)) fail(year, field, `expected an array of dates, got ${describe(value)}`);
  return value.map((item, i) => checkDate(year, `${field}[${i}]`, item, seen));
}

function checkNoOverlap(year: number, holidays: Map<IsoDate, string>, makeupWorkdays: Map<IsoDate, string>): void {
  for (const [date, field] of makeupWorkdays) {
    const holidayField = holidays.get(date);
    if (holidayField !== undefined) {
      fail(year, field, `${date} is both a holiday (${holidayField}) and a make-up workday`);
    }
  }
}

function checkYearNumber(year: unknown, field: string): number {
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new CalendarDataError(`Holiday notice: ${field} must be a four-digit year, got ${describe(year)}`, undefined, field);
  }
  return year;
}

function checkSource(year: number, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(year, 'source', `expected the citation of the notice as a non-empty string, got ${describe(value)}`);
  }
  return value;
}

function freeze(year: HolidayYear): HolidayYear {
  return Object.freeze({
    year: year.year,
    source: year.source,
    holidays: Object.freeze([...year.holidays].sort()) as IsoDate[],
    makeupWorkdays: Object.freeze([...year.makeupWorkdays].sort()) as IsoDate[],
    ...(year.names ? { names: Object.freeze({ ...year.names }) } : {}),
  });
}

/**
 * Checks a `HolidayYear` (as given to the `LegalCalendar` constructor or `withYears`) and returns a frozen,
 * sorted copy. The same rules as `parseNotice` apply.
 * @throws CalendarDataError naming the year and the field at fault.
 */
export function checkHolidayYear(input: HolidayYear): HolidayYear {
  if (!isPlainObject(input)) {
    throw new CalendarDataError(`Holiday notice: expected a HolidayYear object, got ${describe(input)}`);
  }
  const year = checkYearNumber(input.year, 'year');
  const source = checkSource(year, input.source);
  const holidaySeen = new Map<IsoDate, string>();
  const makeupSeen = new Map<IsoDate, string>();
  const holidays = checkDateList(year, 'holidays', input.holidays, holidaySeen);
  const makeupWorkdays = checkDateList(year, 'makeupWorkdays', input.makeupWorkdays, makeupSeen);
  checkNoOverlap(year, holidaySeen, makeupSeen);
  let names: Record<IsoDate, string> | undefined;
  if (input.names !== undefined) {
    if (!isPlainObject(input.names)) fail(year, 'names', `expected an object date → name, got ${describe(input.names)}`);
    names = {};
    for (const [date, name] of Object.entries(input.names)) {
      if (!holidaySeen.has(date)) fail(year, `names["${date}"]`, `${date} is named but is not one of the holidays`);
      if (typeof name !== 'string' || name.trim() === '') fail(year, `names["${date}"]`, `expected a non-empty name, got ${describe(name)}`);
      names[date] = name;
    }
  }
  return freeze({ year, source, holidays, makeupWorkdays, ...(names ? { names } : {}) });
}

/** Reads one year's entry of the holidays-cn.json shape; `holidays` may be { festival: dates[] } or a plain list. */
function parseYearEntry(key: string, entry: unknown): HolidayYear {
  if (!/^\d{4}$/.test(key)) {
    throw new CalendarDataError(`Holiday notice: years["${key}"] must be keyed by a four-digit year`, undefined, `years["${key}"]`);
  }
  const year = Number(key);
  if (!isPlainObject(entry)) fail(year, `years["${key}"]`, `expected an object, got ${describe(entry)}`);
  const source = checkSource(year, entry.source);
  const holidaySeen = new Map<IsoDate, string>();
  const makeupSeen = new Map<IsoDate, string>();
  const holidays: IsoDate[] = [];
  const names: Record<IsoDate, string> = {};
  const rawHolidays = entry.holidays;
  if (Array.isArray(rawHolidays)) {
    holidays.push(...checkDateList(year, 'holidays', rawHolidays, holidaySeen));
  } else if (isPlainObject(rawHolidays)) {
    for (const [name, dates] of Object.entries(rawHolidays)) {
      if (name.trim() === '') fail(year, 'holidays', 'a festival name is empty');
      for (const date of checkDateList(year, `holidays["${name}"]`, dates, holidaySeen)) {
        holidays.push(date);
        names[date] = name;
      }
    }
  } else {
    fail(year, 'holidays', `expected { festival name: dates[] } or a list of dates, got ${describe(rawHolidays)}`);
  }
  const makeupWorkdays = checkDateList(year, 'makeupWorkdays', entry.makeupWorkdays, makeupSeen);
  checkNoOverlap(year, holidaySeen, makeupSeen);
  return checkHolidayYear({
    year,
    source,
    holidays,
    makeupWorkdays,
    ...(Object.keys(names).length > 0 ? { names } : {}),
  });
}

/**
 * Parses holiday notices in the holidays-cn.json shape:
 * `{ years: { "2025": { source, holidays: { 春节: ["2025-01-28", …] }, makeupWorkdays: ["2025-01-26", …] } } }`.
 * Other top-level keys (such as `description`) are ignored.
 * @returns one frozen `HolidayYear` per year, ascending.
 * @throws CalendarDataError naming the year and field at fault: a malformed or impossible date, a date outside
 *   its year, a date listed twice, a date that is both a holiday and a make-up workday, a missing source.
 */
export function parseNotice(json: unknown): HolidayYear[] {
  if (!isPlainObject(json) || !isPlainObject(json.years)) {
    throw new CalendarDataError('Holiday notice: expected an object with a "years" object keyed by year', undefined, 'years');
  }
  return Object.entries(json.years)
    .map(([key, entry]) => parseYearEntry(key, entry))
    .sort((a, b) => a.year - b.year);
}
