import { AuditStore, type AuditEntry, type AuditSnapshot } from '@app/audit';
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
    return this.db.transaction((tx) => work(snapshotReader(tx)), { snapshot: true });
  }
}

function snapshotReader(tx: DbTx): AuditSnapshot {
  return {
    async page(after, limit, caseId) {
      const where: string[] = [];
      const params: Record<string, unknown> = { limit };
      if (caseId) (where.push('case_id = :caseId'), (params.caseId = caseId));
      if (after) {
        where.push('(case_id > :afterCase OR (case_id = :afterCase AND seq > :afterSeq))');
        Object.assign(params, { afterCase: after.caseId, afterSeq: after.seq });
      }
      const rows = await tx.query(`SELECT * FROM audit_entries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY case_id, seq LIMIT :limit`, params);
      return rows.map(toAuditEntry);
    },
    async heads(caseId) {
      const rows = await tx.query(`SELECT id, version, head_hash FROM cases ${caseId ? 'WHERE id = :caseId' : ''}`, caseId ? { caseId } : {});
      return rows.map((r) => ({ caseId: r.id, version: Number(r.version), headHash: r.head_hash }));
    },
  };
}
