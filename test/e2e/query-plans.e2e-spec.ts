import { DEMO_REGIONS } from '@app/organisations';
import type { Db } from '@app/persistence';
import { SqlAuditStore } from '../../libs/persistence/src/stores/sql-audit.store';
import { SqlCaseStatistics } from '../../libs/persistence/src/stores/sql-case-statistics';
import { SqlDeadlineStore } from '../../libs/persistence/src/stores/sql-deadline.store';
import { SqlTransferReadModel } from '../../libs/persistence/src/stores/sql-transfer-read-model';
import { openFilledDatabase } from '../support/case-fill';
import { TEST_DATABASES } from '../support/databases';
import { indexesUsed, planNodes, planningDb, seqScans, type PlanNode } from '../support/query-plans';

/*
 * The shape of the plans PostgreSQL chooses for the console's queries and the deadline worker's claim, on 20,000
 * generated cases with 100,000 audit entries after ANALYZE: each reads by an index, so its time does not grow with the
 * tables (bench/scale.js measures them at 10⁶ cases; docs/benchmarks.md, "At volume"). SQLite has no such planner
 * choices to hold and is left out.
 */
const CASES = 20_000;
const postgres = TEST_DATABASES.filter((d) => d.name === 'postgres');

describe.each(postgres)('query plans at volume ($name)', (database) => {
  let db: Db;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ db, close } = await openFilledDatabase(database, generate));
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  it('the deadline worker finds due deadlines through the partial index on pending ones', async () => {
    const planning = planningDb(db);
    await new SqlDeadlineStore(planning.db).claimDue(new Date(), 'worker-1', new Date(Date.now() + 60_000), 500);
    const [{ plan }] = planning.plans;
    expect(indexesUsed(plan)).toContain('deadlines_pending_due');
  });

  it('a case history reads its entries by the primary key', async () => {
    const planning = planningDb(db);
    await new SqlAuditStore(planning.db).history('g-00000042');
    const [{ plan }] = planning.plans;
    // On PostgreSQL the audit log is partitioned by case: one partition's primary key.
    expect(indexesUsed(plan)).toEqual([expect.stringMatching(/^audit_entries(_p\d+)?_pkey$/)]);
  });

  it('the inbox counts and lists the waiting transfers through their partial index', async () => {
    const planning = planningDb(db);
    await new SqlTransferReadModel(planning.db).inbox('org-court', { limit: 20, offset: 0 }).catch(() => undefined);
    expect(planning.plans.length).toBeGreaterThanOrEqual(2);
    for (const { plan } of planning.plans.slice(0, 2)) {
      expect(indexesUsed(plan)).toContain('transfers_inbox');
      expect(seqScans(plan)).not.toContain('transfers');
    }
  });

  it('statistics probe the audit trail per counted case even when the trail is too large to hash in memory', async () => {
    // With work_mem this small no set of case ids fits in memory, as with 10⁷ audit rows and the default 4 MB: an
    // `IN (SELECT case_id …)` then becomes a rescan of every matching entry per case, which took hours at that size.
    const planning = planningDb(db, ["SET LOCAL work_mem = '64kB'"]);
    await new SqlCaseStatistics(planning.db).caseFigures({
      regionCodes: DEMO_REGIONS.map((r) => r.code),
      fromInstant: '2025-01-01T00:00:00.000Z',
      toInstant: '2027-01-01T00:00:00.000Z',
      outcomes: [{ workflowId: 'pm', succeeded: ['agreedWritten', 'agreedOral'], performed: ['performed'] }],
    });
    const [{ plan }] = planning.plans;
    const auditReads = planNodes(plan).filter((n) => isAuditTable(n['Relation Name']));
    expect(auditReads.length).toBeGreaterThan(0);
    for (const read of auditReads) expect(read['Index Cond']).toMatch(/case_id = \(?c\.id/);
    expect(planNodes(plan).filter((n: PlanNode) => n['Node Type'] === 'Materialize' && planNodes(n).some((m) => isAuditTable(m['Relation Name'])))).toEqual([]);
  });
});

/** Cases across the demo mediation organisations, five audit entries each, a deadline each (a tenth due), and transfers. */
async function generate(db: Db): Promise<void> {
  await db.execute(`INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                                      source, parties, links, assignee_id, closed, opened_at, opened_by, updated_at, dispute_code)
    SELECT 'g-' || lpad(g::text, 8, '0'), 'G-' || g, CASE WHEN g % 20 = 0 THEN 'jc' ELSE 'pm' END, 1,
           (ARRAY['mediating','archived','performed','terminatedFailed','filed'])[1 + g % 5], '{}'::jsonb, 5, repeat('0', 64),
           CASE WHEN g % 20 = 0 THEN 'org-court' ELSE (ARRAY['org-fengyuan','org-liqiao','org-fengqiao','org-nanshan','org-district-centre'])[1 + g % 5] END,
           (ARRAY['330199101201','330199101202','330199101','330199102','330199'])[1 + g % 5], 'NEIGHBOUR', '纠纷', 'APPLICATION',
           '[{"id":"P1","role":"APPLICANT","name":"甲"}]'::jsonb, '[]'::jsonb, NULL, g % 5 IN (1, 3),
           timestamptz '2025-01-01 00:00+08' + (g % 700) * interval '1 day', 'gen', timestamptz '2025-01-01 00:00+08' + (g % 700 + 30) * interval '1 day', 'D-' || g
      FROM generate_series(1, ${CASES}) g`);
  await db.execute(`INSERT INTO audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash)
    SELECT 'g-' || lpad(g::text, 8, '0'), s, timestamptz '2025-01-01 00:00+08' + (g % 700 + s) * interval '1 day', 'gen', 'MEDIATOR', 'E' || s, NULL,
           (ARRAY['registered','mediating','agreedWritten','performed','archived'])[s], '{}'::jsonb, repeat('0', 64), repeat('1', 64)
      FROM generate_series(1, ${CASES}) g, generate_series(1, 5) s`);
  await db.execute(`INSERT INTO deadlines (id, case_id, org_id, spec_id, state, label, period, day_type, legal_basis, confidence, anchor_on, due_on, due_at, status,
                                          soft, provisional, roll_forward, pauses, extensions, created_at)
    SELECT 'dl-' || g, 'g-' || lpad(g::text, 8, '0'), 'org-fengyuan', 'D-PM1', 'mediating', '期限', '{"amount":1,"unit":"month"}'::jsonb, 'calendar', '依据', 'U',
           '2025-01-01', '2025-02-01', CASE WHEN g % 10 = 0 THEN now() - interval '1 day' ELSE now() + (g % 300) * interval '1 day' END,
           CASE WHEN g % 3 = 0 THEN 'met' ELSE 'pending' END, true, false, true, '[]'::jsonb, '[]'::jsonb, now() - interval '30 days'
      FROM generate_series(1, ${CASES}) g`);
  await db.execute(`INSERT INTO transfers (id, dispute_code, route_id, from_case_id, to_case_id, from_org_id, to_org_id, status, dossier, sent_at)
    SELECT 'tr-' || g, 'D-' || g, 'R4', 'g-' || lpad((g - 1)::text, 8, '0'), 'g-' || lpad(g::text, 8, '0'), 'org-fengyuan', 'org-court',
           CASE WHEN g % 200 = 0 THEN 'SENT' ELSE 'ACCEPTED' END, '{}'::jsonb, now() - (g % 100) * interval '1 day'
      FROM generate_series(20, ${CASES}, 20) g`);
  await db.execute('ANALYZE');
}

/** The audit log or one of its partitions (migration 1764970000100). */
function isAuditTable(name: string | undefined): boolean {
  return /^audit_entries(_p\d+)?$/.test(name ?? '');
}
