import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline can run through several states (a court's 30-day review period runs on while it verifies or waits for
 * documents). The states are stored on the row, as `,a,b,`, so "still running in the case's current state" is a
 * plain LIKE on both databases.
 */
export class DeadlineSpan1764100000000 implements MigrationInterface {
  name = 'DeadlineSpan1764100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deadlines ADD COLUMN span_states text');
    await runner.query(`UPDATE deadlines SET span_states = ',' || state || ','`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE deadlines DROP COLUMN span_states');
  }
}
