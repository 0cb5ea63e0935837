import type { FraudFlag } from './fraud-checks.port';
import type { FraudCase, FraudFacts } from './fraud-facts';
import type { FraudSettings } from './fraud-settings';
import { isOutlying, outlierFlag, outlierGroups } from './outlier-share';
import { duplicateFlag, partyKeys, round, splitFlag } from './same-dispute';

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

/** Cases grouped by a key, each case once per key. */
function indexBy(cases: FraudCase[], keys: (c: FraudCase) => string[]): Map<string, FraudCase[]> {
  const index = new Map<string, FraudCase[]>();
  for (const c of cases) {
    for (const key of new Set(keys(c))) {
      const list = index.get(key);
      if (list) list.push(c);
      else index.set(key, [c]);
    }
  }
  return index;
}

const lookUp = (index: Map<string, FraudCase[]>, keys: string[]) => [...new Set(keys.flatMap((k) => index.get(k) ?? []))];

/**
 * Every check over the claimed cases. Pure: the facts are whatever the store gathered, and cases opened after
 * `asOf` are left out so a check re-run later for the same date finds the same. Each check is handed only the cases
 * that share a party, a dispute code or a mediator's day with the claimed one: a district's quarter compares
 * thousands of claims with tens of thousands of cases.
 */
export function scoreFraud(facts: FraudFacts, settings: FraudSettings, asOf: Date): Map<string, FraudFlag[]> {
  const until = asOf.getTime();
  const byId = new Map<string, FraudCase>();
  for (const c of [...facts.claimed, ...facts.others]) if (Date.parse(c.openedAt) <= until) byId.set(c.id, c);
  const claimed = [...new Map(facts.claimed.map((c) => [c.id, c])).values()];
  const pool = [...byId.values()];
  const byParty = indexBy(pool, (c) => c.parties.flatMap(partyKeys));
  const byCode = indexBy(pool, (c) => [c.disputeCode]);
  const dayKey = (c: FraudCase) => (c.mediatorId && c.agreementOn ? [`${c.mediatorId}|${c.agreementOn}`] : []);
  const byDay = indexBy(pool, dayKey);
  const outlying = [
    ...outlierGroups('VILLAGE', claimed, facts.baseline.villages, facts.baseline.total),
    // Mediators are compared among cases that have one: an unassigned case is nobody's share.
    ...outlierGroups('MEDIATOR', claimed, facts.baseline.mediators, facts.baseline.mediators.reduce((a, g) => a + g.cases, 0)),
  ].filter((g) => isOutlying(g, settings));
  const result = new Map<string, FraudFlag[]>();
  for (const c of claimed) {
    const sharingParty = lookUp(byParty, c.parties.flatMap(partyKeys));
    const flags = [duplicateFlag(c, sharingParty, settings), splitFlag(c, [...new Set([...(byCode.get(c.disputeCode) ?? []), ...sharingParty])], settings)];
    for (const g of outlying) if ((g.dimension === 'VILLAGE' ? c.regionCode : c.mediatorId) === g.key) flags.push(outlierFlag(g, settings));
    flags.push(tooFastFlag(c, settings), manySameDayFlag(c, lookUp(byDay, dayKey(c)), settings));
    result.set(c.id, flags.filter((f): f is FraudFlag => f !== null));
  }
  return result;
}
