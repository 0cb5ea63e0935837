import { DataSource } from 'typeorm';
import { Db, SearchDigests } from '@app/persistence';
import { APPLICANT, apply, auth, idNumber, openCase, pmCaseBody, pmCaseIn, RESPONDENT } from '../support/cases';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * Search on the case list (docs/case-list.md, "Search"): free text through the trigram indexes (PostgreSQL pg_trgm,
 * SQLite FTS5), identity numbers and phones through keyed digests, always within the caller's jurisdiction.
 */

let serial = 500;
/** A fresh valid identity number, so each test finds only its own cases. */
const freshIdNumber = () => idNumber(`33019919900101${String(serial++).padStart(3, '0')}`);

describe.each(TEST_DATABASES)('case search ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let ouyang: { id: string; caseNo: string };
  const ouyangId = freshIdNumber();

  beforeAll(async () => {
    t = await createTestApp(database, {}, { keepDatabase: true });
    db = t.app.get(Db);
    ouyang = await openCase(
      t,
      'fy_mediator',
      pmCaseBody({
        summary: '果园承包合同纠纷：枇杷树补偿款未付',
        parties: [
          { role: 'APPLICANT', name: '欧阳司马燕', idNumber: ouyangId, phone: '0571-88886666' },
          { role: 'RESPONDENT', name: '王五', phone: '13700001234' },
        ],
      }),
    );
  });
  afterAll(async () => {
    await t?.close();
    await t?.database.drop();
  });

  const search = async (username: string, query: Record<string, string>) => {
    const res = await t.http().get('/api/cases').query(query).set(auth(await t.login(username)));
    expect(res.status).toBe(200);
    return res.body as { items: { id: string; caseNo: string }[]; total: number; totalCapped: boolean };
  };
  const ids = async (username: string, query: Record<string, string>) => (await search(username, query)).items.map((c) => c.id);

  describe('free text', () => {
    it.each([
      ['the whole five-character name', '欧阳司马燕'],
      ['four characters of it', '欧阳司马'],
      ['three from the middle', '阳司马'],
      ['three at the end', '司马燕'],
      ['a word of the summary', '枇杷树'],
      ['a longer stretch of the summary', '合同纠纷：枇杷'],
    ])('finds a case by %s (%s)', async (_label, q) => {
      expect(await ids('fy_mediator', { q })).toEqual([ouyang.id]);
    });

    it('finds a case by fragments of its case number', async () => {
      const chars = [...ouyang.caseNo];
      for (const fragment of [ouyang.caseNo, chars.slice(1, -1).join(''), chars.slice(-4).join('')]) {
        expect({ fragment, found: await ids('fy_mediator', { q: fragment, pageSize: '200' }) }).toEqual({ fragment, found: expect.arrayContaining([ouyang.id]) });
      }
    });

    it('finds one or two characters too (no trigram to index them): a whole short name, part of a name, a word of the summary', async () => {
      expect(await ids('fy_mediator', { q: '王五' })).toEqual([ouyang.id]);
      const xin = await openCase(t, 'fy_mediator', pmCaseBody({ parties: [APPLICANT, { ...RESPONDENT, name: '鑫' }] }));
      expect(await ids('fy_mediator', { q: '鑫' })).toEqual([xin.id]);
      expect(await ids('fy_mediator', { q: '司马' })).toEqual([ouyang.id]);
      expect(await ids('fy_mediator', { q: '枇杷' })).toEqual([ouyang.id]);
      expect(await ids('lq_mediator', { q: '司马' })).toEqual([]);
    });

    it('does not match across the end of one name and the start of the next', async () => {
      expect(await ids('fy_mediator', { q: '马燕王五' })).toEqual([]);
    });

    it('takes % and _ as themselves, not as wildcards', async () => {
      expect(await ids('fy_mediator', { q: '欧阳%燕' })).toEqual([]);
      expect(await ids('fy_mediator', { q: '欧阳司_燕' })).toEqual([]);
    });

    it('never matches identity numbers or phones, which a masked viewer must not be able to confirm by guessing', async () => {
      expect(await ids('auditor', { q: ouyangId })).toEqual([]);
      expect(await ids('auditor', { q: '88886666' })).toEqual([]);
    });

    it('is limited to the jurisdiction: another village’s mediator does not find the case, the district auditor does', async () => {
      expect(await search('lq_mediator', { q: '欧阳司马燕' })).toMatchObject({ items: [], total: 0 });
      expect(await ids('auditor', { q: '欧阳司马燕' })).toEqual([ouyang.id]);
    });

    it('follows a change of parties or summary made to the row in the same transaction (a correction)', async () => {
      const other = await openCase(t, 'fy_mediator', pmCaseBody({ summary: '原始摘要内容', parties: [APPLICANT, { ...RESPONDENT, name: '诸葛孔明' }] }));
      expect(await ids('fy_mediator', { q: '诸葛孔明' })).toEqual([other.id]);
      const parties = JSON.stringify([{ id: 'P1', ...APPLICANT }, { id: 'P2', ...RESPONDENT, name: '司徒雷登' }]);
      await db.transaction(async (tx) => {
        await tx.execute(`UPDATE cases SET parties = :parties${db.dialect === 'postgres' ? '::jsonb' : ''}, summary = :summary WHERE id = :id`, { parties, summary: '更正后的摘要', id: other.id });
      });
      expect(await ids('fy_mediator', { q: '诸葛孔明' })).toEqual([]);
      expect(await ids('fy_mediator', { q: '原始摘要' })).toEqual([]);
      expect(await ids('fy_mediator', { q: '司徒雷登' })).toEqual([other.id]);
      expect(await ids('fy_mediator', { q: '更正后的' })).toEqual([other.id]);
    });
  });

  describe('identity numbers and phones', () => {
    it('finds the case by a party’s identity number, and by either party’s phone however it is written', async () => {
      expect(await ids('fy_mediator', { idNumber: ouyangId })).toEqual([ouyang.id]);
      expect(await ids('fy_mediator', { idNumber: ouyangId.toLowerCase() })).toEqual([ouyang.id]);
      for (const phone of ['0571-88886666', '057188886666', '13700001234']) expect({ phone, found: await ids('fy_mediator', { phone }) }).toEqual({ phone, found: [ouyang.id] });
      expect(await ids('fy_mediator', { idNumber: freshIdNumber() })).toEqual([]);
      expect(await ids('fy_mediator', { phone: '13700009999' })).toEqual([]);
    });

    it('is limited to the jurisdiction, and logs the search with the phone masked', async () => {
      expect(await search('lq_mediator', { phone: '13700001234' })).toMatchObject({ items: [], total: 0 });
      expect(await search('lq_mediator', { idNumber: ouyangId })).toMatchObject({ items: [], total: 0 });
      const log = await t.http().get('/api/audit/security-log').query({ kind: 'PHONE_SEARCH' }).set(auth(await t.login('auditor')));
      expect(log.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kindLabel: '按电话号码查询', actor: expect.objectContaining({ username: 'lq_mediator' }), detail: { phone: '137****1234', matched: 0 } })]));
    });

    it('answers a malformed phone with a 400 naming phone', async () => {
      const res = await t.http().get('/api/cases').query({ phone: '12345' }).set(auth(await t.login('fy_mediator')));
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('phone');
    });

    it('keeps only keyed digests: no clear number in the search table, and no containment index over the parties document', async () => {
      const rows = await db.query<{ kind: string; digest: string }>('SELECT kind, digest FROM case_search_keys WHERE case_id = :id ORDER BY kind, digest', { id: ouyang.id });
      const digests = new SearchDigests();
      expect(rows.map((r) => [r.kind, r.digest.trim()])).toEqual(
        [['ID', digests.digest('ID', ouyangId)], ['PHONE', digests.digest('PHONE', '13700001234')], ['PHONE', digests.digest('PHONE', '057188886666')]].sort(),
      );
      expect(JSON.stringify(rows)).not.toMatch(/88886666|13700001234|19900101/);
      if (db.dialect === 'postgres') {
        const indexes = await db.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE tablename = 'cases' AND schemaname = current_schema()`);
        // The whole document's containment index answered `parties @> [{"idNumber": …}]`; the fraud checks' party keys remain (docs/case-list.md).
        expect(indexes.filter((i) => /USING gin \(parties\b/.test(i.indexdef)).map((i) => i.indexdef)).toEqual([]);
      }
    });

    it('writes the digests of a case another channel opens for the same parties (a transfer), found there by the court', async () => {
      const id = freshIdNumber();
      const pm = await pmCaseIn(t, 'agreedWritten', pmCaseBody({ parties: [{ ...APPLICANT, name: '东方既白', idNumber: id }, RESPONDENT] }));
      const applied = await apply(t, 'fy_mediator', pm.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      const jcId = applied.links[0].caseId as string;
      expect(await ids('court_clerk', { idNumber: id })).toEqual([jcId]);
      expect(await ids('court_clerk', { q: '东方既白' })).toEqual([jcId]);
    });
  });

  it('says the list total is exact (totalCapped false) below the count limit', async () => {
    expect(await search('fy_mediator', {})).toMatchObject({ totalCapped: false, total: expect.any(Number) });
  });

  describe('the search indexes over rows written before them', () => {
    it('are built by the migration, and the digests by the next start, also after a change of key', async () => {
      await t.close();
      // Undo the search migration (and every later one) and run them again over the cases already there.
      const reopened = await createTestApp(database, {}, { reuse: t.database, keepDatabase: true });
      const dataSource = reopened.app.get(DataSource);
      const searchMigrated = async () => (await dataSource.query(`SELECT 1 FROM migrations WHERE name = 'CaseSearch1764960000000'`)).length > 0;
      let undone = 0;
      while (await searchMigrated()) (await dataSource.undoLastMigration({ transaction: 'each' }), undone++);
      expect(undone).toBeGreaterThan(1);
      await dataSource.runMigrations({ transaction: 'each' });
      expect(await searchMigrated()).toBe(true);
      await reopened.close();
      t = await createTestApp(database, { FENGQIAO_SEARCH_KEY: 'another-search-key-of-sufficient-length-01' }, { reuse: t.database, keepDatabase: true });
      db = t.app.get(Db);
      expect(await ids('fy_mediator', { q: '司马燕' })).toEqual([ouyang.id]);
      expect(await ids('fy_mediator', { q: '王五' })).toEqual([ouyang.id]);
      expect(await ids('fy_mediator', { idNumber: ouyangId })).toEqual([ouyang.id]);
      expect(await ids('fy_mediator', { phone: '13700001234' })).toEqual([ouyang.id]);
      const [row] = await db.query<{ digest: string }>(`SELECT digest FROM case_search_keys WHERE case_id = :id AND kind = 'ID'`, { id: ouyang.id });
      expect(row.digest.trim()).toBe(new SearchDigests('another-search-key-of-sufficient-length-01').digest('ID', ouyangId));
      const first = (await search('fy_mediator', {})).items[0];
      expect(first).toBeDefined();
    });
  });
});
