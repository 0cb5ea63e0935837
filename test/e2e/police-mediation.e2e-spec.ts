import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventTypes, eventually, getCase, history, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * 治安调解 (ps) over HTTP on the test clock, with the dates of scenario S10 of the domain specification, appendix (d),
 * the law of §11 (治安管理处罚法 第九条; 公安机关办理行政案件程序规定 第一百七十八条至第一百八十六条) and D-PS1:
 *
 * - 2025-11-03 (Mon): X pushes Y in a parking quarrel, a minor injury; the 枫桥派出所 accepts the case; neighbours,
 *   both consent → mediated.
 * - 11-05 the first session fails: the second must be completed by 2025-11-14 (seven working days, 第一百八十三条).
 * - 11-12 the second session: X apologises and pays 3,000 yuan of medical costs by 11-20. The parking-space dispute
 *   goes to the 派出所人民调解室 as a people's mediation case of its own (route R23, a transfer signed for).
 * - 11-18 X pays → performed → no penalty. 11-26 the parking agreement is signed (D-JC1 2025-12-26), 12-01 a joint
 *   司法确认 application, 12-10 confirmed.
 * Branches: the second-session window missed; X does not pay by 11-20 → the handling period runs from 11-21, the
 * civil-route notice, the penalty; the parties choose people's mediation instead and apply jointly (第一百八十六条).
 */

const X = { role: 'RESPONDENT', name: '徐强', idNumber: idNumber('33019919800303123'), phone: '13700001111' };
const Y = { role: 'APPLICANT', name: '杨帆', idNumber: idNumber('33019919820404456'), phone: '13700002222' };
const OFFICER = 'police_officer';
const ROOM = 'org-fengqiao-police-room';
const ROOM_MEDIATOR = 'ps_mediator';
const GAXZ = '公安机关办理行政案件程序规定';

const psCase = (summary = '停车纠纷中徐强推搡杨帆致轻微伤') => ({
  workflow: 'ps',
  category: 'NEIGHBOUR',
  summary,
  regionCode: '330199101201',
  source: 'APPLICATION',
  parties: [Y, X],
  input: { violation: 'MINOR_INJURY', acceptedOn: '2025-11-03', incident: '小区停车位争执中推搡' },
});
const REVIEW = { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false, facts: '邻居因停车位争执，徐强推搡杨帆致其手臂擦伤' };
const ELIGIBLE = { decidedOn: '2025-11-03', consentedPartyIds: ['P1', 'P2'], exclusions: [] };
const FAILED_FIRST = { heldOn: '2025-11-05', secondSessionBasis: 'REQUESTED', summary: '双方对医疗费数额分歧较大' };
const AGREEMENT = { signedOn: '2025-11-12', form: 'WRITTEN', content: '徐强向杨帆赔礼道歉，并于2025年11月20日前支付医疗费3000元', signedPartyIds: ['P1', 'P2'], performanceDueOn: '2025-11-20' };

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO')?.caseId as string;

function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}

describe.each(TEST_DATABASES)('police mediation of public-order cases (ps) over HTTP ($name)', (database) => {
  let t: TestApp;
  const ids = { s10: '', parking: '', jc: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  async function open(on = '2025-11-03') {
    await setClock(t, at10(on));
    const res = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send(psCase());
    if (res.status !== 201) throw new Error(`open ps: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const at = async (day: string) => setClock(t, at10(day));
  const read = async (username: string, caseId: string) => {
    const res = await getCase(t, username, caseId);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A case opened on 11-03 and mediated up to a failed first session on 11-05. */
  async function inSecondSession() {
    const view = await open();
    await apply(t, OFFICER, view.id, 'REVIEW_ELIGIBILITY', REVIEW);
    await apply(t, OFFICER, view.id, 'FIND_ELIGIBLE', ELIGIBLE);
    await at('2025-11-05');
    return apply(t, OFFICER, view.id, 'FIRST_SESSION_FAILED', FAILED_FIRST);
  }

  describe('scenario S10: two sessions, agreement performed, no penalty; the parking dispute mediated at the station’s room', () => {
    it('2025-11-03: the station accepts the case; neighbours, a minor injury, both consent → the first session', async () => {
      const unknown = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send({ ...psCase(), input: { violation: 'ARSON' } });
      expect(unknown.status).toBe(400);
      expect(JSON.stringify(unknown.body)).toContain('input.violation');
      const opened = await open();
      ids.s10 = opened.id;
      expect(opened).toMatchObject({ workflow: { id: 'ps', title: '治安调解' }, state: 'caseAccepted', stateLabel: '受案', assignment: { orgId: 'org-fengqiao-police' } });
      expect(opened.caseNo).toMatch(/治调字第\d+号$/);
      const reviewed = await apply(t, OFFICER, ids.s10, 'REVIEW_ELIGIBILITY', REVIEW);
      expect(reviewed).toMatchObject({ state: 'eligibility', stateLabel: '调解条件审查' });
      expect(eventTypes(reviewed)).toEqual(['ASSIGN_OFFICER', 'CHOOSE_SELF_SETTLEMENT', 'FIND_ELIGIBLE', 'FIND_INELIGIBLE', 'REFER_TO_PEOPLES_MEDIATION']);

      expectRefused(await send(t, OFFICER, ids.s10, 'FIND_ELIGIBLE', { ...ELIGIBLE, consentedPartyIds: ['P1'] }), 'bothPartiesConsent', `${GAXZ} 第一百七十八条`);
      expectRefused(await send(t, OFFICER, ids.s10, 'FIND_ELIGIBLE', { ...ELIGIBLE, exclusions: ['FLED'] }), 'noExclusionApplies', `${GAXZ} 第一百七十九条`);
      const bad = await send(t, OFFICER, ids.s10, 'FIND_ELIGIBLE', { ...ELIGIBLE, decidedOn: '11/03/2025' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('decidedOn');

      const eligible = await apply(t, OFFICER, ids.s10, 'FIND_ELIGIBLE', ELIGIBLE);
      expect(eligible).toMatchObject({ state: 'session1', stateLabel: '首次调解' });
      expect(eventTypes(eligible)).toEqual(['ASSIGN_OFFICER', 'CHOOSE_SELF_SETTLEMENT', 'END_MEDIATION', 'FIRST_SESSION_FAILED', 'REFER_CIVIL_PART', 'REFER_TO_PEOPLES_MEDIATION', 'SIGN_AGREEMENT']);
    });

    it('2025-11-05: the first session fails; the second must be completed by 2025-11-14 (D-PS1, seven working days)', async () => {
      await at('2025-11-05');
      const view = await apply(t, OFFICER, ids.s10, 'FIRST_SESSION_FAILED', FAILED_FIRST);
      expect(view).toMatchObject({ state: 'session2', stateLabel: '再次调解' });
      expect(deadline(view, 'D-PS1')).toMatchObject({ dueOn: '2025-11-14', dayType: 'working', legalBasis: `${GAXZ} 第一百八十三条`, status: 'pending' });
    });

    it('2025-11-12: the agreement is signed in the window; the parking dispute goes to the 派出所人民调解室 (R23)', async () => {
      await at('2025-11-12');
      expectRefused(await send(t, OFFICER, ids.s10, 'SIGN_AGREEMENT', { ...AGREEMENT, form: 'ON_THE_SPOT' }), 'onTheSpotRecorded', `${GAXZ} 第一百七十八条`);
      const agreed = await apply(t, OFFICER, ids.s10, 'SIGN_AGREEMENT', AGREEMENT);
      expect(agreed).toMatchObject({ state: 'agreement', stateLabel: '调解协议' });
      expect(deadline(agreed, 'D-PS1')).toMatchObject({ status: 'met' });
      expect(deadline(agreed, 'D-PS3')).toMatchObject({ dueOn: '2025-11-20', status: 'pending' });

      const referred = await apply(t, OFFICER, ids.s10, 'REFER_CIVIL_PART', { mediationOrgId: ROOM, matter: '小区车位分配纠纷', referredOn: '2025-11-12' });
      expect(referred.state).toBe('agreement');
      ids.parking = linked(referred, 'R23');
      expect(ids.parking).toBeTruthy();

      const inbox = await t.http().get('/api/inbox').set(auth(await t.login(ROOM_MEDIATOR)));
      expect(inbox.body.items.map((i: any) => i.id)).toContain(ids.parking);
      const parking = await read(ROOM_MEDIATOR, ids.parking);
      expect(parking).toMatchObject({ workflow: { id: 'pm' }, state: 'referralReceived', stateLabel: '移交待签收', source: 'POLICE_TRANSFER', sourceLabel: '公安移交', assignment: { orgId: ROOM }, disputeCode: referred.disputeCode });
      expect(parking.transfer).toMatchObject({ status: 'SENT', route: 'R23' });
      expect(eventTypes(parking)).toEqual(['RETURN', 'SIGN_FOR']);
      const first = (await history(t, ROOM_MEDIATOR, ids.parking)).find((e) => e.type === 'RECEIVE_REFERRAL');
      expect(first.data).toMatchObject({ referredBy: '青溪区公安分局枫桥派出所', matter: '小区车位分配纠纷' });

      const signed = await apply(t, ROOM_MEDIATOR, ids.parking, 'SIGN_FOR', { note: '已签收派出所移交材料' });
      expect(signed).toMatchObject({ state: 'consentPending', transfer: { status: 'ACCEPTED' } });
      // The police case does not wait for the civil part.
      expect((await read(OFFICER, ids.s10)).state).toBe('agreement');
    });

    it('2025-11-18: X pays; performed → no penalty', async () => {
      await at('2025-11-18');
      expectRefused(await send(t, OFFICER, ids.s10, 'RECORD_NON_PERFORMANCE', { recordedOn: '2025-11-18' }), 'performancePeriodOver', `${GAXZ} 第一百八十五条`);
      const performed = await apply(t, OFFICER, ids.s10, 'RECORD_PERFORMANCE', { performedOn: '2025-11-18', evidence: '医疗费收条' });
      expect(performed).toMatchObject({ state: 'performed', stateLabel: '协议已履行' });
      expect(deadline(performed, 'D-PS3')).toMatchObject({ status: 'met' });
      const closed = await apply(t, OFFICER, ids.s10, 'CLOSE_WITHOUT_PENALTY', { closedOn: '2025-11-18' });
      expect(closed).toMatchObject({ state: 'noPenalty', stateLabel: '不予处罚', closed: true, availableEvents: [] });
    });

    it('2025-11-26: the room’s agreement on alternating parking takes effect; D-JC1 falls due 2025-12-26', async () => {
      const mediatorId = (await t.loginUser(ROOM_MEDIATOR)).user.id;
      await at('2025-11-20');
      await apply(t, ROOM_MEDIATOR, ids.parking, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' });
      await apply(t, ROOM_MEDIATOR, ids.parking, 'START_MEDIATION', { startedOn: '2025-11-20', mode: 'ON_SITE' });
      await at('2025-11-26');
      const agreed = await apply(t, ROOM_MEDIATOR, ids.parking, 'SIGN_WRITTEN_AGREEMENT', {
        content: '双方按单双日轮流使用3号车位',
        signedPartyIds: ['P1', 'P2'],
        mediatorSigned: true,
        committeeSealed: true,
        effectiveOn: '2025-11-26',
      });
      expect(agreed).toMatchObject({ state: 'agreedWritten' });
      expect(deadline(agreed, 'D-JC1')).toMatchObject({ dueOn: '2025-12-26', status: 'pending' });
    });

    it('2025-12-01 to 12-10: the joint 司法确认 on route R4; the court confirms and the room’s case moves on', async () => {
      await at('2025-12-01');
      const applied = await apply(t, ROOM_MEDIATOR, ids.parking, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      ids.jc = linked(applied, 'R4');
      await apply(t, 'court_clerk', ids.jc, 'SIGN_FOR', { note: '材料齐全' });
      await apply(t, 'court_clerk', ids.jc, 'REGISTER', { docketNo: '（2025）青溪0101民特31号', registeredOn: '2025-12-01' });
      await at('2025-12-05');
      await apply(t, 'judge', ids.jc, 'SCHEDULE_VERIFICATION', { scheduledOn: '2025-12-10' });
      await at('2025-12-10');
      const ruled = await apply(t, 'judge', ids.jc, 'RULE_VALID', { rulingNo: '（2025）青溪0101民特31号', ruledOn: '2025-12-10' });
      expect(ruled).toMatchObject({ state: 'confirmed', disputeCode: applied.disputeCode });
      const parking = await eventually(
        async () => read(ROOM_MEDIATOR, ids.parking),
        (c) => c.state !== 'judicialConfirmation',
      );
      expect(parking.state).toBe('monitoring');
      expect((await verifyAudit(t, ids.s10)).ok).toBe(true);
    });
  });

  it('a village committee transfers a dispute that may turn violent (R23b): it waits in the station’s inbox until signed for', async () => {
    await at('2025-11-03');
    const village = await t.http().post('/api/cases').set(auth(await t.login('fy_mediator'))).send({ ...psCase('邻居因车位多次争吵，一方扬言报复'), workflow: 'pm', input: undefined });
    expect(village.status).toBe(201);
    const sent = await apply(t, 'fy_mediator', village.body.id, 'TRANSFER', { to: 'POLICE', receivingOrgId: 'org-fengqiao-police', reason: '一方扬言报复，可能激化' });
    expect(sent.state).toBe('transferred');
    const psId = linked(sent, 'R23b');
    const inbox = await t.http().get('/api/inbox').set(auth(await t.login(OFFICER)));
    expect(inbox.body.items.map((i: any) => i.id)).toContain(psId);
    const waiting = await read(OFFICER, psId);
    expect(waiting).toMatchObject({ workflow: { id: 'ps' }, state: 'transferReceived', stateLabel: '移送待受案', transfer: { status: 'SENT', route: 'R23b' } });
    expect(eventTypes(waiting)).toEqual(['RETURN', 'SIGN_FOR']);
    const accepted = await apply(t, OFFICER, psId, 'SIGN_FOR', { note: '已受案' });
    expect(accepted).toMatchObject({ state: 'caseAccepted', transfer: { status: 'ACCEPTED' } });
    // The transfer named no violation: the review names it, and mediation follows as for any case.
    await apply(t, OFFICER, psId, 'REVIEW_ELIGIBILITY', { ...REVIEW, violation: 'DISTURBANCE' });
    expect((await apply(t, OFFICER, psId, 'FIND_ELIGIBLE', ELIGIBLE)).state).toBe('session1');
  });

  it('branch: the second session is not held within seven working days → the penalty track, handling period from 11-14', async () => {
    const view = await inSecondSession();
    await at('2025-11-17');
    expectRefused(await send(t, OFFICER, view.id, 'SIGN_AGREEMENT', { ...AGREEMENT, signedOn: '2025-11-17' }), 'withinSecondSessionWindow', `${GAXZ} 第一百八十三条`);
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === view.id)).toEqual([expect.objectContaining({ event: 'SECOND_SESSION_WINDOW_ENDED' })]);
    const after = await read(OFFICER, view.id);
    expect(after).toMatchObject({ state: 'failedOrUnperformed', stateLabel: '调解不成或未履行' });
    expect(eventTypes(after)).toEqual(['ASSIGN_OFFICER', 'CHOOSE_SELF_SETTLEMENT', 'DECIDE_PENALTY', 'GIVE_CIVIL_ROUTE_NOTICE', 'REFER_CIVIL_PART', 'REFER_TO_PEOPLES_MEDIATION']);
    expect(deadline(after, 'D-PS1')).toMatchObject({ status: 'missed' });
    // Thirty days from Friday 11-14 is Sunday 12-14: the period ends on Monday.
    expect(deadline(after, 'D-PS2')).toMatchObject({ dueOn: '2025-12-15', status: 'pending' });
  });

  it('branch: X does not pay by 11-20 → the handling period runs from 11-21; the civil-route notice, then the penalty', async () => {
    const view = await inSecondSession();
    await at('2025-11-12');
    await apply(t, OFFICER, view.id, 'SIGN_AGREEMENT', AGREEMENT);
    await at('2025-11-20');
    expectRefused(await send(t, OFFICER, view.id, 'RECORD_NON_PERFORMANCE', { recordedOn: '2025-11-20' }), 'performancePeriodOver', `${GAXZ} 第一百八十五条`);
    await at('2025-11-21');
    const failed = await apply(t, OFFICER, view.id, 'RECORD_NON_PERFORMANCE', { recordedOn: '2025-11-21', note: '期满未支付医疗费' });
    expect(failed).toMatchObject({ state: 'failedOrUnperformed' });
    // 30 days from 11-21 is Sunday 12-21: Monday 12-22.
    expect(deadline(failed, 'D-PS2')).toMatchObject({ dueOn: '2025-12-22', status: 'pending' });
    expect(deadline(failed, 'D-PS3')).toMatchObject({ status: 'missed' });

    const penalty = { decisionNo: '青公(枫)行罚决字〔2025〕118号', decidedOn: '2025-11-24', kind: 'FINE', amount: 200 };
    await at('2025-11-24');
    expectRefused(await send(t, OFFICER, view.id, 'DECIDE_PENALTY', penalty), 'civilRouteNoticeGiven', '治安管理处罚法 第九条；公安机关办理行政案件程序规定 第一百八十五条');
    await apply(t, OFFICER, view.id, 'GIVE_CIVIL_ROUTE_NOTICE', { routes: ['COURT', 'PEOPLES_MEDIATION'], notifiedOn: '2025-11-24', method: 'WRITTEN', notifiedPartyIds: ['P1'] });
    const decided = await apply(t, OFFICER, view.id, 'DECIDE_PENALTY', penalty);
    expect(decided).toMatchObject({ state: 'penalty', stateLabel: '依法处罚', closed: true });
    expect(deadline(decided, 'D-PS2')).toMatchObject({ status: 'met' });
  });

  it('branch: people’s mediation instead (R23a): the room’s agreement is reported back, the joint application ends without penalty', async () => {
    const view = await inSecondSession();
    await at('2025-11-06');
    const referred = await apply(t, OFFICER, view.id, 'REFER_TO_PEOPLES_MEDIATION', { mediationOrgId: ROOM, referredOn: '2025-11-06', requestedPartyIds: ['P1', 'P2'], note: '双方申请人民调解赔偿问题' });
    expect(referred).toMatchObject({ state: 'pmReferral', stateLabel: '转人民调解/自行和解' });
    expect(deadline(referred, 'D-PS1')).toMatchObject({ status: expect.not.stringMatching(/^pending$/) });
    const pmId = linked(referred, 'R23a');
    const application = { appliedOn: '2025-11-10', applicantPartyIds: ['P1', 'P2'], agreementPerformed: true, approvedBy: '枫桥派出所所长', approvedOn: '2025-11-10' };
    expectRefused(await send(t, OFFICER, view.id, 'JOINT_APPLICATION', { ...application, appliedOn: '2025-11-06', approvedOn: '2025-11-06' }), 'pmAgreementReported', `${GAXZ} 第一百八十六条`);

    const mediatorId = (await t.loginUser(ROOM_MEDIATOR)).user.id;
    await apply(t, ROOM_MEDIATOR, pmId, 'SIGN_FOR', {});
    await apply(t, ROOM_MEDIATOR, pmId, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' });
    await apply(t, ROOM_MEDIATOR, pmId, 'START_MEDIATION', { startedOn: '2025-11-06', mode: 'ON_SITE' });
    await apply(t, ROOM_MEDIATOR, pmId, 'RECORD_ORAL_AGREEMENT', { content: '徐强当场赔偿医疗费2500元', reachedOn: '2025-11-06' });
    const told = await eventually(
      async () => history(t, OFFICER, view.id),
      (entries) => entries.some((e) => e.type === 'PM_AGREED'),
    );
    expect(told.find((e) => e.type === 'PM_AGREED')).toMatchObject({ from: 'pmReferral', to: 'pmReferral', data: { outcome: 'AGREED', sourceCaseId: pmId } });
    expect((await read(OFFICER, view.id)).state).toBe('pmReferral');

    await at('2025-11-10');
    expectRefused(await send(t, OFFICER, view.id, 'JOINT_APPLICATION', { ...application, applicantPartyIds: ['P2'] }), 'everyPartyApplied', `${GAXZ} 第一百八十六条`);
    const done = await apply(t, OFFICER, view.id, 'JOINT_APPLICATION', application);
    expect(done).toMatchObject({ state: 'noPenalty', closed: true });
    const entries = await history(t, OFFICER, view.id);
    expect(entries.map((e) => e.type)).toEqual(['OPEN', 'REVIEW_ELIGIBILITY', 'FIND_ELIGIBLE', 'FIRST_SESSION_FAILED', 'REFER_TO_PEOPLES_MEDIATION', 'PM_AGREED', 'JOINT_APPLICATION']);
  });
});
