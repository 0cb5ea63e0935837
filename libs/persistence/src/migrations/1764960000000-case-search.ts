import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search that scales (docs/case-list.md, "Search").
 *
 * Free text: on PostgreSQL a trigram GIN index over one expression, `case_search_text`, of the case number, the summary
 * and the party names; a case row carries everything it indexes, so the index is kept by the row's own INSERT (no
 * trigger, no extra statement) and built from the existing rows here. On SQLite an FTS5 table with the trigram
 * tokenizer, kept by triggers in the writing transaction.
 *
 * Identity numbers and phones: `case_search_keys` holds an HMAC of each under the engine's search key, never the
 * value; the engine fills it at start (see SearchKeyIndex), since the key is not the database's to know. The GIN
 * index on the whole parties document, which served the search by containment, is dropped: nothing else asks it.
 */
export class CaseSearch1764960000000 implements MigrationInterface {
  name = 'CaseSearch1764960000000';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(
      `CREATE TABLE case_search_keys (
         kind varchar(10) NOT NULL,
         digest char(64) NOT NULL,
         case_id varchar(36) NOT NULL REFERENCES cases(id),
         PRIMARY KEY (kind, digest, case_id))`,
    );
    // A key recorded by an earlier run of this migration (undone since) describes digests that are gone: the next
    // start digests every case into the new table.
    await runner.query(`DELETE FROM engine_settings WHERE name = 'search.keyFingerprint'`);
    if (pg) await postgres(runner);
    else await sqlite(runner);
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    if (pg) {
      await runner.query('DROP INDEX cases_search_text');
      await runner.query('DROP FUNCTION case_search_text(varchar, text, jsonb)');
      await runner.query('CREATE INDEX cases_parties ON cases USING gin (parties jsonb_path_ops)');
    } else {
      for (const t of ['cases_search_insert', 'cases_search_update', 'cases_search_delete']) await runner.query(`DROP TRIGGER ${t}`);
      await runner.query('DROP TABLE case_search');
    }
    await runner.query('DROP TABLE case_search_keys');
  }
}

async function postgres(runner: QueryRunner): Promise<void> {
  // The extension belongs to the database, not to one engine's schema: kept in public, dropping a schema (a test
  // suite's) cannot take it, and the indexes of other schemas, with it. Trusted since PostgreSQL 13, so the owner
  // of the database may create it; the lock keeps two schemas' first starts from creating it at once.
  await runner.query(`SELECT pg_advisory_xact_lock(hashtext('fengqiao:extension:pg_trgm'))`);
  const [installed] = await runner.query(`SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`);
  if (!installed) await runner.query('CREATE EXTENSION pg_trgm SCHEMA public');
  const schema = installed ? String(installed.schema) : 'public';
  // A unit separator between the parts, so a query does not match across the end of one and the start of the next.
  await runner.query(`CREATE FUNCTION case_search_text(case_no varchar, summary text, parties jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT case_no || chr(31) || summary || chr(31) || coalesce((SELECT string_agg(e->>'name', chr(31)) FROM jsonb_array_elements(parties) e), '') $$`);
  await runner.query(`CREATE INDEX cases_search_text ON cases USING gin (case_search_text(case_no, summary, parties) "${schema}".gin_trgm_ops)`);
  await runner.query('DROP INDEX IF EXISTS cases_parties');
}

async function sqlite(runner: QueryRunner): Promise<void> {
  await runner.query(`CREATE VIRTUAL TABLE case_search USING fts5(case_id UNINDEXED, body, tokenize = 'trigram')`);
  const body = (row: string) =>
    `${row}.case_no || char(31) || ${row}.summary || char(31) || coalesce((SELECT group_concat(json_extract(p.value, '$.name'), char(31)) FROM json_each(${row}.parties) p), '')`;
  const add = (row: string) => `INSERT INTO case_search (case_id, body) VALUES (${row}.id, ${body(row)});`;
  const remove = (row: string) => `DELETE FROM case_search WHERE case_id = ${row}.id;`;
  await runner.query(`CREATE TRIGGER cases_search_insert AFTER INSERT ON cases BEGIN ${add('new')} END`);
  await runner.query(`CREATE TRIGGER cases_search_update AFTER UPDATE OF case_no, summary, parties ON cases BEGIN ${remove('old')} ${add('new')} END`);
  await runner.query(`CREATE TRIGGER cases_search_delete AFTER DELETE ON cases BEGIN ${remove('old')} END`);
  await runner.query(`INSERT INTO case_search (case_id, body) SELECT c.id, ${body('c')} FROM cases c`);
}
