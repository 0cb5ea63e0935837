/*
 * Date arithmetic for the court's tests. Only specs import this file.
 */

/**
 * The due date of a period counted the plain way: start day excluded, a month or year period ending on the
 * corresponding day (or the month's last day), no roll-forward over rest days. It equals the legal due date for the
 * deadlines that do not roll forward and for periods whose last day is a working day; the engine's legal calendar
 * (libs/calendar, which libs/workflow may not import) handles the rest.
 */
export function plainDue(anchor: string, period: { amount: number; unit: 'day' | 'month' | 'year' }): string {
  const [y, m, d] = anchor.split('-').map(Number);
  if (period.unit === 'day') return new Date(Date.UTC(y, m - 1, d + period.amount)).toISOString().slice(0, 10);
  const months = period.unit === 'month' ? period.amount : period.amount * 12;
  const ty = y + Math.floor((m - 1 + months) / 12);
  const tm = ((m - 1 + months) % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
