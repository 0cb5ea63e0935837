import { ValidationError } from '@app/shared';
import { figures, emptyTally } from './figures';
import { monthPeriod, periodOf } from './statistics-period';

describe('statistics periods', () => {
  it('runs from the start of the first China day to the start of the day after the last', () => {
    expect(periodOf('2024-05-01', '2024-05-31')).toEqual({ from: '2024-05-01', to: '2024-05-31', fromInstant: '2024-04-30T16:00:00.000Z', toInstant: '2024-05-31T16:00:00.000Z' });
    expect(monthPeriod('2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
  });

  it.each([
    ['2024-02-30', '2024-03-01', 'from'],
    ['2024-03-01', '03/05/2024', 'to'],
    ['2024-03-02', '2024-03-01', 'to'],
  ])('refuses %s … %s naming %s', (from, to, field) => {
    expect(() => periodOf(from, to)).toThrow(ValidationError);
    try {
      periodOf(from, to);
    } catch (e) {
      expect((e as ValidationError).errors.map((x) => x.field)).toEqual([field]);
    }
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => monthPeriod('2024-13')).toThrow(ValidationError);
    expect(() => monthPeriod(undefined)).toThrow(ValidationError);
  });
});

describe('figures', () => {
  it('rates success over the cases that ended one way or the other, performance over the successes', () => {
    const f = figures({ ...emptyTally(), cases: 10, closed: 4, succeeded: 3, performed: 1, closedUnsuccessful: 2, closedDays: 25, answered: 3, satisfied: 2 });
    expect(f).toMatchObject({ successRate: 0.6, performanceRate: 0.3333, averageDays: 6.3, satisfactionRate: 0.6667 });
  });

  it('has no rates where nothing was counted', () => {
    expect(figures(emptyTally())).toMatchObject({ successRate: null, performanceRate: null, averageDays: null, satisfactionRate: null });
  });
});
