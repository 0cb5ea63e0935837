import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, getCase, history, openCase, pmCaseIn, pmStep, verifyAudit } from '../support/cases';
import { at10, notifications, runWorker, setClock } from '../support/deadlines';

/*
 * Work queues over HTTP, one engine per database:
 * - 已逾期: a 枫源村 mediation started 2025-03-03 misses its one-month service target D-PM1 (due 2025-04-03); once the
 *   worker marks it missed the case still counts as overdue in the case list, in its summary and on the 督办 list of
 *   枫桥镇 above the village, and leaves them when the case ends;
 * - 待分配: a new case has no assignee and waits in the village's queue until a mediator claims it or the director
 *   assigns it; reassigning needs a reason, and a 回避 names the party who asked; each is a link of the audit chain;
 * - 即将到期: a case with two deadlines near (its service target and a risk review) counts once, with the nearer one;
 * - notifications: the assignee is told in person, the supervisor gets the escalation; unread counts and reading;
 *   a reminder goes to the village's directors and a transfer to the court's clerks and judges, each holder reading
 *   it for themselves.
 */

describe.each(TEST_DATABASES)('work queues ($name)', (database) => {
  let t: TestApp;
  const users: Record<string, string> = {};

  const as = async (username: string) => auth(await t.login(username));
  const get = async (username: string, path: string, query: Record<string, string | number | boolean> = {}) => t.http().get(path).query(query).set(await as(username));
  const post = async (username: string, path: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.http().post(path).set(await as(username)).set(headers).send(body);
  const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];
  const unread = async (username: string) => (await get(username, '/api/notifications/unread-count')).body.unread as number;

  beforeAll(async () => {
    t = await createTestApp(database);
    for (const name of ['fy_mediator', 'fy_director', 'fy_clerk', 'lq_mediator', 'fq_mediator']) users[name] = (await t.loginUser(name)).user.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('overdue once the worker marked a service target missed', () => {
    let late: any;
    let onTime: any;

    beforeAll(async () => {
      await setClock(t, at10('2025-03-03'));
      late = await pmCaseIn(t, 'mediating');
      await setClock(t, at10('2025-04-08'));
      const run = await runWorker(t);
      onTime = await pmCaseIn(t, 'mediating');
      expect(run.escalations.map((e: any) => e.caseId)).toContain(late.id);
    });

    it('keeps the case in 已逾期: the list filter, its summary and its page agree', async () => {
      const view = (await getCase(t, 'fy_mediator', late.id)).body;
      expect(view.deadlines.find((d: any) => d.specId === 'D-PM1')).toMatchObject({ status: 'missed', dueOn: '2025-04-03' });
      const overdue = await get('fy_mediator', '/api/cases', { overdue: true, pageSize: 100 });
      expect(ids(overdue)).toContain(late.id);
      expect(ids(overdue)).not.toContain(onTime.id);
      expect(overdue.body.items.find((c: any) => c.id === late.id).overdue).toBe(true);
      const notOverdue = await get('fy_mediator', '/api/cases', { overdue: false, pageSize: 100 });
      expect(ids(notOverdue)).toContain(onTime.id);
      expect(ids(notOverdue)).not.toContain(late.id);
    });

    it('puts it on the 督办 list of the township above, with how long it is overdue, and not on the village’s own', async () => {
      const township = await get('fq_director', '/api/queues/escalated');
      expect(township.status).toBe(200);
      const item = township.body.items.find((d: any) => d.case.id === late.id);
      expect(item).toMatchObject({ dueOn: '2025-04-03', daysOverdue: 5, org: { id: 'org-fengyuan' }, case: { caseNo: late.caseNo, stateLabel: '调解中' } });
      expect(item.escalatedAt).not.toBeNull();
      expect((await get('qx_director', '/api/queues/escalated')).body.items.map((d: any) => d.case.id)).toContain(late.id);
      expect((await get('fy_director', '/api/queues/escalated')).body.items.map((d: any) => d.case.id)).not.toContain(late.id);
      expect((await get('fy_mediator', '/api/queues/escalated')).status).toBe(403);
      const escalation = (await notifications(t, 'fq_director')).items.find((n: any) => n.case.id === late.id && n.kind === 'ESCALATION');
      expect(escalation).toMatchObject({ read: false, personal: false, kindLabel: '逾期督办' });
    });

    it('leaves every overdue view once the case ends', async () => {
      await apply(t, 'fy_mediator', late.id, 'WITHDRAW', { partyIds: ['P1'], reason: '申请人要求终止调解' });
      expect((await getCase(t, 'fy_mediator', late.id)).body.closed).toBe(true);
      expect(ids(await get('fy_mediator', '/api/cases', { overdue: true, pageSize: 100 }))).not.toContain(late.id);
      expect((await get('fq_director', '/api/queues/escalated')).body.items.map((d: any) => d.case.id)).not.toContain(late.id);
    });
  });

  describe('待分配', () => {
    let fresh: any;
    let second: any;

    beforeAll(async () => {
      await setClock(t, at10('2025-05-06'));
      fresh = await openCase(t, 'fy_clerk');
      second = await openCase(t, 'fy_clerk');
    });

    it('lists the village’s open cases nobody handles, for its director and mediators only', async () => {
      const director = await get('fy_director', '/api/queues/unassigned', { pageSize: 200 });
      expect(director.status).toBe(200);
      expect(ids(director)).toEqual(expect.arrayContaining([fresh.id, second.id]));
      expect(director.body.items.every((c: any) => c.assigneeId === null && c.orgId === 'org-fengyuan' && !c.closed)).toBe(true);
      expect(director.body.items.find((c: any) => c.id === fresh.id)).toMatchObject({ assigneeRole: 'MEDIATOR', canAssign: true, canClaim: true });
      const mediator = await get('fy_mediator', '/api/queues/unassigned', { pageSize: 200 });
      expect(mediator.body.items.find((c: any) => c.id === fresh.id)).toMatchObject({ canAssign: false, canClaim: true });
      expect(ids(await get('lq_mediator', '/api/queues/unassigned', { pageSize: 200 }))).not.toContain(fresh.id);
      expect(ids(await get('admin', '/api/queues/unassigned', { pageSize: 200 }))).toContain(fresh.id);
      expect((await get('fy_clerk', '/api/queues/unassigned')).status).toBe(403);
      expect(fieldsOf(await get('fy_director', '/api/queues/unassigned', { pageSize: 0 }))).toEqual(['pageSize']);
    });

    it('is claimed by a mediator of the village, once, and audited', async () => {
      expect((await post('lq_mediator', `/api/cases/${fresh.id}/claim`)).status).toBe(404);
      const byClerk = await post('fy_clerk', `/api/cases/${fresh.id}/claim`);
      expect([byClerk.status, byClerk.body.detail]).toEqual([403, expect.stringContaining('调解员')]);
      const stale = await post('fy_mediator', `/api/cases/${fresh.id}/claim`, {}, { 'If-Match': `"${fresh.version + 5}"` });
      expect(stale.status).toBe(412);
      const claimed = await post('fy_mediator', `/api/cases/${fresh.id}/claim`, {}, { 'If-Match': `"${fresh.version}"` });
      expect(claimed.status).toBe(200);
      expect(claimed.body).toMatchObject({ caseId: fresh.id, version: fresh.version + 1, assigneeId: users.fy_mediator, assigneeName: '王秀英（枫源村调解员）' });
      expect(claimed.headers.etag).toBe(`"${fresh.version + 1}"`);
      const again = await post('fy_director', `/api/cases/${fresh.id}/claim`);
      expect([again.status, again.body.detail]).toEqual([409, expect.stringContaining('王秀英')]);
      expect(ids(await get('fy_director', '/api/queues/unassigned', { pageSize: 200 }))).not.toContain(fresh.id);
      expect(ids(await get('fy_mediator', '/api/cases', { assignee: 'me', pageSize: 200 }))).toContain(fresh.id);
      const last = (await history(t, 'fy_director', fresh.id)).at(-1);
      expect(last).toMatchObject({ type: 'CASE_CLAIMED', typeLabel: '认领案件', from: 'registered', to: 'registered', data: { assigneeId: users.fy_mediator } });
    });

    it('is assigned by the director only, to a mediator of the village, who is told in person', async () => {
      expect((await post('fy_mediator', `/api/cases/${second.id}/assign`, { userId: users.fy_mediator })).status).toBe(403);
      expect(fieldsOf(await post('fy_director', `/api/cases/${second.id}/assign`, {}))).toEqual(['userId']);
      const outsider = await post('fy_director', `/api/cases/${second.id}/assign`, { userId: users.lq_mediator });
      expect([outsider.status, fieldsOf(outsider)]).toEqual([400, ['userId']]);
      const clerk = await post('fy_director', `/api/cases/${second.id}/assign`, { userId: users.fy_clerk });
      expect([clerk.status, fieldsOf(clerk)]).toEqual([400, ['userId']]);
      const before = await unread('fy_mediator');
      const assigned = await post('fy_director', `/api/cases/${second.id}/assign`, { userId: users.fy_mediator });
      expect([assigned.status, assigned.body.assigneeId]).toEqual([200, users.fy_mediator]);
      expect(await unread('fy_mediator')).toBe(before + 1);
      const notice = (await notifications(t, 'fy_mediator')).items.find((n: any) => n.case.id === second.id && n.kind === 'ASSIGNED');
      expect(notice).toMatchObject({ personal: true, read: false, message: expect.stringContaining('李建国') });
      // A personal notification is nobody else's, in the organisation or out of it.
      expect((await notifications(t, 'fy_director')).items.map((n: any) => n.id)).not.toContain(notice.id);
      expect((await post('fy_director', `/api/notifications/${notice.id}/read`)).status).toBe(404);
      const twice = await post('fy_director', `/api/cases/${second.id}/assign`, { userId: users.fy_director });
      expect([twice.status, twice.body.detail]).toEqual([409, expect.stringContaining('改派')]);
    });

    it('is reassigned with a reason; a 回避 names the party who asked; each link verifies', async () => {
      const path = `/api/cases/${second.id}/reassign`;
      expect(fieldsOf(await post('fy_director', path, { userId: users.fy_director, reasonKind: 'RECUSAL' }))).toEqual(['reason']);
      expect(fieldsOf(await post('fy_director', path, { userId: users.fy_director, reasonKind: 'BORED', reason: '换人' }))).toEqual(['reasonKind']);
      expect(fieldsOf(await post('fy_director', path, { userId: users.fy_director, reasonKind: 'RECUSAL', reason: '申请人申请回避' }))).toEqual(['partyId']);
      expect(fieldsOf(await post('fy_director', path, { userId: users.fy_director, reasonKind: 'RECUSAL', reason: '申请人申请回避', partyId: 'P9' }))).toEqual(['partyId']);
      expect(fieldsOf(await post('fy_director', path, { userId: users.fy_mediator, reasonKind: 'WORKLOAD', reason: '工作调整' }))).toEqual(['userId']);
      expect((await post('fy_mediator', path, { userId: users.fy_director, reasonKind: 'WORKLOAD', reason: '工作调整' })).status).toBe(403);
      const unassigned = await post('fy_director', `/api/cases/${(await openCase(t, 'fy_clerk')).id}/reassign`, { userId: users.fy_director, reasonKind: 'WORKLOAD', reason: '工作调整' });
      expect(unassigned.status).toBe(409);

      const recused = await post('fy_director', path, { userId: users.fy_director, reasonKind: 'RECUSAL', reason: '调解员与被申请人系亲属，申请人申请回避', partyId: 'P1' });
      expect([recused.status, recused.body.assigneeId]).toEqual([200, users.fy_director]);
      const last = (await history(t, 'fy_director', second.id)).at(-1);
      expect(last).toMatchObject({
        type: 'CASE_REASSIGNED',
        typeLabel: '改派承办人',
        data: { assigneeId: users.fy_director, previousAssigneeId: users.fy_mediator, reasonKind: 'RECUSAL', reasonKindLabel: '当事人申请回避', partyId: 'P1', partyName: '张三' },
      });
      expect((await getCase(t, 'fy_director', second.id)).body.assignment).toMatchObject({ assigneeId: users.fy_director });
      expect(await verifyAudit(t, second.id)).toMatchObject({ ok: true });
    });

    it('keeps the reassigned person when the workflow assigns next', async () => {
      // The workflow's own 指定调解员 names a mediator in the machine's context; a later reassignment replaces it there
      // too, so the next event does not put the earlier mediator back.
      const view = await pmCaseIn(t, 'assigned');
      await post('fy_director', `/api/cases/${view.id}/reassign`, { userId: users.fy_director, reasonKind: 'WORKLOAD', reason: '工作调整' });
      const started = await apply(t, 'fy_director', view.id, 'START_MEDIATION', pmStep(t, 'START_MEDIATION'));
      expect(started.assignment.assigneeId).toBe(users.fy_director);
    });
  });

  describe('即将到期 counts cases', () => {
    let twice: any;
    let once: any;

    beforeAll(async () => {
      await setClock(t, at10('2025-06-02'));
      twice = await pmCaseIn(t, 'mediating');
      once = await pmCaseIn(t, 'mediating');
      // Both service targets fall due on 2025-07-02; an orange risk report adds a review due in three days.
      await setClock(t, at10('2025-06-27'));
      await apply(t, 'fy_mediator', twice.id, 'REPORT_RISK', { level: 'ORANGE', reportedTo: 'ZONGZHI_CENTRE', summary: '双方情绪激动' });
    });

    it('lists each case once with its nearest deadline, and counts cases, while the plain list counts deadlines', async () => {
      const query = { status: 'pending', dueWithinDays: 7, pageSize: 500 };
      const plain = await get('fy_mediator', '/api/deadlines', query);
      const perCase = await get('fy_mediator', '/api/deadlines', { ...query, perCase: true });
      expect([plain.status, perCase.status]).toEqual([200, 200]);
      const casesOf = (items: any[]) => items.map((d) => d.case.id);
      expect(casesOf(plain.body.items).filter((id: string) => id === twice.id)).toHaveLength(2);
      expect(casesOf(perCase.body.items).filter((id: string) => id === twice.id)).toHaveLength(1);
      expect(perCase.body.total).toBe(new Set(casesOf(plain.body.items)).size);
      expect(perCase.body.total).toBe(perCase.body.items.length);
      expect(plain.body.total).toBe(plain.body.items.length);
      expect(plain.body.total).toBeGreaterThan(perCase.body.total);
      expect(perCase.body.items.find((d: any) => d.case.id === twice.id)).toMatchObject({ label: '橙色风险研判复核（三日）', dueOn: '2025-06-30' });
      expect(perCase.body.items.find((d: any) => d.case.id === once.id)).toMatchObject({ specId: 'D-PM1', dueOn: '2025-07-02' });
      // Nearest first, and a page of one case at a time still holds every case once.
      const dueOns = perCase.body.items.map((d: any) => d.dueOn);
      expect(dueOns).toEqual([...dueOns].sort());
      const paged: string[] = [];
      for (let page = 1; page <= perCase.body.total; page++) paged.push(...casesOf((await get('fy_mediator', '/api/deadlines', { ...query, perCase: true, page, pageSize: 1 })).body.items));
      expect(paged.sort()).toEqual(casesOf(perCase.body.items).sort());
      expect(fieldsOf(await get('fy_mediator', '/api/deadlines', { perCase: 'maybe' }))).toEqual(['perCase']);
    });
  });

  describe('notifications addressed to a role in an organisation', () => {
    // A second director of 枫源村, made for this part, with her own token.
    let second: { Authorization: string };
    const mine = async (headers: { Authorization: string }, query: Record<string, string> = {}) => (await t.http().get('/api/notifications').query({ pageSize: 200, ...query }).set(headers)).body;
    let reminded: any;

    beforeAll(async () => {
      const password = 'Zhou-min-2025';
      const made = await t.http().post('/api/admin/users').set(await as('admin')).send({ username: 'fy_director2', displayName: '周敏（枫源村调委会副主任）', password, roles: ['COMMITTEE_DIRECTOR'], orgId: 'org-fengyuan' });
      expect([made.status, made.body.errors]).toEqual([201, undefined]);
      second = auth((await t.http().post('/api/auth/login').send({ username: 'fy_director2', password })).body.accessToken);
      await setClock(t, at10('2025-07-01'));
      reminded = await pmCaseIn(t, 'mediating');
      // D-PM1 of the cases that started mediating on 2025-06-02 falls due on 2025-07-02: a reminder each.
      const run = await runWorker(t);
      expect(run.reminders.length).toBeGreaterThan(0);
    });

    it('sends a reminder to the committee’s directors and mediators, not its clerk, without personal data', async () => {
      const page = await mine(await as('fy_director'));
      const reminder = page.items.find((n: any) => n.kind === 'REMINDER' && n.roles.length);
      expect(reminder).toMatchObject({ orgId: 'org-fengyuan', personal: false, read: false, roles: [{ code: 'COMMITTEE_DIRECTOR', label: '调委会主任' }, { code: 'MEDIATOR', label: '调解员' }] });
      for (const secret of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone, RESPONDENT.name]) expect(reminder.message).not.toContain(secret);
      expect((await mine(second)).items.map((n: any) => n.id)).toContain(reminder.id);
      expect((await mine(await as('fy_mediator'))).items.map((n: any) => n.id)).toContain(reminder.id);
      expect((await mine(await as('fy_clerk'))).items.map((n: any) => n.id)).not.toContain(reminder.id);
      expect((await post('fy_clerk', `/api/notifications/${reminder.id}/read`)).status).toBe(404);
      expect((await mine(await as('lq_mediator'))).items.map((n: any) => n.id)).not.toContain(reminder.id);
      expect(reminded.id).toBeDefined();
    });

    it('is read by each director for themselves, with the bell’s count', async () => {
      const reminder = (await mine(await as('fy_director'), { unread: 'true' })).items.find((n: any) => n.kind === 'REMINDER' && n.roles.length);
      const before = { first: await unread('fy_director'), second: (await t.http().get('/api/notifications/unread-count').set(second)).body.unread };
      expect(before.first).toBe((await mine(await as('fy_director'))).unread);
      const read = await post('fy_director', `/api/notifications/${reminder.id}/read`);
      expect([read.status, read.body.read, read.body.readAt]).toEqual([200, true, expect.any(String)]);
      // Reading again keeps the first reading.
      expect((await post('fy_director', `/api/notifications/${reminder.id}/read`)).body.readAt).toBe(read.body.readAt);
      expect(await unread('fy_director')).toBe(before.first - 1);
      expect((await t.http().get('/api/notifications/unread-count').set(second)).body.unread).toBe(before.second);
      expect((await mine(second)).items.find((n: any) => n.id === reminder.id).read).toBe(false);
      const all = await t.http().post('/api/notifications/read-all').set(second);
      expect([all.status, all.body.marked]).toEqual([200, before.second]);
      expect((await t.http().get('/api/notifications/unread-count').set(second)).body.unread).toBe(0);
      expect((await mine(second)).items.find((n: any) => n.id === reminder.id).read).toBe(true);
      expect(await unread('fy_director')).toBe(before.first - 1);
    });

    it('sends a transfer to the court’s clerks and judges, each reading it for themselves; the escalation went to the township’s directors', async () => {
      const agreed = await pmCaseIn(t, 'agreedWritten');
      await apply(t, 'fy_mediator', agreed.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      const transfer = (await notifications(t, 'court_clerk')).items.find((n: any) => n.kind === 'TRANSFER' && n.message.includes(agreed.caseNo));
      expect(transfer).toMatchObject({ orgId: 'org-court', read: false, roles: [{ code: 'COURT_CLERK', label: expect.any(String) }, { code: 'JUDGE', label: '法官' }] });
      const judgeBefore = await unread('judge');
      expect((await post('court_clerk', `/api/notifications/${transfer.id}/read`)).body.read).toBe(true);
      expect(await unread('judge')).toBe(judgeBefore);
      expect((await notifications(t, 'judge')).items.find((n: any) => n.id === transfer.id).read).toBe(false);

      const escalation = (await notifications(t, 'fq_director')).items.find((n: any) => n.kind === 'ESCALATION');
      expect(escalation.roles.map((r: any) => r.code)).toEqual(['COMMITTEE_DIRECTOR']);
      expect((await notifications(t, 'fq_mediator')).items.map((n: any) => n.id)).not.toContain(escalation.id);
    });
  });

  describe('notifications', () => {
    it('counts, lists and reads the caller’s own and the organisation’s', async () => {
      const page = await notifications(t, 'fy_mediator', { unread: 'true' });
      expect(page.unread).toBeGreaterThan(0);
      expect(await unread('fy_mediator')).toBe(page.unread);
      const first = page.items[0];
      const read = await post('fy_mediator', `/api/notifications/${first.id}/read`);
      expect([read.status, read.body.read]).toEqual([200, true]);
      expect(await unread('fy_mediator')).toBe(page.unread - 1);
      const all = await post('fy_mediator', '/api/notifications/read-all');
      expect([all.status, all.body.marked]).toEqual([200, page.unread - 1]);
      expect(await unread('fy_mediator')).toBe(0);
      expect((await post('fy_mediator', '/api/notifications/read-all')).body.marked).toBe(0);
    });
  });
});
