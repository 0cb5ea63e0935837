import { CaseStatisticsReadModel, type CaseFigureRow, type SatisfactionRow, type StatisticsScope, type TransferRow } from '@app/cases';
import type { Db, Params } from '../db/db';
import { SATISFIED_RATINGS, satisfactionAnswersSql } from './satisfaction-answers.sql';

/**
 * The statistics as grouped SQL: the counted cases are picked once by region and opening time (index
 * cases_region_opened), success and performance are read from the states the audit trail says each case entered, and
 * missed deadlines from their partial index.
 */
export class SqlCaseStatistics extends CaseStatisticsReadModel {
  constructor(private readonly db: Db) {
    super();
  }

  async caseFigures(scope: StatisticsScope): Promise<CaseFigureRow[]> {
    const pg = this.db.dialect === 'postgres';
    const params = this.params(scope);
    const outcome = (kind: 'succeeded' | 'performed') => {
      const parts = scope.outcomes
        .filter((o) => o[kind].length)
        .map((o, i) => {
          params[`${kind}_wf_${i}`] = o.workflowId;
          params[`${kind}_states_${i}`] = o[kind];
          return `(c.workflow_id = :${kind}_wf_${i} AND a.to_state IN (:...${kind}_states_${i}))`;
        });
      return parts.length ? parts.join(' OR ') : '1 = 0';
    };
    params.outcomeStates = [...new Set(['', ...scope.outcomes.flatMap((o) => [...o.succeeded, ...o.performed])])];
    const closed = pg ? 'c.closed' : 'c.closed = 1';
    const days = pg ? 'EXTRACT(EPOCH FROM (c.updated_at - c.opened_at)) / 86400.0' : 'julianday(c.updated_at) - julianday(c.opened_at)';
    const rows = await this.db.query(
      `WITH picked AS (${this.picked()}),
       reached AS (
         SELECT a.case_id,
                MAX(CASE WHEN ${outcome('succeeded')} THEN 1 ELSE 0 END) AS succeeded,
                MAX(CASE WHEN ${outcome('performed')} THEN 1 ELSE 0 END) AS performed
           FROM audit_entries a JOIN picked c ON c.id = a.case_id
          WHERE a.to_state IN (:...outcomeStates)
          GROUP BY a.case_id),
       missed AS (
         SELECT d.case_id, COUNT(*) AS n FROM deadlines d JOIN picked c ON c.id = d.case_id WHERE d.status = 'missed' GROUP BY d.case_id)
       SELECT c.region_code, c.org_id, c.workflow_id, c.category, c.source,
              COUNT(*) AS cases,
              SUM(CASE WHEN ${closed} THEN 1 ELSE 0 END) AS closed,
              SUM(COALESCE(r.succeeded, 0)) AS succeeded,
              SUM(COALESCE(r.performed, 0)) AS performed,
              SUM(CASE WHEN ${closed} AND COALESCE(r.succeeded, 0) = 0 THEN 1 ELSE 0 END) AS closed_unsuccessful,
              SUM(CASE WHEN ${closed} THEN ${days} ELSE 0 END) AS closed_days,
              SUM(COALESCE(m.n, 0)) AS overdue
         FROM picked c
         LEFT JOIN reached r ON r.case_id = c.id
         LEFT JOIN missed m ON m.case_id = c.id
        GROUP BY c.region_code, c.org_id, c.workflow_id, c.category, c.source`,
      params,
    );
    return rows.map((r) => ({
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
    }));
  }

  async satisfaction(scope: StatisticsScope): Promise<SatisfactionRow[]> {
    const rows = await this.db.query(
      `WITH picked AS (${this.picked()})
       SELECT c.region_code, c.org_id, c.workflow_id, c.assignee_id,
              COUNT(*) AS answered, SUM(CASE WHEN x.rating IN ${SATISFIED_RATINGS} THEN 1 ELSE 0 END) AS satisfied
         FROM (${satisfactionAnswersSql(this.db.dialect, 'IN (SELECT id FROM picked)')}) x
         JOIN picked c ON c.id = x.case_id
        WHERE x.n = 1
        GROUP BY c.region_code, c.org_id, c.workflow_id, c.assignee_id`,
      this.params(scope),
    );
    return rows.map((r) => ({ regionCode: r.region_code, orgId: r.org_id, workflowId: r.workflow_id, assigneeId: r.assignee_id ?? null, answered: Number(r.answered), satisfied: Number(r.satisfied) }));
  }

  async transfers(scope: StatisticsScope): Promise<TransferRow[]> {
    const rows = await this.db.query(
      `SELECT f.workflow_id AS from_workflow, r.workflow_id AS to_workflow, t.status, COUNT(*) AS n
         FROM transfers t JOIN cases f ON f.id = t.from_case_id JOIN cases r ON r.id = t.to_case_id
        WHERE f.region_code IN (:...regionCodes) AND t.sent_at >= :fromInstant AND t.sent_at < :toInstant
        GROUP BY f.workflow_id, r.workflow_id, t.status`,
      this.params(scope),
    );
    return rows.map((r) => ({ fromWorkflowId: r.from_workflow, toWorkflowId: r.to_workflow, status: r.status, transfers: Number(r.n) }));
  }

  private picked(): string {
    return `SELECT id, region_code, org_id, workflow_id, category, source, closed, opened_at, updated_at, assignee_id FROM cases
             WHERE region_code IN (:...regionCodes) AND opened_at >= :fromInstant AND opened_at < :toInstant`;
  }

  private params(scope: StatisticsScope): Params {
    return { regionCodes: scope.regionCodes, fromInstant: scope.fromInstant, toInstant: scope.toInstant };
  }
}
