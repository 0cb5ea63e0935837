import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, FENGYUAN, RESPONDENT, RIGHTS_NOTICE, apply, auth, chinaMorning, eventually, getCase, history, openCase, pmCaseIn, send, setNow, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * The court channel (`ct`) over HTTP, on the dates of spec appendix (d): S5 (a property-fee claim registered first,
 * then entrusted for mediation with the parties' consent, as the 2025 意见 requires), its legacy variant S5-L (诉前委派,
 * only for complaints received before 2025-01-01, or by policy), the court's signals down route R8 (its period runs
 * out, the plaintiff withdraws) and the organisation's return, a 人民调解 case transferred to the court (R7), the court's work
 * queues and the labour-arbitration-first rule at registration. The court and the mediation organisation only meet
 * through the route table: every outcome crosses in the outbox after the sender's commit, hence `eventually`.
 */

const PROPERTY_COMPANY = { role: 'APPLICANT', name: '青溪锦园物业服务有限公司', phone: '057112345678' };
const OWNER = RESPONDENT;
const BOTH = ['P1', 'P2'];
const REFORM_OPINION = '最高人民法院关于严格依法规范民事案件立案与调解工作的意见';

/** A complaint as the court clerk enters it: S5's property-fee claim unless told otherwise. */
function complaint(receivedOn: string, over: Record<string, unknown> = {}, input: Record<string, unknown> = {}) {
  return {
    workflow: 'ct',
    category: 'PROPERTY_MANAGEMENT',
    summary: '物业服务合同纠纷：业主欠缴两年物业费6000元',
    regionCode: FENGYUAN,
    source: 'APPLICATION',
    parties: [PROPERTY_COMPANY, OWNER],
    input: { receivedOn, causeOfAction: '物业服务合同纠纷', claimAmount: 6000, procedure: 'SIMPLE', ...input },
    ...over,
  };
}

const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const ids = (items: any[]) => items.map((i: any) => i.id);

describe.each(TEST_DATABASES)('court channel (ct) over HTTP ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const userId = async (username: string) => (await t.loginUser(username)).user.id;
  const inbox = async (app: TestApp, username: string) => {
    const res = await app.http().get('/api/inbox').set(auth(await app.login(username)));
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };
  const queue = async (username: string, id: string) => {
    const res = await t.http().get('/api/cases').query({ queue: id }).set(auth(await t.login(username)));
    expect({ queue: id, status: res.status }).toEqual({ queue: id, status: 200 });
    return res.body.items as any[];
  };
  /** The case as `username` sees it once `done` holds (an outcome delivered through the outbox). */
  const caseWhen = async (username: string, caseId: string, done: (c: any) => boolean) => eventually(async () => (await getCase(t, username, caseId)).body, done);

  /** Files on `day` and, the same day, registers the case (simple procedure), records both parties' consent and entrusts it to the district centre. */
  async function entrusted(day: string) {
    setNow(t, chinaMorning(day));
    const filed = await openCase(t, 'court_clerk', complaint(day));
    await apply(t, 'court_clerk', filed.id, 'REGISTER', { docketNo: `（${day.slice(0, 4)}）青溪0101民初${day.replace(/-/g, '')}号`, registeredOn: day, procedure: 'SIMPLE' });
    await apply(t, 'court_clerk', filed.id, 'SEEK_MEDIATION_CONSENT', { note: '立案时征询双方调解意愿' });
    await apply(t, 'court_clerk', filed.id, 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: BOTH, consentedOn: day, method: 'WRITTEN' });
    const view = await apply(t, 'court_clerk', filed.id, 'ENTRUST_MEDIATION', { mediationOrgId: 'org-district-centre', entrustedOn: day, note: '委托区调解中心调解' });
    const link = view.links.find((l: any) => l.direction === 'TO');
    return { ctId: filed.id as string, pmId: link.caseId as string, disputeCode: view.disputeCode as string };
  }

  /** The district centre signs for the entrustment on `day`; its director assigns qx_mediator, who starts mediating. */
  async function mediate(pmId: string, day: string) {
    setNow(t, chinaMorning(day));
    await apply(t, 'qx_mediator', pmId, 'SIGN_FOR', { note: '已签收委托材料' });
    await apply(t, 'qx_director', pmId, 'ASSIGN_MEDIATOR', { mediatorId: await userId('qx_mediator'), consentedPartyIds: BOTH, selectedBy: 'COMMITTEE' });
    return apply(t, 'qx_mediator', pmId, 'START_MEDIATION', { startedOn: day, mode: 'ONLINE' });
  }

  describe('S5: a 2025 complaint is registered first, then entrusted for mediation with the parties’ consent', () => {
    let ctId: string;
    let pmId: string;
    let disputeCode: string;

    it('2025-04-14: the property company files; the court must register or refuse within seven days (D-CT1 = 2025-04-21)', async () => {
      setNow(t, chinaMorning('2025-04-14'));
      const res = await t.http().post('/api/cases').set(auth(await t.login('court_clerk'))).send(complaint('2025-04-14'));
      expect(res.status).toBe(201);
      const view = res.body;
      ctId = view.id;
      disputeCode = view.disputeCode;
      expect(view).toMatchObject({
        workflow: { id: 'ct', version: 1 },
        state: 'complaintSubmitted',
        stateLabel: '已起诉',
        category: 'PROPERTY_MANAGEMENT',
        assignment: { orgId: 'org-court', orgName: '青溪区人民法院', assigneeId: null },
        origin: null,
        links: [],
      });
      expect(view.caseNo).toMatch(/^（2025）青溪法院民初字第\d+号$/);
      expect(deadline(view, 'D-CT1')).toMatchObject({ dueOn: '2025-04-21', legalBasis: '民事诉讼法 第一百二十六条', status: 'pending', daysLeft: 7 });
      expect(view.parties.map((p: any) => [p.id, p.role, p.name])).toEqual([
        ['P1', 'APPLICANT', PROPERTY_COMPANY.name],
        ['P2', 'RESPONDENT', OWNER.name],
      ]);
      expect(ids(await queue('court_clerk', 'ct-awaiting-registration'))).toContain(ctId);
    });

    it('refuses to delegate it to pre-filing mediation: since 2025-01-01 a complaint is registered before any mediation', async () => {
      setNow(t, chinaMorning('2025-04-15'));
      const res = await send(t, 'court_clerk', ctId, 'DELEGATE_PRE_FILING', { mediationOrgId: 'org-district-centre', consentedPartyIds: BOTH, delegatedOn: '2025-04-15' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'complaintSubmitted', event: 'DELEGATE_PRE_FILING' });
      expect(res.body.violations).toEqual([
        expect.objectContaining({ precondition: 'legacyPreFilingAllowed', legalBasis: expect.stringContaining(REFORM_OPINION), message: expect.stringContaining('2025年1月1日') }),
      ]);
      const after = (await getCase(t, 'court_clerk', ctId)).body;
      expect(after).toMatchObject({ state: 'complaintSubmitted', version: 1, links: [] });
    });

    it('2025-04-18: registered under the simple procedure; consent recorded; entrusted to the district centre, which receives a 人民调解 case (R8)', async () => {
      setNow(t, chinaMorning('2025-04-18'));
      const registered = await apply(t, 'court_clerk', ctId, 'REGISTER', { docketNo: '（2025）青溪0101民初418号', registeredOn: '2025-04-18', procedure: 'SIMPLE' });
      expect(registered).toMatchObject({ state: 'registered', stateLabel: '已立案（民初）' });
      expect(deadline(registered, 'D-CT1')).toMatchObject({ dueOn: '2025-04-21', status: 'met' });
      expect(deadline(registered, 'D-CT5')).toMatchObject({ dueOn: '2025-07-18', status: 'pending' });
      expect(ids(await queue('court_clerk', 'ct-awaiting-registration'))).not.toContain(ctId);

      await apply(t, 'court_clerk', ctId, 'SEEK_MEDIATION_CONSENT', { note: '原告、被告均同意委托调解' });
      // Consent of one party is not enough (民事诉讼法 第一百二十五条; 2025 意见 二).
      const one = await send(t, 'court_clerk', ctId, 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: ['P1'], consentedOn: '2025-04-18' });
      expect(one.status).toBe(409);
      expect(one.body.violations).toEqual([expect.objectContaining({ precondition: 'allPartiesConsentToMediation' })]);
      expect(await apply(t, 'court_clerk', ctId, 'RECORD_MEDIATION_CONSENT', { consentedPartyIds: BOTH, consentedOn: '2025-04-18', method: 'WRITTEN' })).toMatchObject({ state: 'entrustment.consented' });

      const view = await apply(t, 'court_clerk', ctId, 'ENTRUST_MEDIATION', { mediationOrgId: 'org-district-centre', entrustedOn: '2025-04-18', note: '物业费纠纷，委托区调解中心调解' });
      expect(view.state).toBe('entrustment.awaitingReceipt');
      expect(view.links).toEqual([expect.objectContaining({ direction: 'TO', workflowId: 'pm', orgId: 'org-district-centre', orgName: '青溪区矛盾纠纷调解中心' })]);
      pmId = view.links[0].caseId;
      expect(ids(await queue('court_clerk', 'ct-under-mediation'))).toContain(ctId);

      // The mediation case waits in the centre's inbox for its mediators, and in no one else's.
      const entry = (await inbox(t, 'qx_mediator')).find((i) => i.id === pmId);
      expect(entry).toMatchObject({
        workflow: { id: 'pm' },
        state: 'entrustmentReceived',
        route: { id: 'R8' },
        disputeCode,
        from: { orgId: 'org-court', orgName: '青溪区人民法院', caseId: ctId },
        acceptanceDeadline: { specId: 'D-OL2', overdue: false },
      });
      expect(ids(await inbox(t, 'qx_director'))).toContain(pmId);
      expect(ids(await inbox(t, 'lq_mediator'))).not.toContain(pmId);
      expect(ids(await inbox(t, 'fy_mediator'))).not.toContain(pmId);
    });

    it('the mediation case carries one dispute code and the court’s registration facts in its dossier', async () => {
      const pm = (await getCase(t, 'qx_mediator', pmId)).body;
      expect(pm).toMatchObject({
        workflow: { id: 'pm' },
        state: 'entrustmentReceived',
        disputeCode,
        assignment: { orgId: 'org-district-centre' },
        origin: { orgId: 'org-court', caseId: ctId },
        transfer: { route: 'R8', status: 'SENT', from: { caseId: ctId, orgId: 'org-court' } },
      });
      expect(pm.parties.map((p: any) => [p.id, p.name])).toEqual([
        ['P1', PROPERTY_COMPANY.name],
        ['P2', OWNER.name],
      ]);
      expect(pm.transfer.dossier.context).toMatchObject({
        docketNo: '（2025）青溪0101民初418号',
        procedure: 'SIMPLE',
        registeredOn: '2025-04-18',
        causeOfAction: '物业服务合同纠纷',
        claimAmount: 6000,
        mediationConsentedOn: '2025-04-18',
      });
      const quoted = new Map<string, any>(pm.transfer.dossier.events.map((e: any) => [e.type, e.data]));
      expect(quoted.get('REGISTER')).toEqual({ docketNo: '（2025）青溪0101民初418号', registeredOn: '2025-04-18', procedure: 'SIMPLE' });
      expect(quoted.get('RECORD_MEDIATION_CONSENT')).toEqual({ consentedPartyIds: BOTH, consentedOn: '2025-04-18', method: 'WRITTEN' });
      // The engine received the entrustment for the court, with the procedure the court registered.
      const entries = await history(t, 'qx_mediator', pmId);
      expect(entries.map((e) => [e.type, e.from, e.to, e.actor.role])).toEqual([
        ['OPEN', null, 'registered', 'COURT_CLERK'],
        ['RECEIVE_ENTRUSTMENT', 'registered', 'entrustmentReceived', 'SYSTEM'],
      ]);
      expect(entries[1].data).toEqual({ procedure: 'SIMPLE', note: '物业费纠纷，委托区调解中心调解' });
    });

    it('2025-04-21: the mediator signs for the materials; the court’s seven-day period starts (D-CT2 = 2025-04-28)', async () => {
      setNow(t, chinaMorning('2025-04-21'));
      const signed = await apply(t, 'qx_mediator', pmId, 'SIGN_FOR', { note: '已签收委托材料' });
      expect(signed).toMatchObject({ state: 'consentPending', transfer: { status: 'ACCEPTED' } });
      expect(ids(await inbox(t, 'qx_mediator'))).not.toContain(pmId);
      // Signed for, it waits for the centre's director to assign a mediator.
      expect(ids(await queue('qx_director', 'pm-unassigned'))).toContain(pmId);

      const ct = await caseWhen('court_clerk', ctId, (c) => c.state !== 'entrustment.awaitingReceipt');
      expect(ct).toMatchObject({ state: 'entrusted.mediating', stateLabel: '委托调解中 · 委托调解期间' });
      expect(deadline(ct, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-04-28', status: 'pending', daysLeft: 7 });
      expect(deadline(ct, 'D-CT2-ORDINARY')).toBeUndefined();
      expect((await history(t, 'court_clerk', ctId)).pop()).toMatchObject({
        type: 'MEDIATOR_SIGNED',
        from: 'entrustment.awaitingReceipt',
        to: 'entrusted.mediating',
        actor: { role: 'SYSTEM' },
        data: { outcome: 'SIGNED_FOR', reportedOn: '2025-04-21', sourceCaseId: pmId },
      });
      expect(ids(await queue('judge', 'ct-under-mediation'))).toContain(ctId);
    });

    it('2025-04-25: both parties agree to extend by thirty days from the end of the first period (D-CT3 = 2025-05-28), outside the trial period', async () => {
      setNow(t, chinaMorning('2025-04-25'));
      const one = await send(t, 'court_clerk', ctId, 'EXTEND_MEDIATION', { consentedPartyIds: ['P2'], agreedOn: '2025-04-25' });
      expect(one.status).toBe(409);
      expect(one.body.violations).toEqual([expect.objectContaining({ precondition: 'allPartiesConsentToExtension' })]);
      const view = await apply(t, 'court_clerk', ctId, 'EXTEND_MEDIATION', { consentedPartyIds: BOTH, agreedOn: '2025-04-25' });
      expect(view.state).toBe('entrusted.extended');
      expect(deadline(view, 'D-CT3')).toMatchObject({ dueOn: '2025-05-28', status: 'pending' });
      // The first period gives way to the extension: neither met nor missed.
      expect(deadline(view, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-04-28', status: 'cancelled' });
      // The extended mediation is not counted in the trial period (特邀调解规定 第二十七条): its clock stops.
      expect(deadline(view, 'D-CT5')).toMatchObject({ status: 'pending', paused: true });
    });

    it('2025-05-15: the written agreement at the centre reaches the court as MEDIATION_AGREED', async () => {
      setNow(t, chinaMorning('2025-04-25'));
      await apply(t, 'qx_director', pmId, 'ASSIGN_MEDIATOR', { mediatorId: await userId('qx_mediator'), consentedPartyIds: BOTH, selectedBy: 'COMMITTEE' });
      expect(ids(await queue('qx_director', 'pm-unassigned'))).not.toContain(pmId);
      await apply(t, 'qx_mediator', pmId, 'START_MEDIATION', { startedOn: '2025-04-25', mode: 'ONLINE' });
      setNow(t, chinaMorning('2025-05-15'));
      const agreed = await apply(t, 'qx_mediator', pmId, 'SIGN_WRITTEN_AGREEMENT', {
        content: '业主于2025年6月15日前支付物业费5000元；物业公司于2025年5月31日前修复电梯',
        signedPartyIds: BOTH,
        mediatorSigned: true,
        committeeSealed: true,
        effectiveOn: '2025-05-15',
        performanceDueOn: '2025-06-15',
      });
      expect(agreed.state).toBe('agreedWritten');

      const ct = await caseWhen('court_clerk', ctId, (c) => c.state !== 'entrusted.extended');
      expect(ct).toMatchObject({ state: 'agreed', stateLabel: '达成调解协议待结案' });
      expect(deadline(ct, 'D-CT3')).toMatchObject({ dueOn: '2025-05-28', status: 'met' });
      expect(deadline(ct, 'D-CT5')).toMatchObject({ paused: false });
      expect((await history(t, 'court_clerk', ctId)).pop()).toMatchObject({
        type: 'MEDIATION_AGREED',
        from: 'entrusted.extended',
        to: 'agreed',
        data: { outcome: 'AGREED', reportedOn: '2025-05-15', sourceCaseId: pmId },
      });
      expect(ids(await queue('court_clerk', 'ct-under-mediation'))).not.toContain(ctId);
    });

    it('2025-05-20: performance is deferred, so the parties ask for a 调解书; it takes effect on signature and opens two years to enforce (D-EX1)', async () => {
      setNow(t, chinaMorning('2025-05-20'));
      const view = await apply(t, 'judge', ctId, 'MEDIATION_DOC_SIGNED', { docNo: '（2025）青溪0101民初418号', signedPartyIds: BOTH, signedOn: '2025-05-20', performanceDueOn: '2025-06-15' });
      expect(view).toMatchObject({ state: 'settledByMediationDoc', stateLabel: '民事调解书生效', closed: false });
      expect(deadline(view, 'D-EX1')).toMatchObject({ dueOn: '2027-06-15', legalBasis: '民事诉讼法 第二百五十条', status: 'pending' });
      expect(deadline(view, 'D-CT5')).toMatchObject({ status: 'met' });
    });

    it('2025-06-16: the owner missed 2025-06-15; the company applies for enforcement within D-EX1', async () => {
      setNow(t, chinaMorning('2025-06-16'));
      const before = (await getCase(t, 'court_clerk', ctId)).body;
      expect(before.availableEvents.map((e: any) => e.type).sort()).toEqual(['APPLY_ENFORCEMENT', 'RECORD_PERFORMED']);
      const view = await apply(t, 'court_clerk', ctId, 'APPLY_ENFORCEMENT', { applicantPartyIds: ['P1'], appliedOn: '2025-06-16' });
      expect(view).toMatchObject({ state: 'enforcement', closed: true });
      expect(deadline(view, 'D-EX1')).toMatchObject({ dueOn: '2027-06-15', status: 'met' });
    });

    it('shows one dispute across both cases with the R8 transfer signed for, to both organisations and to no third one', async () => {
      for (const username of ['court_clerk', 'qx_mediator']) {
        const res = await t.http().get(`/api/disputes/${disputeCode}`).set(auth(await t.login(username)));
        expect(res.status).toBe(200);
        expect(res.body.cases.map((c: any) => [c.id, c.workflow.id, c.orgName]).sort()).toEqual(
          [
            [ctId, 'ct', '青溪区人民法院'],
            [pmId, 'pm', '青溪区矛盾纠纷调解中心'],
          ].sort(),
        );
        expect(res.body.transfers).toEqual([expect.objectContaining({ fromCaseId: ctId, toCaseId: pmId, route: 'R8', status: 'ACCEPTED' })]);
      }
      expect((await t.http().get(`/api/disputes/${disputeCode}`).set(auth(await t.login('lq_mediator')))).status).toBe(404);
      for (const id of [ctId, pmId]) expect((await getCase(t, 'lq_mediator', id)).status).toBe(404);
    });
  });

  describe('S5-L: a complaint received in 2024 may still be delegated to pre-filing mediation (诉前委派)', () => {
    let ctId: string;
    let pmId: string;

    it('2024-10-08: filed, and delegated with both parties’ consent: the centre receives a 人民调解 case (R8L)', async () => {
      setNow(t, chinaMorning('2024-10-08'));
      const filed = await openCase(t, 'court_clerk', complaint('2024-10-08'));
      ctId = filed.id;
      expect(filed).toMatchObject({ state: 'complaintSubmitted' });
      expect(deadline(filed, 'D-CT1')).toMatchObject({ dueOn: '2024-10-15', status: 'pending' });
      const view = await apply(t, 'court_clerk', ctId, 'DELEGATE_PRE_FILING', { mediationOrgId: 'org-district-centre', consentedPartyIds: BOTH, delegatedOn: '2024-10-08', note: '诉前委派，请于三十日内调结' });
      expect(view.state).toBe('legacy.awaitingReceipt');
      expect(deadline(view, 'D-CT1')).toMatchObject({ status: 'met' });
      pmId = view.links.find((l: any) => l.direction === 'TO').caseId;
      expect((await inbox(t, 'qx_mediator')).find((i) => i.id === pmId)).toMatchObject({ state: 'entrustmentReceived', route: { id: 'R8L' }, from: { caseId: ctId } });
      expect((await getCase(t, 'qx_mediator', pmId)).body.transfer.dossier.context).toMatchObject({ receivedOn: '2024-10-08', causeOfAction: '物业服务合同纠纷', claimAmount: 6000 });
      expect((await history(t, 'qx_mediator', pmId)).pop()).toMatchObject({ type: 'RECEIVE_ENTRUSTMENT', data: { note: '诉前委派，请于三十日内调结' } });
    });

    it('2024-10-10: the mediator signs for it; the thirty-day period runs from receipt (D-CT-L1 = 2024-11-09)', async () => {
      await mediate(pmId, '2024-10-10');
      const ct = await caseWhen('court_clerk', ctId, (c) => c.state !== 'legacy.awaitingReceipt');
      expect(ct).toMatchObject({ state: 'legacy.preFilingDelegated', stateLabel: '诉前委派调解（2025年前） · 诉前委派调解中' });
      expect(deadline(ct, 'D-CT-L1')).toMatchObject({ dueOn: '2024-11-09', status: 'pending' });
    });

    it('mediation fails with a rights notice; the complaint comes back to the court, which registers it (民初)', async () => {
      setNow(t, chinaMorning('2024-10-25'));
      const failed = await apply(t, 'qx_mediator', pmId, 'TERMINATE_FAILED', { reason: '双方对物业服务质量分歧过大', rightsNotice: RIGHTS_NOTICE('2024-10-25') });
      expect(failed).toMatchObject({ state: 'terminatedFailed', closed: true });
      const ct = await caseWhen('court_clerk', ctId, (c) => c.state !== 'legacy.preFilingDelegated');
      expect(ct).toMatchObject({ state: 'legacy.preFilingFailed', stateLabel: '诉前委派调解（2025年前） · 诉前调解不成' });
      expect(deadline(ct, 'D-CT-L1')).toMatchObject({ status: 'met' });
      expect((await history(t, 'court_clerk', ctId)).pop()).toMatchObject({ type: 'MEDIATION_FAILED', data: { outcome: 'FAILED', sourceCaseId: pmId } });

      setNow(t, chinaMorning('2024-10-28'));
      const registered = await apply(t, 'court_clerk', ctId, 'REGISTER', { docketNo: '（2024）青溪0101民初1028号', registeredOn: '2024-10-28', procedure: 'SIMPLE' });
      expect(registered).toMatchObject({ state: 'registered' });
      expect(registered.caseNo).toMatch(/^（2024）青溪法院民初字第\d+号$/);
    });

    it('by legal policy (ct.allowLegacyPreFiling), a 2025 complaint may be delegated too', async () => {
      const legacy = await createTestApp(database, { FENGQIAO_LEGAL_POLICY: '{"ct.allowLegacyPreFiling":true}' });
      try {
        setNow(legacy, chinaMorning('2025-03-03'));
        const filed = await openCase(legacy, 'court_clerk', complaint('2025-03-03'));
        const view = await apply(legacy, 'court_clerk', filed.id, 'DELEGATE_PRE_FILING', { mediationOrgId: 'org-district-centre', consentedPartyIds: BOTH, delegatedOn: '2025-03-03' });
        expect(view.state).toBe('legacy.awaitingReceipt');
        expect((await inbox(legacy, 'qx_mediator')).map((i) => [i.from.caseId, i.route.id])).toEqual([[filed.id, 'R8L']]);
        expect(await verifyAudit(legacy)).toMatchObject({ ok: true, firstBroken: null });
      } finally {
        await legacy.close();
      }
    });
  });

  describe('the court’s signals down route R8', () => {
    it('ends the mediation case when the entrusted period runs out at the court (MEDIATION_PERIOD_EXPIRED → ENTRUSTMENT_ENDED)', async () => {
      const { ctId, pmId } = await entrusted('2025-07-01');
      await mediate(pmId, '2025-07-02');
      const ct = await caseWhen('court_clerk', ctId, (c) => c.state === 'entrusted.mediating');
      expect(deadline(ct, 'D-CT2-SIMPLE')).toMatchObject({ dueOn: '2025-07-09', status: 'pending' });

      await setClock(t, at10('2025-07-09'));
      await runWorker(t);
      expect((await getCase(t, 'court_clerk', ctId)).body.state).toBe('entrusted.mediating');

      await setClock(t, at10('2025-07-10'));
      const report = await runWorker(t);
      expect(report.fired).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: ctId, event: 'MEDIATION_PERIOD_EXPIRED' })]));
      const after = (await getCase(t, 'court_clerk', ctId)).body;
      expect(after).toMatchObject({ state: 'feePending.toNotify' });
      expect(deadline(after, 'D-CT2-SIMPLE')).toMatchObject({ status: 'missed' });

      const pm = await caseWhen('qx_mediator', pmId, (c) => c.state !== 'mediating');
      expect(pm).toMatchObject({ state: 'entrustmentEnded', stateLabel: '法院终止委托', closed: true, availableEvents: [] });
      expect((await history(t, 'qx_mediator', pmId)).pop()).toMatchObject({
        type: 'ENTRUSTMENT_ENDED',
        from: 'mediating',
        to: 'entrustmentEnded',
        actor: { role: 'SYSTEM' },
        data: { signal: 'MEDIATION_PERIOD_EXPIRED', reportedOn: '2025-07-10', sourceCaseId: ctId },
      });
      // The court decided it: nothing is reported back.
      expect((await getCase(t, 'court_clerk', ctId)).body).toMatchObject({ state: 'feePending.toNotify', version: after.version });
    });

    it('ends the entrustment when the plaintiff withdraws before the organisation signed for it (WITHDRAW_SUIT → ENTRUSTMENT_ENDED)', async () => {
      const { ctId, pmId, disputeCode } = await entrusted('2025-07-07');
      setNow(t, chinaMorning('2025-07-08'));
      const view = await apply(t, 'judge', ctId, 'WITHDRAW_SUIT', { rulingNo: '（2025）青溪0101民初707号', ruledOn: '2025-07-08' });
      expect(view).toMatchObject({ state: 'withdrawn', closed: true });
      expect(deadline(view, 'D-CT5')).toMatchObject({ status: 'met' });

      const pm = await caseWhen('qx_mediator', pmId, (c) => c.state !== 'entrustmentReceived');
      expect(pm).toMatchObject({ state: 'entrustmentEnded', closed: true, transfer: { status: 'WITHDRAWN' } });
      expect((await history(t, 'qx_mediator', pmId)).pop()).toMatchObject({ type: 'ENTRUSTMENT_ENDED', from: 'entrustmentReceived', data: { signal: 'WITHDRAW_SUIT', sourceCaseId: ctId } });
      expect(ids(await inbox(t, 'qx_mediator'))).not.toContain(pmId);
      const dispute = (await t.http().get(`/api/disputes/${disputeCode}`).set(auth(await t.login('court_clerk')))).body;
      expect(dispute.transfers).toEqual([expect.objectContaining({ toCaseId: pmId, route: 'R8', status: 'WITHDRAWN' })]);
    });

    it('takes a return back to the court with its reason; the court may entrust again (ENTRUSTMENT_RETURNED)', async () => {
      const { ctId, pmId } = await entrusted('2025-07-14');
      setNow(t, chinaMorning('2025-07-15'));
      const missing = await send(t, 'qx_mediator', pmId, 'RETURN', { explanation: '本中心调解员近期均已满额' });
      expect(missing.status).toBe(400);
      const returned = await apply(t, 'qx_mediator', pmId, 'RETURN', { reason: 'NO_CAPACITY', explanation: '本中心调解员近期均已满额' });
      expect(returned).toMatchObject({ state: 'entrustmentReturned', closed: true, transfer: { status: 'RETURNED', reason: 'NO_CAPACITY', explanation: '本中心调解员近期均已满额' } });

      const ct = await caseWhen('court_clerk', ctId, (c) => c.state !== 'entrustment.awaitingReceipt');
      expect(ct.state).toBe('entrustment.consented');
      expect((await history(t, 'court_clerk', ctId)).pop()).toMatchObject({
        type: 'ENTRUSTMENT_RETURNED',
        from: 'entrustment.awaitingReceipt',
        to: 'entrustment.consented',
        data: { outcome: 'RETURNED', reason: 'NO_CAPACITY', explanation: '本中心调解员近期均已满额', sourceCaseId: pmId },
      });
      expect(ct.availableEvents.map((e: any) => e.type)).toContain('ENTRUST_MEDIATION');
      const dispute = (await t.http().get(`/api/disputes/${ct.disputeCode}`).set(auth(await t.login('court_clerk')))).body;
      expect(dispute.transfers).toEqual([expect.objectContaining({ fromCaseId: ctId, toCaseId: pmId, route: 'R8', status: 'RETURNED' })]);
    });
  });

  describe('R7: a 人民调解 committee transfers a dispute to the court', () => {
    it('opens a complaint in the court’s inbox when the court is named, D-CT1 counted from the transfer day', async () => {
      setNow(t, chinaMorning('2025-09-01'));
      const pm = await pmCaseIn(t, 'mediating');
      setNow(t, chinaMorning('2025-09-03'));
      const view = await apply(t, 'fy_mediator', pm.id, 'TRANSFER', { to: 'COURT', receivingOrgId: 'org-court', receivingOrgName: '青溪区人民法院', reason: '一方坚持起诉' });
      expect(view).toMatchObject({ state: 'transferred', closed: true });
      expect(view.links).toEqual([expect.objectContaining({ direction: 'TO', workflowId: 'ct', orgId: 'org-court' })]);
      const ctId = view.links[0].caseId;

      const entry = (await inbox(t, 'court_clerk')).find((i) => i.id === ctId);
      expect(entry).toMatchObject({ workflow: { id: 'ct' }, state: 'complaintSubmitted', route: { id: 'R7' }, disputeCode: pm.disputeCode, from: { orgId: 'org-fengyuan', caseId: pm.id } });
      const ct = (await getCase(t, 'court_clerk', ctId)).body;
      expect(ct).toMatchObject({ state: 'complaintSubmitted', disputeCode: pm.disputeCode, origin: { orgId: 'org-fengyuan', caseId: pm.id }, transfer: { route: 'R7', status: 'SENT' } });
      expect(deadline(ct, 'D-CT1')).toMatchObject({ dueOn: '2025-09-10', status: 'pending' });
      expect(ct.parties.map((p: any) => [p.id, p.name])).toEqual([
        ['P1', APPLICANT.name],
        ['P2', RESPONDENT.name],
      ]);
      expect(ids(await queue('court_clerk', 'ct-awaiting-registration'))).toContain(ctId);
    });

    it('is a plain 移送 outside the system when no court of the system is named: no court case', async () => {
      setNow(t, chinaMorning('2025-09-04'));
      const before = (await inbox(t, 'court_clerk')).length;
      const pm = await pmCaseIn(t, 'consentPending');
      const view = await apply(t, 'fy_mediator', pm.id, 'TRANSFER', { to: 'COURT', receivingOrgName: '外省某人民法院', reason: '被告住所地不在本区' });
      expect(view).toMatchObject({ state: 'transferred', closed: true, links: [] });
      expect(await inbox(t, 'court_clerk')).toHaveLength(before);
      const dispute = (await t.http().get(`/api/disputes/${pm.disputeCode}`).set(auth(await t.login('fy_mediator')))).body;
      expect(dispute.cases.map((c: any) => c.id)).toEqual([pm.id]);
      expect(dispute.transfers).toEqual([]);
    });
  });

  describe('the court’s work queues', () => {
    it('assigns a judge once the case is registered, whose own queue then lists it; an unknown queue is refused', async () => {
      setNow(t, chinaMorning('2025-10-09'));
      const filed = await openCase(t, 'court_clerk', complaint('2025-10-09'));
      expect(ids(await queue('court_clerk', 'ct-awaiting-registration'))).toContain(filed.id);
      await apply(t, 'court_clerk', filed.id, 'REGISTER', { docketNo: '（2025）青溪0101民初1009号', registeredOn: '2025-10-09', procedure: 'SIMPLE' });
      expect(ids(await queue('court_clerk', 'ct-awaiting-registration'))).not.toContain(filed.id);
      expect(ids(await queue('judge', 'ct-mine'))).not.toContain(filed.id);
      const judgeId = await userId('judge');
      const view = await apply(t, 'court_clerk', filed.id, 'ASSIGN_JUDGE', { judgeId });
      expect(view).toMatchObject({ state: 'registered', assignment: { assigneeId: judgeId, assigneeName: '何法官（区法院）' } });
      expect(ids(await queue('judge', 'ct-mine'))).toContain(filed.id);
      expect(ids(await queue('court_clerk', 'ct-mine'))).not.toContain(filed.id);

      const unknown = await t.http().get('/api/cases').query({ queue: 'ct-nowhere' }).set(auth(await t.login('court_clerk')));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'queue' })]);
    });
  });

  describe('labour disputes go to labour arbitration first', () => {
    it('refuses to register a labour complaint that was not arbitrated (劳动争议调解仲裁法 第五条)', async () => {
      setNow(t, chinaMorning('2025-10-13'));
      const filed = await openCase(t, 'court_clerk', complaint('2025-10-13', { category: 'LABOUR', summary: '追索劳动报酬纠纷：拖欠三个月工资' }, { causeOfAction: '劳动争议', claimAmount: 18000 }));
      const res = await send(t, 'court_clerk', filed.id, 'REGISTER', { docketNo: '（2025）青溪0101民初1013号', registeredOn: '2025-10-13', procedure: 'SIMPLE' });
      expect(res.status).toBe(409);
      expect(res.body.violations).toEqual([expect.objectContaining({ precondition: 'labourArbitratedFirst', legalBasis: expect.stringContaining('劳动争议调解仲裁法 第五条') })]);
      expect((await getCase(t, 'court_clerk', filed.id)).body).toMatchObject({ state: 'complaintSubmitted', version: 1 });
    });

    it('registers one filed on a wage IOU (劳动争议解释（一） 第十五条)', async () => {
      const filed = await openCase(t, 'court_clerk', complaint('2025-10-13', { category: 'LABOUR', summary: '追索劳动报酬纠纷：持工资欠条起诉' }, { causeOfAction: '劳动争议', claimAmount: 18000, labourBypass: 'WAGE_IOU' }));
      const view = await apply(t, 'court_clerk', filed.id, 'REGISTER', { docketNo: '（2025）青溪0101民初1014号', registeredOn: '2025-10-13', procedure: 'SIMPLE' });
      expect(view).toMatchObject({ state: 'registered' });
    });
  });

  it('leaves every audit chain intact', async () => {
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null, firstBrokenCaseId: null });
  });
});
