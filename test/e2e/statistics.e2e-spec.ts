import ExcelJS from 'exceljs';
import { SatisfactionRates } from '@app/subsidy';
import { TEST_DATABASES } from '../support/databases';
import { runWorker } from '../support/deadlines';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, chinaMorning, eventually, history, openCase, pmCaseBody, pmCaseIn, pmStep, RIGHTS_NOTICE, send, setNow, today } from '../support/cases';

/*
 * 群众满意度测评 and the bureau's statistics, on one engine per database.
 *
 * The survey (March–April 2024): the follow-up visit records what each party said, and a party who was not heard
 * answers once through a short link, without an account, on a page that shows nothing personal.
 *
 * The statistics (May 2024): cases this suite opens across two townships, checked against counts the suite works
 * out itself from what it did to each case and from each case's own view; the workbooks hold the same.
 */

const RATE_LIMIT = 40;
const FENGQIAO = '330199101';
const NANSHAN = '330199102';
const DISTRICT = '330199';
const PERIOD = { from: '2024-05-01', to: '2024-05-31' };

interface Made {
  id: string;
  regionCode: string;
  orgId: string;
  workflow: string;
  category: string;
  source: string;
  succeeded: boolean;
  performed: boolean;
}

interface Known extends Made {
  closed: boolean;
  days: number | null;
  missed: number;
  assigneeId: string | null;
}

describe.each(TEST_DATABASES)('satisfaction survey and statistics ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database, { FENGQIAO_SURVEY_RATE_LIMIT: String(RATE_LIMIT), FENGQIAO_SURVEY_LINK_DAYS: '30' });
    setNow(t, chinaMorning('2024-03-04'));
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('satisfaction survey', () => {
    let closedId: string;
    let respondentToken: string;

    const links = async (username: string, caseId: string) => t.http().get(`/api/cases/${caseId}/satisfaction-links`).set(auth(await t.login(username)));
    const followUp = (satisfaction?: unknown) => ({ visitedOn: today(t), method: 'PHONE', summary: '电话回访，协议已履行', ...(satisfaction === undefined ? {} : { satisfaction }) });

    it('refuses a follow-up answer for someone who is not a party, a party twice, or an unknown rating, naming the field', async () => {
      const view = await pmCaseIn(t, 'agreedWritten');
      await apply(t, 'fy_mediator', view.id, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
      const stranger = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P9', rating: 'SATISFIED' }]));
      expect(stranger.status).toBe(400);
      expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[0].partyId', messageZh: 'P9 不是本案当事人' })]);
      const twice = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'SATISFIED' }, { partyId: 'P1', rating: 'DISSATISFIED' }]));
      expect(twice.status).toBe(400);
      expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[1].partyId' })]);
      const rating = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'VERY_HAPPY' }]));
      expect(rating.status).toBe(400);
      expect(rating.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[0].rating' })]);
    });

    it('records the satisfaction heard at the follow-up visit in the audit trail; a follow-up without it still applies', async () => {
      const view = await pmCaseIn(t, 'agreedWritten');
      closedId = view.id;
      await apply(t, 'fy_mediator', closedId, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
      await apply(t, 'fy_mediator', closedId, 'RECORD_FOLLOW_UP', followUp());
      await apply(t, 'fy_mediator', closedId, 'RECORD_PERFORMED', { performedOn: today(t) });
      await apply(t, 'fy_mediator', closedId, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'SATISFIED' }]));
      const last = (await history(t, 'fy_mediator', closedId)).at(-1);
      expect(last).toMatchObject({ type: 'RECORD_FOLLOW_UP', data: { satisfaction: [{ partyId: 'P1', rating: 'SATISFIED' }] } });
    });

    it('issues a link at closing to each party not yet heard, shown to the handling organisation only', async () => {
      const closed = await apply(t, 'fy_mediator', closedId, 'ARCHIVE', { dossierComplete: true, fileNo: '2024-调-001' });
      expect(closed.closed).toBe(true);
      const listed = await eventually(
        () => links('fy_mediator', closedId),
        (res) => res.status === 200 && res.body.some((p: any) => p.link),
      );
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual([
        expect.objectContaining({ partyId: 'P1', roleLabel: '申请人', answered: true, link: null }),
        expect.objectContaining({ partyId: 'P2', roleLabel: '被申请人', answered: false, link: expect.objectContaining({ usedAt: null, expired: false }) }),
      ]);
      respondentToken = listed.body[1].link.token;
      expect(respondentToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(listed.body[1].link.path).toBe(`/survey/${respondentToken}`);

      expect((await links('auditor', closedId)).status).toBe(403);
      expect((await links('lq_mediator', closedId)).status).toBe(404);
      // Asking again keeps the live link rather than multiplying them.
      const again = await t.http().post(`/api/cases/${closedId}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
      expect(again.status).toBe(201);
      expect(again.body[1].link.token).toBe(respondentToken);
    });

    it('shows the party a page without personal data, and needs no account', async () => {
      const res = await t.http().get(`/api/public/survey/${respondentToken}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        organisation: '枫源村人民调解委员会',
        channel: '人民调解',
        category: '邻里',
        closedOn: '2024-03-04',
        partyRole: '被申请人',
        question: '您对本次纠纷调解工作是否满意？',
        questionEn: expect.any(String),
        options: [
          { value: 'SATISFIED', label: '满意' },
          { value: 'BASICALLY_SATISFIED', label: '基本满意' },
          { value: 'DISSATISFIED', label: '不满意' },
        ],
        expiresAt: '2024-04-03T02:00:00.000Z',
      });
      const text = JSON.stringify(res.body);
      for (const personal of [APPLICANT.name, RESPONDENT.name, APPLICANT.idNumber, RESPONDENT.idNumber, APPLICANT.phone, RESPONDENT.phone, '宅基地', closedId]) expect(text).not.toContain(personal);
    });

    it('takes one answer through the link and refuses the link a second time', async () => {
      const bad = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'GREAT' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'rating' })]);
      const first = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'DISSATISFIED' });
      expect(first.status).toBe(201);
      expect(first.body).toEqual({ answered: true });
      const second = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'SATISFIED' });
      expect(second.status).toBe(409);
      expect(second.body).toMatchObject({ code: 'SURVEY.LINK_USED', detail: expect.stringContaining('只能评价一次') });
      expect((await t.http().get(`/api/public/survey/${respondentToken}`)).status).toBe(409);
      // Both parties have answered now: asking for links issues none.
      const listed = await t.http().post(`/api/cases/${closedId}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
      expect(listed.body.map((p: any) => p.answered)).toEqual([true, true]);
      expect(listed.body[1].link.usedAt).not.toBeNull();
    });

    it('counts the first answer of each party in the satisfaction rates the subsidy tariffs read', async () => {
      const rates = await t.app.get(SatisfactionRates).forCases([closedId]);
      expect(rates.get(closedId)).toEqual({ answered: 2, satisfied: 1 });
    });

    it('refuses unknown and expired links, and a link for a party who answered at the follow-up meanwhile', async () => {
      expect((await t.http().get('/api/public/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
      expect((await t.http().get('/api/public/survey/short')).status).toBe(404);

      // A mediator may hand out links before closing; this one is answered at the visit first, then expires.
      const view = await pmCaseIn(t, 'agreedWritten');
      await apply(t, 'fy_mediator', view.id, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
      const issued = await t.http().post(`/api/cases/${view.id}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
      expect(issued.status).toBe(201);
      const [p1, p2] = issued.body.map((p: any) => p.link.token);
      await apply(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'BASICALLY_SATISFIED' }]));
      const heard = await t.http().post(`/api/public/survey/${p1}`).send({ rating: 'DISSATISFIED' });
      expect(heard.status).toBe(409);
      setNow(t, chinaMorning('2024-04-10'));
      const expired = await t.http().post(`/api/public/survey/${p2}`).send({ rating: 'SATISFIED' });
      expect(expired.status).toBe(410);
      expect(expired.body).toMatchObject({ code: 'SURVEY.LINK_EXPIRED' });
      expect((await t.app.get(SatisfactionRates).forCases([view.id])).get(view.id)).toEqual({ answered: 1, satisfied: 1 });
    });
  });

  describe('statistics', () => {
    const made: Made[] = [];
    let known: Known[] = [];
    let outside: string;
    const survey = new Map<string, { answered: number; satisfied: number }>();

    const userId = async (username: string) => (await t.loginUser(username)).user.id;
    const stats = async (username: string, query: Record<string, string>) => t.http().get('/api/statistics').query(query).set(auth(await t.login(username)));

    /** Opens a 人民调解 case as `username` and takes it through `steps` (event types with the usual data). */
    async function pmCase(username: string, body: Record<string, unknown>, steps: string[], extra: Record<string, Record<string, unknown>> = {}) {
      let view = await openCase(t, username, pmCaseBody(body));
      const mediatorId = await userId(username);
      for (const type of steps) view = await apply(t, username, view.id, type, extra[type] ?? pmStep(t, type, mediatorId));
      return view;
    }
    const record = (view: any, facts: { succeeded: boolean; performed: boolean }) =>
      made.push({ id: view.id, regionCode: view.regionCode, orgId: view.assignment.orgId, workflow: view.workflow.id, category: view.category, source: view.source, ...facts });
    const TO_AGREEMENT = ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT'];
    const TO_MEDIATING = ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION'];

    it('opens, mediates and closes cases in May 2024, and one just before it', async () => {
      setNow(t, '2024-04-30T15:59:00.000Z'); // 23:59 on 30 April, China time
      outside = (await pmCase('fy_mediator', { category: 'NEIGHBOUR' }, [])).id;

      setNow(t, chinaMorning('2024-05-06'));
      // A: agreed, performed, two parties satisfied at the visit, archived ten days after opening.
      const a = await pmCase('fy_mediator', { category: 'NEIGHBOUR', source: 'APPLICATION' }, TO_AGREEMENT);
      await apply(t, 'fy_mediator', a.id, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '不申请司法确认' });
      await apply(t, 'fy_mediator', a.id, 'RECORD_PERFORMED', { performedOn: today(t) });
      const visit = { visitedOn: today(t), method: 'VISIT', summary: '上门回访' };
      await apply(t, 'fy_mediator', a.id, 'RECORD_FOLLOW_UP', { ...visit, satisfaction: [{ partyId: 'P1', rating: 'SATISFIED' }, { partyId: 'P2', rating: 'BASICALLY_SATISFIED' }] });
      record(a, { succeeded: true, performed: true });
      // B: found by screening, mediation fails three days later.
      const b = await pmCase('fy_mediator', { category: 'CONTRACT', source: 'PROACTIVE' }, TO_MEDIATING);
      record(b, { succeeded: false, performed: false });
      // C: found by screening and left waiting, so its one-month target passes.
      record(await pmCase('fy_mediator', { category: 'NEIGHBOUR', source: 'PROACTIVE' }, []), { succeeded: false, performed: false });
      // D: reported by a grid worker in 栎桥村, agreed, sent to the court for judicial confirmation.
      const d = await pmCase('lq_mediator', { category: 'MARRIAGE_FAMILY', source: 'GRID_REPORT', regionCode: '330199101202' }, TO_AGREEMENT);
      const sent = await apply(t, 'lq_mediator', d.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      record(sent, { succeeded: true, performed: false });
      const jcId = sent.links.find((l: any) => l.direction === 'TO').caseId;
      const jc = (await t.http().get(`/api/cases/${jcId}`).set(auth(await t.login('admin')))).body;
      record(jc, { succeeded: false, performed: false });
      // E: the district centre mediates a labour dispute in 南山村, still under way.
      record(await pmCase('qx_mediator', { category: 'LABOUR', source: 'APPLICATION', regionCode: '330199102201' }, TO_MEDIATING), { succeeded: false, performed: false });

      setNow(t, chinaMorning('2024-05-09'));
      await apply(t, 'fy_mediator', b.id, 'TERMINATE_FAILED', { reason: '双方分歧过大', rightsNotice: RIGHTS_NOTICE(today(t)) });
      setNow(t, chinaMorning('2024-05-16'));
      await apply(t, 'fy_mediator', a.id, 'ARCHIVE', { dossierComplete: true });
      // B's parties were not heard at a visit: its applicant answers through the link issued at closing.
      const links = await eventually(
        async () => (await t.http().get(`/api/cases/${b.id}/satisfaction-links`).set(auth(await t.login('fy_mediator')))).body,
        (body: any) => Array.isArray(body) && body.every((p: any) => p.link),
      );
      expect((await t.http().post(`/api/public/survey/${links[0].link.token}`).send({ rating: 'DISSATISFIED' })).status).toBe(201);
      survey.set(await userId('fy_mediator'), { answered: 3, satisfied: 2 });

      setNow(t, '2024-05-31T15:59:00.000Z'); // 23:59 on 31 May: still in the period
      record(await pmCase('fq_mediator', { category: 'HOUSING_HOMESTEAD', source: 'PROACTIVE', regionCode: FENGQIAO }, []), { succeeded: false, performed: false });

      setNow(t, chinaMorning('2024-06-20'));
      await runWorker(t);

      // What each case says of itself: closed or not, when, and its missed deadlines.
      known = [];
      for (const m of made) {
        const view = (await t.http().get(`/api/cases/${m.id}`).set(auth(await t.login('admin')))).body;
        const entries = await history(t, 'admin', m.id);
        const days = view.closed ? (Date.parse(entries.at(-1).at) - Date.parse(view.openedAt)) / 86_400_000 : null;
        known.push({ ...m, closed: view.closed, days, missed: view.deadlines.filter((x: any) => x.status === 'missed').length, assigneeId: view.assignment.assigneeId });
      }
      expect(known.filter((k) => k.closed).map((k) => k.days)).toEqual([10, 3]);
      expect(known.reduce((n, k) => n + k.missed, 0)).toBeGreaterThanOrEqual(2);
    });

    /** The figures of a slice of the known cases, worked out here. */
    function expected(cases: Known[], answers = { answered: 0, satisfied: 0 }) {
      const count = (p: (k: Known) => boolean) => cases.filter(p).length;
      const succeeded = count((k) => k.succeeded);
      const unsuccessful = count((k) => k.closed && !k.succeeded);
      const closed = cases.filter((k) => k.closed);
      const r = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);
      return {
        cases: cases.length,
        closed: closed.length,
        succeeded,
        performed: count((k) => k.performed),
        successRate: r(succeeded, succeeded + unsuccessful),
        performanceRate: r(count((k) => k.performed), succeeded),
        averageDays: closed.length ? Math.round((closed.reduce((n, k) => n + k.days!, 0) / closed.length) * 10) / 10 : null,
        overdueDeadlines: cases.reduce((n, k) => n + k.missed, 0),
        answered: answers.answered,
        satisfied: answers.satisfied,
        satisfactionRate: r(answers.satisfied, answers.answered),
      };
    }

    it('gives the district its figures by township, channel, category and source, leaving out the case opened before the period', async () => {
      const res = await stats('auditor', { regionCode: DISTRICT, ...PERIOD });
      expect(res.status).toBe(200);
      const fy = survey.get(await userId('fy_mediator'))!;
      expect(res.body.region).toEqual({ code: DISTRICT, name: '青溪区', level: 'DISTRICT' });
      expect(res.body.totals).toEqual(expected(known, fy));
      expect(known.map((k) => k.id)).not.toContain(outside);
      expect(res.body.regions).toEqual([
        { code: FENGQIAO, name: '枫桥镇', level: 'TOWNSHIP', ...expected(known.filter((k) => k.regionCode.startsWith(FENGQIAO)), fy) },
        { code: NANSHAN, name: '南山镇', level: 'TOWNSHIP', ...expected(known.filter((k) => k.regionCode.startsWith(NANSHAN))) },
      ]);
      expect(res.body.workflows).toEqual([
        { id: 'jc', title: expect.any(String), ...expected(known.filter((k) => k.workflow === 'jc')) },
        { id: 'pm', title: '人民调解', ...expected(known.filter((k) => k.workflow === 'pm'), fy) },
      ]);
      const categories = [...new Set(known.map((k) => k.category))];
      expect(res.body.categories.map((c: any) => c.code).sort()).toEqual(categories.sort());
      for (const c of res.body.categories) {
        expect(c).toEqual({ code: c.code, label: expect.any(String), cases: known.filter((k) => k.category === c.code).length, succeeded: known.filter((k) => k.category === c.code && k.succeeded).length });
      }
      for (const s of res.body.sources) expect(s.cases).toBe(known.filter((k) => k.source === s.code).length);
      expect(res.body.sources.reduce((n: number, s: any) => n + s.cases, 0)).toBe(known.length);
      expect(res.body.transfers).toEqual([{ from: { id: 'pm', title: '人民调解' }, to: { id: 'jc', title: expect.any(String) }, sent: 1, byStatus: expect.any(Object) }]);
      expect(Object.values(res.body.transfers[0].byStatus)).toEqual([1]);
      expect(res.body.mediators).toEqual([{ userId: await userId('fy_mediator'), name: '王秀英（枫源村调解员）', orgName: '枫源村人民调解委员会', ...fy, satisfactionRate: 0.6667 }]);
    });

    it('gives a township director the township only, and refuses what lies outside a jurisdiction or role', async () => {
      const res = await stats('fq_director', { regionCode: FENGQIAO, ...PERIOD });
      expect(res.status).toBe(200);
      const mine = known.filter((k) => k.regionCode.startsWith(FENGQIAO));
      expect(res.body.totals).toEqual(expected(mine, survey.get(await userId('fy_mediator'))));
      expect(res.body.regions.map((r: any) => r.code)).toEqual([...new Set(mine.map((k) => (k.regionCode === FENGQIAO ? FENGQIAO : k.regionCode)))].sort());
      expect(res.body.regions.find((r: any) => r.code === FENGQIAO).name).toBe('枫桥镇（本级）');

      expect((await stats('fy_director', { regionCode: DISTRICT, ...PERIOD })).status).toBe(403);
      expect((await stats('fy_mediator', { ...PERIOD })).status).toBe(403);
      const badDate = await stats('auditor', { from: '2024-02-30', to: '2024-05-31' });
      expect(badDate.status).toBe(400);
      expect(badDate.body.errors).toEqual([expect.objectContaining({ field: 'from' })]);
      const reversed = await stats('auditor', { from: '2024-06-01', to: '2024-05-31' });
      expect(reversed.body.errors).toEqual([expect.objectContaining({ field: 'to' })]);
      const region = await stats('admin', { regionCode: '999999', ...PERIOD });
      expect(region.status).toBe(400);
      expect(region.body.errors).toEqual([expect.objectContaining({ field: 'regionCode' })]);
    });

    it('exports the same figures as a workbook with Chinese headers', async () => {
      const json = (await stats('auditor', { regionCode: DISTRICT, ...PERIOD })).body;
      const res = await t.http().get('/api/statistics').query({ regionCode: DISTRICT, ...PERIOD, format: 'xlsx' }).set(auth(await t.login('auditor'))).buffer(true).parse(binary);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body);
      const rows = sheetRows(book, '按区划');
      expect(rows[0]).toEqual(['区划代码', '区划', '受理数', '结案数', '调解成功数', '调解成功率', '协议履行数', '协议履行率', '平均办理天数', '超期次数', '满意度测评人数', '满意及基本满意人数', '群众满意率']);
      const keys = ['cases', 'closed', 'succeeded', 'successRate', 'performed', 'performanceRate', 'averageDays', 'overdueDeadlines', 'answered', 'satisfied', 'satisfactionRate'];
      expect(rows.slice(1)).toEqual([...json.regions.map((r: any) => [r.code, r.name, ...keys.map((k) => r[k])]), ['', '合计', ...keys.map((k) => json.totals[k])]]);
      expect(sheetRows(book, '按渠道').slice(1)).toEqual(json.workflows.map((w: any) => [w.title, ...keys.map((k) => w[k])]));
      expect(sheetRows(book, '按纠纷类型').slice(1)).toEqual(json.categories.map((c: any) => [c.label, c.cases, c.succeeded]));
      expect(sheetRows(book, '调解员满意度').slice(1)).toEqual(json.mediators.map((m: any) => [m.name, m.orgName, m.answered, m.satisfied, m.satisfactionRate]));
    });

    it('builds the monthly 人民调解 report by organisation level, as JSON and as the workbook reported upward', async () => {
      const res = await t.http().get('/api/statistics/monthly-report').query({ regionCode: DISTRICT, month: '2024-05' }).set(auth(await t.login('auditor')));
      expect(res.status).toBe(200);
      const pm = known.filter((k) => k.workflow === 'pm');
      const levelOf: Record<string, string> = { 'org-fengyuan': 'VILLAGE_MEDIATION_COMMITTEE', 'org-liqiao': 'VILLAGE_MEDIATION_COMMITTEE', 'org-fengqiao': 'TOWNSHIP_MEDIATION_COMMITTEE', 'org-district-centre': 'DISTRICT_MEDIATION_CENTRE' };
      const line = (cases: Known[]) => {
        const e = expected(cases);
        return { screened: cases.filter((k) => ['PROACTIVE', 'GRID_REPORT'].includes(k.source)).length, accepted: e.cases, succeeded: e.succeeded, successRate: e.successRate, performed: e.performed, performanceRate: e.performanceRate };
      };
      const levels = ['DISTRICT_MEDIATION_CENTRE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'VILLAGE_MEDIATION_COMMITTEE'];
      expect(res.body.rows.map((r: any) => r.level)).toEqual([...levels, 'TOTAL']);
      for (const level of levels) expect(res.body.rows.find((r: any) => r.level === level)).toMatchObject(line(pm.filter((k) => levelOf[k.orgId] === level)));
      const total = res.body.rows.at(-1);
      expect(total).toMatchObject({ label: '合计', ...line(pm) });
      expect(total.byCategory).toMatchObject({ NEIGHBOUR: 2, CONTRACT: 1, MARRIAGE_FAMILY: 1, LABOUR: 1, HOUSING_HOMESTEAD: 1, OTHER: 0 });
      expect(res.body.rows.find((r: any) => r.level === 'VILLAGE_MEDIATION_COMMITTEE').organisations).toBe(7);

      const file = await t.http().get('/api/statistics/monthly-report').query({ regionCode: DISTRICT, month: '2024-05', format: 'xlsx' }).set(auth(await t.login('auditor'))).buffer(true).parse(binary);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file.body);
      const rows = sheetRows(book, '人民调解工作统计月报');
      expect(rows[0][0]).toBe('青溪区人民调解工作统计月报（2024-05）');
      expect(rows[2].slice(0, 8)).toEqual(['调解组织层级', '调解组织数', '排查纠纷', '受理调解', '调解成功', '调解成功率', '协议履行', '协议履行率']);
      expect(rows[2].slice(8)).toEqual(res.body.categories.map((c: any) => c.label));
      expect(rows.slice(3)).toEqual(res.body.rows.map((r: any) => [r.label, r.organisations, r.screened, r.accepted, r.succeeded, r.successRate, r.performed, r.performanceRate, ...res.body.categories.map((c: any) => r.byCategory[c.code])]));
      expect((await t.http().get('/api/statistics/monthly-report').query({ month: '2024-13' }).set(auth(await t.login('auditor')))).body.errors).toEqual([expect.objectContaining({ field: 'month' })]);
    });
  });

  // Last: once refused, the address stays refused for the rest of the minute.
  describe('public survey rate limit', () => {
    it('limits requests to the public survey per client address', async () => {
      let refused: any = null;
      for (let i = 0; i < RATE_LIMIT + 1 && !refused; i++) {
        const res = await t.http().get('/api/public/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
        if (res.status === 429) refused = res;
      }
      expect(refused).not.toBeNull();
      expect(refused.body).toMatchObject({ code: 'SURVEY.TOO_MANY_REQUESTS', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});

function binary(res: any, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

/** A sheet's cell values, row by row, as wide as the sheet, with empty cells as null (ExcelJS rows are 1-based). */
function sheetRows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(Array.from({ length: ws.columnCount }, (_, i) => (values[i] === undefined ? null : values[i])));
  });
  return rows;
}
