import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Settings a deployment fixes once, such as the audit chain's hash. A database that already holds audit entries was
 * chained with SHA-256, the only hash before this table, so it is recorded for it here rather than left to whatever
 * the next start configures.
 */
export class EngineSettings1764600000300 implements MigrationInterface {
  name = 'EngineSettings1764600000300';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(
      `CREATE TABLE engine_settings (
         name varchar(100) PRIMARY KEY,
         value text NOT NULL,
         recorded_at ${pg ? 'timestamptz NOT NULL DEFAULT now()' : "text NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))"})`,
    );
    await runner.query(`INSERT INTO engine_settings (name, value) SELECT 'audit.chainHash', 'sha256' WHERE EXISTS (SELECT 1 FROM audit_entries)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE engine_settings');
  }
}
