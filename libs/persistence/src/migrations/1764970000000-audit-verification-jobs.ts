import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background verifications of the audit chains (docs/audit-verification.md). A job row is its own checkpoint: the
 * last entry verified and the hash its chain reached there, the counts, and the findings so far, written after every
 * batch. The lease (`lease_owner`, `lease_until`, wall-clock) says which engine process works the job; the partial
 * unique index lets only one job be running at a time across every process.
 */
export class AuditVerificationJobs1764970000000 implements MigrationInterface {
  name = 'AuditVerificationJobs1764970000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    const json = pg ? 'jsonb' : 'text';
    const big = pg ? 'bigint' : 'integer';
    await runner.query(`CREATE TABLE audit_verification_jobs (
       id varchar(36) PRIMARY KEY,
       status varchar(12) NOT NULL,
       phase varchar(12) NOT NULL,
       batch_size integer NOT NULL,
       position_case_id varchar(36),
       position_seq integer,
       position_hash char(64),
       cases_done ${big} NOT NULL,
       entries_done ${big} NOT NULL,
       cases_total ${big} NOT NULL,
       entries_total ${big} NOT NULL,
       findings ${json} NOT NULL,
       findings_count integer NOT NULL,
       started_by varchar(64) NOT NULL,
       started_at ${instant} NOT NULL,
       updated_at ${instant} NOT NULL,
       finished_at ${instant},
       lease_owner varchar(80),
       lease_until ${instant},
       error text)`);
    await runner.query("CREATE UNIQUE INDEX audit_verification_jobs_running ON audit_verification_jobs (status) WHERE status = 'running'");
    await runner.query('CREATE INDEX audit_verification_jobs_started ON audit_verification_jobs (started_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE audit_verification_jobs');
  }
}
