/**
 * The 理赔计算器 of the 道交一体化 platform: the insurer pays its statutory 交强险 part first, within the limits of
 * each head of loss; what remains is shared by liability, the commercial third-party cover paying the liable
 * party's share up to its limit (less what the policy excludes), and the party the rest (道路交通安全法 第七十六条；
 * 机动车交通事故责任强制保险条例 第二十三条). The limits and the shares by degree of liability are set by the
 * regulator and by local practice, so both are configuration (`ta.compulsoryLimits`, `ta.liabilityShares`).
 */

export interface CompulsoryLimits {
  deathDisability: number;
  medical: number;
  property: number;
}

/** 交强险 limits from 2020-09-19 (银保监会 2020年第6号公告): with liability, and without (无责). */
export const DEFAULT_COMPULSORY_LIMITS: { liable: CompulsoryLimits; notLiable: CompulsoryLimits } = {
  liable: { deathDisability: 180_000, medical: 18_000, property: 2_000 },
  notLiable: { deathDisability: 18_000, medical: 1_800, property: 100 },
};

/** The share of the loss a degree of liability usually bears, in percent (local practice). */
export const DEFAULT_LIABILITY_SHARES: Record<string, number> = { FULL: 100, MAIN: 70, EQUAL: 50, MINOR: 30, NONE: 0 };

export const LIABILITY_DEGREES: Record<string, string> = { FULL: '全部责任', MAIN: '主要责任', EQUAL: '同等责任', MINOR: '次要责任', NONE: '无责任' };

export interface CalculationInput {
  medical: number;
  deathDisability: number;
  property: number;
  /** The degree of liability of the insured vehicle's side. */
  liability: string;
  compulsoryInsured: boolean;
  commercialLimit: number;
  /** Losses the commercial policy does not cover (e.g. drugs outside the medical-insurance list). */
  excludedFromCommercial: number;
}

export interface Compensation {
  total: number;
  /** 交强险: the insurer's statutory part, paid first. */
  compulsory: number;
  /** 商业第三者责任险. */
  commercial: number;
  /** What the insurer pays in all: 交强险 plus commercial cover. */
  insurer: number;
  /** What the liable party pays itself. */
  party: number;
  /** The injured party's own share of the loss (its own liability). */
  selfBorne: number;
  sharePercent: number;
}

const money = (n: number) => Math.round(n * 100) / 100;
const amount = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined);

function limitsFrom(policy: Record<string, unknown> | undefined) {
  const set = policy?.['ta.compulsoryLimits'] as Partial<typeof DEFAULT_COMPULSORY_LIMITS> | undefined;
  const merge = (base: CompulsoryLimits, over: unknown): CompulsoryLimits => {
    const o = (over ?? {}) as Record<string, unknown>;
    return { deathDisability: amount(o.deathDisability) ?? base.deathDisability, medical: amount(o.medical) ?? base.medical, property: amount(o.property) ?? base.property };
  };
  return { liable: merge(DEFAULT_COMPULSORY_LIMITS.liable, set?.liable), notLiable: merge(DEFAULT_COMPULSORY_LIMITS.notLiable, set?.notLiable) };
}

export function sharePercent(liability: string, policy?: Record<string, unknown>): number {
  const shares = { ...DEFAULT_LIABILITY_SHARES, ...((policy?.['ta.liabilityShares'] as Record<string, number> | undefined) ?? {}) };
  return amount(shares[liability]) ?? 0;
}

export function calculateCompensation(input: CalculationInput, policy?: Record<string, unknown>): Compensation {
  const total = money(input.medical + input.deathDisability + input.property);
  const share = sharePercent(input.liability, policy);
  const limits = limitsFrom(policy)[share > 0 ? 'liable' : 'notLiable'];
  const compulsory = input.compulsoryInsured
    ? money(Math.min(input.medical, limits.medical) + Math.min(input.deathDisability, limits.deathDisability) + Math.min(input.property, limits.property))
    : 0;
  const rest = money(total - compulsory);
  const liable = money((rest * share) / 100);
  const commercial = money(Math.min(Math.max(0, liable - input.excludedFromCommercial), input.commercialLimit));
  return {
    total,
    compulsory,
    commercial,
    insurer: money(compulsory + commercial),
    party: money(liable - commercial),
    selfBorne: money(rest - liable),
    sharePercent: share,
  };
}
