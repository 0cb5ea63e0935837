import { CaseStore, emptyPlan, WritePlanner } from '@app/cases';
import { DirectoryService } from '@app/organisations';
import { Db } from '@app/persistence';
import { Clock } from '@app/shared';
import { APPLICANT, RESPONDENT, FENGYUAN, apply, auth, chinaMorning, eventually, getCase, openCase, send, setNow, today, verifyAudit } from '../support/cases';
import { TEST_DATABASES } from '../support/databases';
import { notifications, runWorker } from '../support/deadlines';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * The 枫桥镇 综治中心 takes a dispute in under one code, triages it, dispatches its civil part to the township's
 * people's mediation committee and its labour part to arbitration (R1a, R1b, as transfers), supervises both, and may
 * follow up and close (案结事了) only when both have ended. Along the way the mediator reports a RED risk: the police
 * station and the centres hear of it in the report's own transaction, the risk register lists the dispute while it is
 * open, and the colour's review timer falls due and is escalated like any missed service target.
 */

const RED = { level: 'RED', reportedTo: 'POLICE', summary: '一方扬言持刀报复' };

describe.each(TEST_DATABASES)('综治中心 intake and risk grading ($name)', (database) => {
  let t: TestApp;
  let zz: any;
  let pmId: string;
  let labId: string;

  beforeAll(async () => {
    t = await createTestApp(database);
    setNow(t, chinaMorning('2025-11-03'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const riskRows = async (caseId: string) => (await t.app.get(Db).query('SELECT level FROM risk_reports WHERE case_id = :caseId', { caseId })).map((r) => r.level);
  const riskNotices = async (username: string, caseId: string) => (await notifications(t, username)).items.filter((n: any) => n.kind === 'RISK' && n.case.id === caseId);
  const register = async (username: string, query: Record<string, string> = {}) => t.http().get('/api/risk/register').query(query).set(auth(await t.login(username)));

  it('registers the dispute under one code and triages it, refusing a channel the law does not give the matter (Art. 31)', async () => {
    zz = await openCase(t, 'fq_dispatcher', {
      workflow: 'zz',
      category: 'NEIGHBOUR',
      summary: '邻里纠纷并涉及工资拖欠',
      regionCode: FENGYUAN,
      source: 'APPLICATION',
      parties: [APPLICANT, RESPONDENT],
      input: { intakeChannel: 'COUNTER' },
    });
    expect(zz).toMatchObject({ workflow: { id: 'zz' }, state: 'received', stateLabel: '登记受理', disputeCode: expect.stringMatching(/^D330199-20251103-/) });
    expect(zz.deadlines).toEqual([expect.objectContaining({ specId: 'D-ZZ1', status: 'pending' })]);

    const bad = await send(t, 'fq_dispatcher', zz.id, 'TRIAGE', { classification: 'CIVIL', riskLevel: 'PURPLE', assessment: '邻里矛盾' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('data.riskLevel');

    zz = await apply(t, 'fq_dispatcher', zz.id, 'TRIAGE', { classification: 'CIVIL', legalChannel: 'pm', riskLevel: 'YELLOW', assessment: '邻里停车纠纷，另有一方被辞退后欠薪' });
    expect(zz.state).toBe('triaged');
    expect(await riskRows(zz.id)).toEqual(['YELLOW']);

    // A civil matter goes to mediation or court; arbitration is for labour matters only.
    const wrong = await send(t, 'fq_dispatcher', zz.id, 'DISPATCH', { channel: 'lab', receivingOrgId: 'org-labour-arbitration', reason: '当事人要求' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.violations).toEqual([expect.objectContaining({ precondition: 'channelFitsClassification', legalBasis: expect.stringContaining('信访工作条例 第三十一条') })]);
    // Referring a civil matter to the petition office is refused as well (诉访分离).
    const petition = await send(t, 'fq_dispatcher', zz.id, 'REFER_OUTSIDE', { authority: 'PETITION_BUREAU', authorityName: '青溪区信访局', referredOn: '2025-11-03' });
    expect(petition.status).toBe(409);
    expect(petition.body.violations[0].precondition).toBe('authorityFitsClassification');
  });

  it('dispatches the civil part to people’s mediation and the labour part to arbitration, each a transfer of the same dispute', async () => {
    zz = await apply(t, 'fq_dispatcher', zz.id, 'DISPATCH', { channel: 'pm', receivingOrgId: 'org-fengqiao', reason: '邻里停车纠纷，适宜人民调解' });
    zz = await apply(t, 'fq_dispatcher', zz.id, 'DISPATCH', { channel: 'lab', matter: 'LABOUR', receivingOrgId: 'org-labour-arbitration', reason: '欠薪争议，仲裁前置' });
    expect(zz.state).toBe('supervising');
    const children = zz.links.filter((l: any) => l.direction === 'TO');
    expect(children.map((l: any) => [l.route, l.workflowId, l.orgId])).toEqual([
      ['R1a', 'pm', 'org-fengqiao'],
      ['R1b', 'lab', 'org-labour-arbitration'],
    ]);
    [pmId, labId] = children.map((l: any) => l.caseId);
    const pm = (await getCase(t, 'fq_mediator', pmId)).body;
    expect(pm).toMatchObject({ state: 'referralReceived', disputeCode: zz.disputeCode, transfer: { status: 'SENT', route: 'R1a' } });
    const lab = (await getCase(t, 'arbitrator', labId)).body;
    expect(lab).toMatchObject({ state: 'arb.acceptanceReview', disputeCode: zz.disputeCode });

    // While both are open the centre can neither follow up nor close.
    const early = await send(t, 'fq_dispatcher', zz.id, 'RECORD_FOLLOW_UP', { visitedOn: '2025-11-03', method: 'PHONE', satisfied: true });
    expect(early.status).toBe(409);
    expect(early.body.violations).toEqual([expect.objectContaining({ precondition: 'everyChildEnded' })]);
    expect((await send(t, 'fq_dispatcher', zz.id, 'CLOSE', { summary: '结案' })).status).toBe(409);
  });

  it('shows the centre the whole dispute and its supervision view; others see their part or nothing', async () => {
    const whole = await t.http().get(`/api/disputes/${zz.disputeCode}`).set(auth(await t.login('fq_dispatcher')));
    expect(whole.status).toBe(200);
    expect(whole.body.cases[0].workflow.id).toBe('zz');
    expect(whole.body.cases.map((c: any) => c.workflow.id).sort()).toEqual(['lab', 'pm', 'zz']);
    const mediator = await t.http().get(`/api/disputes/${zz.disputeCode}`).set(auth(await t.login('fq_mediator')));
    expect(mediator.body.cases.map((c: any) => c.workflow.id).sort()).toEqual(['pm', 'zz']);
    expect((await t.http().get(`/api/disputes/${zz.disputeCode}`).set(auth(await t.login('lq_mediator')))).status).toBe(404);

    const sup = await t.http().get(`/api/disputes/${zz.disputeCode}/supervision`).set(auth(await t.login('fq_dispatcher')));
    expect(sup.status).toBe(200);
    expect(sup.body.centreCases).toEqual([expect.objectContaining({ id: zz.id, state: 'supervising' })]);
    expect(sup.body.cases.map((c: any) => [c.id, c.orgName, c.closed, c.overdue]).sort((a: any, b: any) => (a[0] === pmId ? -1 : b[0] === pmId ? 1 : 0))).toEqual([
      [pmId, '枫桥镇人民调解委员会', false, false],
      [labId, '青溪区劳动人事争议仲裁委员会', false, false],
    ]);
    const of = (id: string) => sup.body.cases.find((c: any) => c.id === id);
    expect(of(pmId).deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ specId: 'D-PM1', status: 'pending' })]));
    expect(of(labId).deadlines.length).toBeGreaterThan(0);
    for (const username of ['fq_mediator', 'lq_mediator']) {
      expect((await t.http().get(`/api/disputes/${zz.disputeCode}/supervision`).set(auth(await t.login(username)))).status).toBe(404);
    }
  });

  it('records 督办 as an audited event and tells the handling organisation; only a dispatched case may be named', async () => {
    zz = await apply(t, 'fq_dispatcher', zz.id, 'SUPERVISE', { childCaseId: labId, note: '请于三日内反馈受理情况', replyBy: '2025-11-06' });
    const urged = (await notifications(t, 'arbitrator')).items.filter((n: any) => n.kind === 'SUPERVISION');
    expect(urged).toEqual([expect.objectContaining({ case: expect.objectContaining({ id: labId }), message: expect.stringContaining('请于三日内反馈受理情况') })]);
    const stranger = await send(t, 'fq_dispatcher', zz.id, 'SUPERVISE', { childCaseId: zz.id, note: '督办' });
    expect(stranger.status).toBe(400);
    expect(JSON.stringify(stranger.body)).toContain('data.childCaseId');
    const trail = (await t.http().get(`/api/cases/${zz.id}/history`).set(auth(await t.login('fq_dispatcher')))).body;
    expect(trail.at(-1)).toMatchObject({ type: 'SUPERVISE', from: 'supervising', to: 'supervising', data: { childCaseId: labId } });
  });

  it('writes a RED report and its notices to the police and the centres together, or not at all', async () => {
    const mediatorId = (await t.loginUser('fq_mediator')).user.id;
    await apply(t, 'fq_mediator', pmId, 'SIGN_FOR', { note: '签收' });
    await apply(t, 'fq_mediator', pmId, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' });
    await apply(t, 'fq_mediator', pmId, 'START_MEDIATION', { startedOn: today(t), mode: 'ON_SITE' });

    // Plan the report on the case as it is now, then let another write move the case on before it commits.
    const store = t.app.get(CaseStore);
    const loaded = (await store.load(pmId))!;
    const plan = emptyPlan();
    const env = { directory: await t.app.get(DirectoryService).current(), now: t.app.get(Clock).now(), today: today(t) };
    const next = t.app.get(WritePlanner).apply(plan, loaded, { type: 'REPORT_RISK', data: RED, actor: { id: mediatorId, roles: ['MEDIATOR'] } }, env);
    plan.update = { expectedVersion: loaded.record.version, record: next.record };
    expect(plan.notifications.map((n) => n.orgId)).toEqual(['org-fengqiao-police', 'org-fengqiao-centre', 'org-governance-centre', 'org-district-centre']);
    expect(plan.riskReports).toHaveLength(1);
    await apply(t, 'fq_mediator', pmId, 'RECORD_SESSION', { heldOn: today(t), summary: '双方情绪激动' });
    expect(await store.commit(plan)).toBe('conflict');
    expect(await riskRows(pmId)).toEqual([]);
    expect(await riskNotices('police_officer', pmId)).toEqual([]);
    expect(await riskNotices('fq_dispatcher', pmId)).toEqual([]);

    // Sent again on the current case, the report and every notice commit together.
    const reported = await apply(t, 'fq_mediator', pmId, 'REPORT_RISK', RED);
    expect(await riskRows(pmId)).toEqual(['RED']);
    for (const username of ['police_officer', 'fq_dispatcher', 'zz_dispatcher', 'qx_director']) {
      expect(await riskNotices(username, pmId)).toEqual([expect.objectContaining({ message: expect.stringContaining('红色') })]);
    }
    expect(reported.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ specId: 'D-RISK-RED', dueOn: '2025-11-04', status: 'pending' })]));
  });

  it('lists the open high-risk dispute on the register of its township and district, not of another township', async () => {
    const res = await register('fq_dispatcher');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ regionCode: '330199101', regionName: '枫桥镇' });
    expect(res.body.items).toEqual([
      expect.objectContaining({
        disputeCode: zz.disputeCode,
        level: 'RED',
        levelLabel: '红色',
        caseId: pmId,
        openCases: 3,
        reviewDueOn: '2025-11-04',
        notified: expect.arrayContaining([{ orgId: 'org-fengqiao-police', orgName: '青溪区公安分局枫桥派出所' }]),
      }),
    ]);
    expect((await register('police_officer')).body.items.map((i: any) => i.disputeCode)).toEqual([zz.disputeCode]);
    expect((await register('zz_dispatcher')).body.items.map((i: any) => i.disputeCode)).toEqual([zz.disputeCode]);
    expect((await register('zz_dispatcher', { regionCode: '330199102' })).body.items).toEqual([]);
    const outside = await register('fq_dispatcher', { regionCode: '330199102' });
    expect(outside.status).toBe(400);
    expect(JSON.stringify(outside.body)).toContain('regionCode');
    expect((await register('fy_mediator')).status).toBe(403);
  });

  it('lets the colour’s review fall due and escalates it (督办) when no one reviewed it in time', async () => {
    setNow(t, chinaMorning('2025-11-05'));
    await runWorker(t);
    const pm = (await getCase(t, 'fq_mediator', pmId)).body;
    expect(pm.deadlines).toEqual(expect.arrayContaining([expect.objectContaining({ specId: 'D-RISK-RED', status: 'missed' })]));
    const escalated = (await notifications(t, 'qx_director')).items.filter((n: any) => n.kind === 'ESCALATION' && n.case.id === pmId);
    expect(escalated).toEqual([expect.objectContaining({ message: expect.stringContaining('红色风险研判复核') })]);
    // A regrade (here down to ORANGE after the review) replaces the timer.
    const regraded = await apply(t, 'fq_mediator', pmId, 'REPORT_RISK', { level: 'ORANGE', reportedTo: 'ZONGZHI_CENTRE', summary: '已由民警劝离，仍有争执' });
    expect(regraded.deadlines.filter((d: any) => d.specId.startsWith('D-RISK-') && d.status === 'pending')).toEqual([expect.objectContaining({ specId: 'D-RISK-ORANGE', dueOn: '2025-11-08' })]);
    expect((await register('fq_dispatcher')).body.items).toEqual([expect.objectContaining({ level: 'ORANGE', reviewDueOn: '2025-11-08' })]);
  });

  it('follows up and closes only when both dispatched cases have ended (案结事了), and the dispute leaves the register', async () => {
    await apply(t, 'fq_mediator', pmId, 'WITHDRAW', { partyIds: ['P1'], reason: '双方已自行和解' });
    await apply(t, 'arbitrator', labId, 'ACCEPT', { acceptedOn: today(t), workerPartyIds: ['P1'], knewOn: '2025-10-20' });
    // One child still open: still refused.
    await eventually(
      async () => (await t.http().get(`/api/cases/${zz.id}/history`).set(auth(await t.login('fq_dispatcher')))).body,
      (trail: any[]) => trail.some((e) => e.type === 'CHILD_ENDED'),
    );
    expect((await send(t, 'fq_dispatcher', zz.id, 'RECORD_FOLLOW_UP', { visitedOn: today(t), method: 'PHONE', satisfied: true })).status).toBe(409);

    await apply(t, 'arbitrator', labId, 'WITHDRAW', { reason: 'SETTLED', note: '用人单位已支付工资' });
    await eventually(
      async () => (await t.http().get(`/api/cases/${zz.id}/history`).set(auth(await t.login('fq_dispatcher')))).body,
      (trail: any[]) => trail.filter((e) => e.type === 'CHILD_ENDED').length === 2,
    );
    const trail = (await t.http().get(`/api/cases/${zz.id}/history`).set(auth(await t.login('fq_dispatcher')))).body;
    expect(trail.filter((e: any) => e.type === 'CHILD_REPORTED').map((e: any) => e.data.outcome)).toEqual(expect.arrayContaining(['SIGNED_FOR', 'WITHDRAWN', 'ACCEPTED']));

    const sup = (await t.http().get(`/api/disputes/${zz.disputeCode}/supervision`).set(auth(await t.login('fq_dispatcher')))).body;
    expect(sup.cases.map((c: any) => c.closed)).toEqual([true, true]);
    zz = await apply(t, 'fq_dispatcher', zz.id, 'RECORD_FOLLOW_UP', { visitedOn: today(t), method: 'VISIT', satisfied: true, notes: '双方表示满意' });
    zz = await apply(t, 'fq_dispatcher', zz.id, 'CLOSE', { summary: '停车纠纷和解，工资已付清，案结事了' });
    expect(zz).toMatchObject({ state: 'closed', stateLabel: '案结事了', closed: true });
    expect((await register('fq_dispatcher')).body.items).toEqual([]);
    // The pm case ended with its risk review cancelled, not left to fire.
    const pm = (await getCase(t, 'fq_mediator', pmId)).body;
    expect(pm.deadlines.filter((d: any) => d.specId === 'D-RISK-ORANGE')).toEqual([expect.objectContaining({ status: 'cancelled' })]);
    for (const id of [zz.id, pmId, labId]) expect(await verifyAudit(t, id)).toMatchObject({ ok: true });
  });

  describe('dispatch to 信访, 行政复议 and land-contract arbitration, as transfers (R1e–R1g)', () => {
    const RX = { actType: 'PENALTY', respondentAgency: '青溪区农业农村局', actRef: '青农罚〔2025〕12号', knewOn: '2025-10-28', applicationChannel: 'ORGAN_WRITTEN', requests: '撤销罚款决定' };
    const LAND = { disputeKind: 'TRANSFER', landLocationCode: FENGYUAN, knewOn: '2025-10-15' };
    const PETITION = { channel: 'VISIT', petitionClass: 'REQUEST', groupVisit: false };
    const dispute = (summary: string) => openCase(t, 'fq_dispatcher', { workflow: 'zz', category: 'FOREST_LAND', summary, regionCode: FENGYUAN, source: 'APPLICATION', parties: [APPLICANT, RESPONDENT], input: { intakeChannel: 'COUNTER' } });
    const inboxOf = async (username: string) => (await t.http().get('/api/inbox').set(auth(await t.login(username)))).body.items;
    const trailOf = async (caseId: string) => (await t.http().get(`/api/cases/${caseId}/history`).set(auth(await t.login('fq_dispatcher')))).body;

    it('requires at triage what the advised channel needs, naming the field (400)', async () => {
      const zz2 = await dispute('承包地流转租金及农业罚款纠纷');
      const missing = await send(t, 'fq_dispatcher', zz2.id, 'TRIAGE', { classification: 'ADMINISTRATIVE', legalChannel: 'rx', riskLevel: 'BLUE', assessment: '对罚款不服' });
      expect(missing.status).toBe(400);
      expect(missing.body.errors.map((e: any) => e.field)).toEqual(['data.reconsideration']);
      const partial = await send(t, 'fq_dispatcher', zz2.id, 'TRIAGE', { classification: 'ADMINISTRATIVE', legalChannel: 'rx', riskLevel: 'BLUE', assessment: '对罚款不服', reconsideration: { ...RX, knewOn: undefined } });
      expect(partial.status).toBe(400);
      expect(partial.body.errors.map((e: any) => e.field)).toEqual(['data.reconsideration.knewOn']);
      const expropriation = await send(t, 'fq_dispatcher', zz2.id, 'TRIAGE', { classification: 'LAND_CONTRACT', legalChannel: 'land', riskLevel: 'BLUE', assessment: '征地补偿', landContract: { ...LAND, disputeKind: 'EXPROPRIATION_COMPENSATION' } });
      expect(expropriation.status).toBe(400);
      expect(JSON.stringify(expropriation.body)).toContain('data.landContract.disputeKind');
    });

    it('sends one dispute’s land, administrative and residual parts to the commission, the reconsideration organ and the petition office, each signing for it in its inbox', async () => {
      let zz2 = await dispute('承包地流转租金及农业罚款纠纷');
      zz2 = await apply(t, 'fq_dispatcher', zz2.id, 'TRIAGE', { classification: 'LAND_CONTRACT', legalChannel: 'land', riskLevel: 'BLUE', assessment: '流转租金拖欠，另对农业罚款不服', landContract: LAND });
      // Reconsideration needs the act: a dispatch without it is refused, one carrying it goes.
      const bare = await send(t, 'fq_dispatcher', zz2.id, 'DISPATCH', { channel: 'rx', matter: 'ADMINISTRATIVE', receivingOrgId: 'org-reconsideration', reason: '对罚款不服' });
      expect(bare.status).toBe(409);
      expect(bare.body.violations).toEqual([expect.objectContaining({ precondition: 'targetRecordKnown' })]);
      zz2 = await apply(t, 'fq_dispatcher', zz2.id, 'DISPATCH', { channel: 'land', receivingOrgId: 'org-land-arbitration', reason: '流转租金纠纷，申请仲裁' });
      zz2 = await apply(t, 'fq_dispatcher', zz2.id, 'DISPATCH', { channel: 'rx', matter: 'ADMINISTRATIVE', receivingOrgId: 'org-reconsideration', reason: '对罚款不服', reconsideration: RX });
      zz2 = await apply(t, 'fq_dispatcher', zz2.id, 'DISPATCH', { channel: 'xf', matter: 'PETITION_ONLY', receivingOrgId: 'org-fengqiao-petition', reason: '要求村里公开土地款，无法定途径', petition: PETITION });
      const children = zz2.links.filter((l: any) => l.direction === 'TO');
      expect(children.map((l: any) => [l.route, l.workflowId, l.orgId])).toEqual([
        ['R1g', 'land', 'org-land-arbitration'],
        ['R1f', 'rx', 'org-reconsideration'],
        ['R1e', 'xf', 'org-fengqiao-petition'],
      ]);
      const [landId, rxId, xfId] = children.map((l: any) => l.caseId);

      // Each receiving case opened with what the triage recorded, waiting in its organisation's inbox.
      const land = (await getCase(t, 'land_arbitrator', landId)).body;
      expect(land).toMatchObject({ state: 'arb.applied', disputeCode: zz2.disputeCode, source: 'INTAKE_DISPATCH', transfer: { route: 'R1g', status: 'SENT' } });
      const rx = (await getCase(t, 'rx_officer', rxId)).body;
      expect(rx).toMatchObject({ state: 'review', disputeCode: zz2.disputeCode, transfer: { route: 'R1f', status: 'SENT' } });
      const xf = (await getCase(t, 'fq_petition', xfId)).body;
      expect(xf).toMatchObject({ state: 'transferReceived', disputeCode: zz2.disputeCode, transfer: { route: 'R1e', status: 'SENT' } });
      for (const [username, id, route] of [['land_arbitrator', landId, 'R1g'], ['rx_officer', rxId, 'R1f'], ['fq_petition', xfId, 'R1e']]) {
        expect((await inboxOf(username)).find((i: any) => i.id === id)).toMatchObject({ route: { id: route }, disputeCode: zz2.disputeCode });
      }

      await apply(t, 'land_arbitrator', landId, 'ACCEPT', { acceptedOn: today(t), otherProceedings: 'NONE' });
      await apply(t, 'rx_officer', rxId, 'ACCEPT', { acceptedOn: today(t), procedure: 'ORDINARY' });
      await apply(t, 'fq_petition', xfId, 'ACCEPT', { acceptedOn: today(t), notifiedOn: today(t) });
      for (const [username, id] of [['land_arbitrator', landId], ['rx_officer', rxId], ['fq_petition', xfId]]) {
        expect((await getCase(t, username, id)).body.transfer).toMatchObject({ status: 'ACCEPTED' });
        expect((await inboxOf(username)).some((i: any) => i.id === id)).toBe(false);
      }
      const trail = await eventually(
        () => trailOf(zz2.id),
        (entries: any[]) => entries.filter((e) => e.type === 'CHILD_REPORTED' && e.data.outcome === 'SIGNED_FOR').length === 3,
      );
      expect(trail.filter((e: any) => e.type === 'CHILD_REPORTED' && e.data.outcome === 'SIGNED_FOR').map((e: any) => e.data.sourceCaseId).sort()).toEqual([landId, rxId, xfId].sort());
    });

    it('a petition office returning the dispatch with its reason leaves the centre’s case where it was, the reason in its history', async () => {
      let zz3 = await dispute('要求公开村集体土地补偿款分配');
      zz3 = await apply(t, 'fq_dispatcher', zz3.id, 'TRIAGE', { classification: 'PETITION_ONLY', legalChannel: 'xf', riskLevel: 'BLUE', assessment: '无法定途径', petition: PETITION });
      zz3 = await apply(t, 'fq_dispatcher', zz3.id, 'DISPATCH', { channel: 'xf', receivingOrgId: 'org-fengqiao-petition', reason: '转信访办理' });
      const xfId = zz3.links.find((l: any) => l.route === 'R1e').caseId;
      await apply(t, 'fq_petition', xfId, 'OBJECT', { reason: 'OTHER_ORGAN', explanation: '村务公开由镇农业农村办督促' });
      const trail = await eventually(
        () => trailOf(zz3.id),
        (entries: any[]) => entries.some((e) => e.type === 'CHILD_REPORTED' && e.data.outcome === 'RETURNED'),
      );
      expect(trail.find((e: any) => e.type === 'CHILD_REPORTED' && e.data.outcome === 'RETURNED')).toMatchObject({ from: 'supervising', to: 'supervising', data: { reason: 'OTHER_ORGAN', explanation: '村务公开由镇农业农村办督促', sourceCaseId: xfId } });
      expect((await getCase(t, 'fq_dispatcher', zz3.id)).body.state).toBe('supervising');
      expect((await getCase(t, 'fq_petition', xfId)).body.transfer).toMatchObject({ status: 'RETURNED', reason: 'OTHER_ORGAN' });
    });
  });

  it('lets a grid worker report a dispute, and records the region’s screening sweeps', async () => {
    const reported = await openCase(t, 'grid_worker', {
      workflow: 'zz',
      category: 'NEIGHBOUR',
      summary: '网格巡查发现宅基地边界争执',
      regionCode: FENGYUAN,
      source: 'GRID_REPORT',
      parties: [APPLICANT, RESPONDENT],
      input: { intakeChannel: 'GRID' },
    });
    expect(reported).toMatchObject({ workflow: { id: 'zz' }, state: 'received', assignment: expect.objectContaining({ orgId: 'org-fengqiao-centre' }) });
    expect((await send(t, 'grid_worker', reported.id, 'TRIAGE', { classification: 'CIVIL', riskLevel: 'BLUE', assessment: '一般' })).status).toBe(403);

    const token = await t.login('grid_worker');
    const sweep = await t.http().post('/api/risk/sweeps').set(auth(token)).send({ regionCode: FENGYUAN, conductedOn: today(t), findings: '走访枫源村 12 户，发现边界争执 1 起', disputeCodes: [reported.disputeCode] });
    expect(sweep.status).toBe(201);
    expect(sweep.body).toMatchObject({ regionCode: FENGYUAN, orgId: 'org-fengqiao-centre', conductedBy: (await t.loginUser('grid_worker')).user.id, disputeCodes: [reported.disputeCode] });
    const listed = await t.http().get('/api/risk/sweeps').set(auth(await t.login('fq_dispatcher')));
    expect(listed.body.map((s: any) => s.id)).toEqual([sweep.body.id]);

    const future = await t.http().post('/api/risk/sweeps').set(auth(token)).send({ regionCode: FENGYUAN, conductedOn: '2030-01-01', findings: '未来的排查' });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('conductedOn');
    const elsewhere = await t.http().post('/api/risk/sweeps').set(auth(token)).send({ regionCode: '330199102', conductedOn: today(t), findings: '南山镇' });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(elsewhere.body)).toContain('regionCode');
    expect((await t.http().post('/api/risk/sweeps').set(auth(await t.login('police_officer'))).send({ regionCode: FENGYUAN, conductedOn: today(t), findings: '巡查' })).status).toBe(403);
  });
});
