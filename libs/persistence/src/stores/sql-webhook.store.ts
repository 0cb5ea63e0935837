import {
  WebhookStore,
  type AttemptOutcome,
  type ClaimedDelivery,
  type DeliveryFilter,
  type NewWebhookDelivery,
  type NotedCaseEvent,
  type WebhookDelivery,
  type WebhookSubscription,
  type WebhookSubscriptionChanges,
  type WebhookSubscriptionWithSecret,
} from '@app/cases';
import { readBool, readInstant, readJson, readOptionalInstant, type Db, type DbTx } from '../db/db';

const NOTED = `SELECT f.case_id, f.seq, a.type, a.from_state, a.to_state, a.at, c.case_no, c.workflow_id, c.org_id
  FROM webhook_feed f JOIN audit_entries a ON a.case_id = f.case_id AND a.seq = f.seq JOIN cases c ON c.id = f.case_id
  ORDER BY a.at, f.case_id, f.seq LIMIT :limit`;

const DUE = `SELECT id FROM webhook_deliveries
  WHERE state = 'pending' AND next_attempt_at <= :now AND (claimed_until IS NULL OR claimed_until < :wall)
  ORDER BY next_attempt_at LIMIT :limit`;

const WITH_SUBSCRIPTION = 'd.*, s.url, s.secret FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id';

/** Claims on PostgreSQL: one statement, so row locks last only as long as the claim, and SKIP LOCKED parts processes. */
const PG_CLAIM = `WITH due AS (${DUE} FOR UPDATE SKIP LOCKED),
  claimed AS (UPDATE webhook_deliveries w SET claimed_until = :until FROM due WHERE w.id = due.id RETURNING w.*)
  SELECT ${WITH_SUBSCRIPTION.replace('webhook_deliveries d', 'claimed d')} ORDER BY d.next_attempt_at`;

export class SqlWebhookStore extends WebhookStore {
  constructor(private readonly db: Db) {
    super();
  }

  async createSubscription(s: WebhookSubscriptionWithSecret): Promise<void> {
    const json = this.db.json;
    await this.db.execute(
      `INSERT INTO webhook_subscriptions (id, name, url, secret, workflow_ids, org_ids, include_sub_orgs, event_types, active, created_by, created_at, updated_at)
       VALUES (:id, :name, :url, :secret, :workflowIds, :orgIds, :includeSubOrgs, :eventTypes, :active, :createdBy, :createdAt, :updatedAt)`,
      { ...s, workflowIds: json(s.workflowIds), orgIds: json(s.orgIds), eventTypes: json(s.eventTypes) },
    );
  }

  async updateSubscription(id: string, changes: WebhookSubscriptionChanges, at: Date): Promise<WebhookSubscription | null> {
    const columns: Record<keyof WebhookSubscriptionChanges, [string, (v: any) => unknown]> = {
      name: ['name', (v) => v],
      url: ['url', (v) => v],
      workflowIds: ['workflow_ids', (v) => this.db.json(v)],
      orgIds: ['org_ids', (v) => this.db.json(v)],
      includeSubOrgs: ['include_sub_orgs', (v) => v],
      eventTypes: ['event_types', (v) => this.db.json(v)],
      active: ['active', (v) => v],
    };
    const sets = ['updated_at = :at'];
    const params: Record<string, unknown> = { id, at };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      const [column, write] = columns[key as keyof WebhookSubscriptionChanges];
      sets.push(`${column} = :${key}`);
      params[key] = write(value);
    }
    if ((await this.db.execute(`UPDATE webhook_subscriptions SET ${sets.join(', ')} WHERE id = :id`, params)) !== 1) return null;
    return this.subscription(id);
  }

  async deleteSubscription(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.execute('DELETE FROM webhook_deliveries WHERE subscription_id = :id', { id });
      return (await tx.execute('DELETE FROM webhook_subscriptions WHERE id = :id', { id })) === 1;
    });
  }

  async subscriptions(): Promise<WebhookSubscription[]> {
    return (await this.db.query('SELECT * FROM webhook_subscriptions ORDER BY created_at, id')).map(toSubscription);
  }

  async subscription(id: string): Promise<WebhookSubscription | null> {
    const [row] = await this.db.query('SELECT * FROM webhook_subscriptions WHERE id = :id', { id });
    return row ? toSubscription(row) : null;
  }

  async activeSubscriptionCount(): Promise<number> {
    const [row] = await this.db.query('SELECT count(*) AS n FROM webhook_subscriptions WHERE active = :yes', { yes: true });
    return Number(row.n);
  }

  async fanOut(limit: number, plan: (events: NotedCaseEvent[], subscriptions: WebhookSubscriptionWithSecret[]) => NewWebhookDelivery[]): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query(this.db.dialect === 'postgres' ? `${NOTED} FOR UPDATE OF f SKIP LOCKED` : NOTED, { limit });
      if (!rows.length) return 0;
      const subscriptions = (await tx.query('SELECT * FROM webhook_subscriptions WHERE active = :yes', { yes: true })).map((r) => ({ ...toSubscription(r), secret: String(r.secret) }));
      for (const d of plan(rows.map(toNotedEvent), subscriptions)) await insertDelivery(tx, this.db, d);
      for (const r of rows) await tx.execute('DELETE FROM webhook_feed WHERE case_id = :caseId AND seq = :seq', { caseId: r.case_id, seq: Number(r.seq) });
      return rows.length;
    });
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    const wall = new Date();
    if (this.db.dialect === 'postgres') return (await this.db.query(PG_CLAIM, { now, wall, limit, until: leaseUntil })).map(toClaimed);
    return this.db.transaction(async (tx) => {
      const ids = (await tx.query<{ id: string }>(DUE, { now, wall, limit })).map((r) => r.id);
      if (!ids.length) return [];
      await tx.execute('UPDATE webhook_deliveries SET claimed_until = :until WHERE id IN (:...ids)', { until: leaseUntil, ids });
      return (await tx.query(`SELECT ${WITH_SUBSCRIPTION} WHERE d.id IN (:...ids) ORDER BY d.next_attempt_at`, { ids })).map(toClaimed);
    });
  }

  async recordAttempt(id: string, attempts: number, outcome: AttemptOutcome): Promise<boolean> {
    const common = { id, attempts, at: outcome.at, status: outcome.status };
    const guard = "WHERE id = :id AND attempts = :attempts AND state = 'pending'";
    if (outcome.ok) {
      const sql = `UPDATE webhook_deliveries SET state = 'delivered', attempts = attempts + 1, last_attempt_at = :at, last_status = :status, last_error = NULL, delivered_at = :at, claimed_until = NULL ${guard}`;
      return (await this.db.execute(sql, common)) === 1;
    }
    const sql = `UPDATE webhook_deliveries SET state = :state, attempts = attempts + 1, last_attempt_at = :at, last_status = :status, last_error = :error,
      next_attempt_at = :next, claimed_until = NULL ${guard}`;
    const params = { ...common, state: outcome.nextAttemptAt ? 'pending' : 'failed', error: outcome.error.slice(0, 2000), next: outcome.nextAttemptAt ?? outcome.at };
    return (await this.db.execute(sql, params)) === 1;
  }

  async deliveries(filter: DeliveryFilter): Promise<{ items: WebhookDelivery[]; total: number }> {
    const where: string[] = [];
    if (filter.state) where.push('state = :state');
    if (filter.subscriptionId) where.push('subscription_id = :subscriptionId');
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const params = { state: filter.state, subscriptionId: filter.subscriptionId, limit: filter.limit, offset: filter.offset };
    const [rows, [count]] = await Promise.all([
      this.db.query(`SELECT * FROM webhook_deliveries ${clause} ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset`, params),
      this.db.query(`SELECT count(*) AS n FROM webhook_deliveries ${clause}`, params),
    ]);
    return { items: rows.map(toDelivery), total: Number(count.n) };
  }

  async delivery(id: string): Promise<WebhookDelivery | null> {
    const [row] = await this.db.query('SELECT * FROM webhook_deliveries WHERE id = :id', { id });
    return row ? toDelivery(row) : null;
  }

  async replay(ids: string[] | 'all-failed', now: Date): Promise<string[]> {
    if (Array.isArray(ids) && !ids.length) return [];
    const which = ids === 'all-failed' ? '' : 'AND id IN (:...ids)';
    const rows = await this.db.query<{ id: string }>(
      `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_attempt_at = :now, claimed_until = NULL WHERE state = 'failed' ${which} RETURNING id`,
      { now, ids: ids === 'all-failed' ? [] : ids },
    );
    return rows.map((r) => r.id);
  }
}

async function insertDelivery(tx: DbTx, db: Db, d: NewWebhookDelivery): Promise<void> {
  await tx.execute(
    `INSERT INTO webhook_deliveries (id, subscription_id, case_id, seq, event_type, payload, state, attempts, next_attempt_at, created_at)
     VALUES (:id, :subscriptionId, :caseId, :seq, :eventType, :payload, 'pending', 0, :createdAt, :createdAt)
     ON CONFLICT (subscription_id, case_id, seq) DO NOTHING`,
    { ...d, payload: db.json(d.payload) },
  );
}

function toSubscription(r: Record<string, any>): WebhookSubscription {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    workflowIds: readJson(r.workflow_ids),
    orgIds: readJson(r.org_ids),
    includeSubOrgs: readBool(r.include_sub_orgs),
    eventTypes: readJson(r.event_types),
    active: readBool(r.active),
    createdBy: r.created_by,
    createdAt: readInstant(r.created_at),
    updatedAt: readInstant(r.updated_at),
  };
}

function toNotedEvent(r: Record<string, any>): NotedCaseEvent {
  return { caseId: r.case_id, caseNo: r.case_no, seq: Number(r.seq), type: r.type, fromState: r.from_state ?? null, toState: r.to_state, at: readInstant(r.at), workflowId: r.workflow_id, orgId: r.org_id };
}

function toDelivery(r: Record<string, any>): WebhookDelivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    caseId: r.case_id,
    seq: Number(r.seq),
    eventType: r.event_type,
    payload: readJson(r.payload),
    state: r.state,
    attempts: Number(r.attempts),
    nextAttemptAt: readInstant(r.next_attempt_at),
    lastAttemptAt: readOptionalInstant(r.last_attempt_at),
    lastStatus: r.last_status === null || r.last_status === undefined ? null : Number(r.last_status),
    lastError: r.last_error ?? null,
    createdAt: readInstant(r.created_at),
    deliveredAt: readOptionalInstant(r.delivered_at),
  };
}

function toClaimed(r: Record<string, any>): ClaimedDelivery {
  return { ...toDelivery(r), url: r.url, secret: r.secret };
}
