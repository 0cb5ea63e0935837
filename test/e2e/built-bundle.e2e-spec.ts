import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD, type CreatedDatabase } from '../support/test-app';
import { pmCaseBody } from '../support/cases';
import { ensureEngineBundle, startEngine, stopEngine, type EngineProcess } from '../support/engine-process';
import { pdfText } from '../support/pdf-text';

/*
 * The engine as `npm start` runs it: the webpack bundle, not the TypeScript sources every other suite runs. A bundle
 * resolves modules its own way (`require.resolve` gives a module number there), which once made every
 * document-producing event answer 500 in the bundle only. One engine per database, walked over HTTP to a signed
 * written agreement, whose PDF is downloaded and read.
 */

const CONTENT = '李四于本月底前拆除越界围墙约半米，并赔偿张三损失人民币三千元。';

/** The engine's date in China (UTC+8), as event data carries dates: the bundle runs on the real clock. */
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

beforeAll(() => ensureEngineBundle(), 300_000);

describe.each(TEST_DATABASES)('the webpack bundle npm start runs ($name)', (database) => {
  let created: CreatedDatabase | undefined;
  let engine: EngineProcess | undefined;

  beforeAll(async () => {
    created = await database.create();
    engine = await startEngine(created, {}, { bundle: true });
  }, 240_000);
  afterAll(async () => {
    await stopEngine(engine);
    await created?.drop();
  });

  async function call(method: string, path: string, token?: string, body?: unknown): Promise<Response> {
    return fetch(`${engine!.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function json(res: Response, status: number): Promise<any> {
    const text = await res.text();
    expect({ status: res.status, body: res.status === status ? '' : text }).toEqual({ status, body: '' });
    return JSON.parse(text);
  }

  it('signs a written agreement and serves its PDF', async () => {
    const login = await json(await call('POST', '/api/auth/login', undefined, { username: 'fy_mediator', password: DEMO_PASSWORD }), 200);
    const token: string = login.accessToken;
    const on = chinaToday();
    const opened = await json(await call('POST', '/api/cases', token, pmCaseBody()), 201);
    const steps: [string, Record<string, unknown>][] = [
      ['SEEK_CONSENT', { note: '电话征询双方意愿' }],
      ['ASSIGN_MEDIATOR', { mediatorId: login.user.id, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' }],
      ['START_MEDIATION', { startedOn: on, mode: 'ON_SITE' }],
      ['SIGN_WRITTEN_AGREEMENT', { content: CONTENT, signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: on }],
    ];
    let view = opened;
    for (const [type, data] of steps) view = await json(await call('POST', `/api/cases/${opened.id}/events`, token, { type, data }), 200);
    expect(view.state).toBe('agreedWritten');

    const listed = await json(await call('GET', `/api/cases/${opened.id}/documents`, token), 200);
    expect(listed.documents.map((d: { kind: string }) => d.kind)).toContain('agreement');
    const download = await call('GET', `/api/cases/${opened.id}/documents/agreement.pdf`, token);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await download.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const part of ['人民调解协议书', '申请人：张三', '被申请人：李四', CONTENT]) expect(text).toContain(part);
  });
});
