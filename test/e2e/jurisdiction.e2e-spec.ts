import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, FENGYUAN, LIQIAO, RESPONDENT, apply, auth, chinaMorning, getCase, history, openCase, pmCaseBody, pmCaseIn, pmStep, send, setNow } from '../support/cases';

/*
 * Who sees what. A village committee sees its own cases; the township committee that supervises it sees them too, but
 * masked and read-only; an auditor sees its region masked; a court sees nothing of a mediation case it was never sent.
 * Out of jurisdiction is "no such case" (404), never a hint that it exists.
 */

describe.each(TEST_DATABASES)('jurisdiction ($name)', (database) => {
  let t: TestApp;
  /** 枫源村's case, in consentPending. */
  let fy: any;
  /** 栎桥村's case. */
  let lq: any;
  const ids: Record<string, string> = {};

  const list = async (username: string, query: Record<string, string | number | boolean> = {}) => {
    const res = await t.http().get('/api/cases').query(query).set(auth(await t.login(username)));
    expect(res.status).toBe(200);
    return res.body as { items: any[]; total: number; page: number; pageSize: number };
  };
  const idsOf = (page: { items: any[] }) => page.items.map((c) => c.id).sort();

  beforeAll(async () => {
    t = await createTestApp(database);
    // One 枫源村 case opened in early January, still in mediation two months later: its D-PM1 is overdue.
    setNow(t, chinaMorning('2025-01-02'));
    ids.overdue = (await pmCaseIn(t, 'mediating')).id;
    setNow(t, chinaMorning('2025-03-03'));
    fy = await pmCaseIn(t, 'consentPending');
    ids.fy = fy.id;
    ids.fyRegistered = (await pmCaseIn(t, 'registered')).id;
    ids.fyMediating = (await pmCaseIn(t, 'mediating')).id;
    setNow(t, '2025-03-03T03:00:00.000Z');
    lq = await openCase(t, 'lq_mediator', pmCaseBody({ regionCode: LIQIAO, summary: '栎桥村相邻通行纠纷' }));
    ids.lq = lq.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('another village', () => {
    it('gets 404 for 枫源村’s case, its history and its events', async () => {
      expect((await getCase(t, 'lq_mediator', ids.fy)).status).toBe(404);
      expect((await t.http().get(`/api/cases/${ids.fy}/history`).set(auth(await t.login('lq_mediator')))).status).toBe(404);
      expect((await send(t, 'lq_mediator', ids.fy, 'ASSIGN_MEDIATOR', pmStep(t, 'ASSIGN_MEDIATOR', 'x'))).status).toBe(404);
      expect((await getCase(t, 'fy_mediator', ids.fy)).body.version).toBe(2);
    });

    it('does not see it in any list, whatever the filters', async () => {
      expect(idsOf(await list('lq_mediator'))).toEqual([ids.lq]);
      expect((await list('lq_mediator')).total).toBe(1);
      expect((await list('lq_mediator', { regionCode: FENGYUAN })).total).toBe(0);
      expect((await list('lq_mediator', { orgId: 'org-fengyuan' })).total).toBe(0);
      expect((await list('lq_mediator', { q: '宅基地' })).total).toBe(0);
      // And 枫源村 does not see 栎桥村's.
      expect(idsOf(await list('fy_mediator'))).not.toContain(ids.lq);
      expect((await getCase(t, 'fy_mediator', ids.lq)).status).toBe(404);
    });
  });

  describe('the township committee, which supervises 枫源村', () => {
    it('sees the village cases in its list', async () => {
      const page = await list('fq_mediator');
      expect(idsOf(page)).toEqual(Object.values(ids).sort());
      expect(page.total).toBe(5);
      // A list row carries names, never identity numbers or phones.
      expect(JSON.stringify(page)).not.toContain(APPLICANT.idNumber);
      expect(JSON.stringify(page)).not.toContain(APPLICANT.phone);
      expect(page.items.find((c) => c.id === ids.fy)).toMatchObject({ orgId: 'org-fengyuan', orgName: '枫源村人民调解委员会', partyNames: ['张三', '李四'] });
    });

    it('reads the case with identity numbers and phones masked, and may send nothing', async () => {
      const res = await getCase(t, 'fq_mediator', ids.fy);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: ids.fy, state: 'consentPending', personalDataMasked: true, availableEvents: [] });
      expect(res.body.parties.map((p: any) => [p.name, p.idNumber, p.phone])).toEqual([
        [APPLICANT.name, `${APPLICANT.idNumber.slice(0, 6)}********${APPLICANT.idNumber.slice(-4)}`, '138****5678'],
        [RESPONDENT.name, `${RESPONDENT.idNumber.slice(0, 6)}********${RESPONDENT.idNumber.slice(-4)}`, '139****4321'],
      ]);
      expect(JSON.stringify(res.body)).not.toContain(APPLICANT.idNumber);
      expect((await history(t, 'fq_mediator', ids.fy)).map((e) => e.type)).toEqual(['OPEN', 'SEEK_CONSENT']);
    });

    it('cannot learn a masked identity number or phone by searching for it', async () => {
      // Search covers case numbers, summaries and party names; matching hidden fields would confirm them one guess at a time.
      expect((await list('fq_mediator', { q: '张三' })).total).toBe(5);
      expect((await list('fq_mediator', { q: fy.caseNo })).items.map((c) => c.id)).toEqual([ids.fy]);
      expect((await list('fq_mediator', { q: '通行' })).items.map((c) => c.id)).toEqual([ids.lq]);
      for (const hidden of [APPLICANT.idNumber, APPLICANT.idNumber.slice(6, 14), APPLICANT.phone, RESPONDENT.phone]) {
        expect({ hidden, total: (await list('fq_mediator', { q: hidden })).total }).toEqual({ hidden, total: 0 });
        expect({ hidden, total: (await list('auditor', { q: hidden })).total }).toEqual({ hidden, total: 0 });
      }
    });

    it('gets 403 when sending an event, even one its roles could send on its own cases', async () => {
      for (const user of ['fq_mediator', 'fq_director']) {
        const res = await send(t, user, ids.fy, 'NOT_ACCEPT', { reason: 'OTHER', explanation: '越级处理' });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ status: 403, code: 'FORBIDDEN' });
      }
      expect((await getCase(t, 'fy_mediator', ids.fy)).body.version).toBe(2);
    });
  });

  describe('the auditor', () => {
    it('sees the district’s cases, masked, and cannot act on them', async () => {
      expect(idsOf(await list('auditor'))).toEqual(Object.values(ids).sort());
      const res = await getCase(t, 'auditor', ids.fy);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ personalDataMasked: true, availableEvents: [] });
      expect(JSON.stringify(res.body)).not.toContain(APPLICANT.idNumber);
      expect(JSON.stringify(res.body)).not.toContain(RESPONDENT.phone);
      expect((await send(t, 'auditor', ids.fy, 'NOT_ACCEPT', { reason: 'OTHER', explanation: '审计' })).status).toBe(403);
    });
  });

  describe('the court', () => {
    it('does not see a mediation case that was never sent to it', async () => {
      expect((await list('court_clerk')).total).toBe(0);
      expect((await getCase(t, 'court_clerk', ids.fy)).status).toBe(404);
      expect((await getCase(t, 'judge', ids.fyMediating)).status).toBe(404);
    });
  });

  describe('GET /api/regions', () => {
    const regions = async (username: string) => {
      const res = await t.http().get('/api/regions').set(auth(await t.login(username)));
      expect(res.status).toBe(200);
      return res.body as { code: string; name: string; level: string }[];
    };

    it('gives a village user its village only', async () => {
      expect(await regions('fy_mediator')).toEqual([expect.objectContaining({ code: FENGYUAN, name: '枫源村', level: 'VILLAGE' })]);
      expect((await regions('lq_mediator')).map((r) => r.code)).toEqual([LIQIAO]);
    });

    it('gives the township its own subtree, and the administrator the whole tree: the city and its district', async () => {
      expect((await regions('fq_mediator')).map((r) => r.code).sort()).toEqual(['330199101', '330199101201', '330199101202', '330199101203']);
      const all = await regions('admin');
      expect(all).toHaveLength(12);
      expect(all.find((r) => r.code === '330100')).toMatchObject({ name: '青州市', level: 'CITY', parentCode: null });
      expect(all.find((r) => r.code === '330199')).toMatchObject({ name: '青溪区', level: 'DISTRICT', parentCode: '330100' });
    });

    it('needs a token', async () => {
      expect((await t.http().get('/api/regions')).status).toBe(401);
    });
  });

  describe('list filters', () => {
    it('filters by state and by workflow', async () => {
      expect(idsOf(await list('fq_mediator', { state: 'mediating' }))).toEqual([ids.overdue, ids.fyMediating].sort());
      expect(idsOf(await list('fq_mediator', { state: 'consentPending' }))).toEqual([ids.fy]);
      expect((await list('fq_mediator', { state: 'archived' })).total).toBe(0);
      expect((await list('fq_mediator', { workflow: 'pm' })).total).toBe(5);
      expect((await list('fq_mediator', { workflow: 'jc' })).total).toBe(0);
    });

    it('filters by organisation and by region (a region takes in its subtree)', async () => {
      expect(idsOf(await list('fq_mediator', { orgId: 'org-liqiao' }))).toEqual([ids.lq]);
      expect((await list('fq_mediator', { orgId: 'org-fengyuan' })).total).toBe(4);
      expect(idsOf(await list('fq_mediator', { regionCode: LIQIAO }))).toEqual([ids.lq]);
      expect((await list('fq_mediator', { regionCode: '330199101' })).total).toBe(5);
      expect((await list('fq_mediator', { regionCode: '330199102' })).total).toBe(0);
    });

    it('filters by overdue: a pending deadline whose last day has passed', async () => {
      const overdue = await list('fq_mediator', { overdue: true });
      expect(idsOf(overdue)).toEqual([ids.overdue]);
      // D-PM1 from 2025-01-02 ends 2025-02-02, a Spring Festival holiday, and rolls to 2025-02-05.
      expect(overdue.items[0]).toMatchObject({ overdue: true, nextDeadline: { dueOn: '2025-02-05', legalBasis: '人民调解工作若干规定 第三十三条' } });
      expect(overdue.items[0].nextDeadline.daysLeft).toBeLessThan(0);
      expect(idsOf(await list('fq_mediator', { overdue: false }))).toEqual([ids.fy, ids.fyRegistered, ids.fyMediating, ids.lq].sort());
      const detail = (await getCase(t, 'fy_mediator', ids.overdue)).body;
      expect(detail.deadlines).toEqual([expect.objectContaining({ specId: 'D-PM1', dueOn: '2025-02-05', status: 'pending', daysLeft: -26 })]);
    });

    it('combines filters', async () => {
      expect(idsOf(await list('fq_mediator', { state: 'mediating', overdue: false, regionCode: FENGYUAN }))).toEqual([ids.fyMediating]);
      expect((await list('fq_mediator', { state: 'mediating', orgId: 'org-liqiao' })).total).toBe(0);
    });

    it('pages through the list with a total', async () => {
      const seen: string[] = [];
      for (const page of [1, 2, 3]) {
        const res = await list('fq_mediator', { page, pageSize: 2 });
        expect(res).toMatchObject({ total: 5, page, pageSize: 2 });
        expect(res.items).toHaveLength(page < 3 ? 2 : 1);
        seen.push(...res.items.map((c) => c.id));
      }
      expect([...seen].sort()).toEqual(Object.values(ids).sort());
      const beyond = await list('fq_mediator', { page: 4, pageSize: 2 });
      expect(beyond).toMatchObject({ total: 5, items: [] });
      // Most recently updated first.
      const first = await list('fq_mediator', { pageSize: 1 });
      expect(first.items[0].id).toBe(ids.lq);
    });

    it('refuses malformed filters, naming them', async () => {
      const res = await t.http().get('/api/cases').query({ pageSize: 0, page: 'first', overdue: 'maybe', regionCode: '33' }).set(auth(await t.login('fq_mediator')));
      expect(res.status).toBe(400);
      expect([...new Set(res.body.errors.map((e: any) => e.field))].sort()).toEqual(['overdue', 'page', 'pageSize', 'regionCode']);
    });

    it('keeps the overdue case overdue until it moves on', async () => {
      await apply(t, 'fy_mediator', ids.overdue, 'SIGN_WRITTEN_AGREEMENT', pmStep(t, 'SIGN_WRITTEN_AGREEMENT'));
      const detail = (await getCase(t, 'fy_mediator', ids.overdue)).body;
      expect(detail.deadlines.find((d: any) => d.specId === 'D-PM1')).toMatchObject({ status: 'missed' });
      expect((await list('fq_mediator', { overdue: true })).total).toBe(0);
    });
  });
});
