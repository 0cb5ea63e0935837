import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, getCase, history, openCase, pmCaseBody, pmStep, send, verifyAudit } from '../support/cases';
import { at10, deadlines, notifications, runWorker, setClock } from '../support/deadlines';

/*
 * Legal time over HTTP with the test clock (../shared/api.md "Test clock"), on the dated scenarios of the domain
 * specification, appendix (d):
 * - S3: a written agreement effective 2025-09-01 opens the 司法确认 window D-JC1; its 30th day is 2025-10-01, inside the
 *   National Day holiday (10-01 … 10-08), so it ends on 2025-10-09. Applying on 10-08 is in time, on 10-10 too late;
 *   after 10-09 the worker sends JC_WINDOW_EXPIRED, exactly once.
 * - S1: mediation from 2025-03-03 has the one-month service target D-PM1 ending 2025-04-03 (a Thursday before the
 *   Qingming holiday 04-04 … 04-06). It is reminded three working days before (Monday 03-31), marked missed after, and
 *   escalated to the village committee's supervisor, 枫桥镇.
 */

const JC_APPLICATION = { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' };

describe.each(TEST_DATABASES)('deadline scenarios with the test clock ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A 枫源村 case moved by fy_mediator to `agreedWritten`, with mediation starting on `startOn` and the agreement effective `effectiveOn`. */
  async function caseWithAgreement(startOn: string, effectiveOn: string) {
    await setClock(t, at10(startOn));
    let view = await openCase(t, 'fy_mediator', pmCaseBody());
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
    await setClock(t, at10(effectiveOn));
    view = await apply(t, 'fy_mediator', view.id, 'SIGN_WRITTEN_AGREEMENT', pmStep(t, 'SIGN_WRITTEN_AGREEMENT'));
    expect(view.state).toBe('agreedWritten');
    return view;
  }

  const deadlineOf = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId && d.state === view.state) ?? view.deadlines.find((d: any) => d.specId === specId);

  describe('S3: the 司法确认 window D-JC1 across National Day', () => {
    let inTime: any;
    let late: any;

    it('sets D-JC1 to 2025-10-09 for an agreement effective 2025-09-01 (30th day 10-01 is a holiday: rolled past 10-08)', async () => {
      inTime = await caseWithAgreement('2025-08-25', '2025-09-01');
      late = await caseWithAgreement('2025-08-25', '2025-09-01');
      for (const view of [inTime, late]) {
        expect(deadlineOf(view, 'D-JC1')).toMatchObject({
          dueOn: '2025-10-09',
          dayType: 'calendar',
          status: 'pending',
          legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
          provisional: false,
          warning: null,
        });
      }
    });

    it('reminds the committee three working days before: on the make-up working Sunday 2025-09-28, not the Saturday before', async () => {
      await setClock(t, at10('2025-09-27'));
      const saturday = await runWorker(t);
      expect(saturday.reminders.filter((r) => r.caseId === inTime.id || r.caseId === late.id)).toEqual([]);
      await setClock(t, at10('2025-09-28'));
      const sunday = await runWorker(t);
      const mine = sunday.reminders.filter((r) => r.caseId === inTime.id || r.caseId === late.id);
      expect(mine).toHaveLength(2);
      expect(mine[0]).toMatchObject({ kind: 'REMINDER', orgId: 'org-fengyuan' });
      expect(mine[0].message).toContain('将于2025-10-09届满（还剩3个工作日）');
      const inbox = await notifications(t, 'fy_mediator');
      expect(inbox.items.filter((n) => n.case.id === inTime.id)).toEqual([
        expect.objectContaining({ kind: 'REMINDER', kindLabel: '期限提醒', read: false, case: { id: inTime.id, caseNo: inTime.caseNo } }),
      ]);
      await setClock(t, at10('2025-09-29'));
      expect((await runWorker(t)).reminders.filter((r) => r.caseId === inTime.id || r.caseId === late.id)).toEqual([]);
    });

    it('accepts the joint application on 2025-10-08, the last holiday day before the window ends', async () => {
      await setClock(t, at10('2025-10-08'));
      const res = await send(t, 'fy_mediator', inTime.id, 'APPLY_JUDICIAL_CONFIRMATION', JC_APPLICATION);
      expect(res.status).toBe(200);
      expect(res.body.state).toBe('judicialConfirmation');
      expect(deadlineOf(res.body, 'D-JC1')).toMatchObject({ status: 'met' });
    });

    it('fires nothing on 2025-10-09 at 23:59 China time: the window still runs', async () => {
      await setClock(t, '2025-10-09T23:59:59+08:00');
      const report = await runWorker(t);
      expect(report.fired.filter((f) => f.caseId === late.id)).toEqual([]);
      expect((await getCase(t, 'fy_mediator', late.id)).body.state).toBe('agreedWritten');
    });

    it('refuses the application on 2025-10-10 with 409 and the precondition that failed', async () => {
      await setClock(t, at10('2025-10-10'));
      const res = await send(t, 'fy_mediator', late.id, 'APPLY_JUDICIAL_CONFIRMATION', JC_APPLICATION);
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ status: 409, code: 'CASE.TRANSITION_NOT_ALLOWED', state: 'agreedWritten', event: 'APPLY_JUDICIAL_CONFIRMATION' });
      expect(res.body.violations).toEqual([expect.objectContaining({ precondition: 'withinConfirmationWindow', legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条' })]);
      expect((await getCase(t, 'fy_mediator', late.id)).body.version).toBe(late.version);
    });

    it('sends JC_WINDOW_EXPIRED once when the worker runs after 2025-10-09: the case moves to monitoring, D-JC1 is missed', async () => {
      const report = await runWorker(t);
      const mine = report.fired.filter((f) => f.caseId === late.id);
      expect(mine).toEqual([
        { deadlineId: deadlineOf(late, 'D-JC1').id, caseId: late.id, caseNo: late.caseNo, specId: 'D-JC1', label: deadlineOf(late, 'D-JC1').label, event: 'JC_WINDOW_EXPIRED', outcome: 'fired' },
      ]);
      expect(report.fired.filter((f) => f.caseId === inTime.id)).toEqual([]);

      const view = (await getCase(t, 'fy_mediator', late.id)).body;
      expect(view).toMatchObject({ state: 'monitoring', stateLabel: '履行监督', version: late.version + 1 });
      expect(deadlineOf(view, 'D-JC1')).toMatchObject({ status: 'missed', statusLabel: '已逾期' });
      const entries = (await history(t, 'fy_mediator', late.id)).filter((e) => e.type === 'JC_WINDOW_EXPIRED');
      expect(entries).toEqual([
        expect.objectContaining({ type: 'JC_WINDOW_EXPIRED', from: 'agreedWritten', to: 'monitoring', actor: expect.objectContaining({ id: 'system', role: 'SYSTEM' }), data: expect.objectContaining({ specId: 'D-JC1', dueOn: '2025-10-09' }) }),
      ]);
      const listed = await deadlines(t, 'fy_mediator', { caseId: late.id, status: 'missed' });
      expect(listed.items).toEqual([expect.objectContaining({ specId: 'D-JC1', firedAt: '2025-10-10T02:00:00.000Z', workerOutcome: 'fired JC_WINDOW_EXPIRED' })]);
    });

    it('fires nothing on a second run, and the audit chain still verifies', async () => {
      const again = await runWorker(t);
      expect(again.fired.filter((f) => f.caseId === late.id)).toEqual([]);
      expect((await history(t, 'fy_mediator', late.id)).filter((e) => e.type === 'JC_WINDOW_EXPIRED')).toHaveLength(1);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
    });
  });

  describe('S1: the people’s-mediation target D-PM1, its reminder and its escalation to 枫桥镇', () => {
    let view: any;
    let pm1: any;

    it('sets D-PM1 to 2025-04-03 when mediation starts on 2025-03-03', async () => {
      await setClock(t, at10('2025-03-03'));
      view = await openCase(t, 'fy_mediator', pmCaseBody());
      const mediatorId = (await t.loginUser('fy_mediator')).user.id;
      for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
      pm1 = deadlineOf(view, 'D-PM1');
      expect(pm1).toMatchObject({ dueOn: '2025-04-03', soft: true, status: 'pending', legalBasis: '人民调解工作若干规定 第三十三条' });
    });

    it('sends one reminder to 枫源村, three working days before (Monday 2025-03-31), not on the Friday or Sunday before', async () => {
      for (const day of ['2025-03-28', '2025-03-30']) {
        await setClock(t, at10(day));
        expect((await runWorker(t)).reminders.filter((r) => r.deadlineId === pm1.id)).toEqual([]);
      }
      await setClock(t, at10('2025-03-31'));
      const reminders = (await runWorker(t)).reminders.filter((r) => r.deadlineId === pm1.id);
      expect(reminders).toEqual([expect.objectContaining({ kind: 'REMINDER', orgId: 'org-fengyuan', caseNo: view.caseNo })]);
      expect(reminders[0].message).toBe(`期限提醒：案件${view.caseNo}的“人民调解一般期限（一个月内调结）”将于2025-04-03届满（还剩3个工作日），依据：人民调解工作若干规定 第三十三条。请及时办理。`);
      await setClock(t, at10('2025-04-01'));
      expect((await runWorker(t)).reminders.filter((r) => r.deadlineId === pm1.id)).toEqual([]);
      const inbox = await notifications(t, 'fy_director');
      expect(inbox.items.filter((n) => n.deadlineId === pm1.id)).toHaveLength(1);
    });

    it('marks D-PM1 missed once its day has ended, without a machine event, and escalates it to 枫桥镇', async () => {
      await setClock(t, at10('2025-04-03'));
      expect((await runWorker(t)).fired.filter((f) => f.deadlineId === pm1.id)).toEqual([]);

      await setClock(t, '2025-04-04T00:00:00+08:00');
      const report = await runWorker(t);
      expect(report.fired.filter((f) => f.deadlineId === pm1.id)).toEqual([expect.objectContaining({ specId: 'D-PM1', event: null, outcome: 'missed' })]);
      const escalations = report.escalations.filter((e) => e.deadlineId === pm1.id);
      expect(escalations).toEqual([expect.objectContaining({ kind: 'ESCALATION', orgId: 'org-fengqiao' })]);
      expect(escalations[0].message).toBe(
        `逾期督办：枫源村人民调解委员会承办的案件${view.caseNo}的“人民调解一般期限（一个月内调结）”已于2025-04-03届满，未在期限内办结（依据：人民调解工作若干规定 第三十三条）。请督促承办单位尽快办理并报告情况。`,
      );
      const after = (await getCase(t, 'fy_mediator', view.id)).body;
      expect(after).toMatchObject({ state: 'mediating', version: view.version });
      expect(deadlineOf(after, 'D-PM1')).toMatchObject({ status: 'missed' });

      const again = await runWorker(t);
      expect(again.fired.filter((f) => f.deadlineId === pm1.id)).toEqual([]);
      expect(again.escalations.filter((e) => e.deadlineId === pm1.id)).toEqual([]);
    });

    it('puts the escalation in the inbox of 枫桥镇’s directors only, each reading it for themselves', async () => {
      const fq = await notifications(t, 'fq_director', { unread: 'true' });
      const escalation = fq.items.find((n) => n.deadlineId === pm1.id);
      expect(escalation).toMatchObject({ kind: 'ESCALATION', kindLabel: '逾期督办', read: false, case: { id: view.id, caseNo: view.caseNo }, orgId: 'org-fengqiao' });
      expect((await notifications(t, 'fy_director')).items.filter((n) => n.deadlineId === pm1.id && n.kind === 'ESCALATION')).toEqual([]);
      expect((await notifications(t, 'lq_mediator')).items.filter((n) => n.deadlineId === pm1.id)).toEqual([]);

      const foreign = await t.http().post(`/api/notifications/${escalation.id}/read`).set(auth(await t.login('fy_director')));
      expect(foreign.status).toBe(404);
      // Addressed to the township's directors (调委会主任), not to its mediators.
      expect(escalation.roles).toEqual([{ code: 'COMMITTEE_DIRECTOR', label: '调委会主任' }]);
      expect((await t.http().post(`/api/notifications/${escalation.id}/read`).set(auth(await t.login('fq_mediator')))).status).toBe(404);
      const read = await t.http().post(`/api/notifications/${escalation.id}/read`).set(auth(await t.login('fq_director')));
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({ id: escalation.id, read: true, readAt: '2025-04-03T16:00:00.000Z' });
      const unread = await notifications(t, 'fq_director', { unread: 'true' });
      expect(unread.items.find((n) => n.id === escalation.id)).toBeUndefined();
      expect(unread.unread).toBe(fq.unread - 1);
    });

    it('lists D-PM1 as overdue for 枫源村, its supervisor 枫桥镇, the district and the administrator, not for another village', async () => {
      for (const username of ['fy_mediator', 'fq_director', 'qx_director', 'admin', 'auditor']) {
        const list = await deadlines(t, username, { overdue: true });
        expect(list.items.filter((d) => d.id === pm1.id)).toEqual([
          expect.objectContaining({
            specId: 'D-PM1',
            status: 'missed',
            dueOn: '2025-04-03',
            daysLeft: -1,
            legalBasis: '人民调解工作若干规定 第三十三条',
            case: expect.objectContaining({ id: view.id, caseNo: view.caseNo, state: 'mediating', stateLabel: '调解中' }),
            org: { id: 'org-fengyuan', name: '枫源村人民调解委员会' },
            escalatedAt: '2025-04-03T16:00:00.000Z',
          }),
        ]);
      }
      expect((await deadlines(t, 'lq_mediator', { overdue: true })).items.filter((d) => d.id === pm1.id)).toEqual([]);
      expect((await deadlines(t, 'fq_director', { overdue: true, orgId: 'org-fengyuan' })).items.map((d) => d.id)).toContain(pm1.id);
      expect((await deadlines(t, 'fq_director', { overdue: true, orgId: 'org-liqiao' })).items.map((d) => d.id)).not.toContain(pm1.id);
      expect((await deadlines(t, 'fy_mediator', { overdue: false })).items.map((d) => d.id)).not.toContain(pm1.id);
    });

    it('drops off the overdue list once the case leaves mediation', async () => {
      await setClock(t, at10('2025-04-07'));
      await apply(t, 'fy_mediator', view.id, 'TERMINATE_FAILED', { reason: '双方分歧较大', rightsNotice: { routes: ['LITIGATION'], notifiedOn: '2025-04-07', method: 'WRITTEN' } });
      expect((await deadlines(t, 'fq_director', { overdue: true })).items.map((d) => d.id)).not.toContain(pm1.id);
      expect((await deadlines(t, 'fq_director', { status: 'missed' })).items.map((d) => d.id)).toContain(pm1.id);
    });
  });

  describe('the test clock and the deadline list, as the contract says', () => {
    it('refuses a time that is not an ISO-8601 instant, and non-administrators', async () => {
      const admin = auth(await t.login('admin'));
      for (const now of ['2025-10-10', '2025-10-10T09:00:00', '2025-02-30T09:00:00Z', 'tomorrow', '']) {
        const res = await t.http().post('/api/admin/clock').set(admin).send({ now });
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'now' })]);
      }
      const mediator = auth(await t.login('fy_mediator'));
      expect((await t.http().post('/api/admin/clock').set(mediator).send({ now: '2025-10-10T09:00:00Z' })).status).toBe(403);
      expect((await t.http().post('/api/admin/deadlines/run').set(mediator)).status).toBe(403);
      expect((await t.http().post('/api/admin/deadlines/run')).status).toBe(401);
      const ok = await t.http().post('/api/admin/clock').set(admin).send({ now: '2025-10-10T09:00:00+08:00' });
      expect(ok.body).toEqual({ now: '2025-10-10T01:00:00.000Z', today: '2025-10-10', manual: true });
      expect((await t.http().get('/api/admin/clock').set(admin)).body).toEqual({ now: '2025-10-10T01:00:00.000Z', today: '2025-10-10', manual: true });
    });

    it('refuses bad list filters with the field named', async () => {
      const token = auth(await t.login('fq_director'));
      for (const [query, field] of [
        [{ status: 'late' }, 'status'],
        [{ dueWithinDays: -1 }, 'dueWithinDays'],
        [{ overdue: 'maybe' }, 'overdue'],
        [{ orgId: 'org-nowhere' }, 'orgId'],
      ] as const) {
        const res = await t.http().get('/api/deadlines').query(query).set(token);
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: any) => e.field)).toContain(field);
      }
    });
  });
});

describe.each(TEST_DATABASES)('the test clock without FENGQIAO_CLOCK=manual ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { FENGQIAO_CLOCK: 'system' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('answers 404 to setting the time, and still runs the worker on demand', async () => {
    const admin = auth(await t.login('admin'));
    const res = await t.http().post('/api/admin/clock').set(admin).send({ now: '2025-10-10T09:00:00+08:00' });
    expect(res.status).toBe(404);
    expect(res.body.detail).toContain('FENGQIAO_CLOCK=manual');
    expect((await t.http().get('/api/admin/clock').set(admin)).body.manual).toBe(false);
    const run = await t.http().post('/api/admin/deadlines/run').set(admin);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({ fired: [], reminders: [], escalations: [] });
  });
});

describe.each(TEST_DATABASES)('a firing the machine refuses ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is closed with the reason recorded, once, and never retried', async () => {
    await setClock(t, at10('2025-09-01'));
    let view = await openCase(t, 'fy_mediator', pmCaseBody());
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT']) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
    const jc1 = view.deadlines.find((d: any) => d.specId === 'D-JC1' && d.status === 'pending');
    // A deadline whose expiry event the current state does not take (as after a machine change): the worker must not loop.
    await t.app.get(Db).execute(`UPDATE deadlines SET on_expiry = 'JC_CONFIRMED' WHERE id = :id`, { id: jc1.id });

    await setClock(t, at10('2025-10-10'));
    const report = await runWorker(t);
    expect(report.fired).toEqual([expect.objectContaining({ deadlineId: jc1.id, event: 'JC_CONFIRMED', outcome: 'refused', reason: expect.stringContaining('CASE.TRANSITION_NOT_ALLOWED') })]);
    const listed = await deadlines(t, 'fy_mediator', { caseId: view.id, status: 'missed' });
    expect(listed.items).toEqual([expect.objectContaining({ id: jc1.id, firedAt: '2025-10-10T02:00:00.000Z', workerOutcome: expect.stringMatching(/^refused JC_CONFIRMED: CASE\.TRANSITION_NOT_ALLOWED/) })]);
    const after = (await getCase(t, 'fy_mediator', view.id)).body;
    expect(after).toMatchObject({ state: 'agreedWritten', version: view.version });

    expect((await runWorker(t)).fired).toEqual([]);
    expect(await verifyAudit(t)).toMatchObject({ ok: true });
  });
});
