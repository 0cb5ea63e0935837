import type { AuditEntry } from '@app/audit';
import { CaseStore, type CommitPlan, type CommitResult, type IdempotentResult, type LoadedCase, type CaseRecord } from '@app/cases';
import { Db, readJson, type DbTx } from '../db/db';
import { auditParams, caseParams, deadlineParams, toCase, toDeadline } from './row-mappers';
import { chain, gatedInsert, insert, isUniqueViolation, type Statement } from './sql-builders';

const CONFLICT = Symbol('conflict');

const UPDATE_CASE = `UPDATE cases SET state = :u_state, context = :u_context, version = :u_version, head_hash = :u_head_hash,
  assignee_id = :u_assignee_id, closed = :u_closed, links = :u_links, updated_at = :u_updated_at
  WHERE id = :u_id AND version = :u_expected`;

const PG_UPDATE_CASE = `UPDATE cases SET state = :u_state, context = :u_context::jsonb, version = :u_version, head_hash = :u_head_hash,
  assignee_id = :u_assignee_id, closed = :u_closed, links = :u_links::jsonb, updated_at = :u_updated_at::timestamptz
  WHERE id = :u_id AND version = :u_expected`;

const CLOSE_DEADLINE = `UPDATE deadlines SET status = :STATUS, closed_at = :CLOSED WHERE id = :ID AND status = 'pending'`;

/**
 * The case write path. A commit is one transaction: on PostgreSQL a single statement (a chain of CTEs gated on the
 * conditional update, so a lost race writes nothing and costs one round trip); on SQLite an in-process transaction.
 */
export class SqlCaseStore extends CaseStore {
  constructor(private readonly db: Db) {
    super();
  }

  async load(caseId: string): Promise<LoadedCase | null> {
    if (this.db.dialect === 'postgres') {
      const rows = await this.db.query(
        `SELECT c.*, COALESCE((SELECT json_agg(d ORDER BY d.created_at, d.spec_id) FROM deadlines d WHERE d.case_id = c.id), '[]'::json) AS deadline_rows
         FROM cases c WHERE c.id = :id`,
        { id: caseId },
      );
      if (!rows.length) return null;
      return { record: toCase(rows[0]), deadlines: readJson<Record<string, unknown>[]>(rows[0].deadline_rows).map(toDeadline) };
    }
    const rows = await this.db.query('SELECT * FROM cases WHERE id = :id', { id: caseId });
    if (!rows.length) return null;
    const deadlines = await this.db.query('SELECT * FROM deadlines WHERE case_id = :id ORDER BY created_at, spec_id', { id: caseId });
    return { record: toCase(rows[0]), deadlines: deadlines.map(toDeadline) };
  }

  async findIdempotent(actorId: string, key: string): Promise<IdempotentResult | null> {
    const rows = await this.db.query('SELECT case_id, request_hash, status, response FROM idempotency_keys WHERE actor_id = :actorId AND key = :key', { actorId, key });
    if (!rows.length) return null;
    return { caseId: rows[0].case_id, requestHash: rows[0].request_hash, status: Number(rows[0].status), response: readJson(rows[0].response) };
  }

  async allocateCaseNumber(orgId: string, year: number): Promise<number> {
    const rows = await this.db.query(
      `INSERT INTO case_counters (org_id, year, last) VALUES (:orgId, :year, 1)
       ON CONFLICT (org_id, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
      { orgId, year },
    );
    return Number(rows[0].last);
  }

  async commit(plan: CommitPlan): Promise<CommitResult> {
    try {
      if (this.db.dialect === 'postgres') return await this.commitPostgres(plan);
      return await this.db.transaction((tx) => this.commitSqlite(tx, plan));
    } catch (error) {
      if (error === CONFLICT || isUniqueViolation(error, this.db.dialect)) return 'conflict';
      throw error;
    }
  }

  private async commitSqlite(tx: DbTx, plan: CommitPlan): Promise<CommitResult> {
    if (plan.update && (await tx.execute(UPDATE_CASE, this.updateParams(plan.update.record, plan.update.expectedVersion))) !== 1) throw CONFLICT;
    for (const s of this.writes(plan, (table, row, prefix) => insert(table, row, prefix), (i, c) => closeStatement(i, c))) {
      await tx.execute(s.sql, s.params);
    }
    return 'committed';
  }

  private async commitPostgres(plan: CommitPlan): Promise<CommitResult> {
    const gate: Statement = plan.update
      ? { sql: PG_UPDATE_CASE, params: this.updateParams(plan.update.record, plan.update.expectedVersion) }
      : insert('cases', caseParams(plan.inserts[0], this.db.json), 'g');
    const rest = this.writes(
      plan.update ? plan : { ...plan, inserts: plan.inserts.slice(1) },
      (table, row, prefix) => gatedInsert(table, row, prefix, 'gate'),
      (i, c) => closeStatement(i, c, 'gate'),
    );
    const statement = chain(gate, rest);
    const rows = await this.db.query<{ n: number }>(statement.sql, statement.params);
    if (Number(rows[0].n) !== 1) throw CONFLICT;
    return 'committed';
  }

  /** Every write of the plan but the gate, in foreign-key order. */
  private writes(
    plan: CommitPlan,
    ins: (table: string, row: Record<string, unknown>, prefix: string) => Statement,
    close: (i: number, c: CommitPlan['deadlinesClosed'][number]) => Statement,
  ): Statement[] {
    const json = this.db.json;
    return [
      ...plan.inserts.map((c, i) => ins('cases', caseParams(c, json), `c${i}`)),
      ...plan.audit.map((e: AuditEntry, i) => ins('audit_entries', auditParams(e, json), `a${i}`)),
      ...plan.deadlinesClosed.map((c, i) => close(i, c)),
      ...plan.deadlinesOpened.map((d, i) => ins('deadlines', deadlineParams(d, json), `d${i}`)),
      ...plan.outbox.map((m, i) =>
        ins('outbox', { id: m.id, target_case_id: m.targetCaseId, source_case_id: m.sourceCaseId, event_type: m.eventType, data: json(m.data), created_at: m.createdAt, attempts: 0 }, `o${i}`),
      ),
      ...(plan.idempotency
        ? [
            ins(
              'idempotency_keys',
              {
                actor_id: plan.idempotency.actorId,
                key: plan.idempotency.key,
                case_id: plan.idempotency.caseId,
                request_hash: plan.idempotency.requestHash,
                status: plan.idempotency.status,
                response: json(plan.idempotency.response),
                created_at: plan.idempotency.createdAt,
              },
              'i',
            ),
          ]
        : []),
    ];
  }

  private updateParams(record: CaseRecord, expected: number) {
    return {
      u_id: record.id,
      u_expected: expected,
      u_state: record.state,
      u_context: this.db.json(record.context),
      u_version: record.version,
      u_head_hash: record.headHash,
      u_assignee_id: record.assigneeId,
      u_closed: record.closed,
      u_links: this.db.json(record.links),
      u_updated_at: record.updatedAt,
    };
  }
}

function closeStatement(i: number, c: { id: string; status: string; closedAt: string }, gate?: string): Statement {
  const params = { [`x${i}_id`]: c.id, [`x${i}_status`]: c.status, [`x${i}_closed`]: c.closedAt };
  let sql = CLOSE_DEADLINE.replace(':STATUS', `:x${i}_status`).replace(':CLOSED', `:x${i}_closed`).replace(':ID', `:x${i}_id`);
  if (gate) sql = sql.replace(`closed_at = :x${i}_closed`, `closed_at = :x${i}_closed::timestamptz`).replace(' WHERE ', ` FROM ${gate} WHERE `);
  return { sql, params };
}
