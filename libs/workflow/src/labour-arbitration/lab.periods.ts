import type { IsoDate } from '../definition';

/*
 * Pure calendar arithmetic on China calendar dates (YYYY-MM-DD) for the rules a guard has to compute itself. Periods
 * the engine can time are declared as deadlines instead and computed with the legal calendar (holidays, make-up
 * working days, roll-forward); these functions know no holidays.
 */

const DAY_MS = 86_400_000;
const toUtc = (date: IsoDate) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const isIsoDate = (value: unknown): value is IsoDate => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Calendar days from `from` to `to`: 5 from 2025-04-17 to 2025-04-22. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/**
 * The corresponding day `years` later (民法典 第二百零二条): a period of one year from 2025-02-28 ends on 2026-02-28; one
 * starting on 29 February ends on the last day of February.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What the limitation of a labour-arbitration claim depends on (劳动争议调解仲裁法 第二十七条). */
export interface LimitationFacts {
  /** The day the party knew or should have known its rights were infringed. */
  knewOn?: IsoDate;
  /** A claim for wages owed during the employment relationship (劳动关系存续期间因拖欠劳动报酬发生争议). */
  wageArrears?: boolean;
  /** The day the employment relationship ended, if it has. */
  employmentEndedOn?: IsoDate;
  /** Interruptions (a claim to the other side, a request for relief to an authority, the other side's promise to perform). */
  interruptions?: IsoDate[];
  /** A suspension for force majeure or another good reason: the days from `from` to `to` are not counted. */
  suspension?: { from: IsoDate; to: IsoDate };
}

/**
 * The last day on which the claim may be brought, by the one-year rule of 劳动争议调解仲裁法 第二十七条: one year from the
 * day the party knew or should have known (for wages owed during employment, from the end of the employment). An
 * interruption inside the running period starts it afresh; one after the period ended revives nothing. A suspension
 * adds its days. `null`: no period runs (wages owed while the employment lasts); `undefined`: the start is not known.
 *
 * The last day is not rolled forward over rest days (民法典 第二百零三条): that needs the legal calendar.
 */
export function limitationEndsOn(facts: LimitationFacts): IsoDate | null | undefined {
  if (facts.wageArrears && !facts.employmentEndedOn) return null;
  let start = facts.wageArrears ? facts.employmentEndedOn : facts.knewOn;
  if (!start) return undefined;
  for (const on of [...(facts.interruptions ?? [])].sort()) if (on > start && on <= addYears(start, 1)) start = on;
  const end = addYears(start, 1);
  const { suspension } = facts;
  return suspension && suspension.to > suspension.from ? addDays(end, daysBetween(suspension.from, suspension.to)) : end;
}
