import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { SessionService, SessionStore } from '@app/organisations';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app';
import { auth } from '../support/cases';
import { setClock } from '../support/deadlines';

const INITIAL = 'Initial-pass-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Account helpers over the public API, for an app `t` and its administrator. */
function accounts(t: () => TestApp) {
  const admin = async () => auth(await t().login('admin'));
  return {
    admin,
    async create(username: string, over: Record<string, unknown> = {}) {
      const res = await t().http().post('/api/admin/users').set(await admin()).send({ username, displayName: `测试用户 ${username}`, password: INITIAL, roles: ['MEDIATOR'], orgId: 'org-fengyuan', ...over });
      if (res.status !== 201) throw new Error(`create ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    },
    async login(username: string, password = INITIAL) {
      const res = await t().http().post('/api/auth/login').send({ username, password });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    me: (token: string) => t().http().get('/api/auth/me').set(auth(token)),
  };
}

/** The 401 a token of an ended session gets: problem details saying why, in Chinese and English. */
function expectEnded(res: { status: number; headers: Record<string, string>; body: any }, reason: string, detail: string) {
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', reason, detail });
  expect(res.body.detailEn).toMatch(/\w/);
}

describe.each(TEST_DATABASES)('sessions ($name)', (database) => {
  let t: TestApp;
  const a = accounts(() => t);

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('revocation', () => {
    it('ends every session of an account whose password an administrator resets', async () => {
      const user = await a.create('s_reset');
      const [first, second] = [await a.login('s_reset'), await a.login('s_reset')];
      expect((await a.me(first)).status).toBe(200);
      const reset = await t.http().post(`/api/admin/users/${user.id}/password`).set(await a.admin()).send({ password: 'Reset-by-admin-7' });
      expect(reset.status).toBe(204);
      for (const token of [first, second]) expectEnded(await a.me(token), 'PASSWORD_RESET', '密码已重置，请使用新密码重新登录');
      expect((await a.me(await a.login('s_reset', 'Reset-by-admin-7'))).status).toBe(200);
    });

    it('ends the sessions of a deactivated account', async () => {
      const user = await a.create('s_off');
      const token = await a.login('s_off');
      expect((await t.http().patch(`/api/admin/users/${user.id}`).set(await a.admin()).send({ active: false })).status).toBe(200);
      expectEnded(await a.me(token), 'DEACTIVATED', '账号已停用，请联系管理员');
    });

    it('ends the sessions of an account whose roles change, but not for a new display name', async () => {
      const user = await a.create('s_roles');
      const token = await a.login('s_roles');
      expect((await t.http().patch(`/api/admin/users/${user.id}`).set(await a.admin()).send({ displayName: '改名不影响登录' })).status).toBe(200);
      expect((await a.me(token)).body.displayName).toBe('改名不影响登录');
      // The same roles sent again are no change.
      expect((await t.http().patch(`/api/admin/users/${user.id}`).set(await a.admin()).send({ roles: ['MEDIATOR'] })).status).toBe(200);
      expect((await a.me(token)).status).toBe(200);
      expect((await t.http().patch(`/api/admin/users/${user.id}`).set(await a.admin()).send({ roles: ['MEDIATOR', 'INTAKE_CLERK'] })).status).toBe(200);
      expectEnded(await a.me(token), 'ROLE_CHANGED', '角色已变更，请重新登录');
      expect((await a.me(await a.login('s_roles'))).body.roles).toEqual(['MEDIATOR', 'INTAKE_CLERK']);
    });

    it('ends the sessions of an account moved to another organisation', async () => {
      const user = await a.create('s_org');
      const token = await a.login('s_org');
      expect((await t.http().patch(`/api/admin/users/${user.id}`).set(await a.admin()).send({ orgId: 'org-liqiao' })).status).toBe(200);
      expectEnded(await a.me(token), 'ORG_CHANGED', '所属单位已变更，请重新登录');
      expect((await a.me(await a.login('s_org'))).body.orgId).toBe('org-liqiao');
    });

    it('leaves other accounts alone', async () => {
      await a.create('s_bystander');
      const bystander = await a.login('s_bystander');
      const victim = await a.create('s_victim');
      await a.login('s_victim');
      await t.http().post(`/api/admin/users/${victim.id}/password`).set(await a.admin()).send({ password: 'Reset-by-admin-8' });
      await t.http().patch(`/api/admin/users/${victim.id}`).set(await a.admin()).send({ active: false });
      expect((await a.me(bystander)).status).toBe(200);
      expect((await t.http().get('/api/cases').set(auth(bystander))).status).toBe(200);
    });

    it('refuses a correctly signed token that names no session', async () => {
      const { user } = await t.loginUser('fy_mediator');
      const jwt = new JwtService({ secret: 'test-secret-of-sufficient-length-000000' });
      const claims = { sub: user.id, username: 'fy_mediator', name: 'x', roles: user.roles, orgId: user.orgId, regionCode: user.regionCode };
      for (const token of [jwt.sign(claims), jwt.sign({ ...claims, sid: '00000000-0000-4000-8000-000000000000' })]) {
        const res = await a.me(token);
        expect(res.status).toBe(401);
        expect(res.body.detail).toBe('登录已失效，请重新登录');
      }
    });

    it('refuses a token naming another account’s session', async () => {
      // A session belongs to one user: a token naming someone else's session is refused, not served as them.
      await a.create('s_owner');
      const owner = await a.login('s_owner');
      const sid = JSON.parse(Buffer.from(owner.split('.')[1], 'base64url').toString()).sid as string;
      const { user } = await t.loginUser('fy_mediator');
      const jwt = new JwtService({ secret: 'test-secret-of-sufficient-length-000000' });
      const borrowed = jwt.sign({ sub: user.id, sid, username: 'fy_mediator', name: 'x', roles: user.roles, orgId: user.orgId, regionCode: user.regionCode });
      expect((await a.me(borrowed)).status).toBe(401);
      expect((await a.me(owner)).status).toBe(200);
    });
  });

  describe('logout', () => {
    it('ends only the session it is sent with', async () => {
      await a.create('s_logout');
      const [here, elsewhere] = [await a.login('s_logout'), await a.login('s_logout')];
      const out = await t.http().post('/api/auth/logout').set(auth(here));
      expect(out.status).toBe(204);
      expect(out.text).toBe('');
      expectEnded(await a.me(here), 'LOGOUT', '已退出登录，请重新登录');
      expectEnded(await t.http().post('/api/auth/logout').set(auth(here)), 'LOGOUT', '已退出登录，请重新登录');
      expect((await a.me(elsewhere)).status).toBe(200);
    });

    it('needs a token', async () => {
      expect((await t.http().post('/api/auth/logout')).status).toBe(401);
    });
  });

  describe('changing one’s own password', () => {
    it('keeps the session that changed it and ends the others', async () => {
      await a.create('s_change');
      const [here, elsewhere] = [await a.login('s_change'), await a.login('s_change')];
      const changed = await t.http().post('/api/auth/password').set(auth(here)).send({ currentPassword: INITIAL, newPassword: 'Changed-myself-1' });
      expect(changed.status).toBe(204);
      expect((await a.me(here)).status).toBe(200);
      expectEnded(await a.me(elsewhere), 'PASSWORD_CHANGED', '密码已修改，请使用新密码重新登录');
      expect((await t.http().post('/api/auth/login').send({ username: 's_change', password: INITIAL })).status).toBe(401);
      expect((await a.me(await a.login('s_change', 'Changed-myself-1'))).status).toBe(200);
    });

    it('refuses a wrong current password with 400 naming currentPassword, and changes nothing', async () => {
      await a.create('s_wrong');
      const [here, elsewhere] = [await a.login('s_wrong'), await a.login('s_wrong')];
      const res = await t.http().post('/api/auth/password').set(auth(here)).send({ currentPassword: 'not-my-password-1', newPassword: 'Would-be-new-1' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'currentPassword', message: 'is not the current password', messageZh: '当前密码不正确' }]);
      expect((await a.me(elsewhere)).status).toBe(200);
      expect((await t.http().post('/api/auth/login').send({ username: 's_wrong', password: 'Would-be-new-1' })).status).toBe(401);
      expect((await t.http().post('/api/auth/login').send({ username: 's_wrong', password: INITIAL })).status).toBe(200);
    });

    it('refuses a malformed body field by field', async () => {
      await a.create('s_shape');
      const res = await t.http().post('/api/auth/password').set(auth(await a.login('s_shape'))).send({ currentPassword: '', extra: 1 });
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: any) => e.field))].sort()).toEqual(['currentPassword', 'extra', 'newPassword']);
    });
  });

  describe('password policy', () => {
    const change = async (token: string, currentPassword: string, newPassword: string) => t.http().post('/api/auth/password').set(auth(token)).send({ currentPassword, newPassword });
    const rulesOf = (res: { body: any }) => res.body.errors.map((e: any) => `${e.field}: ${e.messageZh}`);

    it('names every rule a new password breaks, on each field that sets one', async () => {
      const user = await a.create('s_policy');
      const token = await a.login('s_policy');
      expect(rulesOf(await change(token, INITIAL, 'short'))).toEqual(['newPassword: 密码至少 12 位', 'newPassword: 密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类']);
      expect(rulesOf(await change(token, INITIAL, 'alllowercaseletters'))).toEqual(['newPassword: 密码须包含小写字母、大写字母、数字、其他符号中的至少 3 类']);
      expect(rulesOf(await change(token, INITIAL, 'My-S_Policy-2026'))).toEqual(['newPassword: 密码不能包含用户名']);
      const reset = await t.http().post(`/api/admin/users/${user.id}/password`).set(await a.admin()).send({ password: 'Short-1' });
      expect(reset.status).toBe(400);
      expect(rulesOf(reset)).toEqual(['password: 密码至少 12 位']);
      expect(reset.body.errors[0].message).toBe('must be at least 12 characters long');
      const created = await t.http().post('/api/admin/users').set(await a.admin()).send({ username: 's_named', displayName: '测试', password: 'xx-s_named-1234', roles: ['MEDIATOR'], orgId: 'org-fengyuan' });
      expect(rulesOf(created)).toEqual(['password: 密码不能包含用户名']);
      // Nothing was changed by the refusals.
      expect((await a.me(token)).status).toBe(200);
      expect((await t.http().post('/api/auth/login').send({ username: 's_policy', password: INITIAL })).status).toBe(200);
      expect((await t.http().post('/api/auth/login').send({ username: 's_named', password: 'xx-s_named-1234' })).status).toBe(401);
    });

    it('refuses the last five passwords and allows the sixth-last', async () => {
      const user = await a.create('s_history');
      const token = await a.login('s_history');
      const passwords = [INITIAL, 'Second-pass-22', 'Third-pass-333', 'Fourth-pass-44', 'Fifth-pass-555', 'Sixth-pass-666'];
      for (let i = 1; i < passwords.length; i++) expect((await change(token, passwords[i - 1], passwords[i])).status).toBe(204);
      // The last five: the current one and the four before it.
      for (const recent of passwords.slice(1)) {
        const res = await change(token, passwords[5], recent);
        expect(res.status).toBe(400);
        expect(rulesOf(res)).toEqual(['newPassword: 不能与该账号最近 5 次使用的密码相同']);
      }
      const byAdmin = await t.http().post(`/api/admin/users/${user.id}/password`).set(await a.admin()).send({ password: passwords[3] });
      expect(rulesOf(byAdmin)).toEqual(['password: 不能与该账号最近 5 次使用的密码相同']);
      expect((await change(token, passwords[5], passwords[0])).status).toBe(204);
      expect((await a.me(await a.login('s_history', passwords[0]))).status).toBe(200);
    });
  });

  it('forgets sessions ended or left idle a day and more ago, and keeps the rest', async () => {
    const user = await a.create('s_sweep');
    const store = t.app.get(SessionStore);
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    const ids = { endedLongAgo: randomUUID(), idleLongAgo: randomUUID(), endedToday: randomUUID(), open: randomUUID() };
    await store.create({ id: ids.endedLongAgo, userId: user.id, createdAt: daysAgo(3), lastSeenAt: daysAgo(3), endedAt: daysAgo(2), endReason: 'LOGOUT' });
    await store.create({ id: ids.idleLongAgo, userId: user.id, createdAt: daysAgo(3), lastSeenAt: daysAgo(2), endedAt: null, endReason: null });
    await store.create({ id: ids.endedToday, userId: user.id, createdAt: daysAgo(1), lastSeenAt: new Date(), endedAt: new Date(), endReason: 'LOGOUT' });
    await store.create({ id: ids.open, userId: user.id, createdAt: daysAgo(1), lastSeenAt: new Date(), endedAt: null, endReason: null });
    expect(await t.app.get(SessionService).sweep()).toBeGreaterThanOrEqual(2);
    const left = await t.app.get(Db).query<{ id: string }>('SELECT id FROM sessions WHERE user_id = :userId', { userId: user.id });
    expect(left.map((r) => r.id).sort()).toEqual([ids.endedToday, ids.open].sort());
  });

  it('measures idle time in wall time, not on the engine clock tests move by days', async () => {
    await a.create('s_clock');
    const token = await a.login('s_clock');
    await setClock(t, new Date(Date.now() + 60 * 86_400_000).toISOString());
    expect((await a.me(token)).status).toBe(200);
  });
});

describe.each(TEST_DATABASES)('idle sessions ($name)', (database) => {
  let t: TestApp;
  const a = accounts(() => t);

  beforeAll(async () => {
    // Three seconds, so the test can wait it out.
    t = await createTestApp(database, { FENGQIAO_SESSION_IDLE_MINUTES: '0.05' });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a session in use alive and ends one left unused for longer than the idle time', async () => {
    await a.create('s_idle');
    const busy = await a.login('s_idle');
    const idle = await a.login('s_idle');
    // Used every two seconds for six: longer than the idle time in all, never that long between requests.
    for (let i = 0; i < 3; i++) {
      await sleep(2000);
      expect((await a.me(busy)).status).toBe(200);
    }
    expectEnded(await a.me(idle), 'IDLE_TIMEOUT', '会话超时，请重新登录');
    // Once ended it stays ended, even if asked again at once.
    expectEnded(await a.me(idle), 'IDLE_TIMEOUT', '会话超时，请重新登录');
    expect((await a.me(busy)).status).toBe(200);
    expect((await a.me(await a.login('s_idle'))).status).toBe(200);

    // The moment the session went idle is in the security log, once, however often its token came back.
    const auditor = (await t.http().post('/api/auth/login').send({ username: 'auditor', password: DEMO_PASSWORD })).body.accessToken;
    const log = await t.http().get('/api/audit/security-log').query({ kind: 'SESSION_EXPIRED', actor: 's_idle' }).set(auth(auditor));
    expect(log.status).toBe(200);
    expect(log.body.total).toBe(1);
    expect(log.body.items[0]).toMatchObject({ kindLabel: '会话超时', detail: { reason: 'IDLE_TIMEOUT' } });
  });
});

describe.each(TEST_DATABASES)('sessions across two engines on one database ($name)', (database) => {
  let one: TestApp;
  let two: TestApp;
  const a = accounts(() => one);
  // How long another process may go on serving an ended session: the recheck window (5 s) and some slack.
  const WINDOW_MS = 7000;

  beforeAll(async () => {
    one = await createTestApp(database);
    two = await createTestApp(database, {}, { reuse: one.database, keepDatabase: true });
  });
  afterAll(async () => {
    await two?.close();
    await one?.close();
  });

  /** Asks engine `t` until it refuses the token, and returns the refusal and how long it took. */
  async function refusedBy(t: TestApp, token: string) {
    const started = Date.now();
    for (;;) {
      const res = await t.http().get('/api/auth/me').set(auth(token));
      if (res.status !== 200 || Date.now() - started > WINDOW_MS) return { res, ms: Date.now() - started };
      await sleep(100);
    }
  }

  it('sees a password reset made in the other engine within the window', async () => {
    const user = await a.create('s_two_reset');
    const token = await a.login('s_two_reset');
    // Engine two has checked the session and remembers it.
    expect((await two.http().get('/api/auth/me').set(auth(token))).status).toBe(200);
    expect((await one.http().post(`/api/admin/users/${user.id}/password`).set(await a.admin()).send({ password: 'Reset-across-9' })).status).toBe(204);
    expectEnded(await one.http().get('/api/auth/me').set(auth(token)), 'PASSWORD_RESET', '密码已重置，请使用新密码重新登录');
    const { res, ms } = await refusedBy(two, token);
    expectEnded(res, 'PASSWORD_RESET', '密码已重置，请使用新密码重新登录');
    expect(ms).toBeLessThan(WINDOW_MS);
  });

  it('sees a logout made in the other engine within the window', async () => {
    await a.create('s_two_logout');
    const token = await a.login('s_two_logout');
    expect((await one.http().get('/api/auth/me').set(auth(token))).status).toBe(200);
    expect((await two.http().post('/api/auth/logout').set(auth(token))).status).toBe(204);
    const { res, ms } = await refusedBy(one, token);
    expectEnded(res, 'LOGOUT', '已退出登录，请重新登录');
    expect(ms).toBeLessThan(WINDOW_MS);
  });
});
