import { DeadlineStore, PAUSED_DUE_AT, type DeadlineListFilter, type DeadlinePage, type DeadlineRecord, type DeadlineUpdate, type DeadlineWithCase, type Notification, type NotificationKind, type PendingNotification } from '@app/deadlines';
import { readBool, type Db, type DbTx, type Params } from '../db/db';
import { storedRoles, toDeadline } from './row-mappers';

/** The deadline row (`alias`) and the facts of its case (`c`) the worker and the lists show. */
const withCase = (alias: string) => `${alias}.*, c.case_no AS c_case_no, c.workflow_id AS c_workflow_id, c.workflow_version AS c_workflow_version,
  c.state AS c_state, c.closed AS c_closed, c.org_id AS c_org_id, c.region_code AS c_region_code`;
const WITH_CASE = withCase('d');

/**
 * Claims on PostgreSQL: one statement, so the row locks last only as long as the claim itself. Ordered by `due_at`
 * alone so the partial index on pending deadlines serves it without sorting the whole backlog.
 */
const PG_CLAIM = `WITH due AS (
    SELECT id FROM deadlines
    WHERE status = 'pending' AND due_at <= :now AND (claimed_until IS NULL OR claimed_until < :wall)
    ORDER BY due_at LIMIT :limit
    FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE deadlines d SET claimed_by = :worker, claimed_until = :until FROM due WHERE d.id = due.id RETURNING d.*)
  SELECT ${withCase('claimed')} FROM claimed JOIN cases c ON c.id = claimed.case_id
  ORDER BY claimed.due_at`;

const SQLITE_CLAIMABLE = `SELECT id FROM deadlines
  WHERE status = 'pending' AND due_at <= :now AND (claimed_until IS NULL OR claimed_until < :wall)
  ORDER BY due_at LIMIT :limit`;

const INSERT_NOTIFICATION = `INSERT INTO notifications (id, org_id, roles, case_id, deadline_id, kind, message, created_at, read_at, read_by)
  VALUES (:id, :org_id, :roles, :case_id, :deadline_id, :kind, :message, :created_at, NULL, NULL)
  ON CONFLICT (deadline_id, kind) DO NOTHING RETURNING id`;

/**
 * The deadlines table as the worker and the deadline lists use it. Claims are leases: `claimed_until` is wall-clock
 * time, while `due_at` is compared with the engine clock (which a test may have moved).
 */
export class SqlDeadlineStore extends DeadlineStore {
  constructor(private readonly db: Db) {
    super();
  }

  async claimDue(now: Date, worker: string, leaseUntil: Date, limit: number): Promise<DeadlineWithCase[]> {
    const wall = new Date();
    if (this.db.dialect === 'postgres') {
      const rows = await this.db.query(PG_CLAIM, { now, wall, limit, worker, until: leaseUntil });
      return rows.map(toDeadlineWithCase);
    }
    // SQLite: BEGIN IMMEDIATE takes the database's write lock, so claims of several processes are serialised.
    return this.db.transaction(async (tx) => {
      const ids = (await tx.query<{ id: string }>(SQLITE_CLAIMABLE, { now, wall, limit })).map((r) => r.id);
      if (!ids.length) return [];
      await tx.execute('UPDATE deadlines SET claimed_by = :worker, claimed_until = :until WHERE id IN (:...ids)', { worker, until: leaseUntil, ids });
      const rows = await tx.query(`SELECT ${WITH_CASE} FROM deadlines d JOIN cases c ON c.id = d.case_id WHERE d.id IN (:...ids) ORDER BY d.due_at, d.id`, { ids });
      return rows.map(toDeadlineWithCase);
    });
  }

  async markMissed(ids: string[], at: Date): Promise<string[]> {
    if (!ids.length) return [];
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; case_id: string }>(
        `UPDATE deadlines SET status = 'missed', closed_at = :at, fired_at = COALESCE(fired_at, :at), fire_outcome = 'missed', claimed_until = NULL
         WHERE id IN (:...ids) AND status = 'pending' RETURNING id, case_id`,
        { ids, at },
      );
      await moveDeadlineRevision(tx, rows.map((r) => r.case_id));
      return rows.map((r) => r.id);
    });
  }

  async closeUnfired(id: string, at: Date, outcome: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ case_id: string }>(
        `UPDATE deadlines SET status = 'missed', closed_at = :at, fired_at = COALESCE(fired_at, :at), fire_outcome = :outcome, claimed_until = NULL
         WHERE id = :id AND status = 'pending' RETURNING case_id`,
        { id, at, outcome: outcome.slice(0, 2000) },
      );
      await moveDeadlineRevision(tx, rows.map((r) => r.case_id));
      return rows.length === 1;
    });
  }

  async recordFailure(id: string, error: string, retryAfter: Date): Promise<number> {
    const rows = await this.db.query<{ fire_attempts: number }>(
      'UPDATE deadlines SET fire_attempts = fire_attempts + 1, fire_outcome = :error, claimed_until = :retryAfter WHERE id = :id RETURNING fire_attempts',
      { id, error: error.slice(0, 2000), retryAfter },
    );
    return Number(rows[0]?.fire_attempts ?? 0);
  }

  async release(ids: string[]): Promise<void> {
    if (ids.length) await this.db.execute('UPDATE deadlines SET claimed_by = NULL, claimed_until = NULL WHERE id IN (:...ids)', { ids });
  }

  async dueForReminder(now: Date, before: Date, limit: number): Promise<DeadlineWithCase[]> {
    const rows = await this.db.query(
      `SELECT ${WITH_CASE} FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'pending' AND d.reminded_at IS NULL AND d.due_at > :now AND d.due_at <= :before
       ORDER BY d.due_at LIMIT :limit`,
      { now, before, limit },
    );
    return rows.map(toDeadlineWithCase);
  }

  async missedUnescalated(limit: number): Promise<DeadlineWithCase[]> {
    const rows = await this.db.query(
      `SELECT ${WITH_CASE} FROM deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'missed' AND d.escalated_at IS NULL AND ${this.db.dialect === 'postgres' ? 'd.soft' : 'd.soft = 1'}
       ORDER BY d.closed_at LIMIT :limit`,
      { limit },
    );
    return rows.map(toDeadlineWithCase);
  }

  async notify(kind: NotificationKind, items: PendingNotification[], at: Date): Promise<Notification[]> {
    if (!items.length) return [];
    const column = kind === 'REMINDER' ? 'reminded_at' : 'escalated_at';
    return this.db.transaction(async (tx) => {
      const stamped = await tx.query<{ id: string }>(`UPDATE deadlines SET ${column} = :at WHERE id IN (:...ids) AND ${column} IS NULL RETURNING id`, {
        at,
        ids: items.map((i) => i.deadlineId),
      });
      const mine = new Set(stamped.map((r) => r.id));
      const created: Notification[] = [];
      for (const { deadlineId, notification: n } of items) {
        if (!n || !mine.has(deadlineId)) continue;
        const rows = await tx.query(INSERT_NOTIFICATION, {
          id: n.id,
          org_id: n.orgId,
          roles: storedRoles(n.roles),
          case_id: n.caseId,
          deadline_id: n.deadlineId,
          kind: n.kind,
          message: n.message,
          created_at: n.createdAt,
        });
        if (rows.length) created.push(n);
      }
      return created;
    });
  }

  async paused(): Promise<DeadlineRecord[]> {
    return (await this.db.query(`SELECT * FROM deadlines WHERE status = 'pending' AND due_at = :paused`, { paused: PAUSED_DUE_AT })).map(toDeadline);
  }

  async recomputable(years: number[]): Promise<DeadlineRecord[]> {
    const params: Params = { yes: true };
    let crossing = '';
    if (years.length) {
      crossing = ' OR (substr(anchor_on, 1, 4) <= :maxYear AND substr(due_on, 1, 4) >= :minYear)';
      params.minYear = String(Math.min(...years));
      params.maxYear = String(Math.max(...years));
    }
    return (await this.db.query(`SELECT * FROM deadlines WHERE status = 'pending' AND (provisional = :yes${crossing}) ORDER BY id`, params)).map(toDeadline);
  }

  async applyRecomputed(updates: (DeadlineUpdate & { previous: { dueOn: string; dueAt: string } })[]): Promise<string[]> {
    const written: string[] = [];
    for (let i = 0; i < updates.length; i += 200) {
      const batch = updates.slice(i, i + 200);
      await this.db.transaction(async (tx: DbTx) => {
        for (const u of batch) {
          const rows = await tx.query<{ case_id: string }>(
            `UPDATE deadlines SET due_on = :dueOn, due_at = :dueAt, provisional = :provisional
             WHERE id = :id AND status = 'pending' AND due_on = :prevDueOn AND due_at = :prevDueAt RETURNING case_id`,
            { id: u.id, dueOn: u.dueOn, dueAt: u.dueAt, provisional: u.provisional, prevDueOn: u.previous.dueOn, prevDueAt: u.previous.dueAt },
          );
          if (rows.length === 1) written.push(u.id);
          await moveDeadlineRevision(tx, rows.map((r) => r.case_id));
        }
      });
    }
    return written;
  }

  async list(filter: DeadlineListFilter, now: Date): Promise<DeadlinePage> {
    // Conditions on the deadline row named `d` (or `e`, when the nearest deadline of a case is looked for) and its case `c`.
    const where: Condition[] = [];
    const params: Params = {};
    const v = filter.visibility;
    if (v.kind === 'region') (where.push({ sql: () => 'c.region_code LIKE :regionPrefix', readsCase: true }), (params.regionPrefix = `${v.prefix}%`));
    if (v.kind === 'orgs') (where.push({ sql: (d) => `${d}.org_id IN (:...visibleOrgs)` }), (params.visibleOrgs = v.orgIds));
    if (filter.orgIds) {
      if (!filter.orgIds.length) return { items: [], total: 0, totalCapped: false };
      where.push({ sql: (d) => `${d}.org_id IN (:...orgIds)` });
      params.orgIds = filter.orgIds;
    }
    if (filter.caseId) (where.push({ sql: (d) => `${d}.case_id = :caseId` }), (params.caseId = filter.caseId));
    if (filter.dueBy) (where.push({ sql: (d) => `${d}.status = 'pending' AND ${d}.due_on <= :dueBy` }), (params.dueBy = filter.dueBy));
    const paging = { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize };
    const countLimit = filter.countLimit === undefined ? undefined : Math.max(filter.countLimit, paging.offset + paging.limit);
    if (filter.overdue !== undefined) params.now = now;
    // The overdue parts are each of one status already.
    if (filter.overdue === true && !filter.perCase) return this.overdue(where, params, filter, paging, countLimit);
    if (filter.status) (where.push({ sql: (d) => `${d}.status = :status` }), (params.status = filter.status));
    const overdue = (d: string) => `((${d}.status = 'pending' AND ${d}.due_at <= :now) OR ${this.missedInSpan(d)})`;
    if (filter.overdue !== undefined) where.push({ sql: (d) => (filter.overdue ? overdue(d) : `NOT ${overdue(d)}`) });
    const from = `FROM deadlines d JOIN cases c ON c.id = d.case_id ${whereClause(where, 'd')}`;
    if (filter.perCase) {
      // A case with two deadlines near counts once and shows the one due first, as 已逾期 counts cases: a deadline is
      // listed when no other matching deadline of its case is due before it. Read in the page's order, this stops
      // after the page instead of ranking every match of every case.
      const nearest: Condition = {
        sql: () => `NOT EXISTS (SELECT 1 FROM deadlines e WHERE e.case_id = d.case_id${where.map((w) => ` AND ${w.sql('e')}`).join('')}
          AND (e.due_at < d.due_at OR (e.due_at = d.due_at AND e.id < d.id)))`,
      };
      // Counted the same way, one row per case, so that a capped count stops where a distinct count reads every match.
      const [count, rows] = await Promise.all([
        this.count([[...where, nearest]], params, countLimit),
        this.db.query(
          `SELECT ${WITH_CASE} FROM deadlines d JOIN cases c ON c.id = d.case_id ${whereClause([...where, nearest], 'd')} ORDER BY d.due_on, d.id LIMIT :limit OFFSET :offset`,
          { ...params, ...paging },
        ),
      ]);
      return { items: rows.map(toDeadlineWithCase), ...count };
    }
    const [count, rows] = await Promise.all([
      this.count([where], params, countLimit),
      this.db.query(`SELECT ${WITH_CASE} ${from} ORDER BY d.due_on, d.id LIMIT :limit OFFSET :offset`, { ...params, ...paging }),
    ]);
    return { items: rows.map(toDeadlineWithCase), ...count };
  }

  /**
   * The deadlines matching any of the disjoint `parts`, each counted only to `limit` + 1 when a limit is given, so a
   * count costs at most that many index entries a part however many deadlines match.
   */
  private async count(parts: Condition[][], params: Params, limit: number | undefined): Promise<{ total: number; totalCapped: boolean }> {
    const counts = parts.map((p, i) => {
      const rows = `FROM deadlines d${joinedCase(p)} ${whereClause(p, 'd')}`;
      return limit === undefined ? `(SELECT count(*) ${rows})` : `(SELECT count(*) FROM (SELECT 1 ${rows} LIMIT :countUpTo) n${i})`;
    });
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT ${counts.join(' + ')} AS total`, { ...params, countUpTo: (limit ?? 0) + 1 });
    const n = Number(total);
    return limit !== undefined && n > limit ? { total: limit, totalCapped: true } : { total: n, totalCapped: false };
  }

  /**
   * Overdue deadlines as their two disjoint parts, pending past due and missed within their span, so that each part
   * walks its own partial index in the page's order (migration 1765000000000) and stops after the page, where their
   * OR reads and sorts every overdue deadline. A part the other filters rule out is left out.
   */
  private async overdue(where: Condition[], params: Params, filter: DeadlineListFilter, paging: { limit: number; offset: number }, countLimit?: number): Promise<DeadlinePage> {
    const parts: Condition[][] = [];
    if (!filter.status || filter.status === 'pending') parts.push([...where, { sql: (d) => `${d}.status = 'pending' AND ${d}.due_at <= :now` }]);
    if ((!filter.status || filter.status === 'missed') && !filter.dueBy) parts.push([...where, { sql: (d) => this.missedInSpan(d) }]);
    if (!parts.length) return { items: [], total: 0, totalCapped: false };
    const firsts = parts.map(
      (p, i) => `SELECT * FROM (SELECT ${WITH_CASE} FROM deadlines d JOIN cases c ON c.id = d.case_id ${whereClause(p, 'd')} ORDER BY d.due_on, d.id LIMIT :upTo) p${i}`,
    );
    const [count, rows] = await Promise.all([
      this.count(parts, params, countLimit),
      this.db.query(`SELECT * FROM (${firsts.join(' UNION ALL ')}) x ORDER BY x.due_on, x.id LIMIT :limit OFFSET :offset`, {
        ...params,
        ...paging,
        upTo: paging.offset + paging.limit,
      }),
    ]);
    return { items: rows.map(toDeadlineWithCase), ...count };
  }

  /**
   * A missed deadline counts as overdue while its open case is still in the states it covers (a service target),
   * which triggers keep on the deadline row (migration 1765000400000), as its partial index's predicate.
   */
  private missedInSpan(d: string): string {
    return this.db.dialect === 'postgres' ? `${d}.missed_in_span` : `${d}.missed_in_span = 1`;
  }
}

interface Condition {
  /** The condition on the deadline row of that name. */
  sql: (deadline: string) => string;
  readsCase?: boolean;
}

/** Every deadline has its case (a foreign key), so a count reads the case only where a condition is on it. */
function joinedCase(conditions: Condition[]): string {
  return conditions.some((c) => c.readsCase) ? ' JOIN cases c ON c.id = d.case_id' : '';
}

function whereClause(conditions: Condition[], deadline: string): string {
  return conditions.length ? `WHERE ${conditions.map((c) => c.sql(deadline)).join(' AND ')}` : '';
}


function toDeadlineWithCase(r: Record<string, any>): DeadlineWithCase {
  return {
    ...toDeadline(r),
    fireAttempts: Number(r.fire_attempts ?? 0),
    fireOutcome: r.fire_outcome ?? null,
    case: {
      id: r.case_id,
      caseNo: r.c_case_no,
      workflowId: r.c_workflow_id,
      workflowVersion: Number(r.c_workflow_version),
      state: r.c_state,
      closed: readBool(r.c_closed),
      orgId: r.c_org_id,
      regionCode: r.c_region_code,
    },
  };
}

/**
 * A deadline changed outside a case commit: move the case's deadline revision in the same transaction, so a write
 * decided on a copy of the case read before the change is refused by its conditional update (see RecentCases).
 */
async function moveDeadlineRevision(tx: Pick<DbTx, 'execute'>, caseIds: string[]): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length) await tx.execute('UPDATE cases SET deadlines_rev = deadlines_rev + 1 WHERE id IN (:...ids)', { ids });
}
