import { SecurityEventStore, type SecurityChainHead, type SecurityEventRecord, type SecurityLogFilter, type SecurityLogPage, type SecurityLogReader } from '@app/audit';
import { readInstant, readJson, readOptionalInstant, type Db, type DbTx, type Params } from '../db/db';

const COLUMNS = 'chain_key, seq, at, kind, actor_id, username, ip, case_id, subject_id, detail, prev_at, algorithm, prev_hash, hash';
const HEAD_COLUMNS = 'chain_key, last_seq, last_at, last_hash, first_seq, count';

export class SqlSecurityEventStore extends SecurityEventStore {
  private readonly pg: boolean;

  constructor(private readonly db: Db) {
    super();
    this.pg = db.dialect === 'postgres';
  }

  async head(chainKey: string): Promise<SecurityChainHead | null> {
    const [row] = await this.db.query(`SELECT ${HEAD_COLUMNS} FROM security_heads WHERE chain_key = :chainKey`, { chainKey });
    return row ? toHead(row) : null;
  }

  append(r: SecurityEventRecord): Promise<boolean> {
    const cast = (name: string, type: string) => (this.pg ? `:${name}::${type}` : `:${name}`);
    return this.db.transaction(async (tx) => {
      // The head moves first: its row lock makes a racing append of the same chain wait here, then find it moved.
      const moved =
        r.seq === 1
          ? await tx.execute(
              `INSERT INTO security_heads (${HEAD_COLUMNS}) VALUES (:chainKey, 1, ${cast('at', 'timestamptz')}, :hash, 1, 1) ON CONFLICT (chain_key) DO NOTHING`,
              { chainKey: r.chainKey, at: r.at, hash: r.hash },
            )
          : await tx.execute(
              `UPDATE security_heads SET last_seq = :seq, last_at = ${cast('at', 'timestamptz')}, last_hash = :hash, count = count + 1
               WHERE chain_key = :chainKey AND last_seq = :prevSeq AND last_hash = :prevHash`,
              { ...r, prevSeq: r.seq - 1 },
            );
      if (moved !== 1) return false;
      await tx.execute(
        `INSERT INTO security_events (${COLUMNS})
         VALUES (:chainKey, :seq, ${cast('at', 'timestamptz')}, :kind, :actorId, :username, :ip, :caseId, :subjectId, ${cast('detail', 'jsonb')}, ${cast('prevAt', 'timestamptz')}, :algorithm, :prevHash, :hash)`,
        { ...r, detail: this.db.json(r.detail) },
      );
      return true;
    });
  }

  async heads(): Promise<SecurityChainHead[]> {
    return (await this.db.query(`SELECT ${HEAD_COLUMNS} FROM security_heads ORDER BY chain_key`)).map(toHead);
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

  snapshot<T>(work: (reader: SecurityLogReader) => Promise<T>): Promise<T> {
    return this.db.transaction(
      (tx) => work({ page: (after, limit) => chainPage(tx, after, limit), heads: async () => (await tx.query(`SELECT ${HEAD_COLUMNS} FROM security_heads ORDER BY chain_key`)).map(toHead) }),
      { snapshot: true },
    );
  }

  purge(before: string): Promise<number> {
    const cutoff = this.pg ? ':before::timestamptz' : ':before';
    return this.db.transaction(async (tx) => {
      // Only a chain's oldest links go, so a link recorded under a clock set back never leaves a hole behind it.
      const deleted = await tx.query<{ chain_key: string; seq: number }>(
        `DELETE FROM security_events WHERE at < ${cutoff}
           AND NOT EXISTS (SELECT 1 FROM security_events o WHERE o.chain_key = security_events.chain_key AND o.seq < security_events.seq AND o.at >= ${cutoff})
         RETURNING chain_key, seq`,
        { before },
      );
      const byChain = new Map<string, { n: number; last: number }>();
      for (const row of deleted) {
        const chain = byChain.get(row.chain_key) ?? { n: 0, last: 0 };
        byChain.set(row.chain_key, { n: chain.n + 1, last: Math.max(chain.last, Number(row.seq)) });
      }
      // Relative updates, so an append committing meanwhile (count + 1) is not overwritten.
      for (const [chainKey, { n, last }] of byChain) {
        await tx.execute(
          `UPDATE security_heads SET first_seq = CASE WHEN first_seq > :next THEN first_seq ELSE :next END, count = CASE WHEN count > :n THEN count - :n ELSE 0 END WHERE chain_key = :chainKey`,
          { chainKey, n, next: last + 1 },
        );
      }
      return deleted.length;
    });
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

function toHead(r: Record<string, any>): SecurityChainHead {
  return { chainKey: r.chain_key, seq: Number(r.last_seq), at: readInstant(r.last_at), hash: r.last_hash, firstSeq: Number(r.first_seq), count: Number(r.count) };
}
