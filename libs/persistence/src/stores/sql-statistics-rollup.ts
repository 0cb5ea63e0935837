import { CaseStatisticsReadModel, type CaseFigureRow, type SatisfactionRow, type StatisticsScope, type TransferRow } from '@app/cases';
import type { Db, DbTx } from '../db/db';
import { SqlCaseStatistics, caseFigureRow, chinaDaySql, caseFiguresQuery, satisfactionQuery, satisfactionRow, transferRow, transfersQuery } from './sql-case-statistics';

type Outcomes = StatisticsScope['outcomes'];

/** China dates, `from` included and `to` not. */
interface Days {
  from: string;
  to: string;
}

const startOfChinaDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const chinaDate = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The most days one refresh transaction recomputes, and the widest gap between marked days it spans. Over many
 * cases PostgreSQL hashes the audit trail's outcome states once instead of probing it per case, so a year of days
 * costs about as much as the live query over that year (a transaction per day made a full rebuild ten times slower
 * than that); a few marked days far apart are recomputed apart, not with every day between them.
 */
const SPAN_DAYS = 366;
const SPAN_GAP_DAYS = 7;

/** The leading run of marked days (sorted) whose gaps are at most SPAN_GAP_DAYS. */
function clusterFrom(marked: string[]): string[] {
  const run: string[] = [];
  for (const day of marked) {
    if (run.length && addDays(run[run.length - 1], SPAN_GAP_DAYS) < day) break;
    run.push(day);
  }
  return run;
}

/**
 * The statistics from the daily rollup: a read first recomputes the days the triggers marked dirty within its
 * period, then sums the rollup rows of the period — a few rows per day and grouping instead of every case opened in
 * it, and figures exactly as fresh as the live queries'. A period that does not begin and end at China midnights
 * (none the API makes) is read live.
 */
export class SqlStatisticsRollup extends CaseStatisticsReadModel {
  private readonly live: SqlCaseStatistics;

  constructor(private readonly db: Db) {
    super();
    this.live = new SqlCaseStatistics(db);
  }

  caseFigures(scope: StatisticsScope): Promise<CaseFigureRow[]> {
    return this.fromRollup(
      scope,
      () => this.live.caseFigures(scope),
      caseFigureRow,
      `SELECT region_code, org_id, workflow_id, category, source, SUM(cases) AS cases, SUM(closed) AS closed, SUM(succeeded) AS succeeded,
              SUM(performed) AS performed, SUM(closed_unsuccessful) AS closed_unsuccessful, SUM(closed_days) AS closed_days, SUM(overdue) AS overdue
         FROM statistics_case_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY region_code, org_id, workflow_id, category, source`,
    );
  }

  satisfaction(scope: StatisticsScope): Promise<SatisfactionRow[]> {
    return this.fromRollup(
      scope,
      () => this.live.satisfaction(scope),
      satisfactionRow,
      `SELECT region_code, org_id, workflow_id, assignee_id, SUM(answered) AS answered, SUM(satisfied) AS satisfied
         FROM statistics_satisfaction_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY region_code, org_id, workflow_id, assignee_id`,
    );
  }

  transfers(scope: StatisticsScope): Promise<TransferRow[]> {
    return this.fromRollup(
      scope,
      () => this.live.transfers(scope),
      transferRow,
      `SELECT from_workflow, to_workflow, status, SUM(transfers) AS n
         FROM statistics_transfer_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY from_workflow, to_workflow, status`,
    );
  }

  /**
   * A read of the rollup: its marked days within the period recomputed first, then `sql` over the period's days.
   * A period that does not start and end at China midnight is read live.
   */
  private async fromRollup<T>(scope: StatisticsScope, live: () => Promise<T[]>, map: (row: Record<string, any>) => T, sql: string): Promise<T[]> {
    const days = daysOf(scope);
    if (!days) return live();
    await this.refresh(scope.outcomes, days);
    const rows = await this.db.query(sql, { regionCodes: scope.regionCodes, fromDay: days.from, toDay: days.to });
    return rows.map(map);
  }

  /**
   * Recomputes the dirty days within `days` (all of them without) and returns how many marks it cleared. It works
   * through them in spans (runs of marked days, SPAN_DAYS and SPAN_GAP_DAYS), a span per transaction, one refresher at a
   * time across engines (an advisory lock on PostgreSQL; on SQLite a write transaction excludes every other writer).
   *
   * No change is lost to a writer committing meanwhile. On PostgreSQL a writer holds a KEY SHARE lock on its day's
   * mark until it commits (statistics_mark_day, migration 1765000200000). The span's marks are taken FOR UPDATE SKIP
   * LOCKED: a mark a writer holds is left for a later refresh, so its uncommitted change is never assumed counted,
   * and the refresher never waits while holding marks, so it cannot deadlock with a writer marking two days. A
   * writer that marks a span day after that waits for this transaction and leaves a new mark. The span's rows are
   * then recomputed by statements that see every change committed before them, so every change whose mark was
   * cleared is counted, and each day of the span (marked or not) is recomputed whole. When every mark of a span is
   * held, the earliest is deleted outright: that DELETE waits for the writers holding it, and the recompute after it
   * sees their changes.
   */
  override async refresh(outcomes: Outcomes, days?: Days): Promise<number> {
    await this.matchOutcomes(outcomes);
    const range = days ? 'day >= :from AND day < :to' : '1 = 1';
    let after = '';
    let count = 0;
    for (;;) {
      const cleared = await this.db.transaction(async (tx) => {
        await this.lock(tx);
        const [first] = await tx.query<{ day: string | null }>(`SELECT MIN(day) AS day FROM statistics_dirty_days WHERE ${range} AND day > :after`, { ...days, after });
        if (!first?.day) return null;
        const span = clusterFrom((await tx.query<{ day: string }>(`SELECT day FROM statistics_dirty_days WHERE ${range} AND day >= :first AND day < :spanEnd ORDER BY day`, { ...days, first: first.day, spanEnd: addDays(first.day, SPAN_DAYS) })).map((m) => m.day));
        const skipLocked = this.db.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
        let marks = await tx.query<{ day: string }>(
          `DELETE FROM statistics_dirty_days WHERE day IN (SELECT day FROM statistics_dirty_days WHERE day IN (:...span) ${skipLocked}) RETURNING day`,
          { span: span.length ? span : [first.day] },
        );
        if (!marks.length) marks = await tx.query<{ day: string }>('DELETE FROM statistics_dirty_days WHERE day = :first RETURNING day', { first: first.day });
        const last = marks.map((m) => m.day).reduce((a, b) => (a > b ? a : b), first.day);
        await this.recompute(tx, first.day, addDays(last, 1), outcomes);
        return { last, marks: marks.length };
      });
      if (!cleared) return count;
      after = cleared.last;
      count += cleared.marks;
    }
  }

  /** Replaces the rollup rows of the days [from, to) with the live queries' figures for the cases opened (transfers sent) on them. */
  private async recompute(tx: DbTx, from: string, to: string, outcomes: Outcomes): Promise<void> {
    const scope: StatisticsScope = { regionCodes: [], fromInstant: startOfChinaDay(from), toInstant: startOfChinaDay(to), outcomes };
    for (const t of ['statistics_case_days', 'statistics_satisfaction_days', 'statistics_transfer_days']) {
      await tx.execute(`DELETE FROM ${t} WHERE day >= :from AND day < :to`, { from, to });
    }
    const f = caseFiguresQuery(this.db.dialect, scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_case_days (day, region_code, org_id, workflow_id, category, source, cases, closed, succeeded, performed, closed_unsuccessful, closed_days, overdue)
       SELECT g.day, g.region_code, g.org_id, g.workflow_id, g.category, g.source, g.cases, g.closed, g.succeeded, g.performed, g.closed_unsuccessful, g.closed_days, g.overdue
         FROM (${f.sql}) g`,
      f.params,
    );
    const s = satisfactionQuery(this.db.dialect, scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_satisfaction_days (day, region_code, org_id, workflow_id, assignee_id, answered, satisfied)
       SELECT g.day, g.region_code, g.org_id, g.workflow_id, g.assignee_id, g.answered, g.satisfied FROM (${s.sql}) g`,
      s.params,
    );
    const t = transfersQuery(this.db.dialect, scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_transfer_days (day, region_code, from_workflow, to_workflow, status, transfers)
       SELECT g.day, g.region_code, g.from_workflow, g.to_workflow, g.status, g.n FROM (${t.sql}) g`,
      t.params,
    );
  }

  /**
   * Success and performance are the states the manifests name; when they differ from those the rollup was built
   * with (the first refresh after the migration, or a new workflow version), every day is recomputed.
   */
  private async matchOutcomes(outcomes: Outcomes): Promise<void> {
    const fingerprint = JSON.stringify(
      [...outcomes].sort((a, b) => a.workflowId.localeCompare(b.workflowId)).map((o) => [o.workflowId, [...o.succeeded].sort(), [...o.performed].sort()]),
    );
    const [known] = await this.db.query<{ outcomes: string }>('SELECT outcomes FROM statistics_rollup_outcomes WHERE id = 1');
    if (known?.outcomes === fingerprint) return;
    await this.db.transaction(async (tx) => {
      await this.lock(tx);
      const [again] = await tx.query<{ outcomes: string }>('SELECT outcomes FROM statistics_rollup_outcomes WHERE id = 1');
      if (again?.outcomes === fingerprint) return;
      const day = (instant: string) => chinaDaySql(this.db.dialect, instant);
      await tx.execute(
        `INSERT INTO statistics_dirty_days (day)
         SELECT ${day('opened_at')} FROM cases UNION SELECT ${day('sent_at')} FROM transfers UNION SELECT day FROM statistics_case_days WHERE 1 = 1
         ON CONFLICT DO NOTHING`,
      );
      await tx.execute('INSERT INTO statistics_rollup_outcomes (id, outcomes) VALUES (1, :fingerprint) ON CONFLICT (id) DO UPDATE SET outcomes = excluded.outcomes', { fingerprint });
    });
  }

  /** One refresher at a time per schema (tests run many schemas on one database). */
  private async lock(tx: DbTx): Promise<void> {
    if (this.db.dialect !== 'postgres') return;
    await tx.execute('SET LOCAL jit = off');
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('statistics_rollup ' || current_schema()))");
  }
}

/** The period as China dates, or null when its ends are not China midnights. */
function daysOf(scope: StatisticsScope): Days | null {
  const from = chinaDate(scope.fromInstant);
  const to = chinaDate(scope.toInstant);
  const exact = startOfChinaDay(from) === new Date(scope.fromInstant).toISOString() && startOfChinaDay(to) === new Date(scope.toInstant).toISOString();
  return exact ? { from, to } : null;
}
