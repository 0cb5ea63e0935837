import { LoginThrottleStore, type ThrottleKey, type ThrottleKind, type ThrottleLock, type ThrottleRule } from '@app/organisations';
import { readInstant, readOptionalInstant, type Db } from '../db/db';

export class SqlLoginThrottleStore extends LoginThrottleStore {
  private readonly recordSql: string;

  constructor(private readonly db: Db) {
    super();
    // PostgreSQL cannot infer the type of a parameter that only a CASE returns.
    const at = (name: string) => (db.dialect === 'postgres' ? `:${name}::timestamptz` : `:${name}`);
    const fresh = `(t.window_started_at <= ${at('windowStart')} OR (t.locked_until IS NOT NULL AND t.locked_until <= ${at('now')}))`;
    const failures = `CASE WHEN ${fresh} THEN 1 ELSE t.failures + 1 END`;
    this.recordSql = `INSERT INTO login_throttle AS t (kind, subject, failures, window_started_at, locked_until)
       VALUES (:kind, :subject, 1, ${at('now')}, CASE WHEN 1 >= :maxFailures THEN ${at('lockUntil')} ELSE NULL END)
       ON CONFLICT (kind, subject) DO UPDATE SET
         failures = ${failures},
         window_started_at = CASE WHEN ${fresh} THEN ${at('now')} ELSE t.window_started_at END,
         locked_until = CASE WHEN ${failures} >= :maxFailures THEN ${at('lockUntil')} WHEN ${fresh} THEN NULL ELSE t.locked_until END
       RETURNING locked_until`;
  }

  async locks(keys: ThrottleKey[], now: Date): Promise<ThrottleLock[]> {
    const byKind = new Map<ThrottleKind, string[]>();
    for (const key of keys) byKind.set(key.kind, [...(byKind.get(key.kind) ?? []), key.subject]);
    const at = this.db.dialect === 'postgres' ? ':now::timestamptz' : ':now';
    const rows = await Promise.all(
      [...byKind].map(([kind, subjects]) =>
        this.db.query<{ subject: string; locked_until: unknown }>(`SELECT subject, locked_until FROM login_throttle WHERE kind = :kind AND subject IN (:...subjects) AND locked_until > ${at}`, { kind, subjects, now }).then((found) =>
          found.map((r) => ({ kind, subject: r.subject, lockedUntil: new Date(readInstant(r.locked_until)) })),
        ),
      ),
    );
    return rows.flat();
  }

  async recordFailure(key: ThrottleKey, rule: ThrottleRule, now: Date): Promise<Date | null> {
    const [row] = await this.db.query<{ locked_until: unknown }>(this.recordSql, {
      kind: key.kind,
      subject: key.subject,
      now,
      windowStart: new Date(now.getTime() - rule.windowMs),
      lockUntil: new Date(now.getTime() + rule.lockMs),
      maxFailures: rule.maxFailures,
    });
    const lockedUntil = readOptionalInstant(row?.locked_until);
    return lockedUntil ? new Date(lockedUntil) : null;
  }

  async clear(key: ThrottleKey): Promise<void> {
    await this.db.execute('DELETE FROM login_throttle WHERE kind = :kind AND subject = :subject', { kind: key.kind, subject: key.subject });
  }

  async purge(staleBefore: Date, now: Date): Promise<number> {
    const at = (name: string) => (this.db.dialect === 'postgres' ? `:${name}::timestamptz` : `:${name}`);
    return this.db.execute(`DELETE FROM login_throttle WHERE window_started_at <= ${at('staleBefore')} AND (locked_until IS NULL OR locked_until <= ${at('now')})`, { staleBefore, now });
  }
}
