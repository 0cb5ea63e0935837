import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A second counter on the case row, moved whenever a deadline worker changes one of the case's deadlines outside a
 * case commit (marked missed, recomputed after a calendar import). The case update is conditional on it as well as on
 * the version, so a write decided on an earlier copy of the case never commits; versions stay one per audit entry.
 */
export class DeadlineRevision1764400000000 implements MigrationInterface {
  name = 'DeadlineRevision1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cases ADD COLUMN deadlines_rev integer NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cases DROP COLUMN deadlines_rev');
  }
}
