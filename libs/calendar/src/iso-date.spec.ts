import { addDays, addMonths, compareDates, dayOfWeek, daysBetween, isIsoDate, isLeapYear } from './index';
import { dayNumber, fromDayNumber, weekdayName } from './iso-date';

describe('iso-date', () => {
  it.each([
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2025-07-25', 30, '2025-08-24'],
    ['2025-02-17', 90, '2025-05-18'],
    ['0099-12-31', 1, '0100-01-01'],
  ])('addDays(%s, %d) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2025-08-01', '2025-08-12', 11],
    ['2025-08-12', '2025-08-01', -11],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
  ])('daysBetween(%s, %s) = %d', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2025-01-15', -13, '2023-12-15'],
  ])('addMonths(%s, %d) = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2025-00-10', false],
    ['2025-9-1', false],
    ['2025-09-01T00:00:00Z', false],
    [20250901, false],
    [null, false],
  ])('isIsoDate(%p) = %s', (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });

  it.each([
    [2024, true],
    [2025, false],
    [2000, true],
    [2100, false],
  ])('isLeapYear(%d) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it('agrees with Date (UTC) on every day of 2023–2028: day numbers, round trip and weekday', () => {
    for (let t = Date.UTC(2023, 0, 1); t < Date.UTC(2029, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(t / 86_400_000);
      expect(fromDayNumber(t / 86_400_000)).toBe(iso);
      expect(dayOfWeek(iso)).toBe(new Date(t).getUTCDay());
    }
  });

  it('names weekdays and orders dates', () => {
    expect(weekdayName('2025-08-24')).toBe('Sunday');
    expect(compareDates('2025-08-24', '2025-08-25')).toBeLessThan(0);
  });

  it.each([
    ['a non-integer day count', () => addDays('2025-01-01', 0.5)],
    ['an unreal date', () => addDays('2025-02-30', 1)],
    ['a month count that leaves the supported years', () => addMonths('9999-12-01', 1)],
  ])('rejects %s', (_label, act) => {
    expect(act).toThrow(RangeError);
  });
});
