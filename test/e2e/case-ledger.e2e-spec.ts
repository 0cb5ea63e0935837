import ExcelJS from 'exceljs';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, getCase, history, idNumber, openCase, pmCaseBody, pmCaseIn, pmStep, send, setNow, withWrongCheckDigit } from '../support/cases';

/*
 * The case list's filters (category, source, assigned mediator, registration days, several channels), the 台账
 * workbook they export, and the party details a mediation file records, on one engine per database.
 *
 * Every case of the suite is registered between 2025-03-10 and 2025-03-13 (China time) and nothing else is, so a
 * filter's answer is compared with exactly the cases the suite made; the agreement amount's case is registered later,
 * on 2025-03-20, outside that range.
 */

const RANGE = { registeredFrom: '2025-03-10', registeredTo: '2025-03-13' };
const AGENT = { name: '王五', kind: 'ENTRUSTED', relation: '律师', phone: '13700001111', idNumber: idNumber('33019919700505001') };
const DETAILED = {
  ...APPLICANT,
  sex: 'MALE',
  ethnicity: '畲族',
  dateOfBirth: '1980-01-01',
  occupation: '农民',
  address: '枫源村3组12号',
  agent: AGENT,
};

const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

function sheetRows(book: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = book.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe.each(TEST_DATABASES)('case list filters, ledger and party details ($name)', (database) => {
  let t: TestApp;
  const made: Record<string, any> = {};

  const list = async (username: string, query: Record<string, string>) => t.http().get('/api/cases').query({ pageSize: '200', ...query }).set(auth(await t.login(username)));
  const ids = async (username: string, query: Record<string, string>) => {
    const res = await list(username, { ...RANGE, ...query });
    expect(res.status).toBe(200);
    return res.body.items.map((c: any) => c.id).sort();
  };
  const idsOf = (...names: string[]) => names.map((n) => made[n].id).sort();
  const ledger = async (username: string, query: Record<string, string>) =>
    t.http().get('/api/cases/ledger.xlsx').query(query).set(auth(await t.login(username))).buffer(true).parse(binary);

  beforeAll(async () => {
    t = await createTestApp(database);
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    setNow(t, '2025-03-10T02:00:00.000Z');
    made.assigned = await openCase(t, 'fy_mediator', pmCaseBody({ summary: '相邻通行纠纷：共用道路被堵' }));
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR']) await apply(t, 'fy_mediator', made.assigned.id, type, pmStep(t, type, mediatorId));
    setNow(t, '2025-03-11T02:00:00.000Z');
    made.detailed = await openCase(t, 'fy_mediator', pmCaseBody({ category: 'CONTRACT', source: 'GRID_REPORT', summary: '承包合同纠纷：承包费未付', parties: [DETAILED, RESPONDENT], amountInDispute: '12000.5' }));
    // 23:59:59 and 00:00:00 China time: the last moment of the 12th and the first of the 13th.
    setNow(t, '2025-03-12T15:59:59.000Z');
    made.lateOn12 = await openCase(t, 'fy_mediator', pmCaseBody({ source: 'PROACTIVE', summary: '排查发现：邻里噪音纠纷' }));
    setNow(t, '2025-03-12T16:00:00.000Z');
    made.earlyOn13 = await openCase(t, 'zz_dispatcher', pmCaseBody({ workflow: 'zz', category: 'LABOUR', summary: '综治中心登记：工资拖欠' }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('filters by category, source and channel, alone and combined, within the caller’s jurisdiction', async () => {
    expect(await ids('admin', {})).toEqual(idsOf('assigned', 'detailed', 'lateOn12', 'earlyOn13'));
    expect(await ids('fy_mediator', { category: 'NEIGHBOUR' })).toEqual(idsOf('assigned', 'lateOn12'));
    expect(await ids('fy_mediator', { source: 'GRID_REPORT' })).toEqual(idsOf('detailed'));
    expect(await ids('fy_mediator', { category: 'NEIGHBOUR', source: 'PROACTIVE' })).toEqual(idsOf('lateOn12'));
    expect(await ids('admin', { workflows: 'zz' })).toEqual(idsOf('earlyOn13'));
    expect(await ids('admin', { workflows: 'pm,zz' })).toEqual(idsOf('assigned', 'detailed', 'lateOn12', 'earlyOn13'));
    // Repeated parameters mean the same as a comma-separated list.
    const repeated = await t.http().get('/api/cases?workflows=pm&workflows=zz&registeredFrom=2025-03-10&registeredTo=2025-03-13').set(auth(await t.login('admin')));
    expect(repeated.body.total).toBe(4);
    expect(await ids('admin', { workflows: 'pm', category: 'NEIGHBOUR', state: 'registered' })).toEqual(idsOf('lateOn12'));
    expect(await ids('admin', { category: 'NEIGHBOUR', q: '噪音' })).toEqual(idsOf('lateOn12'));
    // Another village's mediator sees none of 枫源村's cases, whatever the filters.
    expect(await ids('lq_mediator', {})).toEqual([]);
    expect(await ids('lq_mediator', { category: 'NEIGHBOUR' })).toEqual([]);
  });

  it('filters by assigned mediator, by id or as me', async () => {
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    expect(await ids('fy_mediator', { mediator: 'me' })).toEqual(idsOf('assigned'));
    expect(await ids('admin', { mediator: mediatorId })).toEqual(idsOf('assigned'));
    expect(await ids('admin', { mediator: mediatorId, category: 'CONTRACT' })).toEqual([]);
    expect(await ids('admin', { mediator: 'me' })).toEqual([]);
    expect(await ids('lq_mediator', { mediator: mediatorId })).toEqual([]);
  });

  it('filters by registration days in China time, both ends included', async () => {
    expect(await ids('admin', { registeredFrom: '2025-03-12', registeredTo: '2025-03-12' })).toEqual(idsOf('lateOn12'));
    expect(await ids('admin', { registeredFrom: '2025-03-13', registeredTo: '2025-03-13' })).toEqual(idsOf('earlyOn13'));
    expect(await ids('admin', { registeredFrom: '2025-03-11', registeredTo: '2025-03-12' })).toEqual(idsOf('detailed', 'lateOn12'));
    const open = await list('admin', { registeredFrom: '2025-03-12' });
    expect(open.body.items.map((c: any) => c.id).sort()).toEqual(idsOf('lateOn12', 'earlyOn13'));
    const upTo = await list('admin', { registeredTo: '2025-03-10', q: '共用道路' });
    expect(upTo.body.items.map((c: any) => c.id)).toEqual([made.assigned.id]);
  });

  it('refuses bad filter values with a 400 naming the field', async () => {
    const refused = async (query: Record<string, string>, field: string) => {
      const res = await list('admin', query);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, messageZh: expect.any(String) })]));
    };
    await refused({ registeredFrom: '2025-02-30' }, 'registeredFrom');
    await refused({ registeredTo: '2025/03/01' }, 'registeredTo');
    await refused({ registeredFrom: '2025-03-12', registeredTo: '2025-03-11' }, 'registeredTo');
    await refused({ category: 'GOSSIP' }, 'category');
    await refused({ source: 'RUMOUR' }, 'source');
    await refused({ workflows: 'pm,nope' }, 'workflows');
    await refused({ workflows: 'PM!' }, 'workflows');
    await refused({ mediator: '00000000-0000-0000-0000-000000000000' }, 'mediator');
  });

  it('exports the ledger with Chinese headers, oldest registration first, the list’s cases only, logged', async () => {
    const res = await ledger('fy_mediator', RANGE);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const rows = sheetRows(book, '案件台账');
    expect(rows[0]).toEqual(['案号', '渠道', '纠纷类型', '来源', '案情摘要', '当事人', '身份证号码', '联系电话', '承办单位', '调解员', '区划', '登记日期', '状态', '结案方式', '争议金额（元）', '协议金额（元）']);
    // fy_mediator sees its three 人民调解 cases, not the centre's.
    expect(rows.slice(1).map((r) => r[0])).toEqual([made.assigned.caseNo, made.detailed.caseNo, made.lateOn12.caseNo]);
    const detailed = rows[2];
    expect(detailed.slice(1, 6)).toEqual(['人民调解', '合同', '网格员上报', '承包合同纠纷：承包费未付', '申请人：张三；被申请人：李四']);
    expect(detailed[6]).toBe(`张三 ${APPLICANT.idNumber}；李四 ${RESPONDENT.idNumber}`);
    expect(detailed[7]).toBe(`张三 ${APPLICANT.phone}；李四 ${RESPONDENT.phone}`);
    expect(detailed[11]).toBe('2025-03-11');
    expect(detailed[14]).toBe(12000.5);
    // No agreement recorded yet: the cell is empty.
    expect(detailed[15]).toBeUndefined();
    expect(rows[3][11]).toBe('2025-03-12');
    expect(rows[1][9]).toBe((await getCase(t, 'admin', made.assigned.id)).body.assignment.assigneeName);
    expect(sheetRows(book, '说明')).toEqual(expect.arrayContaining([['案件数', 3]]));

    const filtered = new ExcelJS.Workbook();
    await filtered.xlsx.load((await ledger('admin', { ...RANGE, workflows: 'zz' })).body);
    expect(sheetRows(filtered, '案件台账').slice(1).map((r) => r[0])).toEqual([made.earlyOn13.caseNo]);

    const log = await t.http().get('/api/audit/security-log').query({ kind: 'EXPORT' }).set(auth(await t.login('auditor')));
    expect(JSON.stringify(log.body)).toContain('ledger.xlsx');
  });

  it('masks identity numbers and phones in the ledger for a viewer who does not handle the case, and refuses bad filters', async () => {
    const res = await ledger('fq_director', { ...RANGE, source: 'GRID_REPORT' });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    const rows = sheetRows(book, '案件台账');
    expect(rows.slice(1).map((r) => r[0])).toEqual([made.detailed.caseNo]);
    expect(rows[1][6]).toBe(`张三 ${APPLICANT.idNumber.slice(0, 6)}********${APPLICANT.idNumber.slice(-4)}；李四 ${RESPONDENT.idNumber.slice(0, 6)}********${RESPONDENT.idNumber.slice(-4)}`);
    expect(rows[1][7]).toBe('张三 138****5678；李四 139****4321');
    expect(JSON.stringify(sheetRows(book, '说明'))).toContain('已隐去');

    const bad = await t.http().get('/api/cases/ledger.xlsx').query({ registeredFrom: '2025-13-01' }).set(auth(await t.login('fy_mediator')));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toContain('problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'registeredFrom' })]);
    expect((await t.http().get('/api/cases/ledger.xlsx')).status).toBe(401);
  });

  it('keeps party details and the amount in dispute, in clear for the handling organisation and masked for others', async () => {
    const clear = (await getCase(t, 'fy_mediator', made.detailed.id)).body;
    expect(clear.amountInDispute).toBe('12000.50');
    expect(clear.parties[0]).toMatchObject({
      sex: 'MALE',
      sexLabel: '男',
      ethnicity: '畲族',
      dateOfBirth: '1980-01-01',
      occupation: '农民',
      address: '枫源村3组12号',
      agent: { name: '王五', kind: 'ENTRUSTED', kindLabel: '委托代理人', relation: '律师', phone: AGENT.phone, idNumber: AGENT.idNumber },
    });
    const masked = (await getCase(t, 'fq_director', made.detailed.id)).body;
    expect(masked.personalDataMasked).toBe(true);
    expect(masked.amountInDispute).toBe('12000.50');
    expect(masked.parties[0]).toMatchObject({ sexLabel: '男', ethnicity: '畲族', occupation: '农民', dateOfBirth: '（已隐藏）', address: '（已隐藏）' });
    expect(masked.parties[0].agent).toEqual({ name: '王五', kind: 'ENTRUSTED', kindLabel: '委托代理人', relation: '律师', phone: '137****1111', idNumber: `${AGENT.idNumber.slice(0, 6)}********${AGENT.idNumber.slice(-4)}` });
    expect(JSON.stringify(masked)).not.toContain('1980-01-01');
    // A case opened without them shows none.
    const plain = (await getCase(t, 'fy_mediator', made.lateOn12.id)).body;
    expect(plain.amountInDispute).toBeNull();
    expect(plain.parties[0]).not.toHaveProperty('agent');
  });

  it('refuses bad party details and amounts with a 400 naming the field', async () => {
    const refused = async (body: Record<string, unknown>, field: string) => {
      const res = await t.http().post('/api/cases').set(auth(await t.login('fy_mediator'))).send(pmCaseBody(body));
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field, messageZh: expect.any(String) })]));
    };
    const party = (over: Record<string, unknown>) => ({ parties: [{ ...APPLICANT, ...over }, RESPONDENT] });
    await refused(party({ dateOfBirth: '2999-01-01' }), 'parties[0].dateOfBirth');
    await refused(party({ dateOfBirth: '1899-12-31' }), 'parties[0].dateOfBirth');
    await refused(party({ dateOfBirth: '1990-02-30' }), 'parties[0].dateOfBirth');
    await refused(party({ ethnicity: '火星族' }), 'parties[0].ethnicity');
    await refused(party({ sex: 'M' }), 'parties[0].sex');
    await refused(party({ occupation: 'x'.repeat(51) }), 'parties[0].occupation');
    await refused(party({ agent: { name: '王五', kind: 'FRIEND' } }), 'parties[0].agent.kind');
    await refused(party({ agent: { kind: 'LEGAL' } }), 'parties[0].agent.name');
    await refused(party({ agent: { ...AGENT, idNumber: withWrongCheckDigit(AGENT.idNumber) } }), 'parties[0].agent.idNumber');
    await refused(party({ agent: { ...AGENT, phone: '12345' } }), 'parties[0].agent.phone');
    await refused({ amountInDispute: '-1' }, 'amountInDispute');
    await refused({ amountInDispute: '1.234' }, 'amountInDispute');
    await refused({ amountInDispute: 'abc' }, 'amountInDispute');
    const zero = await openCase(t, 'fy_mediator', pmCaseBody({ summary: '金额为零的纠纷', amountInDispute: 0 }));
    expect(zero.amountInDispute).toBe('0.00');
  });

  it('keeps the agreement amount the agreement recorded, on the case, in the list and in the ledger’s 协议金额 column', async () => {
    setNow(t, '2025-03-20T02:00:00.000Z');
    const mediating = await pmCaseIn(t, 'mediating', pmCaseBody({ summary: '损害赔偿纠纷：鱼塘被淹', amountInDispute: '9000' }));
    const sign = (agreementAmount: unknown) => send(t, 'fy_mediator', mediating.id, 'SIGN_WRITTEN_AGREEMENT', { ...pmStep(t, 'SIGN_WRITTEN_AGREEMENT'), agreementAmount });
    for (const bad of [-1, 1.234, '8000', 1e13]) {
      const res = await sign(bad);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'data.agreementAmount', messageZh: expect.any(String) })]);
    }
    expect((await sign(1.005)).body.errors[0].messageZh).toBe('应为金额（元），至多两位小数');
    const signed = await sign(8000.5);
    expect(signed.status).toBe(200);
    expect(signed.body.agreementAmount).toBe('8000.50');
    expect((await getCase(t, 'fq_director', mediating.id)).body.agreementAmount).toBe('8000.50');
    // The audit entry keeps the amount as sent; the event's legal basis is the agreement's, unchanged.
    const entry = (await history(t, 'fy_mediator', mediating.id)).find((e) => e.type === 'SIGN_WRITTEN_AGREEMENT');
    expect(entry.data.agreementAmount).toBe(8000.5);
    const pm = (await t.http().get('/api/workflows/pm').set(auth(await t.login('fy_mediator')))).body;
    const spec = pm.events.find((e: any) => e.type === 'SIGN_WRITTEN_AGREEMENT');
    expect(spec.legalBasis).toBe('人民调解法 第二十八条、第二十九条');
    expect(spec.schema.properties.agreementAmount).toMatchObject({ type: 'number', minimum: 0, 'x-yuan': true });

    const later = { registeredFrom: '2025-03-20', registeredTo: '2025-03-20' };
    const listed = await list('fy_mediator', later);
    expect(listed.body.items.map((c: any) => [c.id, c.agreementAmount])).toEqual([[mediating.id, '8000.50']]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await ledger('fy_mediator', later)).body);
    const rows = sheetRows(book, '案件台账');
    expect(rows[0][15]).toBe('协议金额（元）');
    expect(rows[1][0]).toBe(mediating.caseNo);
    expect(rows[1].slice(14, 16)).toEqual([9000, 8000.5]);

    // An oral agreement records its amount the same way; without one, none is kept.
    const oral = await pmCaseIn(t, 'mediating', pmCaseBody({ summary: '口头协议：借款归还' }));
    const oralData = { content: '李四于月底前归还借款', reachedOn: '2025-03-20' };
    expect((await send(t, 'fy_mediator', oral.id, 'RECORD_ORAL_AGREEMENT', { ...oralData, agreementAmount: 0 })).body.agreementAmount).toBe('0.00');
    const none = await pmCaseIn(t, 'agreedWritten', pmCaseBody({ summary: '协议未载金额' }));
    expect(none.agreementAmount).toBeNull();
  });
});
