import { BUNDLED_HOLIDAYS, LegalCalendar, type ComputeOptions, type Period } from './index';

const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);
const thirtyDays: Period = { amount: 30, unit: 'day' };

// Pause convention: { from, to } stops the clock on the days after `from` up to and including `to`, so it
// lasts to − from days (S7: 2025-08-01 → 2025-08-12 is 11 days). Base case for most rows: 30 calendar days
// from 2025-07-25, raw end Sunday 2025-08-24, due Monday 2025-08-25.
describe('pauses (tolling)', () => {
  it.each<{ name: string; start: string; period: Period; options: ComputeOptions; rawEnd: string; dueOn: string }>([
    {
      name: 'S7: an 11-day hearing inside the period',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-08-01', to: '2025-08-12' }] },
      rawEnd: '2025-09-04',
      dueOn: '2025-09-04',
    },
    {
      name: 'a pause after the period has no effect',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-09-01', to: '2025-09-10' }] },
      rawEnd: '2025-08-24',
      dueOn: '2025-08-25',
    },
    {
      name: 'a pause before the start has no effect',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-07-01', to: '2025-07-25' }] },
      rawEnd: '2025-08-24',
      dueOn: '2025-08-25',
    },
    {
      name: 'a pause in progress at the start holds the clock until it ends (5 days inside)',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-07-20', to: '2025-07-30' }] },
      rawEnd: '2025-08-29',
      dueOn: '2025-08-29',
    },
    {
      name: 'a pause across the raw end: 26 days run before it, 4 after it',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-08-20', to: '2025-09-05' }] },
      rawEnd: '2025-09-09',
      dueOn: '2025-09-09',
    },
    {
      name: 'overlapping pauses count each day once (08-01..08-15 = 14 days), then roll past Sunday',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-08-05', to: '2025-08-15' }, { from: '2025-08-01', to: '2025-08-12' }] },
      rawEnd: '2025-09-07',
      dueOn: '2025-09-08',
    },
    {
      name: 'two separate pauses add up (4 + 2 days), then roll past Saturday',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-08-01', to: '2025-08-05' }, { from: '2025-08-10', to: '2025-08-12' }] },
      rawEnd: '2025-08-30',
      dueOn: '2025-09-01',
    },
    {
      name: 'a zero-length pause changes nothing',
      start: '2025-07-25',
      period: thirtyDays,
      options: { dayType: 'calendar', pauses: [{ from: '2025-08-01', to: '2025-08-01' }] },
      rawEnd: '2025-08-24',
      dueOn: '2025-08-25',
    },
    {
      name: 'a month period is stretched by the paused calendar days',
      start: '2025-03-03',
      period: { amount: 1, unit: 'month' },
      options: { dayType: 'calendar', pauses: [{ from: '2025-03-10', to: '2025-03-15' }] },
      rawEnd: '2025-04-08',
      dueOn: '2025-04-08',
    },
    {
      name: 'working days: only the paused working days (07-23, 07-24) are lost',
      start: '2025-07-21',
      period: { amount: 5, unit: 'day' },
      options: { dayType: 'working', pauses: [{ from: '2025-07-22', to: '2025-07-24' }] },
      rawEnd: '2025-07-30',
      dueOn: '2025-07-30',
    },
    {
      name: 'working days: a pause over a weekend costs nothing',
      start: '2025-07-21',
      period: { amount: 5, unit: 'day' },
      options: { dayType: 'working', pauses: [{ from: '2025-07-25', to: '2025-07-27' }] },
      rawEnd: '2025-07-28',
      dueOn: '2025-07-28',
    },
    {
      name: 'a pause inside an extension also tolls it (5 days)',
      start: '2025-02-17',
      period: { amount: 60, unit: 'day' },
      options: { dayType: 'calendar', extensions: [{ amount: 30, unit: 'day' }], pauses: [{ from: '2025-04-25', to: '2025-04-30' }] },
      rawEnd: '2025-05-23',
      dueOn: '2025-05-23',
    },
  ])('$name', ({ start, period, options, rawEnd, dueOn }) => {
    const result = calendar.compute(start, period, options);
    expect(result.rawEnd).toBe(rawEnd);
    expect(result.dueOn).toBe(dueOn);
    expect(result.rolledForward).toBe(rawEnd !== dueOn);
  });

  it('rejects a pause that ends before it starts, naming it', () => {
    const act = () => calendar.compute('2025-07-25', thirtyDays, { dayType: 'calendar', pauses: [{ from: '2025-08-12', to: '2025-08-01' }] });
    expect(act).toThrow(RangeError);
    expect(act).toThrow(/pauses\[0\]/);
  });
});

describe('extensions', () => {
  it('S7: 60 days from 2025-02-17 plus 30 days is 2025-05-19 (the 90th day, May 18, is a Sunday)', () => {
    const result = calendar.compute('2025-02-17', { amount: 60, unit: 'day' }, {
      dayType: 'calendar',
      extensions: [{ amount: 30, unit: 'day', reason: 'complex matter', approvedBy: 'unit head' }],
    });
    expect(result).toEqual({ dueOn: '2025-05-19', rawEnd: '2025-05-18', rolledForward: true, provisional: false, missingYears: [] });
  });

  it('counts from the raw end, not from the rolled-forward day (raw 08-24 + 30 = 09-23, not 08-25 + 30)', () => {
    const result = calendar.compute('2025-07-25', thirtyDays, { dayType: 'calendar', extensions: [{ amount: 30, unit: 'day' }] });
    expect(result.dueOn).toBe('2025-09-23');
  });

  it('applies several extensions in order: D-LB7 45 d + 15 d from 2025-03-28', () => {
    const result = calendar.compute('2025-03-28', { amount: 45, unit: 'day' }, { dayType: 'calendar', extensions: [{ amount: 15, unit: 'day' }] });
    expect(result.dueOn).toBe('2025-05-27');
  });

  it('extends a month period by months: D-CT5 3 M + 1 M from 2025-05-22', () => {
    const result = calendar.compute('2025-05-22', { amount: 3, unit: 'month' }, { dayType: 'calendar', extensions: [{ amount: 1, unit: 'month' }] });
    expect(result.dueOn).toBe('2025-09-22');
  });

  it('counts a month extension from the clamped raw end (08-31 + 6 M = 02-28, + 6 M = 08-28)', () => {
    const result = calendar.compute('2025-08-31', { amount: 6, unit: 'month' }, { dayType: 'calendar', extensions: [{ amount: 6, unit: 'month' }] });
    expect(result.dueOn).toBe('2026-08-28');
  });

  it('rolls once at the end: D-CT6 6 M + 6 M from 2025-01-31 ends Saturday 2026-01-31 → Monday 02-02', () => {
    const result = calendar.compute('2025-01-31', { amount: 6, unit: 'month' }, { dayType: 'calendar', extensions: [{ amount: 6, unit: 'month' }] });
    expect(result).toMatchObject({ rawEnd: '2026-01-31', dueOn: '2026-02-02', rolledForward: true });
  });

  it.each([
    ['2025-09-19', 20, 10],
    ['2025-12-24', 5, 5],
    ['2026-02-10', 3, 7],
  ])('a working-day extension continues the working-day count (%s: %d W + %d W)', (start, base, extra) => {
    const extended = calendar.compute(start, { amount: base, unit: 'day' }, { dayType: 'working', extensions: [{ amount: extra, unit: 'day' }] });
    const whole = calendar.compute(start, { amount: base + extra, unit: 'day' }, { dayType: 'working' });
    expect(extended.dueOn).toBe(whole.dueOn);
    expect(calendar.workingDaysBetween(start, extended.dueOn)).toBe(base + extra);
  });
});
