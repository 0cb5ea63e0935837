import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the deadline worker needs beyond the initial schema:
 * - a claim (lease) on each deadline row, so several engine processes never work on the same deadline at once, and a
 *   record of what the worker did with it (fired, marked missed, refused with the machine's reason, failures);
 * - notifications: reminders before a due date and escalations (督办) to the supervising organisation, at most one of
 *   each kind per deadline (the unique index makes a second insert a no-op, whichever process tries it).
 */
export class DeadlineWorker1763800000100 implements MigrationInterface {
  name = 'DeadlineWorker1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    const statements = [
      `ALTER TABLE deadlines ADD COLUMN claimed_by varchar(64)`,
      `ALTER TABLE deadlines ADD COLUMN claimed_until ${instant}`,
      `ALTER TABLE deadlines ADD COLUMN fire_attempts integer NOT NULL DEFAULT 0`,
      `ALTER TABLE deadlines ADD COLUMN fire_outcome text`,
      // Only missed service targets are escalated: the index stays as small as the work still to do.
      `CREATE INDEX deadlines_to_escalate ON deadlines (closed_at) WHERE status = 'missed' AND escalated_at IS NULL AND ${pg ? 'soft' : 'soft = 1'}`,
      `CREATE TABLE notifications (
         id varchar(36) PRIMARY KEY,
         org_id varchar(64) NOT NULL REFERENCES organisations(id),
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         deadline_id varchar(36) NOT NULL REFERENCES deadlines(id),
         kind varchar(20) NOT NULL,
         message text NOT NULL,
         created_at ${instant} NOT NULL,
         read_at ${instant},
         read_by varchar(64))`,
      `CREATE UNIQUE INDEX notifications_once ON notifications (deadline_id, kind)`,
      `CREATE INDEX notifications_org ON notifications (org_id, created_at)`,
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS notifications');
    await runner.query('DROP INDEX IF EXISTS deadlines_to_escalate');
    for (const column of ['fire_outcome', 'fire_attempts', 'claimed_until', 'claimed_by']) {
      await runner.query(`ALTER TABLE deadlines DROP COLUMN ${column}`);
    }
  }
}
