import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, APPLICANT, RESPONDENT } from '../support/cases';
import { at10, setClock } from '../support/deadlines';

/*
 * Two engine processes run the deadline worker at the same moment over the same database, each with its own
 * connection pool: on PostgreSQL their claims use FOR UPDATE SKIP LOCKED, on SQLite the database's write lock
 * serialises them. Every due deadline must be fired exactly once: one audit entry per case, one firing reported
 * across both processes, `fired_at` set.
 *
 * The deadlines are 司法确认 windows (D-JC1 of cases the court opens directly: agreement effective 2025-09-01, due
 * 2025-10-09); the processes run on 2025-10-20. Small claims (FENGQIAO_WORKER_BATCH) make the two interleave.
 */

const CASES = 120;
const ROOT = join(__dirname, '..', '..');

interface ChildReport {
  workerId: string;
  fired: { deadlineId: string; outcome: string; reason?: string }[];
}

describe.each(TEST_DATABASES)('two worker processes on one database ($name)', (database) => {
  let t: TestApp;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill();
    await t?.close();
  });

  /** Starts an engine process on this database; resolves once it has booted, with a function that starts its run. */
  function startWorker(): Promise<{ go: () => Promise<ChildReport> }> {
    const config = t.database.config;
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      FENGQIAO_CLOCK: 'manual',
      FENGQIAO_CLOCK_START: '2025-10-20T09:00:00+08:00',
      FENGQIAO_WORKER: '0',
      FENGQIAO_DEMO: '0',
      FENGQIAO_WORKER_BATCH: '10',
      FENGQIAO_WORKER_CONCURRENCY: '4',
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, FENGQIAO_PG_SCHEMA: config.schema!, FENGQIAO_PG_POOL: '4' } : { DATABASE_URL: '', FENGQIAO_DB_PATH: config.sqlitePath }),
    };
    const child = fork(join(ROOT, 'test/support/worker-process.ts'), [], { cwd: ROOT, env, execArgv: ['-r', join(ROOT, 'scripts/ts-register.js')], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    children.push(child);
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`worker process exited with ${code}`))));
    const next = () => Promise.race([new Promise<any>((resolve) => child.once('message', resolve)), exited]);
    return next().then(() => ({
      go: () => {
        child.send('go');
        return next() as Promise<ChildReport>;
      },
    }));
  }

  it(`fires each of ${CASES} due deadlines exactly once`, async () => {
    await setClock(t, at10('2025-09-05'));
    const clerk = auth(await t.login('court_clerk'));
    const deadlineIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const res = await t
        .http()
        .post('/api/cases')
        .set(clerk)
        .send({
          workflow: 'jc',
          category: 'NEIGHBOUR',
          summary: `相邻关系纠纷调解协议司法确认（${i + 1}）`,
          regionCode: '330199101201',
          source: 'APPLICATION',
          parties: [APPLICANT, RESPONDENT],
          input: { agreementEffectiveOn: '2025-09-01', mediationOrgName: '枫源村人民调解委员会' },
        });
      expect(res.status).toBe(201);
      const d = res.body.deadlines.find((x: any) => x.specId === 'D-JC1');
      expect(d).toMatchObject({ dueOn: '2025-10-09', status: 'pending' });
      deadlineIds.push(d.id);
    }

    const workers = await Promise.all([startWorker(), startWorker()]);
    const reports = await Promise.all(workers.map((w) => w.go()));

    const fired = reports.flatMap((r) => r.fired.filter((f) => f.outcome === 'fired').map((f) => f.deadlineId));
    expect(fired.sort()).toEqual([...deadlineIds].sort());
    expect(new Set(fired).size).toBe(CASES);
    expect(reports.flatMap((r) => r.fired.filter((f) => f.outcome !== 'fired'))).toEqual([]);

    const db = t.app.get(Db);
    const perCase = await db.query<{ n: number }>(`SELECT count(*) AS n FROM audit_entries WHERE type = 'WINDOW_EXPIRED' GROUP BY case_id`);
    expect(perCase).toHaveLength(CASES);
    expect(perCase.every((r) => Number(r.n) === 1)).toBe(true);
    const rows = await db.query<{ status: string; fired_at: unknown; fire_outcome: string }>(`SELECT status, fired_at, fire_outcome FROM deadlines WHERE spec_id = 'D-JC1'`);
    expect(rows).toHaveLength(CASES);
    expect(rows.every((r) => r.status === 'missed' && r.fired_at !== null && r.fire_outcome === 'fired WINDOW_EXPIRED')).toBe(true);
    const states = await db.query<{ state: string; n: number }>(`SELECT state, count(*) AS n FROM cases WHERE workflow_id = 'jc' GROUP BY state`);
    expect(states.map((s) => [s.state, Number(s.n)])).toEqual([['windowExpired', CASES]]);
    // Each process reports its share; the shares are disjoint (checked above) and add up to every deadline.
    expect(reports.map((r) => r.fired.length).reduce((a, b) => a + b, 0)).toBe(CASES);
  }, 120_000);
});
