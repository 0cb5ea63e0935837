import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventTypes, getCase, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * 行政复议 (rx) over HTTP only, on the test clock, with the dates of scenario S6 of the domain specification, appendix
 * (d), the law of §6 (行政复议法 2023) and the deadline table (b):
 *
 * - 2025-07-07 城管 fines vendor V 200 yuan on the spot: 复议前置 (第二十三条第一项); D-RX1 2025-09-05 (60 days).
 * - 07-21 V files through the penalising agency (第三十二条): D-RX4 2025-07-28 (five working days, 第三十条、第八十八条).
 * - 07-25 accepted, simple procedure (第五十三条): copy by 2025-07-30 (D-RX7-S, three working days), decision by
 *   2025-08-25 (D-RX11: the 30th day is Sunday 08-24). Served 07-28: answer by 2025-08-04 (D-RX8-S, five working days).
 * - 08-12 mediation; 08-14 the 调解书 is signed and sealed (第七十三条).
 * - S6b: upheld 08-20, served 08-21: fifteen days to sue until 2025-09-05 (行政诉讼法 第四十五条), then final.
 * - S6c: the penalty notice is missing: notice received 07-23, ten working days to 2025-08-06, then abandoned (第三十一条).
 *
 * Then the routing rules R15–R17 (and R7(e)): each with a case that passes and one refused with its article, and the
 * working-day periods across the 2026 Spring Festival and National Day (with their make-up working days).
 */

const VENDOR = { role: 'APPLICANT', name: '陈小贩', idNumber: idNumber('33019919850505123'), phone: '13600001111' };
const AGENCY = { role: 'RESPONDENT', name: '青溪区城市管理局' };
const OFFICER = 'rx_officer';
const LAW = '行政复议法';

const S6_ACT = { actType: 'PENALTY', actRef: '青城管当罚〔2025〕0707号', respondentAgency: '青溪区城市管理局', actOn: '2025-07-07', knewOn: '2025-07-07', onTheSpot: true, penaltyKind: 'FINE', amount: 200 };
const THROUGH_AGENCY = { appliedOn: '2025-07-21', channel: 'PENALISING_AGENCY', forwardingAgency: '青溪区城市管理局', agencyReceivedOn: '2025-07-21', receivedOn: '2025-07-21', requests: '撤销当场罚款决定', facts: '2025年7月7日在菜市场门口被当场罚款200元', reasons: '未占道经营' };
const WITHDRAWAL = { withdrawnOn: '2025-08-13', afterSettlement: true, facts: '2025年7月7日在菜市场门口被当场罚款200元', reasons: '未占道经营', voluntary: true };

function rxCase(input: Record<string, unknown>, summary = '不服城管当场罚款决定申请行政复议') {
  return { workflow: 'rx', category: 'OTHER', summary, regionCode: '330199', source: 'APPLICATION', parties: [VENDOR, AGENCY], input };
}

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);

async function open(t: TestApp, body: Record<string, unknown>) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(OFFICER))).send(body);
  if (res.status !== 201) throw new Error(`open rx: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function read(t: TestApp, caseId: string) {
  const res = await getCase(t, OFFICER, caseId);
  expect(res.status).toBe(200);
  return res.body;
}
/** Opens S6's act on `openedOn` and walks it through `steps`, each on its own day. */
async function walk(t: TestApp, input: Record<string, unknown>, openedOn: string, steps: [string, string, Record<string, unknown>][]) {
  await setClock(t, at10(openedOn));
  let view = await open(t, rxCase(input));
  for (const [day, type, data] of steps) {
    await setClock(t, at10(day));
    view = await apply(t, OFFICER, view.id, type, data);
  }
  return view;
}
function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}
/** The expiry events the worker sent to the case in one run (deadlines without one are only marked missed). */
const firedFor = async (t: TestApp, caseId: string) => (await runWorker(t)).fired.filter((f) => f.caseId === caseId && f.event);

const ACCEPT_SIMPLE = { acceptedOn: '2025-07-25', procedure: 'SIMPLE' };
const TO_EXAMINATION: [string, string, Record<string, unknown>][] = [
  ['2025-07-21', 'APPLY', THROUGH_AGENCY],
  ['2025-07-25', 'ACCEPT', ACCEPT_SIMPLE],
  ['2025-07-28', 'SERVE_COPY', { servedOn: '2025-07-28' }],
  ['2025-08-01', 'RECORD_ANSWER', { answeredOn: '2025-08-01', evidenceSubmitted: true }],
];

describe.each(TEST_DATABASES)('administrative reconsideration (rx) over HTTP ($name)', (database) => {
  let t: TestApp;
  const ids = { s6: '', s6b: '', s6c: '', settled: '', settledCaseNo: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('scenario S6: an on-the-spot fine resolved by a reconsideration mediation document', () => {
    it('2025-07-07: the act is recorded at the reconsideration office; 复议前置, D-RX1 2025-09-05, no direct-suit period', async () => {
      await setClock(t, at10('2025-07-07'));
      const view = await open(t, rxCase(S6_ACT));
      ids.s6 = view.id;
      expect(view).toMatchObject({ workflow: { id: 'rx', title: '行政复议' }, state: 'eligible', stateLabel: '可申请', assignment: { orgId: 'org-reconsideration' } });
      expect(view.caseNo).toMatch(/行复字第\d+号$/);
      expect(view.deadlines.map((d: any) => d.specId).sort()).toEqual(['D-RX1', 'D-RX3']);
      expect(deadline(view, 'D-RX1')).toMatchObject({ dueOn: '2025-09-05', dayType: 'calendar', legalBasis: `${LAW} 第二十条第一款`, status: 'pending' });
      // Five years from 2025-07-07 is Sunday 2030-07-07: the bar rolls to Monday.
      expect(deadline(view, 'D-RX3')).toMatchObject({ dueOn: '2030-07-08', status: 'pending' });
      expect(eventTypes(view)).toEqual(['APPLY', 'ASSIGN_OFFICER', 'LAPSE', 'RECORD_SUIT']);
    });

    it('refuses a direct administrative suit before the reconsideration decision (复议前置, 第二十三条)', async () => {
      const res = await send(t, OFFICER, ids.s6, 'RECORD_SUIT', { suedOn: '2025-07-10', courtName: '青溪区人民法院' });
      expectRefused(res, 'directSuitAllowed', `${LAW} 第二十三条；行政诉讼法 第四十四条`);
      expect((await read(t, ids.s6)).state).toBe('eligible');
    });

    it('2025-07-21: filed through the penalising agency (第三十二条); review by 2025-07-28 in working days', async () => {
      await setClock(t, at10('2025-07-21'));
      const missing = await send(t, OFFICER, ids.s6, 'APPLY', { ...THROUGH_AGENCY, forwardingAgency: undefined });
      expectRefused(missing, 'agencyForwardingRecorded', `${LAW} 第三十二条`);
      const view = await apply(t, OFFICER, ids.s6, 'APPLY', THROUGH_AGENCY);
      expect(view).toMatchObject({ state: 'review', stateLabel: '受理审查' });
      expect(deadline(view, 'D-RX1')).toMatchObject({ status: 'met' });
      expect(deadline(view, 'D-RX4')).toMatchObject({ dueOn: '2025-07-28', dayType: 'working', legalBasis: `${LAW} 第三十条、第八十八条`, status: 'pending' });
      expect(deadline(view, 'D-RX5')).toMatchObject({ dueOn: '2025-07-28', dayType: 'working', status: 'pending' });
    });

    it('2025-07-25: accepted under the simple procedure; copy by 2025-07-30, decision by 2025-08-25 (08-24 is a Sunday)', async () => {
      await setClock(t, at10('2025-07-25'));
      const view = await apply(t, OFFICER, ids.s6, 'ACCEPT', ACCEPT_SIMPLE);
      expect(view).toMatchObject({ state: 'accepted', stateLabel: '已受理' });
      expect(deadline(view, 'D-RX4')).toMatchObject({ status: 'met' });
      expect(deadline(view, 'D-RX7-S')).toMatchObject({ dueOn: '2025-07-30', dayType: 'working', status: 'pending' });
      expect(deadline(view, 'D-RX11')).toMatchObject({ dueOn: '2025-08-25', dayType: 'calendar', legalBasis: `${LAW} 第六十二条`, status: 'pending' });
      expect(deadline(view, 'D-RX10')).toBeUndefined();
      expect(deadline(view, 'D-RX7')).toBeUndefined();
    });

    it('2025-07-28: the copy is served; the respondent answers by 2025-08-04 (five working days) and does so on 08-01', async () => {
      await setClock(t, at10('2025-07-28'));
      let view = await apply(t, OFFICER, ids.s6, 'SERVE_COPY', { servedOn: '2025-07-28' });
      expect(view.state).toBe('answerPending');
      expect(deadline(view, 'D-RX8-S')).toMatchObject({ dueOn: '2025-08-04', dayType: 'working', status: 'pending' });
      await setClock(t, at10('2025-08-01'));
      view = await apply(t, OFFICER, ids.s6, 'RECORD_ANSWER', { answeredOn: '2025-08-01', evidenceSubmitted: true });
      expect(view).toMatchObject({ state: 'examination', stateLabel: '审理' });
      expect(deadline(view, 'D-RX8-S')).toMatchObject({ status: 'met' });
      expect(deadline(view, 'D-RX11')).toMatchObject({ dueOn: '2025-08-25', status: 'pending' });
    });

    it('2025-08-12 mediation, 08-14 the 调解书 signed by both and sealed: effective, the decision period met (第七十三条)', async () => {
      await setClock(t, at10('2025-08-12'));
      await apply(t, OFFICER, ids.s6, 'START_MEDIATION', { consentedPartyIds: ['P1', 'P2'], note: '城管同意将罚款变更为警告' });
      await setClock(t, at10('2025-08-14'));
      const unsigned = await send(t, OFFICER, ids.s6, 'SIGN_MEDIATION_DOC', { docNo: '青府复调〔2025〕3号', signedPartyIds: ['P1'], organSealed: true });
      expectRefused(unsigned, 'everyPartySignedMediationDoc', `${LAW} 第七十三条`);
      const view = await apply(t, OFFICER, ids.s6, 'SIGN_MEDIATION_DOC', { docNo: '青府复调〔2025〕3号', signedPartyIds: ['P1', 'P2'], organSealed: true, content: '罚款200元变更为警告' });
      expect(view).toMatchObject({ state: 'mediationDoc', stateLabel: '复议调解书生效', availableEvents: [] });
      expect(deadline(view, 'D-RX11')).toMatchObject({ status: 'met' });
      expect((await verifyAudit(t, ids.s6)).ok).toBe(true);
    });
  });

  describe('S6b: no mediation, the fine upheld, the suit window closes', () => {
    it('2025-08-20 upheld, served 08-21: D-RX12 2025-09-05', async () => {
      const view = await walk(t, S6_ACT, '2025-07-07', [...TO_EXAMINATION, ['2025-08-20', 'DECIDE', { decisionNo: '青府复〔2025〕12号', decisionType: 'UPHOLD', decidedOn: '2025-08-20' }]]);
      ids.s6b = view.id;
      expect(view).toMatchObject({ state: 'decided', stateLabel: '复议决定' });
      await setClock(t, at10('2025-08-21'));
      const served = await apply(t, OFFICER, ids.s6b, 'SERVE_DECISION', { servedOn: '2025-08-21' });
      expect(served).toMatchObject({ state: 'litigationWindow', stateLabel: '起诉期' });
      expect(deadline(served, 'D-RX12')).toMatchObject({ dueOn: '2025-09-05', dayType: 'calendar', legalBasis: `行政诉讼法 第四十五条；${LAW} 第三十四条`, status: 'pending' });
    });

    it('2025-09-06: a suit is out of time (行政诉讼法 第四十五条); the worker makes the decision final', async () => {
      await setClock(t, at10('2025-09-06'));
      expectRefused(await send(t, OFFICER, ids.s6b, 'RECORD_SUIT', { suedOn: '2025-09-06', courtName: '青溪区人民法院' }), 'withinSuitWindow', `行政诉讼法 第四十五条；${LAW} 第三十四条`);
      expect(await firedFor(t, ids.s6b)).toEqual([expect.objectContaining({ specId: 'D-RX12', event: 'SUIT_WINDOW_ENDED', outcome: 'fired' })]);
      const view = await read(t, ids.s6b);
      expect(view).toMatchObject({ state: 'effective', stateLabel: '决定生效' });
      expect(eventTypes(view)).toEqual(['ISSUE_OPINION_LETTER', 'RECORD_COMPLIANCE']);
    });
  });

  describe('S6c: the penalty notice is missing, the applicant stays silent', () => {
    it('notice received 2025-07-23: ten working days to 2025-08-06; on 08-07 the application is deemed abandoned', async () => {
      const view = await walk(t, S6_ACT, '2025-07-07', [
        ['2025-07-21', 'APPLY', THROUGH_AGENCY],
        ['2025-07-23', 'REQUEST_SUPPLEMENT', { items: ['当场处罚决定书'], noticeReceivedOn: '2025-07-23' }],
      ]);
      ids.s6c = view.id;
      expect(view).toMatchObject({ state: 'supplementRequested', stateLabel: '补正' });
      expect(deadline(view, 'D-RX5')).toMatchObject({ status: 'met' });
      expect(deadline(view, 'D-RX6')).toMatchObject({ dueOn: '2025-08-06', dayType: 'working', legalBasis: `${LAW} 第三十一条、第八十八条`, status: 'pending' });
      await setClock(t, at10('2025-08-06'));
      expect(await firedFor(t, ids.s6c)).toEqual([]);
      await setClock(t, at10('2025-08-07'));
      expect(await firedFor(t, ids.s6c)).toEqual([expect.objectContaining({ specId: 'D-RX6', event: 'SUPPLEMENT_OVERDUE', outcome: 'fired' })]);
      expect(await read(t, ids.s6c)).toMatchObject({ state: 'abandoned', stateLabel: '视为放弃申请' });
    });
  });

  describe('periods the officer adjusts for good cause', () => {
    it('extends the ten working days to supplement by five for good cause (第三十一条), and pauses the 60 days for force majeure (第二十条)', async () => {
      const view = await walk(t, S6_ACT, '2025-07-07', [
        ['2025-07-21', 'APPLY', THROUGH_AGENCY],
        ['2025-07-23', 'REQUEST_SUPPLEMENT', { items: ['当场处罚决定书'], noticeReceivedOn: '2025-07-23' }],
      ]);
      const d = deadline(view, 'D-RX6');
      const res = await t.http().post(`/api/cases/${view.id}/deadlines/${d.id}/extensions`).set(auth(await t.login(OFFICER))).send({ amount: 5, unit: 'day', reason: '申请人住院，有正当理由', approvedBy: '复议办主任 赵某' });
      expect(res.status).toBe(200);
      expect(deadline(res.body, 'D-RX6')).toMatchObject({ dueOn: '2025-08-13', dayType: 'working', status: 'pending' });

      await setClock(t, at10('2025-07-08'));
      const late = await open(t, rxCase(S6_ACT));
      const window = deadline(late, 'D-RX1');
      const paused = await t.http().post(`/api/cases/${late.id}/deadlines/${window.id}/pauses`).set(auth(await t.login(OFFICER))).send({ from: '2025-07-08', to: '2025-07-17', reason: '台风封路，申请人无法提出申请（不可抗力）' });
      expect(paused.status).toBe(200);
      // 09-05 plus the nine days 07-09..07-17 is Sunday 09-14: the window ends on Monday.
      expect(deadline(paused.body, 'D-RX1')).toMatchObject({ dueOn: '2025-09-15', status: 'pending' });
    });
  });

  describe('deemed acceptance and the decision clock', () => {
    it('no decision by 2025-07-28: deemed accepted that day (第三十条), ordinary procedure, decision by 2025-09-26', async () => {
      const view = await walk(t, { ...S6_ACT, onTheSpot: false, amount: 5000 }, '2025-07-07', [['2025-07-21', 'APPLY', THROUGH_AGENCY]]);
      await setClock(t, at10('2025-07-29'));
      expect(await firedFor(t, view.id)).toEqual([expect.objectContaining({ specId: 'D-RX4', event: 'DEEMED_ACCEPTED', outcome: 'fired' })]);
      const accepted = await read(t, view.id);
      expect(accepted).toMatchObject({ state: 'accepted' });
      expect(deadline(accepted, 'D-RX7')).toMatchObject({ dueOn: '2025-08-06', dayType: 'working', status: 'pending' });
      expect(deadline(accepted, 'D-RX10')).toMatchObject({ dueOn: '2025-09-26', status: 'pending' });
    });

    it('suspension for mediation pauses the decision period; resumption moves it by the days suspended (第三十九条)', async () => {
      const view = await walk(t, S6_ACT, '2025-07-07', TO_EXAMINATION);
      await setClock(t, at10('2025-08-06'));
      const suspended = await apply(t, OFFICER, view.id, 'SUSPEND', { ground: 'MEDIATION_BY_CONSENT', suspendedOn: '2025-08-06' });
      expect(suspended).toMatchObject({ state: 'suspended', stateLabel: '中止' });
      expect(deadline(suspended, 'D-RX14')).toBeUndefined();
      await setClock(t, at10('2025-08-16'));
      const resumed = await apply(t, OFFICER, view.id, 'RESUME', { note: '调解未成' });
      expect(resumed.state).toBe('examination');
      // The raw 30th day, Sunday 08-24, plus the ten days after the suspension up to the resumption (08-07..08-16).
      expect(deadline(resumed, 'D-RX11')).toMatchObject({ dueOn: '2025-09-03', status: 'pending' });
    });

    it('a suspension while the respondent answers stops the answer period too; the 60-day termination clock runs only on a personal ground', async () => {
      const view = await walk(t, S6_ACT, '2025-07-07', TO_EXAMINATION.slice(0, 3));
      await setClock(t, at10('2025-07-29'));
      const suspended = await apply(t, OFFICER, view.id, 'SUSPEND', { ground: 'APPLICANT_INCAPACITATED', suspendedOn: '2025-07-29' });
      expect(deadline(suspended, 'D-RX8-S')).toMatchObject({ status: 'pending' });
      // 第四十一条第五项: sixty days from 07-29 end on Saturday 09-27 and roll to Sunday 09-28, a make-up working day.
      expect(deadline(suspended, 'D-RX14')).toMatchObject({ dueOn: '2025-09-28', legalBasis: `${LAW} 第四十一条第五项`, status: 'pending' });
      await setClock(t, at10('2025-07-31'));
      const resumed = await apply(t, OFFICER, view.id, 'RESUME', { note: '已确定法定代理人' });
      expect(resumed.state).toBe('answerPending');
      expect(deadline(resumed, 'D-RX14')).toMatchObject({ status: 'met' });
      // The days after the suspension up to the resumption (07-30, 07-31) are not counted: 08-04 moves two working days.
      expect(deadline(resumed, 'D-RX8-S')).toMatchObject({ dueOn: '2025-08-06', status: 'pending' });
    });
  });

  describe('routing rules R15–R17 and R7(e)', () => {
    it('R15: a direct suit is open where reconsideration need not come first, and is recorded here, not sent to the civil court', async () => {
      const view = await walk(t, { ...S6_ACT, onTheSpot: false, amount: 5000 }, '2025-07-07', [['2025-07-15', 'RECORD_SUIT', { suedOn: '2025-07-15', courtName: '青溪区人民法院' }]]);
      expect(view).toMatchObject({ state: 'sued', stateLabel: '已提起行政诉讼', links: [] });
      const routes = await t.http().get('/api/routes').set(auth(await t.login(OFFICER)));
      expect(routes.status).toBe(200);
      const list = Array.isArray(routes.body) ? routes.body : routes.body.items;
      // Only its hearing (R21e) leaves rx: nothing goes to the civil court.
      expect(list.filter((r: any) => r.from.workflow === 'rx').map((r: any) => [r.id, r.to.workflow])).toEqual([['R21e', 'hr']]);
    });

    it('R15: no reconsideration once a court has accepted a suit on the act (第二十九条), nor after the 60 days (第二十条)', async () => {
      await setClock(t, at10('2025-07-07'));
      const view = await open(t, rxCase(S6_ACT));
      await setClock(t, at10('2025-07-21'));
      expectRefused(await send(t, OFFICER, view.id, 'APPLY', { ...THROUGH_AGENCY, courtSuitAccepted: true }), 'noSuitAccepted', `${LAW} 第二十九条`);
      await setClock(t, at10('2025-09-08'));
      expectRefused(await send(t, OFFICER, view.id, 'APPLY', { ...THROUGH_AGENCY, appliedOn: '2025-09-08' }), 'withinApplicationPeriod', `${LAW} 第二十条、第二十一条`);
      expect((await read(t, view.id)).state).toBe('eligible');
    });

    it('R16: an agency’s mediation of a civil dispute is refused with 第十二条第四项, pointing to the civil court; a penalty is taken', async () => {
      await setClock(t, at10('2025-07-07'));
      const mediated = await open(t, rxCase({ actType: 'CIVIL_DISPUTE_MEDIATION', respondentAgency: '青溪区市场监督管理局', actOn: '2025-07-01', knewOn: '2025-07-01' }, '不服市场监管局对消费纠纷的调解'));
      const res = await send(t, OFFICER, mediated.id, 'APPLY', { appliedOn: '2025-07-07', channel: 'ORGAN_WRITTEN', requests: '撤销调解' });
      expectRefused(res, 'reviewableAct', `${LAW} 第十二条第四项`);
      expect(res.body.violations[0].message).toContain('民事诉讼');
      expect(await apply(t, OFFICER, ids.s6b, 'RECORD_COMPLIANCE', { reportedOn: '2025-09-08' })).toMatchObject({ state: 'performed' });
    });

    it('R17: a settlement ends in withdrawal with its facts and reasons; a new application on them is refused (第七十四条)', async () => {
      const settled = await walk(t, S6_ACT, '2025-07-07', [...TO_EXAMINATION, ['2025-08-12', 'START_MEDIATION', { consentedPartyIds: ['P1', 'P2'] }], ['2025-08-13', 'WITHDRAW', WITHDRAWAL]]);
      expect(settled).toMatchObject({ state: 'withdrawn', stateLabel: '撤回终止', availableEvents: [] });
      const history = await t.http().get(`/api/cases/${settled.id}/history`).set(auth(await t.login(OFFICER)));
      expect(history.body.at(-1)).toMatchObject({ type: 'WITHDRAW', data: expect.objectContaining({ facts: WITHDRAWAL.facts, reasons: WITHDRAWAL.reasons, afterSettlement: true }) });

      await setClock(t, at10('2025-08-20'));
      const again = await open(t, rxCase(S6_ACT));
      const earlier = { caseNo: settled.caseNo, withdrawnOn: '2025-08-13', sameFactsAndReasons: true };
      expectRefused(await send(t, OFFICER, again.id, 'APPLY', { ...THROUGH_AGENCY, appliedOn: '2025-08-20', receivedOn: '2025-08-20', earlierApplication: earlier }), 'notRefiledAfterWithdrawal', `${LAW} 第七十四条`);
      const involuntary = await apply(t, OFFICER, again.id, 'APPLY', { ...THROUGH_AGENCY, appliedOn: '2025-08-20', receivedOn: '2025-08-20', earlierApplication: { ...earlier, withdrawalInvoluntary: true } });
      expect(involuntary.state).toBe('review');
    });

    it('a bad application is a 400 naming the field', async () => {
      await setClock(t, at10('2025-07-07'));
      const view = await open(t, rxCase(S6_ACT));
      const res = await send(t, OFFICER, view.id, 'APPLY', { ...THROUGH_AGENCY, channel: 'FAX' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('channel');
    });
  });

  describe('working-day periods across the 2026 holidays', () => {
    it('Spring Festival: received Thu 2026-02-12, review ends 2026-02-26 (02-14 is a make-up working day, 02-15..23 a holiday)', async () => {
      await setClock(t, at10('2026-02-10'));
      const view = await open(t, rxCase({ ...S6_ACT, actRef: '青城管当罚〔2026〕0210号', actOn: '2026-02-10', knewOn: '2026-02-10' }));
      await setClock(t, at10('2026-02-12'));
      const review = await apply(t, OFFICER, view.id, 'APPLY', { ...THROUGH_AGENCY, appliedOn: '2026-02-12', agencyReceivedOn: '2026-02-12', receivedOn: '2026-02-12' });
      expect(deadline(review, 'D-RX4')).toMatchObject({ dueOn: '2026-02-26', dayType: 'working' });
      await setClock(t, at10('2026-02-13'));
      const notice = await apply(t, OFFICER, view.id, 'REQUEST_SUPPLEMENT', { items: ['身份证明'], noticeReceivedOn: '2026-02-13' });
      // 02-14, 02-24..27, Saturday 02-28 (make-up), 03-02..05: the tenth working day.
      expect(deadline(notice, 'D-RX6')).toMatchObject({ dueOn: '2026-03-05', dayType: 'working' });
    });

    it('National Day: accepted Mon 2026-09-28, copy within seven working days ends 2026-10-13 (10-10 is a make-up working day)', async () => {
      await setClock(t, at10('2026-09-20'));
      const view = await open(t, rxCase({ ...S6_ACT, onTheSpot: false, amount: 5000, actRef: '青城管罚〔2026〕0920号', actOn: '2026-09-20', knewOn: '2026-09-20' }));
      await setClock(t, at10('2026-09-24'));
      await apply(t, OFFICER, view.id, 'APPLY', { ...THROUGH_AGENCY, channel: 'ORGAN_WRITTEN', appliedOn: '2026-09-24', receivedOn: '2026-09-24' });
      await setClock(t, at10('2026-09-28'));
      const accepted = await apply(t, OFFICER, view.id, 'ACCEPT', { acceptedOn: '2026-09-28', procedure: 'ORDINARY' });
      expect(deadline(accepted, 'D-RX7')).toMatchObject({ dueOn: '2026-10-13', dayType: 'working' });
      expect(deadline(accepted, 'D-RX10')).toMatchObject({ dueOn: '2026-11-27', dayType: 'calendar' });
      await setClock(t, at10('2026-09-30'));
      const served = await apply(t, OFFICER, view.id, 'SERVE_COPY', { servedOn: '2026-09-30' });
      // 10-08, 10-09, Saturday 10-10, 10-12..16, 10-19, 10-20: ten working days after the holiday week.
      expect(deadline(served, 'D-RX8')).toMatchObject({ dueOn: '2026-10-20', dayType: 'working' });
    });
  });
});
