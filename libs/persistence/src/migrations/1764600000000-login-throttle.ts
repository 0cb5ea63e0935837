import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed-login counters per username typed and per client address. In the database, not in memory, so every engine
 * process sharing it counts the same failures; usernames that name no account get rows too, so a lock reveals nothing.
 */
export class LoginThrottle1764600000000 implements MigrationInterface {
  name = 'LoginThrottle1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    const instant = runner.connection.options.type === 'postgres' ? 'timestamptz' : 'text';
    await runner.query(
      `CREATE TABLE login_throttle (
         kind varchar(16) NOT NULL,
         subject varchar(200) NOT NULL,
         failures integer NOT NULL,
         window_started_at ${instant} NOT NULL,
         locked_until ${instant},
         PRIMARY KEY (kind, subject))`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE login_throttle');
  }
}
