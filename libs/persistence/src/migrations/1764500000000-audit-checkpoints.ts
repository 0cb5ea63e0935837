import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the audit chain. The row is a copy for export: whoever can edit it still cannot sign, so the
 * table needs no append-only trigger to be trusted.
 */
export class AuditCheckpoints1764500000000 implements MigrationInterface {
  name = 'AuditCheckpoints1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(
      `CREATE TABLE audit_checkpoints (
         seq integer PRIMARY KEY,
         at ${pg ? 'timestamptz' : 'text'} NOT NULL,
         hash char(64) NOT NULL,
         body ${pg ? 'jsonb' : 'text'} NOT NULL)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_checkpoints');
  }
}
