import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Uploaded files of cases. A row of `attachments` is written in the transaction of the audit entry that records the
 * upload (`seq`, with the file's SHA-256 in its data), so a file and its link in the hash chain exist together or not
 * at all. The bytes are kept by SHA-256, in `attachment_contents` (bytea / blob) or in the configured directory, and
 * written before the row: a row never names bytes that are not there.
 */
export class Attachments1764930000000 implements MigrationInterface {
  name = 'Attachments1764930000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query(`CREATE TABLE attachments (
       id varchar(36) PRIMARY KEY,
       case_id varchar(36) NOT NULL REFERENCES cases(id),
       seq integer NOT NULL,
       event_seq integer,
       event_type varchar(64),
       kind varchar(32) NOT NULL,
       file_name text NOT NULL,
       media_type varchar(100) NOT NULL,
       size integer NOT NULL,
       sha256 varchar(64) NOT NULL,
       note text,
       storage varchar(16) NOT NULL,
       uploaded_by varchar(64) NOT NULL,
       uploaded_at ${instant} NOT NULL)`);
    await runner.query('CREATE INDEX attachments_case ON attachments (case_id, seq)');
    await runner.query(`CREATE TABLE attachment_contents (
       sha256 varchar(64) PRIMARY KEY,
       size integer NOT NULL,
       content ${pg ? 'bytea' : 'blob'} NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE attachment_contents');
    await runner.query('DROP TABLE attachments');
  }
}
