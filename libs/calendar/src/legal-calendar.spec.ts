import {
  BUNDLED_HOLIDAYS,
  CalendarDataError,
  LegalCalendar,
  UNNAMED_HOLIDAY,
  type DayType,
  type HolidayYear,
  type PeriodUnit,
} from './index';

const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);

interface Row {
  name: string;
  start: string;
  amount: number;
  unit: PeriodUnit;
  dayType: DayType;
  dueOn: string;
  rawEnd?: string;
}

function due(row: Row) {
  return calendar.compute(row.start, { amount: row.amount, unit: row.unit }, { dayType: row.dayType });
}

function expectRow(row: Row): void {
  const result = due(row);
  expect(result.dueOn).toBe(row.dueOn);
  expect(result.rawEnd).toBe(row.rawEnd ?? row.dueOn);
  expect(result.rolledForward).toBe((row.rawEnd ?? row.dueOn) !== row.dueOn);
  expect(result.provisional).toBe(false);
  expect(result.missingYears).toEqual([]);
}

describe('LegalCalendar: classifying days', () => {
  it.each([
    ['2025-09-28', true, 'a make-up Sunday'],
    ['2025-10-01', false, 'National Day on a Wednesday'],
    ['2025-10-08', false, 'the last day of the 2025 National Day holiday'],
    ['2025-10-11', true, 'a make-up Saturday'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2025-10-13', true, 'an ordinary Monday'],
    ['2026-02-14', true, 'the 2026 Spring Festival make-up Saturday'],
    ['2026-02-23', false, 'the last day of Spring Festival 2026, a Monday'],
    ['2027-01-01', true, 'a Friday in 2027, which has no notice: weekend rule only'],
    ['2027-01-02', false, 'a Saturday in 2027: weekend rule only'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
    expect(calendar.isRestDay(date)).toBe(!working);
  });

  it.each([
    ['2025-10-01', '国庆节、中秋节'],
    ['2026-02-15', '春节'],
    ['2024-06-10', '端午节'],
    ['2025-10-09', undefined],
    ['2025-10-11', undefined],
  ])('holidayName(%s) is %s', (date, name) => {
    expect(calendar.holidayName(date)).toBe(name);
  });

  it('names a holiday without a festival name generically', () => {
    const plain = new LegalCalendar([{ year: 2027, source: 'test', holidays: ['2027-01-01'], makeupWorkdays: [] }]);
    expect(plain.holidayName('2027-01-01')).toBe(UNNAMED_HOLIDAY);
  });

  it.each([
    ['2025-07-21', '2025-07-22', 'strictly after a working Monday'],
    ['2025-09-30', '2025-10-09', 'over the 10-01..08 holiday'],
    ['2025-10-10', '2025-10-11', 'onto a make-up Saturday'],
    ['2026-02-14', '2026-02-24', 'from a make-up Saturday over Spring Festival 2026'],
    ['2025-12-31', '2026-01-04', 'over New Year 2026 onto the make-up Sunday'],
  ])('nextWorkingDay(%s) = %s (%s)', (date, next) => {
    expect(calendar.nextWorkingDay(date)).toBe(next);
  });

  it.each([
    ['2025-09-30', '2025-10-11', 3],
    ['2025-10-11', '2025-09-30', -3],
    ['2025-10-01', '2025-10-01', 0],
    ['2025-12-31', '2026-01-05', 2],
    ['2026-02-13', '2026-02-28', 6], // 02-14 and 02-28 (make-up Saturdays) plus 02-24..27
  ])('workingDaysBetween(%s, %s) = %d', (from, to, count) => {
    expect(calendar.workingDaysBetween(from, to)).toBe(count);
  });

  it('loads the bundled 2024–2026 notices', () => {
    expect(calendar.loadedYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.hasYear(2026)).toBe(true);
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.years().map((y) => y.source)).toEqual(BUNDLED_HOLIDAYS.map((y) => y.source));
  });
});

describe('LegalCalendar: 2026 Spring Festival (02-15..02-23; make-up 02-14 and 02-28, both Saturdays)', () => {
  it.each<Row>([
    { name: 'ends on the first holiday day', start: '2026-02-05', amount: 10, unit: 'day', dayType: 'calendar', rawEnd: '2026-02-15', dueOn: '2026-02-24' },
    { name: 'ends on the last holiday day, a Monday', start: '2026-02-15', amount: 8, unit: 'day', dayType: 'calendar', rawEnd: '2026-02-23', dueOn: '2026-02-24' },
    { name: 'ends on the 02-14 make-up Saturday: no roll', start: '2026-02-04', amount: 10, unit: 'day', dayType: 'calendar', dueOn: '2026-02-14' },
    { name: 'ends on the 02-28 make-up Saturday: no roll', start: '2026-02-18', amount: 10, unit: 'day', dayType: 'calendar', dueOn: '2026-02-28' },
    { name: 'one month from 01-31 is the 02-28 make-up Saturday', start: '2026-01-31', amount: 1, unit: 'month', dayType: 'calendar', dueOn: '2026-02-28' },
    { name: 'counts the make-up Saturday, then jumps the holiday', start: '2026-02-12', amount: 3, unit: 'day', dayType: 'working', dueOn: '2026-02-24' },
    { name: 'lands on the 02-14 make-up Saturday', start: '2026-02-13', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-02-14' },
    { name: 'starts on the make-up Saturday (not counted)', start: '2026-02-14', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-02-24' },
    { name: 'lands on the 02-28 make-up Saturday', start: '2026-02-24', amount: 4, unit: 'day', dayType: 'working', dueOn: '2026-02-28' },
    { name: 'passes the 02-28 make-up Saturday', start: '2026-02-24', amount: 5, unit: 'day', dayType: 'working', dueOn: '2026-03-02' },
  ])('$name: $amount $unit ($dayType) from $start → $dueOn', expectRow);
});

describe('LegalCalendar: 2026 National Day (10-01..10-07; make-up 09-20 Sunday and 10-10 Saturday)', () => {
  it.each<Row>([
    { name: 'ends on the 09-20 make-up Sunday: no roll', start: '2026-09-15', amount: 5, unit: 'day', dayType: 'calendar', dueOn: '2026-09-20' },
    { name: 'ends on 10-01', start: '2026-09-30', amount: 1, unit: 'day', dayType: 'calendar', rawEnd: '2026-10-01', dueOn: '2026-10-08' },
    { name: 'ends mid-holiday', start: '2026-09-23', amount: 10, unit: 'day', dayType: 'calendar', rawEnd: '2026-10-03', dueOn: '2026-10-08' },
    { name: 'ends on the 10-10 make-up Saturday: no roll', start: '2026-09-29', amount: 11, unit: 'day', dayType: 'calendar', dueOn: '2026-10-10' },
    { name: 'ends on the Sunday after the make-up Saturday', start: '2026-10-04', amount: 7, unit: 'day', dayType: 'calendar', rawEnd: '2026-10-11', dueOn: '2026-10-12' },
    { name: 'lands on the 09-20 make-up Sunday', start: '2026-09-18', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-09-20' },
    { name: 'jumps 中秋 09-25..27', start: '2026-09-24', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-09-28' },
    { name: 'jumps the holiday', start: '2026-09-30', amount: 2, unit: 'day', dayType: 'working', dueOn: '2026-10-09' },
    { name: 'reaches the 10-10 make-up Saturday', start: '2026-09-30', amount: 3, unit: 'day', dayType: 'working', dueOn: '2026-10-10' },
    { name: 'counts both sides of the holiday', start: '2026-09-28', amount: 5, unit: 'day', dayType: 'working', dueOn: '2026-10-10' },
  ])('$name: $amount $unit ($dayType) from $start → $dueOn', expectRow);
});

describe('LegalCalendar: month ends, leap years and the year boundary', () => {
  it.each<Row>([
    { name: 'Jan 31 + 1 month in a common year', start: '2025-01-31', amount: 1, unit: 'month', dayType: 'calendar', dueOn: '2025-02-28' },
    { name: 'Jan 31 + 1 month in a leap year', start: '2024-01-31', amount: 1, unit: 'month', dayType: 'calendar', dueOn: '2024-02-29' },
    { name: 'Mar 31 + 1 month', start: '2025-03-31', amount: 1, unit: 'month', dayType: 'calendar', dueOn: '2025-04-30' },
    { name: 'May 31 + 1 month', start: '2025-05-31', amount: 1, unit: 'month', dayType: 'calendar', dueOn: '2025-06-30' },
    { name: 'Aug 31 + 6 months is the 2026-02-28 make-up Saturday', start: '2025-08-31', amount: 6, unit: 'month', dayType: 'calendar', dueOn: '2026-02-28' },
    { name: 'leap day + 1 year', start: '2024-02-29', amount: 1, unit: 'year', dayType: 'calendar', dueOn: '2025-02-28' },
    { name: 'leap day + 12 months', start: '2024-02-29', amount: 12, unit: 'month', dayType: 'calendar', dueOn: '2025-02-28' },
    { name: 'Dec 31 + 1 year', start: '2025-12-31', amount: 1, unit: 'year', dayType: 'calendar', dueOn: '2026-12-31' },
    { name: 'Dec 31 + 1 day is New Year 2026, rolled to the 01-04 make-up Sunday', start: '2025-12-31', amount: 1, unit: 'day', dayType: 'calendar', rawEnd: '2026-01-01', dueOn: '2026-01-04' },
    { name: 'a start in an unloaded year does not matter to a calendar period', start: '2023-12-31', amount: 2, unit: 'month', dayType: 'calendar', dueOn: '2024-02-29' },
    { name: 'New Year 2026: the 01-04 make-up Sunday counts', start: '2025-12-31', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-01-04' },
    { name: 'New Year 2026, two working days', start: '2025-12-31', amount: 2, unit: 'day', dayType: 'working', dueOn: '2026-01-05' },
    { name: 'New Year 2026 from the Friday before', start: '2025-12-26', amount: 4, unit: 'day', dayType: 'working', dueOn: '2026-01-04' },
  ])('$name: $amount $unit ($dayType) from $start → $dueOn', expectRow);
});

describe('LegalCalendar: working-day periods that start on a rest day', () => {
  it.each<Row>([
    { name: 'starts mid National Day 2025; 10-11 make-up Saturday counts', start: '2025-10-03', amount: 5, unit: 'day', dayType: 'working', dueOn: '2025-10-14' },
    { name: 'starts on New Year 2025', start: '2025-01-01', amount: 1, unit: 'day', dayType: 'working', dueOn: '2025-01-02' },
    { name: 'starts on a Spring Festival Saturday', start: '2025-02-01', amount: 2, unit: 'day', dayType: 'working', dueOn: '2025-02-06' },
    { name: 'starts on the first day of Spring Festival 2026', start: '2026-02-15', amount: 1, unit: 'day', dayType: 'working', dueOn: '2026-02-24' },
    { name: 'starts on National Day 2024', start: '2024-10-01', amount: 3, unit: 'day', dayType: 'working', dueOn: '2024-10-10' },
    { name: 'starts on an ordinary Saturday', start: '2025-06-14', amount: 1, unit: 'day', dayType: 'working', dueOn: '2025-06-16' },
    { name: 'starts on a make-up Sunday (the start day is never counted)', start: '2025-09-28', amount: 1, unit: 'day', dayType: 'working', dueOn: '2025-09-29' },
    { name: 'calendar period starting on a holiday', start: '2025-10-01', amount: 3, unit: 'day', dayType: 'calendar', rawEnd: '2025-10-04', dueOn: '2025-10-09' },
  ])('$name: $amount $unit ($dayType) from $start → $dueOn', expectRow);
});

describe('LegalCalendar: options and argument checks', () => {
  it('keeps the raw end when rollForward is false', () => {
    const result = calendar.compute('2025-09-01', { amount: 30, unit: 'day' }, { dayType: 'calendar', rollForward: false });
    expect(result).toEqual({ dueOn: '2025-10-01', rawEnd: '2025-10-01', rolledForward: false, provisional: false, missingYears: [] });
  });

  it('a zero-day period ends on the start day, rolled forward when that is a rest day', () => {
    expect(calendar.compute('2025-10-13', { amount: 0, unit: 'day' }, { dayType: 'calendar' }).dueOn).toBe('2025-10-13');
    expect(calendar.compute('2025-10-12', { amount: 0, unit: 'day' }, { dayType: 'working' }).dueOn).toBe('2025-10-13');
  });

  it.each([
    ['a malformed start', () => calendar.compute('2025-9-1', { amount: 1, unit: 'day' }, { dayType: 'calendar' }), /start/],
    ['an impossible start', () => calendar.compute('2025-02-29', { amount: 1, unit: 'day' }, { dayType: 'calendar' }), /start/],
    ['a negative amount', () => calendar.compute('2025-09-01', { amount: -1, unit: 'day' }, { dayType: 'calendar' }), /period\.amount/],
    ['a fractional amount', () => calendar.compute('2025-09-01', { amount: 1.5, unit: 'day' }, { dayType: 'calendar' }), /period\.amount/],
    ['an unknown unit', () => calendar.compute('2025-09-01', { amount: 1, unit: 'week' as PeriodUnit }, { dayType: 'calendar' }), /period\.unit/],
    ['an unknown day type', () => calendar.compute('2025-09-01', { amount: 1, unit: 'day' }, { dayType: 'natural' as DayType }), /dayType/],
    ['working months', () => calendar.compute('2025-09-01', { amount: 1, unit: 'month' }, { dayType: 'working' }), /working-day period is counted in days/],
    ['a bad extension', () => calendar.compute('2025-09-01', { amount: 1, unit: 'day' }, { dayType: 'calendar', extensions: [{ amount: -30, unit: 'day' }] }), /extensions\[0\]\.amount/],
    ['an unreal date to isWorkingDay', () => calendar.isWorkingDay('2025-04-31'), /date/],
  ])('rejects %s with a RangeError', (_label, act, message) => {
    expect(act).toThrow(RangeError);
    expect(act).toThrow(message);
  });
});

describe('LegalCalendar: immutability', () => {
  const no2025Holidays: HolidayYear = { year: 2025, source: 'test: 2025 without holidays', holidays: [], makeupWorkdays: [] };

  it('withYears replaces a year in a new calendar and leaves the original alone', () => {
    const replaced = calendar.withYears([no2025Holidays]);
    expect(replaced.isWorkingDay('2025-10-01')).toBe(true);
    expect(replaced.loadedYears()).toEqual([2024, 2025, 2026]);
    expect(calendar.isWorkingDay('2025-10-01')).toBe(false);
  });

  it('refuses the same year twice in the constructor', () => {
    expect(() => new LegalCalendar([no2025Holidays, no2025Holidays])).toThrow(CalendarDataError);
    expect(() => new LegalCalendar([no2025Holidays, no2025Holidays])).toThrow(/2025 is given twice/);
  });

  it('freezes the bundled data', () => {
    expect(Object.isFrozen(BUNDLED_HOLIDAYS)).toBe(true);
    expect(Object.isFrozen(BUNDLED_HOLIDAYS[0].holidays)).toBe(true);
    expect(() => (BUNDLED_HOLIDAYS[0].holidays as string[]).push('2024-12-25')).toThrow(TypeError);
  });

  it('declares data with no working day for over a year implausible instead of looping', () => {
    const allYear = (year: number): HolidayYear => {
      const days: string[] = [];
      for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
        days.push(d.toISOString().slice(0, 10));
      }
      return { year, source: 'fabricated: every day a holiday', holidays: days, makeupWorkdays: [] };
    };
    const broken = new LegalCalendar([allYear(2030), allYear(2031)]);
    expect(() => broken.nextWorkingDay('2029-12-31')).toThrow(CalendarDataError);
    expect(() => broken.compute('2029-12-31', { amount: 1, unit: 'day' }, { dayType: 'working' })).toThrow(CalendarDataError);
  });
});
