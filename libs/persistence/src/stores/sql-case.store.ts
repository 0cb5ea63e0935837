import type { AuditEntry } from '@app/audit';
import { assignCaseNumbers, CaseStore, type RelatedCasesQuery, type CommitPlan, type CommitResult, type IdempotentResult, type LoadedCase, type CaseRecord, type TransferDecision } from '@app/cases';
import type { DeadlineClosure, DeadlineRecord, DeadlineUpdate } from '@app/deadlines';
import { Db, readJson, type DbTx } from '../db/db';
import { auditParams, caseParams, deadlineParams, notificationParams,
  riskReportParams, toCase, toDeadline, transferParams } from './row-mappers';
import { PG_TEAM_ROWS, removeMemberStatement, teamMemberParams, withTeam } from './team-rows';
import { attachmentParams } from './attachment-rows';
import { GroupCommit } from './group-commit';
import { chain, gatedInsert, insert, isUniqueViolation, type Statement } from './sql-builders';
import { SearchDigests } from '../search/search-digests';

const CONFLICT = Symbol('conflict');

const UPDATE_CASE = `UPDATE cases SET workflow_version = :u_workflow_version, state = :u_state, context = :u_context, version = :u_version, head_hash = :u_head_hash,
  assignee_id = :u_assignee_id, agreement_amount = :u_agreement_amount, closed = :u_closed, links = :u_links, updated_at = :u_updated_at
  WHERE id = :u_id AND version = :u_expected AND deadlines_rev = :u_rev`;

const PG_UPDATE_CASE = `UPDATE cases SET workflow_version = :u_workflow_version::int, state = :u_state, context = :u_context::jsonb, version = :u_version, head_hash = :u_head_hash,
  assignee_id = :u_assignee_id, agreement_amount = :u_agreement_amount::numeric, closed = :u_closed, links = :u_links::jsonb, updated_at = :u_updated_at::timestamptz
  WHERE id = :u_id AND version = :u_expected AND deadlines_rev = :u_rev`;

/**
 * The case write path. A commit is one transaction: on PostgreSQL a single statement (a chain of CTEs gated on the
 * conditional update, so a lost race writes nothing and costs one round trip); on SQLite an in-process transaction.
 */
export class SqlCaseStore extends CaseStore {
  private readonly group: GroupCommit<CommitPlan, CommitResult>;

  constructor(
    private readonly db: Db,
    /** Commits in flight before further ones are grouped (SQLite runs one transaction at a time anyway). */
    groupLimit = db.dialect === 'sqlite' ? 1 : 4,
    /** Keyed digests of the parties' identity numbers and phones, written with each new case (case_search_keys). */
    private readonly digests = new SearchDigests(),
  ) {
    super();
    this.group = new GroupCommit({
      limit: groupLimit,
      maxGroup: 32,
      key: (plan) => plan.update!.record.id,
      one: (plan) => this.commitOne(plan),
      many: (plans) => this.commitMany(plans),
    });
  }

  async load(caseId: string): Promise<LoadedCase | null> {
    if (this.db.dialect === 'postgres') {
      const rows = await this.db.query(
        `SELECT c.*, COALESCE((SELECT json_agg(d ORDER BY d.created_at, d.spec_id) FROM deadlines d WHERE d.case_id = c.id), '[]'::json) AS deadline_rows,
         ${PG_TEAM_ROWS}
         FROM cases c WHERE c.id = :id`,
        { id: caseId },
      );
      if (!rows.length) return null;
      return { record: withTeam(toCase(rows[0]), readJson<Record<string, unknown>[]>(rows[0].team_rows)), deadlines: readJson<Record<string, unknown>[]>(rows[0].deadline_rows).map(toDeadline) };
    }
    const rows = await this.db.query('SELECT * FROM cases WHERE id = :id', { id: caseId });
    if (!rows.length) return null;
    const deadlines = await this.db.query('SELECT * FROM deadlines WHERE case_id = :id ORDER BY created_at, spec_id', { id: caseId });
    const team = await this.db.query(`SELECT * FROM case_team_members WHERE case_id = :id AND removed_at IS NULL ORDER BY added_seq`, { id: caseId });
    return { record: withTeam(toCase(rows[0]), team), deadlines: deadlines.map(toDeadline) };
  }

  /**
   * The cases sharing the dispute code or a party's key digest (fraud_party_keys). A union, so each half reads its own
   * index: an OR with the digests' subquery would be planned as a scan of every case.
   */
  async findRelated(query: RelatedCasesQuery): Promise<LoadedCase[]> {
    if (!query.workflows.length) return [];
    const params: Record<string, unknown> = { workflows: query.workflows, code: query.disputeCode, exclude: query.excludeCaseId };
    const scope = 'c.workflow_id IN (:...workflows) AND c.id <> :exclude';
    let sql = `SELECT c.id FROM cases c WHERE c.dispute_code = :code AND ${scope}`;
    if (query.partyKeys.length) {
      params.digests = [...new Set(query.partyKeys.map((k) => this.digests.ofPartyKey(k)))];
      const digest = this.db.dialect === 'postgres' ? 'k.digest = ANY(:digests::varchar[])' : 'k.digest IN (:...digests)';
      sql += ` UNION SELECT c.id FROM fraud_party_keys k JOIN cases c ON c.id = k.case_id WHERE ${digest} AND ${scope}`;
    }
    const rows = await this.db.query(sql, params);
    const ids = rows.map((r) => String(r.id));
    return this.loadMany(ids);
  }

  override async loadMany(caseIds: string[]): Promise<LoadedCase[]> {
    if (!caseIds.length) return [];
    if (this.db.dialect === 'postgres') {
      const rows = await this.db.query(
        `SELECT c.*, COALESCE((SELECT json_agg(d ORDER BY d.created_at, d.spec_id) FROM deadlines d WHERE d.case_id = c.id), '[]'::json) AS deadline_rows,
         ${PG_TEAM_ROWS}
         FROM cases c WHERE c.id = ANY(:ids::varchar[])`,
        { ids: caseIds },
      );
      return rows.map((r) => ({ record: withTeam(toCase(r), readJson<Record<string, unknown>[]>(r.team_rows)), deadlines: readJson<Record<string, unknown>[]>(r.deadline_rows).map(toDeadline) }));
    }
    const cases = await this.db.query('SELECT * FROM cases WHERE id IN (:...ids)', { ids: caseIds });
    const byCase = new Map<string, DeadlineRecord[]>();
    for (const row of await this.db.query('SELECT * FROM deadlines WHERE case_id IN (:...ids) ORDER BY created_at, spec_id', { ids: caseIds })) {
      const d = toDeadline(row);
      byCase.set(d.caseId, [...(byCase.get(d.caseId) ?? []), d]);
    }
    const teams = new Map<string, Record<string, unknown>[]>();
    for (const row of await this.db.query('SELECT * FROM case_team_members WHERE case_id IN (:...ids) AND removed_at IS NULL ORDER BY added_seq', { ids: caseIds })) {
      teams.set(row.case_id, [...(teams.get(row.case_id) ?? []), row]);
    }
    return cases.map((r) => ({ record: withTeam(toCase(r), teams.get(r.id) ?? []), deadlines: byCase.get(r.id) ?? [] }));
  }

  async findIdempotent(actorId: string, key: string, since?: string): Promise<IdempotentResult | null> {
    if (since) await this.db.execute('DELETE FROM idempotency_keys WHERE actor_id = :actorId AND key = :key AND created_at < :since', { actorId, key, since });
    const rows = await this.db.query('SELECT case_id, request_hash, status, response FROM idempotency_keys WHERE actor_id = :actorId AND key = :key', { actorId, key });
    if (!rows.length) return null;
    return { caseId: rows[0].case_id, requestHash: rows[0].request_hash, status: Number(rows[0].status), response: readJson(rows[0].response) };
  }

  async sweepIdempotent(before: string, keepActorId: string): Promise<number> {
    return this.db.execute('DELETE FROM idempotency_keys WHERE created_at < :before AND actor_id <> :keepActorId', { before, keepActorId });
  }

  async commit(plan: CommitPlan): Promise<CommitResult> {
    // Only updates of existing cases are grouped: new cases take numbers, which a group cannot do.
    return plan.update && !plan.numbering.length ? this.group.commit(plan) : this.commitOne(plan);
  }

  private async commitOne(plan: CommitPlan): Promise<CommitResult> {
    try {
      if (this.db.dialect === 'postgres') {
        if (!plan.numbering.length) {
          assignCaseNumbers(plan, []);
          return await this.commitPostgres(plan, this.db);
        }
        // New cases take numbers from their registers in the same transaction, so a failed commit burns none.
        return await this.db.transaction(async (tx) => {
          assignCaseNumbers(plan, await allocate(tx, plan));
          return this.commitPostgres(plan, tx);
        });
      }
      return await this.db.transaction(async (tx) => {
        assignCaseNumbers(plan, await allocate(tx, plan));
        return this.commitSqlite(tx, plan);
      });
    } catch (error) {
      if (error === CONFLICT || isUniqueViolation(error, this.db.dialect)) return 'conflict';
      throw error;
    }
  }

  /**
   * Plans for distinct cases in one transaction: on PostgreSQL one statement holding each plan's chain behind its own
   * gate (a plan whose case moved on writes nothing); on SQLite one transaction with a savepoint per plan. A unique
   * violation aborts a PostgreSQL statement as a whole, so the plans are then committed one by one instead.
   */
  override async commitMany(plans: CommitPlan[]): Promise<CommitResult[]> {
    if (plans.length <= 1 || plans.some((p) => !p.update || p.numbering.length) || new Set(plans.map((p) => p.update!.record.id)).size < plans.length) {
      return this.oneByOne(plans);
    }
    for (const plan of plans) assignCaseNumbers(plan, []);
    try {
      if (this.db.dialect === 'postgres') return await this.commitManyPostgres(plans);
      return await this.db.transaction((tx) => this.commitManySqlite(tx, plans));
    } catch (error) {
      if (isUniqueViolation(error, this.db.dialect)) return this.oneByOne(plans);
      throw error;
    }
  }

  private async oneByOne(plans: CommitPlan[]): Promise<CommitResult[]> {
    const results: CommitResult[] = [];
    for (const plan of plans) results.push(await this.commitOne(plan));
    return results;
  }

  private async commitManyPostgres(plans: CommitPlan[]): Promise<CommitResult[]> {
    const parts: string[] = [];
    const params: Record<string, unknown> = {};
    plans.forEach((plan, k) => {
      const ns = `p${k}_`;
      const gate = `g${k}`;
      for (const [key, value] of Object.entries(this.updateParams(plan.update!.record, plan.update!.expectedVersion))) params[`${ns}${key}`] = value;
      parts.push(`${gate} AS (${PG_UPDATE_CASE.replace(/:u_/g, `:${ns}u_`)} RETURNING 1 AS ok)`);
      const rest = this.writes(
        plan,
        (table, row, prefix) => gatedInsert(table, row, `${ns}${prefix}`, gate),
        (i, c) => closeStatement(i, c, gate, ns),
        gate,
        ns,
      );
      rest.forEach((statement, i) => {
        Object.assign(params, statement.params);
        parts.push(`${gate}w${i} AS (${statement.sql})`);
      });
    });
    const sql = `WITH ${parts.join(',\n')}\nSELECT ${plans.map((_, k) => `(SELECT count(*) FROM g${k})::int AS n${k}`).join(', ')}`;
    const [row] = await this.db.query<Record<string, number>>(sql, params);
    return plans.map((_, k) => (Number(row[`n${k}`]) === 1 ? 'committed' : 'conflict'));
  }

  private async commitManySqlite(tx: DbTx, plans: CommitPlan[]): Promise<CommitResult[]> {
    const results: CommitResult[] = [];
    for (const plan of plans) {
      await tx.execute('SAVEPOINT plan');
      try {
        await this.commitSqlite(tx, plan);
        results.push('committed');
      } catch (error) {
        await tx.execute('ROLLBACK TO plan');
        if (error !== CONFLICT && !isUniqueViolation(error, 'sqlite')) throw error;
        results.push('conflict');
      } finally {
        await tx.execute('RELEASE plan');
      }
    }
    return results;
  }

  private async commitSqlite(tx: DbTx, plan: CommitPlan): Promise<CommitResult> {
    if (plan.update && (await tx.execute(UPDATE_CASE, this.updateParams(plan.update.record, plan.update.expectedVersion))) !== 1) throw CONFLICT;
    for (const s of this.writes(plan, (table, row, prefix) => insert(table, row, prefix), (i, c) => closeStatement(i, c))) {
      await tx.execute(s.sql, s.params);
    }
    return 'committed';
  }

  private async commitPostgres(plan: CommitPlan, db: Pick<Db, 'query'>): Promise<CommitResult> {
    const gate: Statement = plan.update
      ? { sql: PG_UPDATE_CASE, params: this.updateParams(plan.update.record, plan.update.expectedVersion) }
      : insert('cases', caseParams(plan.inserts[0], this.db.json), 'g');
    const gated = (table: string, row: Record<string, unknown>, prefix: string) => gatedInsert(table, row, prefix, 'gate');
    const rest = this.writes(plan.update ? plan : { ...plan, inserts: plan.inserts.slice(1) }, gated, (i, c) => closeStatement(i, c, 'gate'), 'gate');
    // The gate inserted the first new case, so writes() left out its search keys.
    if (!plan.update) rest.push(...this.searchKeys([plan.inserts[0]], gated, 'kg'));
    const statement = chain(gate, rest);
    const rows = await db.query<{ n: number }>(statement.sql, statement.params);
    if (Number(rows[0].n) !== 1) throw CONFLICT;
    return 'committed';
  }

  /** Every write of the plan but the gate, in foreign-key order. */
  private writes(
    plan: CommitPlan,
    ins: (table: string, row: Record<string, unknown>, prefix: string) => Statement,
    close: (i: number, c: CommitPlan['deadlinesClosed'][number]) => Statement,
    gate?: string,
    ns = '',
  ): Statement[] {
    const json = this.db.json;
    return [
      ...plan.inserts.map((c, i) => ins('cases', caseParams(c, json), `c${i}`)),
      ...this.searchKeys(plan.inserts, ins, `${ns}k`),
      ...plan.audit.map((e: AuditEntry, i) => ins('audit_entries', auditParams(e, json), `a${i}`)),
      ...plan.deadlinesClosed.map((c, i) => close(i, c)),
      ...(plan.deadlinesUpdated ?? []).map((u, i) => updateDeadlineStatement(i, u, json, gate, ns)),
      ...plan.deadlinesOpened.map((d, i) => ins('deadlines', deadlineParams(d, json), `d${i}`)),
      ...plan.outbox.map((m, i) =>
        ins('outbox', { id: m.id, target_case_id: m.targetCaseId, source_case_id: m.sourceCaseId, event_type: m.eventType, data: json(m.data), created_at: m.createdAt, attempts: 0 }, `o${i}`),
      ),
      ...plan.transfersOpened.map((t, i) => ins('transfers', transferParams(t, json), `t${i}`)),
      ...plan.transfersDecided.map((d, i) => decideTransferStatement(i, d, gate, ns)),
      ...plan.notifications.map((n, i) => ins('notifications', notificationParams(n), `n${i}`)),
      ...(plan.riskReports ?? []).map((r, i) => ins('risk_reports', riskReportParams(r, json), `rr${i}`)),
      ...(plan.teamChanges ?? []).map((t, i) => (t.kind === 'ADD' ? ins('case_team_members', teamMemberParams(t), `tm${i}`) : removeMemberStatement(i, t, gate, ns))),
      ...(plan.attachments ?? []).map((a, i) => ins('attachments', attachmentParams(a), `at${i}`)),
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

  /**
   * Parties are written only with a new case, so that is when its identity numbers and phones get their digests, for
   * the search (case_search_keys) and for the party lookups (fraud_party_keys).
   */
  private searchKeys(cases: CaseRecord[], ins: (table: string, row: Record<string, unknown>, prefix: string) => Statement, prefix: string): Statement[] {
    return cases.flatMap((c, i) => [
      ...this.digests.ofParties(c.parties).map((k, j) => ins('case_search_keys', { kind: k.kind, digest: k.digest, case_id: c.id }, `${prefix}${i}_${j}`)),
      ...this.digests.ofPartyKeys(c.parties).map((k, j) => ins('fraud_party_keys', { kind: k.kind, digest: k.digest, case_id: c.id }, `${prefix}p${i}_${j}`)),
    ]);
  }

  private updateParams(record: CaseRecord, expected: number) {
    return {
      u_id: record.id,
      u_expected: expected,
      u_rev: record.deadlinesRev,
      // Changes only when a case is migrated to a later version of its workflow.
      u_workflow_version: record.workflowVersion,
      u_state: record.state,
      u_context: this.db.json(record.context),
      u_version: record.version,
      u_head_hash: record.headHash,
      u_assignee_id: record.assigneeId,
      u_agreement_amount: record.agreementAmount ?? null,
      u_closed: record.closed,
      u_links: this.db.json(record.links),
      u_updated_at: record.updatedAt,
    };
  }
}

/** The next numbers of the registers the plan's new cases are entered in, in `plan.numbering` order. */
async function allocate(tx: Pick<DbTx, 'query'>, plan: CommitPlan): Promise<number[]> {
  const numbers: number[] = [];
  for (const { orgId, year } of plan.numbering) {
    const rows = await tx.query(
      `INSERT INTO case_counters (org_id, year, last) VALUES (:orgId, :year, 1)
       ON CONFLICT (org_id, year) DO UPDATE SET last = case_counters.last + 1 RETURNING last`,
      { orgId, year },
    );
    numbers.push(Number(rows[0].last));
  }
  return numbers;
}

/** A transfer's decision, taken only while it is still waiting: a return after a withdrawal changes nothing. */
function decideTransferStatement(i: number, d: TransferDecision, gate?: string, ns = ''): Statement {
  const p = `${ns}td${i}_`;
  const cast = (type: string) => (gate ? `::${type}` : '');
  return {
    sql: `UPDATE transfers SET status = :${p}status${cast('text')}, decided_at = :${p}at${cast('timestamptz')}, decided_by = :${p}by${cast('text')},
      reason = :${p}reason${cast('text')}, explanation = :${p}explanation${cast('text')}${gate ? ` FROM ${gate}` : ''} WHERE to_case_id = :${p}case AND status = 'SENT'`,
    params: { [`${p}status`]: d.status, [`${p}at`]: d.decidedAt, [`${p}by`]: d.decidedBy, [`${p}reason`]: d.reason, [`${p}explanation`]: d.explanation, [`${p}case`]: d.toCaseId },
  };
}

function closeStatement(i: number, c: DeadlineClosure, gate?: string, ns = ''): Statement {
  const x = `${ns}x${i}_`;
  const cast = (type: string) => (gate ? `::${type}` : '');
  const params: Record<string, unknown> = { [`${x}id`]: c.id, [`${x}status`]: c.status, [`${x}closed`]: c.closedAt };
  const sets = [`status = :${x}status${cast('text')}`, `closed_at = :${x}closed${cast('timestamptz')}`];
  if (c.pauses) (sets.push(`pauses = :${x}pauses${cast('jsonb')}`), (params[`${x}pauses`] = JSON.stringify(c.pauses)));
  if (c.firedAt) {
    // The worker's firing closes the deadline in the same transaction as the transition, and fires it only once.
    sets.push(`fired_at = COALESCE(fired_at, :${x}fired${cast('timestamptz')})`, `fire_outcome = :${x}outcome${cast('text')}`, 'claimed_until = NULL');
    Object.assign(params, { [`${x}fired`]: c.firedAt, [`${x}outcome`]: c.outcome ?? null });
  }
  return { sql: `UPDATE deadlines SET ${sets.join(', ')}${gate ? ` FROM ${gate}` : ''} WHERE id = :${x}id AND status = 'pending'`, params };
}

/** A pending deadline's new due date (and pauses or extensions), written only while it is still pending. */
function updateDeadlineStatement(i: number, u: DeadlineUpdate, json: (v: unknown) => string, gate?: string, ns = ''): Statement {
  const p = `${ns}y${i}_`;
  const cast = (type: string) => (gate ? `::${type}` : '');
  const params: Record<string, unknown> = { [`${p}id`]: u.id, [`${p}due_on`]: u.dueOn, [`${p}due_at`]: u.dueAt, [`${p}provisional`]: u.provisional };
  const sets = [`due_on = :${p}due_on${cast('text')}`, `due_at = :${p}due_at${cast('timestamptz')}`, `provisional = :${p}provisional${cast('boolean')}`];
  if (u.pauses) (sets.push(`pauses = :${p}pauses${cast('jsonb')}`), (params[`${p}pauses`] = json(u.pauses)));
  if (u.extensions) (sets.push(`extensions = :${p}extensions${cast('jsonb')}`), (params[`${p}extensions`] = json(u.extensions)));
  return { sql: `UPDATE deadlines SET ${sets.join(', ')}${gate ? ` FROM ${gate}` : ''} WHERE id = :${p}id AND status = 'pending'`, params };
}
