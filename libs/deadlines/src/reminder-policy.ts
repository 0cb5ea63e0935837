import type { IsoDate, LegalCalendar } from '@app/calendar';

/**
 * The first day whose deadlines are not reminded yet today: a deadline due before it has at most `workingDays`
 * working days left (counting its due day, not today), so its reminder is due. With 3, a deadline due Thursday
 * 2025-04-03 is reminded from Monday 2025-03-31; over a holiday the horizon stretches to cover the rest days.
 */
export function reminderHorizon(calendar: LegalCalendar, today: IsoDate, workingDays: number): IsoDate {
  const last = calendar.compute(today, { amount: workingDays, unit: 'day' }, { dayType: 'working', rollForward: false }).dueOn;
  return calendar.nextWorkingDay(last);
}
