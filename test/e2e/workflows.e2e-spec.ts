import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth } from '../support/cases';
import { describeOpenApiDocument } from '../support/openapi-document.checks';

/*
 * What a newcomer or another system reads about the engine without opening a case: the workflows with their legal
 * vocabulary and a diagram, health, and the OpenAPI documentation.
 */

const HAN = /\p{Script=Han}/u;

describe.each(TEST_DATABASES)('workflows, health and docs ($name)', (database) => {
  let t: TestApp;
  let token: string;

  beforeAll(async () => {
    t = await createTestApp(database);
    token = await t.login('fy_clerk');
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = (path: string) => t.http().get(path).set(auth(token));

  it('lists the workflows with id, version and title', async () => {
    const res = await get('/api/workflows');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'pm', version: 1, title: '人民调解' }),
        expect.objectContaining({ id: 'jc', version: 2, title: '司法确认' }),
      ]),
    );
    expect((await t.http().get('/api/workflows')).status).toBe(401);
  });

  it('describes 人民调解: every state labelled in Chinese, with its final flag and declared deadlines', async () => {
    const res = await get('/api/workflows/pm');
    expect(res.status).toBe(200);
    const pm = res.body;
    expect(pm).toMatchObject({ id: 'pm', version: 1, title: '人民调解', initial: 'registered' });

    const states = new Map<string, any>(pm.states.map((s: any) => [s.id, s]));
    expect([...states.keys()].sort()).toEqual(
      [
        'registered',
        'entrustmentReceived',
        'entrustmentReturned',
        'entrustmentEnded',
        'referralReceived',
        'referralReturned',
        'consentPending',
        'assigned',
        'mediating',
        'hearing',
        'extended',
        'agreedOral',
        'agreedWritten',
        'judicialConfirmation',
        'monitoring',
        'performed',
        'defaulted',
        'archived',
        'notAccepted',
        'refused',
        'terminatedFailed',
        'terminatedByParty',
        'transferred',
      ].sort(),
    );
    for (const s of pm.states) {
      expect(s.label).toMatch(HAN);
      expect(typeof s.final).toBe('boolean');
      expect(Array.isArray(s.deadlines)).toBe(true);
    }
    expect(pm.states.filter((s: any) => s.final).map((s: any) => s.id).sort()).toEqual(['archived', 'entrustmentEnded', 'entrustmentReturned', 'notAccepted', 'referralReturned', 'refused', 'terminatedByParty', 'terminatedFailed', 'transferred']);
    expect(states.get('mediating')).toMatchObject({ label: '调解中', final: false });
    expect(states.get('mediating').deadlines).toEqual([
      expect.objectContaining({ id: 'D-PM1', period: { amount: 1, unit: 'month' }, dayType: 'calendar', legalBasis: '人民调解工作若干规定 第三十三条' }),
    ]);
    expect(states.get('agreedWritten').deadlines).toEqual([
      expect.objectContaining({ id: 'D-JC1', period: { amount: 30, unit: 'day' }, dayType: 'calendar', legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条' }),
    ]);
  });

  it('describes every event with a Chinese label and the roles that may send it', async () => {
    const pm = (await get('/api/workflows/pm')).body;
    expect(pm.events.length).toBeGreaterThanOrEqual(20);
    for (const e of pm.events) {
      expect(e.type).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(e.label).toMatch(HAN);
      expect(e.roles.length).toBeGreaterThan(0);
      expect(e.roleLabels).toHaveLength(e.roles.length);
    }
    const byType = new Map<string, any>(pm.events.map((e: any) => [e.type, e]));
    expect(byType.get('START_MEDIATION')).toMatchObject({ label: '开始调解', roles: ['MEDIATOR'], system: false });
    expect(byType.get('SEEK_CONSENT').roles.sort()).toEqual(['COMMITTEE_DIRECTOR', 'INTAKE_CLERK', 'MEDIATOR']);
    expect(byType.get('JC_CONFIRMED')).toMatchObject({ roles: ['SYSTEM'], system: true });
    // A form can be built from the event's data schema, and the law it rests on is shown.
    expect(byType.get('SIGN_WRITTEN_AGREEMENT')).toMatchObject({
      schema: expect.objectContaining({ type: 'object', required: expect.arrayContaining(['signedPartyIds', 'mediatorSigned', 'committeeSealed', 'effectiveOn']) }),
      preconditionTexts: expect.arrayContaining([expect.objectContaining({ name: 'agreementTakesEffect', legalBasis: '人民调解法 第二十九条' })]),
    });
  });

  it('includes a Mermaid stateDiagram-v2 of the machine', async () => {
    const { mermaid, states } = (await get('/api/workflows/pm')).body;
    expect(mermaid.startsWith('stateDiagram-v2')).toBe(true);
    expect(mermaid).toContain('[*] --> registered');
    expect(mermaid).toContain('mediating --> agreedWritten : 签订书面调解协议');
    for (const s of states) expect(mermaid).toContain(`state "${s.label}" as ${s.id}`);
  });

  it('describes 司法确认 too', async () => {
    const jc = (await get('/api/workflows/jc')).body;
    expect(jc).toMatchObject({ id: 'jc', title: '司法确认', initial: 'preparing' });
    expect(jc.mermaid.startsWith('stateDiagram-v2')).toBe(true);
    expect(jc.states.find((s: any) => s.id === 'registered').deadlines).toEqual([expect.objectContaining({ id: 'D-JC3', legalBasis: '民事诉讼法 第一百八十七条' })]);
  });

  it('answers 404 for an unknown workflow or version', async () => {
    for (const path of ['/api/workflows/divorce', '/api/workflows/pm?version=99']) {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404, title: expect.any(String), detail: expect.any(String), type: expect.any(String) });
    }
    expect((await get('/api/workflows/pm?version=one')).status).toBe(400);
  });

  it('answers health without a token', async () => {
    const res = await t.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: database.name });
  });

  it('serves the OpenAPI UI and document without a token', async () => {
    const ui = await t.http().get('/api/docs').redirects(2);
    expect(ui.status).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.text).toMatch(/swagger-ui/i);
    const doc = await t.http().get('/api/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/cases', '/api/cases/{id}', '/api/cases/{id}/events', '/api/cases/{id}/history', '/api/workflows/{id}', '/api/audit/verify']));
  });

  describeOpenApiDocument(database, () => t);
});
