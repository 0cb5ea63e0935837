import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { RIGHTS_NOTICE, apply, auth, eventTypes, eventually, getCase, history, idNumber, send, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * A labour dispute through four channels, over HTTP only and on the test clock, on the dates of scenario S2 of the
 * domain specification, appendix (d), with the law of §4 (劳动争议调解仲裁法) and the deadline table (b):
 *
 *   劳动争议调解 (lm, 枫桥镇) —R12→ 劳动仲裁 (lab, 区仲裁委) —R10→ 诉讼 (ct, 区法院) —R8→ 委托调解 (pm, 区调解中心)
 *
 * - 2025-03-10 the worker applies for mediation: D-LB1 ends 2025-03-25 (15 days, 第十四条); no agreement.
 * - 2025-03-26 arbitration: D-LB4 2025-03-31 (5 calendar days, 第二十九条), or 2025-04-02 in working days when the
 *   legal policy says so (办案规则, spec [U]). Accepted 03-28: D-LB7 2025-05-12 (45 days, 第四十三条), D-LB5 service
 *   and tribunal notice 2025-04-02, the respondent served 03-31 answers by 2025-04-10 (第三十条、第三十二条).
 * - Hearing noticed 04-14 for 04-22 (at least five days ahead, 第三十五条); the mandatory mediation fails (第四十二条).
 * - 05-09 award: wages 18,000 and economic compensation 42,000 against twelve months of a 2,000 minimum wage (24,000),
 *   each item tested on its own: one is above, so the award is non-final (第四十七条; 解释一 第十九条、第二十条).
 *   Served 05-12: D-LB12 2025-05-27 (第五十条).
 * - 05-20 the employer sues (R10): D-CT1 2025-05-27 (民诉法 第一百二十六条); the award does not take effect (解释一
 *   第十六条). Registered 05-22 (民初, simple procedure): D-CT5 2025-08-22 (three months, 第一百六十四条).
 * - Entrusted mediation (R8) with consent; the mediator signs 05-23: D-CT2 (simple) 2025-05-30 (2025 意见 三). The
 *   employer refuses an extension, the mediation fails on 05-30; fee notice 06-03: D-CT4 2025-06-10; paid 06-05.
 * - Judgment 07-15, served 07-16: D-CT7 2025-07-31 (fifteen days, 第一百七十一条); no appeal, final 08-01; performance
 *   within ten days of effect, by 2025-08-11, so the two-year enforcement period D-EX1 ends 2027-08-11 (民诉法
 *   第二百五十条: from the last day of the performance period).
 *
 * S2b (a final award, wages only) and a labour complaint sent straight to the court (劳动争议调解仲裁法 第五条) follow.
 */

const WORKER = { role: 'APPLICANT', name: '王小明', idNumber: idNumber('33019919920615321'), phone: '13700001111' };
const EMPLOYER = { role: 'RESPONDENT', name: '青溪精工机械有限公司', phone: '13900002222' };
/** P1 is the worker, P2 the employer (party ids are given in order). */
const W = 'P1';
const E = 'P2';

/** 枫桥镇: the township whose mediation committee has the labour-mediation function in the demo jurisdiction. */
const TOWNSHIP = '330199101';

const LIMITATION_FACTS = { workerPartyIds: [W], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28' };

function labourCase(workflow: 'lm' | 'lab' | 'ct', input: Record<string, unknown>) {
  return {
    workflow,
    category: 'LABOUR',
    summary: '追索劳动报酬及解除劳动合同经济补偿：2025年2月28日被用人单位解除劳动合同',
    regionCode: TOWNSHIP,
    source: 'APPLICATION',
    parties: [WORKER, EMPLOYER],
    input,
  };
}

const S2_ITEMS = [
  { kind: 'WAGES', amount: 18000, description: '支付2024年9月至2025年2月拖欠工资18000元' },
  { kind: 'SEVERANCE', amount: 42000, description: '支付解除劳动合同经济补偿42000元' },
];
const S2B_ITEMS = [S2_ITEMS[0]];

const ART = {
  LB1: '劳动争议调解仲裁法 第十四条',
  LB4: '劳动争议调解仲裁法 第二十九条',
  LB5: '劳动争议调解仲裁法 第三十条、第三十二条',
  LB5_ANSWER: '劳动争议调解仲裁法 第三十条',
  LB7: '劳动争议调解仲裁法 第四十三条；劳动人事争议仲裁办案规则 第四十六条',
  HEARING_NOTICE: '劳动争议调解仲裁法 第三十五条',
  LB9: '劳动争议调解仲裁法 第四十八条',
  LB10: '劳动争议调解仲裁法 第四十九条',
  LB12: '劳动争议调解仲裁法 第五十条',
  CT1: '民事诉讼法 第一百二十六条',
  EX1: '民事诉讼法 第二百五十条',
};

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const specIds = (view: any) => view.deadlines.map((d: any) => d.specId).sort();

async function open(t: TestApp, username: string, body: Record<string, unknown>) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(username))).send(body);
  if (res.status !== 201) throw new Error(`open ${String(body.workflow)} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function inbox(t: TestApp, username: string) {
  const res = await t.http().get('/api/inbox').set(auth(await t.login(username)));
  expect(res.status).toBe(200);
  return res.body.items as any[];
}

async function read(t: TestApp, username: string, caseId: string) {
  const res = await getCase(t, username, caseId);
  expect(res.status).toBe(200);
  return res.body;
}

/** Waits until the case has moved on to `state` (a report delivered through the outbox after the sender's commit). */
async function reaches(t: TestApp, username: string, caseId: string, state: string) {
  const view = await eventually(
    () => read(t, username, caseId),
    (c) => c.state === state,
  );
  expect(view.state).toBe(state);
  return view;
}

/** The refusal of an event: 409 with the named precondition and its legal basis. */
function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string | RegExp) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis: typeof legalBasis === 'string' ? legalBasis : expect.stringMatching(legalBasis) })]);
}

const arbitration = { acceptedOn: '2025-03-28' };
const service = (arbitratorId: string) => ({ respondentServedOn: '2025-03-31', arbitratorId, tribunal: 'SOLE', tribunalNotifiedOn: '2025-03-31' });
const hearingNotice = (hearingOn: string) => ({ hearingOn, venue: '青溪区劳动人事争议仲裁院第一仲裁庭' });
const award = (items: unknown[]) => ({ awardNo: '青劳人仲案字〔2025〕第18号', awardedOn: '2025-05-09', monthlyMinimumWage: 2000, items });
const awardService = { workerReceivedOn: '2025-05-12', employerReceivedOn: '2025-05-12' };

describe.each(TEST_DATABASES)('labour dispute S2: mediation → arbitration → litigation → entrusted mediation ($name)', (database) => {
  let t: TestApp;
  const ids: { lm: string; lab: string; ct: string; pm: string; dispute: string } = { lm: '', lab: '', ct: '', pm: '', dispute: '' };
  const userId = async (username: string) => (await t.loginUser(username)).user.id;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('劳动争议调解 at 枫桥镇 (lm)', () => {
    it('2025-03-10: the worker applies; D-LB1 ends 2025-03-25', async () => {
      await setClock(t, at10('2025-03-10'));
      const view = await open(t, 'fq_mediator', labourCase('lm', { receivedOn: '2025-03-10', ...LIMITATION_FACTS }));
      ids.lm = view.id;
      ids.dispute = view.disputeCode;
      expect(view).toMatchObject({
        workflow: { id: 'lm', title: '劳动争议调解' },
        state: 'applied',
        stateLabel: '已申请调解',
        category: 'LABOUR',
        categoryLabel: '劳动争议',
        assignment: { orgId: 'org-fengqiao', orgName: '枫桥镇人民调解委员会' },
        origin: null,
      });
      expect(view.caseNo).toMatch(/劳调字第\d+号$/);
      expect(view.parties.map((p: any) => [p.id, p.name])).toEqual([
        [W, WORKER.name],
        [E, EMPLOYER.name],
      ]);
      expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-LB1', dueOn: '2025-03-25', dayType: 'calendar', period: { amount: 15, unit: 'day' }, legalBasis: ART.LB1, status: 'pending' })]);
      expect(eventTypes(view)).toEqual(['ACCEPT_APPLICATION', 'APPLY_ARBITRATION', 'DECLINE']);
    });

    it('2025-03-11: the committee accepts and assigns a mediator; D-LB1 keeps running', async () => {
      await setClock(t, at10('2025-03-11'));
      const mediatorId = await userId('fq_mediator');
      const view = await apply(t, 'fq_director', ids.lm, 'ACCEPT_APPLICATION', { mediatorId, workerPartyIds: [W] });
      expect(view).toMatchObject({ state: 'mediating', assignment: { assigneeId: mediatorId } });
      expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-LB1', dueOn: '2025-03-25', status: 'pending' })]);
    });

    it('2025-03-20: arbitration is not open while mediation runs inside its fifteen days (第十四条)', async () => {
      await setClock(t, at10('2025-03-20'));
      await apply(t, 'fq_mediator', ids.lm, 'RECORD_SESSION', { heldOn: '2025-03-20', summary: '用人单位仅同意支付工资，不同意支付经济补偿' });
      const early = await send(t, 'fq_mediator', ids.lm, 'APPLY_ARBITRATION', { commissionOrgId: 'org-labour-arbitration', applicantPartyIds: [W] });
      expectRefused(early, 'arbitrationOpen', '劳动争议调解仲裁法 第十四条、第十五条');
      expect((await read(t, 'fq_mediator', ids.lm)).state).toBe('mediating');
    });

    it('2025-03-25: no agreement, the mediation fails', async () => {
      await setClock(t, at10('2025-03-25'));
      const view = await apply(t, 'fq_mediator', ids.lm, 'FAIL', { reason: 'NO_AGREEMENT', explanation: '双方对经济补偿数额分歧较大' });
      expect(view).toMatchObject({ state: 'failed', stateLabel: '调解不成' });
      // Mediation ended before the period did: only an agreement meets D-LB1, so it is closed as cancelled.
      expect(deadline(view, 'D-LB1')).toMatchObject({ dueOn: '2025-03-25', status: 'cancelled' });
      expect(eventTypes(view)).toEqual(['APPLY_ARBITRATION', 'CLOSE']);
    });
  });

  describe('劳动人事争议仲裁 at the district commission (lab)', () => {
    it('2025-03-26: the worker applies for arbitration (R12); a lab case waits in the commission’s inbox, D-LB4 2025-03-31', async () => {
      await setClock(t, at10('2025-03-26'));
      const lm = await apply(t, 'fq_mediator', ids.lm, 'APPLY_ARBITRATION', { commissionOrgId: 'org-labour-arbitration', applicantPartyIds: [W], note: '调解不成，申请仲裁' });
      expect(lm).toMatchObject({ state: 'arbitrationApplied', disputeCode: ids.dispute, availableEvents: [] });
      expect(lm.links).toEqual([expect.objectContaining({ relation: 'lab', direction: 'TO', workflowId: 'lab', orgId: 'org-labour-arbitration', orgName: '青溪区劳动人事争议仲裁委员会', route: 'R12' })]);
      ids.lab = lm.links[0].caseId;

      const entry = (await inbox(t, 'arbitrator')).find((i) => i.id === ids.lab);
      expect(entry).toMatchObject({
        workflow: { id: 'lab' },
        state: 'arb.acceptanceReview',
        stateLabel: '仲裁程序 · 受理审查',
        route: { id: 'R12' },
        disputeCode: ids.dispute,
        from: { orgId: 'org-fengqiao', orgName: '枫桥镇人民调解委员会', caseId: ids.lm },
        sentAt: new Date(at10('2025-03-26')).toISOString(),
        acceptanceDeadline: { specId: 'D-LB4', dueOn: '2025-03-31', legalBasis: ART.LB4, overdue: false },
      });
      expect((await inbox(t, 'fq_mediator')).map((i) => i.id)).not.toContain(ids.lab);
      expect((await inbox(t, 'court_clerk')).map((i) => i.id)).not.toContain(ids.lab);

      const lab = await read(t, 'arbitrator', ids.lab);
      expect(lab).toMatchObject({
        workflow: { id: 'lab', title: '劳动人事争议仲裁' },
        state: 'arb.acceptanceReview',
        category: 'LABOUR',
        disputeCode: ids.dispute,
        origin: { orgId: 'org-fengqiao', caseId: ids.lm },
        transfer: { route: 'R12', status: 'SENT' },
        personalDataMasked: false,
      });
      expect(lab.caseNo).toMatch(/劳人仲案字第\d+号$/);
      // Calendar days by default: the working-day variant is not created.
      expect(lab.deadlines).toEqual([expect.objectContaining({ specId: 'D-LB4', dueOn: '2025-03-31', dayType: 'calendar', status: 'pending' })]);
      expect(lab.transfer.dossier.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['RECORD_SESSION', 'FAIL']));
    });

    it('2025-03-28: the arbitrator accepts: D-LB7 2025-05-12, D-LB5 2025-04-02; the mediation case hears ARBITRATION_ACCEPTED', async () => {
      await setClock(t, at10('2025-03-28'));
      const lab = await apply(t, 'arbitrator', ids.lab, 'ACCEPT', arbitration);
      expect(lab).toMatchObject({ state: 'arb.accepted', stateLabel: '仲裁程序 · 已受理', transfer: { status: 'ACCEPTED' } });
      expect(deadline(lab, 'D-LB4')).toMatchObject({ status: 'met' });
      expect(deadline(lab, 'D-LB7')).toMatchObject({ dueOn: '2025-05-12', period: { amount: 45, unit: 'day' }, legalBasis: ART.LB7, status: 'pending' });
      expect(deadline(lab, 'D-LB5')).toMatchObject({ dueOn: '2025-04-02', legalBasis: ART.LB5, status: 'pending', soft: true });
      expect((await inbox(t, 'arbitrator')).map((i) => i.id)).not.toContain(ids.lab);

      const lm = await reaches(t, 'fq_mediator', ids.lm, 'arbitration');
      expect(lm).toMatchObject({ stateLabel: '已转入劳动仲裁', closed: true });
      expect((await history(t, 'fq_mediator', ids.lm)).pop()).toMatchObject({
        type: 'ARBITRATION_ACCEPTED',
        from: 'arbitrationApplied',
        to: 'arbitration',
        data: { outcome: 'SIGNED_FOR', sourceCaseId: ids.lab, reportedOn: '2025-03-28' },
      });
    });

    it('2025-03-31: the application is served on the employer, who answers by 2025-04-10', async () => {
      await setClock(t, at10('2025-03-31'));
      const lab = await apply(t, 'arbitrator', ids.lab, 'SERVE_NOTICES', service(await userId('arbitrator')));
      expect(lab).toMatchObject({ state: 'arb.served', assignment: { assigneeId: await userId('arbitrator') } });
      expect(deadline(lab, 'D-LB5')).toMatchObject({ dueOn: '2025-04-02', status: 'met' });
      expect(deadline(lab, 'D-LB5-ANSWER')).toMatchObject({ dueOn: '2025-04-10', legalBasis: ART.LB5_ANSWER, status: 'pending' });
      expect(deadline(lab, 'D-LB7')).toMatchObject({ dueOn: '2025-05-12', status: 'pending' });
    });

    it('2025-04-14: a hearing notice less than five days ahead is refused; the notice for 2025-04-22 is given', async () => {
      await setClock(t, at10('2025-04-14'));
      expectRefused(await send(t, 'arbitrator', ids.lab, 'NOTICE_HEARING', hearingNotice('2025-04-18')), 'hearingNoticeInTime', ART.HEARING_NOTICE);
      const lab = await apply(t, 'arbitrator', ids.lab, 'NOTICE_HEARING', hearingNotice('2025-04-22'));
      expect(lab.state).toBe('arb.hearingNoticed');
      // Not before the notified day.
      expectRefused(await send(t, 'arbitrator', ids.lab, 'HOLD_HEARING', { summary: '开庭' }), 'hearingDateReached', ART.HEARING_NOTICE);
    });

    it('2025-04-22: the hearing opens with the mandatory mediation, which fails', async () => {
      await setClock(t, at10('2025-04-22'));
      // No award before the tribunal has tried to mediate (第四十二条).
      let lab = await apply(t, 'arbitrator', ids.lab, 'HOLD_HEARING', { summary: '双方到庭，举证质证' });
      expect(lab.state).toBe('arb.mediation');
      expect(eventTypes(lab)).not.toContain('AWARD');
      lab = await apply(t, 'arbitrator', ids.lab, 'MEDIATION_FAILED', { outcome: 'NO_AGREEMENT', note: '用人单位不同意支付经济补偿' });
      expect(lab).toMatchObject({ state: 'arb.deliberation', stateLabel: '仲裁程序 · 调解不成待裁决' });
      expect(deadline(lab, 'D-LB7')).toMatchObject({ dueOn: '2025-05-12', status: 'pending' });
    });

    it('2025-05-09: the award of wages 18,000 and compensation 42,000 is non-final: the 42,000 item alone exceeds 24,000', async () => {
      await setClock(t, at10('2025-05-09'));
      const lab = await apply(t, 'arbitrator', ids.lab, 'AWARD', award(S2_ITEMS));
      expect(lab).toMatchObject({ state: 'arb.awardNonFinal', stateLabel: '仲裁程序 · 非终局裁决' });
      expect(deadline(lab, 'D-LB7')).toMatchObject({ dueOn: '2025-05-12', status: 'met' });
      expect((await history(t, 'arbitrator', ids.lab)).pop()).toMatchObject({ type: 'AWARD', from: 'arb.deliberation', to: 'arb.awardNonFinal', data: { items: S2_ITEMS, monthlyMinimumWage: 2000 } });
    });

    it('2025-05-12: served on both parties: either may sue until 2025-05-27 (D-LB12)', async () => {
      await setClock(t, at10('2025-05-12'));
      const lab = await apply(t, 'arbitrator', ids.lab, 'SERVE_AWARD', awardService);
      expect(lab).toMatchObject({ state: 'post.partySuit', stateLabel: '裁决后救济期间 · 非终局裁决起诉期' });
      expect(deadline(lab, 'D-LB12')).toMatchObject({ dueOn: '2025-05-27', legalBasis: ART.LB12, status: 'pending' });
      expect(lab.deadlines.map((d: any) => d.specId)).not.toContain('D-LB9');
      expect(lab.deadlines.map((d: any) => d.specId)).not.toContain('D-LB10');
      expect(eventTypes(lab)).toEqual(['FILE_SUIT']);
    });

    it('2025-05-20: the employer sues at the basic court (R10): a ct case in the court’s inbox with D-CT1 2025-05-27; the award does not take effect', async () => {
      await setClock(t, at10('2025-05-20'));
      const lab = await apply(t, 'arbitrator', ids.lab, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [E], note: '用人单位不服仲裁裁决起诉' });
      expect(lab).toMatchObject({ state: 'suitFiled', stateLabel: '已起诉待法院受理' });
      expect(deadline(lab, 'D-LB12')).toMatchObject({ status: 'met' });
      // 解释一 第十六条: nothing makes the award effective or enforceable any more; only the court's answer moves the case.
      expect(eventTypes(lab)).toEqual([]);
      expect(lab.deadlines.map((d: any) => d.specId)).not.toContain('D-EX1');
      const link = lab.links.find((l: any) => l.direction === 'TO');
      expect(link).toMatchObject({ relation: 'ct', workflowId: 'ct', orgId: 'org-court', route: 'R10' });
      ids.ct = link.caseId;

      const entry = (await inbox(t, 'court_clerk')).find((i) => i.id === ids.ct);
      expect(entry).toMatchObject({
        workflow: { id: 'ct' },
        state: 'complaintSubmitted',
        route: { id: 'R10' },
        disputeCode: ids.dispute,
        from: { orgId: 'org-labour-arbitration', caseId: ids.lab },
        acceptanceDeadline: { specId: 'D-CT1', dueOn: '2025-05-27', legalBasis: ART.CT1, overdue: false },
      });
      const ct = await read(t, 'court_clerk', ids.ct);
      expect(ct).toMatchObject({ state: 'complaintSubmitted', category: 'LABOUR', disputeCode: ids.dispute, transfer: { route: 'R10', status: 'SENT' } });
      expect(ct.transfer.dossier.context).toMatchObject({ awardType: 'NON_FINAL', suitBasis: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER', awardedOn: '2025-05-09' });
      expect(ct.transfer.dossier.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['AWARD', 'SERVE_AWARD']));
      expect(ct.transfer.dossier.events.find((e: any) => e.type === 'AWARD').data).toMatchObject({ items: S2_ITEMS, monthlyMinimumWage: 2000 });
      expect(ct.deadlines).toEqual([expect.objectContaining({ specId: 'D-CT1', dueOn: '2025-05-27', status: 'pending' })]);
    });
  });

  describe('诉讼 at the district court (ct) and 委托调解 at the district centre (pm)', () => {
    it('each receiver’s dossier quotes the event that sent the dispute (APPLY_ARBITRATION, FILE_SUIT)', async () => {
      const lab = await read(t, 'arbitrator', ids.lab);
      expect(lab.transfer.dossier.events.map((e: any) => e.type)).toEqual(['RECORD_SESSION', 'FAIL', 'APPLY_ARBITRATION']);
      const ct = await read(t, 'court_clerk', ids.ct);
      expect(ct.transfer.dossier.events.map((e: any) => e.type)).toEqual(['AWARD', 'SERVE_AWARD', 'FILE_SUIT']);
    });

    it('2025-05-22: registered under a 民初 number, simple procedure: D-CT5 2025-08-22; the lab case hears SUIT_REGISTERED and is in litigation', async () => {
      await setClock(t, at10('2025-05-22'));
      const ct = await apply(t, 'court_clerk', ids.ct, 'REGISTER', { docketNo: '（2025）浙0199民初1808号', registeredOn: '2025-05-22', procedure: 'SIMPLE' });
      expect(ct).toMatchObject({ state: 'registered', stateLabel: '已立案（民初）', transfer: { status: 'ACCEPTED' } });
      expect(ct.caseNo).toMatch(/民初字第\d+号$/);
      expect(deadline(ct, 'D-CT1')).toMatchObject({ status: 'met' });
      expect(deadline(ct, 'D-CT5')).toMatchObject({ dueOn: '2025-08-22', period: { amount: 3, unit: 'month' }, status: 'pending' });
      expect(specIds(ct)).not.toContain('D-CT6');

      const lab = await reaches(t, 'arbitrator', ids.lab, 'litigation');
      expect(lab).toMatchObject({ stateLabel: '已转入诉讼', closed: true });
      expect((await history(t, 'arbitrator', ids.lab)).pop()).toMatchObject({ type: 'SUIT_REGISTERED', from: 'suitFiled', to: 'litigation', data: { outcome: 'SIGNED_FOR', sourceCaseId: ids.ct } });
    });

    it('2025-05-22: both parties consent and the court entrusts the mediation to the district centre (R8)', async () => {
      let ct = await apply(t, 'court_clerk', ids.ct, 'SEEK_MEDIATION_CONSENT', { note: '征询双方是否同意委托调解' });
      expect(ct.state).toBe('mediationConsent');
      ct = await apply(t, 'court_clerk', ids.ct, 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: [W, E], consentedOn: '2025-05-22', method: 'WRITTEN' });
      expect(ct.state).toBe('entrustment.consented');
      ct = await apply(t, 'court_clerk', ids.ct, 'ENTRUST_MEDIATION', { mediationOrgId: 'org-district-centre', entrustedOn: '2025-05-22', note: '劳动争议委托调解' });
      expect(ct).toMatchObject({ state: 'entrustment.awaitingReceipt' });
      const link = ct.links.find((l: any) => l.direction === 'TO');
      expect(link).toMatchObject({ relation: 'pm', workflowId: 'pm', orgId: 'org-district-centre', route: 'R8' });
      ids.pm = link.caseId;

      const entry = (await inbox(t, 'qx_mediator')).find((i) => i.id === ids.pm);
      expect(entry).toMatchObject({ workflow: { id: 'pm' }, state: 'entrustmentReceived', route: { id: 'R8' }, disputeCode: ids.dispute, from: { orgId: 'org-court', caseId: ids.ct } });
      const pm = await read(t, 'qx_mediator', ids.pm);
      expect(pm).toMatchObject({ state: 'entrustmentReceived', category: 'LABOUR', disputeCode: ids.dispute, transfer: { route: 'R8', status: 'SENT' } });
      expect(pm.transfer.dossier.context).toMatchObject({ procedure: 'SIMPLE', registeredOn: '2025-05-22', mediationConsentedOn: '2025-05-22' });
    });

    it('2025-05-23: the mediator signs for the materials: the court case is entrusted, D-CT2 (simple, 7 days) 2025-05-30', async () => {
      await setClock(t, at10('2025-05-23'));
      const pm = await apply(t, 'qx_mediator', ids.pm, 'SIGN_FOR', { note: '材料已签收' });
      expect(pm).toMatchObject({ state: 'consentPending', transfer: { status: 'ACCEPTED' } });
      const ct = await reaches(t, 'court_clerk', ids.ct, 'entrusted.mediating');
      expect(deadline(ct, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-05-30', period: { amount: 7, unit: 'day' }, status: 'pending' });
      expect(specIds(ct)).not.toContain('D-CT2-ORDINARY');
      expect(deadline(ct, 'D-CT5')).toMatchObject({ dueOn: '2025-08-22', status: 'pending' });

      const mediatorId = await userId('qx_mediator');
      await apply(t, 'qx_director', ids.pm, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: [W, E], selectedBy: 'COMMITTEE' });
      expect((await apply(t, 'qx_mediator', ids.pm, 'START_MEDIATION', { startedOn: '2025-05-23', mode: 'ON_SITE' })).state).toBe('mediating');
    });

    it('2025-05-30: the employer does not agree to extend, the mediation fails: the court case waits for the fee', async () => {
      await setClock(t, at10('2025-05-30'));
      // An extension needs both parties (2025 意见 三): the worker alone cannot have it.
      expectRefused(await send(t, 'court_clerk', ids.ct, 'EXTEND_MEDIATION', { consentedPartyIds: [W], agreedOn: '2025-05-30' }), 'allPartiesConsentToExtension', /特邀调解的规定 第二十七条/);
      const pm = await apply(t, 'qx_mediator', ids.pm, 'TERMINATE_FAILED', { reason: '用人单位不同意延长调解期限，调解不成', rightsNotice: RIGHTS_NOTICE('2025-05-30') });
      expect(pm).toMatchObject({ state: 'terminatedFailed', closed: true });
      const ct = await reaches(t, 'court_clerk', ids.ct, 'feePending.toNotify');
      expect(deadline(ct, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-05-30', status: 'met' });
      expect((await history(t, 'court_clerk', ids.ct)).pop()).toMatchObject({ type: 'MEDIATION_FAILED', from: 'entrusted.mediating', to: 'feePending.toNotify', data: { outcome: 'FAILED', sourceCaseId: ids.pm } });
    });

    it('2025-06-03: the fee notice: D-CT4 2025-06-10; paid 2025-06-05: trial under the simple procedure', async () => {
      await setClock(t, at10('2025-06-03'));
      let ct = await apply(t, 'court_clerk', ids.ct, 'NOTIFY_FEE', { amount: 400, noticeReceivedOn: '2025-06-03' });
      expect(ct.state).toBe('feePending.noticed');
      expect(deadline(ct, 'D-CT4')).toMatchObject({ dueOn: '2025-06-10', period: { amount: 7, unit: 'day' }, status: 'pending' });
      await setClock(t, at10('2025-06-05'));
      ct = await apply(t, 'court_clerk', ids.ct, 'PAY_FEE', { paidOn: '2025-06-05', amount: 400 });
      expect(ct).toMatchObject({ state: 'trial.simple', stateLabel: '一审审理 · 简易程序审理' });
      expect(deadline(ct, 'D-CT4')).toMatchObject({ status: 'met' });
      expect(deadline(ct, 'D-CT5')).toMatchObject({ dueOn: '2025-08-22', status: 'pending' });
    });

    it('2025-07-15: judgment for the worker; served 2025-07-16: the appeal window D-CT7 ends 2025-07-31', async () => {
      await setClock(t, at10('2025-07-15'));
      let ct = await apply(t, 'judge', ids.ct, 'JUDGE', { judgmentNo: '（2025）浙0199民初1808号', judgedOn: '2025-07-15', result: 'SUPPORTED', performanceDays: 10 });
      expect(ct.state).toBe('judgmentServed');
      expect(deadline(ct, 'D-CT5')).toMatchObject({ status: 'met' });
      await setClock(t, at10('2025-07-16'));
      ct = await apply(t, 'court_clerk', ids.ct, 'SERVE_JUDGMENT', { servedOn: '2025-07-16' });
      expect(ct.state).toBe('appealWindow');
      expect(deadline(ct, 'D-CT7')).toMatchObject({ dueOn: '2025-07-31', period: { amount: 15, unit: 'day' }, status: 'pending' });
    });

    it('no appeal: on 2025-08-01 the worker fires APPEAL_PERIOD_ENDED; the judgment is final, performance due 2025-08-11, D-EX1 2027-08-11', async () => {
      await setClock(t, at10('2025-07-31'));
      expect((await runWorker(t)).fired.filter((f) => f.caseId === ids.ct)).toEqual([]);
      expect((await read(t, 'court_clerk', ids.ct)).state).toBe('appealWindow');

      await setClock(t, at10('2025-08-01'));
      const report = await runWorker(t);
      expect(report.fired.filter((f) => f.caseId === ids.ct)).toEqual([expect.objectContaining({ specId: 'D-CT7', event: 'APPEAL_PERIOD_ENDED', outcome: 'fired' })]);
      const ct = await read(t, 'court_clerk', ids.ct);
      expect(ct).toMatchObject({ state: 'final', stateLabel: '裁判生效' });
      expect(deadline(ct, 'D-EX1')).toMatchObject({ dueOn: '2027-08-11', period: { amount: 2, unit: 'year' }, legalBasis: ART.EX1, status: 'pending' });
      // Six months from 2025-08-01 is Sunday 2026-02-01: the retrial period rolls forward to Monday (民法典 第二百零三条).
      expect(deadline(ct, 'D-CT9')).toMatchObject({ dueOn: '2026-02-02', status: 'pending' });
      expect((await history(t, 'court_clerk', ids.ct)).pop()).toMatchObject({ type: 'APPEAL_PERIOD_ENDED', from: 'appealWindow', to: 'final', actor: expect.objectContaining({ role: 'SYSTEM' }) });
      expect(eventTypes(ct)).toEqual(['APPLY_ENFORCEMENT', 'RECORD_PERFORMED']);

      // The award never took effect: the arbitration case stays in litigation, with no enforcement period of its own.
      const lab = await read(t, 'arbitrator', ids.lab);
      expect(lab.state).toBe('litigation');
      expect(specIds(lab)).not.toContain('D-EX1');
    });
  });

  describe('one dispute across the four channels', () => {
    it('carries the same dispute code on all four cases', async () => {
      const cases = [
        [ids.lm, 'fq_mediator'],
        [ids.lab, 'arbitrator'],
        [ids.ct, 'court_clerk'],
        [ids.pm, 'qx_mediator'],
      ];
      for (const [id, username] of cases) expect((await read(t, username, id)).disputeCode).toBe(ids.dispute);
    });

    it('lists lm, lab, ct and pm in order with the R12, R10 and R8 transfers; a third organisation gets 404', async () => {
      const res = await t.http().get(`/api/disputes/${ids.dispute}`).set(auth(await t.login('qx_director')));
      expect(res.status).toBe(200);
      expect(res.body.cases.map((c: any) => [c.id, c.workflow.id, c.orgId, c.state])).toEqual([
        [ids.lm, 'lm', 'org-fengqiao', 'arbitration'],
        [ids.lab, 'lab', 'org-labour-arbitration', 'litigation'],
        [ids.ct, 'ct', 'org-court', 'final'],
        [ids.pm, 'pm', 'org-district-centre', 'terminatedFailed'],
      ]);
      expect(res.body.transfers).toEqual([
        expect.objectContaining({ fromCaseId: ids.lm, toCaseId: ids.lab, route: 'R12', status: 'ACCEPTED' }),
        expect.objectContaining({ fromCaseId: ids.lab, toCaseId: ids.ct, route: 'R10', status: 'ACCEPTED' }),
        expect.objectContaining({ fromCaseId: ids.ct, toCaseId: ids.pm, route: 'R8', status: 'ACCEPTED' }),
      ]);
      const other = await t.http().get(`/api/disputes/${ids.dispute}`).set(auth(await t.login('lq_mediator')));
      expect(other.status).toBe(404);
      for (const id of [ids.lm, ids.lab, ids.ct, ids.pm]) expect((await getCase(t, 'lq_mediator', id)).status).toBe(404);
    });
  });

  describe('a labour dispute sent straight to the court', () => {
    it('is refused at REGISTER (劳动争议调解仲裁法 第五条), while the one that came through R10 was registered', async () => {
      await setClock(t, at10('2025-08-04'));
      const direct = await open(t, 'court_clerk', labourCase('ct', { receivedOn: '2025-08-04', causeOfAction: '劳动争议（追索劳动报酬）', claimAmount: 18000, procedure: 'SIMPLE' }));
      expect(direct).toMatchObject({ state: 'complaintSubmitted', category: 'LABOUR', origin: null, transfer: null });
      const refused = await send(t, 'court_clerk', direct.id, 'REGISTER', { docketNo: '（2025）浙0199民初2001号', registeredOn: '2025-08-04', procedure: 'SIMPLE' });
      expectRefused(refused, 'labourArbitratedFirst', /劳动争议调解仲裁法 第五条/);
      expect(refused.body.violations[0].message).toContain('劳动争议调解仲裁法 第五条');
      expect((await read(t, 'court_clerk', direct.id)).state).toBe('complaintSubmitted');
      // The court tells the plaintiff to arbitrate first (民事诉讼法 第一百二十七条).
      const redirected = await apply(t, 'court_clerk', direct.id, 'REDIRECT', { reason: 'LABOUR_ARBITRATION_FIRST', explanation: '请先向劳动人事争议仲裁委员会申请仲裁' });
      expect(redirected).toMatchObject({ state: 'redirected', closed: true });

      expect((await history(t, 'court_clerk', ids.ct)).find((e) => e.type === 'REGISTER')).toMatchObject({ from: 'complaintSubmitted', to: 'registered' });
    });
  });

  it('verifies every audit chain', async () => {
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe.each(TEST_DATABASES)('labour dispute S2b: a final award ($name)', (database) => {
  let t: TestApp;
  /** The S2b case (wages only) and a case whose two items are each within the threshold though their sum is not. */
  const ids: { wages: string; twoItems: string; ct: string } = { wages: '', twoItems: '', ct: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('arbitrates both cases on the S2 dates; each item is tested on its own, so both awards are final', async () => {
    await setClock(t, at10('2025-03-26'));
    const cases = {
      wages: await open(t, 'arbitrator', labourCase('lab', { receivedOn: '2025-03-26', ...LIMITATION_FACTS })),
      twoItems: await open(t, 'arbitrator', labourCase('lab', { receivedOn: '2025-03-26', ...LIMITATION_FACTS })),
    };
    ids.wages = cases.wages.id;
    ids.twoItems = cases.twoItems.id;
    expect(cases.wages).toMatchObject({ state: 'arb.acceptanceReview', origin: null });
    expect(deadline(cases.wages, 'D-LB4')).toMatchObject({ dueOn: '2025-03-31' });
    const arbitratorId = (await t.loginUser('arbitrator')).user.id;
    const both = [ids.wages, ids.twoItems];
    const step = async (day: string, type: string, data: (id: string) => Record<string, unknown>) => {
      await setClock(t, at10(day));
      for (const id of both) await apply(t, 'arbitrator', id, type, data(id));
    };
    await step('2025-03-28', 'ACCEPT', () => arbitration);
    await step('2025-03-31', 'SERVE_NOTICES', () => service(arbitratorId));
    await step('2025-04-14', 'NOTICE_HEARING', () => hearingNotice('2025-04-22'));
    await step('2025-04-22', 'HOLD_HEARING', () => ({ summary: '开庭审理' }));
    await step('2025-04-22', 'MEDIATION_FAILED', () => ({ outcome: 'NO_AGREEMENT' }));
    await setClock(t, at10('2025-05-09'));
    // Wages 18,000 ≤ 24,000: final (第四十七条第（一）项).
    expect((await apply(t, 'arbitrator', ids.wages, 'AWARD', award(S2B_ITEMS))).state).toBe('arb.awardFinal');
    // 18,000 and 20,000: each within twelve months of the minimum wage, so final though they add up to 38,000 (解释一 第十九条).
    const twoItems = [S2_ITEMS[0], { kind: 'SEVERANCE', amount: 20000, description: '支付解除劳动合同经济补偿20000元' }];
    expect((await apply(t, 'arbitrator', ids.twoItems, 'AWARD', award(twoItems))).state).toBe('arb.awardFinal');
  });

  it('2025-05-12: served: the worker may sue until 2025-05-27 (D-LB9), the employer apply to set aside until 2025-06-11 (D-LB10)', async () => {
    await setClock(t, at10('2025-05-12'));
    for (const id of [ids.wages, ids.twoItems]) {
      const lab = await apply(t, 'arbitrator', id, 'SERVE_AWARD', awardService);
      expect(lab).toMatchObject({ state: 'post.finalWindows', stateLabel: '裁决后救济期间 · 终局裁决救济期间' });
      expect(deadline(lab, 'D-LB9')).toMatchObject({ dueOn: '2025-05-27', legalBasis: ART.LB9, status: 'pending' });
      expect(deadline(lab, 'D-LB10')).toMatchObject({ dueOn: '2025-06-11', period: { amount: 30, unit: 'day' }, legalBasis: ART.LB10, status: 'pending' });
      expect(specIds(lab)).not.toContain('D-LB12');
    }
  });

  it('2025-05-20: the employer’s suit at the basic court is refused (employerCannotSueOnFinalAward)', async () => {
    await setClock(t, at10('2025-05-20'));
    const refused = await send(t, 'arbitrator', ids.wages, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [E] });
    expectRefused(refused, 'employerCannotSueOnFinalAward', '劳动争议调解仲裁法 第四十七条、第四十八条、第四十九条');
    const lab = await read(t, 'arbitrator', ids.wages);
    expect(lab).toMatchObject({ state: 'post.finalWindows', links: [] });
    expect(await inbox(t, 'court_clerk')).toEqual([]);

    // Nor may the court register an employer's complaint against a final award brought to it directly.
    const complaint = await open(t, 'court_clerk', labourCase('ct', { receivedOn: '2025-05-20', priorArbitration: 'FINAL_AWARD', plaintiffSide: 'EMPLOYER', procedure: 'SIMPLE' }));
    const atCourt = await send(t, 'court_clerk', complaint.id, 'REGISTER', { docketNo: '（2025）浙0199民初1900号', registeredOn: '2025-05-20', procedure: 'SIMPLE' });
    expectRefused(atCourt, 'employerCannotSueOnFinalAward', /劳动争议调解仲裁法 第四十七条、第四十九条/);
  });

  it('2025-05-20: the worker sues by route R11; the employer’s set-aside is then refused (解释一 第二十一条)', async () => {
    const lab = await apply(t, 'arbitrator', ids.wages, 'FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: [W] });
    expect(lab.state).toBe('suitFiled');
    expect(deadline(lab, 'D-LB9')).toMatchObject({ status: 'met' });
    const link = lab.links.find((l: any) => l.direction === 'TO');
    expect(link).toMatchObject({ workflowId: 'ct', orgId: 'org-court', route: 'R11' });
    ids.ct = link.caseId;
    const ct = await read(t, 'court_clerk', ids.ct);
    expect(ct).toMatchObject({ state: 'complaintSubmitted', transfer: { route: 'R11', status: 'SENT' } });
    expect(ct.transfer.dossier.context).toMatchObject({ awardType: 'FINAL', suitBasis: 'FINAL_AWARD', plaintiffSide: 'WORKER' });
    expect((await inbox(t, 'court_clerk')).find((i) => i.id === ids.ct)).toMatchObject({ route: { id: 'R11' }, from: { caseId: ids.wages } });

    const setAside = { applicantPartyIds: [E], courtName: '市中级人民法院', grounds: ['PROCEDURE_VIOLATED'], appliedOn: '2025-05-21' };
    await setClock(t, at10('2025-05-21'));
    const pending = await send(t, 'arbitrator', ids.wages, 'APPLY_SET_ASIDE', setAside);
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'suitFiled', violations: [] });
    expect(pending.body.allowed).not.toContain('APPLY_SET_ASIDE');

    // The worker's suit is registered (R11 is open to the worker); the employer's application stays refused.
    const registered = await apply(t, 'court_clerk', ids.ct, 'REGISTER', { docketNo: '（2025）浙0199民初1901号', registeredOn: '2025-05-21', procedure: 'SIMPLE' });
    expect(registered.state).toBe('registered');
    await reaches(t, 'arbitrator', ids.wages, 'litigation');
    const after = await send(t, 'arbitrator', ids.wages, 'APPLY_SET_ASIDE', setAside);
    expect(after.status).toBe(409);
    expect(after.body).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'litigation' });
  });

  it('before any suit by the worker, the employer’s set-aside application within D-LB10 is taken', async () => {
    const lab = await apply(t, 'arbitrator', ids.twoItems, 'APPLY_SET_ASIDE', { applicantPartyIds: [E], courtName: '市中级人民法院', grounds: ['WRONG_LAW'], appliedOn: '2025-05-21' });
    expect(lab).toMatchObject({ state: 'post.setAsideApplied' });
    expect(deadline(lab, 'D-LB10')).toMatchObject({ status: 'met' });
  });

  it('verifies every audit chain', async () => {
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
  });
});

describe.each(TEST_DATABASES)('labour arbitration with the acceptance review in working days ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database, { FENGQIAO_LEGAL_POLICY: '{"lab.acceptanceDayType":"working"}' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('opens arbitration the day after D-LB1 ends even without a failure, with D-LB4 counted in working days: 2025-04-02', async () => {
    await setClock(t, at10('2025-03-10'));
    const lm = await open(t, 'fq_mediator', labourCase('lm', { receivedOn: '2025-03-10', ...LIMITATION_FACTS }));
    const application = { commissionOrgId: 'org-labour-arbitration', applicantPartyIds: [W] };
    // On the fifteenth day the period has not ended yet (第十四条).
    await setClock(t, at10('2025-03-25'));
    expectRefused(await send(t, 'fq_mediator', lm.id, 'APPLY_ARBITRATION', application), 'arbitrationOpen', '劳动争议调解仲裁法 第十四条、第十五条');
    await setClock(t, at10('2025-03-26'));
    const applied = await apply(t, 'fq_mediator', lm.id, 'APPLY_ARBITRATION', application);
    expect(applied.state).toBe('arbitrationApplied');
    const labId = applied.links[0].caseId;

    const entry = (await inbox(t, 'arbitrator')).find((i) => i.id === labId);
    expect(entry).toMatchObject({ route: { id: 'R12' }, acceptanceDeadline: { specId: 'D-LB4-W', dueOn: '2025-04-02', overdue: false } });
    const lab = await read(t, 'arbitrator', labId);
    expect(lab.deadlines).toEqual([expect.objectContaining({ specId: 'D-LB4-W', dueOn: '2025-04-02', dayType: 'working', period: { amount: 5, unit: 'day' }, status: 'pending' })]);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
  });
});
