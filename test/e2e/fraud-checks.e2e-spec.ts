import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, idNumber, LIQIAO, openCase, pmCaseBody, pmStep, setNow } from '../support/cases';

/*
 * The 以案定补 fraud checks over real people's-mediation cases made over HTTP on fixed dates (the manual clock): each
 * check with cases that trip it and cases that must not. Thresholds are lowered through the environment so a few
 * cases make a pattern: three agreements a day are "many", three claims are enough for a share to count.
 */

const ENV = { FENGQIAO_FRAUD_SAME_DAY_CASES: '3', FENGQIAO_FRAUD_OUTLIER_MIN_CLAIMS: '3' };
const AS_OF = '2026-11-30T00:00:00.000Z';
const at = (date: string, hourUtc: number) => `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

let phoneSeq = 0;
const person = (role: 'APPLICANT' | 'RESPONDENT', name: string, first17?: string) => ({ role, name, phone: `1390000${String(++phoneSeq).padStart(4, '0')}`, ...(first17 ? { idNumber: idNumber(first17) } : {}) });
const stranger = (name: string) => [person('APPLICANT', `${name}甲`), person('RESPONDENT', `${name}乙`)];

describe.each(TEST_DATABASES)('以案定补 fraud checks ($name)', (database) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const nos: Record<string, string> = {};

  /** Opens a case as `username` at `openedAt` and takes it to an assigned mediator (the opener). */
  async function assigned(key: string, username: string, openedAt: string, body: Record<string, unknown>) {
    setNow(t, openedAt);
    const mediatorId = (await t.loginUser(username)).user.id;
    let view = await openCase(t, username, pmCaseBody(body));
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR']) view = await apply(t, username, view.id, type, pmStep(t, type, mediatorId));
    ids[key] = view.id;
    nos[key] = view.caseNo;
  }

  async function agree(key: string, username: string, agreedAt: string) {
    for (const type of ['START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT']) {
      if (type === 'SIGN_WRITTEN_AGREEMENT') setNow(t, agreedAt);
      await apply(t, username, ids[key], type, pmStep(t, type));
    }
  }

  /** A case opened at 10:00 and agreed at 15:00 China time the same day, unless told otherwise. */
  async function agreed(key: string, username: string, date: string, body: Record<string, unknown>, hours: [number, number] = [2, 7]) {
    await assigned(key, username, at(date, hours[0]), body);
    await agree(key, username, at(date, hours[1]));
  }

  async function check(keys: string[], asOf = AS_OF, username = 'auditor') {
    return t.http().post('/api/subsidy/fraud-checks').set(auth(await t.login(username))).send({ caseIds: keys.map((k) => ids[k]), asOf });
  }

  type Flag = { check: string; label: string; evidence: any };

  async function flags(keys: string[], asOf = AS_OF): Promise<Record<string, Flag[]>> {
    const res = await check(keys, asOf);
    expect(res.status).toBe(200);
    return Object.fromEntries(keys.map((k, i) => [k, res.body.cases[i].flags]));
  }
  const named = (list: Flag[], name: string) => list.filter((f) => f.check === name);

  beforeAll(async () => {
    t = await createTestApp(database, ENV);
    const x = [person('APPLICANT', '张建华', '33019919800101123'), person('RESPONDENT', '李国平', '33019919751231456')];
    // The same two people again, the phones changed: identity numbers decide.
    const xAgain = x.map((p, i) => ({ ...p, phone: `1370000000${i}` }));
    const y = [person('APPLICANT', '陈美玲'), person('RESPONDENT', '周德福')];
    await agreed('A', 'fy_mediator', '2026-03-02', { parties: x, category: 'NEIGHBOUR' });
    await agreed('B', 'fy_mediator', '2026-04-10', { parties: xAgain, category: 'NEIGHBOUR' });
    await agreed('C', 'fy_mediator', '2026-05-20', { parties: x, category: 'CONTRACT' });
    await agreed('E', 'fy_mediator', '2026-06-01', { parties: y, category: 'NEIGHBOUR' });
    await agreed('F', 'fy_mediator', '2026-06-04', { parties: y, category: 'CONTRACT' });
    for (const k of ['J1', 'J2', 'J3']) await agreed(k, 'fy_director', '2026-07-01', { parties: stranger(k) });
    await agreed('K', 'fy_director', '2026-07-02', { parties: stranger('K') });
    const liqiao = (k: string) => ({ regionCode: LIQIAO, parties: stranger(k) });
    await assigned('H', 'lq_mediator', at('2026-08-03', 2), liqiao('H'));
    await assigned('I', 'lq_mediator', at('2026-08-03', 2), liqiao('I'));
    await agree('H', 'lq_mediator', at('2026-08-03', 3));
    await agree('I', 'lq_mediator', at('2026-08-03', 7));
    await agreed('D', 'fy_mediator', '2026-11-01', { parties: x, category: 'NEIGHBOUR' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('DUPLICATE_DISPUTE: the same parties and category within 180 days, by identity number; not another category, nor beyond the window', async () => {
    const f = await flags(['A', 'B', 'C', 'D']);
    const [dup] = named(f.A, 'DUPLICATE_DISPUTE');
    expect(dup.evidence).toMatchObject({ category: 'NEIGHBOUR', windowDays: 180, otherCases: [{ caseId: ids.B, caseNo: nos.B, daysApart: 39, sharedParties: ['张建华', '李国平'] }] });
    expect(dup.label).toContain(nos.B);
    expect(named(f.B, 'DUPLICATE_DISPUTE')[0].evidence.otherCases.map((o: any) => o.caseId)).toEqual([ids.A]);
    expect(named(f.C, 'DUPLICATE_DISPUTE')).toEqual([]);
    expect(named(f.D, 'DUPLICATE_DISPUTE')).toEqual([]);
    // As of before B was opened, A had no twin yet.
    expect(named((await flags(['A'], '2026-04-01T00:00:00.000Z')).A, 'DUPLICATE_DISPUTE')).toEqual([]);
  });

  it('SPLIT_DISPUTE: the same parties under another category within 7 days, by name and phone; not 79 days apart', async () => {
    const f = await flags(['E', 'F', 'C']);
    const [split] = named(f.F, 'SPLIT_DISPUTE');
    expect(split.evidence).toMatchObject({ windowDays: 7, otherCases: [{ caseId: ids.E, reason: 'SAME_PARTIES', daysApart: 3, sharedParties: ['陈美玲', '周德福'] }] });
    expect(named(f.E, 'SPLIT_DISPUTE')).toHaveLength(1);
    expect(named(f.C, 'SPLIT_DISPUTE')).toEqual([]);
    expect([...f.E, ...f.F].map((x) => x.check)).not.toContain('DUPLICATE_DISPUTE');
  });

  it('TOO_FAST: an agreement one hour after opening; not one five hours after', async () => {
    const f = await flags(['H', 'I']);
    expect(f.H).toEqual([expect.objectContaining({ check: 'TOO_FAST', evidence: { openedAt: at('2026-08-03', 2), agreedAt: at('2026-08-03', 3), hours: 1, thresholdHours: 2 } })]);
    expect(f.H[0].label).toBe('结案过快：受理后 1 小时即达成调解协议（阈值 2 小时）');
    expect(f.I).toEqual([]);
  });

  it('MANY_SAME_DAY: three agreements of one mediator on one day, counting unclaimed ones; not one', async () => {
    const f = await flags(['J1', 'K']);
    const [many] = named(f.J1, 'MANY_SAME_DAY');
    expect(many.evidence).toMatchObject({ mediatorName: '李建国（枫源村调委会主任）', day: '2026-07-01', cases: 3, thresholdCases: 3 });
    expect(many.evidence.otherCases.map((o: any) => o.caseId).sort()).toEqual([ids.J2, ids.J3].sort());
    expect(named(f.K, 'MANY_SAME_DAY')).toEqual([]);
  });

  it('OUTLIER_SHARE: a mediator with all the claims and 40% of the cases; not when claims follow the cases', async () => {
    // 枫源村 committee: 王秀英 has six cases (A–F), 李建国 four (J1–J3, K).
    const skewed = await flags(['J1', 'J2', 'J3']);
    const [share] = named(skewed.J1, 'OUTLIER_SHARE');
    expect(share.evidence).toMatchObject({ dimension: 'MEDIATOR', name: '李建国（枫源村调委会主任）', claims: 3, batchSize: 3, claimShare: 1, cases: 4, totalCases: 10, caseShare: 0.4, ratio: 2.5 });
    expect(share.label).toContain('占本批申报 100%');
    expect(named(skewed.J2, 'OUTLIER_SHARE')).toHaveLength(1);
    const even = await flags(['A', 'C', 'E', 'J1', 'K']);
    expect(Object.values(even).flat().map((x) => x.check)).not.toContain('OUTLIER_SHARE');
    // The same village on both sides: one group, nothing to stand out from.
    expect(Object.values(skewed).flat().filter((x) => x.evidence.dimension === 'VILLAGE')).toEqual([]);
  });

  it('answers auditors and administrators only, and refuses bad input naming the field', async () => {
    expect((await check(['I'], AS_OF, 'admin')).status).toBe(200);
    expect((await check(['I'], AS_OF, 'fy_mediator')).status).toBe(403);
    const token = await t.login('auditor');
    const post = (body: unknown) => t.http().post('/api/subsidy/fraud-checks').set(auth(token)).send(body as object);
    const cases: [unknown, string][] = [
      [{}, 'caseIds'],
      [{ caseIds: [] }, 'caseIds'],
      [{ caseIds: ['not-a-case'] }, 'caseIds'],
      [{ caseIds: [ids.I, ids.I] }, 'caseIds'],
      [{ caseIds: [ids.I], asOf: 'yesterday' }, 'asOf'],
      [{ caseIds: [ids.I, '00000000-0000-4000-8000-000000000000'] }, 'caseIds[1]'],
    ];
    for (const [body, field] of cases) {
      const res = await post(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    }
    const doc = await t.http().get('/api/docs/openapi.json');
    expect(doc.body.paths['/api/subsidy/fraud-checks']).toHaveProperty('post');
  });
});
