import type { Response } from 'supertest';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { DEMO_USERS, DirectoryRepository, OrganisationNameTakenError, UsernameTakenError } from '@app/organisations';
import { auth, pmCaseBody } from '../support/cases';

/*
 * The administrator's directory API: accounts and organisations. Only administrators may use it, bad input is refused
 * field by field in Chinese, duplicates are conflicts, and a change to an account takes effect on the tokens it
 * already holds.
 */

const fieldErrors = (res: Response) => [...new Set<string>((res.body.errors ?? []).map((e: { field: string }) => e.field))].sort();

describe.each(TEST_DATABASES)('admin: users and organisations ($name)', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(database);
    admin = auth(await t.login('admin'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = (username: string, password: string) => t.http().post('/api/auth/login').send({ username, password });
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: 'fy_mediator2',
    displayName: '刘芳（枫源村调解员）',
    password: 'initial-pass-1',
    roles: ['MEDIATOR'],
    orgId: 'org-fengyuan',
    ...over,
  });

  describe('who may use it', () => {
    it.each(['fy_mediator', 'fy_director', 'auditor', 'court_clerk'])('refuses %s with 403 and a Chinese reason', async (username) => {
      const headers = auth(await t.login(username));
      for (const res of [
        await t.http().get('/api/admin/users').set(headers),
        await t.http().post('/api/admin/users').set(headers).send(newUser({ username: `x_${username}` })),
        await t.http().get('/api/admin/organisations').set(headers),
        await t.http().post('/api/admin/organisations').set(headers).send({ name: '某调委会', shortName: '某', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101203' }),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.detail).toBe('您的角色无权访问此功能');
      }
      const list = await t.http().get('/api/admin/users').set(admin).query({ q: `x_${username}` });
      expect(list.body.total).toBe(0);
    });

    it('refuses a caller without a token with 401', async () => {
      expect((await t.http().get('/api/admin/users')).status).toBe(401);
      expect((await t.http().post('/api/admin/organisations').send({})).status).toBe(401);
    });
  });

  describe('users', () => {
    it('lists every account with Chinese role labels and its organisation, filtered and paginated', async () => {
      const all = await t.http().get('/api/admin/users').set(admin);
      expect(all.status).toBe(200);
      expect(all.body.total).toBe(DEMO_USERS.length);
      expect(all.body.items.find((u: any) => u.username === 'fy_director')).toMatchObject({
        displayName: '李建国（枫源村调委会主任）',
        roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'],
        roleLabels: ['调委会主任', '调解员'],
        orgId: 'org-fengyuan',
        orgName: '枫源村人民调解委员会',
        active: true,
      });
      expect(all.body.items.find((u: any) => u.username === 'land_arbitrator')).toMatchObject({
        roles: ['LAND_ARBITRATOR'],
        roleLabels: ['农村土地承包仲裁员'],
        orgId: 'org-land-arbitration',
        orgName: '青溪区农村土地承包仲裁委员会',
      });
      expect(all.body.items[0]).not.toHaveProperty('passwordHash');

      const fengyuan = await t.http().get('/api/admin/users').set(admin).query({ orgId: 'org-fengyuan' });
      expect(fengyuan.body.items.map((u: any) => u.username).sort()).toEqual(['fy_clerk', 'fy_director', 'fy_mediator']);
      const page2 = await t.http().get('/api/admin/users').set(admin).query({ pageSize: 5, page: 2 });
      expect(page2.body).toMatchObject({ total: DEMO_USERS.length, page: 2, pageSize: 5 });
      expect(page2.body.items).toHaveLength(5);
      expect(page2.body.items[0].username).toBe(all.body.items[5].username);
      const byName = await t.http().get('/api/admin/users').set(admin).query({ q: '法官' });
      expect(byName.body.items.map((u: any) => u.username)).toEqual(['judge']);
    });

    it('creates an account that can log in at once and act in its organisation', async () => {
      const res = await t.http().post('/api/admin/users').set(admin).send(newUser());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ username: 'fy_mediator2', roles: ['MEDIATOR'], roleLabels: ['调解员'], orgName: '枫源村人民调解委员会', active: true });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).not.toHaveProperty('password');
      expect(res.body).not.toHaveProperty('passwordHash');

      const loggedIn = await login('fy_mediator2', 'initial-pass-1');
      expect(loggedIn.status).toBe(200);
      expect(loggedIn.body.user).toMatchObject({ id: res.body.id, roles: ['MEDIATOR'], orgId: 'org-fengyuan', regionCode: '330199101201' });
      // The directory other requests read was refreshed: the director can now assign the new mediator.
      const colleagues = await t.http().get('/api/organisations/mine/users').query({ role: 'MEDIATOR' }).set(auth(await t.login('fy_director')));
      expect(colleagues.body.map((u: any) => u.id)).toContain(res.body.id);
      const opened = await t.http().post('/api/cases').set(auth(loggedIn.body.accessToken)).send(pmCaseBody());
      expect(opened.status).toBe(201);
      expect(opened.body.assignment.orgId).toBe('org-fengyuan');
    });

    it('refuses bad input field by field, in Chinese, and creates nothing', async () => {
      const res = await t
        .http()
        .post('/api/admin/users')
        .set(admin)
        .send({ username: '1 bad name', displayName: '', password: 'short', roles: ['MEDIATOR', 'KING'], orgId: 'org-fengyuan' });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(fieldErrors(res)).toEqual(['displayName', 'roles', 'username']);
      const zh = Object.fromEntries(res.body.errors.map((e: any) => [e.field, e.messageZh]));
      expect(zh).toEqual({
        username: '用户名须为 3 至 32 位小写字母、数字或 _ . -，并以字母开头',
        displayName: '请填写姓名',
        roles: '不是有效的角色',
      });
      // The password policy judges a password once the rest of the request is well-formed.
      const weak = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'weak_pw', password: 'short' }));
      expect(weak.status).toBe(400);
      expect(weak.body.errors.map((e: any) => [e.field, e.messageZh])).toEqual([
        ['password', '密码至少 12 位'],
        ['password', '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类'],
      ]);

      const noRoles = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'no_roles', roles: [] }));
      expect(noRoles.status).toBe(400);
      expect(noRoles.body.errors).toEqual([expect.objectContaining({ field: 'roles', messageZh: '至少选择一个角色' })]);

      const noOrg = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'no_org', orgId: 'org-nowhere' }));
      expect(noOrg.status).toBe(400);
      expect(noOrg.body.errors).toEqual([expect.objectContaining({ field: 'orgId', messageZh: '所属单位不存在' })]);

      const unknownField = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'sneaky', active: false, passwordHash: 'x' }));
      expect(unknownField.status).toBe(400);
      expect(fieldErrors(unknownField)).toEqual(['active', 'passwordHash']);

      for (const username of ['no_roles', 'no_org', 'sneaky', 'weak_pw']) expect((await login(username, 'initial-pass-1')).status).toBe(401);
    });

    it('answers 409 for a username in use, and leaves that account alone', async () => {
      const res = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'fy_clerk', displayName: '冒名', password: 'another-pass-1' }));
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ code: 'CONFLICT', detail: '用户名“fy_clerk”已被使用' });
      expect((await login('fy_clerk', DEMO_PASSWORD)).status).toBe(200);
      expect((await login('fy_clerk', 'another-pass-1')).status).toBe(401);
      const list = await t.http().get('/api/admin/users').set(admin).query({ q: 'fy_clerk' });
      expect(list.body.items).toEqual([expect.objectContaining({ displayName: '陈登记（枫源村受理登记员）' })]);
    });

    it('deactivates an account, which ends its login and its tokens, and reactivates it', async () => {
      const created = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'lq_temp', orgId: 'org-liqiao' }));
      const token = (await login('lq_temp', 'initial-pass-1')).body.accessToken;
      expect((await t.http().get('/api/cases').set(auth(token))).status).toBe(200);

      const off = await t.http().patch(`/api/admin/users/${created.body.id}`).set(admin).send({ active: false });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await login('lq_temp', 'initial-pass-1')).status).toBe(401);
      const refused = await t.http().get('/api/cases').set(auth(token));
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe('账号已停用，请联系管理员');
      const inactive = await t.http().get('/api/admin/users').set(admin).query({ active: false });
      expect(inactive.body.items.map((u: any) => u.username)).toEqual(['lq_temp']);

      const on = await t.http().patch(`/api/admin/users/${created.body.id}`).set(admin).send({ active: true });
      expect(on.body.active).toBe(true);
      const again = await login('lq_temp', 'initial-pass-1');
      expect(again.status).toBe(200);
      // Reactivation does not revive the sessions deactivation ended.
      expect((await t.http().get('/api/cases').set(auth(token))).status).toBe(401);
      expect((await t.http().get('/api/cases').set(auth(again.body.accessToken))).status).toBe(200);
    });

    it('ends the sessions of an account whose roles change; a new login carries the new roles', async () => {
      const created = await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'deputy_admin', roles: ['ADMIN'], orgId: 'org-justice-bureau' }));
      const token = (await login('deputy_admin', 'initial-pass-1')).body.accessToken;
      expect((await t.http().get('/api/admin/users').set(auth(token))).status).toBe(200);
      const changed = await t.http().patch(`/api/admin/users/${created.body.id}`).set(admin).send({ roles: ['AUDITOR'], displayName: '副审核员' });
      expect(changed.body).toMatchObject({ roles: ['AUDITOR'], roleLabels: ['以案定补审核员'], displayName: '副审核员' });
      const refused = await t.http().get('/api/admin/users').set(auth(token));
      expect(refused.status).toBe(401);
      expect(refused.body.detail).toBe('角色已变更，请重新登录');
      const fresh = auth((await login('deputy_admin', 'initial-pass-1')).body.accessToken);
      expect((await t.http().get('/api/admin/users').set(fresh)).status).toBe(403);
      const me = await t.http().get('/api/auth/me').set(fresh);
      expect(me.body).toMatchObject({ roles: ['AUDITOR'], displayName: '副审核员' });
    });

    it('does not let administrators lock themselves out', async () => {
      const { user } = await t.loginUser('admin');
      const off = await t.http().patch(`/api/admin/users/${user.id}`).set(admin).send({ active: false });
      expect(off.status).toBe(409);
      expect(off.body.detail).toBe('不能停用自己的账号');
      const demote = await t.http().patch(`/api/admin/users/${user.id}`).set(admin).send({ roles: ['AUDITOR'] });
      expect(demote.status).toBe(409);
      expect(demote.body.detail).toBe('不能移除自己的系统管理员角色');
      expect((await t.http().get('/api/admin/users').set(admin)).status).toBe(200);
    });

    it('refuses a change to an unknown organisation or account', async () => {
      const { user } = await t.loginUser('fy_clerk');
      const badOrg = await t.http().patch(`/api/admin/users/${user.id}`).set(admin).send({ orgId: 'org-nowhere' });
      expect(badOrg.status).toBe(400);
      expect(badOrg.body.errors).toEqual([expect.objectContaining({ field: 'orgId', messageZh: '所属单位不存在' })]);
      const missing = await t.http().patch('/api/admin/users/00000000-0000-4000-8000-000000000000').set(admin).send({ active: false });
      expect(missing.status).toBe(404);
      expect(missing.body.detail).toContain('未找到用户');
    });

    it('resets a password: the old one stops working, the new one works', async () => {
      const { user } = await t.loginUser('tp_mediator');
      const short = await t.http().post(`/api/admin/users/${user.id}/password`).set(admin).send({ password: '1234567' });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([
        expect.objectContaining({ field: 'password', messageZh: '密码至少 12 位' }),
        expect.objectContaining({ field: 'password', messageZh: '密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类' }),
      ]);
      expect((await login('tp_mediator', DEMO_PASSWORD)).status).toBe(200);

      const reset = await t.http().post(`/api/admin/users/${user.id}/password`).set(admin).send({ password: 'Brand-new-pass' });
      expect(reset.status).toBe(204);
      expect((await login('tp_mediator', DEMO_PASSWORD)).status).toBe(401);
      expect((await login('tp_mediator', 'Brand-new-pass')).status).toBe(200);
      const missing = await t.http().post('/api/admin/users/00000000-0000-4000-8000-000000000000/password').set(admin).send({ password: 'Brand-new-pass' });
      expect(missing.status).toBe(404);
    });
  });

  describe('organisations', () => {
    const newOrg = (over: Record<string, unknown> = {}) => ({
      name: '枫桥镇企业纠纷人民调解委员会',
      shortName: '枫桥企调',
      type: 'TOWNSHIP_MEDIATION_COMMITTEE',
      regionCode: '330199101',
      parentId: 'org-district-centre',
      ...over,
    });

    it('lists every organisation with its region, supervising organisation and active users', async () => {
      const res = await t.http().get('/api/admin/organisations').set(admin);
      expect(res.status).toBe(200);
      expect(res.body.find((o: any) => o.id === 'org-fengyuan')).toEqual({
        id: 'org-fengyuan',
        name: '枫源村人民调解委员会',
        shortName: '枫源',
        type: 'VILLAGE_MEDIATION_COMMITTEE',
        typeLabel: '村（居）人民调解委员会',
        regionCode: '330199101201',
        regionName: '枫源村',
        parentId: 'org-fengqiao',
        parentName: '枫桥镇人民调解委员会',
        activeUsers: expect.any(Number),
      });
      expect(res.body.find((o: any) => o.id === 'org-court')).toMatchObject({ parentId: null, parentName: null, typeLabel: '基层人民法院' });
    });

    it('creates an organisation under a parent; its users open cases numbered with its short name', async () => {
      const res = await t.http().post('/api/admin/organisations').set(admin).send(newOrg());
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ name: '枫桥镇企业纠纷人民调解委员会', shortName: '枫桥企调', regionName: '枫桥镇', parentName: '青溪区矛盾纠纷调解中心', activeUsers: 0 });
      expect(res.body.id).toMatch(/^org-[0-9a-f-]{36}$/);
      const listed = await t.http().get('/api/organisations').set(admin).query({ type: 'TOWNSHIP_MEDIATION_COMMITTEE' });
      expect(listed.body.map((o: any) => o.id)).toContain(res.body.id);

      await t.http().post('/api/admin/users').set(admin).send(newUser({ username: 'fq_business', orgId: res.body.id }));
      const token = (await login('fq_business', 'initial-pass-1')).body.accessToken;
      const opened = await t.http().post('/api/cases').set(auth(token)).send(pmCaseBody({ regionCode: '330199101202' }));
      expect(opened.status).toBe(201);
      expect(opened.body.caseNo).toMatch(/^（\d{4}）枫桥企调调字第1号$/);
      // The district centre supervises it, so sees its cases.
      const centre = await t.http().get(`/api/cases/${opened.body.id}`).set(auth(await t.login('qx_director')));
      expect(centre.status).toBe(200);
    });

    it('refuses bad input field by field', async () => {
      const empty = await t.http().post('/api/admin/organisations').set(admin).send({});
      expect(empty.status).toBe(400);
      expect(fieldErrors(empty)).toEqual(['name', 'regionCode', 'shortName', 'type']);

      const unknown = await t.http().post('/api/admin/organisations').set(admin).send(newOrg({ name: '某单位', shortName: '某', regionCode: '330199999', parentId: 'org-nowhere' }));
      expect(unknown.status).toBe(400);
      expect(unknown.body.errors).toEqual([
        expect.objectContaining({ field: 'regionCode', messageZh: '行政区划不存在' }),
        expect.objectContaining({ field: 'parentId', messageZh: '上级单位不存在' }),
      ]);

      const outside = await t.http().post('/api/admin/organisations').set(admin).send(newOrg({ name: '南山村第二调委会', shortName: '南山二', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199102201', parentId: 'org-fengqiao' }));
      expect(outside.status).toBe(400);
      expect(outside.body.errors).toEqual([expect.objectContaining({ field: 'regionCode', messageZh: '所在地区须在上级单位的辖区内' })]);
    });

    it('answers 409 for a name or short name already in use', async () => {
      const name = await t.http().post('/api/admin/organisations').set(admin).send(newOrg({ name: '栎桥村人民调解委员会', shortName: '栎桥二' }));
      expect(name.status).toBe(409);
      expect(name.body.detail).toBe('已有名为“栎桥村人民调解委员会”的单位');
      const short = await t.http().post('/api/admin/organisations').set(admin).send(newOrg({ name: '栎桥村第二调委会', shortName: '栎桥' }));
      expect(short.status).toBe(409);
      expect(short.body.detail).toContain('简称“栎桥”已被其他单位使用');
      const all = await t.http().get('/api/admin/organisations').set(admin);
      expect(all.body.filter((o: any) => o.name.startsWith('栎桥村')).map((o: any) => o.id)).toEqual(['org-liqiao']);
    });

    it('is backed by the database: a duplicate that slips past the checks (another process) is still refused', async () => {
      const repository = t.app.get(DirectoryRepository);
      const org = { id: 'org-race', name: '赛跑调委会', shortName: '枫源', type: 'VILLAGE_MEDIATION_COMMITTEE' as const, regionCode: '330199101201', parentId: null };
      await expect(repository.createOrganisation(org)).rejects.toEqual(new OrganisationNameTakenError('shortName', '枫源'));
      await expect(repository.createOrganisation({ ...org, shortName: '赛跑', name: '枫源村人民调解委员会' })).rejects.toBeInstanceOf(OrganisationNameTakenError);
      const { user } = await t.loginUser('fy_clerk');
      await expect(repository.createUser({ ...user, id: 'user-race', username: 'fy_clerk', displayName: '冒名', active: true, passwordHash: 'x' } as any)).rejects.toBeInstanceOf(UsernameTakenError);
      expect((await repository.organisations()).some((o) => o.id === 'org-race')).toBe(false);
    });
  });
});
