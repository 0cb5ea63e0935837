import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case list's order, most recently changed first, from an index. Migration 1764200000000 dropped the index on
 * cases.updated_at so that a transition's update stays heap-only (HOT) and writes no entry in any of the case row's
 * indexes; without it a list over a whole district sorts every matching case on every page. `case_recency` holds
 * (case, updated_at) beside the row, indexed in the list's order: a transition then changes one small row with two
 * index entries instead of the case row's many. A trigger keeps it, in the statement that writes the case, so the
 * write path's single round trip is unchanged and every writer (bulk loads too) keeps it current.
 */
export class CaseRecency1764960000100 implements MigrationInterface {
  name = 'CaseRecency1764960000100';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(
      `CREATE TABLE case_recency (
         case_id varchar(36) PRIMARY KEY REFERENCES cases(id),
         updated_at ${pg ? 'timestamptz' : 'text'} NOT NULL)`,
    );
    await runner.query('CREATE INDEX case_recency_order ON case_recency (updated_at DESC, case_id)');
    const upsert = (row: string) =>
      `INSERT INTO case_recency (case_id, updated_at) VALUES (${row}.id, ${row}.updated_at) ON CONFLICT (case_id) DO UPDATE SET updated_at = excluded.updated_at`;
    if (pg) {
      await runner.query(`CREATE FUNCTION case_recency_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${upsert('NEW')}; RETURN NULL; END $$`);
      await runner.query('CREATE TRIGGER cases_recency_insert AFTER INSERT ON cases FOR EACH ROW EXECUTE FUNCTION case_recency_touch()');
      await runner.query(
        'CREATE TRIGGER cases_recency_update AFTER UPDATE OF updated_at ON cases FOR EACH ROW WHEN (OLD.updated_at IS DISTINCT FROM NEW.updated_at) EXECUTE FUNCTION case_recency_touch()',
      );
    } else {
      await runner.query(`CREATE TRIGGER cases_recency_insert AFTER INSERT ON cases BEGIN ${upsert('new')}; END`);
      await runner.query(`CREATE TRIGGER cases_recency_update AFTER UPDATE OF updated_at ON cases WHEN old.updated_at IS NOT new.updated_at BEGIN ${upsert('new')}; END`);
    }
    await runner.query('INSERT INTO case_recency (case_id, updated_at) SELECT id, updated_at FROM cases');
  }

  async down(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    await runner.query(`DROP TRIGGER cases_recency_update${pg ? ' ON cases' : ''}`);
    await runner.query(`DROP TRIGGER cases_recency_insert${pg ? ' ON cases' : ''}`);
    if (pg) await runner.query('DROP FUNCTION case_recency_touch()');
    await runner.query('DROP TABLE case_recency');
  }
}
