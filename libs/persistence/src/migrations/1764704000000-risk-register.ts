import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 四色预警 and 矛盾纠纷排查: every risk colour set on a case (written in the transaction of the event that set it, with
 * the notices it sent), and the regular screening sweeps of a region — who, when, where, what was found.
 */
export class RiskRegister1764704000000 implements MigrationInterface {
  name = 'RiskRegister1764704000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const json = pg ? 'jsonb' : 'text';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query(`CREATE TABLE risk_reports (
       id varchar(36) PRIMARY KEY,
       case_id varchar(36) NOT NULL REFERENCES cases(id),
       dispute_code varchar(40) NOT NULL,
       region_code varchar(12) NOT NULL,
       org_id varchar(64) NOT NULL REFERENCES organisations(id),
       level varchar(8) NOT NULL,
       summary text,
       reported_by varchar(64) NOT NULL,
       reported_at ${instant} NOT NULL,
       notified_org_ids ${json} NOT NULL${pg ? ', seq bigserial' : ''})`);
    // Reports of one instant (several in a second, or under the test clock) keep the order they were written in:
    // the table's own sequence on PostgreSQL, the rowid on SQLite.
    await runner.query('CREATE INDEX risk_reports_region ON risk_reports (region_code, reported_at)');
    await runner.query('CREATE INDEX risk_reports_dispute ON risk_reports (dispute_code, reported_at)');
    await runner.query(`CREATE TABLE risk_sweeps (
       id varchar(36) PRIMARY KEY,
       region_code varchar(12) NOT NULL,
       org_id varchar(64) NOT NULL REFERENCES organisations(id),
       conducted_by varchar(64) NOT NULL,
       conducted_on varchar(10) NOT NULL,
       findings text NOT NULL,
       dispute_codes ${json} NOT NULL,
       recorded_at ${instant} NOT NULL)`);
    await runner.query('CREATE INDEX risk_sweeps_region ON risk_sweeps (region_code, conducted_on)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE risk_sweeps');
    await runner.query('DROP TABLE risk_reports');
  }
}
