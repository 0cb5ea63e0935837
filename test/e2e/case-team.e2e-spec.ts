import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, apply, auth, chinaMorning, eventTypes, getCase, history, pmCaseIn, pmStep, send, setNow, verifyAudit } from '../support/cases';

/*
 * 联合调解: 枫源村 invites the district court's judge onto one mediation case, and the traffic brigade's accident
 * mediator onto another. Each member reads and acts on their case only, with their case role's events; every other
 * case of the village, and every other case of the dispute, stays "no such case". Inviting and removing are links of
 * the case's audit chain, and a removal ends access at once. A second mediator of the village itself joins one case as
 * its co-mediator (协助调解员).
 */

describe.each(TEST_DATABASES)('case teams ($name)', (database) => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const users: Record<string, string> = {};

  const team = async (username: string, caseId: string) => t.http().get(`/api/cases/${caseId}/team`).set(auth(await t.login(username)));
  const invite = async (username: string, caseId: string, body: Record<string, unknown>) =>
    t.http().post(`/api/cases/${caseId}/team`).set(auth(await t.login(username))).send(body);
  const remove = async (username: string, caseId: string, userId: string, body: Record<string, unknown>) =>
    t.http().delete(`/api/cases/${caseId}/team/${userId}`).set(auth(await t.login(username))).send(body);
  const list = async (username: string, query: Record<string, string> = {}) => {
    const res = await t.http().get('/api/cases').query(query).set(auth(await t.login(username)));
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((c) => c.id).sort();
  };
  const fieldsOf = (res: { body: { errors?: { field: string }[] } }) => [...new Set((res.body.errors ?? []).map((e) => e.field))];

  beforeAll(async () => {
    t = await createTestApp(database);
    setNow(t, chinaMorning('2025-03-03'));
    for (const name of ['judge', 'tp_mediator', 'fy_mediator', 'fy_director']) users[name] = (await t.loginUser(name)).user.id;
    ids.mediating = (await pmCaseIn(t, 'mediating')).id;
    ids.other = (await pmCaseIn(t, 'consentPending')).id;
    const agreed = await pmCaseIn(t, 'agreedWritten');
    ids.agreed = agreed.id;
    const applied = await apply(t, 'fy_mediator', agreed.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    ids.confirmation = applied.links.find((l: { direction: string }) => l.direction === 'TO').caseId;
    ids.dispute = agreed.disputeCode;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('inviting', () => {
    it('is for the officials of the handling organisation only', async () => {
      const byMediator = await invite('fy_mediator', ids.mediating, { userId: users.judge, caseRole: 'JUDGE', reason: '请法官指导调解' });
      expect(byMediator.status).toBe(403);
      expect(byMediator.body.detail).toContain('调委会主任');
      // Another organisation does not even see the case.
      expect((await invite('lq_mediator', ids.mediating, { userId: users.judge, caseRole: 'JUDGE', reason: '请法官指导调解' })).status).toBe(404);
      expect((await t.http().get(`/api/cases/${ids.mediating}/team/candidates`).set(auth(await t.login('fy_mediator')))).status).toBe(403);
    });

    it('refuses bad input with 400 naming the field', async () => {
      const ask = (body: Record<string, unknown>) => invite('fy_director', ids.mediating, body);
      expect(fieldsOf(await ask({ userId: users.judge, caseRole: 'BOSS', reason: '请法官指导调解' }))).toEqual(['caseRole']);
      expect(fieldsOf(await ask({ userId: users.judge, caseRole: 'JUDGE' }))).toEqual(['reason']);
      const unknown = await ask({ userId: 'no-such-user', caseRole: 'JUDGE', reason: '请法官指导调解' });
      expect([unknown.status, fieldsOf(unknown)]).toEqual([400, ['userId']]);
      // The village's own mediator already handles the case; the brigade's mediator is no judge.
      expect(fieldsOf(await ask({ userId: users.fy_mediator, caseRole: 'MEDIATOR', reason: '本村调解员' }))).toEqual(['userId']);
      const notJudge = await ask({ userId: users.tp_mediator, caseRole: 'JUDGE', reason: '请法官指导调解' });
      expect([notJudge.status, fieldsOf(notJudge), notJudge.body.detail]).toEqual([400, ['caseRole'], expect.stringContaining('法官')]);
      expect((await team('fy_director', ids.mediating)).body.members).toEqual([]);
    });

    it('is refused on a closed case with 409', async () => {
      const declined = await apply(t, 'fy_director', (await pmCaseIn(t, 'registered')).id, 'NOT_ACCEPT', { reason: 'NOT_CIVIL_DISPUTE', explanation: '不属于民间纠纷' });
      expect(declined.closed).toBe(true);
      const res = await invite('fy_director', declined.id, { userId: users.judge, caseRole: 'JUDGE', reason: '请法官指导调解' });
      expect([res.status, res.body.detail]).toEqual([409, '案件已办结，不能再邀请团队成员']);
      expect((await team('fy_director', declined.id)).body).toMatchObject({ members: [], canManage: false });
    });

    it('lists candidates from other organisations with name, organisation and roles only', async () => {
      const res = await t.http().get(`/api/cases/${ids.mediating}/team/candidates`).query({ q: '法院' }).set(auth(await t.login('fy_director')));
      expect(res.status).toBe(200);
      const judge = res.body.find((c: { userId: string }) => c.userId === users.judge);
      expect(judge).toEqual({ userId: users.judge, name: '何法官（区法院）', orgId: 'org-court', orgName: '青溪区人民法院', roles: [{ code: 'JUDGE', label: '法官' }], caseRoles: ['JUDGE', 'LAWYER'] });
      expect(res.body.every((c: { orgId: string }) => c.orgId === 'org-court')).toBe(true);
      const police = await t.http().get(`/api/cases/${ids.mediating}/team/candidates`).query({ caseRole: 'TRAFFIC_POLICE' }).set(auth(await t.login('fy_director')));
      expect(police.body.map((c: { userId: string }) => c.userId)).toContain(users.tp_mediator);
      expect(police.body.map((c: { orgId: string }) => c.orgId)).not.toContain('org-fengyuan');
    });

    it('adds the judge as a link of the audit chain; a second invitation is 409', async () => {
      const res = await invite('fy_director', ids.mediating, { userId: users.judge, caseRole: 'JUDGE', reason: '涉及宅基地权属，请法官指导调解' });
      expect(res.status).toBe(201);
      expect(res.body.members).toEqual([
        expect.objectContaining({ userId: users.judge, name: '何法官（区法院）', orgId: 'org-court', orgName: '青溪区人民法院', caseRole: 'JUDGE', caseRoleLabel: '法官', reason: '涉及宅基地权属，请法官指导调解' }),
      ]);
      const again = await invite('fy_director', ids.mediating, { userId: users.judge, caseRole: 'JUDGE', reason: '再次邀请' });
      expect(again.status).toBe(409);
      const entries = await history(t, 'fy_director', ids.mediating);
      const added = entries[entries.length - 1];
      expect(added).toMatchObject({ type: 'TEAM_MEMBER_ADDED', typeLabel: '邀请团队成员', from: 'mediating', to: 'mediating', actor: { id: users.fy_director, role: 'COMMITTEE_DIRECTOR' } });
      expect(added.data).toMatchObject({ userId: users.judge, orgName: '青溪区人民法院', caseRole: 'JUDGE', caseRoleLabel: '法官' });
      expect(added.prevHash).toBe(entries[entries.length - 2].hash);
      expect((await getCase(t, 'fy_director', ids.mediating)).body.version).toBe(added.seq);
    });
  });

  describe('the judge on the team', () => {
    it('reads the case, unmasked as a handling judge, with only the judge’s events on offer', async () => {
      const res = await getCase(t, 'judge', ids.mediating);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ state: 'mediating', personalDataMasked: false });
      expect(res.body.parties[0].idNumber).toBe(APPLICANT.idNumber);
      expect(eventTypes(res.body)).toEqual(['RECORD_SESSION']);
      expect((await team('judge', ids.mediating)).body).toMatchObject({ canManage: false, members: [expect.objectContaining({ userId: users.judge })] });
    });

    it('records a session in the case role, and is refused an event outside it with 403 naming the role', async () => {
      const view = await apply(t, 'judge', ids.mediating, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), summary: '法官释明宅基地相关法律规定' });
      expect(view.state).toBe('mediating');
      const last = (await history(t, 'judge', ids.mediating)).pop();
      expect(last).toMatchObject({ type: 'RECORD_SESSION', actor: { id: users.judge, role: 'TEAM_JUDGE', roleLabel: '法官（团队成员）' } });
      const refused = await send(t, 'judge', ids.mediating, 'TERMINATE_FAILED', { reason: '调解不成', rightsNotice: { routes: ['LITIGATION'], notifiedOn: '2025-03-03', method: 'WRITTEN' } });
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toContain('法官');
      expect(refused.body.detailEn).toContain('JUDGE');
      expect((await getCase(t, 'fy_director', ids.mediating)).body.state).toBe('mediating');
      // Nor may a member manage the team or the deadlines.
      expect((await invite('judge', ids.mediating, { userId: users.tp_mediator, caseRole: 'TRAFFIC_POLICE', reason: '请交警参与' })).status).toBe(403);
    });

    it('gets 404 on the village’s other cases', async () => {
      // (The court reads the village case that applied to it for confirmation in its own right, team or not.)
      for (const id of [ids.other]) {
        expect((await getCase(t, 'judge', id)).status).toBe(404);
        expect((await t.http().get(`/api/cases/${id}/history`).set(auth(await t.login('judge')))).status).toBe(404);
        expect((await team('judge', id)).status).toBe(404);
        expect((await send(t, 'judge', id, 'RECORD_SESSION', pmStep(t, 'RECORD_SESSION'))).status).toBe(404);
      }
      const mine = await list('judge', { team: 'mine' });
      expect(mine).toEqual([ids.mediating]);
      const all = await list('judge');
      expect(all).toContain(ids.mediating);
      expect(all).not.toContain(ids.other);
    });
  });

  describe('a traffic police member of one case of a dispute', () => {
    it('sees that case alone, in the dispute and everywhere else', async () => {
      const res = await invite('fy_director', ids.agreed, { userId: users.tp_mediator, caseRole: 'TRAFFIC_POLICE', reason: '协助核实事故经过' });
      expect(res.status).toBe(201);
      expect((await getCase(t, 'tp_mediator', ids.agreed)).status).toBe(200);
      // The court's confirmation case of the same dispute, and the village's other cases, stay hidden.
      expect((await getCase(t, 'tp_mediator', ids.confirmation)).status).toBe(404);
      expect((await getCase(t, 'tp_mediator', ids.mediating)).status).toBe(404);
      expect((await getCase(t, 'tp_mediator', ids.other)).status).toBe(404);
      const dispute = await t.http().get(`/api/disputes/${ids.dispute}`).set(auth(await t.login('tp_mediator')));
      expect(dispute.status).toBe(200);
      expect(dispute.body.cases.map((c: { id: string }) => c.id)).toEqual([ids.agreed]);
      expect(dispute.body.transfers).toEqual([expect.objectContaining({ fromCaseId: ids.agreed, toCaseId: ids.confirmation })]);
      // The village sees both cases of the dispute as before.
      const village = await t.http().get(`/api/disputes/${ids.dispute}`).set(auth(await t.login('fy_director')));
      expect(village.body.cases.map((c: { id: string }) => c.id)).toEqual([ids.agreed, ids.confirmation]);
      expect(await list('tp_mediator')).toEqual([ids.agreed]);
      // A state where the case role has nothing to send offers nothing.
      expect((await getCase(t, 'tp_mediator', ids.agreed)).body.availableEvents).toEqual([]);
      const refused = await send(t, 'tp_mediator', ids.agreed, 'RECORD_SESSION', pmStep(t, 'RECORD_SESSION'));
      expect([refused.status, refused.body.allowed]).toEqual([409, []]);
    });
  });

  describe('a co-mediator of the same committee', () => {
    // 刘芳, a second mediator of 枫源村, made for this part; her requests carry her own token.
    let liu: { Authorization: string };
    const liuCases = async (query: Record<string, string>) => {
      const res = await t.http().get('/api/cases').query(query).set(liu);
      expect(res.status).toBe(200);
      return (res.body.items as { id: string }[]).map((c) => c.id).sort();
    };

    beforeAll(async () => {
      const password = 'Liu-fang-2025';
      const made = await t.http().post('/api/admin/users').set(auth(await t.login('admin'))).send({ username: 'fy_mediator2', displayName: '刘芳（枫源村调解员）', password, roles: ['MEDIATOR'], orgId: 'org-fengyuan' });
      expect([made.status, made.body.errors]).toEqual([201, undefined]);
      const login = await t.http().post('/api/auth/login').send({ username: 'fy_mediator2', password });
      liu = auth(login.body.accessToken);
      users.fy_mediator2 = login.body.user.id;
      users.fy_clerk = (await t.loginUser('fy_clerk')).user.id;
      ids.coMediated = (await pmCaseIn(t, 'mediating')).id;
    });

    it('is offered among the candidates as a mediator only, and not the assignee', async () => {
      const res = await t.http().get(`/api/cases/${ids.coMediated}/team/candidates`).query({ q: '枫源' }).set(auth(await t.login('fy_director')));
      expect(res.status).toBe(200);
      expect(res.body.find((c: { userId: string }) => c.userId === users.fy_mediator2)).toEqual({
        userId: users.fy_mediator2,
        name: '刘芳（枫源村调解员）',
        orgId: 'org-fengyuan',
        orgName: '枫源村人民调解委员会',
        roles: [{ code: 'MEDIATOR', label: '调解员' }],
        caseRoles: ['MEDIATOR'],
      });
      const offered = res.body.map((c: { userId: string }) => c.userId);
      expect(offered).not.toContain(users.fy_mediator);
      expect(offered).not.toContain(users.fy_clerk);
      const asJudge = await t.http().get(`/api/cases/${ids.coMediated}/team/candidates`).query({ q: '枫源', caseRole: 'JUDGE' }).set(auth(await t.login('fy_director')));
      expect(asJudge.body).toEqual([]);
    });

    it('refuses a colleague in another case role, a clerk, or the assignee, with 400 naming the field', async () => {
      const ask = (body: Record<string, unknown>) => invite('fy_director', ids.coMediated, body);
      const lawyer = await ask({ userId: users.fy_mediator2, caseRole: 'LAWYER', reason: '协助' });
      expect([lawyer.status, fieldsOf(lawyer), lawyer.body.errors[0].messageZh]).toEqual([400, ['caseRole'], '承办单位的工作人员只能作为协助调解员（调解员）加入']);
      expect(fieldsOf(await ask({ userId: users.fy_clerk, caseRole: 'MEDIATOR', reason: '协助' }))).toEqual(['caseRole']);
      const assignee = await ask({ userId: users.fy_mediator, caseRole: 'MEDIATOR', reason: '协助' });
      expect([fieldsOf(assignee), assignee.body.errors[0].messageZh]).toEqual([['userId'], '是本案的承办人，无需邀请']);
      expect((await invite('fy_mediator', ids.coMediated, { userId: users.fy_mediator2, caseRole: 'MEDIATOR', reason: '协助' })).status).toBe(403);
    });

    it('is added by the director as a link of the audit chain, sees the case in 我参与的 and sends the mediator’s events', async () => {
      expect(await liuCases({ team: 'mine' })).toEqual([]);
      const res = await invite('fy_director', ids.coMediated, { userId: users.fy_mediator2, caseRole: 'MEDIATOR', reason: '案情复杂，增派协助调解员' });
      expect(res.status).toBe(201);
      expect(res.body.members).toEqual([
        expect.objectContaining({ userId: users.fy_mediator2, orgId: 'org-fengyuan', caseRole: 'MEDIATOR', caseRoleLabel: '调解员', colleague: true, roleOnCase: '协助调解员' }),
      ]);
      const added = (await history(t, 'fy_director', ids.coMediated)).at(-1);
      expect(added.prevHash).toBe((await history(t, 'fy_director', ids.coMediated)).at(-2).hash);
      expect(added).toMatchObject({ type: 'TEAM_MEMBER_ADDED', actor: { id: users.fy_director }, data: { userId: users.fy_mediator2, caseRole: 'MEDIATOR', colleague: true, colleagueLabel: '协助调解员', reason: '案情复杂，增派协助调解员' } });
      expect(await liuCases({ team: 'mine' })).toEqual([ids.coMediated]);
      expect(await liuCases({ team: 'mine', closed: 'false' })).toEqual([ids.coMediated]);
      // The village's own mediator acts as the committee's mediator, with every mediator's event on offer.
      const view = (await t.http().get(`/api/cases/${ids.coMediated}`).set(liu)).body;
      expect(view.personalDataMasked).toBe(false);
      expect(eventTypes(view)).toEqual(expect.arrayContaining(['RECORD_SESSION', 'SIGN_WRITTEN_AGREEMENT', 'TERMINATE_FAILED']));
      const session = await t.http().post(`/api/cases/${ids.coMediated}/events`).set(liu).send({ type: 'RECORD_SESSION', data: { ...pmStep(t, 'RECORD_SESSION'), summary: '协助调解员主持第二次调解' } });
      expect(session.status).toBe(200);
      expect((await history(t, 'fy_director', ids.coMediated)).at(-1)).toMatchObject({ type: 'RECORD_SESSION', actor: { id: users.fy_mediator2, role: 'MEDIATOR' } });
      const again = await invite('fy_director', ids.coMediated, { userId: users.fy_mediator2, caseRole: 'MEDIATOR', reason: '再次邀请' });
      expect(again.status).toBe(409);
    });

    it('leaves 我参与的 and the team once removed, kept among the former members', async () => {
      const res = await remove('fy_director', ids.coMediated, users.fy_mediator2, { reason: '协助调解已完成' });
      expect(res.status).toBe(200);
      expect(res.body.members).toEqual([]);
      expect(res.body.former).toEqual([expect.objectContaining({ userId: users.fy_mediator2, roleOnCase: '协助调解员', removalReason: '协助调解已完成' })]);
      expect(await liuCases({ team: 'mine' })).toEqual([]);
      expect((await history(t, 'fy_director', ids.coMediated)).at(-1)).toMatchObject({ type: 'TEAM_MEMBER_REMOVED', data: { userId: users.fy_mediator2, colleague: true } });
    });
  });

  describe('removing', () => {
    it('needs a reason, and an unknown member is 404', async () => {
      expect(fieldsOf(await remove('fy_director', ids.mediating, users.judge, {}))).toEqual(['reason']);
      const bare = await t.http().delete(`/api/cases/${ids.mediating}/team/${users.judge}`).set(auth(await t.login('fy_director')));
      expect([bare.status, fieldsOf(bare)]).toEqual([400, ['reason']]);
      expect((await remove('fy_director', ids.mediating, users.tp_mediator, { reason: '不是成员' })).status).toBe(404);
      expect((await remove('fy_mediator', ids.mediating, users.judge, { reason: '调解员无权移出' })).status).toBe(403);
    });

    it('ends the member’s access at once, and is in the history and the team’s former members', async () => {
      expect((await getCase(t, 'judge', ids.mediating)).status).toBe(200);
      const res = await remove('fy_director', ids.mediating, users.judge, { reason: '法律指导已完成' });
      expect(res.status).toBe(200);
      expect(res.body.members).toEqual([]);
      expect(res.body.former).toEqual([expect.objectContaining({ userId: users.judge, caseRole: 'JUDGE', removalReason: '法律指导已完成', removedBy: { id: users.fy_director, name: expect.any(String) } })]);
      expect((await getCase(t, 'judge', ids.mediating)).status).toBe(404);
      expect((await send(t, 'judge', ids.mediating, 'RECORD_SESSION', pmStep(t, 'RECORD_SESSION'))).status).toBe(404);
      expect(await list('judge', { team: 'mine' })).toEqual([]);
      const entries = await history(t, 'fy_director', ids.mediating);
      expect(entries.map((e) => e.type).slice(-3)).toEqual(['TEAM_MEMBER_ADDED', 'RECORD_SESSION', 'TEAM_MEMBER_REMOVED']);
      expect(entries[entries.length - 1]).toMatchObject({ typeLabel: '移出团队成员', data: { userId: users.judge, reason: '法律指导已完成' } });
      // Invited again later, the judge is a member once more.
      expect((await invite('fy_director', ids.mediating, { userId: users.judge, caseRole: 'JUDGE', reason: '当事人申请法官再次参与' })).status).toBe(201);
      expect((await getCase(t, 'judge', ids.mediating)).status).toBe(200);
    });

    it('leaves every audit chain intact', async () => {
      expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
    });
  });
});
