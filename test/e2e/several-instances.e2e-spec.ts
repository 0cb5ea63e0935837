import { DataSource } from 'typeorm';
import { MIGRATIONS, openDatabase } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, DEMO_PASSWORD, type TestApp } from '../support/test-app';
import { auth, eventually } from '../support/cases';
import { startEngine, type EngineProcess } from '../support/engine-process';

/*
 * Several engine processes on one PostgreSQL database. Two first boots on an empty database run the migrations one
 * after the other (an advisory lock), not both at once. A holiday calendar imported, an organisation added or a user
 * deactivated through one process reaches the other at once (LISTEN/NOTIFY), not when its in-memory copy ages out
 * (30 s for the directory, 5 s for a session, the next worker run for the calendar — never, with FENGQIAO_WORKER=0).
 * The other process here is the real entry point in a child process, with its worker off.
 */
const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
if (!postgres) console.log('[fengqiao] several-instances.e2e-spec: skipped — these tests need PostgreSQL and TEST_DATABASE_URL is unset.');

(postgres ? describe : describe.skip)('several engine processes on one PostgreSQL', () => {
  let a: TestApp;
  let b: EngineProcess;

  beforeAll(async () => {
    a = await createTestApp(postgres!, {}, { keepDatabase: true });
    b = await startEngine(a.database, { FENGQIAO_WORKER: '0', FENGQIAO_DEMO: '0' });
  }, 240_000);
  afterAll(async () => {
    if (b && b.child.exitCode === null) {
      b.child.kill('SIGTERM');
      await b.exited;
    }
    await a?.close();
    await a?.database.drop();
  });

  const onB = async (path: string, token: string, init: RequestInit = {}) => {
    const res = await fetch(`${b.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } });
    return { status: res.status, body: (await res.json()) as any };
  };
  const loginOnB = async (username: string) => {
    const res = await fetch(`${b.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    return ((await res.json()) as any).accessToken as string;
  };
  /** Within a second: a notice, not a cache expiry. */
  const soon = <T>(ask: () => Promise<T>, done: (value: T) => boolean) => eventually(ask, done, 1_000);

  it('runs the migrations of two first boots one after the other', async () => {
    const fresh = await postgres!.create();
    const boots = await Promise.allSettled([openDatabase(fresh.config), openDatabase(fresh.config)]);
    try {
      expect(boots.map((b) => b.status)).toEqual(['fulfilled', 'fulfilled']);
      const { dataSource } = (boots[0] as PromiseFulfilledResult<{ dataSource: DataSource }>).value;
      const rows = await dataSource.query('SELECT name FROM migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
      expect(await dataSource.showMigrations()).toBe(false);
    } finally {
      for (const boot of boots) if (boot.status === 'fulfilled') await boot.value.dataSource.destroy();
      await fresh.drop();
    }
  });

  it('reloads a holiday calendar imported through the other process at once, with its worker off', async () => {
    const mediator = await loginOnB('fy_mediator');
    const years = async () => (await onB('/api/calendar/years', mediator)).body.map((y: any) => y.year) as number[];
    expect(await years()).not.toContain(2031);
    const notice = { years: { '2031': { source: '测试用：虚构的 2031 年节假日安排', holidays: { 元旦: ['2031-01-01'] }, makeupWorkdays: [] } } };
    expect((await a.http().post('/api/admin/calendar').set(auth(await a.login('admin'))).send(notice)).status).toBe(201);
    expect(await soon(years, (y) => y.includes(2031))).toContain(2031);
  });

  it('shows an organisation added through the other process at once', async () => {
    const admin = await loginOnB('admin');
    const names = async () => (await onB('/api/organisations', admin)).body.map((o: any) => o.name) as string[];
    expect(await names()).not.toContain('枫源村第二人民调解委员会');
    const created = await a
      .http()
      .post('/api/admin/organisations')
      .set(auth(await a.login('admin')))
      .send({ name: '枫源村第二人民调解委员会', shortName: '枫源二调委', type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101201' });
    expect(created.status).toBe(201);
    expect(await soon(names, (n) => n.includes('枫源村第二人民调解委员会'))).toContain('枫源村第二人民调解委员会');
  });

  it('refuses a user deactivated through the other process at once', async () => {
    const token = await loginOnB('lq_mediator');
    expect((await onB('/api/cases', token)).status).toBe(200);
    const userId = (await a.loginUser('lq_mediator')).user.id;
    expect((await a.http().patch(`/api/admin/users/${userId}`).set(auth(await a.login('admin'))).send({ active: false })).status).toBe(200);
    expect((await soon(() => onB('/api/cases', token), (r) => r.status === 401)).status).toBe(401);
  });
});
