import { AuditStore, type AuditEntry, type AuditSizeEstimate, type AuditSnapshot } from '@app/audit';
import type { Db, DbTx } from '../db/db';
import { toAuditEntry } from './row-mappers';

export class SqlAuditStore extends AuditStore {
  constructor(private readonly db: Db) {
    super();
  }

  async history(caseId: string): Promise<AuditEntry[]> {
    return (await this.db.query('SELECT * FROM audit_entries WHERE case_id = :caseId ORDER BY seq', { caseId })).map(toAuditEntry);
  }

  snapshot<T>(work: (reader: AuditSnapshot) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(snapshotReader(tx, this.db.dialect === 'postgres')), { snapshot: true });
  }

  async estimateSize(): Promise<AuditSizeEstimate> {
    if (this.db.dialect === 'postgres') {
      // reltuples of the table, or of its partitions; -1 (never analysed) and 0 fall back to counting.
      const [row] = await this.db.query(
        `SELECT (SELECT sum(greatest(c.reltuples, 0)) FROM pg_class c WHERE c.oid = 'cases'::regclass) AS cases,
                (SELECT sum(greatest(c.reltuples, 0)) FROM pg_class c
                  WHERE c.oid = 'audit_entries'::regclass OR c.oid IN (SELECT inhrelid FROM pg_inherits WHERE inhparent = 'audit_entries'::regclass)) AS entries`,
      );
      const cases = Number(row.cases ?? 0);
      const entries = Number(row.entries ?? 0);
      if (cases > 0 && entries > 0) return { cases: Math.round(cases), entries: Math.round(entries) };
    }
    const [row] = await this.db.query('SELECT (SELECT count(*) FROM cases) AS cases, (SELECT count(*) FROM audit_entries) AS entries');
    return { cases: Number(row.cases), entries: Number(row.entries) };
  }
}

function snapshotReader(tx: DbTx, postgres: boolean): AuditSnapshot {
  const page = async (after: { caseId: string; seq: number } | null, limit: number, caseId?: string) => {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit };
    if (caseId) (where.push('case_id = :caseId'), (params.caseId = caseId));
    if (after) {
      // Row-value comparison: one index range on the primary key, also on every partition.
      where.push('(case_id, seq) > (:afterCase, :afterSeq)');
      Object.assign(params, { afterCase: after.caseId, afterSeq: after.seq });
    }
    const rows = await tx.query(`SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY case_id, seq LIMIT :limit`, params);
    return rows.map(toAuditEntry);
  };
  return {
    page,
    async heads(caseId) {
      const rows = await tx.query(`SELECT id, version, head_hash FROM cases ${caseId ? 'WHERE id = :caseId' : ''}`, caseId ? { caseId } : {});
      return rows.map((r) => ({ caseId: r.id, version: Number(r.version), headHash: r.head_hash }));
    },
    async batch(after, limit, caseId) {
      const entries = await page(after, limit, caseId);
      const ids = new Set(entries.map((e) => e.caseId));
      if (after) ids.add(after.caseId);
      if (ids.size === 0) return { entries, heads: [] };
      // One statement text on PostgreSQL whatever the number of cases, so it is prepared once per connection.
      const sql = postgres ? 'SELECT id, version, head_hash FROM cases WHERE id = ANY(:ids)' : 'SELECT id, version, head_hash FROM cases WHERE id IN (:...ids)';
      const rows = await tx.query(sql, { ids: [...ids] });
      return { entries, heads: rows.map((r) => ({ caseId: r.id, version: Number(r.version), headHash: r.head_hash })) };
    },
    async casesWithoutEntries(limit, caseId) {
      const rows = await tx.query(
        `SELECT c.id FROM cases c WHERE c.version > 0 ${caseId ? 'AND c.id = :caseId' : ''}
           AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.case_id = c.id) ORDER BY c.id LIMIT :limit`,
        caseId ? { caseId, limit } : { limit },
      );
      return rows.map((r) => String(r.id));
    },
  };
}
