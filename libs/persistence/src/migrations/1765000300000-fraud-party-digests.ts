import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createPartyKeyIndex } from './1764701000000-fraud-check-indexes';

/**
 * The party lookups (the fraud checks' same parties, the related cases an event looks up) find a person by identity
 * number or by name with phone. On PostgreSQL they were an indexed expression of the parties document, so the index
 * held every identity number in clear. Now `fraud_party_keys` holds an HMAC of each key under the engine's search key
 * (docs/case-list.md, "Digests, not numbers"), on both databases. The key is not the database's to know: the engine
 * digests the existing cases at its next start, as it does on a change of key, which the removed setting asks for.
 */
export class FraudPartyDigests1765000300000 implements MigrationInterface {
  name = 'FraudPartyDigests1765000300000';

  async up(runner: QueryRunner): Promise<void> {
    // The digest alone answers a lookup: a digest is of its kind's value, so kinds never collide.
    await runner.query(
      `CREATE TABLE fraud_party_keys (
         digest varchar(64) NOT NULL,
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         kind varchar(10) NOT NULL,
         PRIMARY KEY (digest, case_id))`,
    );
    if (runner.connection.options.type === 'postgres') {
      await runner.query('DROP INDEX cases_party_keys');
      await runner.query('DROP FUNCTION fraud_party_keys(jsonb)');
    }
    await runner.query(`DELETE FROM engine_settings WHERE name = 'search.keyFingerprint'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE fraud_party_keys');
    if (runner.connection.options.type === 'postgres') await createPartyKeyIndex(runner);
  }
}
