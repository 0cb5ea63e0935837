import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventTypes, eventually, getCase, history, idNumber, send } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * 商事仲裁 (arb, 青溪仲裁委员会), the court's arbitration-agreement bar (R7(b)) and 商事调解 (cm, 青溪商事调解中心) → 司法确认
 * (R25), over HTTP only and on the test clock, with the law of spec appendix A6, rules R7(b), R24, R25 and the
 * deadlines D-AR1, D-AR2 and D-JC1:
 *
 * - A sales-contract application received 2026-02-10: D-AR1 (five days, 仲裁法 第二十四条) ends on 02-15, the first
 *   day of the Spring Festival holiday (02-15..02-23), so 2026-02-24. An oral agreement and an inheritance matter are
 *   refused (第四条、第十六条; 第三条). Award of 2026-02-27, served 2026-04-01: under the 2017 text the set-aside period is
 *   six months (old 第五十九条), to 2026-10-01, National Day, so 2026-10-08; an application of 2026-07-02 is in time.
 * - A second award, of 2026-03-16, served the same 2026-04-01: the 2025 law's three months (新法 第七十二条, in force
 *   2026-03-01) end 2026-07-01; the same application of 2026-07-02 is refused, and the award becomes unchallengeable.
 * - The court: a defendant who invokes a valid written arbitration agreement before the first hearing ends the suit; one
 *   who raises it after the first hearing is refused and the court goes on (仲裁法 第二十六条; 民事诉讼法 第一百二十七条).
 * - 商事调解: an application of 2026-04-28 is refused (商事调解条例 第三十三条, from 2026-05-01); one of 2026-05-06 reaches an
 *   agreement on 2026-05-20, whose D-JC1 (30 days) ends on 06-19 (端午), so 2026-06-22; 司法确认 confirms it and the
 *   mediation case hears JC_CONFIRMED.
 */

const SELLER = { role: 'APPLICANT', name: '青溪华联机械有限公司', phone: '13700003333' };
const BUYER = { role: 'RESPONDENT', name: '钱某某', idNumber: idNumber('33019919850203123'), phone: '13900004444' };
const DISTRICT = '330199';

const ART = {
  AR1: '仲裁法 第二十四条',
  AR2_2017: '仲裁法（2017年修正） 第五十九条',
  AR2_2025: '仲裁法（2025年修订） 第七十二条',
  SET_ASIDE: '仲裁法（2017年修正） 第五十八条、第五十九条；仲裁法（2025年修订） 第七十二条',
  WRITTEN: '仲裁法 第四条、第十六条',
  SCOPE: '仲裁法 第二条、第三条、第七十七条',
  FIRST_HEARING: '仲裁法 第二十六条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百一十六条',
  WRITTEN_VALID: '仲裁法 第五条、第十六条、第十七条；民事诉讼法 第一百二十七条第二项',
  CM_IN_FORCE: '商事调解条例 第三十三条',
  CM_SCOPE: '商事调解条例 第二条',
  JC1: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
};

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);

function body(workflow: string, input: Record<string, unknown>) {
  return { workflow, category: 'CONTRACT', summary: '买卖合同纠纷：买方拖欠货款30万元', regionCode: DISTRICT, source: 'APPLICATION', parties: [SELLER, BUYER], input };
}

async function open(t: TestApp, username: string, payload: Record<string, unknown>) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(username))).send(payload);
  if (res.status !== 201) throw new Error(`open ${String(payload.workflow)} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function read(t: TestApp, username: string, caseId: string) {
  const res = await getCase(t, username, caseId);
  expect(res.status).toBe(200);
  return res.body;
}

/** The refusal of an event: 409 with the named precondition and its legal basis. */
function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}

const AGREEMENT_CHECK = { checkedOn: '2026-02-11', agreementForm: 'CONTRACT_CLAUSE', intentToArbitrate: true, matterAgreed: true, commissionChosen: true, partiesHadCapacity: true, matterType: 'CONTRACT' };
const SET_ASIDE = { applicantPartyIds: ['P2'], appliedOn: '2026-07-02', courtName: '青溪市中级人民法院', grounds: ['TRIBUNAL_OR_PROCEDURE'] };

describe.each(TEST_DATABASES)('commercial arbitration, the arbitration-agreement bar and commercial mediation ($name)', (database) => {
  let t: TestApp;
  const ids = { before: '', after: '', heard: '', objected: '', early: '', cm: '', jc: '' };
  const userId = async (username: string) => (await t.loginUser(username)).user.id;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Takes an accepted application through the tribunal and the hearing to the award, each step on its own day. */
  async function toAward(caseId: string, days: { tribunal: string; hearing: string; award: string }, awardNo: string) {
    await setClock(t, at10(days.tribunal));
    await apply(t, 'ca_arbitrator', caseId, 'FORM_TRIBUNAL', { formedOn: days.tribunal, arbitratorId: await userId('ca_arbitrator'), tribunal: 'SOLE' });
    await setClock(t, at10(days.hearing));
    await apply(t, 'ca_arbitrator', caseId, 'HOLD_HEARING', { heldOn: days.hearing, summary: '双方到庭，举证质证' });
    await setClock(t, at10(days.award));
    return apply(t, 'ca_arbitrator', caseId, 'AWARD', { awardNo, awardedOn: days.award, performanceDueOn: '2026-05-29' });
  }

  describe('商事仲裁 at 青溪仲裁委员会 (arb)', () => {
    it('2026-02-10: the application is received; D-AR1 rolls over the Spring Festival holiday to 2026-02-24', async () => {
      await setClock(t, at10('2026-02-10'));
      const view = await open(t, 'ca_arbitrator', body('arb', { receivedOn: '2026-02-10' }));
      ids.before = view.id;
      expect(view).toMatchObject({
        workflow: { id: 'arb', title: '商事仲裁' },
        state: 'agreementCheck',
        stateLabel: '仲裁协议审查',
        assignment: { orgId: 'org-commercial-arbitration', orgName: '青溪仲裁委员会' },
      });
      expect(view.caseNo).toMatch(/仲字第\d+号$/);
      expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-AR1', dueOn: '2026-02-24', dayType: 'calendar', period: { amount: 5, unit: 'day' }, legalBasis: ART.AR1, status: 'pending', soft: true })]);
      expect(eventTypes(view)).toEqual(['CHECK_AGREEMENT', 'NOT_ACCEPT']);
    });

    it('2026-02-11: an oral agreement and an inheritance matter are refused with their articles; a written clause over a contract passes (R24)', async () => {
      await setClock(t, at10('2026-02-11'));
      expectRefused(await send(t, 'ca_arbitrator', ids.before, 'CHECK_AGREEMENT', { ...AGREEMENT_CHECK, agreementForm: 'ORAL' }), 'writtenAgreement', ART.WRITTEN);
      expectRefused(await send(t, 'ca_arbitrator', ids.before, 'CHECK_AGREEMENT', { ...AGREEMENT_CHECK, matterType: 'INHERITANCE' }), 'matterArbitrable', ART.SCOPE);
      const bad = await send(t, 'ca_arbitrator', ids.before, 'CHECK_AGREEMENT', { ...AGREEMENT_CHECK, agreementForm: 'ON_A_NAPKIN' });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('agreementForm');
      expect((await read(t, 'ca_arbitrator', ids.before)).state).toBe('agreementCheck');
      const view = await apply(t, 'ca_arbitrator', ids.before, 'CHECK_AGREEMENT', AGREEMENT_CHECK);
      expect(view).toMatchObject({ state: 'acceptanceReview', stateLabel: '受理审查' });
      expect(deadline(view, 'D-AR1')).toMatchObject({ dueOn: '2026-02-24', status: 'pending' });
    });

    it('2026-02-12: accepted within the five days; D-AR1 is met', async () => {
      await setClock(t, at10('2026-02-12'));
      const view = await apply(t, 'ca_arbitrator', ids.before, 'ACCEPT', { acceptedOn: '2026-02-12' });
      expect(view.state).toBe('accepted');
      expect(deadline(view, 'D-AR1')).toMatchObject({ status: 'met' });
    });

    it('2026-02-27: the award, made before 2026-03-01 and served on 2026-04-01, may be challenged for six months: to 2026-10-08', async () => {
      const awarded = await toAward(ids.before, { tribunal: '2026-02-13', hearing: '2026-02-25', award: '2026-02-27' }, '（2026）青仲字第8号');
      expect(awarded).toMatchObject({ state: 'award', stateLabel: '裁决（终局）', assignment: { assigneeId: await userId('ca_arbitrator') } });
      await setClock(t, at10('2026-04-01'));
      const view = await apply(t, 'ca_arbitrator', ids.before, 'SERVE_AWARD', { servedOn: '2026-04-01' });
      expect(view.state).toBe('setAsideWindow');
      // Six months end on National Day (10-01..10-07): the next working day.
      expect(deadline(view, 'D-AR2-2017')).toMatchObject({ dueOn: '2026-10-08', period: { amount: 6, unit: 'month' }, legalBasis: ART.AR2_2017, status: 'pending' });
      expect(deadline(view, 'D-AR2')).toBeUndefined();
    });

    it('2026-03-16: an award made under the 2025 law, served the same day, may be challenged for three months only: to 2026-07-01', async () => {
      await setClock(t, at10('2026-03-02'));
      const opened = await open(t, 'ca_arbitrator', body('arb', { receivedOn: '2026-03-02' }));
      ids.after = opened.id;
      // 2026-03-07 is a Saturday: D-AR1 rolls to Monday 2026-03-09.
      expect(deadline(opened, 'D-AR1')).toMatchObject({ dueOn: '2026-03-09' });
      await apply(t, 'ca_arbitrator', ids.after, 'CHECK_AGREEMENT', { ...AGREEMENT_CHECK, checkedOn: '2026-03-02', agreementForm: 'SEPARATE_AGREEMENT' });
      await apply(t, 'ca_arbitrator', ids.after, 'ACCEPT', { acceptedOn: '2026-03-02' });
      await toAward(ids.after, { tribunal: '2026-03-04', hearing: '2026-03-12', award: '2026-03-16' }, '（2026）青仲字第21号');
      await setClock(t, at10('2026-04-01'));
      const view = await apply(t, 'ca_arbitrator', ids.after, 'SERVE_AWARD', { servedOn: '2026-04-01' });
      expect(deadline(view, 'D-AR2')).toMatchObject({ dueOn: '2026-07-01', period: { amount: 3, unit: 'month' }, legalBasis: ART.AR2_2025, status: 'pending' });
      expect(deadline(view, 'D-AR2-2017')).toBeUndefined();
    });

    it('2026-07-02: the same set-aside application is in time for the older award and too late for the newer one', async () => {
      await setClock(t, at10('2026-07-02'));
      expectRefused(await send(t, 'ca_arbitrator', ids.after, 'APPLY_SET_ASIDE', SET_ASIDE), 'withinSetAsideWindow', ART.SET_ASIDE);
      expect((await read(t, 'ca_arbitrator', ids.after)).state).toBe('setAsideWindow');
      const view = await apply(t, 'ca_arbitrator', ids.before, 'APPLY_SET_ASIDE', SET_ASIDE);
      expect(view).toMatchObject({ state: 'setAsideReview', stateLabel: '申请撤销审查中' });
      expect(deadline(view, 'D-AR2-2017')).toMatchObject({ status: 'met' });
    });

    it('the worker closes the three months: the newer award can no longer be set aside and is enforced', async () => {
      const report = await runWorker(t);
      expect(report.fired).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: ids.after, specId: 'D-AR2' })]));
      let view = await read(t, 'ca_arbitrator', ids.after);
      expect(view).toMatchObject({ state: 'enforceable', stateLabel: '裁决可申请执行' });
      expect((await history(t, 'ca_arbitrator', ids.after)).pop()).toMatchObject({ type: 'SET_ASIDE_WINDOW_ENDED', from: 'setAsideWindow', to: 'enforceable' });
      expect(deadline(view, 'D-EX1')).toMatchObject({ dueOn: '2028-05-29', status: 'pending' });
      view = await apply(t, 'ca_arbitrator', ids.after, 'APPLY_ENFORCEMENT', { appliedOn: '2026-07-02', courtName: '青溪区人民法院' });
      expect(view).toMatchObject({ state: 'enforcement', closed: true });
    });

    it('2026-08-20: the intermediate court sets the older award aside; the case records its ruling and ends', async () => {
      await setClock(t, at10('2026-08-20'));
      const view = await apply(t, 'ca_arbitrator', ids.before, 'SET_ASIDE_GRANTED', { ruledOn: '2026-08-20', rulingNo: '（2026）浙01民特12号' });
      expect(view).toMatchObject({ state: 'setAside', stateLabel: '裁决已被撤销', closed: true, availableEvents: [] });
    });
  });

  describe('the court and an arbitration agreement (ct, R7(b))', () => {
    const complaint = (receivedOn: string) => ({ ...body('ct', { receivedOn, causeOfAction: '买卖合同纠纷', claimAmount: 300000, procedure: 'SIMPLE' }), regionCode: '330199101201' });
    async function registered(day: string, docket: string) {
      await setClock(t, at10(day));
      const filed = await open(t, 'court_clerk', complaint(day));
      await apply(t, 'court_clerk', filed.id, 'REGISTER', { docketNo: docket, registeredOn: day, procedure: 'SIMPLE' });
      return filed.id as string;
    }
    const objection = (objectedOn: string, over: Record<string, unknown> = {}) => ({ objectedOn, agreementForm: 'CONTRACT_CLAUSE', agreementValid: true, ruledOn: objectedOn, rulingNo: '（2026）青溪0101民初600号之一', ...over });

    it('an objection raised after the first hearing is refused with 仲裁法 第二十六条, and the court goes on', async () => {
      ids.heard = await registered('2026-06-01', '（2026）青溪0101民初600号');
      await setClock(t, at10('2026-06-15'));
      const res = await send(t, 'judge', ids.heard, 'DISMISS_FOR_ARBITRATION_AGREEMENT', objection('2026-06-15', { firstHearingOn: '2026-06-10' }));
      expectRefused(res, 'objectedBeforeFirstHearing', ART.FIRST_HEARING);
      const view = await apply(t, 'court_clerk', ids.heard, 'NOTIFY_FEE', { amount: 2900, noticeReceivedOn: '2026-06-15' });
      expect(view.state).toBe('feePending.noticed');
    });

    it('a timely objection on an oral agreement is refused; on a valid written clause the suit is dismissed', async () => {
      ids.objected = await registered('2026-06-02', '（2026）青溪0101民初601号');
      await setClock(t, at10('2026-06-05'));
      expectRefused(await send(t, 'judge', ids.objected, 'DISMISS_FOR_ARBITRATION_AGREEMENT', objection('2026-06-05', { agreementForm: 'ORAL' })), 'validWrittenArbitrationAgreement', ART.WRITTEN_VALID);
      const view = await apply(t, 'judge', ids.objected, 'DISMISS_FOR_ARBITRATION_AGREEMENT', objection('2026-06-05'));
      expect(view).toMatchObject({ state: 'dismissedForArbitration', stateLabel: '裁定驳回起诉（有仲裁协议）', closed: true, availableEvents: [] });
      expect(view.deadlines.filter((d: any) => d.status === 'pending')).toEqual([]);
    });
  });

  describe('商事调解 at 青溪商事调解中心 (cm) and 司法确认 (R25)', () => {
    it('2026-04-28: an application before the 商事调解条例 took effect is refused with 第三十三条, and declined', async () => {
      await setClock(t, at10('2026-04-28'));
      const opened = await open(t, 'cm_mediator', body('cm', { appliedOn: '2026-04-28' }));
      ids.early = opened.id;
      expect(opened).toMatchObject({ workflow: { id: 'cm', title: '商事调解' }, state: 'applied', assignment: { orgId: 'org-commercial-mediation', orgName: '青溪商事调解中心' } });
      expect(opened.caseNo).toMatch(/商调字第\d+号$/);
      expectRefused(await send(t, 'cm_mediator', ids.early, 'ACCEPT', { mediatorId: await userId('cm_mediator'), matterType: 'CONTRACT' }), 'regulationInForce', ART.CM_IN_FORCE);
      const view = await apply(t, 'cm_mediator', ids.early, 'DECLINE', { reason: 'BEFORE_REGULATION', explanation: '申请在商事调解条例施行前收到' });
      expect(view).toMatchObject({ state: 'declined', closed: true });
    });

    it('2026-05-06: a consumer dispute is refused with 第二条; the sales dispute is taken up', async () => {
      await setClock(t, at10('2026-05-06'));
      const opened = await open(t, 'cm_mediator', body('cm', { appliedOn: '2026-05-06' }));
      ids.cm = opened.id;
      const mediatorId = await userId('cm_mediator');
      expectRefused(await send(t, 'cm_mediator', ids.cm, 'ACCEPT', { mediatorId, matterType: 'CONSUMER' }), 'commercialMatter', ART.CM_SCOPE);
      const view = await apply(t, 'cm_mediator', ids.cm, 'ACCEPT', { mediatorId, matterType: 'CONTRACT' });
      expect(view).toMatchObject({ state: 'mediating', assignment: { assigneeId: mediatorId } });
    });

    it('2026-05-20: the agreement takes effect; D-JC1 ends on 06-19, 端午, so 2026-06-22', async () => {
      await setClock(t, at10('2026-05-20'));
      const view = await apply(t, 'cm_mediator', ids.cm, 'SIGN_AGREEMENT', { content: '钱某某于2026年6月30日前支付货款30万元', signedPartyIds: ['P1', 'P2'], effectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' });
      expect(view).toMatchObject({ state: 'agreed', stateLabel: '调解协议已生效' });
      expect(deadline(view, 'D-JC1')).toMatchObject({ dueOn: '2026-06-22', period: { amount: 30, unit: 'day' }, legalBasis: ART.JC1, status: 'pending' });
    });

    it('2026-05-25: a one-party application is refused; the joint one opens 司法确认 at the court (R25)', async () => {
      await setClock(t, at10('2026-05-25'));
      expectRefused(await send(t, 'cm_mediator', ids.cm, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1'], form: 'WRITTEN' }), 'jointApplication', '商事调解条例 第二十三条；民事诉讼法 第二百零五条');
      const view = await apply(t, 'cm_mediator', ids.cm, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      expect(view).toMatchObject({ state: 'judicialConfirmation' });
      expect(view.links).toEqual([expect.objectContaining({ direction: 'TO', workflowId: 'jc', orgId: 'org-court', route: 'R25' })]);
      ids.jc = view.links[0].caseId;
      const jc = await read(t, 'court_clerk', ids.jc);
      expect(jc).toMatchObject({ workflow: { id: 'jc', version: 2 }, state: 'filed', origin: { orgId: 'org-commercial-mediation', caseId: ids.cm }, transfer: { route: 'R25', status: 'SENT' } });
      // The court's copy of the 30 days runs from the same agreement.
      expect(deadline(jc, 'D-JC1')).toMatchObject({ dueOn: '2026-06-22' });
    });

    it('the court confirms the agreement; the mediation case hears JC_CONFIRMED and the agreement is enforceable', async () => {
      await setClock(t, at10('2026-05-26'));
      await apply(t, 'court_clerk', ids.jc, 'SIGN_FOR', { note: '材料齐全' });
      await apply(t, 'court_clerk', ids.jc, 'REGISTER', { docketNo: '（2026）青溪0101民特35号', registeredOn: '2026-05-26' });
      await setClock(t, at10('2026-05-28'));
      await apply(t, 'judge', ids.jc, 'SCHEDULE_VERIFICATION', { scheduledOn: '2026-06-02' });
      await setClock(t, at10('2026-06-02'));
      await apply(t, 'judge', ids.jc, 'RULE_VALID', { rulingNo: '（2026）青溪0101民特35号', ruledOn: '2026-06-02' });
      const cm = await eventually(
        () => read(t, 'cm_mediator', ids.cm),
        (c) => c.state !== 'judicialConfirmation',
      );
      expect(cm).toMatchObject({ state: 'confirmed', stateLabel: '司法确认有效' });
      expect((await history(t, 'cm_mediator', ids.cm)).pop()).toMatchObject({ type: 'JC_CONFIRMED', from: 'judicialConfirmation', to: 'confirmed', data: { outcome: 'CONFIRMED', sourceCaseId: ids.jc } });
      expect(deadline(cm, 'D-EX1')).toMatchObject({ dueOn: '2028-06-30', status: 'pending' });
      expect(eventTypes(cm)).toEqual(['APPLY_ENFORCEMENT', 'RECORD_PERFORMED']);
    });
  });
});
