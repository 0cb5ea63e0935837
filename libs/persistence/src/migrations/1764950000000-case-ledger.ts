import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The amount in dispute (争议金额) of a case, and indexes for the list's filters by category and source over a
 * registration period and for the ledger's registration order. The assigned mediator and the channel already have
 * theirs (cases_assignee_opened, cases_workflow_opened).
 */
export class CaseLedger1764950000000 implements MigrationInterface {
  name = 'CaseLedger1764950000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    // Exact decimals on PostgreSQL; SQLite keeps the two-decimal text as given, since its NUMERIC would turn it into a float.
    await runner.query(`ALTER TABLE cases ADD COLUMN amount_in_dispute ${pg ? 'numeric(14,2)' : 'text'}`);
    await runner.query('CREATE INDEX cases_category_opened ON cases (category, opened_at)');
    await runner.query('CREATE INDEX cases_source_opened ON cases (source, opened_at)');
    await runner.query('CREATE INDEX cases_opened ON cases (opened_at, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX cases_opened');
    await runner.query('DROP INDEX cases_source_opened');
    await runner.query('DROP INDEX cases_category_opened');
    await runner.query('ALTER TABLE cases DROP COLUMN amount_in_dispute');
  }
}
