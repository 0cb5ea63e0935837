import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partial indexes for the console's queues, whose predicates are fixed, so that each reads only its own rows at any
 * number of cases (issue 15):
 * - 待分配: an organisation's open cases nobody is assigned to, counted from the index alone. No column a transition
 *   changes is in it but `closed`, which changes once, so updates stay heap-only (migration 1764200000000).
 * - overdue and 督办 lists: pending and missed deadlines in the lists' order (due day, id), walked until a page is
 *   full; pending ones by organisation and due instant for counting those past due without reading the rows.
 */
export class ConsoleQueueIndexes1765000000000 implements MigrationInterface {
  name = 'ConsoleQueueIndexes1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const open = runner.connection.options.type === 'postgres' ? 'NOT closed' : 'closed = FALSE';
    await runner.query(`CREATE INDEX cases_unassigned_open ON cases (org_id, workflow_id) WHERE assignee_id IS NULL AND ${open}`);
    await runner.query(`CREATE INDEX deadlines_pending_order ON deadlines (due_on, id) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX deadlines_missed_order ON deadlines (due_on, id) WHERE status = 'missed'`);
    await runner.query(`CREATE INDEX deadlines_pending_org_due ON deadlines (org_id, due_at) WHERE status = 'pending'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['deadlines_pending_org_due', 'deadlines_missed_order', 'deadlines_pending_order', 'cases_unassigned_open']) {
      await runner.query(`DROP INDEX ${index}`);
    }
  }
}
