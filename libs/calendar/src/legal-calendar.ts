/**
 * Legal period computation under 民法典 Arts. 200–204 and 民诉法 Art. 85 (see spec §0.3).
 *
 * Everything is a pure function of the loaded holiday notices and the arguments: no clock, no time zone,
 * no I/O. A year without a loaded notice falls back to the weekend rule and marks the result provisional,
 * because the State Council publishes each year's notice only a few weeks before it starts.
 */
import { CalendarDataError } from './calendar-data-error';
import { checkHolidayYear, parseNotice } from './holiday-notice';
import {
  addDays,
  addMonths,
  assertIsoDate,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isWeekend,
  yearOf,
  type IsoDate,
} from './iso-date';
import type { ComputeOptions, DayType, DueDate, HolidayYear, Pause, Period, PeriodUnit } from './types';

/** Name reported for a holiday whose notice gives no festival name. */
export const UNNAMED_HOLIDAY = '法定节假日';

/** Longest run of rest days tolerated before the data is declared implausible (the longest real one is 9). */
const MAX_REST_RUN = 366;

const UNITS: readonly PeriodUnit[] = ['day', 'month', 'year'];
const DAY_TYPES: readonly DayType[] = ['calendar', 'working'];

/** A pause as day numbers: the clock stops on the days after `from` up to and including `to`. */
interface PausedSpan {
  from: number;
  to: number;
}

/** Options for `countBack`. Counting back has no roll-forward, pauses or extensions. */
export interface CountBackOptions {
  dayType: DayType;
}

function checkPeriod(period: Period, label: string): void {
  if (typeof period !== 'object' || period === null) throw new RangeError(`${label} must be { amount, unit }`);
  if (!UNITS.includes(period.unit)) {
    throw new RangeError(`${label}.unit must be one of ${UNITS.join(', ')}, got ${JSON.stringify(period.unit)}`);
  }
  if (!Number.isSafeInteger(period.amount) || period.amount < 0) {
    throw new RangeError(`${label}.amount must be a whole number ≥ 0, got ${String(period.amount)}`);
  }
}

function checkDayType(dayType: unknown): DayType {
  if (!DAY_TYPES.includes(dayType as DayType)) {
    throw new RangeError(`options.dayType must be 'calendar' or 'working', got ${JSON.stringify(dayType)}`);
  }
  return dayType as DayType;
}

function monthsIn(period: Period): number {
  return period.unit === 'year' ? period.amount * 12 : period.amount;
}

/** Validates the pauses and merges overlapping ones, so a day paused twice is not subtracted twice. */
function mergePauses(pauses: readonly Pause[]): PausedSpan[] {
  const spans = pauses.map((pause, i) => {
    const from = dayNumber(assertIsoDate(pause?.from, `pauses[${i}].from`));
    const to = dayNumber(assertIsoDate(pause?.to, `pauses[${i}].to`));
    if (to < from) throw new RangeError(`pauses[${i}]: to (${pause.to}) is before from (${pause.from})`);
    return { from, to };
  });
  spans.sort((a, b) => a.from - b.from);
  const merged: PausedSpan[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.from <= last.to) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

function isPaused(day: number, spans: readonly PausedSpan[]): boolean {
  return spans.some((span) => day > span.from && day <= span.to);
}

/**
 * The official PRC legal calendar: which days are working days, and when a legal period ends.
 * Immutable: `withYears` returns a new calendar, so a deadline computed earlier never changes under a caller.
 */
export class LegalCalendar {
  private readonly notices: ReadonlyMap<number, HolidayYear>;
  private readonly holidays: ReadonlyMap<IsoDate, string>;
  private readonly makeupWorkdays: ReadonlySet<IsoDate>;

  /**
   * @param years holiday notices to load (none: every year follows the weekend rule and results are provisional).
   * @throws CalendarDataError when a notice is invalid or a year is given twice.
   */
  constructor(years: HolidayYear[] = []) {
    if (!Array.isArray(years)) throw new CalendarDataError('LegalCalendar expects an array of HolidayYear');
    const notices = new Map<number, HolidayYear>();
    for (const input of years) {
      const notice = checkHolidayYear(input);
      if (notices.has(notice.year)) {
        throw new CalendarDataError(`Holiday notice for ${notice.year} is given twice`, notice.year, 'year');
      }
      notices.set(notice.year, notice);
    }
    const holidays = new Map<IsoDate, string>();
    const makeupWorkdays = new Set<IsoDate>();
    for (const notice of notices.values()) {
      for (const date of notice.holidays) holidays.set(date, notice.names?.[date] ?? UNNAMED_HOLIDAY);
      for (const date of notice.makeupWorkdays) makeupWorkdays.add(date);
    }
    this.notices = notices;
    this.holidays = holidays;
    this.makeupWorkdays = makeupWorkdays;
  }

  /** A calendar from JSON in the holidays-cn.json shape. @throws CalendarDataError on bad data. */
  static fromJson(json: unknown): LegalCalendar {
    return new LegalCalendar(parseNotice(json));
  }

  /**
   * Parses JSON in the holidays-cn.json shape into `HolidayYear`s without building a calendar (for import screens).
   * @throws CalendarDataError naming the year and field at fault.
   */
  static parseNotice(json: unknown): HolidayYear[] {
    return parseNotice(json);
  }

  /** A new calendar with `years` added, replacing any loaded notice for the same year. This one is unchanged. */
  withYears(years: HolidayYear[]): LegalCalendar {
    if (!Array.isArray(years)) throw new CalendarDataError('withYears expects an array of HolidayYear');
    const incoming = years.map(checkHolidayYear);
    const replaced = new Set(incoming.map((y) => y.year));
    const kept = [...this.notices.values()].filter((y) => !replaced.has(y.year));
    return new LegalCalendar([...kept, ...incoming]);
  }

  /** Years whose notice is loaded, ascending. */
  loadedYears(): number[] {
    return [...this.notices.keys()].sort((a, b) => a - b);
  }

  /** Whether the notice for `year` is loaded. */
  hasYear(year: number): boolean {
    return this.notices.has(year);
  }

  /** The loaded notices, ascending by year (frozen objects). */
  years(): HolidayYear[] {
    return this.loadedYears().map((year) => this.notices.get(year) as HolidayYear);
  }

  /**
   * A working day: a weekday that is not a holiday, or a make-up workday (调休上班日) even on a weekend.
   * In a year without a loaded notice only the weekend rule applies.
   */
  isWorkingDay(date: IsoDate): boolean {
    return this.classify(assertIsoDate(date), undefined);
  }

  /** The opposite of `isWorkingDay`: a weekend that is not a make-up workday, or a holiday. */
  isRestDay(date: IsoDate): boolean {
    return !this.isWorkingDay(date);
  }

  /** The festival a holiday belongs to (e.g. '春节'), `UNNAMED_HOLIDAY` when the notice gives none, else undefined. */
  holidayName(date: IsoDate): string | undefined {
    return this.holidays.get(assertIsoDate(date));
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    return this.nextWorking(assertIsoDate(date), undefined);
  }

  /**
   * The last day of a legal period that starts on `start` (an event day, itself not counted).
   *
   * - calendar days: start + N; months/years: the corresponding day of the final month, or its last day;
   * - working days: the Nth working day after `start`;
   * - pauses: paused days inside the running period do not count (calendar days of a pause for calendar and
   *   month periods, its working days for working-day periods), so the end moves later by that many days;
   * - extensions: counted on from the raw end, in order;
   * - then, unless `rollForward` is false, a rest day rolls forward to the next working day, once.
   *
   * @example compute('2025-07-25', { amount: 30, unit: 'day' }, { dayType: 'calendar',
   *   pauses: [{ from: '2025-08-01', to: '2025-08-12' }] }).dueOn === '2025-09-04'
   * @throws RangeError on a malformed date, period or option (a working-day period must be counted in days).
   */
  compute(start: IsoDate, period: Period, options: ComputeOptions): DueDate {
    assertIsoDate(start, 'start');
    checkPeriod(period, 'period');
    if (typeof options !== 'object' || options === null) throw new RangeError('options must be given (at least { dayType })');
    const dayType = checkDayType(options.dayType);
    if (dayType === 'working' && period.unit !== 'day') {
      throw new RangeError(`a working-day period is counted in days, got unit ${JSON.stringify(period.unit)}`);
    }
    const spans = mergePauses(options.pauses ?? []);
    const extensions = options.extensions ?? [];
    extensions.forEach((extension, i) => checkPeriod(extension, `extensions[${i}]`));

    const missing = new Set<number>();
    let rawEnd = this.advance(start, period, dayType, spans, missing);
    for (const extension of extensions) rawEnd = this.advance(rawEnd, extension, dayType, spans, missing);

    let dueOn = rawEnd;
    if ((options.rollForward ?? true) && !this.classify(rawEnd, missing)) dueOn = this.nextWorking(rawEnd, missing);
    return result(dueOn, rawEnd, missing);
  }

  /**
   * The day `period` before `event`, counted back the way `compute` counts forward (the event day is not
   * counted). For a rule such as "notice at least 5 working days before the hearing" it is the last day the
   * notice may be given: counting 5 working days forward from it reaches the hearing day.
   * Nothing is rolled: an act before a deadline may be done on any day.
   */
  countBack(event: IsoDate, period: Period, options: CountBackOptions): DueDate {
    assertIsoDate(event, 'event');
    checkPeriod(period, 'period');
    const dayType = checkDayType(options?.dayType);
    const missing = new Set<number>();
    let day: IsoDate;
    if (period.unit !== 'day') {
      if (dayType === 'working') throw new RangeError('a working-day period is counted in days');
      day = addMonths(event, -monthsIn(period));
    } else if (dayType === 'calendar') {
      day = addDays(event, -period.amount);
    } else {
      day = event;
      for (let counted = 0; counted < period.amount; ) {
        day = addDays(day, -1);
        if (this.classify(day, missing)) counted++;
      }
    }
    return result(day, day, missing);
  }

  /** Working days in (from, to]: `from` excluded, `to` included. Negative, mirrored, when `to` is before `from`. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    assertIsoDate(from, 'from');
    assertIsoDate(to, 'to');
    if (dayNumber(to) < dayNumber(from)) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let day = addDays(from, 1); dayNumber(day) <= dayNumber(to); day = addDays(day, 1)) {
      if (this.classify(day, undefined)) count++;
    }
    return count;
  }

  /** Working-day test that records years without a notice in `missing` (when given). */
  private classify(date: IsoDate, missing: Set<number> | undefined): boolean {
    const year = yearOf(date);
    if (!this.notices.has(year)) {
      missing?.add(year);
      return !isWeekend(date);
    }
    if (this.makeupWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return !isWeekend(date);
  }

  private nextWorking(date: IsoDate, missing: Set<number> | undefined): IsoDate {
    let day = date;
    for (let step = 0; step < MAX_REST_RUN; step++) {
      day = addDays(day, 1);
      if (this.classify(day, missing)) return day;
    }
    throw new CalendarDataError(`no working day within ${MAX_REST_RUN} days after ${date}: the holiday data is implausible`);
  }

  /** Moves `anchor` on by one period (the base period or an extension), skipping paused days. */
  private advance(anchor: IsoDate, period: Period, dayType: DayType, spans: PausedSpan[], missing: Set<number>): IsoDate {
    if (period.unit === 'day' && dayType === 'working') return this.advanceWorking(anchor, period.amount, spans, missing);
    // Month periods end on a corresponding day, which fixes their length in calendar days; pauses then stretch
    // that length exactly as they stretch a day period.
    const days = period.unit === 'day' ? period.amount : daysBetween(anchor, addMonths(anchor, monthsIn(period)));
    return advanceCalendar(anchor, days, spans);
  }

  private advanceWorking(anchor: IsoDate, amount: number, spans: PausedSpan[], missing: Set<number>): IsoDate {
    let day = anchor;
    let restRun = 0;
    for (let counted = 0; counted < amount; ) {
      day = addDays(day, 1);
      if (isPaused(dayNumber(day), spans)) continue;
      if (this.classify(day, missing)) {
        counted++;
        restRun = 0;
      } else if (++restRun >= MAX_REST_RUN) {
        throw new CalendarDataError(`${MAX_REST_RUN} consecutive rest days up to ${day}: the holiday data is implausible`);
      }
    }
    return day;
  }
}

/** `days` unpaused calendar days after `anchor`; a pause in progress holds the clock until it ends. */
function advanceCalendar(anchor: IsoDate, days: number, spans: readonly PausedSpan[]): IsoDate {
  let cursor = dayNumber(anchor);
  let remaining = days;
  for (const span of spans) {
    if (span.to <= cursor) continue;
    const runnable = Math.max(span.from, cursor) - cursor;
    if (remaining <= runnable) break;
    remaining -= runnable;
    cursor = span.to;
  }
  return fromDayNumber(cursor + remaining);
}

function result(dueOn: IsoDate, rawEnd: IsoDate, missing: Set<number>): DueDate {
  return {
    dueOn,
    rawEnd,
    rolledForward: dueOn !== rawEnd,
    provisional: missing.size > 0,
    missingYears: [...missing].sort((a, b) => a - b),
  };
}
