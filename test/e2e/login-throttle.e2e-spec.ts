import { performance } from 'node:perf_hooks';
import { LoginThrottleStore } from '@app/organisations';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD, createTestApp, type TestApp } from '../support/test-app';
import { auth } from '../support/cases';

/*
 * Password guessing is throttled per username typed and per client address, with counters in the database so that
 * every engine process sees the same failures. A locked login is refused with 429 and Retry-After before the
 * password is checked, even when it is right; the lock runs out or an administrator lifts it. Unknown usernames lock
 * alike and cost as long to refuse as a wrong password, so neither answer nor timing tells which accounts exist.
 */

const LOCK_SECONDS = 3;
const THROTTLE_ENV = {
  FENGQIAO_LOGIN_ACCOUNT_FAILURES: '5',
  FENGQIAO_LOGIN_ACCOUNT_LOCK_SECONDS: String(LOCK_SECONDS),
  FENGQIAO_LOGIN_ADDRESS_FAILURES: '8',
  FENGQIAO_LOGIN_ADDRESS_BLOCK_SECONDS: '600',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

let addresses = 0;
/** A fresh client address, so one test's failures never block another's. */
const newAddress = () => `198.51.100.${++addresses}`;

describe.each(TEST_DATABASES)('login throttling ($name)', (database) => {
  let t: TestApp;
  let admin: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(database, THROTTLE_ENV);
    admin = auth(await t.login('admin'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const login = async (app: TestApp, username: string, password: string, remoteAddress: string, headers: Record<string, string> = {}) => {
    const res = await app.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });
    return { status: res.statusCode, headers: res.headers, body: res.json() };
  };
  const userId = async (username: string) => (await t.http().get('/api/admin/users').set(admin).query({ q: username })).body.items.find((u: any) => u.username === username);

  it('answers 429 with Retry-After after five wrong passwords, even to the right one, in Chinese and English', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) expect((await login(t, 'fy_clerk', 'wrong-password', address)).status).toBe(401);
    const sixth = await login(t, 'fy_clerk', 'wrong-password', address);
    const right = await login(t, 'fy_clerk', DEMO_PASSWORD, newAddress());
    for (const res of [sixth, right]) {
      expect(res.status).toBe(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(LOCK_SECONDS);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ status: 429, code: 'AUTH.TOO_MANY_ATTEMPTS', title: '请求过于频繁', titleEn: 'Too many requests', retryAfterSeconds: Number(res.headers['retry-after']) });
      expect(res.body.detail).toContain('该账号登录失败次数过多');
      expect(res.body.detailEn).toContain('Too many failed logins for this account');
    }
    // The username is matched whatever case it is typed in.
    expect((await login(t, 'FY_CLERK', DEMO_PASSWORD, newAddress())).status).toBe(429);
  });

  it('locks an unknown username exactly like a known one', async () => {
    for (const username of ['cm_mediator', 'no_such_user']) {
      const address = newAddress();
      for (let i = 0; i < 5; i++) expect((await login(t, username, 'wrong-password', address)).status).toBe(401);
    }
    const known = await login(t, 'cm_mediator', 'wrong-password', newAddress());
    const unknown = await login(t, 'no_such_user', 'wrong-password', newAddress());
    expect(unknown.status).toBe(429);
    expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(known.headers).sort());
    expect({ ...unknown.body, retryAfterSeconds: 0, detail: '', detailEn: '' }).toEqual({ ...known.body, retryAfterSeconds: 0, detail: '', detailEn: '' });
    expect(unknown.body.detail.replace(/\d+/, 'N')).toBe(known.body.detail.replace(/\d+/, 'N'));
  });

  it('lets the right password in once the lock has run out', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(t, 'lq_mediator', 'wrong-password', address);
    expect((await login(t, 'lq_mediator', DEMO_PASSWORD, newAddress())).status).toBe(429);
    await sleep(LOCK_SECONDS * 1000 + 200);
    const res = await login(t, 'lq_mediator', DEMO_PASSWORD, newAddress());
    expect(res.status).toBe(200);
    expect(res.body.accessToken).toEqual(expect.any(String));
  });

  it('forgets the failures on a successful login, then counts afresh', async () => {
    const address = newAddress();
    for (let i = 0; i < 4; i++) await login(t, 'fq_mediator', 'wrong-password', address);
    expect((await login(t, 'fq_mediator', DEMO_PASSWORD, address)).status).toBe(200);
    // Counting starts again from nothing: four more failures leave it open, the fifth locks it.
    for (let i = 0; i < 5; i++) expect((await login(t, 'fq_mediator', 'wrong-password', newAddress())).status).toBe(401);
    expect((await login(t, 'fq_mediator', DEMO_PASSWORD, newAddress())).status).toBe(429);
  });

  it('shows the lock to administrators and lets them lift it at once', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(t, 'qx_mediator', 'wrong-password', address);
    const locked = await userId('qx_mediator');
    expect(new Date(locked.lockedUntil).getTime()).toBeGreaterThan(Date.now());
    expect((await userId('qx_director')).lockedUntil).toBeNull();

    const mediator = auth(await t.login('fy_mediator'));
    expect((await t.http().post(`/api/admin/users/${locked.id}/unlock`).set(mediator)).status).toBe(403);
    expect((await t.http().post('/api/admin/users/00000000-0000-4000-8000-000000000000/unlock').set(admin)).status).toBe(404);
    expect((await login(t, 'qx_mediator', DEMO_PASSWORD, newAddress())).status).toBe(429);

    expect((await t.http().post(`/api/admin/users/${locked.id}/unlock`).set(admin)).status).toBe(204);
    expect((await userId('qx_mediator')).lockedUntil).toBeNull();
    expect((await login(t, 'qx_mediator', DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('counts wrong current passwords on a password change as failed logins, so a borrowed token cannot guess past the lock', async () => {
    const address = newAddress();
    const token = (await login(t, 'lq_mediator', DEMO_PASSWORD, address)).body.accessToken as string;
    const change = (currentPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', payload: { currentPassword, newPassword: 'Never-applied-pass-1' }, remoteAddress: newAddress(), headers: auth(token) });
    for (let i = 0; i < 5; i++) expect((await change(`guess-${i}`)).statusCode).toBe(400);
    const refused = await change(DEMO_PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(t, 'lq_mediator', DEMO_PASSWORD, newAddress())).status).toBe(429);
    await sleep(LOCK_SECONDS * 1000 + 500);
    expect((await login(t, 'lq_mediator', DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('blocks an address after failures across many usernames, and not another address', async () => {
    const address = newAddress();
    for (let i = 0; i < 8; i++) expect((await login(t, `spray_${i}`, 'wrong-password', address)).status).toBe(401);
    const blocked = await login(t, 'fy_director', DEMO_PASSWORD, address);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(500);
    expect(blocked.body.detail).toContain('该地址登录失败次数过多');
    expect((await login(t, 'fy_director', DEMO_PASSWORD, newAddress())).status).toBe(200);
  });

  it('counts an IPv6 client by its /64, so a fresh address for each guess does not escape the block', async () => {
    for (let i = 0; i < 8; i++) expect((await login(t, `spray6_${i}`, 'wrong-password', `2001:db8:77:1::${i + 1}`)).status).toBe(401);
    expect((await login(t, 'fy_director', DEMO_PASSWORD, '2001:db8:77:1:ffff::9')).status).toBe(429);
    expect((await login(t, 'fy_director', DEMO_PASSWORD, '2001:db8:77:2::1')).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless a proxy is trusted, so a client cannot choose the address it is counted under', async () => {
    const address = newAddress();
    for (let i = 0; i < 8; i++) await login(t, `forged_${i}`, 'wrong-password', address, { 'x-forwarded-for': newAddress() });
    expect((await login(t, 'court_clerk', DEMO_PASSWORD, address, { 'x-forwarded-for': newAddress() })).status).toBe(429);

    const behindProxy = await createTestApp(database, { ...THROTTLE_ENV, FENGQIAO_TRUST_PROXY: '127.0.0.1' });
    try {
      const client = newAddress();
      for (let i = 0; i < 8; i++) await login(behindProxy, `proxied_${i}`, 'wrong-password', '127.0.0.1', { 'x-forwarded-for': client });
      expect((await login(behindProxy, 'court_clerk', DEMO_PASSWORD, '127.0.0.1', { 'x-forwarded-for': client })).status).toBe(429);
      expect((await login(behindProxy, 'court_clerk', DEMO_PASSWORD, '127.0.0.1', { 'x-forwarded-for': newAddress() })).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('shares the counters between two engines on one database', async () => {
    const other = await createTestApp(database, THROTTLE_ENV, { reuse: t.database, keepDatabase: true });
    try {
      const address = newAddress();
      for (let i = 0; i < 3; i++) expect((await login(t, 'judge', 'wrong-password', address)).status).toBe(401);
      for (let i = 0; i < 2; i++) expect((await login(other, 'judge', 'wrong-password', address)).status).toBe(401);
      expect((await login(t, 'judge', DEMO_PASSWORD, newAddress())).status).toBe(429);
      expect((await login(other, 'judge', DEMO_PASSWORD, newAddress())).status).toBe(429);

      // An unlock through one engine holds for the other.
      expect((await other.http().post(`/api/admin/users/${(await userId('judge')).id}/unlock`).set(auth(await other.login('admin')))).status).toBe(204);
      expect((await login(t, 'judge', DEMO_PASSWORD, newAddress())).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('takes as long to refuse an unknown username as a wrong password, and refuses a locked one without hashing', async () => {
    const { id } = await userId('rx_officer');
    const known: number[] = [];
    const unknown: number[] = [];
    const timed = async (username: string, into: number[]) => {
      const started = performance.now();
      expect((await login(t, username, 'wrong-password', newAddress())).status).toBe(401);
      into.push(performance.now() - started);
    };
    // Interleaved, so a burst of load on the machine slows both kinds alike.
    for (let i = 0; i < 15; i++) {
      await timed('rx_officer', known);
      await timed(`nobody_${i}`, unknown);
      expect((await t.http().post(`/api/admin/users/${id}/unlock`).set(admin)).status).toBe(204);
    }
    expect(median(unknown)).toBeGreaterThanOrEqual(0.5 * median(known));

    const address = newAddress();
    for (let i = 0; i < 5; i++) await login(t, 'rx_officer', 'wrong-password', address);
    const refused: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      expect((await login(t, 'rx_officer', 'wrong-password', newAddress())).status).toBe(429);
      refused.push(performance.now() - started);
    }
    expect(median(refused)).toBeLessThan(0.5 * median(known));
  });

  it('refuses a role that does not fit the organisation type, naming roles', async () => {
    const newUser = { username: 'fy_judge', displayName: '冒充法官', password: 'initial-pass-1', roles: ['JUDGE'], orgId: 'org-fengyuan' };
    const created = await t.http().post('/api/admin/users').set(admin).send(newUser);
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([
      { field: 'roles', message: 'JUDGE cannot be held in a VILLAGE_MEDIATION_COMMITTEE; it belongs in BASIC_COURT, INTERMEDIATE_COURT', messageZh: '法官不能设在村（居）人民调解委员会；该角色只能设在基层人民法院、中级人民法院' },
    ]);
    expect((await t.http().get('/api/admin/users').set(admin).query({ q: 'fy_judge' })).body.total).toBe(0);

    const mediator = await t.http().post('/api/admin/users').set(admin).send({ ...newUser, username: 'fy_mediator3', roles: ['MEDIATOR'] });
    expect(mediator.status).toBe(201);
    expect(mediator.body.lockedUntil).toBeNull();
    const promoted = await t.http().patch(`/api/admin/users/${mediator.body.id}`).set(admin).send({ roles: ['MEDIATOR', 'JUDGE'] });
    expect(promoted.status).toBe(400);
    expect(promoted.body.errors.map((e: any) => e.field)).toEqual(['roles']);
    const moved = await t.http().patch(`/api/admin/users/${mediator.body.id}`).set(admin).send({ orgId: 'org-court' });
    expect(moved.status).toBe(400);
    expect(moved.body.errors[0].messageZh).toBe('调解员不能设在基层人民法院；该角色只能设在村（居）人民调解委员会、乡镇（街道）人民调解委员会、区矛盾纠纷大调解中心、商事调解组织、公安交通警察大队');
    const both = await t.http().patch(`/api/admin/users/${mediator.body.id}`).set(admin).send({ orgId: 'org-court', roles: ['JUDGE'] });
    expect(both.status).toBe(200);
    expect(both.body).toMatchObject({ roles: ['JUDGE'], orgId: 'org-court' });
  });

  it('sweeps counters that no longer count, keeping locks that still hold', async () => {
    const store = t.app.get(LoginThrottleStore);
    const hourAgo = new Date(Date.now() - 3_600_000);
    await store.recordFailure({ kind: 'account', subject: 'swept_guess' }, { maxFailures: 5, windowMs: 60_000, lockMs: 60_000 }, hourAgo);
    await store.recordFailure({ kind: 'account', subject: 'swept_lock' }, { maxFailures: 1, windowMs: 60_000, lockMs: 7_200_000 }, hourAgo);
    await store.recordFailure({ kind: 'account', subject: 'swept_recent' }, { maxFailures: 5, windowMs: 60_000, lockMs: 60_000 }, new Date());
    expect(await store.purge(new Date(Date.now() - 900_000), new Date())).toBeGreaterThanOrEqual(1);
    const left = await t.app.get(Db).query<{ subject: string }>("SELECT subject FROM login_throttle WHERE subject LIKE 'swept_%' ORDER BY subject");
    expect(left.map((r) => r.subject)).toEqual(['swept_lock', 'swept_recent']);
  });
});
