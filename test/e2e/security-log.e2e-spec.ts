import { Db } from '@app/persistence';
import { SecurityLogRetention } from '../../apps/api/src/audit/security-log-retention.service';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, auth, idNumber, openCase, pmCaseBody, RESPONDENT, setNow, withWrongCheckDigit } from '../support/cases';
import { refusal, reinsertSecurityEvents } from '../support/raw-sql';

/*
 * The security log (网络安全等级保护 2.0 安全审计; 网络安全法 第二十一条): who read which case's personal data in clear,
 * who searched by identity number, who exported, who changed which account — kept append-only and hash-chained.
 */

const DAY_MS = 86_400_000;
let serial = 100;
/** A fresh valid identity number, so each test finds only its own cases. */
const freshIdNumber = () => idNumber(`33019919850101${String(serial++).padStart(3, '0')}`);

describe.each(TEST_DATABASES)('the security log ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let users: Record<string, { id: string }>;
  const startedAt = new Date();

  beforeAll(async () => {
    // One trusted proxy hop, so a test can say which client address a request came from.
    t = await createTestApp(database, { FENGQIAO_TRUST_PROXY: '1' });
    db = t.app.get(Db);
    users = {};
    for (const name of ['fy_mediator', 'fq_mediator', 'lq_mediator', 'auditor', 'admin']) users[name] = (await t.loginUser(name)).user;
  });
  afterAll(async () => {
    await t?.close();
  });

  const pg = () => db.dialect === 'postgres';

  async function securityLog(query: Record<string, string | number> = {}, username = 'auditor') {
    const res = await t.http().get('/api/audit/security-log').query(query).set(auth(await t.login(username)));
    if (res.status !== 200) throw new Error(`security log: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { items: any[]; total: number; page: number; pageSize: number };
  }

  async function verify() {
    const res = await t.http().get('/api/audit/security-log/verify').set(auth(await t.login('auditor')));
    expect(res.status).toBe(200);
    return res.body as { ok: boolean; checked: number; chains: number; firstBroken: { chainKey: string; seq: number; reason: string } | null };
  }

  async function caseWithFreshParty() {
    const id = freshIdNumber();
    const opened = await openCase(t, 'fy_clerk', pmCaseBody({ parties: [{ ...APPLICANT, idNumber: id }, RESPONDENT] }));
    return { caseId: opened.id as string, caseNo: opened.caseNo as string, idNumber: id };
  }

  describe('reads of personal data', () => {
    it('records a read of a case shown unmasked, with who, when, which case and from where', async () => {
      const { caseId, caseNo } = await caseWithFreshParty();
      const res = await t.http().get(`/api/cases/${caseId}`).set(auth(await t.login('fy_mediator'))).set('X-Forwarded-For', '203.0.113.7');
      expect(res.status).toBe(200);
      expect(res.body.personalDataMasked).toBe(false);

      const { items, total } = await securityLog({ kind: 'PERSONAL_DATA_READ', caseId });
      expect(total).toBe(1);
      expect(items[0]).toMatchObject({
        kind: 'PERSONAL_DATA_READ',
        kindLabel: '查看个人信息明文',
        actor: { id: users.fy_mediator.id, username: 'fy_mediator', name: '王秀英（枫源村调解员）' },
        ip: '203.0.113.7',
        caseId,
        detail: { caseNo },
      });
      expect(Date.parse(items[0].at)).toBeGreaterThanOrEqual(startedAt.getTime() - 1000);
    });

    it('records nothing for a read shown masked, nor for opening the case', async () => {
      const { caseId } = await caseWithFreshParty();
      for (const username of ['fq_mediator', 'auditor']) {
        const res = await t.http().get(`/api/cases/${caseId}`).set(auth(await t.login(username)));
        expect(res.status).toBe(200);
        expect(res.body.personalDataMasked).toBe(true);
      }
      expect((await securityLog({ caseId })).total).toBe(0);
      // A read out of jurisdiction is a 404 and shows nothing either.
      expect((await t.http().get(`/api/cases/${caseId}`).set(auth(await t.login('lq_mediator')))).status).toBe(404);
      expect((await securityLog({ caseId })).total).toBe(0);
    });

    it('keeps one whole chain per account when two engines record its reads at once', async () => {
      const { caseId } = await caseWithFreshParty();
      const other = await createTestApp(database, {}, { reuse: t.database, keepDatabase: true });
      try {
        const token = await t.login('fy_mediator');
        const reads = Array.from({ length: 12 }, (_, i) => (i % 2 ? other : t).http().get(`/api/cases/${caseId}`).set(auth(token)));
        expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(12).fill(200));
      } finally {
        await other.close();
      }
      expect((await securityLog({ caseId })).total).toBe(12);
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    });

    it('records one event per read', async () => {
      const { caseId } = await caseWithFreshParty();
      for (let i = 0; i < 3; i++) expect((await t.http().get(`/api/cases/${caseId}`).set(auth(await t.login('fy_mediator')))).status).toBe(200);
      expect((await securityLog({ caseId, actor: 'fy_mediator' })).total).toBe(3);
    });
  });

  describe('search by identity number', () => {
    it('finds the cases of a party by exact number and logs the masked number with how many matched', async () => {
      const { caseId, idNumber: number } = await caseWithFreshParty();
      const res = await t.http().get('/api/cases').query({ idNumber: number }).set(auth(await t.login('fy_mediator')));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 1, page: 1 });
      expect(res.body.items.map((c: any) => c.id)).toEqual([caseId]);

      const { items } = await securityLog({ kind: 'ID_NUMBER_SEARCH', actor: users.fy_mediator.id });
      expect(items[0]).toMatchObject({ kindLabel: '按身份证号查询', actor: { username: 'fy_mediator' }, detail: { idNumber: `${number.slice(0, 6)}********${number.slice(-4)}`, matched: 1 } });
      expect(JSON.stringify(items)).not.toContain(number);
    });

    it('is limited to the cases the caller may see, and logs a search that found none', async () => {
      const { caseId, idNumber: number } = await caseWithFreshParty();
      const outside = await t.http().get('/api/cases').query({ idNumber: number }).set(auth(await t.login('lq_mediator')));
      expect(outside.body).toMatchObject({ items: [], total: 0 });
      const auditor = await t.http().get('/api/cases').query({ idNumber: number }).set(auth(await t.login('auditor')));
      expect(auditor.body.items.map((c: any) => c.id)).toEqual([caseId]);

      const unknown = await t.http().get('/api/cases').query({ idNumber: freshIdNumber() }).set(auth(await t.login('fy_mediator')));
      expect(unknown.body).toMatchObject({ items: [], total: 0 });
      const logged = (await securityLog({ kind: 'ID_NUMBER_SEARCH', actor: 'lq_mediator' })).items;
      expect(logged[0].detail).toEqual({ idNumber: expect.stringMatching(/^330199\*{8}\d{3}[\dX]$/), matched: 0 });
    });

    it('keeps the other list filters working beside it', async () => {
      const { idNumber: number } = await caseWithFreshParty();
      const closed = await t.http().get('/api/cases').query({ idNumber: number, closed: true }).set(auth(await t.login('fy_mediator')));
      expect(closed.body.total).toBe(0);
      const open = await t.http().get('/api/cases').query({ idNumber: number.toLowerCase(), closed: false }).set(auth(await t.login('fy_mediator')));
      expect(open.body.total).toBe(1);
    });

    it('answers a malformed number with a 400 naming idNumber, and logs nothing', async () => {
      const before = (await securityLog({ kind: 'ID_NUMBER_SEARCH' })).total;
      for (const bad of ['12345', withWrongCheckDigit(freshIdNumber()), 'abcdefghijklmnopqr', '']) {
        const res = await t.http().get('/api/cases').query({ idNumber: bad }).set(auth(await t.login('fy_mediator')));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field: 'idNumber', messageZh: expect.stringMatching(/身份证/) })]);
      }
      expect((await securityLog({ kind: 'ID_NUMBER_SEARCH' })).total).toBe(before);
    });
  });

  it('records an export of the audit log', async () => {
    const res = await t.http().get('/api/audit/export').set(auth(await t.login('auditor')));
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\n').length;
    const { items } = await securityLog({ kind: 'EXPORT' });
    expect(items[0]).toMatchObject({ kindLabel: '数据导出', actor: { id: users.auditor.id, name: '周审核（司法局以案定补审核员）' }, detail: { export: 'audit-export.ndjson', lines } });
  });

  it('records account creation, role and organisation changes, deactivation and reactivation, with before and after', async () => {
    const admin = auth(await t.login('admin'));
    const created = await t.http().post('/api/admin/users').set(admin).send({ username: 'sec_probe', displayName: '测试调解员', roles: ['MEDIATOR'], orgId: 'org-fengyuan', password: 'a-long-initial-password-1' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const patch = (body: Record<string, unknown>) => t.http().patch(`/api/admin/users/${id}`).set(admin).send(body);
    expect((await patch({ roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR'] })).status).toBe(200);
    expect((await patch({ orgId: 'org-liqiao' })).status).toBe(200);
    expect((await patch({ active: false })).status).toBe(200);
    expect((await patch({ active: true })).status).toBe(200);
    expect((await patch({ displayName: '只改姓名' })).status).toBe(200);

    const { items } = await securityLog({ actor: 'admin', pageSize: 200 });
    const mine = items.filter((e) => e.subject?.id === id).reverse();
    expect(mine.map((e) => e.kind)).toEqual(['ACCOUNT_CREATED', 'ROLE_CHANGED', 'ORGANISATION_CHANGED', 'ACCOUNT_DEACTIVATED', 'ACCOUNT_REACTIVATED']);
    expect(mine[0]).toMatchObject({ kindLabel: '新建账号', actor: { id: users.admin.id, name: '系统管理员' }, subject: { id, name: '只改姓名' }, detail: { username: 'sec_probe', roles: ['MEDIATOR'], orgId: 'org-fengyuan' } });
    expect(mine[1].detail).toEqual({ rolesBefore: ['MEDIATOR'], rolesAfter: ['MEDIATOR', 'COMMITTEE_DIRECTOR'] });
    expect(mine[2].detail).toMatchObject({ orgBefore: 'org-fengyuan', orgAfter: 'org-liqiao' });
    expect(JSON.stringify(mine)).not.toContain('a-long-initial-password-1');
  });

  it('records logins, failed logins, the lockout, an unlock, password changes and resets, and a logout', async () => {
    const admin = auth(await t.login('admin'));
    const created = await t.http().post('/api/admin/users').set(admin).send({ username: 'sec_login', displayName: '登录测试员', roles: ['MEDIATOR'], orgId: 'org-fengyuan', password: 'First-password-1' });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const login = (password: string, username = 'sec_login') => t.http().post('/api/auth/login').set('X-Forwarded-For', '198.51.100.9').send({ username, password });

    for (let i = 0; i < 5; i++) expect((await login(`wrong-guess-${i}`)).status).toBe(401);
    // Refused while locked, without a hash and without a line each: the lockout itself is the event.
    expect((await login('First-password-1')).status).toBe(429);
    expect((await t.http().post(`/api/admin/users/${id}/unlock`).set(admin)).status).toBe(204);
    const session = (await login('First-password-1')).body.accessToken as string;
    expect((await t.http().post('/api/auth/password').set(auth(session)).send({ currentPassword: 'First-password-1', newPassword: 'Second-password-2' })).status).toBe(204);
    expect((await t.http().post(`/api/admin/users/${id}/password`).set(admin).send({ password: 'Third-password-3' })).status).toBe(204);
    const again = (await login('Third-password-3')).body.accessToken as string;
    expect((await t.http().post('/api/auth/logout').set(auth(again))).status).toBe(204);
    expect((await login('whatever-it-is', 'sec_nobody')).status).toBe(401);

    const own = (await securityLog({ actor: 'sec_login', pageSize: 100 })).items.reverse();
    expect(own.map((e) => e.kind)).toEqual([
      ...Array(5).fill('LOGIN_FAILED'),
      'LOGIN_LOCKED',
      'LOGIN_SUCCEEDED',
      'PASSWORD_CHANGED',
      'LOGIN_SUCCEEDED',
      'LOGOUT',
    ]);
    expect(own[0]).toMatchObject({ kindLabel: '登录失败', actor: { id }, ip: '198.51.100.9', detail: { reason: 'WRONG_PASSWORD' } });
    expect(own[5]).toMatchObject({ kindLabel: '登录锁定', detail: { accountLockedUntil: expect.any(String) } });
    const byAdmin = (await securityLog({ actor: 'admin', pageSize: 200 })).items.filter((e) => e.subject?.id === id).map((e) => e.kind);
    expect(byAdmin).toEqual(['PASSWORD_RESET', 'ACCOUNT_UNLOCKED', 'ACCOUNT_CREATED']);
    const nobody = (await securityLog({ actor: 'sec_nobody' })).items;
    expect(nobody).toHaveLength(1);
    expect(nobody[0]).toMatchObject({ kind: 'LOGIN_FAILED', actor: { id: null }, detail: { reason: 'UNKNOWN_USER' } });
    const text = JSON.stringify([own, nobody]);
    for (const secret of ['First-password-1', 'Second-password-2', 'Third-password-3', 'wrong-guess-0']) expect(text).not.toContain(secret);
    expect((await verify()).ok).toBe(true);
  });

  describe('who may read it', () => {
    it('is for auditors: mediators and administrators are refused', async () => {
      for (const username of ['fy_mediator', 'admin']) {
        for (const path of ['/api/audit/security-log', '/api/audit/security-log/verify']) {
          expect((await t.http().get(path).set(auth(await t.login(username)))).status).toBe(403);
        }
      }
      expect((await t.http().get('/api/audit/security-log')).status).toBe(401);
    });

    it('pages newest first and filters by kind, actor, case and time, refusing bad filters with a 400 naming the field', async () => {
      const all = await securityLog({ pageSize: 2 });
      expect(all).toMatchObject({ page: 1, pageSize: 2 });
      expect(all.items).toHaveLength(2);
      expect(all.total).toBeGreaterThan(2);
      expect(all.items[0].at >= all.items[1].at).toBe(true);
      const second = await securityLog({ pageSize: 2, page: 2 });
      expect(second.items[0]).not.toEqual(all.items[0]);

      const future = new Date(Date.now() + 10 * DAY_MS).toISOString();
      expect((await securityLog({ from: future })).total).toBe(0);
      expect((await securityLog({ to: '2000-01-01T00:00:00+08:00' })).total).toBe(0);

      for (const [field, value] of [['kind', 'NOT_A_KIND'], ['from', 'yesterday'], ['caseId', 'x'], ['pageSize', '0']]) {
        const res = await t.http().get('/api/audit/security-log').query({ [field]: value }).set(auth(await t.login('auditor')));
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: any) => e.field)).toEqual([field]);
      }
    });
  });

  describe('append-only storage', () => {
    it('refuses UPDATE, DELETE of a recent row and TRUNCATE', async () => {
      expect(await refusal(db.execute(`UPDATE security_events SET ip = '0.0.0.0'`))).toMatch(/append-only/);
      expect(await refusal(db.execute('DELETE FROM security_events WHERE kind = :kind', { kind: 'PERSONAL_DATA_READ' }))).toMatch(/append-only/);
      if (pg()) expect(await refusal(db.execute('TRUNCATE security_events'))).toMatch(/append-only/);
      else expect(await refusal(db.execute('DELETE FROM security_events'))).toMatch(/append-only/);
      expect((await verify()).ok).toBe(true);
    });

    it('lets rows past 180 days go, by hand or by the purge, and the chains still verify', async () => {
      // The court clerk's chain starts 200 days ago: a login and two searches then, one search now.
      const now = new Date();
      setNow(t, new Date(now.getTime() - 200 * DAY_MS).toISOString());
      users.court_clerk = (await t.loginUser('court_clerk')).user;
      for (let i = 0; i < 2; i++) await t.http().get('/api/cases').query({ idNumber: freshIdNumber() }).set(auth(await t.login('court_clerk')));
      setNow(t, now.toISOString());
      await t.http().get('/api/cases').query({ idNumber: freshIdNumber() }).set(auth(await t.login('court_clerk')));
      const chainKey = `user:${users.court_clerk.id}`;
      const seqs = async () => (await db.query('SELECT seq FROM security_events WHERE chain_key = :chainKey ORDER BY seq', { chainKey })).map((r) => Number(r.seq));
      expect(await seqs()).toEqual([1, 2, 3, 4]);

      expect(await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq = 1', { chainKey })).toBe(1);
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });

      expect(await t.app.get(SecurityLogRetention).purge()).toBe(2);
      expect(await seqs()).toEqual([4]);
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
      const purged = (await securityLog({ kind: 'SECURITY_LOG_PURGED' })).items;
      expect(purged[0]).toMatchObject({ kindLabel: '安全日志到期清理', actor: { id: 'system', username: 'system', name: '系统' }, detail: { retentionDays: 180, deleted: 2 } });
      // Nothing left to purge: nothing more is recorded.
      expect(await t.app.get(SecurityLogRetention).purge()).toBe(0);
      expect((await securityLog({ kind: 'SECURITY_LOG_PURGED' })).total).toBe(1);
    });
  });

  describe('with the triggers dropped', () => {
    beforeAll(async () => {
      if (pg()) await db.execute('ALTER TABLE security_events DISABLE TRIGGER security_events_no_change');
      else {
        await db.execute('DROP TRIGGER security_events_no_update');
        await db.execute('DROP TRIGGER security_events_no_delete');
      }
    });
    afterAll(async () => {
      if (pg()) await db.execute('ALTER TABLE security_events ENABLE TRIGGER security_events_no_change');
      else {
        await db.execute(`CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END`);
        await db.execute(`CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-180 days') BEGIN SELECT RAISE(ABORT, 'security_events is append-only'); END`);
      }
    });

    const chainKey = () => `user:${users.fy_mediator.id}`;

    it('names a changed row', async () => {
      const [row] = await db.query('SELECT seq, ip FROM security_events WHERE chain_key = :chainKey AND seq = 2', { chainKey: chainKey() });
      expect(await db.execute(`UPDATE security_events SET ip = '198.51.100.1' WHERE chain_key = :chainKey AND seq = 2`, { chainKey: chainKey() })).toBe(1);
      expect(await verify()).toMatchObject({ ok: false, firstBroken: { chainKey: chainKey(), seq: 2, reason: 'content does not match its hash' } });
      await db.execute('UPDATE security_events SET ip = :ip WHERE chain_key = :chainKey AND seq = 2', { ip: row.ip, chainKey: chainKey() });
      expect((await verify()).ok).toBe(true);
    });

    it('names a recent row deleted from the middle or the start of a chain', async () => {
      const rows = await db.query('SELECT * FROM security_events WHERE chain_key = :chainKey AND seq <= 2 ORDER BY seq', { chainKey: chainKey() });
      expect(await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq = 2', { chainKey: chainKey() })).toBe(1);
      expect(await verify()).toMatchObject({ ok: false, firstBroken: { chainKey: chainKey(), seq: 2, reason: 'link 2 is missing' } });
      await reinsertSecurityEvents(db, rows.slice(1));
      expect(await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq = 1', { chainKey: chainKey() })).toBe(1);
      expect(await verify()).toMatchObject({ ok: false, firstBroken: { chainKey: chainKey(), seq: 1, reason: expect.stringMatching(/removed before the 180-day minimum/) } });
      await reinsertSecurityEvents(db, rows.slice(0, 1));
      expect((await verify()).ok).toBe(true);
    });
  });

});
