import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Hash partitions of audit_entries on PostgreSQL; changing the count means rewriting the table, so it is fixed here. */
export const AUDIT_PARTITIONS = 16;

/**
 * On PostgreSQL, audit_entries becomes a table partitioned by hash of case_id (docs/audit-verification.md says why
 * by case rather than by time): a case's whole chain lives in one partition, so its history is one index scan there
 * and the primary key (case_id, seq) stays a real constraint. The rows move in the migration's transaction; the
 * indexes, the append-only triggers and the webhook feed trigger are recreated on the parent, where PostgreSQL
 * clones the row triggers onto every partition. TRUNCATE is refused on each partition too, since a partition can be
 * truncated on its own. SQLite keeps one table.
 */
export class PartitionAuditEntries1764970000100 implements MigrationInterface {
  name = 'PartitionAuditEntries1764970000100';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'postgres') return;
    await rebuild(runner, true);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'postgres') return;
    await rebuild(runner, false);
  }
}

async function rebuild(runner: QueryRunner, partitioned: boolean): Promise<void> {
  const q = (sql: string) => runner.query(sql);
  // Nothing may append while the rows move: an entry written to the old table now would be lost with it.
  await q('LOCK TABLE audit_entries IN ACCESS EXCLUSIVE MODE');
  await q('ALTER TABLE audit_entries RENAME TO audit_entries_old');
  // Index and constraint names live in the schema's namespace: free them for the new table.
  await q('ALTER TABLE audit_entries_old RENAME CONSTRAINT audit_entries_pkey TO audit_entries_old_pkey');
  for (const index of ['audit_entries_follow_up', 'audit_entries_to_state']) await q(`DROP INDEX ${index}`);

  await q(`CREATE TABLE audit_entries (LIKE audit_entries_old INCLUDING DEFAULTS)${partitioned ? ' PARTITION BY HASH (case_id)' : ''}`);
  if (partitioned) {
    for (let i = 0; i < AUDIT_PARTITIONS; i++) {
      await q(`CREATE TABLE ${partitionName(i)} PARTITION OF audit_entries FOR VALUES WITH (MODULUS ${AUDIT_PARTITIONS}, REMAINDER ${i})`);
    }
  }
  await q('INSERT INTO audit_entries SELECT * FROM audit_entries_old');
  await q('DROP TABLE audit_entries_old');

  await q('ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_pkey PRIMARY KEY (case_id, seq)');
  await q('ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id)');
  await q("CREATE INDEX audit_entries_follow_up ON audit_entries (case_id) WHERE type = 'RECORD_FOLLOW_UP'");
  await q('CREATE INDEX audit_entries_to_state ON audit_entries (to_state, case_id)');

  await q('CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()');
  await q('CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()');
  if (partitioned) {
    for (let i = 0; i < AUDIT_PARTITIONS; i++) {
      await q(`CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON ${partitionName(i)} FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
    }
  }
  await q('CREATE TRIGGER webhook_feed_note AFTER INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION webhook_feed_note()');
  await q('ANALYZE audit_entries');
}

function partitionName(i: number): string {
  return `audit_entries_p${String(i).padStart(2, '0')}`;
}
