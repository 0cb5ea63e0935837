import { DataSource } from 'typeorm';
import { chainEntry, ChainHash, GENESIS_HASH, type AuditEntry } from '@app/audit';
import { Db } from '@app/persistence';
import { AuditVerificationJobs } from '../../apps/api/src/audit/verification-jobs.service';
import { AUDIT_PARTITIONS, PartitionAuditEntries1764970000100 } from '../../libs/persistence/src/migrations/1764970000100-partition-audit-entries';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, history, pmCaseIn, pmStep, verifyAudit } from '../support/cases';
import { refusal } from '../support/raw-sql';

/*
 * audit_entries is hash-partitioned by case on PostgreSQL. The migration that partitions it is undone and redone
 * here over a log of a few thousand chains: the rows survive both ways and still verify, a case's history reads one
 * partition through its primary key, and the triggers stand on every partition (append-only, the webhook feed).
 */
const postgres = TEST_DATABASES.find((d) => d.name === 'postgres');
if (!postgres) console.log('[fengqiao] audit-partitions.e2e-spec: skipped — partitioning is PostgreSQL only and TEST_DATABASE_URL is unset.');

const CHAINS = 2000;
const LENGTH = 5;

(postgres ? describe : describe.skip)('the partitioned audit log on PostgreSQL', () => {
  let t: TestApp;
  let db: Db;
  let live: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(postgres!, { FENGQIAO_AUDIT_VERIFY_POLL_MS: '0' });
    db = t.app.get(Db);
    live = await pmCaseIn(t, 'mediating');
    await seedChains(db, t.app.get(ChainHash).algorithm);
    await db.execute('ANALYZE audit_entries');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  const count = async () => Number((await db.query('SELECT count(*) AS n FROM audit_entries'))[0].n);
  const partitions = async () => (await db.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_entries'::regclass ORDER BY 1")).map((r) => r.relname as string);
  const kind = async () => (await db.query("SELECT relkind FROM pg_class WHERE oid = 'audit_entries'::regclass"))[0].relkind;
  const expected = () => CHAINS * LENGTH + live.version;

  it('holds the log in hash partitions, a case in one of them', async () => {
    expect(await kind()).toBe('p');
    expect(await partitions()).toHaveLength(AUDIT_PARTITIONS);
    expect(await count()).toBe(expected());
    const [{ n }] = await db.query('SELECT count(DISTINCT tableoid) AS n FROM audit_entries WHERE case_id = :id', { id: live.id });
    expect(Number(n)).toBe(1);
  });

  it('reads a case’s history with one index scan on one partition', async () => {
    const plan = await explain(db, `SELECT * FROM audit_entries WHERE case_id = '${live.id}' ORDER BY seq`);
    const scans = scanNodes(plan);
    expect(scans).toHaveLength(1);
    expect(scans[0]['Node Type']).toMatch(/^Index (Only )?Scan$/);
    expect(scans[0]['Relation Name']).toMatch(/^audit_entries_p\d\d$/);
    expect(scans[0]['Index Name']).toBe(`${scans[0]['Relation Name']}_pkey`);
    // The verifier's keyset page: index scans merged in (case, seq) order, no sort of the log.
    const page = await explain(db, `SELECT * FROM audit_entries WHERE (case_id, seq) > ('${live.id}', 2) ORDER BY case_id, seq LIMIT 2000`);
    expect(JSON.stringify(page)).not.toContain('"Sort"');
    expect(JSON.stringify(page)).toContain('Merge Append');
  });

  it('keeps the append-only triggers on the parent and on every partition', async () => {
    expect(await refusal(db.execute('UPDATE audit_entries SET actor_id = actor_id WHERE case_id = :id', { id: live.id }))).toMatch(/append-only/);
    expect(await refusal(db.execute('DELETE FROM audit_entries WHERE case_id = :id', { id: live.id }))).toMatch(/append-only/);
    expect(await refusal(db.execute('TRUNCATE audit_entries CASCADE'))).toMatch(/append-only/);
    for (const partition of await partitions()) {
      expect(await refusal(db.execute(`TRUNCATE ${partition}`))).toMatch(/append-only/);
      expect(await refusal(db.execute(`DELETE FROM ${partition}`))).toMatch(/append-only/);
    }
    expect(await count()).toBe(expected());
  });

  it('is undone and redone with the rows in place, the chains verifying and the triggers firing both ways', async () => {
    // This migration's own down and up, whatever migrations came after it.
    const dataSource = t.app.get(DataSource);
    const migration = new PartitionAuditEntries1764970000100();
    const inTransaction = async (step: 'up' | 'down') => {
      const runner = dataSource.createQueryRunner();
      await runner.startTransaction();
      try {
        await migration[step](runner);
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
    };
    await inTransaction('down');
    expect(await kind()).toBe('r');
    expect(await count()).toBe(expected());
    expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: expected() });
    expect(await refusal(db.execute('DELETE FROM audit_entries WHERE case_id = :id', { id: live.id }))).toMatch(/append-only/);
    await transitionNoted();

    await inTransaction('up');
    expect(await kind()).toBe('p');
    expect(await partitions()).toHaveLength(AUDIT_PARTITIONS);
    expect(await count()).toBe(expected());
    expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: expected() });
    expect(await refusal(db.execute('DELETE FROM audit_entries WHERE case_id = :id', { id: live.id }))).toMatch(/append-only/);
    await transitionNoted();
    expect((await history(t, 'fy_mediator', live.id)).map((e) => e.seq)).toEqual(Array.from({ length: live.version }, (_, i) => i + 1));
  });

  it('verifies the whole partitioned log as a background job', async () => {
    const res = await t.http().post('/api/audit/verification-jobs').set(auth(await t.login('auditor'))).send({ batchSize: 1500 });
    expect(res.status).toBe(201);
    expect(res.body.progress.entriesTotal).toBeGreaterThan(0);
    expect(await t.app.get(AuditVerificationJobs).work()).toBe('completed');
    const done = await t.http().get(`/api/audit/verification-jobs/${res.body.id}`).set(auth(await t.login('auditor')));
    expect(done.body).toMatchObject({ ok: true, findingsCount: 0, progress: { entries: expected(), cases: CHAINS + 1, percent: 100 } });
  });

  /** A transition on the live case writes its entry through the trigger-bearing table and notes it for webhooks. */
  async function transitionNoted() {
    await db.execute(
      `INSERT INTO webhook_subscriptions (id, name, url, secret, workflow_ids, org_ids, include_sub_orgs, event_types, active, created_by, created_at, updated_at)
       VALUES (gen_random_uuid()::text, '测试订阅', 'http://127.0.0.1:9/events', 'whsec_test', '[]', '[]', false, '[]', true, 'test', now(), now())`,
    );
    const view = await apply(t, 'fy_mediator', live.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), summary: '分区后记录' });
    live = { id: live.id, version: view.version };
    const [{ n }] = await db.query(
      'SELECT (SELECT count(*) FROM webhook_feed WHERE case_id = :id AND seq = :seq) + (SELECT count(*) FROM webhook_deliveries WHERE case_id = :id AND seq = :seq) AS n',
      { id: live.id, seq: live.version },
    );
    expect(Number(n)).toBeGreaterThanOrEqual(1);
    await db.execute('UPDATE webhook_subscriptions SET active = false');
  }
});

async function explain(db: Db, sql: string): Promise<any> {
  const [row] = await db.query(`EXPLAIN (FORMAT JSON) ${sql}`);
  return row['QUERY PLAN'][0].Plan;
}

/** Every node of a plan that reads a table. */
function scanNodes(node: any): any[] {
  const own = node['Relation Name'] ? [node] : [];
  return [...own, ...(node.Plans ?? []).flatMap(scanNodes)];
}

/** Chains of LENGTH valid entries for CHAINS cases, with case rows whose heads match, in multi-row INSERTs. */
async function seedChains(db: Db, algorithm: ChainHash['algorithm']) {
  const [org] = await db.query('SELECT id, region_code FROM organisations ORDER BY id LIMIT 1');
  for (let first = 0; first < CHAINS; first += 200) {
    const cases: Record<string, unknown>[] = [];
    const entries: AuditEntry[] = [];
    for (let i = first; i < Math.min(CHAINS, first + 200); i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= LENGTH; seq++) {
        const entry = chainEntry(algorithm, prev, { caseId: id, seq, at: '2025-03-01T02:00:00.000Z', actorId: 'seed', actorRole: 'MEDIATOR', type: seq === 1 ? 'OPEN' : 'NOTE', from: seq === 1 ? null : 'mediating', to: 'mediating', data: { n: seq } });
        entries.push(entry);
        prev = entry.hash;
      }
      cases.push({ id, head: prev, no: `SEED-${i}` });
    }
    const caseParams = Object.fromEntries(cases.flatMap((c, k) => [[`id${k}`, c.id], [`head${k}`, c.head], [`no${k}`, c.no]]));
    await db.execute(
      `INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                          source, parties, links, closed, opened_at, opened_by, updated_at, dispute_code)
       VALUES ${cases.map((_, k) => `(:id${k}, :no${k}, 'pm', 1, 'mediating', '{}'::jsonb, ${LENGTH}, :head${k}, :org, :region, 'NEIGHBOUR', '分区测试', 'APPLICATION', '[]'::jsonb, '[]'::jsonb, false, now(), 'seed', now(), :no${k})`).join(', ')}`,
      { ...caseParams, org: org.id, region: org.region_code },
    );
    const entryParams = Object.fromEntries(entries.flatMap((e, k) => [[`c${k}`, e.caseId], [`s${k}`, e.seq], [`t${k}`, e.type], [`f${k}`, e.from], [`d${k}`, JSON.stringify(e.data)], [`p${k}`, e.prevHash], [`h${k}`, e.hash]]));
    await db.execute(
      `INSERT INTO audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash)
       VALUES ${entries.map((_, k) => `(:c${k}, :s${k}, '2025-03-01T02:00:00.000Z', 'seed', 'MEDIATOR', :t${k}, :f${k}, 'mediating', :d${k}::jsonb, :p${k}, :h${k})`).join(', ')}`,
      entryParams,
    );
  }
}
