import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The security log (安全审计日志): logins, account and role changes, exports, reads of personal data. Append-only
 * like audit_entries, except that a row older than 180 days — the legal minimum (网络安全法 第二十一条), fixed here
 * so no setting can shorten it — may be deleted by the retention purge.
 *
 * Each row is a link of the hash chain of one acting account (`chain_key`); see ChainedSecurityLog for why the
 * log is many chains rather than one.
 */
export class SecurityLog1764600000200 implements MigrationInterface {
  name = 'SecurityLog1764600000200';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    const statements = [
      `CREATE TABLE security_events (
         chain_key varchar(80) NOT NULL,
         seq integer NOT NULL,
         at ${instant} NOT NULL,
         kind varchar(40) NOT NULL,
         actor_id varchar(64),
         username varchar(64),
         ip varchar(64),
         case_id varchar(36),
         subject_id varchar(64),
         detail ${pg ? 'jsonb' : 'text'} NOT NULL,
         prev_at ${instant},
         algorithm varchar(10) NOT NULL,
         prev_hash varchar(64) NOT NULL,
         hash varchar(64) NOT NULL,
         PRIMARY KEY (chain_key, seq))`,
      // The auditor's questions: what happened lately, to this case, by this user; the purge walks `at` too.
      'CREATE INDEX security_events_at ON security_events (at)',
      'CREATE INDEX security_events_case ON security_events (case_id, at)',
      'CREATE INDEX security_events_username ON security_events (username, at)',
      ...(pg ? POSTGRES_APPEND_ONLY : SQLITE_APPEND_ONLY),
      // The search by identity number matches whole party objects, which this index answers without a scan.
      ...(pg ? ['CREATE INDEX cases_parties ON cases USING gin (parties jsonb_path_ops)'] : []),
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    if (pg) await runner.query('DROP INDEX IF EXISTS cases_parties');
    await runner.query('DROP TABLE security_events');
    if (pg) await runner.query('DROP FUNCTION IF EXISTS security_events_append_only()');
  }
}

const POSTGRES_APPEND_ONLY = [
  `CREATE FUNCTION security_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'DELETE' AND OLD.at < now() - interval '180 days' THEN RETURN OLD; END IF;
       RAISE EXCEPTION 'security_events is append-only (rows may be deleted only after 180 days)';
     END $$`,
  `CREATE TRIGGER security_events_no_change BEFORE UPDATE OR DELETE ON security_events
     FOR EACH ROW EXECUTE FUNCTION security_events_append_only()`,
  `CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
     FOR EACH STATEMENT EXECUTE FUNCTION security_events_append_only()`,
];

// SQLite has no TRUNCATE: `DELETE FROM t` without WHERE runs the row trigger like any other delete.
const SQLITE_APPEND_ONLY = [
  `CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events
     BEGIN SELECT RAISE(ABORT, 'security_events is append-only (rows may be deleted only after 180 days)'); END`,
  `CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events
     WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-180 days')
     BEGIN SELECT RAISE(ABORT, 'security_events is append-only (rows may be deleted only after 180 days)'); END`,
];
