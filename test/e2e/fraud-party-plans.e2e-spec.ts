import { SearchDigests, type Db } from '@app/persistence';
import { DEFAULT_FRAUD_SETTINGS } from '@app/subsidy';
import { SqlCaseStore } from '../../libs/persistence/src/stores/sql-case.store';
import { SqlFraudChecks } from '../../libs/persistence/src/stores/sql-fraud-checks';
import { fillCases, openFilledDatabase } from '../support/case-fill';
import { TEST_DATABASES } from '../support/databases';
import { explaining, indexesUsed, seqScans, type ExplainedStatement } from '../support/query-plans';
import { idNumber } from '../support/cases';

/*
 * The party lookups over 20,000 generated cases with two party digests each, after ANALYZE: a batch's digests are
 * found through the primary key of fraud_party_keys and its cases through theirs, so the lookup does not grow with
 * the tables (bench/fraud-checks.js measures it at 100,000 cases). PostgreSQL only: SQLite has no such choice to hold.
 */
const CASES = 20_000;
const CLAIMED = 50;
const postgres = TEST_DATABASES.filter((d) => d.name === 'postgres');

describe.each(postgres)('party lookup plans at volume ($name)', (database) => {
  let db: Db;
  let close: () => Promise<void>;
  const claimed: string[] = [];

  beforeAll(async () => {
    ({ db, close } = await openFilledDatabase(database, (filled: Db) => fillCases(filled, CASES)));
    await db.execute(
      `INSERT INTO fraud_party_keys (digest, case_id, kind) SELECT md5(c.id || k.kind) || md5(c.id), c.id, k.kind FROM cases c CROSS JOIN (VALUES ('ID'), ('NAME_PHONE')) k(kind) WHERE c.opened_by = 'filler'`,
    );
    // Claimed cases whose parties have real digests, in pairs of the same two people: each a duplicate of the other.
    const digests = new SearchDigests();
    for (let i = 0; i < CLAIMED; i++) {
      const [row] = await db.query<{ id: string }>(`SELECT id FROM cases WHERE case_no = :no`, { no: `FILL-${String(i * 7 + 3).padStart(6, '0')}` });
      const parties = [
        { id: 'P1', role: 'APPLICANT', name: `申请人${i >> 1}`, idNumber: idNumber(`330199198001${String(i >> 1).padStart(5, '0')}`), phone: `1390001${String(i >> 1).padStart(4, '0')}` },
        { id: 'P2', role: 'RESPONDENT', name: `被申请人${i >> 1}`, phone: `1380001${String(i >> 1).padStart(4, '0')}` },
      ];
      await db.execute(`UPDATE cases SET parties = :parties::jsonb WHERE id = :id`, { id: row.id, parties: JSON.stringify(parties) });
      await db.execute('DELETE FROM fraud_party_keys WHERE case_id = :id', { id: row.id });
      for (const k of digests.ofPartyKeys(parties)) await db.execute('INSERT INTO fraud_party_keys (digest, case_id, kind) VALUES (:d, :c, :k)', { d: k.digest, c: row.id, k: k.kind });
      claimed.push(row.id);
    }
    await db.execute('ANALYZE cases');
    await db.execute('ANALYZE fraud_party_keys');
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  const partyLookup = (plans: ExplainedStatement[]) => {
    const found = plans.filter((p) => p.sql.includes('fraud_party_keys'));
    expect(found).toHaveLength(1);
    return found[0].plan;
  };

  it('the fraud checks find a batch’s cases sharing a party through the digests’ primary key', async () => {
    const plans: ExplainedStatement[] = [];
    const flags = await new SqlFraudChecks(explaining(db, plans), DEFAULT_FRAUD_SETTINGS).flagsFor(claimed, new Date());
    // The pairs are flagged as each other's duplicates, found through the digests alone.
    const duplicates = claimed.map((id) => (flags.get(id) ?? []).filter((f) => f.check === 'DUPLICATE_DISPUTE').flatMap((f) => (f.evidence.otherCases as { caseId: string }[]).map((o) => o.caseId)));
    expect(duplicates).toEqual(claimed.map((_, i) => [claimed[i ^ 1]]));
    const plan = partyLookup(plans);
    // The agreement time's subquery reads audit_entries, empty here: only the tables the lookup searches count.
    expect({ indexes: indexesUsed(plan), seqScans: seqScans(plan).filter((t) => !t.startsWith('audit_entries')) }).toEqual({ indexes: expect.arrayContaining(['fraud_party_keys_pkey', 'cases_pkey']), seqScans: [] });
  });

  it('an event’s related-case lookup does the same', async () => {
    const plans: ExplainedStatement[] = [];
    const store = new SqlCaseStore(explaining(db, plans));
    const related = await store.findRelated({ workflows: ['pm'], partyKeys: ['id:' + idNumber('33019919800100000'), 'np:申请人0|13900010000'], disputeCode: 'DFILL3', excludeCaseId: claimed[0] });
    expect(related.map((c) => c.record.id)).toEqual([claimed[1]]);
    const plan = partyLookup(plans);
    expect({ indexes: indexesUsed(plan), seqScans: seqScans(plan) }).toEqual({ indexes: expect.arrayContaining(['fraud_party_keys_pkey', 'cases_dispute']), seqScans: [] });
  });
});
