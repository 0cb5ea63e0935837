import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per login, so a token can be refused before it expires (logout, password reset, deactivation, role or
 * organisation change, idle time) by every engine process on the database; and the replaced password hashes of each
 * account, for the rule against reusing recent passwords.
 */
export class Sessions1764600000100 implements MigrationInterface {
  name = 'Sessions1764600000100';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query(
      `CREATE TABLE sessions (
         id varchar(36) PRIMARY KEY,
         user_id varchar(64) NOT NULL REFERENCES users(id),
         created_at ${instant} NOT NULL,
         last_seen_at ${instant} NOT NULL,
         ended_at ${instant},
         end_reason varchar(20))`,
    );
    // Revocation ends a user's open sessions; ended ones are never looked up by user.
    await runner.query('CREATE INDEX sessions_open_by_user ON sessions (user_id) WHERE ended_at IS NULL');
    await runner.query(
      `CREATE TABLE password_history (
         id ${pg ? 'bigserial PRIMARY KEY' : 'integer PRIMARY KEY AUTOINCREMENT'},
         user_id varchar(64) NOT NULL REFERENCES users(id),
         password_hash text NOT NULL,
         replaced_at ${instant} NOT NULL)`,
    );
    await runner.query('CREATE INDEX password_history_by_user ON password_history (user_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE password_history');
    await runner.query('DROP TABLE sessions');
  }
}
