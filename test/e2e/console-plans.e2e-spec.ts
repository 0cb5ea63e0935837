import type { Db } from '@app/persistence';
import { readBool } from '../../libs/persistence/src/db/db';
import { SqlCaseReadModel } from '../../libs/persistence/src/stores/sql-case-read-model';
import { SqlCaseStore } from '../../libs/persistence/src/stores/sql-case.store';
import { SqlDeadlineStore } from '../../libs/persistence/src/stores/sql-deadline.store';
import { SqlNotificationStore } from '../../libs/persistence/src/stores/sql-notification.store';
import { openFilledDatabase } from '../support/case-fill';
import { TEST_DATABASES } from '../support/databases';
import { explaining, indexesUsed, planText, seqScans, type PlanNode } from '../support/query-plans';

/*
 * The plans of the console's work queues, deadline and notification lists, and of the case page, on 20,000 generated
 * cases with a deadline each, after ANALYZE (migration 1765000000000; docs/benchmarks.md, "At volume"): the unassigned
 * queue counts from its partial index and walks its own rows of case_recency; the overdue and 督办 lists walk their
 * partial indexes in the page's order and stop after it; none reads cases, deadlines or notifications in full. The
 * statements are built as the handlers build them (work-queues.handler.ts, list-deadlines.handler.ts). On SQLite,
 * EXPLAIN QUERY PLAN shows the same indexes chosen.
 */
const CASES = 20_000;
const VILLAGES = ['org-fengyuan', 'org-liqiao'];
/** What a township director sees: the township and the organisations it supervises. */
const TOWNSHIP = { kind: 'orgs' as const, orgIds: ['org-fengqiao', ...VILLAGES] };
const PAGE = { page: 1, pageSize: 20 };
const NOW = new Date();

describe.each(TEST_DATABASES)('console query plans at volume ($name)', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  let plans: { sql: string; plan: string }[];
  let planned: Db;

  beforeAll(async () => {
    ({ db, close } = await openFilledDatabase(database, generate));
  }, 180_000);

  afterAll(async () => {
    await close?.();
  });

  beforeEach(() => {
    plans = [];
    planned = db.dialect === 'postgres' ? explaining(db, plans as never) : explainingSqlite(db, plans);
  });

  /** The PostgreSQL plans of the statements run, as nodes. */
  const pgPlans = () => plans as unknown as { sql: string; plan: PlanNode }[];

  function expectNoFullScans() {
    if (db.dialect !== 'postgres') {
      for (const { sql, plan } of plans) expect({ sql, plan }).toEqual({ sql, plan: expect.not.stringMatching(/SCAN (cases|deadlines|notifications|d|c|e|n)\b(?! USING)/) });
      return;
    }
    for (const { sql, plan } of pgPlans()) {
      const full = seqScans(plan).filter((t) => ['cases', 'deadlines', 'notifications'].includes(t));
      expect({ sql, full, plan: full.length ? planText(plan) : '' }).toEqual({ sql, full: [], plan: '' });
    }
  }

  /** The indexes read by the statement whose SQL matches. */
  function indexesOf(match: RegExp): string[] {
    const statement = plans.find((p) => match.test(p.sql));
    expect(statement).toBeDefined();
    if (db.dialect === 'postgres') return indexesUsed(statement!.plan as unknown as PlanNode);
    return [...statement!.plan.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)].map((m) => m[1]);
  }

  it('the unassigned queue counts and pages an organisation’s open unassigned cases from their partial index', async () => {
    await new SqlCaseReadModel(planned).list(
      { visibility: { ...TOWNSHIP, memberId: 'user-x' }, orgId: 'org-fengqiao', workflowIds: ['pm', 'jc'], unassigned: true, closed: false, ...PAGE },
      NOW,
    );
    expect(plans).toHaveLength(2);
    expect(indexesOf(/count\(\*\)/)).toEqual(['cases_unassigned_open']);
    expect(indexesOf(/ORDER BY/)).toEqual(expect.arrayContaining(['case_recency_unassigned']));
    if (db.dialect === 'postgres') expect(planText(pgPlans()[1].plan)).not.toMatch(/Sort/);
    expectNoFullScans();
  });

  it('a case is in its organisation’s queue index while open and unassigned, whatever writes it', async () => {
    const queue = async () => (await db.query<{ o: string | null }>(`SELECT unassigned_org_id AS o FROM case_recency WHERE case_id = 'g-00000007'`))[0].o;
    expect(await queue()).toBe('org-fengqiao');
    await db.execute(`UPDATE cases SET assignee_id = 'user-1' WHERE id = 'g-00000007'`);
    expect(await queue()).toBeNull();
    await db.execute(`UPDATE cases SET assignee_id = NULL WHERE id = 'g-00000007'`);
    expect(await queue()).toBe('org-fengqiao');
    await db.execute(`UPDATE cases SET closed = :yes WHERE id = 'g-00000007'`, { yes: true });
    expect(await queue()).toBeNull();
    await db.execute(`UPDATE cases SET closed = :no WHERE id = 'g-00000007'`, { no: false });
    expect(await queue()).toBe('org-fengqiao');
  });

  it('the overdue list walks pending and missed deadlines in due order and counts pending ones from the index', async () => {
    await new SqlDeadlineStore(planned).list({ visibility: TOWNSHIP, overdue: true, ...PAGE }, NOW);
    expect(plans).toHaveLength(2);
    // Pending ones past due are counted from a partial index on pending deadlines, by organisation or by due instant.
    expect(indexesOf(/count\(\*\)/).filter((i) => /^deadlines_pending_(org_)?due$/.test(i))).toHaveLength(1);
    if (db.dialect === 'postgres') {
      expect(indexesOf(/UNION ALL/)).toEqual(expect.arrayContaining(['deadlines_pending_order']));
      const page = planText(pgPlans()[1].plan);
      // Each part stops after the page: no sort of every pending overdue deadline.
      expect(page).toMatch(/Limit\n(.*\n)*\s+Index Scan using deadlines_pending_order on deadlines/);
    }
    expectNoFullScans();
  });

  it('the 督办 list reads the missed deadlines still in their span from their partial index, not their cases', async () => {
    const list = await new SqlDeadlineStore(planned).list({ visibility: TOWNSHIP, orgIds: VILLAGES, status: 'missed', overdue: true, ...PAGE }, NOW);
    expect(list.total).toBeGreaterThan(PAGE.pageSize);
    expect(plans).toHaveLength(2);
    expect(plans.every((p) => !/status = 'pending'/.test(p.sql))).toBe(true);
    expect(indexesOf(/count\(\*\)/)).toEqual(['deadlines_missed_in_span_org']);
    expect(plans[0].sql).not.toMatch(/JOIN cases/);
    // SQLite sorts the organisations' flagged rows; PostgreSQL walks them in the page's order.
    expect(indexesOf(/ORDER BY/)).toEqual(expect.arrayContaining([expect.stringMatching(/^deadlines_missed_in_span/)]));
    if (db.dialect === 'postgres') expect(planText(pgPlans()[1].plan)).toMatch(/Limit\n(.*\n)*\s+Index (Only )?Scan using deadlines_missed_in_span on deadlines/);
    expectNoFullScans();
  });

  it('a missed deadline is in its span’s index while its open case is in the states it covers, whatever writes it', async () => {
    // dl-50 is missed on g-00000050, mediating; dl-55 pending on g-00000055, mediating; dl-46 pending on g-00000046, closed.
    const inSpan = async (id: string) => readBool((await db.query<{ f: unknown }>(`SELECT missed_in_span AS f FROM deadlines WHERE id = :id`, { id }))[0].f);
    expect(await inSpan('dl-50')).toBe(true);
    await db.execute(`UPDATE cases SET state = 'archived' WHERE id = 'g-00000050'`);
    expect(await inSpan('dl-50')).toBe(false);
    await db.execute(`UPDATE cases SET state = 'filed' WHERE id = 'g-00000050'`);
    expect(await inSpan('dl-50')).toBe(true);
    await db.execute(`UPDATE cases SET closed = :yes WHERE id = 'g-00000050'`, { yes: true });
    expect(await inSpan('dl-50')).toBe(false);
    await db.execute(`UPDATE cases SET closed = :no, state = 'mediating' WHERE id = 'g-00000050'`, { no: false });
    expect(await inSpan('dl-50')).toBe(true);
    // Marked missed by the worker: from its case, which may be out of the span or closed.
    await db.execute(`UPDATE deadlines SET status = 'missed' WHERE id IN ('dl-46', 'dl-55')`);
    expect([await inSpan('dl-46'), await inSpan('dl-55')]).toEqual([false, true]);
    await db.execute(`UPDATE deadlines SET span_states = ',performed,' WHERE id = 'dl-55'`);
    expect(await inSpan('dl-55')).toBe(false);
    // A change of the case's deadline revision sets it again (the worker's race with a transition, see the migration).
    await db.execute(`UPDATE deadlines SET missed_in_span = :yes WHERE id = 'dl-46'`, { yes: true });
    await db.execute(`UPDATE cases SET deadlines_rev = deadlines_rev + 1 WHERE id = 'g-00000046'`);
    expect(await inSpan('dl-46')).toBe(false);
    await db.execute(`UPDATE deadlines SET span_states = ',mediating,filed,' WHERE id = 'dl-55'`);
    expect(await inSpan('dl-55')).toBe(true);
    await db.execute(`UPDATE deadlines SET status = 'pending' WHERE id IN ('dl-46', 'dl-55')`);
    expect([await inSpan('dl-46'), await inSpan('dl-55')]).toEqual([false, false]);
  });

  it('the case list’s overdue filter probes each listed case’s deadlines by index instead of joining every deadline', async () => {
    await new SqlCaseReadModel(planned).list(
      { visibility: { kind: 'region', prefix: '330199' }, regionCode: '330199101', state: 'mediating', overdue: true, countLimit: 1000, ...PAGE },
      NOW,
    );
    expect(plans).toHaveLength(2);
    for (const statement of plans) expect(statement.sql).toMatch(/LIMIT 1\) IS NOT NULL/);
    if (db.dialect === 'postgres') {
      for (const { plan } of pgPlans()) {
        expect(indexesUsed(plan)).toContain('deadlines_case');
        expect(planText(plan)).not.toMatch(/Hash (Semi |Anti )?Join/);
      }
      expectNoFullScans();
    } else {
      // SQLite reads the region's cases (as case-list-plans shows); the deadlines only by case.
      for (const { plan } of plans) expect(plan).toMatch(/SEARCH d USING INDEX deadlines_case \(case_id=\?\)/);
      for (const { plan } of plans) expect(plan).not.toMatch(/SCAN d\b/);
    }
  });

  it('deadlines due within a week, one per case, walk pending deadlines in due order instead of ranking every match', async () => {
    const week = new Date(NOW.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    await new SqlDeadlineStore(planned).list({ visibility: TOWNSHIP, status: 'pending', dueBy: week, perCase: true, ...PAGE }, NOW);
    expect(plans).toHaveLength(2);
    expect(indexesOf(/NOT EXISTS.*ORDER BY/s)).toEqual(expect.arrayContaining(['deadlines_pending_order', 'deadlines_case']));
    if (db.dialect === 'postgres') expect(planText(pgPlans()[1].plan)).not.toMatch(/WindowAgg|Sort/);
    expectNoFullScans();
  });

  it('the deadline lists count only to their limit when one is given, and exactly without', async () => {
    const week = new Date(NOW.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    const store = new SqlDeadlineStore(db);
    for (const filter of [{ overdue: true }, { status: 'missed' as const, overdue: true }, { status: 'pending' as const, dueBy: week, perCase: true }, { status: 'met' as const }]) {
      const exact = await store.list({ visibility: TOWNSHIP, ...filter, ...PAGE }, NOW);
      expect(exact.totalCapped).toBe(false);
      expect(exact.total).toBeGreaterThan(60);
      expect(await store.list({ visibility: TOWNSHIP, ...filter, ...PAGE, countLimit: 50 }, NOW)).toEqual({ ...exact, total: 50, totalCapped: true });
      expect(await store.list({ visibility: TOWNSHIP, ...filter, ...PAGE, countLimit: exact.total }, NOW)).toEqual(exact);
      // The limit never cuts the page asked for.
      const far = await store.list({ visibility: TOWNSHIP, ...filter, page: 4, pageSize: 20, countLimit: 50 }, NOW);
      expect({ total: far.total, totalCapped: far.totalCapped }).toEqual({ total: 80, totalCapped: true });
    }
    const capped = await new SqlDeadlineStore(planned).list({ visibility: TOWNSHIP, overdue: true, ...PAGE, countLimit: 50 }, NOW);
    expect(capped.totalCapped).toBe(true);
    if (db.dialect === 'postgres') expect(planText(pgPlans().find((p) => /LIMIT :countUpTo/.test(p.sql))!.plan)).toMatch(/Limit/);
    expectNoFullScans();
  });

  it('the notification list walks each part of the reader’s notifications newest first and counts each from its index', async () => {
    const reader = { orgId: 'org-fengqiao', userId: 'user-x', roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'] };
    const page = await new SqlNotificationStore(planned).list(reader, { unreadOnly: false, ...PAGE });
    expect(page.items).toHaveLength(20);
    // The figures are those of one count over every notification addressed to the reader.
    const [all] = await db.query<{ total: number; unread: number }>(
      `SELECT count(*) AS total, count(*) - count(CASE WHEN n.roles IS NULL THEN n.read_at ELSE r.read_at END) AS unread
         FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id AND r.user_id = 'user-x'
        WHERE n.user_id = 'user-x' OR (n.org_id = 'org-fengqiao' AND n.user_id IS NULL AND (n.roles IS NULL OR n.roles LIKE '%,COMMITTEE_DIRECTOR,%' OR n.roles LIKE '%,MEDIATOR,%'))`,
    );
    expect({ total: page.total, unread: page.unread }).toEqual({ total: Number(all.total), unread: Number(all.unread) });
    expect(page.unread).toBeGreaterThan(0);
    expect(page.unread).toBeLessThan(page.total);
    expect(plans).toHaveLength(3);
    expect(indexesOf(/AS total/)).toEqual(expect.arrayContaining(['notifications_to_org', 'notifications_to_roles']));
    expect(indexesOf(/UNION ALL/)).toEqual(expect.arrayContaining(['notifications_to_org', 'notifications_to_roles']));
    if (db.dialect === 'postgres') expect(planText(pgPlans().find((p) => /UNION ALL/.test(p.sql))!.plan)).not.toMatch(/^ {0,4}Sort/m);
    expectNoFullScans();
  });

  it('the case page reads the case, its deadlines and team by their keys', async () => {
    await new SqlCaseStore(planned).load('g-00000042');
    expect(plans.length).toBeGreaterThan(0);
    expectNoFullScans();
  });

  if (database.name !== 'postgres') return;

  it('an auditor’s overdue page walks the pending deadlines in due order (the count reads the region’s cases)', async () => {
    await new SqlDeadlineStore(planned).list({ visibility: { kind: 'region', prefix: '330199' }, overdue: true, ...PAGE }, NOW);
    const page = pgPlans().find((p) => p.sql.includes('UNION ALL'))!;
    expect(indexesUsed(page.plan)).toContain('deadlines_pending_order');
    expect(seqScans(page.plan)).not.toContain('deadlines');
  });
});

/**
 * `db` for SQLite, except that every SELECT is first passed through EXPLAIN QUERY PLAN and its plan's lines appended to
 * `into`; the statement then runs as usual.
 */
function explainingSqlite(db: Db, into: { sql: string; plan: string }[]): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') {
        return async (sql: string, params: Record<string, unknown> = {}) => {
          if (/^\s*(SELECT|WITH)\b/i.test(sql)) {
            const rows = await target.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
            into.push({ sql, plan: rows.map((r) => r.detail).join('\n') });
          }
          return target.query(sql, params);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Cases across five mediation organisations (a twentieth of them unassigned, two fifths closed), each with one deadline:
 * two thirds pending (a tenth of all past due), a tenth missed (two fifths of those within their span), the rest met;
 * and notifications.
 */
async function generate(db: Db): Promise<void> {
  const pg = db.dialect === 'postgres';
  const series = pg ? 'generate_series(1, :count) AS s(g)' : 's';
  const prefix = pg ? '' : 'WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < :count) ';
  const pick = (values: string[], index: string) => `CASE (${index}) ${values.map((v, k) => `WHEN ${k} THEN '${v}'`).join(' ')} END`;
  const pad = pg ? `lpad(g::text, 8, '0')` : `substr('00000000' || g, -8)`;
  const json = (v: string) => (pg ? `'${v}'::jsonb` : `'${v}'`);
  const day = (days: string) => (pg ? `now() + (${days}) * interval '1 day'` : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', (${days}) || ' days')`);
  const dayOf = (days: string) => (pg ? `to_char(now() + (${days}) * interval '1 day', 'YYYY-MM-DD')` : `date('now', (${days}) || ' days')`);
  const orgs = ['org-fengyuan', 'org-liqiao', 'org-fengqiao', 'org-nanshan', 'org-district-centre'];
  const regions = ['330199101201', '330199101202', '330199101', '330199102', '330199'];
  await db.execute(
    `${prefix}INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                                source, parties, links, assignee_id, closed, opened_at, opened_by, updated_at, dispute_code)
     SELECT 'g-' || ${pad}, 'G-' || g, 'pm', 1, ${pick(['mediating', 'archived', 'performed', 'terminatedFailed', 'filed'], 'g % 5')}, ${json('{}')}, 5,
            '${'0'.repeat(64)}', ${pick(orgs, 'g % 5')}, ${pick(regions, 'g % 5')}, 'NEIGHBOUR', '纠纷', 'APPLICATION',
            ${json('[{"id":"P1","role":"APPLICANT","name":"甲"}]')}, ${json('[]')}, CASE WHEN g % 20 = 7 THEN NULL ELSE 'user-' || (g % 40) END,
            g % 5 IN (1, 3), ${day('-(g % 700)')}, 'gen', ${day('-(g % 700) + 30 - g % 17')}, 'D-' || g
       FROM ${series}`,
    { count: CASES },
  );
  const due = '(CASE WHEN g % 10 = 0 THEN -1 - g % 20 ELSE 1 + g % 300 END)';
  await db.execute(
    `${prefix}INSERT INTO deadlines (id, case_id, org_id, spec_id, state, label, period, day_type, legal_basis, confidence, anchor_on, due_on, due_at, status,
                                    soft, provisional, roll_forward, pauses, extensions, created_at, span_states)
     SELECT 'dl-' || g, 'g-' || ${pad}, ${pick(orgs, 'g % 5')}, 'D-PM1', 'mediating', '期限', ${json('{"amount":1,"unit":"month"}')}, 'calendar', '依据', 'U',
            ${dayOf('-30')}, ${dayOf(due)}, ${day(due)},
            CASE WHEN g % 50 < 5 THEN 'missed' WHEN g % 3 = 0 THEN 'met' ELSE 'pending' END, ${pg ? 'true' : '1'}, ${pg ? 'false' : '0'}, ${pg ? 'true' : '1'},
            ${json('[]')}, ${json('[]')}, ${day('-30')}, ',mediating,filed,'
       FROM ${series}`,
    { count: CASES },
  );
  // Reminders to the organisation (half of them read), escalations to its directors and a few to one person.
  const at = day('-(g % 400) - 1');
  await db.execute(
    `${prefix}INSERT INTO notifications (id, org_id, case_id, deadline_id, kind, message, created_at, read_at, read_by, user_id, roles)
     SELECT 'n-' || k || '-' || g, ${pick(orgs, 'g % 5')}, 'g-' || ${pad}, 'dl-' || g, ${pick(['REMINDER', 'ESCALATION', 'ASSIGNED'], 'k')}, '提醒', ${at},
            CASE WHEN k = 0 AND g % 4 = 0 THEN ${at} END, CASE WHEN k = 0 AND g % 4 = 0 THEN 'user-1' END,
            CASE WHEN k = 2 THEN 'user-x' END, CASE WHEN k = 1 THEN ',COMMITTEE_DIRECTOR,' END
       FROM ${series} JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) kinds
         ON (k = 0 AND g % 2 = 0) OR (k = 1 AND g % 7 = 0) OR (k = 2 AND g % 101 = 0)`,
    { count: CASES },
  );
  await db.execute('ANALYZE');
}
