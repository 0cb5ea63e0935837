import type { FraudCase, FraudFacts } from './fraud-facts';
import { DEFAULT_FRAUD_SETTINGS, type FraudSettings } from './fraud-settings';
import { scoreFraud } from './fraud-scoring';
import { robustZ } from './outlier-share';
import { sameParties, samePerson } from './same-dispute';

const ZHANG = { name: '张三', idNumber: '330199198001011234', phone: '13812345678' };
const LI = { name: '李四', idNumber: '33019919751231456X', phone: '13987654321' };
const WANG = { name: '王五', phone: '13700000000' };
const AS_OF = new Date('2026-06-30T00:00:00Z');
const S: FraudSettings = { ...DEFAULT_FRAUD_SETTINGS };

let seq = 0;
function kase(over: Partial<FraudCase> = {}): FraudCase {
  seq += 1;
  return {
    id: `c${seq}`,
    caseNo: `枫源调〔2026〕${seq}号`,
    category: 'NEIGHBOUR',
    state: 'agreedWritten',
    disputeCode: `D${seq}`,
    regionCode: '330199101201',
    regionName: '枫源村',
    orgId: 'org-fengyuan',
    mediatorId: 'm1',
    mediatorName: '王秀英',
    parties: [ZHANG, LI],
    openedAt: '2026-03-01T02:00:00.000Z',
    agreedAt: '2026-03-03T02:00:00.000Z',
    agreementOn: '2026-03-03',
    ...over,
  };
}

const facts = (claimed: FraudCase[], others: FraudCase[] = [], baseline?: FraudFacts['baseline']): FraudFacts => ({
  claimed,
  others,
  baseline: baseline ?? { villages: [], mediators: [], total: 0 },
});
const checksOf = (flags: Map<string, { check: string }[]>, id: string) => (flags.get(id) ?? []).map((f) => f.check);

describe('matching parties', () => {
  it('takes the same identity number, or the same name and phone, as one person', () => {
    expect(samePerson(ZHANG, { name: '张叁', idNumber: ZHANG.idNumber.toLowerCase() })).toBe(true);
    expect(samePerson(WANG, { name: ' 王五', phone: '13700000000 ' })).toBe(true);
    expect(samePerson(WANG, { name: '王五', phone: '13700000001' })).toBe(false);
    expect(samePerson({ name: '王五' }, { name: '王五' })).toBe(false);
  });

  it('needs every party of the smaller case, and at least two, in both', () => {
    expect(sameParties(kase(), kase({ parties: [LI, ZHANG, WANG] }))?.map((p) => p.name)).toEqual(['张三', '李四']);
    expect(sameParties(kase(), kase({ parties: [ZHANG, WANG] }))).toBeNull();
    expect(sameParties(kase({ parties: [WANG] }), kase({ parties: [WANG, LI] }))).not.toBeNull();
  });
});

describe('DUPLICATE_DISPUTE', () => {
  it('flags the same parties and category opened within the window, naming the other case', () => {
    const a = kase();
    const b = kase({ openedAt: '2026-05-20T02:00:00.000Z' });
    const flags = scoreFraud(facts([a], [b]), S, AS_OF);
    const flag = flags.get(a.id)!.find((f) => f.check === 'DUPLICATE_DISPUTE')!;
    expect(flag.evidence).toMatchObject({ category: 'NEIGHBOUR', windowDays: 180, otherCases: [{ caseId: b.id, caseNo: b.caseNo, daysApart: 80, sharedParties: ['张三', '李四'] }] });
    expect(flag.label).toContain(b.caseNo);
  });

  it('leaves another category, another pair of parties, a case outside the window and one opened after asOf alone', () => {
    const a = kase();
    const others = [
      kase({ category: 'DEBT', openedAt: '2026-04-20T02:00:00.000Z' }),
      kase({ parties: [ZHANG, WANG] }),
      kase({ openedAt: '2025-08-01T02:00:00.000Z' }),
      kase({ openedAt: '2026-07-01T02:00:00.000Z' }),
    ];
    expect(checksOf(scoreFraud(facts([a], others), S, AS_OF), a.id)).not.toContain('DUPLICATE_DISPUTE');
  });
});

describe('SPLIT_DISPUTE', () => {
  it('flags another case of the same dispute code, whatever its parties', () => {
    const a = kase({ disputeCode: 'DX' });
    const b = kase({ disputeCode: 'DX', parties: [WANG], openedAt: '2025-01-01T00:00:00.000Z' });
    const flag = scoreFraud(facts([a], [b]), S, AS_OF).get(a.id)!.find((f) => f.check === 'SPLIT_DISPUTE')!;
    expect(flag.evidence).toMatchObject({ disputeCode: 'DX', otherCases: [{ caseId: b.id, reason: 'SAME_DISPUTE_CODE' }] });
  });

  it('flags the same parties under another category within the split window, not beyond it', () => {
    const a = kase();
    const near = kase({ category: 'DEBT', openedAt: '2026-03-05T02:00:00.000Z' });
    const far = kase({ category: 'DEBT', openedAt: '2026-03-20T02:00:00.000Z' });
    const flag = scoreFraud(facts([a], [near, far]), S, AS_OF).get(a.id)!.find((f) => f.check === 'SPLIT_DISPUTE')!;
    expect(flag.evidence.otherCases).toEqual([expect.objectContaining({ caseId: near.id, reason: 'SAME_PARTIES', daysApart: 4 })]);
    expect(checksOf(scoreFraud(facts([a], [far]), S, AS_OF), a.id)).toEqual([]);
  });
});

describe('OUTLIER_SHARE', () => {
  it('scores robustly: one inflated value stands out, equal values score zero', () => {
    const z = robustZ([10, 11, 12, 9, 271]);
    expect(z[4]).toBeGreaterThan(100);
    expect(Math.max(...z.slice(0, 4))).toBeLessThan(1);
    expect(robustZ([4, 4, 4])).toEqual([0, 0, 0]);
    expect(robustZ([0, 0, 0, 0, 6])[4]).toBeGreaterThan(3.5);
  });

  it('flags a mediator whose share of claims is at least twice their share of cases', () => {
    const claims = [...Array(6)].map((_, i) => kase({ mediatorId: 'm1', parties: [{ name: `甲${i}`, phone: `1390000000${i}` }] }));
    const other = kase({ mediatorId: 'm2', mediatorName: '李建国', parties: [WANG] });
    const baseline = { villages: [{ key: '330199101201', name: '枫源村', cases: 20 }], mediators: [{ key: 'm1', name: '王秀英', cases: 8 }, { key: 'm2', name: '李建国', cases: 12 }], total: 20 };
    const flags = scoreFraud(facts([...claims, other], [], baseline), S, AS_OF);
    const flag = flags.get(claims[0].id)!.find((f) => f.check === 'OUTLIER_SHARE')!;
    expect(flag.evidence).toMatchObject({ dimension: 'MEDIATOR', key: 'm1', claims: 6, batchSize: 7, cases: 8, totalCases: 20, caseShare: 0.4, claimShare: 0.857, ratio: 2.14 });
    expect(checksOf(flags, other.id)).toEqual([]);
  });

  it('flags a village whose claim count stands out among its peers even when its cases are inflated too', () => {
    const claims = [...Array(20)].map((_, i) => kase({ mediatorId: null, parties: [{ name: `乙${i}`, phone: `1380000${String(i).padStart(4, '0')}` }] }));
    const peers = ['330199101202', '330199101203', '330199102201', '330199102202'].map((code, i) => kase({ regionCode: code, regionName: `村${i}`, mediatorId: null, parties: [{ name: `丙${i}`, phone: `1360000000${i}` }] }));
    // The inflated village also holds most of the cases: its share ratio is near 1, its z-score is not.
    const baseline = { villages: [{ key: '330199101201', name: '枫源村', cases: 25 }, ...peers.map((p) => ({ key: p.regionCode, name: p.regionName, cases: 2 }))], mediators: [], total: 33 };
    const flag = scoreFraud(facts([...claims, ...peers], [], baseline), S, AS_OF).get(claims[0].id)!.find((f) => f.check === 'OUTLIER_SHARE')!;
    expect(flag.evidence).toMatchObject({ dimension: 'VILLAGE', claims: 20 });
    expect(flag.evidence.ratio as number).toBeLessThan(2);
    expect(flag.evidence.robustZ as number).toBeGreaterThan(3.5);
  });

  it('leaves claims proportional to cases, and a group under the minimum count, alone', () => {
    const m1 = [...Array(5)].map((_, i) => kase({ mediatorId: 'm1', parties: [{ name: `丁${i}`, phone: `1350000000${i}` }] }));
    const m2 = [...Array(5)].map((_, i) => kase({ mediatorId: 'm2', parties: [{ name: `戊${i}`, phone: `1340000000${i}` }] }));
    const baseline = { villages: [{ key: '330199101201', name: '枫源村', cases: 20 }], mediators: [{ key: 'm1', name: 'a', cases: 10 }, { key: 'm2', name: 'b', cases: 10 }], total: 20 };
    const flags = scoreFraud(facts([...m1, ...m2], [], baseline), S, AS_OF);
    expect([...flags.values()].flat()).toEqual([]);
    const few = scoreFraud(facts(m1.slice(0, 4), [], baseline), S, AS_OF);
    expect([...few.values()].flat()).toEqual([]);
  });
});

describe('TOO_FAST', () => {
  it('flags an agreement recorded under the threshold after opening, with the hours', () => {
    const fast = kase({ openedAt: '2026-03-01T02:00:00.000Z', agreedAt: '2026-03-01T03:30:00.000Z' });
    const flag = scoreFraud(facts([fast]), S, AS_OF).get(fast.id)![0];
    expect(flag).toMatchObject({ check: 'TOO_FAST', evidence: { hours: 1.5, thresholdHours: 2 } });
  });

  it('leaves one at the threshold, and a case without an agreement, alone', () => {
    const exact = kase({ openedAt: '2026-03-01T02:00:00.000Z', agreedAt: '2026-03-01T04:00:00.000Z' });
    const none = kase({ agreedAt: null, agreementOn: null, parties: [WANG] });
    const flags = scoreFraud(facts([exact, none]), S, AS_OF);
    expect([...flags.values()].flat()).toEqual([]);
  });
});

describe('MANY_SAME_DAY', () => {
  const day = (n: number, over: Partial<FraudCase> = {}) => [...Array(n)].map((_, i) => kase({ parties: [{ name: `己${seq}`, phone: `1330000${String(seq).padStart(4, '0')}` }], ...over }));

  it('flags a mediator with the threshold of agreements on one day, listing the others', () => {
    const [claimed, ...rest] = day(6);
    const flag = scoreFraud(facts([claimed], rest), S, AS_OF).get(claimed.id)![0];
    expect(flag).toMatchObject({ check: 'MANY_SAME_DAY', evidence: { mediatorId: 'm1', day: '2026-03-03', cases: 6, thresholdCases: 6 } });
    expect((flag.evidence.otherCases as unknown[]).length).toBe(5);
  });

  it('does not count another mediator or another day', () => {
    const [claimed, ...rest] = day(5);
    const others = [...rest, kase({ mediatorId: 'm2', parties: [WANG] }), kase({ agreementOn: '2026-03-04', parties: [{ name: '庚', phone: '13200000000' }] })];
    expect(checksOf(scoreFraud(facts([claimed], others), S, AS_OF), claimed.id)).toEqual([]);
  });
});

it('takes its thresholds from the settings', () => {
  const fast = kase({ openedAt: '2026-03-01T02:00:00.000Z', agreedAt: '2026-03-01T05:00:00.000Z' });
  expect(checksOf(scoreFraud(facts([fast]), S, AS_OF), fast.id)).toEqual([]);
  expect(checksOf(scoreFraud(facts([fast]), { ...S, tooFastHours: 4 }, AS_OF), fast.id)).toEqual(['TOO_FAST']);
});
