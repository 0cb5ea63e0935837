import { AuditVerificationJobs } from '../../apps/api/src/audit/verification-jobs.service';
import { runDatabaseVerify } from '../../apps/api/src/cli/audit-verify-database';
import { AuditStore, ChainHash, VerificationJobRunner, VerificationJobStore } from '@app/audit';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, pmCaseIn, verifyAudit } from '../support/cases';

/*
 * The whole log verified as a background job: batch by batch, each batch checkpointed in the job's row, so a job
 * stopped half-way (its engine shut down, or an auditor cancelled it) carries on from where it was and reports what
 * an uninterrupted run reports. The engines here work jobs only when told (FENGQIAO_AUDIT_VERIFY_POLL_MS=0), so the
 * tests decide where a job stops; one engine started later polls, as in production, and picks a job up by itself.
 */

const CASES = 6;
const MANUAL = { FENGQIAO_AUDIT_VERIFY_POLL_MS: '0' };

describe.each(TEST_DATABASES)('audit verification jobs ($name)', (database) => {
  let a: TestApp;
  let b: TestApp;
  let db: Db;
  let total: { cases: number; entries: number };
  const ids: string[] = [];

  beforeAll(async () => {
    a = await createTestApp(database, MANUAL, { keepDatabase: true });
    b = await createTestApp(database, MANUAL, { reuse: a.database, keepDatabase: true });
    db = a.app.get(Db);
    for (let i = 0; i < CASES; i++) ids.push((await pmCaseIn(a, 'mediating')).id);
    const [row] = await db.query('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_entries) AS entries');
    total = { cases: Number(row.cases), entries: Number(row.entries) };
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await a?.database.drop();
  });

  const auditor = async (t: TestApp) => auth(await t.login('auditor'));
  const start = async (t: TestApp, body: Record<string, unknown> = {}) => t.http().post('/api/audit/verification-jobs').set(await auditor(t)).send(body);
  const read = async (t: TestApp, id: string) => (await t.http().get(`/api/audit/verification-jobs/${id}`).set(await auditor(t))).body;
  const worker = (t: TestApp) => t.app.get(AuditVerificationJobs);
  const pg = () => db.dialect === 'postgres';

  async function waitFor(t: TestApp, id: string, status: string) {
    for (let i = 0; i < 400; i++) {
      const job = await read(t, id);
      if (job.status === status) return job;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`job ${id} did not become ${status}: ${JSON.stringify(await read(t, id))}`);
  }

  /** `npm run audit:verify -- --database` against this database, its output captured. */
  async function cli(args: string[]) {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(line), error: (line: string) => lines.push(line) };
    const env = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      ...(a.database.config.databaseUrl ? { DATABASE_URL: a.database.config.databaseUrl, FENGQIAO_PG_SCHEMA: a.database.config.schema!, FENGQIAO_PG_POOL: '2' } : { FENGQIAO_DB_PATH: a.database.config.sqlitePath }),
    };
    return { code: await runDatabaseVerify(args, env, out), lines };
  }

  /** A job started and worked to its end in one go on engine A: what every interrupted run must match. */
  async function uninterrupted(batchSize: number) {
    const started = await start(a, { batchSize });
    expect(started.status).toBe(201);
    expect(await worker(a).work()).toBe('completed');
    return read(a, started.body.id);
  }

  it('verifies every chain of the seeded log, batch by batch, with its progress', async () => {
    const started = await start(a, { batchSize: 4 });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'running', statusLabel: '校验中', ok: null, batchSize: 4, findings: [], findingsCount: 0, checkpoint: null, startedBy: { name: expect.any(String) } });
    expect(started.body.progress).toMatchObject({ cases: 0, entries: 0, entriesTotal: total.entries, casesTotal: total.cases, percent: 0 });

    expect(await worker(a).work({ batches: 2 })).toBe('stopped');
    const halfway = await read(a, started.body.id);
    expect(halfway).toMatchObject({ status: 'running', worker: null, progress: { entries: 8 } });
    expect(halfway.progress.percent).toBeGreaterThan(0);
    expect(halfway.progress.percent).toBeLessThan(100);
    expect(halfway.checkpoint).toEqual({ caseId: expect.any(String), seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    expect(await worker(a).work()).toBe('completed');
    const done = await read(a, started.body.id);
    expect(done).toMatchObject({ status: 'completed', statusLabel: '已完成', ok: true, findingsCount: 0, finishedAt: expect.any(String), progress: { cases: total.cases, entries: total.entries, percent: 100 } });
  });

  it('verifies the database from the command line with the streaming verifier, printing its progress', async () => {
    const { code, lines } = await cli(['--database', '--batch', '5']);
    expect(code).toBe(0);
    expect(lines.at(-2)).toMatch(new RegExp(`^校验进度：100\\.0%（${total.entries}/${total.entries} 条记录，${total.cases} 个案件，0 处问题`));
    expect(lines.at(-1)).toBe(`审计链校验通过：${total.cases} 个案件，${total.entries} 条记录，sha256 链 (verified)`);
    expect((await cli(['--database', '--batch', 'many'])).code).toBe(2);
  });

  it('lets one job run at a time across engines, and only one engine work it', async () => {
    const started = await start(a, { batchSize: 3 });
    expect(started.status).toBe(201);
    const second = await start(b);
    expect(second.status).toBe(409);
    expect(second.body.detail ?? second.body.title).toBeTruthy();

    // Both engines reach for it at the same moment: one claims it, the other finds the lease taken.
    const outcomes = await Promise.all([worker(a).work(), worker(b).work()]);
    expect([...outcomes].sort()).toEqual(['completed', 'none']);
    expect(await read(b, started.body.id)).toMatchObject({ status: 'completed', ok: true, progress: { entries: total.entries } });
  });

  it('fences a worker whose lease lapsed: the process that took over writes, the old one cannot', async () => {
    const started = await start(a, { batchSize: 3 });
    const store = a.app.get(VerificationJobStore);
    const t0 = new Date();
    const later = (ms: number) => new Date(t0.getTime() + ms);
    const claimed = await store.claim('engine-x', t0, later(1000));
    expect(claimed?.id).toBe(started.body.id);
    expect(await store.claim('engine-y', later(500), later(1500))).toBeNull();
    // Past engine-x's lease: engine-y takes the job, and engine-x's next checkpoint is refused.
    expect((await store.claim('engine-y', later(1001), later(2000)))?.id).toBe(started.body.id);
    const progress = { phase: 'chains' as const, position: null, counts: { cases: 0, entries: 0 }, findings: [], findingsCount: 0 };
    expect(await store.save(started.body.id, 'engine-x', progress, later(1100), later(2100))).toBe(false);
    expect(await store.finish(started.body.id, 'engine-x', 'completed', null, later(1100))).toBe(false);
    expect(await store.save(started.body.id, 'engine-y', progress, later(1100), later(2100))).toBe(true);
    await store.release(started.body.id, 'engine-y');
    expect(await worker(a).work()).toBe('completed');
  });

  it('refuses other roles and bad input, naming the field', async () => {
    const mediator = auth(await a.login('fy_mediator'));
    expect((await a.http().post('/api/audit/verification-jobs').set(mediator).send({})).status).toBe(403);
    expect((await a.http().get('/api/audit/verification-jobs').set(mediator)).status).toBe(403);
    const bad = await start(a, { batchSize: 0 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('batchSize');
    const badId = await a.http().get('/api/audit/verification-jobs/not-a-job').set(await auditor(a));
    expect(badId.status).toBe(400);
    expect(JSON.stringify(badId.body)).toContain('id');
    expect((await a.http().get('/api/audit/verification-jobs/00000000-0000-0000-0000-000000000000').set(await auditor(a))).status).toBe(404);
    const admin = await a.http().get('/api/audit/verification-jobs').set(auth(await a.login('admin')));
    expect(admin.status).toBe(200);
    expect(admin.body.items.length).toBeGreaterThan(0);
  });

  describe('with entries tampered with', () => {
    let edited: string;
    let truncated: string;

    beforeAll(async () => {
      [edited, truncated] = [...ids].sort().slice(1, 3);
      if (pg()) await db.execute('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
      else {
        await db.execute('DROP TRIGGER audit_entries_no_delete');
        await db.execute('DROP TRIGGER audit_entries_no_update');
      }
      const rewrite = pg()
        ? `UPDATE audit_entries SET data = jsonb_set(data, '{note}', to_jsonb('篡改'::text)) WHERE case_id = :caseId AND seq = 2`
        : `UPDATE audit_entries SET data = json_set(data, '$.note', '篡改') WHERE case_id = :caseId AND seq = 2`;
      expect(await db.execute(rewrite, { caseId: edited })).toBe(1);
      const last = await db.query('SELECT max(seq) AS seq FROM audit_entries WHERE case_id = :caseId', { caseId: truncated });
      expect(await db.execute('DELETE FROM audit_entries WHERE case_id = :caseId AND seq = :seq', { caseId: truncated, seq: Number(last[0].seq) })).toBe(1);
    });

    let reference: any;

    it('reports every broken case, where the synchronous check stops at the first', async () => {
      reference = await uninterrupted(5);
      expect(reference).toMatchObject({ status: 'completed', ok: false, findingsCount: 2, progress: { cases: total.cases, entries: total.entries - 1 } });
      expect(reference.findings).toEqual([
        { caseId: edited, seq: 2, reason: 'content does not match its hash', reasonLabel: '记录内容与其哈希值不符（内容被改动）' },
        { caseId: truncated, seq: 4, reason: 'the case is at version 4 but the chain ends at 3', reasonLabel: '案件已到第 4 版，审计链只到第 3 条（末尾记录被删）' },
      ]);
      expect(await verifyAudit(a)).toMatchObject({ ok: false, firstBrokenCaseId: edited, firstBroken: 2 });

      const { code, lines } = await cli(['--database']);
      expect(code).toBe(1);
      expect(lines).toContain(`案件 ${edited} 第 2 条：记录内容与其哈希值不符（内容被改动） (content does not match its hash)`);
      expect(lines).toContain(`案件 ${truncated} 第 4 条：案件已到第 4 版，审计链只到第 3 条（末尾记录被删） (the case is at version 4 but the chain ends at 3)`);
      expect(lines.at(-1)).toMatch(/^审计链校验失败：2 个案件/);
    });

    it('resumes from its checkpoint after its engine stops, on an engine started later, with the same findings', async () => {
      const started = await start(a, { batchSize: 2 });
      expect(await worker(a).work({ batches: 5 })).toBe('stopped');
      const stopped = await read(a, started.body.id);
      expect(stopped).toMatchObject({ status: 'running', worker: null, progress: { entries: 10 } });
      expect(stopped.findings).toEqual(reference.findings.slice(0, 1));

      // Engine A goes away; an engine started afterwards on the same database looks for orphaned jobs and resumes it.
      await a.app.close();
      const c = await createTestApp(database, { FENGQIAO_AUDIT_VERIFY_POLL_MS: '50' }, { reuse: a.database, keepDatabase: true });
      try {
        const done = await waitFor(c, started.body.id, 'completed');
        // Counted from the checkpoint on, not from the start again: the totals match the uninterrupted run's.
        expect(done.progress).toEqual(reference.progress);
        expect(done.findings).toEqual(reference.findings);
        expect(done.findingsCount).toBe(2);
      } finally {
        await c.close();
      }
      a = await createTestApp(database, MANUAL, { reuse: a.database, keepDatabase: true });
    });

    it('is cancelled mid-way, keeps its checkpoint, and resumed gives the same findings', async () => {
      const started = await start(a, { batchSize: 3 });
      expect(await worker(a).work({ batches: 2 })).toBe('stopped');
      const cancelled = await a.http().post(`/api/audit/verification-jobs/${started.body.id}/cancel`).set(await auditor(a));
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', statusLabel: '已取消', ok: null, progress: { entries: 6 } });
      expect(await worker(a).work()).toBe('none');
      expect((await a.http().post(`/api/audit/verification-jobs/${started.body.id}/cancel`).set(await auditor(a))).status).toBe(409);

      // While another job runs, the cancelled one cannot be resumed.
      const other = await start(b, { batchSize: 50 });
      expect(other.status).toBe(201);
      expect((await a.http().post(`/api/audit/verification-jobs/${started.body.id}/resume`).set(await auditor(a))).status).toBe(409);
      expect(await worker(b).work()).toBe('completed');

      const resumed = await a.http().post(`/api/audit/verification-jobs/${started.body.id}/resume`).set(await auditor(a));
      expect(resumed.status).toBe(200);
      expect(resumed.body).toMatchObject({ status: 'running', progress: { entries: 6 } });
      expect(await worker(a).work()).toBe('completed');
      const done = await read(a, started.body.id);
      expect(done.progress).toEqual(reference.progress);
      expect(done.findings).toEqual(reference.findings);
    });

    it('stops a job cancelled while an engine works it, at its next checkpoint', async () => {
      const started = await start(a, { batchSize: 3 });
      const real = a.app.get(VerificationJobStore);
      // The auditor's cancel lands between the worker's third batch and its checkpoint: that save is refused.
      let saves = 0;
      const racing: VerificationJobStore = Object.create(real, {
        save: {
          value: async (...args: Parameters<VerificationJobStore['save']>) => {
            if (++saves === 3) expect(await real.cancel(started.body.id, new Date())).toBe(true);
            return real.save(...args);
          },
        },
      });
      const runner = new VerificationJobRunner(racing, a.app.get(AuditStore), a.app.get(ChainHash).algorithm, 60_000);
      expect(await runner.run('engine-z')).toBe('cancelled');
      expect(await read(a, started.body.id)).toMatchObject({ status: 'cancelled', worker: null, progress: { entries: 6 } });
    });
  });
});
