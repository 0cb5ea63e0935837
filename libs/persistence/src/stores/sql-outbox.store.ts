import { OutboxStore, type OutboxMessage, type UndeliveredOutboxMessage } from '@app/cases';
import { readInstant, readJson, type Db } from '../db/db';

export class SqlOutboxStore extends OutboxStore {
  constructor(private readonly db: Db) {
    super();
  }

  async pending(limit: number, maxAttempts: number): Promise<OutboxMessage[]> {
    const rows = await this.db.query(
      'SELECT * FROM outbox WHERE delivered_at IS NULL AND attempts < :maxAttempts ORDER BY created_at, id LIMIT :limit',
      { limit, maxAttempts },
    );
    return rows.map((r) => ({
      id: r.id,
      targetCaseId: r.target_case_id,
      sourceCaseId: r.source_case_id,
      eventType: r.event_type,
      data: readJson(r.data),
      createdAt: readInstant(r.created_at),
    }));
  }

  async markDelivered(id: string, at: Date): Promise<void> {
    await this.db.execute('UPDATE outbox SET delivered_at = :at, attempts = attempts + 1, last_error = NULL WHERE id = :id', { id, at });
  }

  async markFailed(id: string, error: string, at: Date): Promise<void> {
    void at;
    await this.db.execute('UPDATE outbox SET attempts = attempts + 1, last_error = :error WHERE id = :id', { id, error: error.slice(0, 2000) });
  }

  async stuck(maxAttempts: number, limit: number, offset: number): Promise<{ items: UndeliveredOutboxMessage[]; total: number }> {
    const where = 'WHERE delivered_at IS NULL AND attempts >= :maxAttempts';
    const [rows, [count]] = await Promise.all([
      this.db.query(`SELECT * FROM outbox ${where} ORDER BY created_at, id LIMIT :limit OFFSET :offset`, { maxAttempts, limit, offset }),
      this.db.query(`SELECT count(*) AS n FROM outbox ${where}`, { maxAttempts }),
    ]);
    const items = rows.map((r) => ({
      id: r.id,
      targetCaseId: r.target_case_id,
      sourceCaseId: r.source_case_id,
      eventType: r.event_type,
      data: readJson<Record<string, unknown>>(r.data),
      createdAt: readInstant(r.created_at),
      attempts: Number(r.attempts),
      lastError: r.last_error ?? null,
    }));
    return { items, total: Number(count.n) };
  }

  async release(ids: string[] | 'all-stuck', maxAttempts: number): Promise<string[]> {
    if (Array.isArray(ids) && !ids.length) return [];
    const which = ids === 'all-stuck' ? '' : 'AND id IN (:...ids)';
    const rows = await this.db.query<{ id: string }>(
      `UPDATE outbox SET attempts = 0 WHERE delivered_at IS NULL AND attempts >= :maxAttempts ${which} RETURNING id`,
      { maxAttempts, ids: ids === 'all-stuck' ? [] : ids },
    );
    return rows.map((r) => r.id);
  }
}
