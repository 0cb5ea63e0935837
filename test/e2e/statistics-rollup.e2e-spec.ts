import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { StatisticsScope } from '@app/cases';
import { Db } from '@app/persistence';
import { WorkflowRegistry } from '@app/workflow';
import { SqlCaseStatistics } from '../../libs/persistence/src/stores/sql-case-statistics';
import { SqlStatisticsRollup } from '../../libs/persistence/src/stores/sql-statistics-rollup';
import { TEST_DATABASES } from '../support/databases';
import { runWorker } from '../support/deadlines';
import { apply, chinaMorning, eventually, openCase, pmCaseBody, pmStep, setNow, today } from '../support/cases';
import { refusal } from '../support/raw-sql';
import { explaining, indexesUsed, planNodes, planText, type ExplainedStatement } from '../support/query-plans';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * The daily statistics rollup against the live grouped queries it replaces, on one engine per database: after each
 * kind of change that moves a figure (a transition, a missed deadline, a satisfaction answer, a transfer and its
 * status, a reassignment, a case moved to another organisation) the rollup's figures for several periods equal those
 * the live SQL computes from the cases themselves. Then a writer that commits while a refresh runs, two engines
 * refreshing at once, and (PostgreSQL) the plan of a period read.
 */

const PERIODS = [
  { from: '2024-05-01', to: '2024-05-31' },
  { from: '2024-05-06', to: '2024-05-06' },
  { from: '2024-04-01', to: '2024-07-31' },
];
const TO_AGREEMENT = ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT'];
const TO_MEDIATING = ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION'];

const startOfChinaDay = (d: string) => new Date(`${d}T00:00:00+08:00`).toISOString();
const dayAfter = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe.each(TEST_DATABASES)('statistics rollup ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let rollup: SqlStatisticsRollup;
  let live: SqlCaseStatistics;
  let regionCodes: string[];
  let outcomes: StatisticsScope['outcomes'];
  const ids: Record<string, string> = {};

  const scopeOf = (p: { from: string; to: string }, regions = regionCodes): StatisticsScope => ({
    regionCodes: regions,
    fromInstant: startOfChinaDay(p.from),
    toInstant: startOfChinaDay(dayAfter(p.to)),
    outcomes,
  });

  /** Rows in a fixed order, durations to the microday (the rollup adds per day what the live query adds per case). */
  const sorted = <T extends object>(rows: T[]) =>
    rows
      .map((r) => ('closedDays' in r ? { ...r, closedDays: Math.round((r.closedDays as number) * 1e6) / 1e6 } : r))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  async function figures(model: SqlCaseStatistics | SqlStatisticsRollup, scope: StatisticsScope) {
    return { cases: sorted(await model.caseFigures(scope)), satisfaction: sorted(await model.satisfaction(scope)), transfers: sorted(await model.transfers(scope)) };
  }

  /** The rollup's figures for every period, checked equal to the live queries'; returns those of May. */
  async function matchesLive(model: SqlStatisticsRollup = rollup) {
    for (const p of PERIODS) expect(await figures(model, scopeOf(p))).toEqual(await figures(live, scopeOf(p)));
    return figures(model, scopeOf(PERIODS[0]));
  }

  async function pmCase(username: string, body: Record<string, unknown>, steps: string[]) {
    let view = await openCase(t, username, pmCaseBody(body));
    const mediatorId = (await t.loginUser(username)).user.id;
    for (const type of steps) view = await apply(t, username, view.id, type, pmStep(t, type, mediatorId));
    return view;
  }

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    rollup = new SqlStatisticsRollup(db);
    live = new SqlCaseStatistics(db);
    regionCodes = (await db.query<{ code: string }>('SELECT code FROM regions')).map((r) => r.code);
    const byWorkflow = new Map<string, { succeeded: Set<string>; performed: Set<string> }>();
    for (const def of t.app.get(WorkflowRegistry).list()) {
      if (!def.manifest.statistics) continue;
      const e = byWorkflow.get(def.id) ?? { succeeded: new Set<string>(), performed: new Set<string>() };
      def.manifest.statistics.succeeded.forEach((s) => e.succeeded.add(s));
      def.manifest.statistics.performed.forEach((s) => e.performed.add(s));
      byWorkflow.set(def.id, e);
    }
    outcomes = [...byWorkflow.entries()].map(([workflowId, e]) => ({ workflowId, succeeded: [...e.succeeded], performed: [...e.performed] }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('marks the days of new cases dirty and builds them on the first read, equal to the live figures', async () => {
    setNow(t, '2024-04-30T15:59:00.000Z'); // 23:59 on 30 April, China time: a day before the period
    ids.before = (await pmCase('fy_mediator', { category: 'NEIGHBOUR' }, [])).id;
    setNow(t, chinaMorning('2024-05-06'));
    ids.agreed = (await pmCase('fy_mediator', { category: 'NEIGHBOUR', source: 'APPLICATION' }, TO_AGREEMENT)).id;
    ids.waiting = (await pmCase('fy_mediator', { category: 'NEIGHBOUR', source: 'PROACTIVE' }, [])).id;
    ids.labour = (await pmCase('qx_mediator', { category: 'LABOUR', regionCode: '330199102201' }, TO_MEDIATING)).id;
    setNow(t, '2024-05-31T15:59:00.000Z'); // 23:59 on 31 May
    ids.late = (await pmCase('fq_mediator', { category: 'HOUSING_HOMESTEAD', regionCode: '330199101' }, [])).id;

    const dirty = (await db.query<{ day: string }>('SELECT day FROM statistics_dirty_days ORDER BY day')).map((r) => r.day);
    expect(dirty).toEqual(expect.arrayContaining(['2024-04-30', '2024-05-06', '2024-05-31']));
    const may = await matchesLive();
    expect(may.cases.reduce((n, r) => n + r.cases, 0)).toBe(4);
    expect(await db.query("SELECT day FROM statistics_dirty_days WHERE day >= '2024-04-01' AND day < '2024-08-01'")).toEqual([]);
  });

  it('follows transitions to success and performance', async () => {
    setNow(t, chinaMorning('2024-05-09'));
    await apply(t, 'fy_mediator', ids.agreed, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '不申请司法确认' });
    await apply(t, 'fy_mediator', ids.agreed, 'RECORD_PERFORMED', { performedOn: today(t) });
    const may = await matchesLive();
    expect(may.cases.find((r) => r.succeeded > 0)).toMatchObject({ succeeded: 1, performed: 1, closed: 0 });
  });

  it('follows a satisfaction answer recorded at the follow-up visit, and the closing', async () => {
    const visit = { visitedOn: today(t), method: 'VISIT', summary: '上门回访' };
    await apply(t, 'fy_mediator', ids.agreed, 'RECORD_FOLLOW_UP', { ...visit, satisfaction: [{ partyId: 'P1', rating: 'SATISFIED' }, { partyId: 'P2', rating: 'DISSATISFIED' }] });
    let may = await matchesLive();
    expect(may.satisfaction).toEqual([expect.objectContaining({ answered: 2, satisfied: 1 })]);
    await apply(t, 'fy_mediator', ids.agreed, 'ARCHIVE', { dossierComplete: true });
    may = await matchesLive();
    expect(may.cases.find((r) => r.closed > 0)).toMatchObject({ succeeded: 1, performed: 1, closed: 1, closedDays: 3 });
  });

  it('follows a satisfaction answer given through a link', async () => {
    const token = 'T'.repeat(32);
    await db.execute(
      `INSERT INTO satisfaction_links (token, case_id, party_id, issued_at, issued_by, expires_at) VALUES (:token, :caseId, 'P2', :at, 'test', :expires)`,
      { token, caseId: ids.waiting, at: '2024-05-09T02:00:00.000Z', expires: '2024-06-09T02:00:00.000Z' },
    );
    expect((await t.http().post(`/api/public/survey/${token}`).send({ rating: 'BASICALLY_SATISFIED' })).status).toBe(201);
    const may = await matchesLive();
    expect(may.satisfaction.reduce((n, r) => n + r.answered, 0)).toBe(3);
  });

  it('follows deadlines the worker marks missed', async () => {
    setNow(t, chinaMorning('2024-07-20'));
    await runWorker(t);
    const may = await matchesLive();
    expect(may.cases.reduce((n, r) => n + r.overdueDeadlines, 0)).toBeGreaterThan(0);
  });

  it('follows a transfer sent and its status changed', async () => {
    setNow(t, chinaMorning('2024-05-20'));
    const view = await pmCase('lq_mediator', { category: 'MARRIAGE_FAMILY', regionCode: '330199101202' }, TO_AGREEMENT);
    await apply(t, 'lq_mediator', view.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    let may = await matchesLive();
    expect(may.transfers).toEqual([{ fromWorkflowId: 'pm', toWorkflowId: 'jc', status: 'SENT', transfers: 1 }]);
    // Whatever path changes a transfer's status, the trigger sees it.
    await db.execute("UPDATE transfers SET status = 'RETURNED' WHERE from_case_id = :id", { id: view.id });
    may = await matchesLive();
    expect(may.transfers).toEqual([{ fromWorkflowId: 'pm', toWorkflowId: 'jc', status: 'RETURNED', transfers: 1 }]);
  });

  it('follows a reassignment and a case moved to another organisation, written straight to the table', async () => {
    const other = (await t.loginUser('lq_mediator')).user.id;
    await db.execute('UPDATE cases SET assignee_id = :other WHERE id = :id', { other, id: ids.agreed });
    let may = await matchesLive();
    expect(may.satisfaction).toEqual(expect.arrayContaining([expect.objectContaining({ assigneeId: other, answered: 2 })]));
    await db.execute("UPDATE cases SET org_id = 'org-liqiao', region_code = '330199101202' WHERE id = :id", { id: ids.waiting });
    may = await matchesLive();
    expect(may.cases).toEqual(expect.arrayContaining([expect.objectContaining({ orgId: 'org-liqiao', regionCode: '330199101202', source: 'PROACTIVE', cases: 1 })]));
  });

  it('loses no change from two refreshers and writers running at once', async () => {
    // A second engine on the same database where the database allows it; on SQLite a second refresher in this one.
    const second = database.name === 'postgres' ? await createTestApp(database, {}, { reuse: t.database, keepDatabase: true }) : null;
    const other = new SqlStatisticsRollup(second ? second.app.get(Db) : db);
    try {
      setNow(t, chinaMorning('2024-05-06'));
      const writes = (async () => {
        for (let i = 0; i < 4; i++) await pmCase('fy_mediator', { category: 'CONTRACT', source: 'PROACTIVE' }, TO_MEDIATING);
      })();
      const refreshes = (async () => {
        for (let i = 0; i < 8; i++) await Promise.all([rollup.refresh(outcomes), other.refresh(outcomes)]);
      })();
      await Promise.all([writes, refreshes]);
      await matchesLive(other);
      await matchesLive();
    } finally {
      await second?.close();
    }
  });

  if (database.name === 'postgres') {
    it('waits for a writer that marked an already dirty day, and counts its change once it commits', async () => {
      const { databaseUrl, schema } = t.database.config;
      await db.execute("UPDATE cases SET category = 'CONTRACT' WHERE id = :id", { id: ids.labour }); // 6 May is dirty now
      const writer = new Client({ connectionString: databaseUrl });
      await writer.connect();
      try {
        await writer.query(`SET search_path TO ${schema}`);
        await writer.query('BEGIN');
        await writer.query("UPDATE cases SET category = 'LABOUR' WHERE id = $1", [ids.labour]);
        const refresh = rollup.refresh(outcomes);
        // The refresher's DELETE of the mark waits for the writer's lock on it …
        await eventually(
          () => db.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM statistics_dirty_days%'"),
          (rows) => rows.length === 1,
        );
        await writer.query('COMMIT');
        await refresh;
      } finally {
        await writer.end();
      }
      // … so with no mark left, the rollup already holds the committed change.
      expect(await db.query("SELECT day FROM statistics_dirty_days WHERE day = '2024-05-06'")).toEqual([]);
      const may = await matchesLive();
      expect(may.cases).toEqual(expect.arrayContaining([expect.objectContaining({ category: 'LABOUR', workflowId: 'pm', cases: 1 })]));
    });

    it('reads a period from the rollup by its region index, not from the cases', async () => {
      // Three years of rollup rows for a hundred made-up regions beside the real ones, so the planner meets some volume.
      await db.execute(`INSERT INTO statistics_case_days (day, region_code, org_id, workflow_id, category, source, cases, closed, succeeded, performed, closed_unsuccessful, closed_days, overdue)
        SELECT to_char(date '2023-01-01' + d, 'YYYY-MM-DD'), 'X' || lpad(r::text, 5, '0'), 'org-fengyuan', 'pm', 'NEIGHBOUR', 'APPLICATION', 3, 1, 1, 0, 0, 4.5, 0
          FROM generate_series(0, 1094) d, generate_series(1, 100) r`);
      await db.execute('ANALYZE statistics_case_days');
      const plans: ExplainedStatement[] = [];
      await new SqlStatisticsRollup(explaining(db, plans)).caseFigures(scopeOf({ from: '2025-01-01', to: '2025-12-31' }, ['X00001', 'X00002', 'X00003']));
      const [read] = plans.filter((p) => p.sql.includes('FROM statistics_case_days'));
      expect(indexesUsed(read.plan)).toContain('statistics_case_days_region');
      expect(planNodes(read.plan).map((n) => n['Relation Name']).filter(Boolean)).toEqual(['statistics_case_days']);
      expect(planText(read.plan)).not.toMatch(/Seq Scan/);
    });
  }

  it('drops the rollup and its triggers on down, and rebuilds it from the cases after up', async () => {
    const dataSource = t.app.get(DataSource);
    // The rollup's migration and those after it, undone newest first.
    const stamp = (m: object) => Number(/(\d{13})$/.exec(m.constructor.name)?.[1] ?? 0);
    const undo = dataSource.migrations.filter((m) => stamp(m) >= 1765000200000).length;
    expect(undo).toBeGreaterThanOrEqual(1);
    for (let i = 0; i < undo; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(await refusal(db.query('SELECT day FROM statistics_dirty_days'))).toMatch(/statistics_dirty_days/);
    // A change while no trigger is left to mark it (plain SQL: the engine's own writes need the later migrations too).
    await db.execute("UPDATE cases SET category = 'CONTRACT' WHERE id = (SELECT MIN(id) FROM cases WHERE category <> 'CONTRACT')");
    await dataSource.runMigrations({ transaction: 'each' });
    await matchesLive();
  });
});
