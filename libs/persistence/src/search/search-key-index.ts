import { readJson, type Db, type DbTx, type Params } from '../db/db';
import type { SearchDigests } from './search-digests';

const SETTING = 'search.keyFingerprint';
const BATCH = 500;

type KeyRow = { kind: string; digest: string };

/** The tables of keyed digests, and how a case's parties give their rows. */
const TABLES: { table: string; rows: (digests: SearchDigests, parties: any[]) => KeyRow[] }[] = [
  { table: 'case_search_keys', rows: (d, parties) => d.ofParties(parties) },
  { table: 'fraud_party_keys', rows: (d, parties) => d.ofPartyKeys(parties) },
];

/**
 * Makes case_search_keys and fraud_party_keys hold the digests of every case under the configured key. Cases write
 * their own digests as they are opened; this fills the tables the first time (the rows that existed before them,
 * which the migrations could not digest without the key) and again whenever the key changes, then records the key's
 * fingerprint so later starts do nothing. Engines starting together take turns; the second finds the work done.
 * Returns the number of cases digested (0 when the tables were already current).
 */
export async function syncSearchKeys(db: Db, digests: SearchDigests): Promise<number> {
  const fingerprint = digests.fingerprint();
  if ((await recorded(db)) === fingerprint) return 0;
  return db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext(:lock || current_schema()))`, { lock: 'fengqiao:search-keys:' });
    if ((await recorded(tx)) === fingerprint) return 0;
    for (const { table } of TABLES) await tx.execute(`DELETE FROM ${table}`);
    let after = '';
    let cases = 0;
    for (;;) {
      const rows = await tx.query<{ id: string; parties: unknown }>('SELECT id, parties FROM cases WHERE id > :after ORDER BY id LIMIT :limit', { after, limit: BATCH });
      if (!rows.length) break;
      for (const { table, rows: keysOf } of TABLES) {
        const params: Params = {};
        const values: string[] = [];
        for (const row of rows) {
          for (const k of keysOf(digests, readJson(row.parties))) {
            const n = values.length;
            values.push(`(:k${n}, :d${n}, :c${n})`);
            Object.assign(params, { [`k${n}`]: k.kind, [`d${n}`]: k.digest, [`c${n}`]: row.id });
          }
        }
        // A case opened meanwhile by another engine writes its own digests, which may already be here.
        if (values.length) await tx.execute(`INSERT INTO ${table} (kind, digest, case_id) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`, params);
      }
      cases += rows.length;
      after = rows[rows.length - 1].id;
    }
    await tx.execute('INSERT INTO engine_settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO UPDATE SET value = excluded.value', { name: SETTING, value: fingerprint });
    return cases;
  });
}

async function recorded(db: Pick<DbTx, 'query'>): Promise<string | undefined> {
  const [row] = await db.query<{ value: string }>('SELECT value FROM engine_settings WHERE name = :name', { name: SETTING });
  return row?.value;
}
