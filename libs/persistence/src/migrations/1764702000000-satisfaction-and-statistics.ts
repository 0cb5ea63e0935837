import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 群众满意度测评 through a short link, and the indexes the bureau's statistics read by. A link is one party's, of one
 * case; its answer is kept apart from the audit trail because the party answers without an account, after the case
 * has closed. The primary key of the answers is what makes it one answer per party per case.
 */
export class SatisfactionAndStatistics1764702000000 implements MigrationInterface {
  name = 'SatisfactionAndStatistics1764702000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    const statements = [
      `CREATE TABLE satisfaction_links (
         token varchar(64) PRIMARY KEY,
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         party_id varchar(20) NOT NULL,
         issued_at ${instant} NOT NULL,
         issued_by varchar(64) NOT NULL,
         expires_at ${instant} NOT NULL,
         used_at ${instant})`,
      'CREATE INDEX satisfaction_links_case ON satisfaction_links (case_id, party_id)',
      `CREATE TABLE satisfaction_answers (
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         party_id varchar(20) NOT NULL,
         rating varchar(24) NOT NULL,
         answered_at ${instant} NOT NULL,
         PRIMARY KEY (case_id, party_id))`,
      // The statistics page filters cases by region and opening time, and counts follow-up answers from the audit trail.
      'CREATE INDEX cases_region_opened ON cases (region_code, opened_at)',
      "CREATE INDEX audit_entries_follow_up ON audit_entries (case_id) WHERE type = 'RECORD_FOLLOW_UP'",
      'CREATE INDEX audit_entries_to_state ON audit_entries (to_state, case_id)',
      "CREATE INDEX deadlines_missed ON deadlines (case_id) WHERE status = 'missed'",
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const index of ['deadlines_missed', 'audit_entries_to_state', 'audit_entries_follow_up', 'cases_region_opened']) await runner.query(`DROP INDEX ${index}`);
    await runner.query('DROP TABLE satisfaction_answers');
    await runner.query('DROP TABLE satisfaction_links');
  }
}
