import { CaseStatisticsReadModel, type CaseFigureRow, type SatisfactionRow, type StatisticsScope, type TransferRow } from '@app/cases';
import type { Db, Dialect, Params } from '../db/db';
import { SATISFIED_RATINGS, satisfactionAnswersSql } from './satisfaction-answers.sql';

/**
 * Which cases a grouped query counts: `region`, those of the scope's regions opened in its period (the live read);
 * `day`, those of every region opened in it, grouped by China day as well (days of the rollup, recomputed).
 */
export type Counted = 'region' | 'day';

/** The China date of an instant column, as 'YYYY-MM-DD'. */
export function chinaDaySql(dialect: Dialect, instant: string): string {
  return dialect === 'postgres' ? `to_char(${instant} AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')` : `date(${instant}, '+8 hours')`;
}

export interface GroupedQuery {
  sql: string;
  params: Params;
}

/**
 * The statistics as grouped SQL over the cases counted (by region and opening time): success and performance from the
 * states the audit trail says each case entered, missed deadlines and satisfaction answers from their partial indexes.
 * This is the live computation; the engine reads the daily rollup (sql-statistics-rollup.ts), which recomputes its
 * days with the same queries.
 */
export class SqlCaseStatistics extends CaseStatisticsReadModel {
  constructor(private readonly db: Db) {
    super();
  }

  async caseFigures(scope: StatisticsScope): Promise<CaseFigureRow[]> {
    const q = caseFiguresQuery(this.db.dialect, scope, 'region');
    return (await this.read(q.sql, q.params)).map(caseFigureRow);
  }

  async satisfaction(scope: StatisticsScope): Promise<SatisfactionRow[]> {
    const q = satisfactionQuery(this.db.dialect, scope, 'region');
    return (await this.read(q.sql, q.params)).map(satisfactionRow);
  }

  async transfers(scope: StatisticsScope): Promise<TransferRow[]> {
    const q = transfersQuery(this.db.dialect, scope, 'region');
    return (await this.db.query(q.sql, q.params)).map(transferRow);
  }

  /**
   * A grouped read. On PostgreSQL the planner estimates these scans far above their cost, which switches on JIT
   * compilation that takes longer than the query itself, so it is turned off for the statement's transaction.
   */
  private read(sql: string, params: Params): Promise<Record<string, any>[]> {
    if (this.db.dialect !== 'postgres') return this.db.query(sql, params);
    return this.db.transaction(async (tx) => {
      await tx.execute('SET LOCAL jit = off');
      return tx.query(sql, params);
    });
  }
}

export function caseFiguresQuery(dialect: Dialect, scope: StatisticsScope, counted: Counted): GroupedQuery {
  const pg = dialect === 'postgres';
  const params = scopeParams(scope, counted);
  // "Entered one of these states" is a hashed semi-join on audit_entries_to_state, built once per query.
  const reached = (kind: 'succeeded' | 'performed') => {
    const parts = scope.outcomes
      .filter((o) => o[kind].length)
      .map((o, i) => {
        params[`${kind}_wf_${i}`] = o.workflowId;
        params[`${kind}_states_${i}`] = o[kind];
        // A correlated probe of audit_entries_to_state per counted case, not `c.id IN (SELECT …)`: PostgreSQL hashes
        // that subquery only while its case ids fit in work_mem, and past about a million audit rows falls back to
        // rescanning them for every case, which took hours at 10⁷ rows (docs/benchmarks.md, "At volume").
        return `(c.workflow_id = :${kind}_wf_${i} AND EXISTS (SELECT 1 FROM audit_entries a WHERE a.case_id = c.id AND a.to_state IN (:...${kind}_states_${i})))`;
      });
    return `CASE WHEN ${parts.length ? parts.join(' OR ') : '1 = 0'} THEN 1 ELSE 0 END`;
  };
  const closed = pg ? 'c.closed' : 'c.closed = 1';
  const days = pg ? 'EXTRACT(EPOCH FROM (c.updated_at - c.opened_at)) / 86400.0' : 'julianday(c.updated_at) - julianday(c.opened_at)';
  // Recomputed days' few cases probe the missed deadlines' partial index each; a whole period reads them all once, by hash.
  const missed =
    counted === 'day'
      ? { column: "(SELECT COUNT(*) FROM deadlines d WHERE d.case_id = c.id AND d.status = 'missed')", join: '' }
      : { column: 'COALESCE(m.n, 0)', join: "LEFT JOIN (SELECT case_id, COUNT(*) AS n FROM deadlines WHERE status = 'missed' GROUP BY case_id) m ON m.case_id = c.id" };
  const day = counted === 'day' ? `${chinaDaySql(dialect, 'c.opened_at')} AS day, ` : '';
  const byDay = counted === 'day' ? `${chinaDaySql(dialect, 'c.opened_at')}, ` : '';
  const sql = `SELECT ${day}c.region_code, c.org_id, c.workflow_id, c.category, c.source,
              COUNT(*) AS cases,
              SUM(CASE WHEN ${closed} THEN 1 ELSE 0 END) AS closed,
              SUM(c.succeeded) AS succeeded,
              SUM(c.performed) AS performed,
              SUM(CASE WHEN ${closed} AND c.succeeded = 0 THEN 1 ELSE 0 END) AS closed_unsuccessful,
              SUM(CASE WHEN ${closed} THEN ${days} ELSE 0 END) AS closed_days,
              SUM(${missed.column}) AS overdue
         FROM (SELECT c.id, c.region_code, c.org_id, c.workflow_id, c.category, c.source, c.closed, c.opened_at, c.updated_at,
                      ${reached('succeeded')} AS succeeded, ${reached('performed')} AS performed
                 FROM cases c WHERE ${countedCases(counted)}) c
         ${missed.join}
        GROUP BY ${byDay}c.region_code, c.org_id, c.workflow_id, c.category, c.source`;
  return { sql, params };
}

export function satisfactionQuery(dialect: Dialect, scope: StatisticsScope, counted: Counted): GroupedQuery {
  // All first answers, joined to the counted cases by hash: cheaper than looking answers up case by case. Recomputed
  // days read only the answers of their cases.
  const caseFilter = counted === 'day' ? 'IN (SELECT id FROM cases WHERE opened_at >= :fromInstant AND opened_at < :toInstant)' : null;
  const day = counted === 'day' ? `${chinaDaySql(dialect, 'c.opened_at')} AS day, ` : '';
  const byDay = counted === 'day' ? `${chinaDaySql(dialect, 'c.opened_at')}, ` : '';
  const sql = `SELECT ${day}c.region_code, c.org_id, c.workflow_id, c.assignee_id,
              COUNT(*) AS answered, SUM(CASE WHEN x.rating IN ${SATISFIED_RATINGS} THEN 1 ELSE 0 END) AS satisfied
         FROM (${satisfactionAnswersSql(dialect, caseFilter)}) x
         JOIN cases c ON c.id = x.case_id
        WHERE x.n = 1 AND ${countedCases(counted)}
        GROUP BY ${byDay}c.region_code, c.org_id, c.workflow_id, c.assignee_id`;
  return { sql, params: scopeParams(scope, counted) };
}

/** Transfers sent in the period, from the scope's regions (`region`) or per day sent and sending region (`day`). */
export function transfersQuery(dialect: Dialect, scope: StatisticsScope, counted: Counted): GroupedQuery {
  const region = counted === 'day' ? `${chinaDaySql(dialect, 't.sent_at')}, f.region_code, ` : '';
  const regionAs = counted === 'day' ? `${chinaDaySql(dialect, 't.sent_at')} AS day, f.region_code, ` : '';
  const regionFilter = counted === 'day' ? '' : 'f.region_code IN (:...regionCodes) AND ';
  const sql = `SELECT ${regionAs}f.workflow_id AS from_workflow, r.workflow_id AS to_workflow, t.status, COUNT(*) AS n
         FROM transfers t JOIN cases f ON f.id = t.from_case_id JOIN cases r ON r.id = t.to_case_id
        WHERE ${regionFilter}t.sent_at >= :fromInstant AND t.sent_at < :toInstant
        GROUP BY ${region}f.workflow_id, r.workflow_id, t.status`;
  return { sql, params: scopeParams(scope, counted) };
}

export const caseFigureRow = (r: Record<string, any>): CaseFigureRow => ({
  regionCode: r.region_code,
  orgId: r.org_id,
  workflowId: r.workflow_id,
  category: r.category,
  source: r.source,
  cases: Number(r.cases),
  closed: Number(r.closed),
  succeeded: Number(r.succeeded),
  performed: Number(r.performed),
  closedUnsuccessful: Number(r.closed_unsuccessful),
  closedDays: Number(r.closed_days),
  overdueDeadlines: Number(r.overdue),
});

export const satisfactionRow = (r: Record<string, any>): SatisfactionRow => ({
  regionCode: r.region_code,
  orgId: r.org_id,
  workflowId: r.workflow_id,
  assigneeId: r.assignee_id ?? null,
  answered: Number(r.answered),
  satisfied: Number(r.satisfied),
});

export const transferRow = (r: Record<string, any>): TransferRow => ({ fromWorkflowId: r.from_workflow, toWorkflowId: r.to_workflow, status: r.status, transfers: Number(r.n) });

function countedCases(counted: Counted): string {
  const period = 'c.opened_at >= :fromInstant AND c.opened_at < :toInstant';
  return counted === 'day' ? period : `c.region_code IN (:...regionCodes) AND ${period}`;
}

function scopeParams(scope: StatisticsScope, counted: Counted): Params {
  const period = { fromInstant: scope.fromInstant, toInstant: scope.toInstant };
  return counted === 'day' ? period : { regionCodes: scope.regionCodes, ...period };
}
