import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The amount of the mediation agreement (协议金额), as the event that recorded the agreement gave it, for the ledger. */
export class AgreementAmount1764995000000 implements MigrationInterface {
  name = 'AgreementAmount1764995000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    // As with the amount in dispute: exact decimals on PostgreSQL, the two-decimal text on SQLite.
    await runner.query(`ALTER TABLE cases ADD COLUMN agreement_amount ${pg ? 'numeric(14,2)' : 'text'}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE cases DROP COLUMN agreement_amount');
  }
}
