import { OutboxStore, type OutboxMessage } from '@app/cases';
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
}
