/** The figures the statistics show for any slice of cases. */
export interface Figures {
  cases: number;
  closed: number;
  succeeded: number;
  performed: number;
  /** 调解成功率: succeeded ÷ (succeeded + closed without success); null when neither happened yet. */
  successRate: number | null;
  /** 协议履行率: performed ÷ succeeded. */
  performanceRate: number | null;
  /** Average days from opening to closing over the closed cases, one decimal. */
  averageDays: number | null;
  overdueDeadlines: number;
  /** Parties who answered the satisfaction survey, and of them those 满意 or 基本满意. */
  answered: number;
  satisfied: number;
  satisfactionRate: number | null;
}

/** Sums kept while rolling rows up; turned into Figures at the end. */
export interface Tally {
  cases: number;
  closed: number;
  succeeded: number;
  performed: number;
  closedUnsuccessful: number;
  closedDays: number;
  overdueDeadlines: number;
  answered: number;
  satisfied: number;
}

export const emptyTally = (): Tally => ({ cases: 0, closed: 0, succeeded: 0, performed: 0, closedUnsuccessful: 0, closedDays: 0, overdueDeadlines: 0, answered: 0, satisfied: 0 });

export function addTo(tally: Tally, row: Partial<Tally>): void {
  for (const key of Object.keys(tally) as (keyof Tally)[]) tally[key] += Number(row[key] ?? 0);
}

export const rate = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

export function figures(t: Tally): Figures {
  return {
    cases: t.cases,
    closed: t.closed,
    succeeded: t.succeeded,
    performed: t.performed,
    successRate: rate(t.succeeded, t.succeeded + t.closedUnsuccessful),
    performanceRate: rate(t.performed, t.succeeded),
    averageDays: t.closed > 0 ? Math.round((t.closedDays / t.closed) * 10) / 10 : null,
    overdueDeadlines: t.overdueDeadlines,
    answered: t.answered,
    satisfied: t.satisfied,
    satisfactionRate: rate(t.satisfied, t.answered),
  };
}
