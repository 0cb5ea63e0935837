import { SessionStore, type Session, type SessionEndReason } from '@app/organisations';
import { readInstant, readOptionalInstant, type Db } from '../db/db';

export class SqlSessionStore extends SessionStore {
  constructor(private readonly db: Db) {
    super();
  }

  async create(s: Session): Promise<void> {
    await this.db.execute('INSERT INTO sessions (id, user_id, created_at, last_seen_at, ended_at, end_reason) VALUES (:id, :userId, :createdAt, :lastSeenAt, NULL, NULL)', {
      id: s.id,
      userId: s.userId,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    });
  }

  async find(id: string): Promise<Session | null> {
    const [row] = await this.db.query('SELECT * FROM sessions WHERE id = :id', { id });
    if (!row) return null;
    const endedAt = readOptionalInstant(row.ended_at);
    return {
      id: row.id,
      userId: row.user_id,
      createdAt: new Date(readInstant(row.created_at)),
      lastSeenAt: new Date(readInstant(row.last_seen_at)),
      endedAt: endedAt ? new Date(endedAt) : null,
      endReason: (row.end_reason as SessionEndReason | null) ?? null,
    };
  }

  async touch(id: string, at: Date): Promise<boolean> {
    return (await this.db.execute('UPDATE sessions SET last_seen_at = :at WHERE id = :id AND ended_at IS NULL', { id, at })) === 1;
  }

  async end(id: string, reason: SessionEndReason, at: Date): Promise<boolean> {
    return (await this.db.execute('UPDATE sessions SET ended_at = :at, end_reason = :reason WHERE id = :id AND ended_at IS NULL', { id, reason, at })) === 1;
  }

  async endAllOf(userId: string, reason: SessionEndReason, at: Date, keep?: string): Promise<number> {
    return this.db.execute('UPDATE sessions SET ended_at = :at, end_reason = :reason WHERE user_id = :userId AND ended_at IS NULL AND id <> :keep', {
      userId,
      reason,
      at,
      keep: keep ?? '',
    });
  }

  async purge(before: Date): Promise<number> {
    return this.db.execute('DELETE FROM sessions WHERE ended_at < :before OR last_seen_at < :before', { before });
  }
}
