// Every worked example of /work/shared/domain/calendar-cases.json (copied to testing/), with every field honoured.
import casesFile from './testing/calendar-cases.json';
import { BUNDLED_HOLIDAYS, LegalCalendar, type DayType, type PeriodUnit } from './index';

interface CalendarCase {
  start: string;
  period: number;
  unit: string;
  dayType: string;
  expectedDue: string;
  why: string;
  provisional?: boolean;
}

// A field or unit added to the file later must fail here rather than be silently ignored.
const KNOWN_FIELDS = ['start', 'period', 'unit', 'dayType', 'expectedDue', 'why', 'provisional'];
const UNITS: Record<string, { unit: PeriodUnit; dayType: DayType }> = {
  days: { unit: 'day', dayType: 'calendar' },
  'working days': { unit: 'day', dayType: 'working' },
  months: { unit: 'month', dayType: 'calendar' },
  years: { unit: 'year', dayType: 'calendar' },
};

const cases: CalendarCase[] = casesFile.cases;
const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);

describe('calendar-cases.json', () => {
  it('holds the 37 published cases', () => {
    expect(cases).toHaveLength(37);
  });

  it.each(cases)('$start: only known fields, and unit "$unit" agrees with dayType $dayType', (c) => {
    expect(KNOWN_FIELDS).toEqual(expect.arrayContaining(Object.keys(c)));
    expect(UNITS[c.unit]).toBeDefined();
    expect(UNITS[c.unit].dayType).toBe(c.dayType);
  });

  it.each(cases)('$start + $period $unit ($dayType) → $expectedDue — $why', (c) => {
    const { unit } = UNITS[c.unit];
    const due = calendar.compute(c.start, { amount: c.period, unit }, { dayType: c.dayType as DayType });

    expect(due.dueOn).toBe(c.expectedDue);
    expect(due.provisional).toBe(c.provisional ?? false);
    expect(due.missingYears.length > 0).toBe(c.provisional ?? false);
    expect(due.rolledForward).toBe(due.rawEnd !== due.dueOn);
    if (/no roll/.test(c.why)) expect(due.rolledForward).toBe(false);
  });

  it('marks the 2027 case provisional because of 2027 alone', () => {
    const due = calendar.compute('2026-11-20', { amount: 60, unit: 'day' }, { dayType: 'calendar' });
    expect(due).toEqual({ dueOn: '2027-01-19', rawEnd: '2027-01-19', rolledForward: false, provisional: true, missingYears: [2027] });
  });
});
