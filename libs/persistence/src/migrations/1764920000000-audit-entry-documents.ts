import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents an audit entry's event produced, by kind and SHA-256 (e.g. the 人民调解协议书 of a signature). Null on
 * every entry that produced none, which is every entry written before this column existed.
 */
export class AuditEntryDocuments1764920000000 implements MigrationInterface {
  name = 'AuditEntryDocuments1764920000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(`ALTER TABLE audit_entries ADD COLUMN documents ${pg ? 'jsonb' : 'text'}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE audit_entries DROP COLUMN documents');
  }
}
