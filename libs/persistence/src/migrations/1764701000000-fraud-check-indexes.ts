import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fraud checks count a mediator's agreements per day, compare cases opened in a window around a claim, and look
 * cases up by their parties' keys (identity number; name with phone). On PostgreSQL the keys are an indexed
 * expression, so one index scan answers a batch's thousands of keys at once: an OR of containment probes on the
 * parties index is planned as a sequential scan, and a probe per key costs a scan each. The function is declared
 * costly because it is: evaluated per row it reads every case's parties, and the planner, which cannot estimate how
 * few rows an overlap with thousands of keys matches, otherwise prefers that to the index.
 */
export class FraudCheckIndexes1764701000000 implements MigrationInterface {
  name = 'FraudCheckIndexes1764701000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX cases_assignee_opened ON cases (assignee_id, opened_at)');
    await runner.query('CREATE INDEX cases_workflow_opened ON cases (workflow_id, opened_at)');
    if (runner.connection.options.type !== 'postgres') return;
    await createPartyKeyIndex(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'postgres') {
      await runner.query('DROP INDEX cases_party_keys');
      await runner.query('DROP FUNCTION fraud_party_keys(jsonb)');
    }
    await runner.query('DROP INDEX cases_workflow_opened');
    await runner.query('DROP INDEX cases_assignee_opened');
  }
}

/** The clear party keys as an indexed expression; migration 1765000300000 replaces them with keyed digests. */
export async function createPartyKeyIndex(runner: QueryRunner): Promise<void> {
  await runner.query(`CREATE FUNCTION fraud_party_keys(parties jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE COST 10000 AS $$
    SELECT coalesce(array_agg(k), '{}') FROM (
      SELECT 'id:' || (e->>'idNumber') AS k FROM jsonb_array_elements(parties) e WHERE coalesce(e->>'idNumber', '') <> ''
      UNION ALL
      SELECT 'np:' || (e->>'name') || '|' || (e->>'phone') FROM jsonb_array_elements(parties) e WHERE coalesce(e->>'name', '') <> '' AND coalesce(e->>'phone', '') <> ''
    ) keys $$`);
  await runner.query('CREATE INDEX cases_party_keys ON cases USING gin (fraud_party_keys(parties))');
}
