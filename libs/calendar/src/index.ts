/**
 * @app/calendar — the PRC legal calendar: holiday notices, working days and legal period computation.
 * A pure library: it imports nothing but its own files, so any layer (domain, persistence, API) may use it.
 */
export type { IsoDate } from './iso-date';
export type { ComputeOptions, DayType, DueDate, Extension, HolidayYear, Pause, Period, PeriodUnit } from './types';
export type { CountBackOptions } from './legal-calendar';
export { LegalCalendar, UNNAMED_HOLIDAY } from './legal-calendar';
export { CalendarDataError } from './calendar-data-error';
export { BUNDLED_HOLIDAYS } from './bundled-holidays';
export { chinaDate, endOfChinaDay, startOfChinaDay, CHINA_UTC_OFFSET_MS } from './china-time';
export {
  addDays,
  addMonths,
  assertIsoDate,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  isWeekend,
} from './iso-date';
export { checkHolidayYear, parseNotice } from './holiday-notice';
export { NoticeTextError, parseNoticeText, type NoticeText, type NoticeTextProblem } from './notice-text';
