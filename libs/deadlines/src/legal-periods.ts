import type { Period } from '@app/calendar';

/**
 * Periods the specification marks unverified or that local rules set differently (e.g. 四川 and 海南 give people's
 * mediation 30 days, the national guidance "one month"). A deployment overrides them by `configKey` without a code
 * change; the value used is stored on each deadline row.
 */
export type LegalPeriodOverrides = Record<string, Period>;

export function parseLegalPeriodOverrides(json: string | undefined): LegalPeriodOverrides {
  if (!json) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (cause) {
    throw new Error(`FENGQIAO_LEGAL_PERIODS is not valid JSON: ${(cause as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('FENGQIAO_LEGAL_PERIODS must be an object of {"key": {"amount": n, "unit": "day|month|year"}}');
  const out: LegalPeriodOverrides = {};
  for (const [key, value] of Object.entries(parsed as Record<string, unknown>)) {
    const v = value as Partial<Period>;
    if (!Number.isInteger(v?.amount) || (v.amount as number) < 0 || !['day', 'month', 'year'].includes(v?.unit as string)) {
      throw new Error(`FENGQIAO_LEGAL_PERIODS.${key} must be {"amount": a whole number ≥ 0, "unit": "day" | "month" | "year"}`);
    }
    out[key] = { amount: v.amount as number, unit: v.unit as Period['unit'] };
  }
  return out;
}
