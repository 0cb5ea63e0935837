import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventTypes, eventually, getCase, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * Scenario S3 of the domain specification, appendix (d), over HTTP on the test clock: motorist C (交强险 and commercial
 * third-party cover with insurer I) injures e-bike rider R on 2025-06-10; general procedure; the 交调委 mediates on the
 * platform; 司法确认 over the National Day holiday; 一键理赔. The 道交 periods are working days (第一百一十二条).
 * Branch: an on-the-spot agreement whose insurer does not pay within ten days (D-TA10) → 理赔逾期, the 司法建议 and,
 * once the agreement is confirmed (route R22c), the enforcement option.
 */

const R = { role: 'APPLICANT', name: '任骑', idNumber: idNumber('33019919900610123'), phone: '13600001111' };
const C = { role: 'RESPONDENT', name: '程驾', idNumber: idNumber('33019919850505456'), phone: '13600002222' };
const I = { role: 'THIRD_PARTY', name: '青州财产保险股份有限公司青溪支公司' };
const ALL = ['P1', 'P2', 'P3'];
const OFFICER = 'tp_officer';
const COMMITTEE = 'org-traffic-mediation';
const MEDIATOR = 'jtw_mediator';
const DJCX = '道路交通事故处理程序规定';

const taCase = (summary: string, harm = 'INJURY') => ({
  workflow: 'ta',
  category: 'ROAD_TRAFFIC',
  summary,
  regionCode: '330199101',
  source: 'APPLICATION',
  parties: [R, C, I],
  input: { accidentOn: '2025-06-10', harm, location: '枫桥镇枫溪路与新枫路交叉口', insurerPartyIds: ['P3'] },
});
const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId && d.status === 'pending') ?? view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO')?.caseId as string;

function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}

describe.each(TEST_DATABASES)('scenario S3: 道交一体化 — 交调委 mediation, 司法确认 over the holiday, 一键理赔 ($name)', (database) => {
  let t: TestApp;
  const ids = { ta: '', pm: '', jc: '', late: '', lateJc: '', early: '', tooLate: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const at = (day: string) => setClock(t, at10(day));
  const read = async (username: string, caseId: string) => {
    const res = await getCase(t, username, caseId);
    expect(res.status).toBe(200);
    return res.body;
  };
  const userId = async (username: string) => (await t.loginUser(username)).user.id;
  /** A people's mediation case of the 交调委 opened directly, with a written agreement signed by all on 2025-09-01. */
  async function committeeAgreement() {
    const res = await t.http().post('/api/cases').set(auth(await t.login(MEDIATOR))).send({ ...taCase('电动自行车与轿车碰撞赔偿纠纷'), workflow: 'pm', regionCode: '330199', input: undefined });
    expect(res.status).toBe(201);
    await apply(t, MEDIATOR, res.body.id, 'SEEK_CONSENT', { note: '电话征询' });
    await apply(t, MEDIATOR, res.body.id, 'ASSIGN_MEDIATOR', { mediatorId: await userId(MEDIATOR), consentedPartyIds: ALL, selectedBy: 'COMMITTEE' });
    await apply(t, MEDIATOR, res.body.id, 'START_MEDIATION', { startedOn: '2025-09-01', mode: 'ONLINE' });
    await apply(t, MEDIATOR, res.body.id, 'SIGN_WRITTEN_AGREEMENT', { content: '保险公司赔付165000元', signedPartyIds: ALL, mediatorSigned: true, committeeSealed: true, effectiveOn: '2025-09-01' });
    return res.body.id as string;
  }

  it('2025-06-10: reported, general procedure; the 认定书 is due 2025-06-24 (D-TA2, ten working days)', async () => {
    await at('2025-06-10');
    const bad = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send({ ...taCase('事故后果填写有误'), input: { accidentOn: '2025-06-10', harm: 'SCRATCH' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('input.harm');
    const opened = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send(taCase('轿车与电动自行车碰撞致骑车人受伤'));
    expect(opened.status).toBe(201);
    ids.ta = opened.body.id;
    expect(opened.body).toMatchObject({ workflow: { id: 'ta' }, state: 'reported', stateLabel: '报警', assignment: { orgId: 'org-traffic-police' } });
    expect(opened.body.caseNo).toMatch(/交调字第\d+号$/);
    // 第十九条: only a property-only accident may be settled by the parties themselves.
    expectRefused(await send(t, OFFICER, ids.ta, 'CHOOSE_SELF_NEGOTIATION', { agreedPartyIds: ALL, evidenceFixed: true }), 'propertyOnly', `${DJCX} 第十九条`);
    const investigating = await apply(t, OFFICER, ids.ta, 'START_INVESTIGATION', { procedure: 'GENERAL', sceneOn: '2025-06-10' });
    expect(investigating).toMatchObject({ state: 'investigation', stateLabel: '现场调查' });
    expect(deadline(investigating, 'D-TA2')).toMatchObject({ dueOn: '2025-06-24', dayType: 'working', status: 'pending' });
  });

  it('2025-06-18: the 认定书 (C fully liable) is made and served; review window 2025-06-23 (D-TA4), police mediation until 2025-07-02 (D-TA7)', async () => {
    await at('2025-06-18');
    const made = await apply(t, OFFICER, ids.ta, 'ISSUE_DETERMINATION', { madeOn: '2025-06-18', kind: 'DETERMINATION', liability: [{ partyId: 'P2', share: 'FULL' }, { partyId: 'P1', share: 'NONE' }] });
    expect(deadline(made, 'D-TA2')).toMatchObject({ status: 'met' });
    expect(deadline(made, 'D-TA3')).toMatchObject({ dueOn: '2025-06-23' });
    const incomplete = await send(t, OFFICER, ids.ta, 'SERVE_DETERMINATION', { servedOn: '2025-06-18', servedPartyIds: ALL, rights: ['REVIEW', 'LITIGATION'] });
    expectRefused(incomplete, 'rightsNoticeComplete', `${DJCX} 第六十五条`);
    const served = await apply(t, OFFICER, ids.ta, 'SERVE_DETERMINATION', { servedOn: '2025-06-18', servedPartyIds: ALL, rights: ['REVIEW', 'MEDIATION', 'LITIGATION'] });
    expect(served).toMatchObject({ state: 'reviewWindow', stateLabel: '复核申请期' });
    expect(deadline(served, 'D-TA4')).toMatchObject({ dueOn: '2025-06-23', dayType: 'working', status: 'pending' });
  });

  it('2025-06-24: nobody asked for review: the window closes (a late application is refused) and the losses are being fixed', async () => {
    await at('2025-06-24');
    expectRefused(await send(t, OFFICER, ids.ta, 'APPLY_REVIEW', { appliedOn: '2025-06-24', applicantPartyId: 'P2', acceptedOn: '2025-06-24' }), 'withinReviewWindow', `${DJCX} 第七十一条`);
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.ta)).toEqual([expect.objectContaining({ event: 'REVIEW_WINDOW_ENDED' })]);
    const fixing = await read(OFFICER, ids.ta);
    expect(fixing).toMatchObject({ state: 'lossFixing', stateLabel: '损失确定' });
    expect(deadline(fixing, 'D-TA7')).toMatchObject({ dueOn: '2025-07-02', dayType: 'working', status: 'pending' });
  });

  it('2025-07-03: after D-TA7 the police-mediation option is refused; people’s mediation and suit stay open', async () => {
    await at('2025-07-03');
    const late = { appliedOn: '2025-07-03', applicantPartyIds: ['P1', 'P2'] };
    expectRefused(await send(t, OFFICER, ids.ta, 'APPLY_POLICE_MEDIATION', late), 'withinPoliceMediationWindow', `${DJCX} 第八十五条、第八十六条`);
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.ta)).toEqual([expect.objectContaining({ event: 'POLICE_MEDIATION_WINDOW_ENDED' })]);
    const after = await read(OFFICER, ids.ta);
    expect(after.state).toBe('lossFixing');
    expect(after.deadlines.filter((d: any) => d.specId === 'D-TA7').map((d: any) => d.status)).toEqual(['missed']);
    expect(eventTypes(after)).toEqual(expect.arrayContaining(['APPLY_PEOPLES_MEDIATION', 'FILE_SUIT']));
    expectRefused(await send(t, OFFICER, ids.ta, 'APPLY_POLICE_MEDIATION', late), 'withinPoliceMediationWindow', `${DJCX} 第八十五条、第八十六条`);
  });

  it('2025-08-05 to 08-20: treatment ends, the disability is appraised (grade 10); the window does not reopen', async () => {
    await at('2025-08-05');
    await apply(t, OFFICER, ids.ta, 'RECORD_LOSS_FIXED', { kind: 'TREATMENT_ENDED', fixedOn: '2025-08-05' });
    expect((await apply(t, OFFICER, ids.ta, 'ORDER_APPRAISAL', { orderedOn: '2025-08-05', institution: '青州明正司法鉴定所' })).state).toBe('appraisal');
    await at('2025-08-20');
    const rated = await apply(t, OFFICER, ids.ta, 'RECORD_APPRAISAL', { resultOn: '2025-08-20', institution: '青州明正司法鉴定所', disabilityGrade: 10 });
    expect(rated.state).toBe('lossFixing');
    expect(rated.deadlines.filter((d: any) => d.specId === 'D-TA7' && d.status === 'pending')).toEqual([]);
  });

  it('2025-08-25: the 理赔计算器 puts 交强险 first; R applies to the 交调委 (R22a), the insurer joined', async () => {
    await at('2025-08-25');
    const calculated = await apply(t, OFFICER, ids.ta, 'CALCULATE_COMPENSATION', {
      medical: 40_000,
      deathDisability: 125_000,
      property: 5_000,
      liability: 'FULL',
      compulsoryInsured: true,
      commercialLimit: 1_000_000,
      excludedFromCommercial: 5_000,
    });
    expect(calculated).toMatchObject({ state: 'calculation', stateLabel: '理赔计算' });
    const bad = await send(t, OFFICER, ids.ta, 'CALCULATE_COMPENSATION', { medical: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('medical');
    const referred = await apply(t, OFFICER, ids.ta, 'APPLY_PEOPLES_MEDIATION', { mediationOrgId: COMMITTEE, appliedOn: '2025-08-25', note: '道交平台在线申请调解' });
    expect(referred).toMatchObject({ state: 'peopleMediation' });
    ids.pm = linked(referred, 'R22a');
    const inbox = await t.http().get('/api/inbox').set(auth(await t.login(MEDIATOR)));
    expect(inbox.body.items.map((i: any) => i.id)).toContain(ids.pm);
    const pm = await read(MEDIATOR, ids.pm);
    expect(pm).toMatchObject({ workflow: { id: 'pm' }, state: 'referralReceived', assignment: { orgId: COMMITTEE }, disputeCode: referred.disputeCode });
    await apply(t, MEDIATOR, ids.pm, 'SIGN_FOR', { note: '已签收' });
    await apply(t, MEDIATOR, ids.pm, 'ASSIGN_MEDIATOR', { mediatorId: await userId(MEDIATOR), consentedPartyIds: ALL, selectedBy: 'COMMITTEE' });
    await apply(t, MEDIATOR, ids.pm, 'START_MEDIATION', { startedOn: '2025-08-25', mode: 'ONLINE' });
  });

  it('2025-09-01: the online agreement (last e-signature by I) → ta.agreement; D-TA10 2025-09-11, D-JC1 rolls over National Day to 2025-10-09', async () => {
    await at('2025-09-01');
    const agreed = await apply(t, MEDIATOR, ids.pm, 'SIGN_WRITTEN_AGREEMENT', { content: 'I赔付165000元，C赔付5000元', signedPartyIds: ALL, mediatorSigned: true, committeeSealed: true, effectiveOn: '2025-09-01' });
    expect(agreed).toMatchObject({ state: 'agreedWritten' });
    expect(deadline(agreed, 'D-JC1')).toMatchObject({ dueOn: '2025-10-09', status: 'pending' });
    const ta = await eventually(() => read(OFFICER, ids.ta), (c) => c.state === 'agreement');
    expect(ta).toMatchObject({ state: 'agreement', stateLabel: '赔偿已确定' });
    expect(deadline(ta, 'D-TA10')).toMatchObject({ dueOn: '2025-09-11', dayType: 'calendar', status: 'pending' });
    // The committee's agreement is confirmed through the committee's case (R4), not the brigade's.
    const own = await send(t, OFFICER, ids.ta, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL });
    expect(own.status).toBe(409);
    expect(own.body.violations.map((v: any) => v.precondition)).toContain('ownAgreement');

    ids.early = await committeeAgreement();
    ids.tooLate = await committeeAgreement();
    // The branch: an on-the-spot agreement the same day, whose insurer will be late.
    const late = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send({ ...taCase('轿车追尾电动自行车，骑车人轻微擦伤'), input: { accidentOn: '2025-09-01', harm: 'INJURY', insurerPartyIds: ['P3'] } });
    ids.late = late.body.id;
    await apply(t, OFFICER, ids.late, 'MEDIATE_ON_SPOT', { requestedPartyIds: ALL, sceneOn: '2025-09-01' });
    const onSpot = await apply(t, OFFICER, ids.late, 'SIGN_ON_SPOT_AGREEMENT', { signedOn: '2025-09-01', signedPartyIds: ALL, content: 'I当场确认赔付8000元' });
    expect(onSpot).toMatchObject({ state: 'agreement' });
    expect(deadline(onSpot, 'D-TA10')).toMatchObject({ dueOn: '2025-09-11' });
    expect(deadline(onSpot, 'D-JC1')).toMatchObject({ dueOn: '2025-10-09' });
    await apply(t, OFFICER, ids.late, 'APPLY_CLAIM', { claimedOn: '2025-09-01', insurerPartyId: 'P3', amount: 8_000 });
  });

  it('2025-09-05: joint online 司法确认 application (R4); the ruling is due 2025-10-09 (D-JC3 over the holiday)', async () => {
    await at('2025-09-05');
    const applied = await apply(t, MEDIATOR, ids.pm, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL, form: 'WRITTEN' });
    ids.jc = linked(applied, 'R4');
    await apply(t, 'court_clerk', ids.jc, 'SIGN_FOR', { note: '在线申请材料齐全' });
    const registered = await apply(t, 'court_clerk', ids.jc, 'REGISTER', { docketNo: '（2025）青溪0101民特905号', registeredOn: '2025-09-05' });
    expect(deadline(registered, 'D-JC3')).toMatchObject({ dueOn: '2025-10-09' });
    await apply(t, 'judge', ids.jc, 'SCHEDULE_VERIFICATION', { scheduledOn: '2025-09-15' });
  });

  it('2025-09-10 to 09-12: I pays via 一键理赔 → ta.paid (D-TA10 met); C pays its 5,000 on 09-12', async () => {
    await at('2025-09-10');
    expectRefused(await send(t, OFFICER, ids.ta, 'APPLY_CLAIM', { claimedOn: '2025-09-10', insurerPartyId: 'P2', amount: 165_000 }), 'insurerIsParty', '保险法 第六十五条');
    await apply(t, OFFICER, ids.ta, 'APPLY_CLAIM', { claimedOn: '2025-09-10', insurerPartyId: 'P3', amount: 165_000, partyShares: [{ partyId: 'P2', amount: 5_000 }] });
    const paid = await apply(t, OFFICER, ids.ta, 'INSURER_PAID', { paidOn: '2025-09-10', amount: 165_000, reference: 'YJLP20250910001' });
    expect(paid).toMatchObject({ state: 'paid', stateLabel: '已赔付' });
    expect(deadline(paid, 'D-TA10')).toMatchObject({ status: 'met' });
    expectRefused(await send(t, OFFICER, ids.ta, 'CLOSE', { closedOn: '2025-09-10' }), 'allSharesPaid', `${DJCX} 第九十三条`);
    await at('2025-09-12');
    await apply(t, OFFICER, ids.ta, 'RECORD_PARTY_PAYMENT', { partyId: 'P2', amount: 5_000, paidOn: '2025-09-12' });
  });

  it('2025-09-12: the branch’s insurer has not paid by 09-11 → 理赔逾期: a 司法建议 task; enforcement only on a confirmed agreement (R22c)', async () => {
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.late)).toEqual([expect.objectContaining({ event: 'CLAIM_OVERDUE' })]);
    const overdue = await read(OFFICER, ids.late);
    expect(overdue).toMatchObject({ state: 'claimOverdue', stateLabel: '理赔逾期' });
    expect(deadline(overdue, 'D-TA10')).toMatchObject({ status: 'missed' });
    const queue = await t.http().get('/api/cases').query({ queue: 'ta-claim-overdue' }).set(auth(await t.login(OFFICER)));
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((c: any) => c.id)).toEqual([ids.late]);
    expect(eventTypes(overdue)).toEqual(expect.arrayContaining(['REQUEST_JUDICIAL_SUGGESTION', 'ADVISE_ENFORCEMENT', 'INSURER_PAID']));
    expectRefused(await send(t, OFFICER, ids.late, 'ADVISE_ENFORCEMENT', { advisedOn: '2025-09-12', advisedPartyIds: ['P1'] }), 'hasEnforceableTitle', '民事诉讼法 第二百零六条、第二百四十七条');
    await apply(t, OFFICER, ids.late, 'REQUEST_JUDICIAL_SUGGESTION', { requestedOn: '2025-09-12', courtOrgId: 'org-court', note: '保险公司逾期未赔付8000元' });
    const applied = await apply(t, OFFICER, ids.late, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL, form: 'WRITTEN' });
    ids.lateJc = linked(applied, 'R22c');
    const jc = await read('court_clerk', ids.lateJc);
    expect(jc).toMatchObject({ workflow: { id: 'jc' }, disputeCode: applied.disputeCode });
    await apply(t, 'court_clerk', ids.lateJc, 'SIGN_FOR', { note: '材料齐全' });
    await apply(t, 'court_clerk', ids.lateJc, 'REGISTER', { docketNo: '（2025）青溪0101民特912号', registeredOn: '2025-09-12' });
    await apply(t, 'judge', ids.lateJc, 'SCHEDULE_VERIFICATION', { scheduledOn: '2025-09-15' });
  });

  it('2025-09-15: both agreements are confirmed; the branch may now enforce; the main case closes', async () => {
    await at('2025-09-15');
    expect(await apply(t, 'judge', ids.jc, 'RULE_VALID', { rulingNo: '（2025）青溪0101民特905号', ruledOn: '2025-09-15' })).toMatchObject({ state: 'confirmed' });
    expect((await eventually(() => read(MEDIATOR, ids.pm), (c) => c.state === 'monitoring')).state).toBe('monitoring');
    await apply(t, 'judge', ids.lateJc, 'RULE_VALID', { rulingNo: '（2025）青溪0101民特912号', ruledOn: '2025-09-15' });
    const advised = await eventually(
      () => send(t, OFFICER, ids.late, 'ADVISE_ENFORCEMENT', { advisedOn: '2025-09-15', advisedPartyIds: ['P1'] }),
      (res) => res.status === 200,
    );
    expect(advised.status).toBe(200);
    expect((await apply(t, OFFICER, ids.late, 'INSURER_PAID', { paidOn: '2025-09-15', amount: 8_000 })).state).toBe('paid');

    await apply(t, OFFICER, ids.ta, 'RECORD_CONFIRMATION', { rulingNo: '（2025）青溪0101民特905号', ruledOn: '2025-09-15' });
    const closed = await apply(t, OFFICER, ids.ta, 'CLOSE', { closedOn: '2025-09-15' });
    expect(closed).toMatchObject({ state: 'closed', stateLabel: '结案', closed: true, availableEvents: [] });
    expect((await verifyAudit(t, ids.ta)).ok).toBe(true);
  });

  it('a 司法确认 filed on 2025-10-08 is accepted; one filed on 2025-10-10 is refused (D-JC1 2025-10-09)', async () => {
    await at('2025-10-08');
    const accepted = await apply(t, MEDIATOR, ids.early, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL, form: 'WRITTEN' });
    expect(accepted.state).toBe('judicialConfirmation');
    expect(linked(accepted, 'R4')).toBeTruthy();
    await at('2025-10-10');
    expectRefused(await send(t, MEDIATOR, ids.tooLate, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL, form: 'WRITTEN' }), 'withinConfirmationWindow', '人民调解法 第三十三条；民事诉讼法 第二百零五条');
  });
});
