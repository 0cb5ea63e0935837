import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 联合调解: the members of a case's team, each a user of another organisation with a role on that case. A row is
 * written in the transaction of the audit entry that records the invitation (`added_seq`), and closed, never deleted,
 * by the entry that records the removal (`removed_seq`). One current membership per user and case.
 */
export class CaseTeams1764803000000 implements MigrationInterface {
  name = 'CaseTeams1764803000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query(`CREATE TABLE case_team_members (
       id varchar(36) PRIMARY KEY,
       case_id varchar(36) NOT NULL REFERENCES cases(id),
       user_id varchar(64) NOT NULL REFERENCES users(id),
       org_id varchar(64) NOT NULL REFERENCES organisations(id),
       case_role varchar(32) NOT NULL,
       reason text NOT NULL,
       added_at ${instant} NOT NULL,
       added_by varchar(64) NOT NULL,
       added_seq integer NOT NULL,
       removed_at ${instant},
       removed_by varchar(64),
       removal_reason text,
       removed_seq integer)`);
    await runner.query('CREATE UNIQUE INDEX case_team_members_current ON case_team_members (case_id, user_id) WHERE removed_at IS NULL');
    await runner.query('CREATE INDEX case_team_members_user ON case_team_members (user_id) WHERE removed_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_team_members');
  }
}
