import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `deadlines.missed_in_span`: a missed deadline whose open case still sits in the states the deadline covers, which
 * the overdue and 督办 lists count as overdue (DeadlineListFilter.overdue). The lists read it from a partial index in
 * their order instead of reading the case of every missed deadline ever recorded (issue 15, part 2).
 *
 * Triggers keep it on both databases, so no write path can leave it stale:
 * - a deadline marked missed (or its span changed) takes the flag from its case as the statement sees it;
 * - a case whose state, closing or deadline revision changes sets it again on its missed deadlines.
 * The second covers a race on PostgreSQL: the worker's markMissed may read the case before a concurrent transition
 * commits, but it then moves the case's deadline revision in the same transaction (SqlDeadlineStore), which waits for
 * that transition's row lock and, once it has it, sets the flag from the committed state. Inside one commit
 * statement, where the case and its deadlines change together, the case's trigger runs after the whole statement.
 */
export class MissedInSpan1765000400000 implements MigrationInterface {
  name = 'MissedInSpan1765000400000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(`ALTER TABLE deadlines ADD COLUMN missed_in_span boolean NOT NULL DEFAULT ${pg ? 'FALSE' : '0'}`);
    await runner.query(
      `UPDATE deadlines SET missed_in_span = ${pg ? 'TRUE' : '1'} WHERE status = 'missed' AND EXISTS (SELECT 1 FROM cases c
         WHERE c.id = deadlines.case_id AND c.closed = ${pg ? 'FALSE' : '0'} AND deadlines.span_states LIKE '%,' || c.state || ',%')`,
    );
    // The lists walk them in their order (due day, id) and count them by organisation.
    const flagged = pg ? 'missed_in_span' : 'missed_in_span = 1';
    await runner.query(`CREATE INDEX deadlines_missed_in_span ON deadlines (due_on, id) WHERE ${flagged}`);
    await runner.query(`CREATE INDEX deadlines_missed_in_span_org ON deadlines (org_id) WHERE ${flagged}`);
    for (const sql of pg ? POSTGRES : SQLITE) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    if (pg) {
      await runner.query('DROP TRIGGER cases_missed_in_span ON cases');
      await runner.query('DROP TRIGGER deadlines_missed_in_span ON deadlines');
      for (const f of ['deadline_missed_in_span', 'case_missed_in_span']) await runner.query(`DROP FUNCTION ${f}()`);
    } else {
      for (const name of ['cases_missed_in_span', 'deadlines_missed_in_span_update', 'deadlines_missed_in_span_insert']) await runner.query(`DROP TRIGGER ${name}`);
    }
    for (const index of ['deadlines_missed_in_span_org', 'deadlines_missed_in_span']) await runner.query(`DROP INDEX ${index}`);
    await runner.query('ALTER TABLE deadlines DROP COLUMN missed_in_span');
  }
}

/** Whether a deadline row (NEW) of the given status and span is missed within its case's current state. */
const inSpan = (closedIsOpen: string) =>
  `NEW.status = 'missed' AND EXISTS (SELECT 1 FROM cases c WHERE c.id = NEW.case_id AND c.closed = ${closedIsOpen} AND NEW.span_states LIKE '%,' || c.state || ',%')`;

/** The flag of a missed deadline of the case NEW. */
const ofCase = (open: string) => `(${open} AND COALESCE(span_states LIKE '%,' || NEW.state || ',%', FALSE))`;

const POSTGRES = [
  `CREATE FUNCTION deadline_missed_in_span() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     NEW.missed_in_span := ${inSpan('FALSE')};
     RETURN NEW;
   END $$`,
  `CREATE FUNCTION case_missed_in_span() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     UPDATE deadlines SET missed_in_span = ${ofCase('NOT NEW.closed')}
      WHERE case_id = NEW.id AND status = 'missed' AND missed_in_span IS DISTINCT FROM ${ofCase('NOT NEW.closed')};
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER deadlines_missed_in_span BEFORE INSERT OR UPDATE OF status, span_states, case_id ON deadlines FOR EACH ROW
     WHEN (NEW.status = 'missed' OR NEW.missed_in_span) EXECUTE FUNCTION deadline_missed_in_span()`,
  `CREATE TRIGGER cases_missed_in_span AFTER UPDATE ON cases FOR EACH ROW
     WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.closed IS DISTINCT FROM NEW.closed OR OLD.deadlines_rev IS DISTINCT FROM NEW.deadlines_rev)
     EXECUTE FUNCTION case_missed_in_span()`,
];

// SQLite writes one transaction at a time, so reading the case in the deadline's trigger is enough there.
const SQLITE = [
  ...[
    ['deadlines_missed_in_span_insert', 'AFTER INSERT ON deadlines'],
    ['deadlines_missed_in_span_update', 'AFTER UPDATE OF status, span_states, case_id ON deadlines'],
  ].map(
    ([name, on]) => `CREATE TRIGGER ${name} ${on} WHEN NEW.status = 'missed' OR NEW.missed_in_span = 1
       BEGIN UPDATE deadlines SET missed_in_span = (${inSpan('0')}) WHERE id = NEW.id; END`,
  ),
  `CREATE TRIGGER cases_missed_in_span AFTER UPDATE OF state, closed, deadlines_rev ON cases
     WHEN OLD.state IS NOT NEW.state OR OLD.closed IS NOT NEW.closed OR OLD.deadlines_rev IS NOT NEW.deadlines_rev
     BEGIN UPDATE deadlines SET missed_in_span = ${ofCase('NEW.closed = 0')}
       WHERE case_id = NEW.id AND status = 'missed' AND missed_in_span IS NOT ${ofCase('NEW.closed = 0')}; END`,
];
