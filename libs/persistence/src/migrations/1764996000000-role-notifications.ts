import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications addressed to roles within an organisation (the committee's directors, the court's clerks) and each
 * holder's own reading of them. `roles` is the list as ",A,B,"; a row with roles is never marked read in itself, so
 * the partial index of an organisation's unread notifications leaves such rows out.
 */
export class RoleNotifications1764996000000 implements MigrationInterface {
  name = 'RoleNotifications1764996000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query('ALTER TABLE notifications ADD COLUMN roles varchar(255)');
    await runner.query(`CREATE TABLE notification_reads (
       notification_id varchar(36) NOT NULL REFERENCES notifications(id),
       user_id varchar(64) NOT NULL,
       read_at ${pg ? 'timestamptz' : 'text'} NOT NULL,
       PRIMARY KEY (notification_id, user_id))`);
    await runner.query('DROP INDEX notifications_org_unread');
    await runner.query('CREATE INDEX notifications_org_unread ON notifications (org_id) WHERE read_at IS NULL AND user_id IS NULL AND roles IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX notifications_org_unread');
    await runner.query('CREATE INDEX notifications_org_unread ON notifications (org_id) WHERE read_at IS NULL AND user_id IS NULL');
    await runner.query('DROP TABLE notification_reads');
    await runner.query('ALTER TABLE notifications DROP COLUMN roles');
  }
}
