import ExcelJS from 'exceljs';
import { Db } from '@app/persistence';
import { drawSpotCheck } from '@app/subsidy';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, chinaMorning, history, openCase, pmCaseBody, setNow, today } from '../support/cases';

/*
 * 以案定补 over HTTP with the test clock: scenario S9 (a quarter's claims of one mediator, a duplicate, a 重大 case on
 * the higher-level fund, a case not yet performed, a spot check whose call-back exposes a fake mediation, suspension
 * of all the mediator's current claims and clawback of a past payment), the budget that makes a claim wait, the
 * statement and its files, and a claimed case whose audit trail was altered.
 */

const FENGQIAO_TOWN = '330199101';

/** Parties of their own, so that only B and C (张三 and 李四, the same dispute) look alike to the fraud checks. */
const people = (applicant: string, respondent: string, phone: string) => [
  { role: 'APPLICANT', name: applicant, phone: `138${phone}0001` },
  { role: 'RESPONDENT', name: respondent, phone: `139${phone}0002` },
];

describe.each(TEST_DATABASES)('以案定补 claims and statements ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  const ids: Record<string, string> = {};

  const as = async (user: string) => auth(await t.login(user));
  const at = (date: string) => setNow(t, chinaMorning(date));

  /** A 人民调解 case mediated by `mediator`, agreed, performed, visited and archived, each step on the given day. */
  async function mediated(
    mediator: string,
    opts: { body?: Record<string, unknown>; oral?: boolean; registeredOn: string; agreedOn: string; performedOn?: string; dueOn?: string; followUp?: boolean },
  ) {
    at(opts.registeredOn);
    const mediatorId = (await t.loginUser(mediator)).user.id;
    const view = await openCase(t, mediator, opts.body ?? pmCaseBody());
    const parties = view.parties.map((p: { id: string }) => p.id);
    await apply(t, mediator, view.id, 'SEEK_CONSENT', { note: '电话征询双方意愿' });
    await apply(t, mediator, view.id, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: parties, selectedBy: 'COMMITTEE' });
    await apply(t, mediator, view.id, 'START_MEDIATION', { startedOn: today(t), mode: 'ON_SITE' });
    at(opts.agreedOn);
    if (opts.oral) await apply(t, mediator, view.id, 'RECORD_ORAL_AGREEMENT', { content: '双方当场和解，互相赔礼道歉', reachedOn: today(t) });
    else
      await apply(t, mediator, view.id, 'SIGN_WRITTEN_AGREEMENT', {
        content: '按约定履行',
        signedPartyIds: parties,
        mediatorSigned: true,
        committeeSealed: true,
        effectiveOn: today(t),
        ...(opts.dueOn ? { performanceDueOn: opts.dueOn } : {}),
      });
    if (!opts.performedOn) return view.id as string;
    at(opts.performedOn);
    await apply(t, mediator, view.id, 'RECORD_PERFORMED', { performedOn: today(t) });
    if (opts.followUp !== false) await apply(t, mediator, view.id, 'RECORD_FOLLOW_UP', { visitedOn: today(t), method: 'VISIT', summary: '双方均已履行，表示满意' });
    await apply(t, mediator, view.id, 'ARCHIVE', { dossierComplete: true });
    return view.id as string;
  }

  async function claim(mediator: string, caseId: string, tier: string, extra: Record<string, unknown> = {}) {
    const res = await t.http().post('/api/subsidy/claims').set(await as(mediator)).send({ caseId, tier, ...extra });
    if (res.status !== 201) throw new Error(`claim ${caseId}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function step(user: string, claimId: string, type: string, data: Record<string, unknown> = {}) {
    const res = await t.http().post(`/api/subsidy/claims/${claimId}/events`).set(await as(user)).send({ type, data });
    if (res.status !== 200) throw new Error(`${type} on ${claimId} as ${user}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Mediator submits; the committee director, the 司法所 and (for bureau steps) the auditor take it on. */
  async function throughStation(mediator: string, director: string, claimId: string) {
    at('2025-07-01');
    await step(mediator, claimId, 'SUBMIT');
    at('2025-07-05');
    await step(director, claimId, 'ORG_APPROVE', { opinion: '案件属实，档次相符' });
    at('2025-07-10');
    return step('fq_station', claimId, 'STATION_APPROVE', { opinion: '卷宗齐全' });
  }

  const claimView = async (user: string, id: string) => (await t.http().get(`/api/subsidy/claims/${id}`).set(await as(user))).body;
  const statement = async (orgId: string, from: string, to: string) => {
    const res = await t.http().get('/api/subsidy/statements').query({ orgId, from, to }).set(await as('auditor'));
    expect(res.status).toBe(200);
    return res.body as { lines: any[]; total: string };
  };
  const budget2025 = async () => (await t.http().get('/api/subsidy/budgets').set(await as('auditor'))).body.find((b: any) => b.regionCode === '330199' && b.year === 2025);

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    // Q1: a past claim of M (王秀英, 枫源村) that was paid and published before the fraud came to light.
    ids.F = await mediated('fy_mediator', { registeredOn: '2025-02-10', agreedOn: '2025-02-20', performedOn: '2025-03-05', body: pmCaseBody({ summary: '土地承包边界纠纷', parties: people('周一', '吴二', '0001') }) });
    // Q2, scenario S9.
    ids.A = await mediated('fy_mediator', { oral: true, registeredOn: '2025-04-07', agreedOn: '2025-04-08', performedOn: '2025-04-09', body: pmCaseBody({ summary: '集市摊位口角', category: 'OTHER', parties: people('郑三', '冯四', '0002') }) });
    ids.B = await mediated('fy_mediator', { registeredOn: '2025-04-10', agreedOn: '2025-04-20', performedOn: '2025-04-30', body: pmCaseBody({ summary: '邻里用水纠纷' }) });
    ids.C = await mediated('fy_mediator', { registeredOn: '2025-05-10', agreedOn: '2025-05-15', performedOn: '2025-05-20', body: pmCaseBody({ summary: '邻里用水纠纷' }) });
    const households = Array.from({ length: 11 }, (_v, i) => ({ role: 'APPLICANT', name: `村民${i + 1}` }));
    const collective = { role: 'RESPONDENT', name: '枫源村股份经济合作社' };
    ids.D = await mediated('fy_mediator', {
      registeredOn: '2025-05-12',
      agreedOn: '2025-06-01',
      performedOn: '2025-06-10',
      body: pmCaseBody({ summary: '12户征地补偿款分配纠纷', category: 'LAND_EXPROPRIATION_DEMOLITION', parties: [...households, collective] }),
    });
    ids.E = await mediated('fy_mediator', { registeredOn: '2025-06-02', agreedOn: '2025-06-20', dueOn: '2025-08-01', body: pmCaseBody({ parties: people('陈五', '褚六', '0003') }) });
    // Two cases of 孙丽 at the 枫桥镇 committee, for the statement and the budget.
    ids.G = await mediated('fq_mediator', { registeredOn: '2025-04-14', agreedOn: '2025-04-24', performedOn: '2025-05-06', body: pmCaseBody({ regionCode: FENGQIAO_TOWN, parties: people('卫七', '蒋八', '0004') }) });
    ids.H = await mediated('fq_mediator', { registeredOn: '2025-05-14', agreedOn: '2025-05-24', performedOn: '2025-06-06', body: pmCaseBody({ regionCode: FENGQIAO_TOWN, summary: '房屋漏水纠纷', parties: people('沈九', '韩十', '0005') }) });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('pays a Q1 claim through the whole chain: review, approval on the budget, payment and publication, each an audited event', async () => {
    at('2025-04-02');
    const f = await claim('fy_mediator', ids.F, 'ORDINARY');
    expect(f).toMatchObject({ state: 'drafted', tier: 'ORDINARY', eligibility: { eligible: true, reasons: [] }, fraudFlags: [] });
    ids.claimF = f.id;
    await step('fy_mediator', f.id, 'SUBMIT');
    await step('fy_director', f.id, 'ORG_APPROVE', {});
    await step('fq_station', f.id, 'STATION_APPROVE', {});
    const approved = await step('auditor', f.id, 'BUREAU_APPROVE', { tier: 'ORDINARY', opinion: '审定' });
    expect(approved).toMatchObject({ state: 'approved', amount: '200.00', fundingSource: '区级财政', tariffVersion: '330199-2025-v1' });
    await step('auditor', f.id, 'PAY', { paidOn: '2025-04-02', voucherNo: 'CZ2025-0402-001' });
    expect(await step('auditor', f.id, 'PUBLISH', { publishedOn: '2025-04-02', batchNo: '2025年第一季度' })).toMatchObject({ state: 'published' });
    expect(await budget2025()).toMatchObject({ total: '1970000.00', committed: '200.00', paid: '200.00', remaining: '1969800.00' });

    const trail = await history(t, 'auditor', f.id);
    const users = Object.fromEntries(await Promise.all(['fy_mediator', 'fy_director', 'fq_station', 'auditor'].map(async (u) => [(await t.loginUser(u)).user.id, u])));
    expect(trail.map((e) => [e.type, e.to, users[e.actor.id] ?? e.actor.id, e.actor.role])).toEqual([
      ['OPEN', 'eligible', 'system', 'SYSTEM'],
      ['DRAFT', 'drafted', 'fy_mediator', 'MEDIATOR'],
      ['SUBMIT', 'orgReview', 'fy_mediator', 'MEDIATOR'],
      ['ORG_APPROVE', 'stationReview', 'fy_director', 'COMMITTEE_DIRECTOR'],
      ['STATION_APPROVE', 'bureauReview', 'fq_station', 'JUSTICE_STATION_OFFICER'],
      ['BUREAU_APPROVE', 'awaitingFunds', 'auditor', 'AUDITOR'],
      ['FUNDS_COMMITTED', 'approved', 'system', 'SYSTEM'],
      ['PAY', 'paid', 'auditor', 'AUDITOR'],
      ['PUBLISH', 'published', 'auditor', 'AUDITOR'],
    ]);
    expect(trail[6].data).toEqual({ tier: 'ORDINARY', amount: '200.00', fundingSource: '区级财政', tariffVersion: '330199-2025-v1', budgetYear: 2025 });
  });

  it('refuses who is not at the stage: another mediator, the committee out of turn, a reviewer skipping the chain', async () => {
    at('2025-07-01');
    const again = await t.http().post('/api/subsidy/claims').set(await as('fy_mediator')).send({ caseId: ids.F, tier: 'ORDINARY' });
    expect(again.status).toBe(409);
    expect(again.body.reasons.map((r: any) => r.code)).toEqual(['ALREADY_CLAIMED']);
    // 孙丽's township committee supervises 枫源村 and sees the case, but only its mediator claims it (谁调解补助谁).
    const other = await t.http().post('/api/subsidy/claims').set(await as('fq_mediator')).send({ caseId: ids.B, tier: 'ORDINARY' });
    expect(other.status).toBe(403);
    expect((await t.http().post('/api/subsidy/claims').set(await as('lq_mediator')).send({ caseId: ids.B, tier: 'ORDINARY' })).status).toBe(404);
    const badTier = await t.http().post('/api/subsidy/claims').set(await as('fy_mediator')).send({ caseId: ids.B, tier: 'HUGE' });
    expect(badTier.status).toBe(400);
    expect(badTier.body.errors[0]).toMatchObject({ field: 'tier' });
    expect(badTier.body.errors[0].messageZh).toContain('SIMPLE 简单');
    // Nothing was written by the refused claims: B can still be claimed once.
    expect((await t.http().get('/api/subsidy/eligibility').query({ caseId: ids.B }).set(await as('fy_mediator'))).body).toMatchObject({ eligible: true, tariffVersion: '330199-2025-v1' });
  });

  it('S9: E is not eligible this quarter (agreement not yet performed) and carries over', async () => {
    at('2025-07-01');
    const e = await t.http().get('/api/subsidy/eligibility').query({ caseId: ids.E }).set(await as('fy_mediator'));
    expect(e.body.eligible).toBe(false);
    expect(e.body.reasons.map((r: any) => r.code)).toEqual(expect.arrayContaining(['NOT_PERFORMED', 'NO_FOLLOW_UP', 'DOSSIER_INCOMPLETE']));
    const refused = await t.http().post('/api/subsidy/claims').set(await as('fy_mediator')).send({ caseId: ids.E, tier: 'ORDINARY' });
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('调解协议尚未履行');
    // No claim was recorded, so the case can be claimed once it is performed.
    expect((await t.http().get('/api/subsidy/claims').set(await as('auditor'))).body.map((c: any) => c.claimedCase.id)).not.toContain(ids.E);
  });

  it('S9: M submits A (oral, 50 % of 简单 with the photo), B, C and D; the reviews pass them to the bureau; C is rejected as a duplicate', async () => {
    at('2025-07-01');
    const noPhoto = await t.http().post('/api/subsidy/claims').set(await as('fy_mediator')).send({ caseId: ids.A, tier: 'SIMPLE' });
    expect(noPhoto.status).toBe(409);
    expect(noPhoto.body.reasons.map((r: any) => r.code)).toEqual(['NO_PRESENCE_EVIDENCE']);
    ids.claimA = (await claim('fy_mediator', ids.A, 'SIMPLE', { presenceEvidence: '现场照片：双方当事人在调解现场' })).id;
    ids.claimB = (await claim('fy_mediator', ids.B, 'ORDINARY')).id;
    ids.claimC = (await claim('fy_mediator', ids.C, 'ORDINARY')).id;
    ids.claimD = (await claim('fy_mediator', ids.D, 'MAJOR')).id;
    for (const c of ['claimA', 'claimB', 'claimC', 'claimD']) expect((await throughStation('fy_mediator', 'fy_director', ids[c])).state).toBe('bureauReview');
    // The 司法所 may not approve at the bureau's stage, and the auditor may not take the committee's.
    const skip = await t.http().post(`/api/subsidy/claims/${ids.claimC}/events`).set(await as('fq_station')).send({ type: 'BUREAU_APPROVE', data: { tier: 'ORDINARY' } });
    expect(skip.status).toBe(403);
    // The duplicate is found by the fraud checks, with the other case as evidence; the other claims raise nothing.
    const flagsOf = async (claimId: string) => (await claimView('auditor', claimId)).fraudFlags as { check: string; evidence: { otherCases: { caseId: string }[] } }[];
    const c = await flagsOf(ids.claimC);
    expect(c.map((f) => f.check)).toEqual(['DUPLICATE_DISPUTE']);
    expect(c[0].evidence.otherCases.map((o) => o.caseId)).toEqual([ids.B]);
    expect((await flagsOf(ids.claimB)).map((f) => f.check)).toEqual(['DUPLICATE_DISPUTE']);
    for (const k of ['claimA', 'claimD']) expect({ k, flags: await flagsOf(ids[k]) }).toEqual({ k, flags: [] });
    at('2025-07-20');
    const rejected = await step('auditor', ids.claimC, 'REJECT', { reason: 'DUPLICATE', note: '与B案当事人、事项相同，同一纠纷只能按一件补贴' });
    expect(rejected.state).toBe('rejected');
    expect(rejected.actions).toEqual([]);
  });

  it('S9: the spot check takes every 重大 and every flagged claim plus a seeded random share; the draw is recorded and can be drawn again', async () => {
    at('2025-07-20');
    // B carries the duplicate flag (its twin C was rejected, the flag on B stays), D is 重大: both are risk picks; the
    // random 10 % of the rest is A, the only one left.
    const population = [ids.claimA, ids.claimB, ids.claimD].map((claimId) => ({ claimId, tier: claimId === ids.claimD ? 'MAJOR' : claimId === ids.claimA ? 'SIMPLE' : 'ORDINARY', flagged: claimId === ids.claimB }));
    const seed = '2025Q2-1';
    const res = await t.http().post('/api/subsidy/spot-checks').set(await as('auditor')).send({ rate: 0.1, riskTiers: ['MAJOR'], seed });
    expect(res.status).toBe(201);
    const expected = [
      { claimId: ids.claimA, reason: 'RANDOM' },
      { claimId: ids.claimB, reason: 'RISK' },
      { claimId: ids.claimD, reason: 'RISK' },
    ].sort((a, b) => a.claimId.localeCompare(b.claimId));
    expect(res.body.picks).toEqual(expected);
    expect(drawSpotCheck(population, seed, 0.1, ['MAJOR'])).toEqual(expected);
    const again = await t.http().get(`/api/subsidy/spot-checks/${res.body.id}`).set(await as('auditor'));
    expect(again.body).toMatchObject({ seed, reproduced: true, picks: res.body.picks });
    for (const k of ['claimA', 'claimB', 'claimD']) expect({ k, state: (await claimView('auditor', ids[k])).state }).toEqual({ k, state: 'spotCheck' });
    // A picked claim cannot be approved before its call-back.
    expect((await t.http().post(`/api/subsidy/claims/${ids.claimD}/events`).set(await as('auditor')).send({ type: 'BUREAU_APPROVE', data: { tier: 'MAJOR' } })).status).toBe(409);
  });

  it('S9: the call-back on B says no mediation happened: B is suspended, then every current claim of M, and the past payment is clawed back', async () => {
    at('2025-07-22');
    const b = await step('auditor', ids.claimB, 'RECORD_CALL_BACK', { calledOn: '2025-07-22', result: 'DENIED', note: '当事人称双方关系和睦，从未发生纠纷' });
    expect(b.state).toBe('suspendedForFraud');
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    const res = await t.http().post(`/api/subsidy/mediators/${mediatorId}/suspend`).set(await as('auditor')).send({ reason: '回访发现虚假调解（阜南模式），暂停该调解员全部补贴', relatedClaimId: ids.claimB });
    expect(res.status).toBe(200);
    expect(res.body.suspended.sort()).toEqual([ids.claimA, ids.claimD, ids.claimF].sort());
    for (const c of ['claimA', 'claimD', 'claimF']) expect((await claimView('auditor', ids[c])).state).toBe('suspendedForFraud');
    at('2025-08-15');
    const clawed = await step('auditor', ids.claimF, 'CLAW_BACK', { recoveredAmount: '200.00', note: '查实虚报，已追回', discipline: '解聘并移交纪检监察' });
    expect(clawed.state).toBe('clawedBack');
    expect(await step('auditor', ids.claimB, 'CLAW_BACK', { recoveredAmount: '0.00', note: '未支付，不予补贴' })).toMatchObject({ state: 'clawedBack' });
    // The clawed-back payment no longer counts against the budget; A and D stay suspended pending review.
    expect(await budget2025()).toMatchObject({ committed: '0.00', paid: '0.00' });
    expect((await claimView('auditor', ids.claimA)).actions.map((a: any) => a.type).sort()).toEqual(['CLAW_BACK', 'LIFT_SUSPENSION']);
    expect((await statement('org-fengyuan', '2025-01-01', '2025-12-31')).lines).toEqual([]);
  });

  it('makes an approved claim wait while the budget is short and commits it when the budget is raised', async () => {
    at('2025-07-01');
    ids.claimG = (await claim('fq_mediator', ids.G, 'ORDINARY')).id;
    ids.claimH = (await claim('fq_mediator', ids.H, 'SIMPLE')).id;
    for (const c of ['claimG', 'claimH']) await throughStation('fq_mediator', 'fq_director', ids[c]);
    await t.http().put('/api/subsidy/budgets/330199/2025').set(await as('auditor')).send({ total: '250.00' }).expect(200);
    at('2025-07-25');
    expect(await step('auditor', ids.claimG, 'BUREAU_APPROVE', { tier: 'ORDINARY' })).toMatchObject({ state: 'approved', amount: '200.00' });
    expect(await step('auditor', ids.claimH, 'BUREAU_APPROVE', { tier: 'SIMPLE' })).toMatchObject({ state: 'awaitingFunds', amount: null });
    expect(await budget2025()).toMatchObject({ total: '250.00', committed: '200.00', remaining: '50.00' });
    const low = await t.http().put('/api/subsidy/budgets/330199/2025').set(await as('auditor')).send({ total: '150.00' });
    expect(low.status).toBe(400);
    expect(low.body.errors[0].field).toBe('total');
    const raised = await t.http().put('/api/subsidy/budgets/330199/2025').set(await as('auditor')).send({ total: '300.00' });
    expect(raised.body).toEqual({ released: [ids.claimH] });
    expect(await claimView('auditor', ids.claimH)).toMatchObject({ state: 'approved', amount: '100.00', tier: 'SIMPLE' });
    expect(await budget2025()).toMatchObject({ committed: '300.00', remaining: '0.00' });
  });

  it('lists the approved claims in the statement: total = sum of lines = sum of approved claims, with the audit proof of performance', async () => {
    const s = await statement('org-fengqiao', '2025-04-01', '2025-06-30');
    expect(s.lines.map((l) => [l.caseId, l.tier, l.amount])).toEqual([
      [ids.G, 'ORDINARY', '200.00'],
      [ids.H, 'SIMPLE', '100.00'],
    ]);
    const fen = (xs: string[]) => xs.reduce((n, x) => n + Math.round(Number(x) * 100), 0);
    expect(fen([s.total])).toBe(fen(s.lines.map((l) => l.amount)));
    const approved = (await t.http().get('/api/subsidy/claims').query({ state: 'approved' }).set(await as('auditor'))).body;
    expect(s.total).toBe('300.00');
    expect(fen(approved.map((c: any) => c.amount))).toBe(fen([s.total]));
    const partiesOf: Record<string, [string, string[]]> = { [ids.G]: ['卫*、蒋*', ['卫七', '蒋八']], [ids.H]: ['沈*、韩*', ['沈九', '韩十']] };
    for (const line of s.lines) {
      const proof = (await history(t, 'auditor', line.caseId)).find((e) => e.seq === line.auditSeq);
      expect(proof).toMatchObject({ type: 'RECORD_PERFORMED', hash: line.auditHash });
      const [masked, names] = partiesOf[line.caseId];
      expect(line).toMatchObject({ tariffVersion: '330199-2025-v1', mediatorName: '孙丽（枫桥镇调解员）', parties: masked });
      for (const name of names) expect(JSON.stringify(line)).not.toContain(name);
    }
    // The district bureau's statement covers the whole region; a quarter with nothing approved is empty.
    expect((await statement('org-justice-bureau', '2025-04-01', '2025-06-30')).total).toBe('300.00');
    expect(await statement('org-fengqiao', '2025-07-01', '2025-09-30')).toMatchObject({ lines: [], total: '0.00' });
    const bad = await t.http().get('/api/subsidy/statements').query({ orgId: 'org-fengqiao', from: '2025-06-30', to: '2025-04-01' }).set(await as('auditor'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('to');
    expect((await t.http().get('/api/subsidy/statements').query({ orgId: 'org-fengqiao', from: '2025-04-01', to: '2025-06-30' }).set(await as('fq_mediator'))).status).toBe(403);
  });

  it('exports the same lines as CSV (Accept: text/csv) and as an .xlsx workbook with Chinese headers', async () => {
    const q = { orgId: 'org-fengqiao', from: '2025-04-01', to: '2025-06-30' };
    const json = await statement(q.orgId, q.from, q.to);
    const csv = await t.http().get('/api/subsidy/statements').query(q).set(await as('auditor')).set('Accept', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const rows = csv.text.replace(/^\ufeff/, '').trim().split('\r\n').map((r) => r.split(','));
    expect(rows[0].slice(0, 4)).toEqual(['案号', '案件编号', '补贴档次', '补贴金额（元）']);
    expect(rows.slice(1, -1).map((r) => [r[1], r[2], r[3], r[6], r[7]])).toEqual(json.lines.map((l) => [l.caseId, l.tier, l.amount, String(l.auditSeq), l.auditHash]));
    expect(rows[rows.length - 1].slice(0, 4)).toEqual(['合计', '', '', '300.00']);

    const xlsx = await t
      .http()
      .get('/api/subsidy/statements')
      .query({ ...q, format: 'xlsx' })
      .set(await as('auditor'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as never);
    const sheet = book.getWorksheet('以案定补结算单')!;
    const cells = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(cells(1).slice(0, 8)).toEqual(['案号', '案件编号', '补贴档次', '补贴金额（元）', '资金来源', '补贴标准版本', '审计记录序号', '审计记录哈希']);
    const lines = json.lines.map((_l, i) => cells(i + 2));
    expect(lines.map((c) => [c[0], c[1], c[2], c[3], c[5], c[6], c[7]])).toEqual(json.lines.map((l) => [l.caseNo, l.caseId, l.tier, l.amount, l.tariffVersion, l.auditSeq, l.auditHash]));
    expect(cells(json.lines.length + 2).slice(0, 4)).toEqual(['合计', undefined, undefined, '300.00']);
  });

  it('validates tariffs field by field and versions them per region and year', async () => {
    const bad = await t
      .http()
      .post('/api/subsidy/tariffs')
      .set(await as('auditor'))
      .send({ regionCode: '330199', year: 2027, rules: { name: '', workflows: ['pm'], tiers: [{ code: 'simple', label: '简单', amount: '100', fundingSource: '区级财政' }], conditions: { followUp: true, dossier: true, filing: true, ledger: 'yes' } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field).sort()).toEqual(['rules.conditions.ledger', 'rules.name', 'rules.tiers[0].code']);
    const rules = { name: '2027年标准', workflows: ['pm'], tiers: [{ code: 'SIMPLE', label: '简易', amount: '120.00', fundingSource: '区级财政' }], conditions: { followUp: false, dossier: true, filing: true, ledger: true } };
    const v1 = await t.http().post('/api/subsidy/tariffs').set(await as('auditor')).send({ regionCode: '330199', year: 2027, rules });
    const v2 = await t.http().post('/api/subsidy/tariffs').set(await as('auditor')).send({ regionCode: '330199', year: 2027, rules: { ...rules, name: '2027年标准（修订）' } });
    expect([v1.status, v1.body.version, v2.status, v2.body.version]).toEqual([201, 1, 201, 2]);
    expect((await t.http().post('/api/subsidy/tariffs').set(await as('fy_mediator')).send({ regionCode: '330199', year: 2027, rules })).status).toBe(403);
  });

  it('makes a claim ineligible, and says why, once an audit entry of its case was altered', async () => {
    at('2025-07-02');
    const caseId = await mediated('fq_mediator', { registeredOn: '2025-06-03', agreedOn: '2025-06-10', performedOn: '2025-06-20', body: pmCaseBody({ regionCode: FENGQIAO_TOWN, summary: '宅基地纠纷' }) });
    at('2025-07-02');
    const c = await claim('fq_mediator', caseId, 'ORDINARY');
    expect(c.eligibility).toEqual({ eligible: true, reasons: [] });
    const pg = db.dialect === 'postgres';
    if (pg) await db.execute('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    else await db.execute('DROP TRIGGER audit_entries_no_update');
    const performed = (await history(t, 'auditor', caseId)).find((e) => e.type === 'RECORD_PERFORMED');
    await (pg
      ? db.execute(`UPDATE audit_entries SET data = jsonb_set(data, '{performedOn}', to_jsonb('2025-06-01'::text)) WHERE case_id = :caseId AND seq = :seq`, { caseId, seq: performed.seq })
      : db.execute(`UPDATE audit_entries SET data = json_set(data, '$.performedOn', '2025-06-01') WHERE case_id = :caseId AND seq = :seq`, { caseId, seq: performed.seq }));
    if (pg) await db.execute('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    else await db.execute(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`);

    const view = await claimView('auditor', c.id);
    expect(view.eligibility.eligible).toBe(false);
    expect(view.eligibility.reasons).toEqual([expect.objectContaining({ code: 'AUDIT_CHAIN_BROKEN', message: expect.stringContaining(`第${performed.seq}条记录`) })]);
    const submit = await t.http().post(`/api/subsidy/claims/${c.id}/events`).set(await as('fq_mediator')).send({ type: 'SUBMIT', data: {} });
    expect(submit.status).toBe(409);
    expect(submit.body.reasons.map((r: any) => r.code)).toEqual(['AUDIT_CHAIN_BROKEN']);
    expect((await claimView('auditor', c.id)).state).toBe('drafted');
    // The other claims' cases are untouched and still verify.
    expect((await claimView('auditor', ids.claimG)).eligibility).toEqual({ eligible: true, reasons: [] });
  });
});
