import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, chinaMorning, eventTypes, eventually, getCase, history, pmCaseBody, setNow, verifyAudit } from '../support/cases';

/*
 * The 人民调解 → 司法确认 path a village committee and the district court walk, over HTTP only, on fixed dates so the
 * legal calendar's answers can be written down: 2025-09-01 (Monday) is the day the case is registered, which starts
 * D-PM1 (one month, spec table (b)): it would end on 2025-10-01, which is National Day, so it rolls forward past the
 * holiday (2025-10-01 … 10-08) to 2025-10-09, and it keeps running through consent, assignment and mediation. The agreement takes effect 2025-09-10, so D-JC1 (30 days) ends 2025-10-10.
 */

const GENESIS = '0'.repeat(64);

describe.each(TEST_DATABASES)('人民调解 → 司法确认 over HTTP ($name)', (database) => {
  let t: TestApp;
  let pmId: string;
  let jcId: string;
  /** The history as last seen, to check each step adds exactly one linked entry. */
  const seen: Record<string, any[]> = {};

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The case's history grew by exactly one entry, chained to the previous one, and that entry is returned. */
  async function oneMoreEntry(caseId: string, username: string, expected: { type: string; from: string | null; to: string; actorId?: string; role?: string }) {
    const before = seen[caseId] ?? [];
    const entries = await history(t, username, caseId);
    expect(entries).toHaveLength(before.length + 1);
    expect(entries.slice(0, before.length)).toEqual(before);
    const last = entries[entries.length - 1];
    expect(last).toMatchObject({ seq: before.length + 1, type: expected.type, from: expected.from, to: expected.to });
    expect(last.prevHash).toBe(before.length ? before[before.length - 1].hash : GENESIS);
    expect(last.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(last.hash).not.toBe(last.prevHash);
    if (expected.actorId) expect(last.actor).toMatchObject({ id: expected.actorId, role: expected.role });
    seen[caseId] = entries;
    return last;
  }

  const userId = async (username: string) => (await t.loginUser(username)).user.id;
  const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);

  it('opens a 人民调解 case for 枫源村 as the village mediator', async () => {
    setNow(t, chinaMorning('2025-09-01'));
    const res = await t.http().post('/api/cases').set(auth(await t.login('fy_mediator'))).send(pmCaseBody());
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/api/cases/${res.body.id}`);
    const view = res.body;
    pmId = view.id;
    expect(view).toMatchObject({
      caseNo: '（2025）枫源调字第1号',
      workflow: { id: 'pm', version: 1, title: '人民调解' },
      state: 'registered',
      stateLabel: '登记',
      version: 1,
      closed: false,
      category: 'NEIGHBOUR',
      categoryLabel: '邻里',
      regionCode: '330199101201',
      region: { code: '330199101201', name: '枫源村' },
      source: 'APPLICATION',
      personalDataMasked: false,
      assignment: { orgId: 'org-fengyuan', orgName: '枫源村人民调解委员会', assigneeId: null },
      origin: null,
      links: [],
    });
    // D-PM1 starts at registration.
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        specId: 'D-PM1',
        label: '人民调解一般期限（一个月内调结）',
        dueOn: '2025-10-09',
        dayType: 'calendar',
        period: { amount: 1, unit: 'month' },
        legalBasis: '人民调解工作若干规定 第三十三条',
        status: 'pending',
        statusLabel: '进行中',
        daysLeft: 38,
        state: 'registered',
      }),
    ]);
    // The handling mediator sees the parties in full; ids are assigned in order.
    expect(view.parties).toEqual([
      expect.objectContaining({ id: 'P1', role: 'APPLICANT', roleLabel: '申请人', name: APPLICANT.name, idNumber: APPLICANT.idNumber, phone: APPLICANT.phone }),
      expect.objectContaining({ id: 'P2', role: 'RESPONDENT', roleLabel: '被申请人', name: RESPONDENT.name, idNumber: RESPONDENT.idNumber, phone: RESPONDENT.phone }),
    ]);
    expect(eventTypes(view)).toEqual(['NOT_ACCEPT', 'SEEK_CONSENT', 'TRANSFER']);
    expect(view.availableEvents.find((e: any) => e.type === 'SEEK_CONSENT').label).toBe('征询当事人意愿');

    const read = await getCase(t, 'fy_mediator', pmId);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('"1"');
    expect(read.body).toEqual(view);

    const opened = await oneMoreEntry(pmId, 'fy_mediator', { type: 'OPEN', from: null, to: 'registered', actorId: await userId('fy_mediator'), role: 'MEDIATOR' });
    expect(opened.at).toBe('2025-09-01T02:00:00.000Z');
  });

  it('SEEK_CONSENT: asks both parties whether they accept mediation', async () => {
    const view = await apply(t, 'fy_mediator', pmId, 'SEEK_CONSENT', { note: '电话征询双方意愿' }, { 'If-Match': '"1"' });
    expect(view).toMatchObject({ state: 'consentPending', stateLabel: '征询当事人意愿', version: 2 });
    // The same D-PM1 keeps running while the parties are asked: no second row, no new due date.
    expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-PM1', dueOn: '2025-10-09', status: 'pending', state: 'registered' })]);
    expect(eventTypes(view)).toEqual(['ASSIGN_MEDIATOR', 'NOT_ACCEPT', 'RECORD_REFUSAL', 'TRANSFER']);
    // What a user may send depends on the role: the intake clerk may record a refusal but not assign or decline.
    expect(eventTypes((await getCase(t, 'fy_clerk', pmId)).body)).toEqual(['RECORD_REFUSAL']);
    await oneMoreEntry(pmId, 'fy_mediator', { type: 'SEEK_CONSENT', from: 'registered', to: 'consentPending', actorId: await userId('fy_mediator'), role: 'MEDIATOR' });
  });

  it('ASSIGN_MEDIATOR: the committee director assigns a mediator of the committee, with both parties consenting', async () => {
    const director = await t.login('fy_director');
    const mediators = await t.http().get('/api/organisations/mine/users').query({ role: 'MEDIATOR' }).set(auth(director));
    expect(mediators.status).toBe(200);
    const mediatorId = await userId('fy_mediator');
    expect(mediators.body.map((u: any) => u.id).sort()).toEqual([mediatorId, await userId('fy_director')].sort());
    const chosen = mediators.body.find((u: any) => u.id === mediatorId);
    expect(chosen.displayName).toBe('王秀英（枫源村调解员）');

    const view = await apply(t, 'fy_director', pmId, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' }, { 'If-Match': '"2"' });
    expect(view).toMatchObject({
      state: 'assigned',
      stateLabel: '已指定调解员',
      version: 3,
      assignment: { orgId: 'org-fengyuan', assigneeId: mediatorId, assigneeName: '王秀英（枫源村调解员）' },
    });
    expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-PM1', dueOn: '2025-10-09', status: 'pending' })]);
    expect(eventTypes(view)).toEqual(['RECORD_REFUSAL', 'START_MEDIATION', 'WITHDRAW']);
    // Only a mediator starts mediation: the clerk may still record a refusal.
    expect(eventTypes((await getCase(t, 'fy_clerk', pmId)).body)).toEqual(['RECORD_REFUSAL']);
    await oneMoreEntry(pmId, 'fy_director', { type: 'ASSIGN_MEDIATOR', from: 'consentPending', to: 'assigned', actorId: await userId('fy_director'), role: 'MEDIATOR' });
  });

  it('START_MEDIATION: mediation runs within the one-month D-PM1 counted from registration, rolled past National Day', async () => {
    const view = await apply(t, 'fy_mediator', pmId, 'START_MEDIATION', { startedOn: '2025-09-01', mode: 'ON_SITE' }, { 'If-Match': '"3"' });
    expect(view).toMatchObject({ state: 'mediating', stateLabel: '调解中', version: 4 });
    expect(eventTypes(view)).toEqual([
      'EXTEND_BY_CONSENT',
      'RECORD_ORAL_AGREEMENT',
      'RECORD_SESSION',
      'REPORT_RISK',
      'REQUEST_HEARING',
      'SIGN_WRITTEN_AGREEMENT',
      'TERMINATE_FAILED',
      'TRANSFER',
      'WITHDRAW',
    ]);
    expect(view.deadlines).toEqual([
      expect.objectContaining({
        specId: 'D-PM1',
        label: '人民调解一般期限（一个月内调结）',
        dueOn: '2025-10-09',
        dayType: 'calendar',
        period: { amount: 1, unit: 'month' },
        legalBasis: '人民调解工作若干规定 第三十三条',
        status: 'pending',
        statusLabel: '进行中',
        daysLeft: 38,
        state: 'registered',
      }),
    ]);
    await oneMoreEntry(pmId, 'fy_mediator', { type: 'START_MEDIATION', from: 'assigned', to: 'mediating', actorId: await userId('fy_mediator'), role: 'MEDIATOR' });
  });

  it('RECORD_SESSION: a session is recorded without leaving mediation, and D-PM1 keeps running', async () => {
    setNow(t, chinaMorning('2025-09-05'));
    const view = await apply(t, 'fy_mediator', pmId, 'RECORD_SESSION', { heldOn: '2025-09-05', summary: '现场查看围墙位置，背对背调解', participants: ['村民小组长'] }, { 'If-Match': '"4"' });
    expect(view).toMatchObject({ state: 'mediating', stateLabel: '调解中', version: 5 });
    expect(view.deadlines).toEqual([expect.objectContaining({ specId: 'D-PM1', dueOn: '2025-10-09', status: 'pending', daysLeft: 34 })]);
    const entry = await oneMoreEntry(pmId, 'fy_mediator', { type: 'RECORD_SESSION', from: 'mediating', to: 'mediating' });
    expect(entry.data).toEqual({ heldOn: '2025-09-05', summary: '现场查看围墙位置，背对背调解', participants: ['村民小组长'] });
  });

  it('SIGN_WRITTEN_AGREEMENT: the agreement takes effect; D-PM1 is met and the 30-day D-JC1 window opens', async () => {
    setNow(t, chinaMorning('2025-09-10'));
    const view = await apply(
      t,
      'fy_mediator',
      pmId,
      'SIGN_WRITTEN_AGREEMENT',
      {
        content: '李四于2025年10月31日前将越界围墙拆除并退回原址',
        signedPartyIds: ['P1', 'P2'],
        mediatorSigned: true,
        committeeSealed: true,
        effectiveOn: '2025-09-10',
        performanceDueOn: '2025-10-31',
      },
      { 'If-Match': '"5"' },
    );
    expect(view).toMatchObject({ state: 'agreedWritten', stateLabel: '书面协议已生效', version: 6 });
    expect(eventTypes(view)).toEqual(['APPLY_JUDICIAL_CONFIRMATION', 'DECLINE_JUDICIAL_CONFIRMATION', 'RECORD_PERFORMED']);
    expect(deadline(view, 'D-PM1')).toMatchObject({ status: 'met', statusLabel: '按期完成' });
    expect(deadline(view, 'D-JC1')).toMatchObject({
      label: '申请司法确认期限（协议生效之日起三十日）',
      dueOn: '2025-10-10',
      dayType: 'calendar',
      period: { amount: 30, unit: 'day' },
      legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
      status: 'pending',
      daysLeft: 30,
    });
    expect(view.deadlines).toHaveLength(2);
    await oneMoreEntry(pmId, 'fy_mediator', { type: 'SIGN_WRITTEN_AGREEMENT', from: 'mediating', to: 'agreedWritten' });
  });

  it('APPLY_JUDICIAL_CONFIRMATION: applies to the basic court, which receives a linked 司法确认 case', async () => {
    setNow(t, chinaMorning('2025-09-12'));
    const courts = await t.http().get('/api/organisations').query({ type: 'BASIC_COURT' }).set(auth(await t.login('fy_mediator')));
    expect(courts.status).toBe(200);
    expect(courts.body).toEqual([expect.objectContaining({ id: 'org-court', name: '青溪区人民法院', type: 'BASIC_COURT' })]);

    const view = await apply(t, 'fy_mediator', pmId, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: courts.body[0].id, applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' }, { 'If-Match': '"6"' });
    expect(view).toMatchObject({ state: 'judicialConfirmation', stateLabel: '司法确认中', version: 7 });
    // Only the court (through the engine) can move the case on now.
    expect(view.availableEvents).toEqual([]);
    expect(deadline(view, 'D-JC1')).toMatchObject({ dueOn: '2025-10-10', status: 'met' });
    expect(deadline(view, 'D-PM1')).toMatchObject({ status: 'met' });
    expect(view.links).toEqual([
      expect.objectContaining({ relation: 'jc', relationLabel: '司法确认', direction: 'TO', workflowId: 'jc', orgId: 'org-court', orgName: '青溪区人民法院' }),
    ]);
    jcId = view.links[0].caseId;
    expect(view.links[0].caseNo).toBe('（2025）青溪法院民特确字第1号');
    await oneMoreEntry(pmId, 'fy_mediator', { type: 'APPLY_JUDICIAL_CONFIRMATION', from: 'agreedWritten', to: 'judicialConfirmation' });
  });

  it('the court clerk finds the application among filed cases, linked back to the mediation case', async () => {
    const list = await t.http().get('/api/cases').query({ state: 'filed' }).set(auth(await t.login('court_clerk')));
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items).toEqual([expect.objectContaining({ id: jcId, state: 'filed', stateLabel: '已提交待签收', orgId: 'org-court', originOrgName: '枫源村人民调解委员会', workflow: expect.objectContaining({ id: 'jc' }) })]);

    const res = await getCase(t, 'court_clerk', jcId);
    expect(res.status).toBe(200);
    const jc = res.body;
    expect(jc).toMatchObject({
      caseNo: '（2025）青溪法院民特确字第1号',
      workflow: { id: 'jc', version: 2, title: '司法确认' },
      state: 'filed',
      stateLabel: '已提交待签收',
      version: 2,
      regionCode: '330199101201',
      category: 'NEIGHBOUR',
      personalDataMasked: false,
      assignment: { orgId: 'org-court', orgName: '青溪区人民法院' },
      origin: { orgId: 'org-fengyuan', orgName: '枫源村人民调解委员会', caseId: pmId },
    });
    expect(jc.links).toEqual([expect.objectContaining({ relation: 'jc', direction: 'FROM', caseId: pmId, caseNo: '（2025）枫源调字第1号', workflowId: 'pm', orgId: 'org-fengyuan' })]);
    expect(jc.parties.map((p: any) => [p.id, p.name, p.idNumber])).toEqual([
      ['P1', APPLICANT.name, APPLICANT.idNumber],
      ['P2', RESPONDENT.name, RESPONDENT.idNumber],
    ]);
    // The application was filed within the window the agreement opened.
    // The court signs for or returns it within three days of receipt (an internal time limit, so configurable).
    expect(jc.deadlines).toEqual([
      expect.objectContaining({ specId: 'D-JC1', dueOn: '2025-10-10', status: 'met', legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条' }),
      expect.objectContaining({ specId: 'JC-RECEIPT', dueOn: '2025-09-15', status: 'pending', soft: true, state: 'filed' }),
    ]);
    expect(jc.transfer).toMatchObject({ route: 'R4', status: 'SENT', statusLabel: '待签收', from: { caseId: pmId, orgName: '枫源村人民调解委员会' } });
    // The court reads the agreement it is asked to confirm: the dossier quotes the signing record.
    expect(jc.transfer.dossier.context).toMatchObject({ agreementForm: 'WRITTEN', agreementEffectiveOn: '2025-09-10', performanceDueOn: '2025-10-31' });
    expect(jc.transfer.dossier.events.map((e: any) => e.type)).toEqual(expect.arrayContaining(['SIGN_WRITTEN_AGREEMENT']));
    expect(jc.disputeCode).toBe((await getCase(t, 'fy_mediator', pmId)).body.disputeCode);
    expect(eventTypes(jc)).toEqual(['RETURN', 'SIGN_FOR']);

    // Its history: opened for the mediator who applied, then filed by the engine.
    const entries = await history(t, 'court_clerk', jcId);
    expect(entries.map((e) => [e.seq, e.type, e.from, e.to, e.actor.role])).toEqual([
      [1, 'OPEN', null, 'preparing', 'MEDIATOR'],
      [2, 'FILE', 'preparing', 'filed', 'SYSTEM'],
    ]);
    expect(entries[0].prevHash).toBe(GENESIS);
    expect(entries[1].prevHash).toBe(entries[0].hash);
    expect(entries[0].data).toMatchObject({ originCaseId: pmId, route: 'R4', input: { agreementEffectiveOn: '2025-09-10', performanceDueOn: '2025-10-31', mediationOrgName: '枫源村人民调解委员会' } });
    seen[jcId] = entries;

    // The village committee follows its application (read-only, personal data masked: the court handles it now).
    const followed = (await getCase(t, 'fy_mediator', jcId)).body;
    expect(followed).toMatchObject({ id: jcId, state: 'filed', personalDataMasked: true, availableEvents: [] });
  });

  it('SIGN_FOR: the clerk signs for the application; the 3-day acceptance review starts', async () => {
    setNow(t, chinaMorning('2025-09-15'));
    const view = await apply(t, 'court_clerk', jcId, 'SIGN_FOR', { note: '材料齐全' }, { 'If-Match': '"2"' });
    expect(view).toMatchObject({ state: 'acceptanceReview', stateLabel: '立案审查', version: 3 });
    expect(eventTypes(view)).toEqual(['REGISTER', 'WITHDRAW']);
    expect(deadline(view, 'JC-RECEIPT')).toMatchObject({ status: 'met' });
    expect(view.transfer).toMatchObject({ status: 'ACCEPTED', statusLabel: '已签收', decidedAt: '2025-09-15T02:00:00.000Z' });
    expect(deadline(view, 'D-JC2')).toMatchObject({
      dueOn: '2025-09-18',
      dayType: 'calendar',
      legalBasis: '最高人民法院关于人民调解协议司法确认程序的若干规定（法释〔2011〕5号） 第四条',
      status: 'pending',
      daysLeft: 3,
    });
    await oneMoreEntry(jcId, 'court_clerk', { type: 'SIGN_FOR', from: 'filed', to: 'acceptanceReview', actorId: await userId('court_clerk'), role: 'COURT_CLERK' });
  });

  it('REGISTER: the clerk registers the case; the 30-day review period D-JC3 runs from registration', async () => {
    setNow(t, chinaMorning('2025-09-16'));
    const view = await apply(t, 'court_clerk', jcId, 'REGISTER', { docketNo: '（2025）青溪0101民特12号', registeredOn: '2025-09-16' }, { 'If-Match': '"3"' });
    expect(view).toMatchObject({ state: 'registered', stateLabel: '已立案审查', version: 4 });
    expect(deadline(view, 'D-JC2')).toMatchObject({ status: 'met' });
    expect(deadline(view, 'D-JC3')).toMatchObject({ dueOn: '2025-10-16', dayType: 'calendar', legalBasis: '民事诉讼法 第一百八十七条', status: 'pending', daysLeft: 30 });
    expect(eventTypes(view)).toEqual(['SCHEDULE_VERIFICATION', 'WITHDRAW']);
    // The judge may also rule out or ask for more; a ruling that the agreement is valid needs the hearing first.
    expect(eventTypes((await getCase(t, 'judge', jcId)).body)).toEqual(['DISMISS', 'REQUEST_SUPPLEMENT', 'SCHEDULE_VERIFICATION', 'WITHDRAW']);
    await oneMoreEntry(jcId, 'court_clerk', { type: 'REGISTER', from: 'acceptanceReview', to: 'registered' });
  });

  it('SCHEDULE_VERIFICATION: the judge summons both parties', async () => {
    setNow(t, chinaMorning('2025-09-18'));
    const view = await apply(t, 'judge', jcId, 'SCHEDULE_VERIFICATION', { scheduledOn: '2025-09-22' }, { 'If-Match': '"4"' });
    expect(view).toMatchObject({ state: 'verification', stateLabel: '到场核实', version: 5 });
    expect(eventTypes(view)).toEqual(['DEEM_WITHDRAWN', 'DISMISS', 'REQUEST_SUPPLEMENT', 'RULE_VALID', 'WITHDRAW']);
    expect(deadline(view, 'D-JC1')).toMatchObject({ status: 'met' });
    expect(deadline(view, 'D-JC2')).toMatchObject({ status: 'met' });
    // The review period runs on through verification: the same row, still pending.
    expect(deadline(view, 'D-JC3')).toMatchObject({ dueOn: '2025-10-16', status: 'pending', state: 'registered' });
    expect(view.deadlines.filter((d: any) => d.specId === 'D-JC3')).toHaveLength(1);
    await oneMoreEntry(jcId, 'judge', { type: 'SCHEDULE_VERIFICATION', from: 'registered', to: 'verification', actorId: await userId('judge'), role: 'JUDGE' });
  });

  it('RULE_VALID: the ruling reaches the mediation case through the outbox, which moves on to monitoring', async () => {
    setNow(t, chinaMorning('2025-09-22'));
    const view = await apply(t, 'judge', jcId, 'RULE_VALID', { rulingNo: '（2025）青溪0101民特12号', ruledOn: '2025-09-22' }, { 'If-Match': '"5"' });
    expect(view).toMatchObject({ state: 'confirmed', stateLabel: '裁定协议有效', version: 6 });
    expect(eventTypes(view)).toEqual(['SERVE_RULING']);
    // Ruling within the thirty days meets D-JC3.
    expect(deadline(view, 'D-JC3')).toMatchObject({ status: 'met' });
    await oneMoreEntry(jcId, 'judge', { type: 'RULE_VALID', from: 'verification', to: 'confirmed' });

    // Delivery happens after the court's commit: ask until the mediation case has moved.
    const pm = await eventually(
      async () => (await getCase(t, 'fy_mediator', pmId)).body,
      (c) => c.state !== 'judicialConfirmation',
    );
    expect(pm).toMatchObject({ state: 'monitoring', stateLabel: '履行监督', version: 8 });
    expect(eventTypes(pm)).toEqual(['RECORD_DEFAULT', 'RECORD_FOLLOW_UP', 'RECORD_PERFORMED', 'REMEDIATE']);
    expect(deadline(pm, 'PM-PERFORMANCE')).toMatchObject({ label: '协议约定的履行期限', dueOn: '2025-10-31', legalBasis: '人民调解法 第三十一条', status: 'pending', daysLeft: 39 });

    const entry = await oneMoreEntry(pmId, 'fy_mediator', { type: 'JC_CONFIRMED', from: 'judicialConfirmation', to: 'monitoring', actorId: 'system', role: 'SYSTEM' });
    expect(entry.data).toMatchObject({ sourceCaseId: jcId, sourceCaseNo: '（2025）青溪法院民特确字第1号' });
    expect(entry.actor.name).toBe('系统');
  });

  it('leaves both chains intact', async () => {
    expect(await verifyAudit(t, pmId)).toMatchObject({ ok: true, checked: 8, firstBroken: null });
    expect(await verifyAudit(t, jcId)).toMatchObject({ ok: true, checked: 6, firstBroken: null });
    expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: 14 });
  });
});
