import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partial indexes for the console's queues and lists, whose predicates are fixed, so that each reads only its own
 * rows at any number of cases (issue 15):
 * - 待分配: an organisation's open cases nobody is assigned to, counted from the index alone. No column a transition
 *   changes is in it but `closed`, which changes once, so updates stay heap-only (migration 1764200000000). The
 *   queue's order, most recently changed first, cannot be in an index on cases for the same reason: `case_recency`
 *   (migration 1764960000100) also holds the organisation whose queue the case is in, kept by its triggers, and an
 *   index of those rows in the list's order.
 * - overdue and 督办 lists: pending and missed deadlines in the lists' order (due day, id), walked until a page is
 *   full; pending ones by organisation and due instant for counting those past due without reading the rows.
 * - notifications: those to an organisation, and those to roles in it, by time, for the bell's list to walk each
 *   part newest first.
 */
export class ConsoleQueueIndexes1765000000000 implements MigrationInterface {
  name = 'ConsoleQueueIndexes1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(`CREATE INDEX cases_unassigned_open ON cases (org_id, workflow_id) WHERE assignee_id IS NULL AND ${pg ? 'NOT closed' : 'closed = FALSE'}`);
    await runner.query('ALTER TABLE case_recency ADD COLUMN unassigned_org_id varchar(64)');
    await runner.query(
      `UPDATE case_recency SET unassigned_org_id = (SELECT c.org_id FROM cases c WHERE c.id = case_recency.case_id)
        WHERE case_id IN (SELECT c.id FROM cases c WHERE ${queueOf('c', pg)} IS NOT NULL)`,
    );
    await runner.query('CREATE INDEX case_recency_unassigned ON case_recency (unassigned_org_id, updated_at DESC, case_id) WHERE unassigned_org_id IS NOT NULL');
    await replaceRecencyTriggers(runner, pg, true);
    await runner.query(`CREATE INDEX deadlines_pending_order ON deadlines (due_on, id) WHERE status = 'pending'`);
    await runner.query(`CREATE INDEX deadlines_missed_order ON deadlines (due_on, id) WHERE status = 'missed'`);
    await runner.query(`CREATE INDEX deadlines_pending_org_due ON deadlines (org_id, due_at) WHERE status = 'pending'`);
    await runner.query('CREATE INDEX notifications_to_org ON notifications (org_id, created_at) WHERE user_id IS NULL AND roles IS NULL');
    await runner.query('CREATE INDEX notifications_to_roles ON notifications (org_id, created_at, roles) WHERE user_id IS NULL AND roles IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    for (const index of ['notifications_to_roles', 'notifications_to_org', 'deadlines_pending_org_due', 'deadlines_missed_order', 'deadlines_pending_order']) {
      await runner.query(`DROP INDEX ${index}`);
    }
    await replaceRecencyTriggers(runner, pg, false);
    await runner.query('DROP INDEX case_recency_unassigned');
    await runner.query('ALTER TABLE case_recency DROP COLUMN unassigned_org_id');
    await runner.query('DROP INDEX cases_unassigned_open');
  }
}

/** The organisation whose unassigned queue holds the case row `row`, or null. */
function queueOf(row: string, pg: boolean): string {
  return `CASE WHEN ${row}.assignee_id IS NULL AND ${pg ? `NOT ${row}.closed` : `${row}.closed = 0`} THEN ${row}.org_id END`;
}

/**
 * The triggers of migration 1764960000100, keeping the queue's organisation as well (`withQueue`) or not. With it they
 * also fire when a write changes the assignee, closes the case or moves it without touching `updated_at`.
 */
async function replaceRecencyTriggers(runner: QueryRunner, pg: boolean, withQueue: boolean): Promise<void> {
  const upsert = (row: string) =>
    withQueue
      ? `INSERT INTO case_recency (case_id, updated_at, unassigned_org_id) VALUES (${row}.id, ${row}.updated_at, ${queueOf(row, pg)})
         ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at, unassigned_org_id = excluded.unassigned_org_id`
      : `INSERT INTO case_recency (case_id, updated_at) VALUES (${row}.id, ${row}.updated_at) ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at`;
  const changed = (o: string, n: string) =>
    withQueue
      ? ['updated_at', 'assignee_id', 'closed', 'org_id'].map((c) => `${o}.${c} IS ${pg ? 'DISTINCT FROM' : 'NOT'} ${n}.${c}`).join(' OR ')
      : `${o}.updated_at IS ${pg ? 'DISTINCT FROM' : 'NOT'} ${n}.updated_at`;
  const columns = withQueue ? 'updated_at, assignee_id, closed, org_id' : 'updated_at';
  await runner.query(`DROP TRIGGER cases_recency_update${pg ? ' ON cases' : ''}`);
  if (pg) {
    await runner.query(`CREATE OR REPLACE FUNCTION case_recency_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${upsert('NEW')}; RETURN NULL; END $$`);
    await runner.query(`CREATE TRIGGER cases_recency_update AFTER UPDATE OF ${columns} ON cases FOR EACH ROW WHEN (${changed('OLD', 'NEW')}) EXECUTE FUNCTION case_recency_touch()`);
  } else {
    await runner.query('DROP TRIGGER cases_recency_insert');
    await runner.query(`CREATE TRIGGER cases_recency_insert AFTER INSERT ON cases BEGIN ${upsert('new')}; END`);
    await runner.query(`CREATE TRIGGER cases_recency_update AFTER UPDATE OF ${columns} ON cases WHEN ${changed('old', 'new')} BEGIN ${upsert('new')}; END`);
  }
}
