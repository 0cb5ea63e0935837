import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications addressed to one person (a case assigned to them) beside those addressed to an organisation, and the
 * indexes the console's bell asks every few seconds: the unread ones of an organisation and of a person. Both are
 * partial, so they hold only what is still unread and stay small however long the history grows.
 */
export class PersonalNotifications1764910000000 implements MigrationInterface {
  name = 'PersonalNotifications1764910000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE notifications ADD COLUMN user_id varchar(64)');
    await runner.query('CREATE INDEX notifications_org_unread ON notifications (org_id) WHERE read_at IS NULL AND user_id IS NULL');
    await runner.query('CREATE INDEX notifications_user ON notifications (user_id, created_at) WHERE user_id IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX notifications_user');
    await runner.query('DROP INDEX notifications_org_unread');
    await runner.query('ALTER TABLE notifications DROP COLUMN user_id');
  }
}
