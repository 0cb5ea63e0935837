import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation names and short names must be unique: the short name is part of every case number, and case numbers
 * are unique, so two organisations sharing one would collide on their first case. The index also settles two
 * administrators creating the same organisation at once.
 */
export class UniqueOrganisationNames1764000000000 implements MigrationInterface {
  name = 'UniqueOrganisationNames1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE UNIQUE INDEX organisations_name_key ON organisations (name)');
    await runner.query('CREATE UNIQUE INDEX organisations_short_name_key ON organisations (short_name)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS organisations_short_name_key');
    await runner.query('DROP INDEX IF EXISTS organisations_name_key');
  }
}
