import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial schema, written per dialect because the two databases differ in the details that matter here:
 * JSON (jsonb vs text), instants (timestamptz vs ISO-8601 text) and how the audit log is made append-only.
 * Calendar dates are 'YYYY-MM-DD' text on both, so no time zone ever shifts a legal due date.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const json = pg ? 'jsonb' : 'text';
    const instant = pg ? 'timestamptz' : 'text';
    const bool = pg ? 'boolean' : 'integer';
    const statements = [
      `CREATE TABLE regions (
         code varchar(12) PRIMARY KEY,
         name varchar(100) NOT NULL,
         level varchar(20) NOT NULL,
         parent_code varchar(12) REFERENCES regions(code))`,
      `CREATE TABLE organisations (
         id varchar(64) PRIMARY KEY,
         name varchar(100) NOT NULL,
         short_name varchar(30) NOT NULL,
         type varchar(40) NOT NULL,
         region_code varchar(12) NOT NULL REFERENCES regions(code),
         parent_id varchar(64) REFERENCES organisations(id))`,
      `CREATE TABLE users (
         id varchar(64) PRIMARY KEY,
         username varchar(64) NOT NULL UNIQUE,
         display_name varchar(100) NOT NULL,
         password_hash text NOT NULL,
         roles ${json} NOT NULL,
         org_id varchar(64) NOT NULL REFERENCES organisations(id),
         active ${bool} NOT NULL,
         created_at ${instant} NOT NULL)`,
      `CREATE TABLE cases (
         id varchar(36) PRIMARY KEY,
         case_no varchar(80) NOT NULL UNIQUE,
         workflow_id varchar(40) NOT NULL,
         workflow_version integer NOT NULL,
         state varchar(60) NOT NULL,
         context ${json} NOT NULL,
         version integer NOT NULL,
         head_hash char(64) NOT NULL,
         org_id varchar(64) NOT NULL REFERENCES organisations(id),
         origin_org_id varchar(64) REFERENCES organisations(id),
         origin_case_id varchar(36) REFERENCES cases(id),
         region_code varchar(12) NOT NULL REFERENCES regions(code),
         category varchar(40) NOT NULL,
         summary text NOT NULL,
         source varchar(40) NOT NULL,
         parties ${json} NOT NULL,
         links ${json} NOT NULL,
         assignee_id varchar(64),
         closed ${bool} NOT NULL,
         opened_at ${instant} NOT NULL,
         opened_by varchar(64) NOT NULL,
         updated_at ${instant} NOT NULL)`,
      `CREATE INDEX cases_org_state ON cases (org_id, state)`,
      `CREATE INDEX cases_origin_org ON cases (origin_org_id)`,
      `CREATE INDEX cases_region ON cases (region_code)`,
      `CREATE INDEX cases_updated ON cases (updated_at)`,
      `CREATE TABLE audit_entries (
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         seq integer NOT NULL,
         at ${instant} NOT NULL,
         actor_id varchar(64) NOT NULL,
         actor_role varchar(40) NOT NULL,
         type varchar(60) NOT NULL,
         from_state varchar(60),
         to_state varchar(60) NOT NULL,
         data ${json} NOT NULL,
         prev_hash char(64) NOT NULL,
         hash char(64) NOT NULL,
         PRIMARY KEY (case_id, seq))`,
      `CREATE TABLE deadlines (
         id varchar(36) PRIMARY KEY,
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         org_id varchar(64) NOT NULL REFERENCES organisations(id),
         spec_id varchar(40) NOT NULL,
         state varchar(60) NOT NULL,
         label text NOT NULL,
         period ${json} NOT NULL,
         day_type varchar(10) NOT NULL,
         legal_basis text NOT NULL,
         confidence char(1) NOT NULL,
         anchor_on varchar(10) NOT NULL,
         due_on varchar(10) NOT NULL,
         due_at ${instant} NOT NULL,
         status varchar(10) NOT NULL,
         on_expiry varchar(60),
         soft ${bool} NOT NULL,
         provisional ${bool} NOT NULL,
         met_by ${json},
         roll_forward ${bool} NOT NULL,
         pauses ${json} NOT NULL,
         extensions ${json} NOT NULL,
         created_at ${instant} NOT NULL,
         closed_at ${instant},
         fired_at ${instant},
         reminded_at ${instant},
         escalated_at ${instant})`,
      `CREATE INDEX deadlines_pending_due ON deadlines (due_at) WHERE status = 'pending'`,
      `CREATE INDEX deadlines_case ON deadlines (case_id)`,
      `CREATE INDEX deadlines_org_status ON deadlines (org_id, status, due_on)`,
      `CREATE TABLE idempotency_keys (
         actor_id varchar(64) NOT NULL,
         key varchar(200) NOT NULL,
         case_id varchar(36) NOT NULL,
         request_hash char(64) NOT NULL,
         status integer NOT NULL,
         response ${json} NOT NULL,
         created_at ${instant} NOT NULL,
         PRIMARY KEY (actor_id, key))`,
      `CREATE TABLE outbox (
         id varchar(36) PRIMARY KEY,
         target_case_id varchar(36) NOT NULL REFERENCES cases(id),
         source_case_id varchar(36) NOT NULL REFERENCES cases(id),
         event_type varchar(60) NOT NULL,
         data ${json} NOT NULL,
         created_at ${instant} NOT NULL,
         delivered_at ${instant},
         attempts integer NOT NULL DEFAULT 0,
         last_error text)`,
      `CREATE INDEX outbox_pending ON outbox (created_at) WHERE delivered_at IS NULL`,
      `CREATE TABLE case_counters (
         org_id varchar(64) NOT NULL,
         year integer NOT NULL,
         last integer NOT NULL,
         PRIMARY KEY (org_id, year))`,
      `CREATE TABLE holiday_years (
         year integer PRIMARY KEY,
         source text NOT NULL,
         holidays ${json} NOT NULL,
         makeup_workdays ${json} NOT NULL,
         names ${json},
         imported_at ${instant} NOT NULL,
         imported_by varchar(64) NOT NULL)`,
      ...(pg ? POSTGRES_APPEND_ONLY : SQLITE_APPEND_ONLY),
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['holiday_years', 'case_counters', 'outbox', 'idempotency_keys', 'deadlines', 'audit_entries', 'cases', 'users', 'organisations', 'regions']) {
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
    }
    if (runner.connection.options.type === 'postgres') await runner.query('DROP FUNCTION IF EXISTS audit_entries_append_only()');
  }
}

/** The audit log refuses UPDATE, DELETE and TRUNCATE: history is only ever appended. */
const POSTGRES_APPEND_ONLY = [
  `CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$`,
  `CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
     FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`,
  `CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
     FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`,
];

const SQLITE_APPEND_ONLY = [
  `CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`,
  `CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
     BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`,
];
