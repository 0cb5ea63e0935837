import { Client } from 'pg';
import { TEST_DATABASES } from '../support/databases';

/*
 * The scale seed (bench/seed-scale.js, issue 15) on a small N: it walks its prototypes of every channel through the
 * engine, copies them with COPY or multi-row INSERTs, and the engine then accepts what it wrote: every audit chain
 * verifies, and a copy is found by its party's identity number and phone through the digests the seed wrote.
 */

const { seedScale, checkSeeded } = require('../../bench/seed-scale.js') as {
  seedScale(args: { cases: number; databaseUrl?: string; schema?: string; sqlite?: string | null }, log?: (line: string) => void): Promise<{ cases: number }>;
  checkSeeded(args: { databaseUrl?: string; schema?: string; sqlite?: string | null }): Promise<{ verify: { ok: boolean; checked: number; firstBroken: unknown }; search: { idNumber?: boolean; phone?: boolean }; sampleCaseId: string | null }>;
};

const DISPUTES = 400;
const MARKED = `summary LIKE '样本纠纷摘要·%'`;

describe.each(TEST_DATABASES)('scale seed across channels ($name)', (database) => {
  let args: { databaseUrl?: string; schema?: string; sqlite?: string | null };
  let drop: () => Promise<void>;
  let query: (sql: string) => Promise<any[]>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    const { config } = created;
    args = config.databaseUrl ? { databaseUrl: config.databaseUrl, schema: config.schema, sqlite: null } : { sqlite: config.sqlitePath };
    await seedScale({ cases: DISPUTES, ...args }, () => undefined);
    if (config.databaseUrl) {
      const client = new Client({ connectionString: config.databaseUrl, options: `-c search_path=${config.schema}` });
      await client.connect();
      query = async (sql) => (await client.query(sql)).rows;
      close = () => client.end();
    } else {
      const Database = require('better-sqlite3');
      const db = new Database(config.sqlitePath, { readonly: true });
      query = async (sql) => db.prepare(sql).all();
      close = async () => db.close();
    }
  }, 600_000);
  afterAll(async () => {
    await close?.();
    await drop?.();
  });

  it('copies N disputes across the channels, with the cases their transfers opened', async () => {
    const copies = `dispute_code NOT IN (SELECT dispute_code FROM cases WHERE ${MARKED})`;
    const [{ n }] = await query(`SELECT count(DISTINCT dispute_code) AS n FROM cases WHERE ${copies}`);
    expect(Number(n)).toBe(DISPUTES);
    const byWorkflow = new Map((await query(`SELECT workflow_id, count(*) AS n FROM cases WHERE ${copies} GROUP BY workflow_id`)).map((r) => [r.workflow_id, Number(r.n)]));
    // People's mediation is about half; the court, labour and petitions are each well represented at this N.
    expect(byWorkflow.get('pm')).toBeGreaterThan(DISPUTES * 0.4);
    for (const workflow of ['ct', 'lm', 'xf', 'zz']) expect(byWorkflow.get(workflow)).toBeGreaterThan(0);
    // 道交一体化 is seeded as its own channel (3% of the disputes, at most 8 copies off at this N by chance).
    expect(byWorkflow.get('ta')).toBeGreaterThanOrEqual(DISPUTES * 0.03 - 8);
    expect(byWorkflow.get('ta')).toBeLessThanOrEqual(DISPUTES * 0.03 + 12);
    // Cases opened by a route (R4 → jc, R12 → lab, …) are copied with their dispute, and so is the transfer.
    expect((byWorkflow.get('jc') ?? 0) + (byWorkflow.get('lab') ?? 0)).toBeGreaterThan(0);
    const [{ t }] = await query(`SELECT count(*) AS t FROM transfers WHERE ${copies}`);
    expect(Number(t)).toBeGreaterThan(0);
    // A linked case belongs to the same copy: the case it came from is one of its own dispute.
    const [{ orphans }] = await query(
      `SELECT count(*) AS orphans FROM cases c WHERE c.origin_case_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cases p WHERE p.id = c.origin_case_id AND p.dispute_code = c.dispute_code)`,
    );
    expect(Number(orphans)).toBe(0);
  });

  it('copies the village hearings with the mediation that asked for them, and the traffic cases with their mediations', async () => {
    const copies = `c.dispute_code NOT IN (SELECT dispute_code FROM cases WHERE ${MARKED})`;
    // Every hearing copy was opened by a people's mediation of its own dispute, and that mediation took its conclusion in.
    const hearings = await query(`SELECT c.id, c.state, p.workflow_id AS parent FROM cases c LEFT JOIN cases p ON p.id = c.origin_case_id AND p.dispute_code = c.dispute_code WHERE c.workflow_id = 'hr' AND ${copies}`);
    expect(hearings.filter((h) => h.parent !== 'pm').map((h) => h.id)).toEqual([]);
    expect(hearings.filter((h) => h.state !== 'published')).toEqual([]);
    // A traffic case's people's mediation sits at the accident committee, in the traffic case's dispute.
    const [{ n }] = await query(`SELECT count(*) AS n FROM cases c JOIN cases t ON t.id = c.origin_case_id WHERE t.workflow_id = 'ta' AND (c.workflow_id <> 'pm' OR c.org_id <> 'org-traffic-mediation' OR c.dispute_code <> t.dispute_code) AND ${copies}`);
    expect(Number(n)).toBe(0);
  });

  it('writes about eight audit entries per copied case, every copy with the opening entry first', async () => {
    const copies = `dispute_code NOT IN (SELECT dispute_code FROM cases WHERE ${MARKED})`;
    const [{ cases, entries }] = await query(`SELECT (SELECT count(*) FROM cases WHERE ${copies}) AS cases, (SELECT count(*) FROM audit_entries WHERE case_id IN (SELECT id FROM cases WHERE ${copies})) AS entries`);
    const perCase = Number(entries) / Number(cases);
    expect(perCase).toBeGreaterThan(7.5);
    expect(perCase).toBeLessThan(9);
    const [{ missing }] = await query(`SELECT count(*) AS missing FROM cases c WHERE ${copies} AND NOT EXISTS (SELECT 1 FROM audit_entries a WHERE a.case_id = c.id AND a.seq = 1)`);
    expect(Number(missing)).toBe(0);
  });

  it('writes the search digests of every copied party with an identity number or phone', async () => {
    const rows = await query(`SELECT c.id, c.parties, (SELECT count(*) FROM case_search_keys k WHERE k.case_id = c.id) AS keys FROM cases c WHERE NOT (${MARKED})`);
    const expected = (parties: { idNumber?: string; phone?: string }[]) => new Set(parties.flatMap((p) => [p.idNumber && `ID:${p.idNumber}`, p.phone && `PHONE:${p.phone}`].filter(Boolean))).size;
    const missing = rows.filter((r) => Number(r.keys) !== expected(typeof r.parties === 'string' ? JSON.parse(r.parties) : r.parties));
    expect(missing.map((r) => r.id)).toEqual([]);
    expect(rows.reduce((s, r) => s + Number(r.keys), 0)).toBeGreaterThan(DISPUTES);
  });

  it('writes the party digests the fraud checks compare for every copied party: identity number, and name with phone', async () => {
    const rows = await query(`SELECT c.id, c.parties, (SELECT count(*) FROM fraud_party_keys k WHERE k.case_id = c.id) AS keys FROM cases c WHERE NOT (${MARKED})`);
    const expected = (parties: { idNumber?: string; name?: string; phone?: string }[]) =>
      new Set(parties.flatMap((p) => [p.idNumber?.trim() && `id:${p.idNumber.trim()}`, p.name?.trim() && p.phone?.trim() && `np:${p.name.trim()}|${p.phone.trim()}`].filter(Boolean))).size;
    const missing = rows.filter((r) => Number(r.keys) !== expected(typeof r.parties === 'string' ? JSON.parse(r.parties) : r.parties));
    expect(missing.map((r) => r.id)).toEqual([]);
    expect(rows.reduce((s, r) => s + Number(r.keys), 0)).toBeGreaterThan(DISPUTES);
  });

  it('gives the engine a database whose audit chains verify and whose copies its search finds', async () => {
    const [{ entries }] = await query('SELECT count(*) AS entries FROM audit_entries');
    const checked = await checkSeeded(args);
    expect(checked.verify).toMatchObject({ ok: true, firstBroken: null });
    // The engine may have moved overdue copies on at its start (their timers), adding entries: never fewer.
    expect(checked.verify.checked).toBeGreaterThanOrEqual(Number(entries));
    expect(checked.sampleCaseId).toEqual(expect.any(String));
    expect(checked.search).toEqual({ idNumber: true, phone: true });
  }, 300_000);
});
