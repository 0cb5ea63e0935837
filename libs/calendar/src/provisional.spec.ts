import { BUNDLED_HOLIDAYS, LegalCalendar, type HolidayYear } from './index';

const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);

// FABRICATED for tests only: not the real 2027 notice (which is not published yet). 01-18..20 are invented
// holidays so that the 2027-01-19 due date visibly changes once a notice is loaded.
const fabricated2027: HolidayYear = {
  year: 2027,
  source: 'FABRICATED test notice for 2027',
  holidays: ['2027-01-01', '2027-01-18', '2027-01-19', '2027-01-20'],
  makeupWorkdays: ['2027-01-16'],
  names: { '2027-01-01': '元旦', '2027-01-18': 'test holiday', '2027-01-19': 'test holiday', '2027-01-20': 'test holiday' },
};

describe('provisional results (a year without a loaded notice)', () => {
  it('a calendar period ending in 2027 is provisional, then firm and different once 2027 is loaded', () => {
    const period = { amount: 30, unit: 'day' as const };
    const before = calendar.compute('2026-12-20', period, { dayType: 'calendar' });
    expect(before).toEqual({ dueOn: '2027-01-19', rawEnd: '2027-01-19', rolledForward: false, provisional: true, missingYears: [2027] });

    const with2027 = calendar.withYears([fabricated2027]);
    const after = with2027.compute('2026-12-20', period, { dayType: 'calendar' });
    expect(after).toEqual({ dueOn: '2027-01-21', rawEnd: '2027-01-19', rolledForward: true, provisional: false, missingYears: [] });

    // The original calendar is untouched: results computed from it stay reproducible.
    expect(calendar.hasYear(2027)).toBe(false);
    expect(calendar.compute('2026-12-20', period, { dayType: 'calendar' })).toEqual(before);
    expect(with2027.loadedYears()).toEqual([2024, 2025, 2026, 2027]);
  });

  it('a working-day period counting days of 2027 is provisional, and changes when 2027-01-01 becomes a holiday', () => {
    const period = { amount: 3, unit: 'day' as const };
    const before = calendar.compute('2026-12-30', period, { dayType: 'working' });
    expect(before).toMatchObject({ dueOn: '2027-01-04', provisional: true, missingYears: [2027] });

    const after = calendar.withYears([fabricated2027]).compute('2026-12-30', period, { dayType: 'working' });
    expect(after).toMatchObject({ dueOn: '2027-01-05', provisional: false, missingYears: [] });
  });

  it('a fabricated make-up Saturday in 2027 counts once loaded', () => {
    const loaded = calendar.withYears([fabricated2027]);
    expect(loaded.isWorkingDay('2027-01-16')).toBe(true);
    expect(loaded.holidayName('2027-01-01')).toBe('元旦');
    expect(loaded.compute('2027-01-15', { amount: 1, unit: 'day' }, { dayType: 'working' }).dueOn).toBe('2027-01-16');
  });

  it('lists every missing year a working-day count touches', () => {
    const empty = new LegalCalendar();
    const result = empty.compute('2026-12-30', { amount: 3, unit: 'day' }, { dayType: 'working' });
    expect(result).toMatchObject({ dueOn: '2027-01-04', provisional: true, missingYears: [2026, 2027] });
  });

  it('a working-day count starting in an unloaded year is provisional for that year', () => {
    const result = calendar.compute('2023-12-28', { amount: 3, unit: 'day' }, { dayType: 'working' });
    expect(result).toMatchObject({ dueOn: '2024-01-03', provisional: true, missingYears: [2023] });
  });

  it('a calendar period is classified only at its end: an unloaded start year does not make it provisional', () => {
    const result = calendar.compute('2023-12-25', { amount: 10, unit: 'day' }, { dayType: 'calendar' });
    expect(result).toMatchObject({ dueOn: '2024-01-04', provisional: false, missingYears: [] });
  });

  it('roll-forward days that enter an unloaded year make the result provisional', () => {
    const only2022 = new LegalCalendar([{ year: 2022, source: 'test: weekends only', holidays: [], makeupWorkdays: [] }]);
    const result = only2022.compute('2022-12-21', { amount: 10, unit: 'day' }, { dayType: 'calendar' });
    expect(result).toEqual({ dueOn: '2023-01-02', rawEnd: '2022-12-31', rolledForward: true, provisional: true, missingYears: [2023] });
  });

  it('nothing is classified, so nothing is provisional, when roll-forward is off for a calendar period', () => {
    const result = calendar.compute('2026-12-20', { amount: 30, unit: 'day' }, { dayType: 'calendar', rollForward: false });
    expect(result).toMatchObject({ dueOn: '2027-01-19', provisional: false, missingYears: [] });
  });

  it('counting back over an unloaded year is provisional too', () => {
    const result = calendar.countBack('2027-01-06', { amount: 5, unit: 'day' }, { dayType: 'working' });
    expect(result).toMatchObject({ dueOn: '2026-12-30', provisional: true, missingYears: [2027] });
  });
});
