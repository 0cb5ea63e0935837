import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics as a daily rollup (docs/statistics.md, "How it stays fast"): per China date a case was opened (a
 * transfer sent), the measures the grouped statistics queries compute, by the columns they group on. Triggers on
 * every table whose rows change a figure mark the day dirty in the same statement, so no write path (transitions,
 * the deadline worker, bulk loads, later migrations) can leave the rollup stale; a statistics read recomputes the
 * dirty days first.
 *
 * The migration builds no rollup rows: success and performance depend on the workflow manifests, which only the
 * engine knows. The engine's first refresh finds no recorded manifest outcomes and marks every day dirty itself.
 */
export class StatisticsRollup1765000200000 implements MigrationInterface {
  name = 'StatisticsRollup1765000200000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const measure = pg ? 'numeric' : 'real';
    const statements = [
      'CREATE TABLE statistics_dirty_days (day varchar(10) PRIMARY KEY)',
      // The outcome states the rollup's success and performance were computed with; other manifests mean a rebuild.
      'CREATE TABLE statistics_rollup_outcomes (id integer PRIMARY KEY, outcomes text NOT NULL)',
      `CREATE TABLE statistics_case_days (
         day varchar(10) NOT NULL,
         region_code varchar(12) NOT NULL,
         org_id varchar(64) NOT NULL,
         workflow_id varchar(40) NOT NULL,
         category varchar(40) NOT NULL,
         source varchar(40) NOT NULL,
         cases integer NOT NULL,
         closed integer NOT NULL,
         succeeded integer NOT NULL,
         performed integer NOT NULL,
         closed_unsuccessful integer NOT NULL,
         closed_days ${measure} NOT NULL,
         overdue integer NOT NULL)`,
      `CREATE TABLE statistics_satisfaction_days (
         day varchar(10) NOT NULL,
         region_code varchar(12) NOT NULL,
         org_id varchar(64) NOT NULL,
         workflow_id varchar(40) NOT NULL,
         assignee_id varchar(64),
         answered integer NOT NULL,
         satisfied integer NOT NULL)`,
      `CREATE TABLE statistics_transfer_days (
         day varchar(10) NOT NULL,
         region_code varchar(12) NOT NULL,
         from_workflow varchar(40) NOT NULL,
         to_workflow varchar(40) NOT NULL,
         status varchar(12) NOT NULL,
         transfers integer NOT NULL)`,
      // Reads take a region subtree over a range of days; a refresh replaces one day.
      ...['case', 'satisfaction', 'transfer'].flatMap((t) => [
        `CREATE INDEX statistics_${t}_days_region ON statistics_${t}_days (region_code, day)`,
        `CREATE INDEX statistics_${t}_days_day ON statistics_${t}_days (day)`,
      ]),
      // A day's recompute reads the transfers sent that day.
      'CREATE INDEX transfers_sent ON transfers (sent_at)',
    ];
    for (const sql of statements) await runner.query(sql);
    if (pg) await postgresTriggers(runner);
    else await sqliteTriggers(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    for (const [table, names] of Object.entries(TRIGGERS)) {
      for (const name of names) await runner.query(pg ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`);
    }
    if (pg) {
      for (const f of ['statistics_case_changed', 'statistics_deadline_changed', 'statistics_answer_changed', 'statistics_follow_up_recorded', 'statistics_transfer_changed']) {
        await runner.query(`DROP FUNCTION ${f}()`);
      }
      await runner.query('DROP FUNCTION statistics_case_day(varchar)');
      await runner.query('DROP FUNCTION statistics_mark_day(varchar)');
    }
    await runner.query('DROP INDEX transfers_sent');
    for (const t of ['statistics_transfer_days', 'statistics_satisfaction_days', 'statistics_case_days', 'statistics_rollup_outcomes', 'statistics_dirty_days']) await runner.query(`DROP TABLE ${t}`);
  }
}

const TRIGGERS: Record<string, string[]> = {
  cases: ['statistics_case_insert', 'statistics_case_update', 'statistics_case_delete'],
  deadlines: ['statistics_deadline_insert', 'statistics_deadline_update', 'statistics_deadline_delete'],
  satisfaction_answers: ['statistics_answer_insert', 'statistics_answer_update', 'statistics_answer_delete'],
  audit_entries: ['statistics_follow_up_insert'],
  transfers: ['statistics_transfer_insert', 'statistics_transfer_update', 'statistics_transfer_delete'],
};

/**
 * A case update changes a figure when it changes a grouped column, the state (success and performance are states
 * entered), closing, the opening time, or the last change of a closed case (its duration).
 */
const caseChanged = (o: string, n: string, distinct: (a: string, b: string) => string, closed: string) =>
  [
    ...['state', 'closed', 'region_code', 'org_id', 'workflow_id', 'category', 'source', 'assignee_id', 'opened_at'].map((c) => distinct(`${o}.${c}`, `${n}.${c}`)),
    `(${closed} AND ${distinct(`${o}.updated_at`, `${n}.updated_at`)})`,
  ].join(' OR ');

async function postgresTriggers(runner: QueryRunner): Promise<void> {
  const day = (instant: string) => `to_char((${instant}) AT TIME ZONE 'UTC' + interval '8 hours', 'YYYY-MM-DD')`;
  const statements = [
    /*
     * Marks a day dirty and holds a KEY SHARE lock on its row until this transaction ends. A refresher leaves a mark
     * so held for later, or deletes it only after waiting for the lock, so a change is never taken as counted before
     * it commits; a writer that comes after the refresher deleted the mark waits for it, finds the row gone and
     * inserts it again. Without the lock, a writer that found the row already there and committed after the
     * recompute had read would leave its change out of the rollup with no mark left to say so. Writers share the
     * lock, so they do not wait for each other.
     */
    `CREATE FUNCTION statistics_mark_day(d varchar) RETURNS void LANGUAGE plpgsql AS $$
     BEGIN
       IF d IS NULL THEN RETURN; END IF;
       LOOP
         INSERT INTO statistics_dirty_days (day) VALUES (d) ON CONFLICT DO NOTHING;
         EXIT WHEN FOUND;
         PERFORM 1 FROM statistics_dirty_days WHERE day = d FOR KEY SHARE;
         EXIT WHEN FOUND;
       END LOOP;
     END $$`,
    `CREATE FUNCTION statistics_case_day(id varchar) RETURNS void LANGUAGE sql AS $$
       SELECT statistics_mark_day(${day('c.opened_at')}) FROM cases c WHERE c.id = $1
     $$`,
    `CREATE FUNCTION statistics_case_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN PERFORM statistics_mark_day(${day('OLD.opened_at')}); END IF;
       IF TG_OP <> 'DELETE' THEN PERFORM statistics_mark_day(${day('NEW.opened_at')}); END IF;
       -- Transfers count under the sending case's region and both cases' channels.
       IF TG_OP = 'UPDATE' AND (OLD.region_code IS DISTINCT FROM NEW.region_code OR OLD.workflow_id IS DISTINCT FROM NEW.workflow_id) THEN
         PERFORM statistics_mark_day(${day('t.sent_at')}) FROM transfers t WHERE t.from_case_id = NEW.id OR t.to_case_id = NEW.id;
       END IF;
       RETURN NULL;
     END $$`,
    `CREATE FUNCTION statistics_deadline_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN PERFORM statistics_case_day(OLD.case_id); END IF;
       IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.case_id IS DISTINCT FROM OLD.case_id) THEN PERFORM statistics_case_day(NEW.case_id); END IF;
       RETURN NULL;
     END $$`,
    `CREATE FUNCTION statistics_answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN PERFORM statistics_case_day(OLD.case_id); END IF;
       IF TG_OP <> 'DELETE' THEN PERFORM statistics_case_day(NEW.case_id); END IF;
       RETURN NULL;
     END $$`,
    `CREATE FUNCTION statistics_follow_up_recorded() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM statistics_case_day(NEW.case_id); RETURN NULL; END $$`,
    `CREATE FUNCTION statistics_transfer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP <> 'INSERT' THEN PERFORM statistics_mark_day(${day('OLD.sent_at')}); END IF;
       IF TG_OP <> 'DELETE' THEN PERFORM statistics_mark_day(${day('NEW.sent_at')}); END IF;
       RETURN NULL;
     END $$`,
    'CREATE TRIGGER statistics_case_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION statistics_case_changed()',
    `CREATE TRIGGER statistics_case_update AFTER UPDATE ON cases FOR EACH ROW
       WHEN (${caseChanged('OLD', 'NEW', (a, b) => `${a} IS DISTINCT FROM ${b}`, 'NEW.closed')}) EXECUTE FUNCTION statistics_case_changed()`,
    'CREATE TRIGGER statistics_case_delete AFTER DELETE ON cases FOR EACH ROW EXECUTE FUNCTION statistics_case_changed()',
    // Only missed deadlines count.
    "CREATE TRIGGER statistics_deadline_insert AFTER INSERT ON deadlines FOR EACH ROW WHEN (NEW.status = 'missed') EXECUTE FUNCTION statistics_deadline_changed()",
    `CREATE TRIGGER statistics_deadline_update AFTER UPDATE ON deadlines FOR EACH ROW
       WHEN ((OLD.status = 'missed' OR NEW.status = 'missed') AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.case_id IS DISTINCT FROM NEW.case_id))
       EXECUTE FUNCTION statistics_deadline_changed()`,
    "CREATE TRIGGER statistics_deadline_delete AFTER DELETE ON deadlines FOR EACH ROW WHEN (OLD.status = 'missed') EXECUTE FUNCTION statistics_deadline_changed()",
    'CREATE TRIGGER statistics_answer_insert AFTER INSERT ON satisfaction_answers FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed()',
    'CREATE TRIGGER statistics_answer_update AFTER UPDATE ON satisfaction_answers FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed()',
    'CREATE TRIGGER statistics_answer_delete AFTER DELETE ON satisfaction_answers FOR EACH ROW EXECUTE FUNCTION statistics_answer_changed()',
    // The audit trail is append-only; a follow-up visit may carry satisfaction answers.
    "CREATE TRIGGER statistics_follow_up_insert AFTER INSERT ON audit_entries FOR EACH ROW WHEN (NEW.type = 'RECORD_FOLLOW_UP') EXECUTE FUNCTION statistics_follow_up_recorded()",
    'CREATE TRIGGER statistics_transfer_insert AFTER INSERT ON transfers FOR EACH ROW EXECUTE FUNCTION statistics_transfer_changed()',
    `CREATE TRIGGER statistics_transfer_update AFTER UPDATE ON transfers FOR EACH ROW
       WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.sent_at IS DISTINCT FROM NEW.sent_at OR OLD.from_case_id IS DISTINCT FROM NEW.from_case_id OR OLD.to_case_id IS DISTINCT FROM NEW.to_case_id)
       EXECUTE FUNCTION statistics_transfer_changed()`,
    'CREATE TRIGGER statistics_transfer_delete AFTER DELETE ON transfers FOR EACH ROW EXECUTE FUNCTION statistics_transfer_changed()',
  ];
  for (const sql of statements) await runner.query(sql);
}

/** On SQLite a write transaction excludes every other writer, so a plain mark cannot race a refresh. */
async function sqliteTriggers(runner: QueryRunner): Promise<void> {
  const mark = (dayExpr: string, from = '') => `INSERT OR IGNORE INTO statistics_dirty_days (day) SELECT ${dayExpr} ${from};`;
  const caseDay = (id: string) => mark(`date(c.opened_at, '+8 hours')`, `FROM cases c WHERE c.id = ${id}`);
  const statements = [
    `CREATE TRIGGER statistics_case_insert AFTER INSERT ON cases BEGIN ${mark("date(new.opened_at, '+8 hours')")} END`,
    `CREATE TRIGGER statistics_case_update AFTER UPDATE ON cases WHEN ${caseChanged('old', 'new', (a, b) => `${a} IS NOT ${b}`, 'new.closed')}
     BEGIN
       ${mark("date(old.opened_at, '+8 hours')")}
       ${mark("date(new.opened_at, '+8 hours')")}
       ${mark("date(t.sent_at, '+8 hours')", 'FROM transfers t WHERE (old.region_code IS NOT new.region_code OR old.workflow_id IS NOT new.workflow_id) AND (t.from_case_id = new.id OR t.to_case_id = new.id)')}
     END`,
    `CREATE TRIGGER statistics_case_delete AFTER DELETE ON cases BEGIN ${mark("date(old.opened_at, '+8 hours')")} END`,
    `CREATE TRIGGER statistics_deadline_insert AFTER INSERT ON deadlines WHEN new.status = 'missed' BEGIN ${caseDay('new.case_id')} END`,
    `CREATE TRIGGER statistics_deadline_update AFTER UPDATE ON deadlines
       WHEN (old.status = 'missed' OR new.status = 'missed') AND (old.status IS NOT new.status OR old.case_id IS NOT new.case_id)
     BEGIN ${caseDay('old.case_id')} ${caseDay('new.case_id')} END`,
    `CREATE TRIGGER statistics_deadline_delete AFTER DELETE ON deadlines WHEN old.status = 'missed' BEGIN ${caseDay('old.case_id')} END`,
    `CREATE TRIGGER statistics_answer_insert AFTER INSERT ON satisfaction_answers BEGIN ${caseDay('new.case_id')} END`,
    `CREATE TRIGGER statistics_answer_update AFTER UPDATE ON satisfaction_answers BEGIN ${caseDay('old.case_id')} ${caseDay('new.case_id')} END`,
    `CREATE TRIGGER statistics_answer_delete AFTER DELETE ON satisfaction_answers BEGIN ${caseDay('old.case_id')} END`,
    `CREATE TRIGGER statistics_follow_up_insert AFTER INSERT ON audit_entries WHEN new.type = 'RECORD_FOLLOW_UP' BEGIN ${caseDay('new.case_id')} END`,
    `CREATE TRIGGER statistics_transfer_insert AFTER INSERT ON transfers BEGIN ${mark("date(new.sent_at, '+8 hours')")} END`,
    `CREATE TRIGGER statistics_transfer_update AFTER UPDATE ON transfers
       WHEN old.status IS NOT new.status OR old.sent_at IS NOT new.sent_at OR old.from_case_id IS NOT new.from_case_id OR old.to_case_id IS NOT new.to_case_id
     BEGIN ${mark("date(old.sent_at, '+8 hours')")} ${mark("date(new.sent_at, '+8 hours')")} END`,
    `CREATE TRIGGER statistics_transfer_delete AFTER DELETE ON transfers BEGIN ${mark("date(old.sent_at, '+8 hours')")} END`,
  ];
  for (const sql of statements) await runner.query(sql);
}
