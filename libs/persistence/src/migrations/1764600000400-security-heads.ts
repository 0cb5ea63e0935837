import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The head of each security-log chain (its last seq and hash, its oldest retained seq and how many links it keeps),
 * moved in the same transaction as each appended link. A chain whose newest links were deleted is still a whole
 * chain; only its head shows that it was longer. Heads only move forward: no delete, no rewind.
 */
export class SecurityHeads1764600000400 implements MigrationInterface {
  name = 'SecurityHeads1764600000400';

  async up(runner: QueryRunner): Promise<void> {
    const pg = runner.connection.options.type === 'postgres';
    const statements = [
      `CREATE TABLE security_heads (
         chain_key varchar(80) PRIMARY KEY,
         last_seq integer NOT NULL,
         last_at ${pg ? 'timestamptz' : 'text'} NOT NULL,
         last_hash varchar(64) NOT NULL,
         first_seq integer NOT NULL,
         count integer NOT NULL)`,
      `INSERT INTO security_heads (chain_key, last_seq, last_at, last_hash, first_seq, count)
         SELECT e.chain_key, e.seq, e.at, e.hash, s.first_seq, s.n
         FROM security_events e
         JOIN (SELECT chain_key, max(seq) AS last_seq, min(seq) AS first_seq, count(*) AS n FROM security_events GROUP BY chain_key) s
           ON s.chain_key = e.chain_key AND s.last_seq = e.seq`,
      ...(pg ? POSTGRES_FORWARD_ONLY : SQLITE_FORWARD_ONLY),
    ];
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE security_heads');
    if (runner.connection.options.type === 'postgres') await runner.query('DROP FUNCTION IF EXISTS security_heads_forward_only()');
  }
}

const REFUSAL = 'security_heads only move forward (no delete, no rewind)';

const POSTGRES_FORWARD_ONLY = [
  `CREATE FUNCTION security_heads_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       IF TG_OP = 'UPDATE' AND NEW.chain_key = OLD.chain_key AND NEW.last_seq >= OLD.last_seq AND NEW.first_seq >= OLD.first_seq
          AND (NEW.last_seq > OLD.last_seq OR NEW.last_hash = OLD.last_hash) THEN
         RETURN NEW;
       END IF;
       RAISE EXCEPTION '${REFUSAL}';
     END $$`,
  `CREATE TRIGGER security_heads_forward_only BEFORE UPDATE OR DELETE ON security_heads
     FOR EACH ROW EXECUTE FUNCTION security_heads_forward_only()`,
  `CREATE TRIGGER security_heads_no_truncate BEFORE TRUNCATE ON security_heads
     FOR EACH STATEMENT EXECUTE FUNCTION security_heads_forward_only()`,
];

const SQLITE_FORWARD_ONLY = [
  `CREATE TRIGGER security_heads_no_rewind BEFORE UPDATE ON security_heads
     WHEN NEW.chain_key <> OLD.chain_key OR NEW.last_seq < OLD.last_seq OR NEW.first_seq < OLD.first_seq
       OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash <> OLD.last_hash)
     BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
  `CREATE TRIGGER security_heads_no_delete BEFORE DELETE ON security_heads
     BEGIN SELECT RAISE(ABORT, '${REFUSAL}'); END`,
];
