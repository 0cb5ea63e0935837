import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every transition rewrites its case row. On PostgreSQL an update that changes no indexed column and finds room on
 * its page is a heap-only (HOT) update: no index entries are written. The index on `updated_at` changed on every
 * transition and so ruled that out; lists are narrowed by organisation or region first, where sorting the few
 * thousand rows of one organisation needs no index. Leaving a fifth of each page free gives the new versions room.
 */
export class HotCaseUpdates1764200000000 implements MigrationInterface {
  name = 'HotCaseUpdates1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS cases_updated');
    if (runner.connection.options.type === 'postgres') await runner.query('ALTER TABLE cases SET (fillfactor = 80)');
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') await runner.query('ALTER TABLE cases RESET (fillfactor)');
    await runner.query('CREATE INDEX cases_updated ON cases (updated_at)');
  }
}
