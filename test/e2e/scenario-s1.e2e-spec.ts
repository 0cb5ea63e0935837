import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, FENGYUAN, RESPONDENT, apply, auth, eventually, getCase, history, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * Scenario S1 of the domain specification, appendix (d), over HTTP on the test clock: B's new wall blocks A's drainage
 * ditch and footpath in 枫源村 (相邻关系). Village mediation with a village hearing (评理会) fails; at the township
 * 综治中心 the matter becomes a petition, referred to the township committee (访调对接) with a township hearing at the
 * 司法所; that fails too; the 信访处理意见书, then 复查 at the 区政府 with a district hearing at the 信访联席办, where
 * the parties settle; the agreement is confirmed by the court (司法确认) and performed.
 *
 * Where the engine's model differs from the spec's wording:
 * - The panel counts its presiding officer and must be odd. In the village the 村两委 convene (the 枫源村 committee) and
 *   a 村民代表 presides over the two 村民代表 and the 乡贤; the township's four (司法所长 presiding, 人大代表, lawyer,
 *   village cadre) are refused as even and a 乡贤 makes five; at the district a 政协委员 presides.
 * - The district agreement is a 人民调解 case of the 区矛盾纠纷调解中心, opened there by its mediator on the hearing day:
 *   the engine has no route from 复查 to people's mediation, so that case starts a dispute code of its own, and the
 *   petition records the settlement itself (SETTLE at 复查 → xf.settled, with no 复查意见 and so no D-XF8).
 * - The rights notice names 乡镇调解 as 其他调解组织调解, beside 诉讼, 信访 and the 综治中心.
 * - The engine does not stamp a limitation interruption on people's mediation (spec R26), so step 1 asserts only D-PM1.
 */

const A = { ...APPLICANT, name: '张三' };
const B = { ...RESPONDENT, name: '李四' };
const OTHER_A = { role: 'APPLICANT', name: '褚大', idNumber: idNumber('33019919660606123'), phone: '13500001111' };
const OTHER_B = { role: 'RESPONDENT', name: '卫二', idNumber: idNumber('33019919690909456'), phone: '13500002222' };
const BOTH = ['P1', 'P2'];
const VILLAGE = 'fy_director';
const TOWNSHIP = 'fq_station';
const DISTRICT = 'lhb_officer';
const DISTRICT_MEDIATOR = 'qx_mediator';

const member = (name: string, capacity: string) => ({ name, capacity, relations: [] });
const record = (heldOn: string, statements: { speaker: string; summary: string }[]) => ({
  heldOn,
  participants: [
    { name: A.name, role: 'PARTY', partyId: 'P1' },
    { name: B.name, role: 'PARTY', partyId: 'P2' },
  ],
  statements,
  attachments: [{ name: '现场照片', ref: 'S1-IMG-001' }, { name: '听证笔录（签名）' }],
});
const conclusion = (on: string, votesFor: number, votesAgainst: number, opinion: string, minorityOpinions: string[] = []) => ({
  deliberatedOn: on,
  votesFor,
  votesAgainst,
  majorityOpinion: opinion,
  minorityOpinions,
  opinion,
});
const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId && d.status === 'pending') ?? view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO')?.caseId as string;

describe.each(TEST_DATABASES)('scenario S1: village neighbour dispute through the three-level hearing to 司法确认 ($name)', (database) => {
  let t: TestApp;
  const ids = { village: '', villageHr: '', zz: '', xf: '', township: '', townshipHr: '', districtHr: '', district: '', jc: '', onTime: '', late: '' };

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
  const reaches = async (username: string, caseId: string, state: string) => {
    const view = await eventually(() => read(username, caseId), (c) => c.state === state);
    expect(view.state).toBe(state);
    return view;
  };
  const userId = async (username: string) => (await t.loginUser(username)).user.id;
  /** A hearing signed for, applied for by A and decided to be held on the day: the panel is next. */
  async function decided(username: string, caseId: string, on: string) {
    await apply(t, username, caseId, 'SIGN_FOR');
    await apply(t, username, caseId, 'APPLY', { applicantPartyIds: ['P1'], appliedOn: on });
    return apply(t, username, caseId, 'DECIDE_TO_HOLD', { decidedOn: on });
  }
  /** A 区矛盾纠纷调解中心 case opened after the hearing on 2025-06-10, whose written agreement all sign that evening. */
  async function districtAgreement(summary: string, parties = [A, B]) {
    await setClock(t, '2025-06-10T14:00:00+08:00');
    const res = await t.http().post('/api/cases').set(auth(await t.login(DISTRICT_MEDIATOR))).send({ workflow: 'pm', category: 'NEIGHBOUR', summary, regionCode: '330199', source: 'APPLICATION', parties });
    expect(res.status).toBe(201);
    await apply(t, DISTRICT_MEDIATOR, res.body.id, 'SEEK_CONSENT', { note: '听证会上双方同意调解' });
    await apply(t, DISTRICT_MEDIATOR, res.body.id, 'ASSIGN_MEDIATOR', { mediatorId: await userId(DISTRICT_MEDIATOR), consentedPartyIds: BOTH, selectedBy: 'COMMITTEE' });
    await apply(t, DISTRICT_MEDIATOR, res.body.id, 'START_MEDIATION', { startedOn: '2025-06-10', mode: 'ON_SITE' });
    await setClock(t, '2025-06-10T17:00:00+08:00');
    const agreed = await apply(t, DISTRICT_MEDIATOR, res.body.id, 'SIGN_WRITTEN_AGREEMENT', {
      content: '李四于45日内修建排水管；张三承担一半费用1500元',
      signedPartyIds: BOTH,
      mediatorSigned: true,
      committeeSealed: true,
      effectiveOn: '2025-06-10',
      performanceDueOn: '2025-07-25',
    });
    return agreed;
  }

  it('2025-03-03: A applies to the 村调委会 → registered, consent pending; D-PM1 2025-04-03', async () => {
    await at('2025-03-03');
    const opened = await t.http().post('/api/cases').set(auth(await t.login('fy_mediator'))).send({
      workflow: 'pm',
      category: 'NEIGHBOUR',
      summary: '李四新砌围墙堵塞张三家排水沟和通行小路',
      regionCode: FENGYUAN,
      source: 'APPLICATION',
      parties: [A, B],
    });
    expect(opened.status).toBe(201);
    ids.village = opened.body.id;
    expect(opened.body).toMatchObject({ workflow: { id: 'pm' }, state: 'registered', assignment: { orgId: 'org-fengyuan' } });
    const pending = await apply(t, 'fy_mediator', ids.village, 'SEEK_CONSENT', { note: '电话征询李四意愿' });
    expect(pending.state).toBe('consentPending');
    expect(deadline(pending, 'D-PM1')).toMatchObject({ dueOn: '2025-04-03', dayType: 'calendar', status: 'pending' });
  });

  it('2025-03-04: B consents and mediator M1 is assigned → assigned → mediating', async () => {
    await at('2025-03-04');
    const assigned = await apply(t, 'fy_mediator', ids.village, 'ASSIGN_MEDIATOR', { mediatorId: await userId('fy_mediator'), consentedPartyIds: BOTH, selectedBy: 'COMMITTEE' });
    expect(assigned.state).toBe('assigned');
    const mediating = await apply(t, 'fy_mediator', ids.village, 'START_MEDIATION', { startedOn: '2025-03-04', mode: 'ON_SITE' });
    expect(mediating.state).toBe('mediating');
  });

  it('2025-03-20: the village hearing (评理会, level VILLAGE, stage PM) concludes that B should open a 40 cm channel; B refuses', async () => {
    await at('2025-03-14');
    const asked = await apply(t, 'fy_mediator', ids.village, 'REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '围墙堵塞排水沟和通行小路', initiative: 'ORGAN' });
    expect(asked.state).toBe('hearing');
    ids.villageHr = linked(asked, 'R21a');
    const hr = await read(VILLAGE, ids.villageHr);
    expect(hr).toMatchObject({ workflow: { id: 'hr' }, state: 'referred', assignment: { orgId: 'org-fengyuan' }, facts: { level: 'VILLAGE', stage: 'PM' } });
    await decided(VILLAGE, ids.villageHr, '2025-03-14');
    await apply(t, VILLAGE, ids.villageHr, 'APPOINT_PANEL', { presiding: member('周村民', 'VILLAGER_REPRESENTATIVE'), members: [member('吴党员', 'VILLAGER_REPRESENTATIVE'), member('钱乡贤', 'ELDER')] });
    await apply(t, VILLAGE, ids.villageHr, 'SERVE_NOTICE', { noticedOn: '2025-03-14', hearingOn: '2025-03-20', venue: '枫源村文化礼堂', notifiedPartyIds: BOTH });

    await at('2025-03-20');
    await apply(t, VILLAGE, ids.villageHr, 'RECORD_HEARING', record('2025-03-20', [
      { speaker: A.name, summary: '围墙堵塞排水沟和通行小路' },
      { speaker: B.name, summary: '围墙建在自家宅基地上' },
    ]));
    const concluded = await apply(t, VILLAGE, ids.villageHr, 'CONCLUDE', conclusion('2025-03-20', 3, 0, '李四应开挖40厘米排水沟'));
    expect(concluded.state).toBe('concluded');
    await apply(t, VILLAGE, ids.villageHr, 'CLOSE_UNPUBLISHED', { closedOn: '2025-03-20' });
    const back = await reaches('fy_mediator', ids.village, 'mediating');
    expect(back.facts.hearings).toEqual([expect.objectContaining({ outcome: 'CONCLUDED', level: 'VILLAGE', opinion: '李四应开挖40厘米排水沟' })]);
  });

  it('2025-04-03: D-PM1 reached with no agreement; M1 ends the mediation with a written rights notice', async () => {
    await at('2025-04-03');
    const noNotice = await send(t, 'fy_mediator', ids.village, 'TERMINATE_FAILED', { reason: '李四拒绝开沟' });
    expect(noNotice.status).toBe(400);
    expect(JSON.stringify(noNotice.body)).toContain('rightsNotice');
    const rightsNotice = { routes: ['LITIGATION', 'OTHER_MEDIATION', 'PETITION', 'GOVERNANCE_CENTRE'], notifiedOn: '2025-04-03', method: 'WRITTEN' };
    const failed = await apply(t, 'fy_mediator', ids.village, 'TERMINATE_FAILED', { reason: '李四拒绝接受评理意见，调解不成', rightsNotice });
    expect(failed).toMatchObject({ state: 'terminatedFailed', closed: true });
    expect(deadline(failed, 'D-PM1')).toMatchObject({ dueOn: '2025-04-03', status: 'met' });
    const ended = (await history(t, 'fy_mediator', ids.village)).find((e) => e.type === 'TERMINATE_FAILED');
    expect(ended.data.rightsNotice).toEqual(rightsNotice);
  });

  it('2025-04-07: at the township 综治中心 the matter goes to 信访 (R1e), accepted the same day: D-XF2 2025-04-22, D-XF4 2025-06-06', async () => {
    await at('2025-04-07');
    const zz = await t.http().post('/api/cases').set(auth(await t.login('fq_dispatcher'))).send({
      workflow: 'zz',
      category: 'NEIGHBOUR',
      summary: '围墙堵塞排水沟，村级调解不成，来访要求处理',
      regionCode: FENGYUAN,
      source: 'APPLICATION',
      parties: [A, B],
      input: { intakeChannel: 'COUNTER' },
    });
    expect(zz.status).toBe(201);
    ids.zz = zz.body.id;
    expect(zz.body.state).toBe('received');
    const petition = { channel: 'VISIT', petitionClass: 'REQUEST', groupVisit: false };
    // The engine's classes: a matter sent to 信访 is a petition without another legal channel (诉访分离).
    const triaged = await apply(t, 'fq_dispatcher', ids.zz, 'TRIAGE', { classification: 'PETITION_ONLY', legalChannel: 'xf', riskLevel: 'YELLOW', assessment: '相邻关系纠纷，村调解不成，申诉求决', petition });
    expect(triaged.state).toBe('triaged');
    const dispatched = await apply(t, 'fq_dispatcher', ids.zz, 'DISPATCH', { channel: 'xf', receivingOrgId: 'org-fengqiao-petition', reason: '转镇信访办受理办理', petition });
    ids.xf = linked(dispatched, 'R1e');
    const received = await read('fq_petition', ids.xf);
    expect(received).toMatchObject({ workflow: { id: 'xf' }, state: 'transferReceived', disputeCode: dispatched.disputeCode, assignment: { orgId: 'org-fengqiao-petition' } });
    expect(deadline(received, 'D-XF2')).toMatchObject({ dueOn: '2025-04-22', status: 'pending' });
    const accepted = await apply(t, 'fq_petition', ids.xf, 'ACCEPT', { acceptedOn: '2025-04-07', notifiedOn: '2025-04-07' });
    expect(accepted.state).toBe('handling');
    expect(deadline(accepted, 'D-XF2')).toMatchObject({ dueOn: '2025-04-22', status: 'met' });
    expect(deadline(accepted, 'D-XF4')).toMatchObject({ dueOn: '2025-06-06', status: 'pending' });
  });

  it('2025-04-09: both consent to 访调对接 → referredPM and a new case at the township 调委会 (R19)', async () => {
    await at('2025-04-09');
    const referred = await apply(t, 'fq_petition', ids.xf, 'REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: BOTH, civilContent: true, note: '相邻关系纠纷，双方同意人民调解' });
    expect(referred.state).toBe('referredPM');
    ids.township = linked(referred, 'R19');
    const pm = await read('fq_mediator', ids.township);
    expect(pm).toMatchObject({ workflow: { id: 'pm' }, state: 'referralReceived', assignment: { orgId: 'org-fengqiao' }, disputeCode: referred.disputeCode });
    await apply(t, 'fq_mediator', ids.township, 'SIGN_FOR', { note: '访调对接移交' });
    await apply(t, 'fq_mediator', ids.township, 'ASSIGN_MEDIATOR', { mediatorId: await userId('fq_mediator'), consentedPartyIds: BOTH, selectedBy: 'COMMITTEE' });
    expect((await apply(t, 'fq_mediator', ids.township, 'START_MEDIATION', { startedOn: '2025-04-09', mode: 'ON_SITE' })).state).toBe('mediating');
  });

  it('2025-04-14 → 04-21: the township hearing at the 司法所 (level TOWNSHIP), noticed seven days ahead, concludes', async () => {
    await at('2025-04-14');
    const asked = await apply(t, 'fq_mediator', ids.township, 'REQUEST_HEARING', { hearingOrgId: 'org-fengqiao-station', matter: '排水沟通行纠纷（村级评理未果）', initiative: 'APPLICATION' });
    ids.townshipHr = linked(asked, 'R21a');
    expect((await read(TOWNSHIP, ids.townshipHr)).facts).toMatchObject({ level: 'TOWNSHIP', stage: 'PM' });
    await decided(TOWNSHIP, ids.townshipHr, '2025-04-14');
    const four = { presiding: member('孙所长', 'JUSTICE_STATION'), members: [member('人大代表郑某', 'DEPUTY'), member('律师冯某', 'LAWYER'), member('李桥村干部陈某', 'VILLAGE_CADRE')] };
    const even = await send(t, TOWNSHIP, ids.townshipHr, 'APPOINT_PANEL', four);
    expect(even.status).toBe(409);
    expect(even.body.violations.map((v: any) => v.precondition)).toEqual(['panelOdd']);
    await apply(t, TOWNSHIP, ids.townshipHr, 'APPOINT_PANEL', { ...four, members: [...four.members, member('乡贤褚某', 'ELDER')] });
    const noticed = await apply(t, TOWNSHIP, ids.townshipHr, 'SERVE_NOTICE', { noticedOn: '2025-04-14', hearingOn: '2025-04-21', venue: '枫桥司法所', notifiedPartyIds: BOTH });
    expect(deadline(noticed, 'D-HR4')).toMatchObject({ dueOn: '2025-04-21', dayType: 'calendar' });

    await at('2025-04-21');
    await apply(t, TOWNSHIP, ids.townshipHr, 'RECORD_HEARING', record('2025-04-21', [
      { speaker: A.name, summary: '要求恢复排水沟和通行' },
      { speaker: B.name, summary: '同意开沟，但要求张三承担费用' },
    ]));
    await apply(t, TOWNSHIP, ids.townshipHr, 'CONCLUDE', conclusion('2025-04-21', 4, 1, '李四应恢复排水通道，费用协商分担', ['费用应由李四全部承担']));
    await apply(t, TOWNSHIP, ids.townshipHr, 'CLOSE_UNPUBLISHED', { closedOn: '2025-04-21' });
    const back = await reaches('fq_mediator', ids.township, 'mediating');
    expect(back.facts.hearings).toEqual([expect.objectContaining({ outcome: 'CONCLUDED', level: 'TOWNSHIP' })]);
  });

  it('2025-04-30: the township mediation still fails → terminated; the petition returns to handling', async () => {
    await at('2025-04-30');
    const failed = await apply(t, 'fq_mediator', ids.township, 'TERMINATE_FAILED', { reason: '李四要求张三承担开沟费用，调解不成', rightsNotice: { routes: ['LITIGATION', 'PETITION'], notifiedOn: '2025-04-30', method: 'WRITTEN' } });
    expect(failed.state).toBe('terminatedFailed');
    const handling = await reaches('fq_petition', ids.xf, 'handling');
    // 访调对接 stopped the 60 days from 04-09 to 04-30 (the engine's default policy).
    expect(deadline(handling, 'D-XF4')).toMatchObject({ status: 'pending', pauses: [expect.objectContaining({ from: '2025-04-09', to: '2025-04-30' })] });
  });

  it('2025-05-09: the 信访处理意见书 (解释说明), received the same day → opinionIssued; 复查 by 2025-06-09 (D-XF6)', async () => {
    await at('2025-05-09');
    const opinion = await apply(t, 'fq_petition', ids.xf, 'ISSUE_OPINION', { outcomes: ['EXPLAIN'], issuedOn: '2025-05-09', receivedOn: '2025-05-09' });
    expect(opinion.state).toBe('opinionIssued');
    expect(deadline(opinion, 'D-XF4')).toMatchObject({ status: 'met' });
    // The 30th day, 06-08, is a Sunday.
    expect(deadline(opinion, 'D-XF6')).toMatchObject({ dueOn: '2025-06-09', dayType: 'calendar', status: 'pending' });
  });

  it('2025-05-20: A asks the 区政府 for 复查 → review; D-XF7 2025-06-19', async () => {
    await at('2025-05-20');
    const review = await apply(t, 'fq_petition', ids.xf, 'REQUEST_REVIEW', { requestedOn: '2025-05-20', receivedOn: '2025-05-20', reviewBody: '青溪区人民政府', reviewRegionCode: '330199' });
    expect(review.state).toBe('review');
    expect(deadline(review, 'D-XF6')).toMatchObject({ status: 'met' });
    expect(deadline(review, 'D-XF7')).toMatchObject({ dueOn: '2025-06-19', status: 'pending' });
  });

  it('2025-06-03 → 06-10: the district hearing at the 信访联席办 (R21c); B agrees; the 区调委会’s written agreement → agreedWritten, D-JC1 2025-07-10', async () => {
    await at('2025-06-03');
    const asked = await apply(t, 'fq_petition', ids.xf, 'REQUEST_HEARING', { hearingOrgId: 'org-petition-joint-office', matter: '排水沟通行纠纷复查听证', initiative: 'APPLICATION' });
    expect(asked.state).toBe('hearingAtReview');
    ids.districtHr = linked(asked, 'R21c');
    expect((await read(DISTRICT, ids.districtHr)).facts).toMatchObject({ level: 'COUNTY', stage: 'XF_REVIEW' });
    await decided(DISTRICT, ids.districtHr, '2025-06-03');
    await apply(t, DISTRICT, ids.districtHr, 'APPOINT_PANEL', { presiding: member('政协委员蒋某', 'CPPCC'), members: [member('律师沈某', 'LAWYER'), member('区调委会调解员韩某', 'MEDIATOR')] });
    const noticed = await apply(t, DISTRICT, ids.districtHr, 'SERVE_NOTICE', { noticedOn: '2025-06-03', hearingOn: '2025-06-10', venue: '区信访联席办听证室', notifiedPartyIds: BOTH });
    expect(deadline(noticed, 'D-HR4')).toMatchObject({ dueOn: '2025-06-10' });

    await at('2025-06-10');
    await apply(t, DISTRICT, ids.districtHr, 'RECORD_HEARING', record('2025-06-10', [
      { speaker: B.name, summary: '同意45日内修建排水管' },
      { speaker: A.name, summary: '同意承担一半费用1500元' },
    ]));
    await apply(t, DISTRICT, ids.districtHr, 'CONCLUDE', conclusion('2025-06-10', 3, 0, '李四45日内修建排水管，张三承担一半费用'));
    await apply(t, DISTRICT, ids.districtHr, 'PUBLISH', { publishedOn: '2025-06-10', channel: '区政府网站' });
    const review = await reaches('fq_petition', ids.xf, 'review');
    expect(review.facts.hearings).toEqual([expect.objectContaining({ outcome: 'CONCLUDED', level: 'COUNTY', opinion: '李四45日内修建排水管，张三承担一半费用' })]);
    // The 复查 clock ran on through the hearing ([U] policy xf.excludeHearingTimeAtReview, off by default).
    expect(deadline(review, 'D-XF7')).toMatchObject({ dueOn: '2025-06-19', status: 'pending' });

    const agreed = await districtAgreement('排水沟通行纠纷（复查听证达成协议）');
    ids.district = agreed.id;
    expect(agreed).toMatchObject({ state: 'agreedWritten', assignment: { orgId: 'org-district-centre' } });
    expect(deadline(agreed, 'D-JC1')).toMatchObject({ dueOn: '2025-07-10', status: 'pending' });
    // Two other neighbours' agreements of the same day, to file for 司法确认 on the window's last day and the day after.
    ids.onTime = (await districtAgreement('相邻通行纠纷（7月10日申请司法确认）', [OTHER_A, OTHER_B])).id;
    ids.late = (await districtAgreement('相邻采光纠纷（7月11日申请司法确认）', [OTHER_B, OTHER_A])).id;
  });

  it('2025-06-12: the 复查 records the settlement → xf.settled; no D-XF8 window is opened', async () => {
    await at('2025-06-12');
    const settled = await apply(t, 'fq_petition', ids.xf, 'SETTLE', { kind: 'MEDIATION', signedPartyIds: BOTH, signedOn: '2025-06-10' });
    expect(settled).toMatchObject({ state: 'settled', closed: true });
    expect(deadline(settled, 'D-XF7')).toMatchObject({ status: 'met' });
    expect(settled.deadlines.some((d: any) => d.specId === 'D-XF8')).toBe(false);
    expect(settled.deadlines.filter((d: any) => d.status === 'pending')).toEqual([]);
  });

  it('2025-06-16: joint 司法确认 application at the 区基层法院 (R4) → registered (民特); D-JC3 2025-07-16', async () => {
    await at('2025-06-16');
    const applied = await apply(t, DISTRICT_MEDIATOR, ids.district, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: BOTH, form: 'WRITTEN' });
    expect(applied.state).toBe('judicialConfirmation');
    ids.jc = linked(applied, 'R4');
    const filed = await read('court_clerk', ids.jc);
    expect(filed).toMatchObject({ workflow: { id: 'jc' }, disputeCode: applied.disputeCode, assignment: { orgId: 'org-court' } });
    await apply(t, 'court_clerk', ids.jc, 'SIGN_FOR', { note: '申请材料齐全' });
    const registered = await apply(t, 'court_clerk', ids.jc, 'REGISTER', { docketNo: '（2025）青溪0101民特611号', registeredOn: '2025-06-16' });
    expect(registered.state).toBe('registered');
    expect(deadline(registered, 'D-JC3')).toMatchObject({ dueOn: '2025-07-16', status: 'pending' });
    await apply(t, 'judge', ids.jc, 'SCHEDULE_VERIFICATION', { scheduledOn: '2025-06-26' });
  });

  it('2025-06-26: ruled valid, served 06-27 → objection window; D-JC4 2025-07-14 (07-12 is a Saturday)', async () => {
    await at('2025-06-26');
    const confirmed = await apply(t, 'judge', ids.jc, 'RULE_VALID', { rulingNo: '（2025）青溪0101民特611号', ruledOn: '2025-06-26' });
    expect(confirmed.state).toBe('confirmed');
    expect(deadline(confirmed, 'D-JC3')).toMatchObject({ status: 'met' });
    await reaches(DISTRICT_MEDIATOR, ids.district, 'monitoring');
    await at('2025-06-27');
    const served = await apply(t, 'judge', ids.jc, 'SERVE_RULING', { servedOn: '2025-06-27' });
    expect(served.state).toBe('objectionWindow');
    expect(deadline(served, 'D-JC4')).toMatchObject({ dueOn: '2025-07-14', dayType: 'calendar', status: 'pending' });
  });

  it('a 司法确认 filed on 2025-07-10 is accepted; one filed on 2025-07-11 is refused (D-JC1)', async () => {
    await at('2025-07-10');
    const onTime = await apply(t, DISTRICT_MEDIATOR, ids.onTime, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: BOTH, form: 'WRITTEN' });
    expect(onTime.state).toBe('judicialConfirmation');
    expect(linked(onTime, 'R4')).toBeTruthy();
    await at('2025-07-11');
    const late = await send(t, DISTRICT_MEDIATOR, ids.late, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: BOTH, form: 'WRITTEN' });
    expect(late.status).toBe(409);
    expect(late.body.violations).toEqual([expect.objectContaining({ precondition: 'withinConfirmationWindow', legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条' })]);
  });

  it('2025-07-15: no objection by 07-14 → the ruling is enforceable', async () => {
    await at('2025-07-15');
    const run = await runWorker(t);
    expect(run.fired.filter((f) => f.caseId === ids.jc)).toEqual([expect.objectContaining({ event: 'OBJECTION_PERIOD_ENDED' })]);
    expect((await read('judge', ids.jc)).state).toBe('enforceable');
  });

  it('2025-07-25 → 08-05: the pipe is built, the 回访 confirms it → performed → archived; the case is eligible for 以案定补', async () => {
    await at('2025-07-25');
    expect((await apply(t, DISTRICT_MEDIATOR, ids.district, 'RECORD_PERFORMED', { performedOn: '2025-07-25', evidence: '排水管已建成，张三已支付1500元' })).state).toBe('performed');
    await at('2025-08-05');
    await apply(t, DISTRICT_MEDIATOR, ids.district, 'RECORD_FOLLOW_UP', { visitedOn: '2025-08-05', method: 'VISIT', summary: '上门回访，排水通畅', satisfaction: [{ partyId: 'P1', rating: 'SATISFIED' }, { partyId: 'P2', rating: 'SATISFIED' }] });
    const archived = await apply(t, DISTRICT_MEDIATOR, ids.district, 'ARCHIVE', { dossierComplete: true, fileNo: 'QX-2025-0610' });
    expect(archived).toMatchObject({ state: 'archived', closed: true });
    const eligibility = async () => {
      const res = await t.http().get('/api/subsidy/eligibility').query({ caseId: ids.district }).set(auth(await t.login(DISTRICT_MEDIATOR)));
      expect(res.status).toBe(200);
      return res.body;
    };
    // The demo leaves 吴静 of the district centre unfiled (备案), which alone keeps the case from the subsidy.
    expect(await eligibility()).toMatchObject({ eligible: false, reasons: [expect.objectContaining({ code: 'MEDIATOR_NOT_FILED' })] });
    const filed = await t.http().put(`/api/subsidy/filings/${await userId(DISTRICT_MEDIATOR)}`).set(auth(await t.login('auditor'))).send({ filingNo: '青司调备〔2025〕016号', filedOn: '2025-01-15' });
    expect(filed.status).toBe(200);
    expect(await eligibility()).toMatchObject({ eligible: true, reasons: [], outcome: 'AGREED', agreementForm: 'WRITTEN', performedOn: '2025-07-25', tariffVersion: '330199-2025-v1' });
    // The demo's 高台-style table: a three-level dispute claimed as 一般 (200 yuan once approved).
    const claim = await t.http().post('/api/subsidy/claims').set(auth(await t.login(DISTRICT_MEDIATOR))).send({ caseId: ids.district, tier: 'ORDINARY' });
    expect(claim.status).toBe(201);
    expect(claim.body).toMatchObject({ state: 'drafted', tier: 'ORDINARY', tierLabel: '一般', eligibility: { eligible: true, reasons: [] } });
    // The district case has a dispute code of its own, so the duplicate check (R29) puts the two failed mediations of
    // the same parties before the reviewer, although they are the earlier levels of this one dispute.
    expect(claim.body.fraudFlags.map((f: any) => f.check)).toEqual(['DUPLICATE_DISPUTE']);
    expect(claim.body.fraudFlags[0].evidence.otherCases.map((c: any) => [c.caseId, c.state])).toEqual([
      [ids.village, 'terminatedFailed'],
      [ids.township, 'terminatedFailed'],
    ]);
  });

  it('the hearings are recorded at three levels, each by its own organiser; the audit chain holds', async () => {
    const hearings = await Promise.all([
      read(VILLAGE, ids.villageHr),
      read(TOWNSHIP, ids.townshipHr),
      read(DISTRICT, ids.districtHr),
    ]);
    expect(hearings.map((h) => [h.facts.level, h.facts.stage, h.assignment.orgId, h.state])).toEqual([
      ['VILLAGE', 'PM', 'org-fengyuan', 'delivered'],
      ['TOWNSHIP', 'PM', 'org-fengqiao-station', 'delivered'],
      ['COUNTY', 'XF_REVIEW', 'org-petition-joint-office', 'published'],
    ]);
    // The township and district hearings belong to the dispute the 综治中心 registered.
    const dispute = await t.http().get(`/api/disputes/${(await read('fq_petition', ids.xf)).disputeCode}`).set(auth(await t.login('admin')));
    expect(dispute.status).toBe(200);
    expect(dispute.body.cases.map((c: any) => [c.id, c.workflow.id])).toEqual([
      [ids.zz, 'zz'],
      [ids.xf, 'xf'],
      [ids.township, 'pm'],
      [ids.townshipHr, 'hr'],
      [ids.districtHr, 'hr'],
    ]);
    expect((await verifyAudit(t)).ok).toBe(true);
  });
});
