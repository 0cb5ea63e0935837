import type { FraudFlag } from './fraud-checks.port';
import type { FraudCase, GroupCount } from './fraud-facts';
import type { FraudSettings } from './fraud-settings';
import { round } from './same-dispute';

export type OutlierDimension = 'VILLAGE' | 'MEDIATOR';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/**
 * Robust z-scores (Iglewicz and Hoaglin's modified z, 0.6745·(x − median)/MAD): one inflated village does not
 * drag the baseline up with it as it would a mean. When more than half the values are equal the MAD is zero and the
 * mean absolute deviation stands in (scaled by 1.2533 to the same units); all equal, every score is zero.
 */
export function robustZ(values: number[]): number[] {
  if (!values.length) return [];
  const m = median(values);
  const deviations = values.map((x) => Math.abs(x - m));
  const mad = median(deviations);
  if (mad > 0) return values.map((x) => (0.6745 * (x - m)) / mad);
  const meanAd = deviations.reduce((a, b) => a + b, 0) / values.length;
  return meanAd > 0 ? values.map((x) => (x - m) / (1.253314 * meanAd)) : values.map(() => 0);
}

export interface OutlierGroup {
  dimension: OutlierDimension;
  key: string;
  name: string;
  claims: number;
  batchSize: number;
  claimShare: number;
  cases: number;
  totalCases: number;
  caseShare: number;
  ratio: number;
  robustZ: number;
}

/**
 * Each group's share of the batch's claims against its share of the cases, and its claim count's robust z-score
 * among the groups of the baseline (those with no claim count zero). The ratio catches a village that claims for
 * more than its cases warrant; the z-score a village whose cases are themselves inflated (阜南 黄岗镇: 271 of 479 files
 * from one village), where the ratio alone would look normal.
 */
export function outlierGroups(dimension: OutlierDimension, claimed: FraudCase[], baseline: GroupCount[], totalCases: number): OutlierGroup[] {
  const keyOf = (c: FraudCase) => (dimension === 'VILLAGE' ? c.regionCode : c.mediatorId);
  const nameOf = (c: FraudCase) => (dimension === 'VILLAGE' ? c.regionName : (c.mediatorName ?? c.mediatorId ?? ''));
  const groups = new Map<string, { name: string; claims: number; cases: number }>();
  for (const b of baseline) groups.set(b.key, { name: b.name, claims: 0, cases: b.cases });
  for (const c of claimed) {
    const key = keyOf(c);
    if (!key) continue;
    const g = groups.get(key) ?? { name: nameOf(c), claims: 0, cases: 0 };
    g.claims += 1;
    groups.set(key, g);
  }
  // A claimed case opened before the window still counts among its group's cases.
  for (const g of groups.values()) g.cases = Math.max(g.cases, g.claims);
  const total = Math.max(totalCases, [...groups.values()].reduce((a, g) => a + g.cases, 0));
  const batchSize = claimed.filter((c) => keyOf(c)).length;
  const entries = [...groups.entries()];
  const z = robustZ(entries.map(([, g]) => g.claims));
  return entries.map(([key, g], i) => {
    const claimShare = batchSize ? g.claims / batchSize : 0;
    const caseShare = total ? g.cases / total : 0;
    return { dimension, key, name: g.name, claims: g.claims, batchSize, claimShare, cases: g.cases, totalCases: total, caseShare, ratio: caseShare ? claimShare / caseShare : 0, robustZ: z[i] };
  });
}

export function isOutlying(g: OutlierGroup, s: FraudSettings): boolean {
  return g.claims >= s.outlierMinClaims && (g.ratio >= s.outlierShareRatio || g.robustZ >= s.outlierZ);
}

const percent = (x: number) => `${round(x * 100, 1)}%`;

export function outlierFlag(g: OutlierGroup, s: FraudSettings): FraudFlag {
  const who = g.dimension === 'VILLAGE' ? `村（社区）${g.name}` : `调解员${g.name}`;
  return {
    check: 'OUTLIER_SHARE',
    label: `申报占比异常：${who}占本批申报 ${percent(g.claimShare)}（${g.claims}/${g.batchSize} 件），其案件占比 ${percent(g.caseShare)}（${g.cases}/${g.totalCases} 件）`,
    evidence: {
      dimension: g.dimension,
      key: g.key,
      name: g.name,
      claims: g.claims,
      batchSize: g.batchSize,
      claimShare: round(g.claimShare, 3),
      cases: g.cases,
      totalCases: g.totalCases,
      caseShare: round(g.caseShare, 3),
      ratio: round(g.ratio, 2),
      robustZ: round(g.robustZ, 2),
      windowDays: s.outlierWindowDays,
      thresholds: { shareRatio: s.outlierShareRatio, robustZ: s.outlierZ, minClaims: s.outlierMinClaims },
    },
  };
}
