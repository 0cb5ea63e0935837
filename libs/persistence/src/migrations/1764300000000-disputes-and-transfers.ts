import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一案一码 and transfers between channels. Every case gets the code of its dispute (a case transferred or spawned
 * from another carries its origin's code) and the route it came by; every transfer is a row that the receiving
 * organisation signs for or returns, with the dossier that travelled with it. Existing cases are given codes and
 * their 司法确认 links become transfers. State columns widen for nested and parallel state values.
 */
export class DisputesAndTransfers1764300000000 implements MigrationInterface {
  name = 'DisputesAndTransfers1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const json = pg ? 'jsonb' : 'text';
    const instant = pg ? 'timestamptz' : 'text';
    await runner.query('ALTER TABLE cases ADD COLUMN dispute_code varchar(40)');
    await runner.query('ALTER TABLE cases ADD COLUMN origin_route varchar(20)');
    await runner.query(`UPDATE cases SET dispute_code = 'D' || upper(substr(replace(id, '-', ''), 1, 16)) WHERE origin_case_id IS NULL`);
    await runner.query(`UPDATE cases SET dispute_code = (SELECT o.dispute_code FROM cases o WHERE o.id = cases.origin_case_id), origin_route = 'R4' WHERE origin_case_id IS NOT NULL`);
    await runner.query('CREATE INDEX cases_dispute ON cases (dispute_code)');
    if (pg) {
      await runner.query('ALTER TABLE cases ALTER COLUMN dispute_code SET NOT NULL');
      for (const [table, column] of [['cases', 'state'], ['audit_entries', 'from_state'], ['audit_entries', 'to_state'], ['deadlines', 'state']]) {
        await runner.query(`ALTER TABLE ${table} ALTER COLUMN ${column} TYPE varchar(400)`);
      }
    }
    await runner.query(`CREATE TABLE transfers (
       id varchar(36) PRIMARY KEY,
       dispute_code varchar(40) NOT NULL,
       route_id varchar(20) NOT NULL,
       from_case_id varchar(36) NOT NULL REFERENCES cases(id),
       to_case_id varchar(36) NOT NULL UNIQUE REFERENCES cases(id),
       from_org_id varchar(64) NOT NULL REFERENCES organisations(id),
       to_org_id varchar(64) NOT NULL REFERENCES organisations(id),
       status varchar(12) NOT NULL,
       dossier ${json} NOT NULL,
       sent_at ${instant} NOT NULL,
       decided_at ${instant},
       decided_by varchar(64),
       reason text,
       explanation text)`);
    await runner.query(`CREATE INDEX transfers_inbox ON transfers (to_org_id, sent_at) WHERE status = 'SENT'`);
    await runner.query('CREATE INDEX transfers_dispute ON transfers (dispute_code)');
    await runner.query('CREATE INDEX transfers_from_case ON transfers (from_case_id)');
    // Transfers and risk reports notify organisations too, without a deadline behind them.
    if (pg) {
      await runner.query('ALTER TABLE notifications ALTER COLUMN deadline_id DROP NOT NULL');
    } else {
      await runner.query(`CREATE TABLE notifications_new (
         id varchar(36) PRIMARY KEY,
         org_id varchar(64) NOT NULL REFERENCES organisations(id),
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         deadline_id varchar(36) REFERENCES deadlines(id),
         kind varchar(20) NOT NULL,
         message text NOT NULL,
         created_at text NOT NULL,
         read_at text,
         read_by varchar(64))`);
      await runner.query('INSERT INTO notifications_new SELECT id, org_id, case_id, deadline_id, kind, message, created_at, read_at, read_by FROM notifications');
      await runner.query('DROP TABLE notifications');
      await runner.query('ALTER TABLE notifications_new RENAME TO notifications');
      await runner.query('CREATE UNIQUE INDEX notifications_once ON notifications (deadline_id, kind)');
      await runner.query('CREATE INDEX notifications_org ON notifications (org_id, created_at)');
    }
    await runner.query(
      `INSERT INTO transfers (id, dispute_code, route_id, from_case_id, to_case_id, from_org_id, to_org_id, status, dossier, sent_at)
       SELECT c.id, c.dispute_code, 'R4', c.origin_case_id, c.id, c.origin_org_id, c.org_id,
              CASE WHEN c.state IN ('preparing', 'filed') THEN 'SENT' WHEN c.state = 'returned' THEN 'RETURNED' ELSE 'ACCEPTED' END,
              '{"context":{},"events":[]}', c.opened_at
       FROM cases c WHERE c.origin_case_id IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE transfers');
    await runner.query('DROP INDEX cases_dispute');
    await runner.query('ALTER TABLE cases DROP COLUMN origin_route');
    await runner.query('ALTER TABLE cases DROP COLUMN dispute_code');
  }
}
