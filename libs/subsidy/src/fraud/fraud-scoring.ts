import type { FraudFlag } from './fraud-checks.port';
import type { FraudCase, FraudFacts } from './fraud-facts';
import type { FraudSettings } from './fraud-settings';
import { isOutlying, outlierFlag, outlierGroups } from './outlier-share';
import { duplicateFlag, round, splitFlag } from './same-dispute';

/** TOO_FAST: opened to the recorded agreement in fewer hours than the threshold. */
export function tooFastFlag(c: FraudCase, s: FraudSettings): FraudFlag | null {
  if (!c.agreedAt) return null;
  const hours = (Date.parse(c.agreedAt) - Date.parse(c.openedAt)) / 3_600_000;
  if (hours >= s.tooFastHours) return null;
  return {
    check: 'TOO_FAST',
    label: `结案过快：受理后 ${round(hours, 2)} 小时即达成调解协议（阈值 ${s.tooFastHours} 小时）`,
    evidence: { openedAt: c.openedAt, agreedAt: c.agreedAt, hours: round(hours, 2), thresholdHours: s.tooFastHours },
  };
}

/** MANY_SAME_DAY: the claimed case's mediator reached at least the threshold of agreements on its agreement day. */
export function manySameDayFlag(c: FraudCase, pool: FraudCase[], s: FraudSettings): FraudFlag | null {
  if (!c.mediatorId || !c.agreementOn) return null;
  const sameDay = pool.filter((o) => o.mediatorId === c.mediatorId && o.agreementOn === c.agreementOn);
  if (sameDay.length < s.sameDayCases) return null;
  return {
    check: 'MANY_SAME_DAY',
    label: `同日案件过多：调解员${c.mediatorName ?? c.mediatorId}于 ${c.agreementOn} 达成 ${sameDay.length} 件调解协议（阈值 ${s.sameDayCases} 件）`,
    evidence: {
      mediatorId: c.mediatorId,
      mediatorName: c.mediatorName,
      day: c.agreementOn,
      cases: sameDay.length,
      thresholdCases: s.sameDayCases,
      otherCases: sameDay.filter((o) => o.id !== c.id).map((o) => ({ caseId: o.id, caseNo: o.caseNo })),
    },
  };
}

/**
 * Every check over the claimed cases. Pure: the facts are whatever the store gathered, and cases opened after
 * `asOf` are left out so a check re-run later for the same date finds the same.
 */
export function scoreFraud(facts: FraudFacts, settings: FraudSettings, asOf: Date): Map<string, FraudFlag[]> {
  const until = asOf.getTime();
  const byId = new Map<string, FraudCase>();
  for (const c of [...facts.claimed, ...facts.others]) if (Date.parse(c.openedAt) <= until) byId.set(c.id, c);
  const claimed = [...new Map(facts.claimed.map((c) => [c.id, c])).values()];
  const pool = [...byId.values()];
  const outlying = [
    ...outlierGroups('VILLAGE', claimed, facts.baseline.villages, facts.baseline.total),
    // Mediators are compared among cases that have one: an unassigned case is nobody's share.
    ...outlierGroups('MEDIATOR', claimed, facts.baseline.mediators, facts.baseline.mediators.reduce((a, g) => a + g.cases, 0)),
  ].filter((g) => isOutlying(g, settings));
  const result = new Map<string, FraudFlag[]>();
  for (const c of claimed) {
    const flags = [duplicateFlag(c, pool, settings), splitFlag(c, pool, settings)];
    for (const g of outlying) if ((g.dimension === 'VILLAGE' ? c.regionCode : c.mediatorId) === g.key) flags.push(outlierFlag(g, settings));
    flags.push(tooFastFlag(c, settings), manySameDayFlag(c, pool, settings));
    result.set(c.id, flags.filter((f): f is FraudFlag => f !== null));
  }
  return result;
}
