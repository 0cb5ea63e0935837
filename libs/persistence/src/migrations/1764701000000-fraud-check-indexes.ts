import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The fraud checks count a mediator's agreements per day and compare cases opened in a window around a claim. */
export class FraudCheckIndexes1764701000000 implements MigrationInterface {
  name = 'FraudCheckIndexes1764701000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX cases_assignee_opened ON cases (assignee_id, opened_at)');
    await runner.query('CREATE INDEX cases_workflow_opened ON cases (workflow_id, opened_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX cases_workflow_opened');
    await runner.query('DROP INDEX cases_assignee_opened');
  }
}
