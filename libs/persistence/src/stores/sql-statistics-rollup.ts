import { CaseStatisticsReadModel, type CaseFigureRow, type SatisfactionRow, type StatisticsScope, type TransferRow } from '@app/cases';
import type { Db, DbTx } from '../db/db';
import { SqlCaseStatistics, caseFigureRow, caseFiguresQuery, satisfactionQuery, satisfactionRow, transferRow, transfersQuery } from './sql-case-statistics';

type Outcomes = StatisticsScope['outcomes'];

/** China dates, `from` included and `to` not. */
interface Days {
  from: string;
  to: string;
}

const startOfChinaDay = (day: string) => new Date(`${day}T00:00:00+08:00`).toISOString();
const chinaDate = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

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

  async caseFigures(scope: StatisticsScope): Promise<CaseFigureRow[]> {
    const days = daysOf(scope);
    if (!days) return this.live.caseFigures(scope);
    await this.refresh(scope.outcomes, days);
    const rows = await this.db.query(
      `SELECT region_code, org_id, workflow_id, category, source, SUM(cases) AS cases, SUM(closed) AS closed, SUM(succeeded) AS succeeded,
              SUM(performed) AS performed, SUM(closed_unsuccessful) AS closed_unsuccessful, SUM(closed_days) AS closed_days, SUM(overdue) AS overdue
         FROM statistics_case_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY region_code, org_id, workflow_id, category, source`,
      { regionCodes: scope.regionCodes, fromDay: days.from, toDay: days.to },
    );
    return rows.map(caseFigureRow);
  }

  async satisfaction(scope: StatisticsScope): Promise<SatisfactionRow[]> {
    const days = daysOf(scope);
    if (!days) return this.live.satisfaction(scope);
    await this.refresh(scope.outcomes, days);
    const rows = await this.db.query(
      `SELECT region_code, org_id, workflow_id, assignee_id, SUM(answered) AS answered, SUM(satisfied) AS satisfied
         FROM statistics_satisfaction_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY region_code, org_id, workflow_id, assignee_id`,
      { regionCodes: scope.regionCodes, fromDay: days.from, toDay: days.to },
    );
    return rows.map(satisfactionRow);
  }

  async transfers(scope: StatisticsScope): Promise<TransferRow[]> {
    const days = daysOf(scope);
    if (!days) return this.live.transfers(scope);
    await this.refresh(scope.outcomes, days);
    const rows = await this.db.query(
      `SELECT from_workflow, to_workflow, status, SUM(transfers) AS n
         FROM statistics_transfer_days
        WHERE region_code IN (:...regionCodes) AND day >= :fromDay AND day < :toDay
        GROUP BY from_workflow, to_workflow, status`,
      { regionCodes: scope.regionCodes, fromDay: days.from, toDay: days.to },
    );
    return rows.map(transferRow);
  }

  /**
   * Recomputes the dirty days within `days` (all of them without), one day per transaction, each day once; returns
   * how many. A day's mark is deleted and its rows recomputed in one transaction, under a lock that lets one refresher
   * run at a time across engines. No change is lost to a writer committing meanwhile: on PostgreSQL a writer holds a
   * lock on its day's mark until it commits (statistics_mark_day, migration 1765000200000), so the DELETE waits for it
   * and the recompute's statements, which each see what was committed when they began, include its change; a writer
   * that marks the day after the DELETE waits for this transaction and leaves a new mark for the next refresh. On
   * SQLite the refresh is a write transaction, which no writer can commit inside. One day per transaction keeps the
   * time writers of that day wait short and means the refresher holds no day's mark while it waits for another's,
   * so it cannot deadlock with a writer marking two days.
   */
  async refresh(outcomes: Outcomes, days?: Days): Promise<number> {
    await this.matchOutcomes(outcomes);
    let after = '';
    let count = 0;
    for (;;) {
      const day = await this.db.transaction(async (tx) => {
        await this.lock(tx);
        const range = days ? 'day >= :from AND day < :to AND day > :after' : 'day > :after';
        const [row] = await tx.query<{ day: string }>(
          `DELETE FROM statistics_dirty_days WHERE day = (SELECT MIN(day) FROM statistics_dirty_days WHERE ${range}) RETURNING day`,
          { ...(days ?? {}), after },
        );
        if (!row) return null;
        await this.recompute(tx, row.day, outcomes);
        return row.day;
      });
      if (!day) return count;
      after = day;
      count += 1;
    }
  }

  /** Replaces one day's rollup rows with the live queries' figures for the cases opened (transfers sent) that day. */
  private async recompute(tx: DbTx, day: string, outcomes: Outcomes): Promise<void> {
    const scope: StatisticsScope = { regionCodes: [], fromInstant: startOfChinaDay(day), toInstant: startOfChinaDay(nextDay(day)), outcomes };
    for (const t of ['statistics_case_days', 'statistics_satisfaction_days', 'statistics_transfer_days']) await tx.execute(`DELETE FROM ${t} WHERE day = :day`, { day });
    const f = caseFiguresQuery(this.db.dialect, scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_case_days (day, region_code, org_id, workflow_id, category, source, cases, closed, succeeded, performed, closed_unsuccessful, closed_days, overdue)
       SELECT :day, g.region_code, g.org_id, g.workflow_id, g.category, g.source, g.cases, g.closed, g.succeeded, g.performed, g.closed_unsuccessful, g.closed_days, g.overdue
         FROM (${f.sql}) g`,
      { ...f.params, day },
    );
    const s = satisfactionQuery(this.db.dialect, scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_satisfaction_days (day, region_code, org_id, workflow_id, assignee_id, answered, satisfied)
       SELECT :day, g.region_code, g.org_id, g.workflow_id, g.assignee_id, g.answered, g.satisfied FROM (${s.sql}) g`,
      { ...s.params, day },
    );
    const t = transfersQuery(scope, 'day');
    await tx.execute(
      `INSERT INTO statistics_transfer_days (day, region_code, from_workflow, to_workflow, status, transfers)
       SELECT :day, g.region_code, g.from_workflow, g.to_workflow, g.status, g.n FROM (${t.sql}) g`,
      { ...t.params, day },
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
      const day = (instant: string) => (this.db.dialect === 'postgres' ? `to_char(${instant} AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')` : `date(${instant}, '+8 hours')`);
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
