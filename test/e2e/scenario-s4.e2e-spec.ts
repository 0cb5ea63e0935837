import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventually, getCase, idNumber, RIGHTS_NOTICE, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * Scenario S4 of the domain specification, appendix (d), over HTTP on the test clock: police mediation inside the
 * traffic case fails; R sues online (route R22b); after registration the court entrusts mediation to the 交调委 with
 * consent and a thirty-day extension; judgment; the insurer pays on the final judgment. The 道交 periods are working
 * days (道路交通事故处理程序规定 第一百一十二条).
 */

const R = { role: 'APPLICANT', name: '饶伤', idNumber: idNumber('33019919920303123'), phone: '13500001111' };
const C = { role: 'RESPONDENT', name: '曹车', idNumber: idNumber('33019919800808456'), phone: '13500002222' };
const I = { role: 'THIRD_PARTY', name: '青州财产保险股份有限公司青溪支公司' };
const ALL = ['P1', 'P2', 'P3'];
const OFFICER = 'tp_officer';
const MEDIATOR = 'jtw_mediator';
const DJCX = '道路交通事故处理程序规定';

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO')?.caseId as string;

function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}

describe.each(TEST_DATABASES)('scenario S4: police mediation fails → online suit → entrusted mediation extended → judgment → the insurer pays ($name)', (database) => {
  let t: TestApp;
  const ids = { ta: '', ct: '', pm: '' };

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

  it('2025-03-03: simple procedure, the 认定书 on the spot (D-TA1) and served; after the review window the police-mediation window runs to 2025-03-17 (D-TA7)', async () => {
    await at('2025-03-03');
    const res = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send({
      workflow: 'ta',
      category: 'ROAD_TRAFFIC',
      summary: '小型客车右转与行人碰撞致行人受伤',
      regionCode: '330199101',
      source: 'APPLICATION',
      parties: [R, C, I],
      input: { accidentOn: '2025-03-03', harm: 'INJURY', insurerPartyIds: ['P3'] },
    });
    expect(res.status).toBe(201);
    ids.ta = res.body.id;
    const scene = await apply(t, OFFICER, ids.ta, 'START_INVESTIGATION', { procedure: 'SIMPLE', sceneOn: '2025-03-03' });
    expect(deadline(scene, 'D-TA1')).toMatchObject({ dueOn: '2025-03-06', dayType: 'working', status: 'pending' });
    await apply(t, OFFICER, ids.ta, 'ISSUE_DETERMINATION', { madeOn: '2025-03-03', kind: 'DETERMINATION', liability: [{ partyId: 'P2', share: 'MAIN' }, { partyId: 'P1', share: 'MINOR' }] });
    const served = await apply(t, OFFICER, ids.ta, 'SERVE_DETERMINATION', { servedOn: '2025-03-03', servedPartyIds: ALL, rights: ['REVIEW', 'MEDIATION', 'LITIGATION'] });
    expect(deadline(served, 'D-TA1')).toMatchObject({ status: 'met' });
    expect(deadline(served, 'D-TA4')).toMatchObject({ dueOn: '2025-03-06' });
    await at('2025-03-07');
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.ta)).toEqual([expect.objectContaining({ event: 'REVIEW_WINDOW_ENDED' })]);
    expect(deadline(await read(OFFICER, ids.ta), 'D-TA7')).toMatchObject({ dueOn: '2025-03-17', status: 'pending' });
  });

  it('2025-03-10: the joint written application for police mediation; it cannot start before the losses are fixed (第九十条)', async () => {
    await at('2025-03-10');
    expectRefused(await send(t, OFFICER, ids.ta, 'APPLY_POLICE_MEDIATION', { appliedOn: '2025-03-10', applicantPartyIds: ['P1'] }), 'jointApplication', `${DJCX} 第八十六条`);
    const applied = await apply(t, OFFICER, ids.ta, 'APPLY_POLICE_MEDIATION', { appliedOn: '2025-03-10', applicantPartyIds: ['P1', 'P2'] });
    expect(applied).toMatchObject({ state: 'policeMediationApplied', stateLabel: '交警调解待开始' });
    expect(deadline(applied, 'D-TA7')).toMatchObject({ status: 'met' });
    expectRefused(await send(t, OFFICER, ids.ta, 'START_POLICE_MEDIATION', { startedOn: '2025-03-10' }), 'lossesFixed', `${DJCX} 第九十条`);
  });

  it('2025-03-20: treatment ends → mediation starts, to finish by 2025-04-03 (D-TA9); the 3-25 session is notified three working days ahead (D-TA8), three people a side at most', async () => {
    await at('2025-03-20');
    await apply(t, OFFICER, ids.ta, 'RECORD_LOSS_FIXED', { kind: 'TREATMENT_ENDED', fixedOn: '2025-03-20' });
    const started = await apply(t, OFFICER, ids.ta, 'START_POLICE_MEDIATION', { startedOn: '2025-03-20' });
    expect(started).toMatchObject({ state: 'policeMediating', stateLabel: '交警调解中' });
    expect(deadline(started, 'D-TA9')).toMatchObject({ dueOn: '2025-04-03', dayType: 'working', status: 'pending' });
    const liable = ['曹车', '曹车代理人', '保险公司理赔员甲', '保险公司理赔员乙'].map((name) => ({ name, side: 'LIABLE' }));
    const notice = { noticeOn: '2025-03-20', sessionOn: '2025-03-25', place: '青溪交警大队事故调解室', attendees: [{ name: '饶伤', side: 'CLAIMANT', partyId: 'P1' }, ...liable] };
    expectRefused(await send(t, OFFICER, ids.ta, 'NOTIFY_SESSION', notice), 'atMostThreePerSide', `${DJCX} 第八十九条`);
    const noticed = await apply(t, OFFICER, ids.ta, 'NOTIFY_SESSION', { ...notice, attendees: notice.attendees.slice(0, 4) });
    expect(noticed.state).toBe('sessionNoticed');
    expect(deadline(noticed, 'D-TA8')).toMatchObject({ dueOn: '2025-03-25', dayType: 'working' });
    await at('2025-03-24');
    expectRefused(await send(t, OFFICER, ids.ta, 'HOLD_SESSION', { heldOn: '2025-03-24' }), 'noticePeriodElapsed', `${DJCX} 第八十八条`);
    await at('2025-03-25');
    const held = await apply(t, OFFICER, ids.ta, 'HOLD_SESSION', { heldOn: '2025-03-25', record: '告知权利义务，听取各方请求' });
    expect(held).toMatchObject({ state: 'sessionHeld' });
    expect(deadline(held, 'D-TA8')).toMatchObject({ status: 'met' });
  });

  it('2025-03-28: the insurer disputes 误工费 → 调解终结书; D-TA9 met', async () => {
    await at('2025-03-28');
    const ended = await apply(t, OFFICER, ids.ta, 'END_POLICE_MEDIATION', { endedOn: '2025-03-28', ground: 'NO_AGREEMENT', note: '保险公司对误工费有异议' });
    expect(ended).toMatchObject({ state: 'policeMediationFailed', stateLabel: '交警调解终结' });
    expect(deadline(ended, 'D-TA9')).toMatchObject({ status: 'met' });
  });

  it('2025-04-02: R sues online (R22b): D-CT1 2025-04-09; registered 2025-04-08', async () => {
    await at('2025-04-02');
    const sued = await apply(t, OFFICER, ids.ta, 'FILE_SUIT', { courtOrgId: 'org-court', filedOn: '2025-04-02', claimAmount: 86_000 });
    expect(sued).toMatchObject({ state: 'litigation', stateLabel: '诉讼中' });
    ids.ct = linked(sued, 'R22b');
    const ct = await read('court_clerk', ids.ct);
    expect(ct).toMatchObject({ workflow: { id: 'ct' }, state: 'complaintSubmitted', disputeCode: sued.disputeCode });
    expect(deadline(ct, 'D-CT1')).toMatchObject({ dueOn: '2025-04-09' });
    await at('2025-04-08');
    await apply(t, 'court_clerk', ids.ct, 'REGISTER', { docketNo: '（2025）青溪0101民初408号', registeredOn: '2025-04-08', procedure: 'SIMPLE' });
  });

  it('2025-04-09 to 04-15: with consent, a 道交 mediator signs for the materials (D-CT2 2025-04-16); extended by 30 days (D-CT3 2025-05-16), outside the trial period', async () => {
    await at('2025-04-09');
    await apply(t, 'court_clerk', ids.ct, 'SEEK_MEDIATION_CONSENT', { note: '征询各方委托调解意愿' });
    await apply(t, 'court_clerk', ids.ct, 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: ALL, consentedOn: '2025-04-09', method: 'WRITTEN' });
    const entrusted = await apply(t, 'court_clerk', ids.ct, 'ENTRUST_MEDIATION', { mediationOrgId: 'org-traffic-mediation', entrustedOn: '2025-04-09', note: '委托交调委调解' });
    ids.pm = linked(entrusted, 'R8');
    await apply(t, MEDIATOR, ids.pm, 'SIGN_FOR', { note: '已签收委托材料' });
    const mediating = await eventually(() => read('court_clerk', ids.ct), (c) => c.state === 'entrusted.mediating');
    expect(deadline(mediating, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-04-16', status: 'pending' });
    await at('2025-04-15');
    const extended = await apply(t, 'court_clerk', ids.ct, 'EXTEND_MEDIATION', { consentedPartyIds: ALL, agreedOn: '2025-04-15' });
    expect(extended.state).toBe('entrusted.extended');
    expect(deadline(extended, 'D-CT3')).toMatchObject({ dueOn: '2025-05-16', status: 'pending' });
    expect(deadline(extended, 'D-CT5')).toMatchObject({ status: 'pending', paused: true });
  });

  it('2025-05-12 to 06-11: no agreement → fee → simple trial → judgment served 2025-06-11 (D-CT7 2025-06-26)', async () => {
    await at('2025-05-12');
    const mediatorId = (await t.loginUser(MEDIATOR)).user.id;
    await apply(t, MEDIATOR, ids.pm, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ALL, selectedBy: 'COMMITTEE' });
    await apply(t, MEDIATOR, ids.pm, 'START_MEDIATION', { startedOn: '2025-05-12', mode: 'ONLINE' });
    await apply(t, MEDIATOR, ids.pm, 'TERMINATE_FAILED', { reason: '保险公司对误工费仍有异议', rightsNotice: RIGHTS_NOTICE('2025-05-12') });
    await eventually(() => read('court_clerk', ids.ct), (c) => c.state === 'feePending.toNotify');
    await apply(t, 'court_clerk', ids.ct, 'NOTIFY_FEE', { amount: 480, noticeReceivedOn: '2025-05-12' });
    expect((await apply(t, 'court_clerk', ids.ct, 'PAY_FEE', { paidOn: '2025-05-12', amount: 480 })).state).toBe('trial.simple');
    await at('2025-06-10');
    await apply(t, 'judge', ids.ct, 'JUDGE', { judgmentNo: '（2025）青溪0101民初408号', judgedOn: '2025-06-10', result: 'SUPPORTED', performanceDays: 10 });
    await at('2025-06-11');
    const served = await apply(t, 'court_clerk', ids.ct, 'SERVE_JUDGMENT', { servedOn: '2025-06-11' });
    expect(deadline(served, 'D-CT7')).toMatchObject({ dueOn: '2025-06-26' });
    expect((await read(OFFICER, ids.ta)).state).toBe('litigation');
  });

  it('2025-06-27: no appeal → the judgment is final → ta takes it as the amount fixed; 一键理赔 and payment; closed', async () => {
    await at('2025-06-27');
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.ct)).toEqual([expect.objectContaining({ event: 'APPEAL_PERIOD_ENDED' })]);
    const ta = await eventually(() => read(OFFICER, ids.ta), (c) => c.state === 'agreement');
    expect(ta).toMatchObject({ state: 'agreement', stateLabel: '赔偿已确定' });
    expect(deadline(ta, 'D-TA10')).toMatchObject({ dueOn: '2025-07-07', status: 'pending' });
    // A final judgment is an enforceable title in itself; the police case has no agreement of its own to confirm.
    expect((await send(t, OFFICER, ids.ta, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ALL })).status).toBe(409);
    const claimed = await apply(t, OFFICER, ids.ta, 'APPLY_CLAIM', { claimedOn: '2025-06-27', insurerPartyId: 'P3', amount: 78_000 });
    expect(claimed).toMatchObject({ state: 'claim', stateLabel: '一键理赔' });
    expect(deadline(claimed, 'D-TA11')).toMatchObject({ dueOn: '2025-08-26' });
    await at('2025-06-30');
    const paid = await apply(t, OFFICER, ids.ta, 'INSURER_PAID', { paidOn: '2025-06-30', amount: 78_000 });
    expect(paid).toMatchObject({ state: 'paid' });
    expect(deadline(paid, 'D-TA10')).toMatchObject({ status: 'met' });
    expect((await apply(t, OFFICER, ids.ta, 'CLOSE', { closedOn: '2025-06-30' })).state).toBe('closed');
    expect((await verifyAudit(t, ids.ta)).ok).toBe(true);
  });
});
