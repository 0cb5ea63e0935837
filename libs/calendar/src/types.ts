import type { IsoDate } from './iso-date';

/** How the days of a period are counted: every calendar day, or only working days (工作日). */
export type DayType = 'calendar' | 'working';

/** Unit of a period. A year is twelve months under the corresponding-day rule. */
export type PeriodUnit = 'day' | 'month' | 'year';

/** A legal period such as "30 日", "5 个工作日" (with dayType 'working') or "3 个月". */
export interface Period {
  amount: number;
  unit: PeriodUnit;
}

/**
 * One year's State Council holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * `holidays` are rest days even on a weekday; `makeupWorkdays` (调休上班日) are working days even on a weekend.
 */
export interface HolidayYear {
  year: number;
  /** Citation of the notice the data was taken from. */
  source: string;
  holidays: IsoDate[];
  makeupWorkdays: IsoDate[];
  /** Festival name per holiday date, e.g. { '2025-10-01': '国庆节、中秋节' }. */
  names?: Record<IsoDate, string>;
}

/**
 * A tolled segment (中止/扣除, e.g. hearing time excluded at 信访复核): the clock does not run on the days
 * after `from` up to and including `to`, so the segment lasts `to − from` days. The convention is the same as
 * for periods themselves (the day the segment starts from is not counted): 2025-08-01 → 2025-08-12 is 11 days.
 */
export interface Pause {
  from: IsoDate;
  to: IsoDate;
  reason?: string;
}

/**
 * An approved extension (延长), counted on from the end of the period before it. A day extension of a
 * working-day period is in working days.
 */
export interface Extension {
  amount: number;
  unit: PeriodUnit;
  reason?: string;
  approvedBy?: string;
}

/** How `LegalCalendar.compute` counts a period. */
export interface ComputeOptions {
  dayType: DayType;
  /**
   * Default true: a last day that is a rest day moves to the next working day (民法典 Art. 203; 民诉法 Art. 85).
   * Set false where the law keeps the raw end (e.g. custody periods, 公安行政案件程序规定 Art. 35).
   * A working-day count always ends on a working day, so it only matters there after a month/year extension.
   */
  rollForward?: boolean;
  /** Tolling segments; the due date moves later by the paused days that fall inside the running period. */
  pauses?: Pause[];
  /** Applied in order after the base period, each from the raw end of the one before; roll-forward happens once, at the end. */
  extensions?: Extension[];
}

/** Result of a period computation. */
export interface DueDate {
  /** Last day of the period (China time); the period runs until `endOfChinaDay(dueOn)`. */
  dueOn: IsoDate;
  /** Last day before roll-forward. */
  rawEnd: IsoDate;
  rolledForward: boolean;
  /** True when a day the computation had to classify lies in a year whose holiday notice is not loaded. */
  provisional: boolean;
  /** Those years, ascending. */
  missingYears: number[];
}
