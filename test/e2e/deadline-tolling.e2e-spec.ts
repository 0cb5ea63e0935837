import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, getCase, history, openCase, pmCaseBody, pmStep, verifyAudit } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * Tolling (中止) and extension (延长) of a deadline, recorded with reason and approver in the case's audit chain. The
 * deadline is D-PM1 of a mediation that starts 2025-03-03 (one month: due 2025-04-03). Worked dates, 2025 calendar:
 * - paused from 03-10, seen on 03-12: two paused days so far, 04-05 is in the Qingming holiday → estimate 04-07;
 * - still paused on 04-10: 31 paused days → 05-04, in the May Day holiday → 05-06;
 * - the pause ends 03-20 (ten days): 04-13, a Sunday → 04-14;
 * - +15 days from the raw end 04-13 → 04-28 (a Monday);
 * - a second pause 04-01 … 04-03 (two days) → raw end 04-15, +15 → 04-30.
 */

describe.each(TEST_DATABASES)('pausing and extending a deadline ($name)', (database) => {
  let t: TestApp;
  let view: any;
  let pm1: any;

  beforeAll(async () => {
    t = await createTestApp(database);
    await setClock(t, at10('2025-03-03'));
    view = await openCase(t, 'fy_mediator', pmCaseBody());
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
    pm1 = view.deadlines.find((d: any) => d.specId === 'D-PM1');
    expect(pm1.dueOn).toBe('2025-04-03');
  });
  afterAll(async () => {
    await t?.close();
  });

  const url = (suffix: string, deadlineId = pm1.id, caseId = view.id) => `/api/cases/${caseId}/deadlines/${deadlineId}${suffix}`;
  const post = async (username: string, suffix: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.http().post(url(suffix)).set(auth(await t.login(username))).set(headers).send(body);
  const pm1Of = (body: any) => body.deadlines.find((d: any) => d.id === pm1.id);

  it('pauses the clock with a reason: the due date becomes an estimate and the deadline carries a warning', async () => {
    await setClock(t, at10('2025-03-12'));
    const res = await post('fy_director', '/pauses', { from: '2025-03-10', reason: '等待房屋安全鉴定结论' }, { 'If-Match': `"${view.version}"` });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${view.version + 1}"`);
    expect(res.body).toMatchObject({ state: 'mediating', version: view.version + 1 });
    expect(pm1Of(res.body)).toMatchObject({
      status: 'pending',
      dueOn: '2025-04-07',
      paused: true,
      pauses: [{ n: 1, from: '2025-03-10', to: null, reason: '等待房屋安全鉴定结论', recordedBy: (await t.loginUser('fy_director')).user.id }],
    });
    expect(pm1Of(res.body).warning).toContain('期限自2025-03-10起中止计算');
    view = res.body;
  });

  it('refuses a second pause while one runs (409), and people who may not decide on deadlines', async () => {
    expect((await post('fy_director', '/pauses', { from: '2025-03-11', reason: '再次中止' })).status).toBe(409);
    const mediator = await post('fy_mediator', '/pauses', { from: '2025-03-11', reason: '调解员无权中止' });
    expect(mediator.status).toBe(403);
    expect(mediator.body.detail).toContain('只有承办单位的负责人');
    expect((await post('fq_director', '/pauses', { from: '2025-03-11', reason: '上级单位不办理本案' })).status).toBe(403);
    expect((await post('lq_mediator', '/pauses', { from: '2025-03-11', reason: '不可见' })).status).toBe(404);
    expect((await post('fy_director', '/pauses', { from: '2025-03-11', reason: '版本已变' }, { 'If-Match': '"1"' })).status).toBe(412);
    expect((await getCase(t, 'fy_mediator', view.id)).body.version).toBe(view.version);
  });

  it('never fires a paused deadline, and moves its estimate by the days paused so far', async () => {
    await setClock(t, at10('2025-04-10'));
    const report = await runWorker(t);
    expect(report.fired.filter((f) => f.deadlineId === pm1.id)).toEqual([]);
    expect(report.reminders.filter((r) => r.deadlineId === pm1.id)).toEqual([]);
    const now = (await getCase(t, 'fy_mediator', view.id)).body;
    expect(pm1Of(now)).toMatchObject({ status: 'pending', paused: true, dueOn: '2025-05-06' });
  });

  it('resumes the clock: pause 1 ended on 2025-03-20, ten days, so D-PM1 ends 2025-04-14', async () => {
    const res = await post('fy_director', '/pauses/1/end', { to: '2025-03-20' });
    expect(res.status).toBe(200);
    expect(pm1Of(res.body)).toMatchObject({ dueOn: '2025-04-14', paused: false, warning: null, pauses: [expect.objectContaining({ n: 1, from: '2025-03-10', to: '2025-03-20' })] });
    expect((await post('fy_director', '/pauses/1/end', { to: '2025-03-21' })).status).toBe(409);
    expect((await post('fy_director', '/pauses/2/end')).status).toBe(404);
    view = res.body;
  });

  it('extends it with the approving official: +15 days from the raw end 04-13 is 2025-04-28', async () => {
    const approver = (await t.loginUser('qx_director')).user.id;
    const res = await post('fy_director', '/extensions', { amount: 15, unit: 'day', reason: '案情复杂，经批准延长', approvedBy: approver });
    expect(res.status).toBe(200);
    expect(pm1Of(res.body)).toMatchObject({
      dueOn: '2025-04-28',
      extensions: [expect.objectContaining({ amount: 15, unit: 'day', reason: '案情复杂，经批准延长', approvedBy: '郑国强（区调解中心主任）', approvedById: approver })],
    });
    view = res.body;
  });

  it('records a pause already over in one request (04-01 … 04-03): the end moves two days, to 2025-04-30', async () => {
    const res = await post('fy_director', '/pauses', { from: '2025-04-01', to: '2025-04-03', reason: '双方当事人外出，暂停调解' });
    expect(res.status).toBe(200);
    expect(pm1Of(res.body)).toMatchObject({ dueOn: '2025-04-30', paused: false, pauses: [expect.objectContaining({ n: 1 }), expect.objectContaining({ n: 2, from: '2025-04-01', to: '2025-04-03' })] });
    view = res.body;
  });

  it('refuses malformed requests with the field named', async () => {
    for (const [suffix, body, field] of [
      ['/extensions', { amount: 15, unit: 'day', reason: '没有批准人' }, 'approvedBy'],
      ['/extensions', { amount: 0, unit: 'day', reason: '零天', approvedBy: '王某' }, 'amount'],
      ['/extensions', { amount: 1, unit: 'week', reason: '周', approvedBy: '王某' }, 'unit'],
      ['/pauses', { from: '2025-02-30', reason: '日期不存在' }, 'from'],
      ['/pauses', { from: '2025-05-10', reason: '届满之后' }, 'from'],
      ['/pauses', { from: '2025-04-10', to: '2025-04-09', reason: '结束早于开始' }, 'to'],
      ['/pauses', { from: '2025-04-10' }, 'reason'],
    ] as const) {
      const res = await post('fy_director', suffix, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.field)).toContain(field);
    }
    const ghost = await t.http().post(url('/pauses', '00000000-0000-4000-8000-000000000000')).set(auth(await t.login('fy_director'))).send({ from: '2025-04-10', reason: '没有这个期限' });
    expect(ghost.status).toBe(404);
    expect((await t.http().post(url('/pauses', 'nope')).set(auth(await t.login('fy_director'))).send({ from: '2025-04-10', reason: '格式错误' })).status).toBe(404);
  });

  it('keeps every change in the audit chain, with reason and approver, and the chain verifies', async () => {
    const entries = await history(t, 'fy_mediator', view.id);
    const facts = entries.filter((e) => e.type.startsWith('DEADLINE_'));
    expect(facts.map((e) => [e.type, e.typeLabel, e.from, e.to])).toEqual([
      ['DEADLINE_PAUSED', '期限中止计算', 'mediating', 'mediating'],
      ['DEADLINE_RESUMED', '期限恢复计算', 'mediating', 'mediating'],
      ['DEADLINE_EXTENDED', '期限延长', 'mediating', 'mediating'],
      ['DEADLINE_PAUSED', '期限中止计算', 'mediating', 'mediating'],
    ]);
    expect(facts[0]).toMatchObject({
      actor: expect.objectContaining({ role: 'COMMITTEE_DIRECTOR' }),
      data: { deadlineId: pm1.id, specId: 'D-PM1', label: pm1.label, legalBasis: pm1.legalBasis, previousDueOn: '2025-04-03', dueOn: '2025-04-07', provisional: false, pause: { n: 1, from: '2025-03-10', to: null, reason: '等待房屋安全鉴定结论' } },
    });
    expect(facts[2].data).toMatchObject({ previousDueOn: '2025-04-14', dueOn: '2025-04-28', extension: { n: 1, amount: 15, unit: 'day', reason: '案情复杂，经批准延长', approvedBy: '郑国强（区调解中心主任）' } });
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[entries.length - 1].seq).toBe(view.version);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('fires on the extended date, not before, and then refuses further changes (409)', async () => {
    await setClock(t, '2025-04-30T23:00:00+08:00');
    expect((await runWorker(t)).fired.filter((f) => f.deadlineId === pm1.id)).toEqual([]);
    await setClock(t, at10('2025-05-01'));
    expect((await runWorker(t)).fired.filter((f) => f.deadlineId === pm1.id)).toEqual([expect.objectContaining({ outcome: 'missed' })]);
    const late = await post('fy_director', '/extensions', { amount: 5, unit: 'day', reason: '已逾期再延长', approvedBy: '王某' });
    expect(late.status).toBe(409);
    expect(late.body.detail).toContain('该期限已逾期');
  });
});
