import { DataSource } from 'typeorm';
import { Db, SearchDigests } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, idNumber, openCase, pmCaseBody, pmStep, setNow } from '../support/cases';

/*
 * The fraud checks find a person by keyed digests of the party keys (fraud_party_keys, migration 1765000300000), never
 * by the numbers themselves: the table holds no identity number, name or phone, and a change of the search key
 * digests every case again before the checks compare.
 */

const AS_OF = '2026-11-30T00:00:00.000Z';
const OTHER_KEY = 'another-search-key-of-sufficient-length-02';
const at = (date: string, hourUtc: number) => `${date}T${String(hourUtc).padStart(2, '0')}:00:00.000Z`;

// Identity numbers decide for the first pair (the phones change); name and phone for the second (no numbers).
const twins = [
  { role: 'APPLICANT', name: '钱海涛', idNumber: idNumber('33019919820304123'), phone: '13900007001' },
  { role: 'RESPONDENT', name: '孙丽娟', idNumber: idNumber('33019919790615456'), phone: '13900007002' },
];
const twinsAgain = twins.map((p, i) => ({ ...p, phone: `1370000700${i}` }));
const pair = [
  { role: 'APPLICANT', name: '吴志强', phone: '13900007003' },
  { role: 'RESPONDENT', name: '郑晓红', phone: '13900007004' },
];

describe.each(TEST_DATABASES)('fraud checks on party digests ($name)', (database) => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  async function agreed(key: string, date: string, body: Record<string, unknown>) {
    setNow(t, at(date, 2));
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    let view = await openCase(t, 'fy_mediator', pmCaseBody(body));
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
    setNow(t, at(date, 7));
    await apply(t, 'fy_mediator', view.id, 'SIGN_WRITTEN_AGREEMENT', pmStep(t, 'SIGN_WRITTEN_AGREEMENT'));
    ids[key] = view.id;
  }

  async function checks(keys: string[]): Promise<Record<string, string[]>> {
    const res = await t.http().post('/api/subsidy/fraud-checks').set(auth(await t.login('auditor'))).send({ caseIds: keys.map((k) => ids[k]), asOf: AS_OF });
    expect(res.status).toBe(200);
    return Object.fromEntries(keys.map((k, i) => [k, res.body.cases[i].flags.map((f: { check: string }) => f.check)]));
  }

  const keysOf = async (key: string) =>
    (await t.app.get(Db).query<{ kind: string; digest: string }>('SELECT kind, digest FROM fraud_party_keys WHERE case_id = :id ORDER BY kind, digest', { id: ids[key] })).map((r) => [r.kind, r.digest]);

  const expectedKeys = (digests: SearchDigests, parties: { name: string; idNumber?: string; phone: string }[]) =>
    parties
      .flatMap((p) => [...(p.idNumber ? [['ID', digests.digest('ID', p.idNumber)]] : []), ['NAME_PHONE', digests.digest('NAME_PHONE', `${p.name}|${p.phone}`)]])
      .sort((a, b) => (a[0] + a[1]).localeCompare(b[0] + b[1]));

  beforeAll(async () => {
    t = await createTestApp(database, {}, { keepDatabase: true });
    await agreed('A', '2026-03-02', { parties: twins, category: 'NEIGHBOUR' });
    await agreed('B', '2026-04-10', { parties: twinsAgain, category: 'NEIGHBOUR' });
    await agreed('E', '2026-06-01', { parties: pair, category: 'NEIGHBOUR' });
    await agreed('F', '2026-06-04', { parties: pair, category: 'CONTRACT' });
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.drop();
  });

  it('keeps only keyed digests of the party keys: no identity number, name or phone in the table, nor an index over them', async () => {
    expect(await keysOf('A')).toEqual(expectedKeys(new SearchDigests(), twins));
    const db = t.app.get(Db);
    const all = JSON.stringify(await db.query('SELECT * FROM fraud_party_keys'));
    const people: { name: string; phone: string; idNumber?: string }[] = [...twins, ...twinsAgain, ...pair];
    for (const p of people) {
      for (const clear of [p.name, p.phone, ...(p.idNumber ? [p.idNumber, p.idNumber.slice(6, 14)] : [])]) expect(all).not.toContain(clear);
    }
    if (db.dialect === 'postgres') {
      // The expression index of migration 1764701000000 held `id:<number>` for every party; the names' trigram index stays.
      const indexes = await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'cases' AND schemaname = current_schema()`);
      expect(indexes.map((i) => i.indexdef).filter((d) => /\bparties\b/.test(d) && !/case_search_text\(/.test(d))).toEqual([]);
      const [{ n }] = await db.query(`SELECT count(*) AS n FROM pg_proc p JOIN pg_namespace s ON s.oid = p.pronamespace WHERE p.proname = 'fraud_party_keys' AND s.nspname = current_schema()`);
      expect(Number(n)).toBe(0);
    }
  });

  it('flags a duplicate by identity number and a split by name and phone', async () => {
    const f = await checks(['A', 'B', 'E', 'F']);
    expect(f.A).toContain('DUPLICATE_DISPUTE');
    expect(f.B).toContain('DUPLICATE_DISPUTE');
    expect(f.E).toContain('SPLIT_DISPUTE');
    expect(f.F).toContain('SPLIT_DISPUTE');
  });

  it('digests the cases written before the migration at the next start, again under a changed key, and still flags them', async () => {
    await t.close();
    // Back to the clear expression index, then forward over the cases already there.
    const reopened = await createTestApp(database, {}, { reuse: t.database, keepDatabase: true });
    const dataSource = reopened.app.get(DataSource);
    // The digests' migration and any after it, newest first.
    const migrated = async () => (await dataSource.query(`SELECT name FROM migrations WHERE name = 'FraudPartyDigests1765000300000'`)).length > 0;
    while (await migrated()) await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.runMigrations({ transaction: 'each' });
    await reopened.close();
    t = await createTestApp(database, { FENGQIAO_SEARCH_KEY: OTHER_KEY }, { reuse: t.database, keepDatabase: true });
    const other = new SearchDigests(OTHER_KEY);
    expect(await keysOf('A')).toEqual(expectedKeys(other, twins));
    expect(await keysOf('E')).toEqual(expectedKeys(other, pair));
    const [{ digested, cases }] = await t.app.get(Db).query('SELECT (SELECT count(DISTINCT case_id) FROM fraud_party_keys) AS digested, (SELECT count(*) FROM cases) AS cases');
    expect(Number(digested)).toBe(Number(cases));
    const f = await checks(['A', 'B', 'E', 'F']);
    expect(f.A).toContain('DUPLICATE_DISPUTE');
    expect(f.B).toContain('DUPLICATE_DISPUTE');
    expect(f.E).toContain('SPLIT_DISPUTE');
    expect(f.F).toContain('SPLIT_DISPUTE');
  });
});
