import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { FENGYUAN, apply, auth, eventTypes, eventually, getCase, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * A rural land-contract dispute over HTTP only, on the test clock, on the dates of scenario S8 of the domain
 * specification, appendix (d), with the law of §5 (农村土地承包经营纠纷调解仲裁法), 土地管理法 第十四条 and table (b):
 *
 *   农村土地承包经营纠纷 (land, 枫源村调委会) —R13a→ 仲裁 (land, 区农村土地承包仲裁委) … award effective → enforcement
 *
 * - 2025-03-03 village mediation; fails 03-17. 03-18 the farmer applies to the commission where the land lies (第二十一条):
 *   D-RL2 notice by 2025-03-25 (5 W, 第二十三条). Accepted 03-20: D-RL3 service by 2025-03-27 (5 W), D-RL7 award by
 *   2025-05-19 (60 days, 第四十七条). Served 03-24: answer by 2025-04-03 (10 days). Tribunal 03-31: notice by 2025-04-02 (2 W).
 * - Hearing in the village on 04-18 (both asked, 第三十条), noticed 04-11 (≥ 5 W, 第三十一条); mediation fails (第十一条).
 * - 05-15 award, served 05-16 (≤ 3 W: 2025-05-20, 第四十五条); 30 days to sue end on 2025-06-16 (06-15 is a Sunday, 第四十八条).
 * - 06-17 no suit: the award takes effect; K defaults and F applies for enforcement at the basic court (第四十九条).
 * Branches: K sues on 06-10 (the award does not take effect); F sues directly on 03-18 (第四条, no arbitration first).
 * Negative test: an expropriation compensation dispute (第二条第二款). Then the routing rules R13, R14, R7(c) each once
 * passing and once refused, and the working-day periods across the 2026 Spring Festival and National Day.
 */

const FARMER = { role: 'APPLICANT', name: '周大田', idNumber: idNumber('33019919700312451'), phone: '13600001234' };
const COOPERATIVE = { role: 'RESPONDENT', name: '青溪县枫源农业专业合作社', phone: '13500005678' };
const F = 'P1';
const K = 'P2';
const COMMISSION = 'org-land-arbitration';
const LAW = '农村土地承包经营纠纷调解仲裁法';
const LAND_ADMIN = '土地管理法 第十四条';

function landCase(input: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return {
    workflow: 'land',
    category: 'FOREST_LAND',
    summary: '土地经营权出租纠纷：合作社承租20亩，2024年12月31日到期租金未付',
    regionCode: FENGYUAN,
    source: 'APPLICATION',
    parties: [FARMER, COOPERATIVE],
    input,
    ...over,
  };
}
const LEASE = { disputeKind: 'TRANSFER', knewOn: '2025-01-01' };

async function open(t: TestApp, username: string, body: Record<string, unknown>) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(username))).send(body);
  if (res.status !== 201) throw new Error(`open ${String(body.workflow)} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function read(t: TestApp, username: string, caseId: string) {
  const res = await getCase(t, username, caseId);
  expect(res.status).toBe(200);
  return res.body;
}
async function reaches(t: TestApp, username: string, caseId: string, state: string) {
  const view = await eventually(
    () => read(t, username, caseId),
    (c) => c.state === state,
  );
  expect(view.state).toBe(state);
  return view;
}
function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}
const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO').caseId as string;

/** Steps of the commission's case through the proceedings, each on its own day. */
async function toHearing(t: TestApp, id: string, days: { accept: string; serve: string; form: string; notify: string; notice: string; hearingOn: string }) {
  await setClock(t, at10(days.accept));
  await apply(t, 'land_arbitrator', id, 'ACCEPT', { acceptedOn: days.accept, otherProceedings: 'NONE' });
  await setClock(t, at10(days.serve));
  await apply(t, 'land_arbitrator', id, 'SERVE_RESPONDENT', { respondentServedOn: days.serve });
  await setClock(t, at10(days.form));
  await apply(t, 'land_arbitrator', id, 'FORM_TRIBUNAL', { formedOn: days.form, composition: 'THREE' });
  await setClock(t, at10(days.notify));
  await apply(t, 'land_arbitrator', id, 'NOTIFY_COMPOSITION', { notifiedOn: days.notify });
  await setClock(t, at10(days.notice));
  return apply(t, 'land_arbitrator', id, 'NOTICE_HEARING', { hearingOn: days.hearingOn, place: 'VILLAGE', bothPartiesAskedLocal: true });
}

/** A commission case opened directly (the farmer applies without mediating), received on `day`. */
async function atCommission(t: TestApp, day: string, input: Record<string, unknown> = LEASE) {
  await setClock(t, at10(day));
  const view = await open(t, 'land_arbitrator', landCase({ landLocationCode: FENGYUAN, ...input }));
  return apply(t, 'land_arbitrator', view.id, 'RECEIVE_APPLICATION', { receivedOn: day });
}

describe.each(TEST_DATABASES)('rural land-contract dispute S8 and its routing rules ($name)', (database) => {
  let t: TestApp;
  const ids = { village: '', arb: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('S8: village mediation → arbitration → award effective → enforcement', () => {
    it('2025-03-03: 枫源村 mediates the lease dispute; 03-17 it fails', async () => {
      await setClock(t, at10('2025-03-03'));
      const opened = await open(t, 'fy_mediator', landCase(LEASE));
      ids.village = opened.id;
      expect(opened).toMatchObject({ workflow: { id: 'land', title: '农村土地承包经营纠纷调解仲裁' }, state: 'intake', assignment: { orgId: 'org-fengyuan' } });
      expect(opened.caseNo).toMatch(/枫源农地字第\d+号$/);
      const mediating = await apply(t, 'fy_mediator', ids.village, 'START_MEDIATION', { startedOn: '2025-03-03' });
      expect(mediating).toMatchObject({ state: 'mediation.ongoing', stateLabel: '调解 · 调解中' });
      await setClock(t, at10('2025-03-17'));
      const failed = await apply(t, 'fy_mediator', ids.village, 'FAIL_MEDIATION', { endedOn: '2025-03-17' });
      expect(failed.state).toBe('mediation.failed');
      expect(eventTypes(failed)).toEqual(['APPLY_ARBITRATION', 'APPLY_RIGHTS_DETERMINATION', 'FILE_SUIT', 'RECORD_LAND_CHANGE']);
    });

    it('2025-03-18: F applies to the commission where the land lies (R13a); D-RL2 notice by 2025-03-25 (5 working days)', async () => {
      await setClock(t, at10('2025-03-18'));
      const village = await apply(t, 'fy_mediator', ids.village, 'APPLY_ARBITRATION', { commissionOrgId: COMMISSION });
      expect(village.state).toBe('arbitrationApplied');
      expect(village.links).toEqual([expect.objectContaining({ direction: 'TO', workflowId: 'land', orgId: COMMISSION, route: 'R13a' })]);
      ids.arb = linked(village, 'R13a');
      const arb = await read(t, 'land_arbitrator', ids.arb);
      expect(arb).toMatchObject({ state: 'arb.applied', assignment: { orgId: COMMISSION }, transfer: { route: 'R13a', status: 'SENT' } });
      expect(arb.caseNo).toMatch(/青溪农仲农地字第\d+号$/);
      expect(arb.deadlines).toEqual([expect.objectContaining({ specId: 'D-RL2', dueOn: '2025-03-25', dayType: 'working', legalBasis: `${LAW} 第二十三条`, status: 'pending' })]);
    });

    it('2025-03-20: accepted: D-RL3 service by 2025-03-27, D-RL7 award by 2025-05-19; the village case closes as sent to arbitration', async () => {
      await setClock(t, at10('2025-03-20'));
      const arb = await apply(t, 'land_arbitrator', ids.arb, 'ACCEPT', { acceptedOn: '2025-03-20', otherProceedings: 'NONE' });
      expect(arb.state).toBe('arb.accepted');
      expect(deadline(arb, 'D-RL2')).toMatchObject({ status: 'met' });
      expect(deadline(arb, 'D-RL3')).toMatchObject({ dueOn: '2025-03-27', dayType: 'working', status: 'pending' });
      expect(deadline(arb, 'D-RL7')).toMatchObject({ dueOn: '2025-05-19', dayType: 'calendar', status: 'pending' });
      await reaches(t, 'fy_mediator', ids.village, 'sentToArbitration');
    });

    it('2025-03-24 served: answer by 2025-04-03; 03-31 tribunal: composition notice by 2025-04-02; 04-11 hearing noticed for 04-18 in the village', async () => {
      await setClock(t, at10('2025-03-24'));
      const served = await apply(t, 'land_arbitrator', ids.arb, 'SERVE_RESPONDENT', { respondentServedOn: '2025-03-24' });
      expect(deadline(served, 'D-RL4')).toMatchObject({ dueOn: '2025-04-03', dayType: 'calendar', status: 'pending' });
      await setClock(t, at10('2025-03-31'));
      const formed = await apply(t, 'land_arbitrator', ids.arb, 'FORM_TRIBUNAL', { formedOn: '2025-03-31', composition: 'THREE' });
      expect(deadline(formed, 'D-RL5')).toMatchObject({ dueOn: '2025-04-02', dayType: 'working', status: 'pending' });
      await setClock(t, at10('2025-04-01'));
      await apply(t, 'land_arbitrator', ids.arb, 'NOTIFY_COMPOSITION', { notifiedOn: '2025-04-01' });
      await setClock(t, at10('2025-04-11'));
      const atCommissionHall = await send(t, 'land_arbitrator', ids.arb, 'NOTICE_HEARING', { hearingOn: '2025-04-18', place: 'COMMISSION', bothPartiesAskedLocal: true });
      expectRefused(atCommissionHall, 'hearingWhereBothAsked', `${LAW} 第三十条`);
      const noticed = await apply(t, 'land_arbitrator', ids.arb, 'NOTICE_HEARING', { hearingOn: '2025-04-18', place: 'VILLAGE', bothPartiesAskedLocal: true });
      expect(noticed.state).toBe('arb.hearingNoticed');
      expect(deadline(noticed, 'D-RL6')).toMatchObject({ dueOn: '2025-04-18', dayType: 'working', status: 'pending' });
    });

    it('2025-04-15: an interim ruling to resume farming (第四十二条); 04-17 the hearing cannot open early; 04-18 it opens and mediation fails', async () => {
      await setClock(t, at10('2025-04-15'));
      const unclear = await send(t, 'land_arbitrator', ids.arb, 'INTERIM_RULING', { applicantPartyIds: [F], measure: 'RESUME_FARMING', rightsAndDutiesClear: false });
      expectRefused(unclear, 'interimRulingGrounds', `${LAW} 第四十二条`);
      await apply(t, 'land_arbitrator', ids.arb, 'INTERIM_RULING', { applicantPartyIds: [F], measure: 'RESUME_FARMING', rightsAndDutiesClear: true, rulingNo: '青农仲裁字〔2025〕第3-1号' });
      await setClock(t, at10('2025-04-17'));
      expectRefused(await send(t, 'land_arbitrator', ids.arb, 'HOLD_HEARING'), 'hearingNoticePeriodRun', `${LAW} 第三十一条`);
      await setClock(t, at10('2025-04-18'));
      const heard = await apply(t, 'land_arbitrator', ids.arb, 'HOLD_HEARING');
      expect(deadline(heard, 'D-RL6')).toMatchObject({ status: 'met' });
      // The tribunal must mediate first (第十一条): no award is offered at the hearing.
      expect(eventTypes(heard)).toEqual(['ASSIGN_ARBITRATOR', 'EXTEND', 'INTERIM_RULING', 'MEDIATION_FAILED', 'SIGN_MEDIATION_DOC', 'WITHDRAW']);
      const failed = await apply(t, 'land_arbitrator', ids.arb, 'MEDIATION_FAILED');
      expect(failed.state).toBe('arb.deliberation');
    });

    it('2025-05-15 award; served 05-16 within D-RL9 (2025-05-20); D-RL10: K may sue until 2025-06-16', async () => {
      await setClock(t, at10('2025-05-15'));
      const awarded = await apply(t, 'land_arbitrator', ids.arb, 'AWARD', { awardNo: '青农仲裁字〔2025〕第3号', awardedOn: '2025-05-15', amount: 16000, performanceDueOn: '2025-06-30', summary: '被申请人支付租金16000元及利息' });
      expect(awarded.state).toBe('arb.awarded');
      expect(deadline(awarded, 'D-RL7')).toMatchObject({ status: 'met' });
      expect(deadline(awarded, 'D-RL9')).toMatchObject({ dueOn: '2025-05-20', dayType: 'working', status: 'pending' });
      await setClock(t, at10('2025-05-16'));
      const served = await apply(t, 'land_arbitrator', ids.arb, 'SERVE_AWARD', { receivedOn: '2025-05-16' });
      expect(served.state).toBe('post.suitWindow');
      expect(deadline(served, 'D-RL9')).toMatchObject({ status: 'met' });
      expect(deadline(served, 'D-RL10')).toMatchObject({ dueOn: '2025-06-16', dayType: 'calendar', legalBasis: `${LAW} 第四十八条`, status: 'pending' });
    });

    it('2025-06-17: nobody sued, the award takes effect; K defaults and F applies for enforcement at the basic court', async () => {
      await setClock(t, at10('2025-06-16'));
      expect((await runWorker(t)).fired.map((f: any) => f.caseId)).not.toContain(ids.arb);
      await setClock(t, at10('2025-06-17'));
      await runWorker(t);
      const effective = await reaches(t, 'land_arbitrator', ids.arb, 'awardEffective');
      expect(deadline(effective, 'D-RL10')).toMatchObject({ status: 'missed' });
      expect(deadline(effective, 'D-EX1')).toMatchObject({ dueOn: '2027-06-30', status: 'pending' });
      await setClock(t, at10('2025-07-02'));
      const enforcement = await apply(t, 'land_arbitrator', ids.arb, 'APPLY_ENFORCEMENT', { applicantPartyIds: [F], courtOrgId: 'org-court', appliedOn: '2025-07-02' });
      expect(enforcement).toMatchObject({ state: 'enforcement', closed: true });
      expect((await verifyAudit(t, ids.arb)).ok).toBe(true);
    });
  });

  describe('S8 branches', () => {
    it('K sues on 2025-06-10 within the 30 days (R13b): the court registers it and the award never takes effect', async () => {
      const arb = await atCommission(t, '2025-03-18');
      await toHearing(t, arb.id, { accept: '2025-03-20', serve: '2025-03-24', form: '2025-03-31', notify: '2025-04-01', notice: '2025-04-11', hearingOn: '2025-04-18' });
      await setClock(t, at10('2025-04-18'));
      await apply(t, 'land_arbitrator', arb.id, 'HOLD_HEARING');
      await apply(t, 'land_arbitrator', arb.id, 'MEDIATION_FAILED');
      await setClock(t, at10('2025-05-15'));
      await apply(t, 'land_arbitrator', arb.id, 'AWARD', { awardNo: '青农仲裁字〔2025〕第4号', awardedOn: '2025-05-15' });
      await setClock(t, at10('2025-05-16'));
      await apply(t, 'land_arbitrator', arb.id, 'SERVE_AWARD', { receivedOn: '2025-05-16' });
      await setClock(t, at10('2025-06-10'));
      const sued = await apply(t, 'land_arbitrator', arb.id, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [K] });
      expect(sued.state).toBe('suitFiled');
      expect(deadline(sued, 'D-RL10')).toMatchObject({ status: 'met' });
      const ct = linked(sued, 'R13b');
      expect((await read(t, 'court_clerk', ct)).state).toBe('complaintSubmitted');
      await apply(t, 'court_clerk', ct, 'REGISTER', { docketNo: '（2025）青溪0101民初610号', registeredOn: '2025-06-10', procedure: 'SIMPLE' });
      await reaches(t, 'land_arbitrator', arb.id, 'litigation');
      await setClock(t, at10('2025-06-17'));
      await runWorker(t);
      expect((await read(t, 'land_arbitrator', arb.id)).state).toBe('litigation');
    });

    it('F sues directly on 2025-03-18 instead of arbitrating (R13, 第四条): allowed, and the court does not refuse it as a labour dispute', async () => {
      await setClock(t, at10('2025-03-18'));
      const village = await open(t, 'fy_mediator', landCase(LEASE));
      const sued = await apply(t, 'fy_mediator', village.id, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [F] });
      expect(sued.state).toBe('suitFiled');
      const ct = linked(sued, 'R13');
      const registered = await apply(t, 'court_clerk', ct, 'REGISTER', { docketNo: '（2025）青溪0101民初318号', registeredOn: '2025-03-18', procedure: 'SIMPLE' });
      expect(registered.state).toBe('registered');
      await reaches(t, 'fy_mediator', village.id, 'litigation');
    });

    it('negative test: an expropriation compensation dispute is not taken on this track and is pointed to 行政复议/诉讼 (第二条第二款)', async () => {
      await setClock(t, at10('2025-03-03'));
      const view = await open(t, 'fy_mediator', landCase({ disputeKind: 'EXPROPRIATION_COMPENSATION' }, { category: 'LAND_EXPROPRIATION_DEMOLITION' }));
      expectRefused(await send(t, 'fy_mediator', view.id, 'START_MEDIATION', { startedOn: '2025-03-03' }), 'notExpropriation', `${LAW} 第二条第二款`);
      expectRefused(await send(t, 'fy_mediator', view.id, 'APPLY_ARBITRATION', { commissionOrgId: COMMISSION }), 'notExpropriation', `${LAW} 第二条第二款`);
      expectRefused(await send(t, 'fy_mediator', view.id, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [F] }), 'notExpropriation', `${LAW} 第二条第二款`);
      const closed = await apply(t, 'fy_mediator', view.id, 'CLOSE_AS_EXPROPRIATION', { notifiedOn: '2025-03-03' });
      expect(closed).toMatchObject({ state: 'excludedExpropriation', stateLabel: '征收补偿纠纷（转行政复议或诉讼）', closed: true, links: [] });
    });

    it('R13c: an expropriation dispute whose party applies for reconsideration goes to the reconsideration organ as a transfer', async () => {
      await setClock(t, at10('2025-03-03'));
      const view = await open(t, 'fy_mediator', landCase({ disputeKind: 'EXPROPRIATION_COMPENSATION' }, { category: 'LAND_EXPROPRIATION_DEMOLITION' }));
      const application = { actType: 'EXPROPRIATION_COMPENSATION', actRef: '青政征补〔2025〕7号', respondentAgency: '青溪区人民政府', actOn: '2025-02-20', knewOn: '2025-02-24', channel: 'ORGAN_WRITTEN', requests: '撤销征收补偿决定，重新作出补偿' };
      // A reconsideration organ must be one: the labour commission is refused, naming the field.
      const wrong = await send(t, 'fy_mediator', view.id, 'CLOSE_AS_EXPROPRIATION', { notifiedOn: '2025-03-03', reconsiderationOrgId: 'org-labour-arbitration', ...application });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'data.reconsiderationOrgId' })]);
      const closed = await apply(t, 'fy_mediator', view.id, 'CLOSE_AS_EXPROPRIATION', { notifiedOn: '2025-03-03', reconsiderationOrgId: 'org-reconsideration', ...application });
      expect(closed.state).toBe('excludedExpropriation');
      const rxId = linked(closed, 'R13c');
      const rx = await read(t, 'rx_officer', rxId);
      expect(rx).toMatchObject({ workflow: { id: 'rx' }, state: 'review', disputeCode: closed.disputeCode, assignment: { orgId: 'org-reconsideration' }, transfer: { route: 'R13c', status: 'SENT' } });
      // The review runs five working days from receipt (第三十条): 2025-03-03 (Mon) → 2025-03-10.
      expect(rx.deadlines.find((d: { specId: string }) => d.specId === 'D-RX4')).toMatchObject({ dueOn: '2025-03-10', status: 'pending' });
      const inbox = await t.http().get('/api/inbox').set(auth(await t.login('rx_officer')));
      expect(inbox.body.items.find((i: { id: string }) => i.id === rxId)).toMatchObject({ workflow: { id: 'rx' }, route: { id: 'R13c' } });
    });
  });

  describe('routing rules: one case passes, one is refused with its article', () => {
    it('R13a (第二十一条): land outside the commission’s district is refused; the S8 land inside it passed above', async () => {
      await setClock(t, at10('2025-03-18'));
      const elsewhere = await open(t, 'fy_mediator', landCase({ ...LEASE, landLocationCode: '330102001201' }));
      expectRefused(await send(t, 'fy_mediator', elsewhere.id, 'APPLY_ARBITRATION', { commissionOrgId: COMMISSION }), 'landWhereCommissionSits', `${LAW} 第二十一条`);
      expect((await read(t, 'fy_mediator', elsewhere.id)).links).toEqual([]);
      const bad = await send(t, 'fy_mediator', elsewhere.id, 'APPLY_ARBITRATION', { commissionOrgId: 'org-labour-arbitration' });
      expect(bad.status).toBe(400);
    });

    it('第二十二条: the commission does not accept a dispute a court has accepted, and accepts one no court has', async () => {
      const arb = await atCommission(t, '2025-03-18');
      await setClock(t, at10('2025-03-20'));
      expectRefused(await send(t, 'land_arbitrator', arb.id, 'ACCEPT', { acceptedOn: '2025-03-20', otherProceedings: 'COURT_ACCEPTED' }), 'notBeforeCourtOrDecided', `${LAW} 第二十二条`);
      expect((await apply(t, 'land_arbitrator', arb.id, 'ACCEPT', { acceptedOn: '2025-03-20', otherProceedings: 'NONE' })).state).toBe('arb.accepted');
    });

    it('R14: a 宅基地 use-rights dispute goes to the township government first; no land change while it decides; suit within 30 days of the decision', async () => {
      await setClock(t, at10('2025-03-05'));
      const rights = await open(t, 'fy_mediator', landCase({ disputeKind: 'LAND_RIGHTS' }, { category: 'HOUSING_HOMESTEAD', summary: '宅基地使用权界址争议' }));
      expectRefused(await send(t, 'fy_mediator', rights.id, 'APPLY_ARBITRATION', { commissionOrgId: COMMISSION }), 'notLandRights', LAND_ADMIN);
      expectRefused(await send(t, 'fy_mediator', rights.id, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [F] }), 'landRightsDecidedFirst', `${LAND_ADMIN} 第一款、第三款`);
      const pending = await apply(t, 'fy_mediator', rights.id, 'APPLY_RIGHTS_DETERMINATION', { between: 'INDIVIDUALS', governmentLevel: 'TOWNSHIP', governmentName: '枫桥镇人民政府', appliedOn: '2025-03-05' });
      expect(pending.state).toBe('rights.pending');
      expectRefused(await send(t, 'fy_mediator', rights.id, 'RECORD_LAND_CHANGE', { kind: 'CONSTRUCTION', changedOn: '2025-03-05' }), 'noLandChangeWhileRightsPending', `${LAND_ADMIN} 第四款`);
      await setClock(t, at10('2025-04-10'));
      const decided = await apply(t, 'fy_mediator', rights.id, 'RECORD_RIGHTS_DECISION', { decisionNo: '枫政处〔2025〕3号', decidedOn: '2025-04-08', receivedOn: '2025-04-10' });
      // 2025-05-10 is a Saturday: the 30 days end on Monday 05-12.
      expect(deadline(decided, 'D-RL11')).toMatchObject({ dueOn: '2025-05-12', dayType: 'calendar', status: 'pending' });
      await setClock(t, at10('2025-05-06'));
      const sued = await apply(t, 'fy_mediator', rights.id, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [K] });
      const ct = linked(sued, 'R14');
      expect((await apply(t, 'court_clerk', ct, 'REGISTER', { docketNo: '（2025）青溪0101民初506号', registeredOn: '2025-05-06', procedure: 'ORDINARY' })).state).toBe('registered');
    });

    it('a land change is recorded on a land-contract dispute, where no determination is pending', async () => {
      await setClock(t, at10('2025-03-05'));
      const lease = await open(t, 'fy_mediator', landCase(LEASE));
      expect((await apply(t, 'fy_mediator', lease.id, 'RECORD_LAND_CHANGE', { kind: 'TRANSFER', changedOn: '2025-03-05' })).state).toBe('intake');
    });

    it('R7(c): the court refuses an ownership or use-rights suit the government has not decided, and registers one it has', async () => {
      await setClock(t, at10('2025-05-20'));
      const body = (input: Record<string, unknown>) => ({ workflow: 'ct', category: 'HOUSING_HOMESTEAD', summary: '宅基地使用权纠纷', regionCode: FENGYUAN, source: 'APPLICATION', parties: [FARMER, COOPERATIVE], input });
      const undecided = await open(t, 'court_clerk', body({ receivedOn: '2025-05-20', landRights: 'LAND_RIGHTS' }));
      expectRefused(await send(t, 'court_clerk', undecided.id, 'REGISTER', { docketNo: '（2025）青溪0101民初520号', registeredOn: '2025-05-20', procedure: 'SIMPLE' }), 'landRightsDeterminedFirst', LAND_ADMIN);
      const decided = await open(t, 'court_clerk', body({ receivedOn: '2025-05-20', landRights: 'LAND_RIGHTS', landRightsDecisionReceivedOn: '2025-05-12' }));
      expect((await apply(t, 'court_clerk', decided.id, 'REGISTER', { docketNo: '（2025）青溪0101民初521号', registeredOn: '2025-05-20', procedure: 'SIMPLE' })).state).toBe('registered');
    });
  });

  describe('working days across the 2026 holidays (make-up days count)', () => {
    it('Spring Festival: received 2026-02-12 → notice by 02-26; accepted 02-13 → service by 02-27', async () => {
      const arb = await atCommission(t, '2026-02-12');
      expect(deadline(arb, 'D-RL2')).toMatchObject({ dueOn: '2026-02-26', dayType: 'working' });
      await setClock(t, at10('2026-02-13'));
      const accepted = await apply(t, 'land_arbitrator', arb.id, 'ACCEPT', { acceptedOn: '2026-02-13', otherProceedings: 'NONE' });
      expect(deadline(accepted, 'D-RL3')).toMatchObject({ dueOn: '2026-02-27', dayType: 'working' });
    });

    it('National Day: hearing noticed 2026-09-15 may open on 09-21 (Sunday 09-20 worked); award made 09-30 is served by 10-10 (Saturday worked)', async () => {
      const arb = await atCommission(t, '2026-09-14');
      const noticed = await toHearing(t, arb.id, { accept: '2026-09-15', serve: '2026-09-15', form: '2026-09-15', notify: '2026-09-15', notice: '2026-09-15', hearingOn: '2026-09-22' });
      expect(deadline(noticed, 'D-RL6')).toMatchObject({ dueOn: '2026-09-21', dayType: 'working' });
      await setClock(t, at10('2026-09-22'));
      await apply(t, 'land_arbitrator', arb.id, 'HOLD_HEARING');
      await apply(t, 'land_arbitrator', arb.id, 'MEDIATION_FAILED');
      await setClock(t, at10('2026-09-30'));
      const awarded = await apply(t, 'land_arbitrator', arb.id, 'AWARD', { awardNo: '青农仲裁字〔2026〕第9号', awardedOn: '2026-09-30' });
      expect(deadline(awarded, 'D-RL9')).toMatchObject({ dueOn: '2026-10-10', dayType: 'working' });
    });
  });
});
