import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCalendarImport } from '../../apps/api/src/cli/calendar-import';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventually, getCase, openCase, pmCaseBody, pmStep } from '../support/cases';
import { at10, runWorker, setClock } from '../support/deadlines';

/*
 * A new year's holiday notice arrives as data, with no code change: through `POST /api/admin/calendar` or
 * `npm run calendar:import`. The notices below are fabricated for the test (the real 2027 notice is not out):
 * mediation starting 2026-12-20 has D-PM1 end on 2027-01-20, provisional while 2027 is unknown (weekend rule only);
 * a notice making 01-19 … 01-21 holidays moves it to Friday 2027-01-22 and makes it final.
 */

const NOTICE_2027 = {
  description: '测试用的虚构通知',
  years: {
    '2027': {
      source: '测试用：虚构的 2027 年节假日安排',
      holidays: { 元旦: ['2027-01-01'], 测试假期: ['2027-01-19', '2027-01-20', '2027-01-21'] },
      makeupWorkdays: ['2027-01-23'],
    },
  },
};

const NOTICE_2028 = { years: { '2028': { source: '测试用：虚构的 2028 年节假日安排', holidays: { 元旦: ['2028-01-01'], 测试假期: ['2028-01-20'] }, makeupWorkdays: [] } } };

describe.each(TEST_DATABASES)('importing a year of the holiday calendar ($name)', (database) => {
  let t: TestApp;
  let view: any;
  let pm1: any;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const admin = async () => auth(await t.login('admin'));
  const pm1Of = (body: any) => body.deadlines.find((d: any) => d.id === pm1.id);

  /** A 枫源村 case whose mediation starts on `date` (D-PM1 runs a month from then). */
  async function mediationFrom(date: string) {
    await setClock(t, at10(date));
    let v = await openCase(t, 'fy_mediator', pmCaseBody());
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) v = await apply(t, 'fy_mediator', v.id, type, pmStep(t, type, mediatorId));
    return v;
  }

  it('marks a deadline ending in a year with no notice loaded provisional, with a warning', async () => {
    view = await mediationFrom('2026-12-20');
    pm1 = view.deadlines.find((d: any) => d.specId === 'D-PM1');
    expect(pm1).toMatchObject({ dueOn: '2027-01-20', provisional: true, status: 'pending' });
    expect(pm1.warning).toContain('届满日期为暂定');
    expect(pm1.warning).toContain('2027年');
    const years = await t.http().get('/api/calendar/years').set(auth(await t.login('fy_mediator')));
    expect(years.status).toBe(200);
    expect(years.body.map((y: any) => [y.year, y.origin])).toEqual([
      [2024, 'bundled'],
      [2025, 'bundled'],
      [2026, 'bundled'],
    ]);
  });

  it('refuses notices with errors naming the year and the field, and changes nothing', async () => {
    const bad: [unknown, string][] = [
      [{ years: { '2027': { source: '测试', holidays: { 春节: ['2027-02-06', '2027-02-30'] }, makeupWorkdays: [] } } }, 'years["2027"].holidays["春节"][1]'],
      [{ years: { '2027': { source: '测试', holidays: ['2028-01-01'], makeupWorkdays: [] } } }, 'years["2027"].holidays[0]'],
      [{ years: { '2027': { source: '测试', holidays: ['2027-01-23'], makeupWorkdays: ['2027-01-23'] } } }, 'years["2027"].makeupWorkdays[0]'],
      [{ years: { '2027': { holidays: [], makeupWorkdays: [] } } }, 'years["2027"].source'],
      [{ years: { '2027': { source: '测试', holidays: [] } } }, 'years["2027"].makeupWorkdays'],
      [{ years: { '27': { source: '测试', holidays: [], makeupWorkdays: [] } } }, 'years["27"]'],
      [{ notice: 2027 }, 'years'],
      [{ years: {} }, 'years'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http().post('/api/admin/calendar').set(await admin()).send(body as object);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
    }
    const first = await t.http().post('/api/admin/calendar').set(await admin()).send(bad[0][0] as object);
    expect(first.body.errors[0].messageZh).toBe('2027年节假日安排有误：春节的第2个放假日期“2027-02-30”不是有效日期（应写作 2027-01-01 这样的日期）');
    expect((await t.http().post('/api/admin/calendar').set(auth(await t.login('fy_director'))).send(NOTICE_2027)).status).toBe(403);
    expect(pm1Of((await getCase(t, 'fy_mediator', view.id)).body)).toMatchObject({ dueOn: '2027-01-20', provisional: true });
  });

  it('imports 2027: the provisional deadline is recomputed, moves to 2027-01-22 and is final', async () => {
    const res = await t.http().post('/api/admin/calendar').set(await admin()).send(NOTICE_2027);
    expect(res.status).toBe(201);
    const adminId = (await t.loginUser('admin')).user.id;
    expect(res.body.imported).toEqual([expect.objectContaining({ year: 2027, source: '测试用：虚构的 2027 年节假日安排', origin: 'imported', importedBy: adminId, holidays: 4, makeupWorkdays: 1 })]);
    expect(res.body.recomputed).toEqual([
      { deadlineId: pm1.id, caseId: view.id, specId: 'D-PM1', label: pm1.label, before: { dueOn: '2027-01-20', provisional: true }, after: { dueOn: '2027-01-22', provisional: false } },
    ]);
    expect(res.body.stillProvisional).toBe(0);
    expect(pm1Of((await getCase(t, 'fy_mediator', view.id)).body)).toMatchObject({ dueOn: '2027-01-22', provisional: false, warning: null });
    const years = await t.http().get('/api/calendar/years').set(auth(await t.login('fy_mediator')));
    expect(years.body.find((y: any) => y.year === 2027)).toMatchObject({ origin: 'imported', source: '测试用：虚构的 2027 年节假日安排' });
  });

  it('replaces a year imported again, and recomputes the deadlines its period crosses', async () => {
    const corrected = { years: { '2027': { source: '测试用：更正后的 2027 年节假日安排', holidays: { 元旦: ['2027-01-01'] }, makeupWorkdays: [] } } };
    const res = await t.http().post('/api/admin/calendar').set(await admin()).send(corrected);
    expect(res.status).toBe(201);
    expect(res.body.recomputed).toEqual([expect.objectContaining({ deadlineId: pm1.id, before: { dueOn: '2027-01-22', provisional: false }, after: { dueOn: '2027-01-20', provisional: false } })]);
    expect(pm1Of((await getCase(t, 'fy_mediator', view.id)).body).dueOn).toBe('2027-01-20');
  });

  it('reads a notice as published into the shape it imports, naming the line of each problem, and stores nothing', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'libs', 'calendar', 'src', 'testing', 'notices', '2026.txt'), 'utf8');
    const read = await t.http().post('/api/admin/calendar/notice').set(await admin()).send({ text });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ year: 2026, source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)', makeupWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'], notes: [] });
    expect(read.body.holidays['春节']).toHaveLength(9);

    const wrong = await t.http().post('/api/admin/calendar/notice').set(await admin()).send({ text: text.replace('4月4日（周六）', '4月4日（周五）').replace('共9天', '共8天') });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'text', message: expect.stringContaining('line 6'), messageZh: '第6行（春节）：2月15日至23日共9天，与通知所写“共8天”不符' },
      { field: 'text', message: expect.stringContaining('line 7'), messageZh: '第7行（清明节）：4月4日是星期六，通知写的是星期五' },
    ]);
    expect((await t.http().post('/api/admin/calendar/notice').set(await admin()).send({})).body.errors).toContainEqual(expect.objectContaining({ field: 'text', messageZh: '必须是文字' }));
    expect((await t.http().post('/api/admin/calendar/notice').set(auth(await t.login('fy_director'))).send({ text })).status).toBe(403);
    const years = await t.http().get('/api/calendar/years').set(await admin());
    expect(years.body.find((y: any) => y.year === 2026)).toMatchObject({ origin: 'bundled' });
  });

  describe('npm run calendar:import', () => {
    let dir: string;
    let later: any;
    const lines: string[] = [];
    const out = { log: (s: string) => lines.push(s), error: (s: string) => lines.push(s) };
    const env = () => ({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      FENGQIAO_CLOCK: 'manual',
      FENGQIAO_CLOCK_START: at10('2027-12-20'),
      ...(t.database.config.databaseUrl
        ? { DATABASE_URL: t.database.config.databaseUrl, FENGQIAO_PG_SCHEMA: t.database.config.schema!, FENGQIAO_PG_POOL: '2' }
        : { FENGQIAO_DB_PATH: t.database.config.sqlitePath }),
    });

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'fengqiao-calendar-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('imports a notice file into the configured database; the running server is told and reloads at once', async () => {
      later = await mediationFrom('2027-12-20');
      const deadline = later.deadlines.find((d: any) => d.specId === 'D-PM1');
      expect(deadline).toMatchObject({ dueOn: '2028-01-20', provisional: true });

      const file = join(dir, 'holidays-2028.json');
      writeFileSync(file, JSON.stringify(NOTICE_2028));
      expect(await runCalendarImport([file], env(), out)).toBe(0);
      expect(lines).toContain('Imported 2028: 2 holidays, 0 make-up working days — 测试用：虚构的 2028 年节假日安排');
      expect(lines).toContain('Recomputed 1 pending deadline(s); 0 remain provisional.');

      // The deadline rows changed in the database at once, and the change feed tells this server, which reloads
      // without waiting for its next worker run (which then finds nothing new).
      expect((await getCase(t, 'fy_mediator', later.id)).body.deadlines.find((d: any) => d.id === deadline.id)).toMatchObject({ dueOn: '2028-01-21', provisional: false });
      const years = async () => t.http().get('/api/calendar/years').set(auth(await t.login('admin')));
      const after = await eventually(years, (res) => res.body.some((y: any) => y.year === 2028), 2_000);
      expect((await runWorker(t)).calendarReloaded).toBe(false);
      expect(after.body.find((y: any) => y.year === 2028)).toMatchObject({ origin: 'imported', importedBy: expect.stringMatching(/^cli:/) });
    });

    it('refuses a bad file with the year and field, and a missing argument', async () => {
      const file = join(dir, 'bad.json');
      writeFileSync(file, JSON.stringify({ years: { '2029': { source: '测试', holidays: ['2029-13-01'], makeupWorkdays: [] } } }));
      lines.length = 0;
      expect(await runCalendarImport([file], env(), out)).toBe(1);
      expect(lines.join('\n')).toContain('years["2029"].holidays[0]');
      expect(await runCalendarImport([], env(), out)).toBe(2);
      expect(await runCalendarImport([join(dir, 'missing.json')], env(), out)).toBe(2);
    });

    it('imports the text of a notice from a .txt file, and refuses one with a wrong weekday, naming the line', async () => {
      const file = join(dir, 'notice-2029.txt');
      writeFileSync(file, '测试用：虚构的通知\n国务院办公厅关于2029年部分节假日安排的通知\n一、元旦：1月1日（周二）放假1天。\n');
      lines.length = 0;
      expect(await runCalendarImport([file], env(), out)).toBe(1);
      expect(lines).toEqual(['第3行（元旦）：1月1日是星期一，通知写的是星期二']);
      writeFileSync(file, '测试用：虚构的通知\n国务院办公厅关于2029年部分节假日安排的通知\n一、元旦：1月1日（周一）放假1天。\n');
      lines.length = 0;
      expect(await runCalendarImport([file], env(), out)).toBe(0);
      expect(lines[0]).toBe('Imported 2029: 1 holidays, 0 make-up working days — 国务院办公厅关于2029年部分节假日安排的通知');
    });
  });
});
