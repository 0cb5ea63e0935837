import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks for other systems (docs/webhooks.md). A trigger on `audit_entries` notes every case event in
 * `webhook_feed` inside the transaction that commits it, while at least one subscription is active: the feed is the
 * transactional outbox, so an event is never committed without its note nor noted without being committed, and the
 * case write path needs no change. The dispatcher turns notes into `webhook_deliveries`, one per matching
 * subscription, and deletes the notes in the same transaction; the unique (subscription, case, seq) makes a note
 * handled twice yield one delivery.
 */
export class Webhooks1764900000000 implements MigrationInterface {
  name = 'Webhooks1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const instant = pg ? 'timestamptz' : 'text';
    const json = pg ? 'jsonb' : 'text';
    const bool = pg ? 'boolean' : 'integer';
    await runner.query(`CREATE TABLE webhook_subscriptions (
       id varchar(36) PRIMARY KEY,
       name varchar(100) NOT NULL,
       url text NOT NULL,
       secret text NOT NULL,
       workflow_ids ${json} NOT NULL,
       org_ids ${json} NOT NULL,
       include_sub_orgs ${bool} NOT NULL,
       event_types ${json} NOT NULL,
       active ${bool} NOT NULL,
       created_by varchar(64) NOT NULL,
       created_at ${instant} NOT NULL,
       updated_at ${instant} NOT NULL)`);
    await runner.query(`CREATE TABLE webhook_feed (
       case_id varchar(36) NOT NULL,
       seq integer NOT NULL,
       PRIMARY KEY (case_id, seq))`);
    await runner.query(`CREATE TABLE webhook_deliveries (
       id varchar(40) PRIMARY KEY,
       subscription_id varchar(36) NOT NULL REFERENCES webhook_subscriptions(id),
       case_id varchar(36) NOT NULL,
       seq integer NOT NULL,
       event_type varchar(60) NOT NULL,
       payload ${json} NOT NULL,
       state varchar(10) NOT NULL,
       attempts integer NOT NULL,
       next_attempt_at ${instant} NOT NULL,
       claimed_until ${instant},
       last_attempt_at ${instant},
       last_status integer,
       last_error text,
       created_at ${instant} NOT NULL,
       delivered_at ${instant})`);
    await runner.query('CREATE UNIQUE INDEX webhook_deliveries_event ON webhook_deliveries (subscription_id, case_id, seq)');
    await runner.query("CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending'");
    await runner.query('CREATE INDEX webhook_deliveries_state ON webhook_deliveries (state, created_at)');
    if (pg) {
      await runner.query(`CREATE FUNCTION webhook_feed_note() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN
           IF EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active) THEN
             INSERT INTO webhook_feed (case_id, seq) VALUES (NEW.case_id, NEW.seq);
           END IF;
           RETURN NULL;
         END $$`);
      await runner.query('CREATE TRIGGER webhook_feed_note AFTER INSERT ON audit_entries FOR EACH ROW EXECUTE FUNCTION webhook_feed_note()');
    } else {
      await runner.query(`CREATE TRIGGER webhook_feed_note AFTER INSERT ON audit_entries
         WHEN EXISTS (SELECT 1 FROM webhook_subscriptions WHERE active = 1)
         BEGIN INSERT INTO webhook_feed (case_id, seq) VALUES (NEW.case_id, NEW.seq); END`);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(pg ? 'DROP TRIGGER webhook_feed_note ON audit_entries' : 'DROP TRIGGER webhook_feed_note');
    if (pg) await runner.query('DROP FUNCTION webhook_feed_note()');
    for (const table of ['webhook_deliveries', 'webhook_feed', 'webhook_subscriptions']) await runner.query(`DROP TABLE ${table}`);
  }
}
