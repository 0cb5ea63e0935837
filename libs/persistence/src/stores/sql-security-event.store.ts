import { SecurityEventStore, type SecurityEventRecord, type SecurityLogFilter, type SecurityLogPage } from '@app/audit';
import { readInstant, readJson, readOptionalInstant, type Db, type DbTx, type Params } from '../db/db';

const COLUMNS = 'chain_key, seq, at, kind, actor_id, username, ip, case_id, subject_id, detail, prev_at, algorithm, prev_hash, hash';

export class SqlSecurityEventStore extends SecurityEventStore {
  private readonly pg: boolean;

  constructor(private readonly db: Db) {
    super();
    this.pg = db.dialect === 'postgres';
  }

  async head(chainKey: string): Promise<{ seq: number; at: string; hash: string } | null> {
    const [row] = await this.db.query('SELECT seq, at, hash FROM security_events WHERE chain_key = :chainKey ORDER BY seq DESC LIMIT 1', { chainKey });
    return row ? { seq: Number(row.seq), at: readInstant(row.at), hash: row.hash } : null;
  }

  async insert(r: SecurityEventRecord): Promise<boolean> {
    const cast = (name: string, type: string) => (this.pg ? `:${name}::${type}` : `:${name}`);
    const changed = await this.db.execute(
      `INSERT INTO security_events (${COLUMNS})
       VALUES (:chainKey, :seq, ${cast('at', 'timestamptz')}, :kind, :actorId, :username, :ip, :caseId, :subjectId, ${cast('detail', 'jsonb')}, ${cast('prevAt', 'timestamptz')}, :algorithm, :prevHash, :hash)
       ON CONFLICT (chain_key, seq) DO NOTHING`,
      { ...r, detail: this.db.json(r.detail) },
    );
    return changed === 1;
  }

  async page(filter: SecurityLogFilter): Promise<SecurityLogPage> {
    const where: string[] = [];
    const params: Params = {};
    const instant = (name: string) => (this.pg ? `:${name}::timestamptz` : `:${name}`);
    if (filter.kind) (where.push('kind = :kind'), (params.kind = filter.kind));
    if (filter.actor) (where.push('(actor_id = :actor OR username = :actor)'), (params.actor = filter.actor));
    if (filter.caseId) (where.push('case_id = :caseId'), (params.caseId = filter.caseId));
    if (filter.from) (where.push(`at >= ${instant('from')}`), (params.from = filter.from));
    if (filter.to) (where.push(`at < ${instant('to')}`), (params.to = filter.to));
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.db.query<{ total: number }>(`SELECT count(*) AS total FROM security_events ${clause}`, params);
    const rows = await this.db.query(`SELECT ${COLUMNS} FROM security_events ${clause} ORDER BY at DESC, chain_key, seq DESC LIMIT :limit OFFSET :offset`, {
      ...params,
      limit: filter.pageSize,
      offset: (filter.page - 1) * filter.pageSize,
    });
    return { items: rows.map(toSecurityEvent), total: Number(total) };
  }

  snapshot<T>(work: (page: (after: { chainKey: string; seq: number } | null, limit: number) => Promise<SecurityEventRecord[]>) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work((after, limit) => chainPage(tx, after, limit)), { snapshot: true });
  }

  purge(before: string): Promise<number> {
    const cutoff = this.pg ? ':before::timestamptz' : ':before';
    // Only a chain's oldest links go, so a link recorded under a clock set back never leaves a hole behind it.
    return this.db.execute(
      `DELETE FROM security_events WHERE at < ${cutoff}
         AND NOT EXISTS (SELECT 1 FROM security_events o WHERE o.chain_key = security_events.chain_key AND o.seq < security_events.seq AND o.at >= ${cutoff})`,
      { before },
    );
  }
}

async function chainPage(tx: DbTx, after: { chainKey: string; seq: number } | null, limit: number): Promise<SecurityEventRecord[]> {
  const rows = after
    ? await tx.query(`SELECT ${COLUMNS} FROM security_events WHERE chain_key > :chainKey OR (chain_key = :chainKey AND seq > :seq) ORDER BY chain_key, seq LIMIT :limit`, { ...after, limit })
    : await tx.query(`SELECT ${COLUMNS} FROM security_events ORDER BY chain_key, seq LIMIT :limit`, { limit });
  return rows.map(toSecurityEvent);
}

function toSecurityEvent(r: Record<string, any>): SecurityEventRecord {
  return {
    chainKey: r.chain_key,
    seq: Number(r.seq),
    at: readInstant(r.at),
    kind: r.kind,
    actorId: r.actor_id ?? null,
    username: r.username ?? null,
    ip: r.ip ?? null,
    caseId: r.case_id ?? null,
    subjectId: r.subject_id ?? null,
    detail: readJson(r.detail),
    prevAt: readOptionalInstant(r.prev_at),
    algorithm: r.algorithm,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
