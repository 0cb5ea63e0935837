import type { FraudFlag } from './fraud-checks.port';
import type { FraudCase, FraudParty } from './fraud-facts';
import type { FraudSettings } from './fraud-settings';

const DAY_MS = 86_400_000;

const idKey = (p: FraudParty) => p.idNumber?.trim().toUpperCase() || null;
// Phones as entered (intake trims them): the store's index lookup matches them exactly, so the check does too.
const namePhoneKey = (p: FraudParty) => {
  const phone = p.phone?.trim();
  const name = p.name?.trim();
  return name && phone ? `${name}|${phone}` : null;
};

/** The keys a party is found by: `samePerson` holds exactly when two parties share one. */
export function partyKeys(p: FraudParty): string[] {
  const keys: string[] = [];
  const id = idKey(p);
  if (id) keys.push(`id:${id}`);
  const np = namePhoneKey(p);
  if (np) keys.push(`np:${np}`);
  return keys;
}

/** One person in both cases: the same identity number, or the same name with the same phone. */
export function samePerson(a: FraudParty, b: FraudParty): boolean {
  const [ia, ib] = [idKey(a), idKey(b)];
  if (ia && ib && ia === ib) return true;
  const [na, nb] = [namePhoneKey(a), namePhoneKey(b)];
  return !!na && na === nb;
}

/** The parties of `a` who are also parties of `b`. */
export function sharedParties(a: FraudCase, b: FraudCase): FraudParty[] {
  return a.parties.filter((p) => b.parties.some((q) => samePerson(p, q)));
}

/**
 * The same parties: every party of the smaller case, and at least two, is in both. One shared applicant with a
 * different neighbour is another dispute.
 */
export function sameParties(a: FraudCase, b: FraudCase): FraudParty[] | null {
  if (!a.parties.length || !b.parties.length) return null;
  const shared = sharedParties(a, b);
  return shared.length >= Math.min(2, a.parties.length, b.parties.length) ? shared : null;
}

const daysApart = (a: FraudCase, b: FraudCase) => Math.abs(Date.parse(a.openedAt) - Date.parse(b.openedAt)) / DAY_MS;

const brief = (c: FraudCase) => ({ caseId: c.id, caseNo: c.caseNo, category: c.category, state: c.state, openedAt: c.openedAt });

/** DUPLICATE_DISPUTE: another case of the same parties and category, opened within the window, under another dispute code. */
export function duplicateFlag(claimed: FraudCase, others: FraudCase[], settings: FraudSettings): FraudFlag | null {
  const matches = others
    .filter((o) => o.id !== claimed.id && o.disputeCode !== claimed.disputeCode && o.category === claimed.category && daysApart(o, claimed) <= settings.duplicateWindowDays)
    .map((o) => ({ other: o, shared: sameParties(claimed, o) }))
    .filter((m) => m.shared);
  if (!matches.length) return null;
  return {
    check: 'DUPLICATE_DISPUTE',
    label: `疑似同一纠纷重复申报：与${matches.map((m) => m.other.caseNo).join('、')}当事人相同、纠纷类别相同，立案相隔不超过${settings.duplicateWindowDays}天`,
    evidence: {
      category: claimed.category,
      windowDays: settings.duplicateWindowDays,
      otherCases: matches.map((m) => ({ ...brief(m.other), daysApart: round(daysApart(m.other, claimed), 1), sharedParties: m.shared!.map((p) => p.name) })),
    },
  };
}

/**
 * SPLIT_DISPUTE: another case of the same dispute code (砚山: a dispute mediated several times counts once), or of the
 * same parties opened within the split window under another category (the same category is a duplicate instead).
 */
export function splitFlag(claimed: FraudCase, others: FraudCase[], settings: FraudSettings): FraudFlag | null {
  const found: { other: FraudCase; reason: 'SAME_DISPUTE_CODE' | 'SAME_PARTIES'; shared: string[] }[] = [];
  for (const o of others) {
    if (o.id === claimed.id) continue;
    if (o.disputeCode === claimed.disputeCode) {
      found.push({ other: o, reason: 'SAME_DISPUTE_CODE', shared: [] });
      continue;
    }
    const shared = o.category !== claimed.category && daysApart(o, claimed) <= settings.splitWindowDays ? sameParties(claimed, o) : null;
    if (shared) found.push({ other: o, reason: 'SAME_PARTIES', shared: shared.map((p) => p.name) });
  }
  if (!found.length) return null;
  const byCode = found.filter((f) => f.reason === 'SAME_DISPUTE_CODE').map((f) => f.other.caseNo);
  const byParties = found.filter((f) => f.reason === 'SAME_PARTIES').map((f) => f.other.caseNo);
  const parts = [
    ...(byCode.length ? [`与${byCode.join('、')}同属纠纷 ${claimed.disputeCode}`] : []),
    ...(byParties.length ? [`与${byParties.join('、')}当事人相同且立案相隔不超过${settings.splitWindowDays}天`] : []),
  ];
  return {
    check: 'SPLIT_DISPUTE',
    label: `疑似一案拆分申报：${parts.join('；')}`,
    evidence: {
      disputeCode: claimed.disputeCode,
      windowDays: settings.splitWindowDays,
      otherCases: found.map((f) => ({ ...brief(f.other), reason: f.reason, daysApart: round(daysApart(f.other, claimed), 1), sharedParties: f.shared })),
    },
  };
}

export function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}
