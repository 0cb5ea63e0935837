import bundledJson from './data/holidays-cn.json';
import { BUNDLED_HOLIDAYS, CalendarDataError, LegalCalendar } from './index';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function withEdit(edit: (years: Json) => void): unknown {
  const copy = JSON.parse(JSON.stringify(bundledJson)) as Json;
  edit(copy.years);
  return copy;
}

function parseError(json: unknown): CalendarDataError {
  try {
    LegalCalendar.parseNotice(json);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarDataError);
    return error as CalendarDataError;
  }
  throw new Error('parseNotice accepted bad data');
}

describe('the bundled holiday notices', () => {
  it.each([
    [2024, 28, 8],
    [2025, 28, 5],
    [2026, 33, 6],
  ])('%d: %d holiday days and %d make-up workdays', (year, holidays, makeups) => {
    const notice = BUNDLED_HOLIDAYS.find((y) => y.year === year);
    expect(notice?.holidays).toHaveLength(holidays);
    expect(notice?.makeupWorkdays).toHaveLength(makeups);
    expect(notice?.source).toMatch(new RegExp(`${year}年部分节假日安排`));
  });

  it('keeps the festival names', () => {
    const y2025 = BUNDLED_HOLIDAYS.find((y) => y.year === 2025);
    expect(y2025?.names?.['2025-01-28']).toBe('春节');
    expect(y2025?.names?.['2025-10-08']).toBe('国庆节、中秋节');
  });

  it('parseNotice and fromJson read the shipped file the same way as BUNDLED_HOLIDAYS', () => {
    expect(LegalCalendar.parseNotice(bundledJson)).toEqual(BUNDLED_HOLIDAYS);
    expect(LegalCalendar.fromJson(bundledJson).loadedYears()).toEqual([2024, 2025, 2026]);
  });

  it('accepts a plain list of holidays (no festival names)', () => {
    const years = LegalCalendar.parseNotice({ years: { 2027: { source: 'test', holidays: ['2027-01-01'], makeupWorkdays: [] } } });
    expect(years).toEqual([{ year: 2027, source: 'test', holidays: ['2027-01-01'], makeupWorkdays: [] }]);
  });
});

describe('parseNotice rejects bad data, naming the year and the field', () => {
  it.each<[string, (years: Json) => void, number | undefined, string, RegExp]>([
    ['an impossible date', (y) => (y['2025'].holidays['春节'][2] = '2025-02-30'), 2025, 'holidays["春节"][2]', /2025-02-30" is not a real date/],
    ['a malformed date', (y) => (y['2025'].holidays['国庆节、中秋节'][0] = '2025/10/01'), 2025, 'holidays["国庆节、中秋节"][0]', /not a real date/],
    ['a non-string date', (y) => (y['2024'].makeupWorkdays[0] = 20240204), 2024, 'makeupWorkdays[0]', /20240204 is not a real date/],
    ['a holiday outside its year', (y) => y['2025'].holidays['元旦'].push('2026-01-01'), 2025, 'holidays["元旦"][1]', /2026-01-01 lies outside 2025/],
    ['a make-up day outside its year', (y) => y['2026'].makeupWorkdays.push('2025-12-28'), 2026, 'makeupWorkdays[6]', /2025-12-28 lies outside 2026/],
    ['a date both holiday and make-up day', (y) => y['2025'].makeupWorkdays.push('2025-10-01'), 2025, 'makeupWorkdays[5]', /2025-10-01 is both a holiday .*国庆节、中秋节.* and a make-up workday/],
    ['a duplicate holiday in one festival', (y) => y['2026'].holidays['春节'].push('2026-02-15'), 2026, 'holidays["春节"][9]', /2026-02-15 is listed twice \(also at holidays\["春节"\]\[0\]\)/],
    // 中秋节 precedes 国庆节 in the file, so the copy in 中秋节 is seen first and the 国庆节 one is the repeat.
    ['a duplicate holiday across festivals', (y) => y['2024'].holidays['中秋节'].push('2024-10-01'), 2024, 'holidays["国庆节"][0]', /listed twice \(also at holidays\["中秋节"\]\[3\]\)/],
    ['a duplicate make-up day', (y) => y['2025'].makeupWorkdays.push('2025-01-26'), 2025, 'makeupWorkdays[5]', /2025-01-26 is listed twice/],
    ['a missing source', (y) => delete y['2025'].source, 2025, 'source', /citation/],
    ['make-up days that are not a list', (y) => (y['2026'].makeupWorkdays = '2026-01-04'), 2026, 'makeupWorkdays', /expected an array of dates/],
    ['missing make-up days', (y) => delete y['2024'].makeupWorkdays, 2024, 'makeupWorkdays', /expected an array of dates/],
    ['holidays of the wrong type', (y) => (y['2025'].holidays = 42), 2025, 'holidays', /expected \{ festival name: dates\[\] \}/],
    ['a festival whose dates are not a list', (y) => (y['2025'].holidays['元旦'] = '2025-01-01'), 2025, 'holidays["元旦"]', /expected an array of dates/],
    ['a year entry that is not an object', (y) => (y['2026'] = []), 2026, 'years["2026"]', /expected an object/],
    ['a key that is not a four-digit year', (y) => (y['25'] = y['2025']), undefined, 'years["25"]', /four-digit year/],
  ])('%s', (_label, edit, year, field, why) => {
    const error = parseError(withEdit(edit));
    expect(error.year).toBe(year);
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    if (year !== undefined) expect(error.message).toContain(`for ${year}`);
    expect(error.message).toMatch(why);
  });

  it.each([null, [], 'years', {}, { years: [] }])('rejects %p as a notice file', (json) => {
    expect(parseError(json).message).toMatch(/"years" object/);
  });
});

describe('HolidayYear objects given to the constructor are checked the same way', () => {
  it.each<[string, object, string, RegExp]>([
    ['an impossible date', { year: 2027, source: 't', holidays: ['2027-13-01'], makeupWorkdays: [] }, 'holidays[0]', /not a real date/],
    ['a holiday outside the year', { year: 2027, source: 't', holidays: ['2028-01-01'], makeupWorkdays: [] }, 'holidays[0]', /outside 2027/],
    ['a date both holiday and make-up day', { year: 2027, source: 't', holidays: ['2027-01-02'], makeupWorkdays: ['2027-01-02'] }, 'makeupWorkdays[0]', /both/],
    ['a name for a day that is not a holiday', { year: 2027, source: 't', holidays: [], makeupWorkdays: [], names: { '2027-01-01': '元旦' } }, 'names["2027-01-01"]', /not one of the holidays/],
  ])('%s', (_label, notice, field, why) => {
    const act = () => new LegalCalendar([notice as never]);
    expect(act).toThrow(CalendarDataError);
    expect(act).toThrow(why);
    expect(act).toThrow(`Holiday notice for 2027, field ${field}`);
  });

  it('rejects a year that is not a four-digit number', () => {
    expect(() => new LegalCalendar([{ year: 27, source: 't', holidays: [], makeupWorkdays: [] }])).toThrow(/four-digit year/);
  });
});
