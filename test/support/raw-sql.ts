import type { Db } from '@app/persistence';

/**
 * The database's error message, or 'not refused'. better-sqlite3's native addon loads once per process, so in a Jest
 * worker its errors can belong to an earlier suite's realm, where `rejects.toThrow` does not see them as errors.
 */
export async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { message?: unknown }).message ?? error);
  }
  return 'not refused';
}

/** A timestamp read back from either database, as the ISO text the stores write. */
export function iso(v: unknown): string | null {
  return v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : String(v);
}

/** Puts security-log rows read earlier back as they were, as an insider with the triggers dropped could. */
export async function reinsertSecurityEvents(db: Db, rows: Record<string, any>[]): Promise<void> {
  const detail = db.dialect === 'postgres' ? ':detail::jsonb' : ':detail';
  for (const r of rows) {
    await db.execute(
      `INSERT INTO security_events (chain_key, seq, at, kind, actor_id, username, ip, case_id, subject_id, detail, prev_at, algorithm, prev_hash, hash)
       VALUES (:chain_key, :seq, :at, :kind, :actor_id, :username, :ip, :case_id, :subject_id, ${detail}, :prev_at, :algorithm, :prev_hash, :hash)`,
      { ...r, at: iso(r.at), prev_at: iso(r.prev_at), detail: typeof r.detail === 'string' ? r.detail : JSON.stringify(r.detail) },
    );
  }
}
