import { addDays, addYears, daysBetween, limitationEndsOn } from './lab.periods';

describe('calendar arithmetic for guards', () => {
  it('adds and counts calendar days across months and years', () => {
    expect(addDays('2025-03-26', 5)).toBe('2025-03-31');
    expect(addDays('2025-03-28', 45)).toBe('2025-05-12');
    expect(addDays('2025-12-30', 3)).toBe('2026-01-02');
    expect(daysBetween('2025-04-17', '2025-04-22')).toBe(5);
    expect(daysBetween('2025-04-18', '2025-04-22')).toBe(4);
    expect(daysBetween('2025-05-12', '2025-03-28')).toBe(-45);
  });

  it('ends a year period on the corresponding day, or the last day of February (民法典 第二百零二条)', () => {
    expect(addYears('2025-02-28', 1)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2025-03-10', 1)).toBe('2026-03-10');
  });
});

describe('limitationEndsOn (劳动争议调解仲裁法 第二十七条)', () => {
  it('S2: a worker dismissed on 2025-02-28 may apply until 2026-02-28 (a make-up working day in 2026, so no roll-forward)', () => {
    expect(limitationEndsOn({ knewOn: '2025-02-28' })).toBe('2026-02-28');
    expect(limitationEndsOn({ wageArrears: true, employmentEndedOn: '2025-02-28' })).toBe('2026-02-28');
  });

  it('runs no period for wages owed while the employment lasts', () => {
    expect(limitationEndsOn({ wageArrears: true, knewOn: '2020-01-01' })).toBeNull();
  });

  it('counts wages owed from the end of the employment, not from when they fell due', () => {
    expect(limitationEndsOn({ wageArrears: true, knewOn: '2023-06-30', employmentEndedOn: '2024-09-30' })).toBe('2025-09-30');
  });

  it('restarts the year on an interruption inside the running period, and adds the days of a suspension', () => {
    expect(limitationEndsOn({ knewOn: '2024-01-10', interruptions: ['2024-12-01'] })).toBe('2025-12-01');
    expect(limitationEndsOn({ knewOn: '2024-01-10', interruptions: ['2023-12-01'] })).toBe('2025-01-10');
    expect(limitationEndsOn({ knewOn: '2024-01-10', suspension: { from: '2024-12-01', to: '2024-12-31' } })).toBe('2025-02-09');
  });

  it('revives nothing by an interruption after the period ended, but follows a chain of interruptions', () => {
    expect(limitationEndsOn({ knewOn: '2023-11-01', interruptions: ['2025-03-10'] })).toBe('2024-11-01');
    expect(limitationEndsOn({ knewOn: '2023-11-01', interruptions: ['2025-03-10', '2024-06-01'] })).toBe('2026-03-10');
  });

  it('cannot say when the period ends without its start', () => {
    expect(limitationEndsOn({})).toBeUndefined();
    expect(limitationEndsOn({ wageArrears: false, employmentEndedOn: '2025-01-01' })).toBeUndefined();
  });
});
