import { PasswordHistoryStore } from '@app/organisations';
import type { Db } from '../db/db';

export class SqlPasswordHistoryStore extends PasswordHistoryStore {
  constructor(private readonly db: Db) {
    super();
  }

  async latest(userId: string, limit: number): Promise<string[]> {
    if (limit <= 0) return [];
    const [current] = await this.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = :userId', { userId });
    if (!current) return [];
    const earlier = limit > 1 ? await this.db.query<{ password_hash: string }>('SELECT password_hash FROM password_history WHERE user_id = :userId ORDER BY id DESC LIMIT :limit', { userId, limit: limit - 1 }) : [];
    return [current.password_hash, ...earlier.map((r) => r.password_hash)];
  }

  async replace(userId: string, passwordHash: string, keep: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Locked on PostgreSQL, so two changes at once cannot both file the same hash as the replaced one.
      const lock = this.db.dialect === 'postgres' ? ' FOR UPDATE' : '';
      const [current] = await tx.query<{ password_hash: string }>(`SELECT password_hash FROM users WHERE id = :userId${lock}`, { userId });
      if (!current) return false;
      await tx.execute('INSERT INTO password_history (user_id, password_hash, replaced_at) VALUES (:userId, :old, :at)', { userId, old: current.password_hash, at: new Date() });
      await tx.execute('UPDATE users SET password_hash = :passwordHash WHERE id = :userId', { userId, passwordHash });
      // Old hashes are still secrets of a kind: keep no more than the rule needs.
      await tx.execute(
        `DELETE FROM password_history WHERE user_id = :userId AND id NOT IN (
           SELECT id FROM password_history WHERE user_id = :userId ORDER BY id DESC LIMIT :keep)`,
        { userId, keep },
      );
      return true;
    });
  }
}
