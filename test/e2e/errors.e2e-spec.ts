import { JwtService } from '@nestjs/jwt';
import type { Response } from 'supertest';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, LIQIAO, apply, auth, getCase, history, pmCaseBody, pmCaseIn, pmStep, send, withWrongCheckDigit } from '../support/cases';

/*
 * How the API says no: every refusal is an RFC 7807 problem (type, title, status, detail) served as
 * application/problem+json, with the fields a client needs to act on it, and nothing is written on a refusal.
 */

function expectProblem(res: Response, status: number, code?: string) {
  expect({ status: res.status, body: res.body }).toMatchObject({ status, body: { status } });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^https?:\/\/\S+$/),
      title: expect.stringMatching(/\S/),
      status,
      detail: expect.stringMatching(/\S/),
    }),
  );
  if (code) expect(res.body.code).toBe(code);
  return res.body;
}

/** The fields named in a 400, with a Chinese message for each. */
function fieldsOf(body: any): string[] {
  for (const e of body.errors) expect(e).toEqual(expect.objectContaining({ field: expect.any(String), message: expect.any(String), messageZh: expect.stringMatching(/\S/) }));
  return [...new Set<string>(body.errors.map((e: any) => e.field))].sort();
}

describe.each(TEST_DATABASES)('HTTP errors ($name)', (database) => {
  let t: TestApp;
  let mediator: string;
  let mediatorId: string;

  beforeAll(async () => {
    t = await createTestApp(database);
    mediator = await t.login('fy_mediator');
    mediatorId = (await t.loginUser('fy_mediator')).user.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Nothing was written: same version, same history length. */
  async function unchanged(caseId: string, version: number) {
    expect((await getCase(t, 'fy_mediator', caseId)).body.version).toBe(version);
    expect(await history(t, 'fy_mediator', caseId)).toHaveLength(version);
  }

  describe('400: invalid input names each bad field', () => {
    const open = (body: unknown, token = mediator) => t.http().post('/api/cases').set(auth(token)).send(body as object);

    it('refuses an opening with missing fields, naming each one', async () => {
      const body = expectProblem(await open({}), 400, 'VALIDATION.FAILED');
      expect(fieldsOf(body)).toEqual(['category', 'parties', 'regionCode', 'source', 'summary']);
    });

    it('refuses a party whose identity number has a wrong check digit', async () => {
      const bad = withWrongCheckDigit(APPLICANT.idNumber);
      const body = expectProblem(await open(pmCaseBody({ parties: [{ ...APPLICANT, idNumber: bad }, pmCaseBody().parties[1]] })), 400);
      expect(fieldsOf(body)).toEqual(['parties[0].idNumber']);
      expect(body.errors[0].messageZh).toContain('校验位');
    });

    it('refuses an unknown category, an unknown source and a one-sided dispute', async () => {
      const body = expectProblem(await open(pmCaseBody({ category: 'FEUD', source: 'RUMOUR', parties: [APPLICANT] })), 400);
      expect(fieldsOf(body)).toEqual(['category', 'parties', 'source']);
    });

    it('refuses a region outside the user’s jurisdiction, and one that does not exist', async () => {
      for (const regionCode of [LIQIAO, '330199101299']) {
        const body = expectProblem(await open(pmCaseBody({ regionCode })), 400);
        expect(body.errors).toEqual([expect.objectContaining({ field: 'regionCode', messageZh: '不属于本单位管辖的地区' })]);
      }
      const list = await t.http().get('/api/cases').set(auth(mediator));
      expect(list.body.total).toBe(0);
    });

    it('refuses event data against the event’s schema, naming each bad field', async () => {
      const c = await pmCaseIn(t, 'assigned');
      const res = await send(t, 'fy_mediator', c.id, 'START_MEDIATION', { startedOn: '2025/09/01', mode: 'FLYING', colour: 'red' });
      const body = expectProblem(res, 400, 'VALIDATION.FAILED');
      expect(fieldsOf(body)).toEqual(['data.colour', 'data.mode', 'data.startedOn']);

      const missing = expectProblem(await send(t, 'fy_mediator', c.id, 'RECORD_REFUSAL', {}), 400);
      expect(fieldsOf(missing)).toEqual(['data.refusingPartyIds', 'data.rightsNotice']);
      await unchanged(c.id, 3);
    });

    it('refuses references to people and parties the case does not have', async () => {
      const c = await pmCaseIn(t, 'consentPending');
      const stranger = (await t.loginUser('lq_mediator')).user.id;
      const body = expectProblem(
        await send(t, 'fy_mediator', c.id, 'ASSIGN_MEDIATOR', { mediatorId: stranger, consentedPartyIds: ['P1', 'P9'], selectedBy: 'COMMITTEE' }),
        400,
      );
      expect(fieldsOf(body)).toEqual(['data.consentedPartyIds', 'data.mediatorId']);
      expect(body.errors.find((e: any) => e.field === 'data.consentedPartyIds').messageZh).toBe('P9 不是本案当事人');
      await unchanged(c.id, 2);
    });

    it('refuses an unknown event type, a malformed one and a malformed If-Match', async () => {
      const c = await pmCaseIn(t, 'registered');
      expect(fieldsOf(expectProblem(await send(t, 'fy_mediator', c.id, 'FLY_AWAY'), 400))).toEqual(['type']);
      const malformed = await t.http().post(`/api/cases/${c.id}/events`).set(auth(mediator)).send({ type: 'seek consent' });
      expect(fieldsOf(expectProblem(malformed, 400))).toEqual(['type']);
      expect(fieldsOf(expectProblem(await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': 'yesterday' }), 400))).toEqual(['If-Match']);
      await unchanged(c.id, 1);
    });
  });

  describe('400: input one database would store and the other refuse is refused on both, naming the field', () => {
    const open = (body: unknown) => t.http().post('/api/cases').set(auth(mediator)).send(body as object);
    const nested = (levels: number): unknown => {
      let value: unknown = '底';
      for (let i = 0; i < levels; i++) value = { a: value };
      return value;
    };
    const casesNow = async () => (await t.http().get('/api/cases').set(auth(mediator))).body.total as number;

    // The body is level 1, so the 33rd level of data is the field named.
    it('refuses nesting deeper than 32 levels in event data and in a case body (1,300 levels overflowed the validator)', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const before = await casesNow();
      const deepData = expectProblem(await send(t, 'fy_mediator', c.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), notes: nested(1300) }), 400, 'VALIDATION.FAILED');
      expect(deepData.errors).toEqual([expect.objectContaining({ field: `data.notes${'.a'.repeat(30)}`, messageZh: '嵌套层数超过上限（32层）' })]);
      const deepBody = expectProblem(await open({ ...pmCaseBody(), extra: nested(1300) }), 400);
      expect(deepBody.errors[0]).toMatchObject({ field: expect.stringMatching(/^extra(\.a)+$/), messageZh: '嵌套层数超过上限（32层）' });
      await unchanged(c.id, c.version);
      expect(await casesNow()).toBe(before);
    });

    it('refuses a key named prototype or constructor like any unknown field, in event data and in a case body', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const before = await casesNow();
      for (const key of ['prototype', 'constructor']) {
        const data = expectProblem(await send(t, 'fy_mediator', c.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), [key]: { polluted: true } }), 400);
        expect(fieldsOf(data)).toEqual([`data.${key}`]);
        const body = expectProblem(await open({ ...pmCaseBody(), [key]: 1 }), 400);
        expect(fieldsOf(body)).toEqual([key]);
        const party = expectProblem(await open(pmCaseBody({ parties: [{ ...APPLICANT, [key]: 'x' }, pmCaseBody().parties[1]] })), 400);
        expect(fieldsOf(party)).toEqual([`parties[0].${key}`]);
      }
      await unchanged(c.id, c.version);
      expect(await casesNow()).toBe(before);
    });

    it('refuses the NUL character in a login, a summary, a party name and a search, and an unpaired surrogate in event data', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const before = await casesNow();
      const login = expectProblem(await t.http().post('/api/auth/login').send({ username: 'fy_mediator\u0000', password: 'x' }), 400);
      expect(login.errors).toEqual([expect.objectContaining({ field: 'username', messageZh: '含有不允许的空字符（U+0000）' })]);
      expect(fieldsOf(expectProblem(await open(pmCaseBody({ summary: '围墙\u0000越界' })), 400))).toEqual(['summary']);
      expect(fieldsOf(expectProblem(await open(pmCaseBody({ parties: [{ ...APPLICANT, name: '张\u0000三' }, pmCaseBody().parties[1]] })), 400))).toEqual(['parties[0].name']);
      expect(fieldsOf(expectProblem(await t.http().get('/api/cases?q=%00').set(auth(mediator)), 400))).toEqual(['q']);
      const surrogate = expectProblem(await send(t, 'fy_mediator', c.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), summary: '调解\ud800情况' }), 400);
      expect(surrogate.errors).toEqual([expect.objectContaining({ field: 'data.summary', messageZh: '含有无效字符（不成对的代理项）' })]);
      await unchanged(c.id, c.version);
      expect(await casesNow()).toBe(before);
    });

    it('accepts characters outside the Basic Multilingual Plane (a surrogate pair is one character) on both databases', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const res = await send(t, 'fy_mediator', c.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), summary: '𠀋姓当事人到场 👍' });
      expect(res.status).toBe(200);
      const entries = await history(t, 'fy_mediator', c.id);
      expect(entries.at(-1)!.data.summary).toBe('𠀋姓当事人到场 👍');
    });
  });

  describe('401: who is calling must be known', () => {
    it('refuses a request without a token', async () => {
      expectProblem(await t.http().get('/api/cases'), 401, 'UNAUTHENTICATED');
      expectProblem(await t.http().post('/api/cases').send(pmCaseBody()), 401);
    });

    it('refuses a malformed token, and a well-formed one signed with another secret', async () => {
      expectProblem(await t.http().get('/api/cases').set(auth('not-a-token')), 401);
      const { user } = await t.loginUser('admin');
      const forged = new JwtService({ secret: 'another-secret-of-sufficient-length-0000' }).sign({ sub: user.id, username: 'admin', name: 'x', roles: ['ADMIN'], orgId: user.orgId, regionCode: user.regionCode });
      expectProblem(await t.http().get('/api/cases').set(auth(forged)), 401);
      expectProblem(await t.http().get('/api/cases').set({ Authorization: `Basic ${Buffer.from('admin:x').toString('base64')}` }), 401);
    });
  });

  describe('403: in jurisdiction, but not this role’s to do', () => {
    it('refuses an intake clerk starting mediation', async () => {
      const c = await pmCaseIn(t, 'assigned');
      const body = expectProblem(await send(t, 'fy_clerk', c.id, 'START_MEDIATION', pmStep(t, 'START_MEDIATION')), 403, 'FORBIDDEN');
      expect(body.detail).toContain('开始调解');
      await unchanged(c.id, 3);
    });

    it('refuses a user sending an event only the engine sends', async () => {
      const c = await pmCaseIn(t, 'registered');
      const c2 = await apply(t, 'fy_director', c.id, 'SEEK_CONSENT', {});
      expectProblem(await send(t, 'fy_director', c2.id, 'JC_CONFIRMED', {}), 403);
      await unchanged(c.id, 2);
    });

    it('refuses an auditor opening a case', async () => {
      const res = await t.http().post('/api/cases').set(auth(await t.login('auditor'))).send(pmCaseBody());
      expectProblem(res, 403, 'FORBIDDEN');
    });
  });

  describe('404: no such case, as far as the caller can tell', () => {
    it('answers 404 for an unknown id and for a malformed one, on every case route', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const id of [unknown, 'not-a-case-id']) {
        expectProblem(await t.http().get(`/api/cases/${id}`).set(auth(mediator)), 404, 'NOT_FOUND');
        expectProblem(await t.http().get(`/api/cases/${id}/history`).set(auth(mediator)), 404);
        expectProblem(await send(t, 'fy_mediator', id, 'SEEK_CONSENT'), 404);
      }
    });

    it('answers 404, the same way, for another village’s case', async () => {
      const c = await pmCaseIn(t, 'registered');
      const unknown = expectProblem(await t.http().get('/api/cases/00000000-0000-4000-8000-000000000000').set(auth(await t.login('lq_mediator'))), 404);
      const foreign = expectProblem(await getCase(t, 'lq_mediator', c.id), 404);
      // Same wording apart from the id itself: the answer leaks nothing about existence.
      expect(foreign.detail.replace(c.id, 'ID')).toBe(unknown.detail.replace('00000000-0000-4000-8000-000000000000', 'ID'));
      expectProblem(await t.http().get(`/api/cases/${c.id}/history`).set(auth(await t.login('lq_mediator'))), 404);
      expectProblem(await send(t, 'lq_mediator', c.id, 'SEEK_CONSENT'), 404);
      await unchanged(c.id, 1);
    });

    it('answers an unknown route with a 404 problem too', async () => {
      expectProblem(await t.http().get('/api/no-such-thing').set(auth(mediator)), 404);
    });
  });

  describe('409: the case is not in a state that allows it', () => {
    it('lists the events the user may send instead', async () => {
      const c = await pmCaseIn(t, 'registered');
      const body = expectProblem(await send(t, 'fy_mediator', c.id, 'START_MEDIATION', pmStep(t, 'START_MEDIATION')), 409, 'CASE.TRANSITION_NOT_ALLOWED');
      expect(body.allowed).toEqual(expect.any(Array));
      expect([...body.allowed].sort()).toEqual(['NOT_ACCEPT', 'SEEK_CONSENT', 'TRANSFER']);
      for (const a of body.allowed) expect(typeof a).toBe('string');
      expect(body).toMatchObject({ state: 'registered', stateLabel: '登记', event: 'START_MEDIATION', violations: [] });
      await unchanged(c.id, 1);
    });

    it('names the article when a legal precondition fails (consent of every party, Art. 17)', async () => {
      const c = await pmCaseIn(t, 'consentPending');
      const body = expectProblem(await send(t, 'fy_mediator', c.id, 'ASSIGN_MEDIATOR', { mediatorId, consentedPartyIds: ['P1'], selectedBy: 'COMMITTEE' }), 409);
      expect(body.violations).toEqual([expect.objectContaining({ precondition: 'allPartiesConsent', legalBasis: '人民调解法 第十七条', message: expect.stringContaining('各方当事人同意') })]);
      expect(body.detail).toContain('人民调解法 第十七条');
      await unchanged(c.id, 2);
    });

    it('names the article when a written agreement lacks the committee seal (Art. 29)', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const data = { ...pmStep(t, 'SIGN_WRITTEN_AGREEMENT'), committeeSealed: false };
      const body = expectProblem(await send(t, 'fy_mediator', c.id, 'SIGN_WRITTEN_AGREEMENT', data), 409);
      expect(body.violations).toEqual([expect.objectContaining({ precondition: 'agreementTakesEffect', legalBasis: '人民调解法 第二十九条' })]);
      await unchanged(c.id, 4);
    });

    it('refuses events on a closed case', async () => {
      const c = await pmCaseIn(t, 'registered');
      const closed = await apply(t, 'fy_mediator', c.id, 'NOT_ACCEPT', { reason: 'NOT_CIVIL_DISPUTE', explanation: '属于行政争议' });
      expect(closed).toMatchObject({ state: 'notAccepted', closed: true, availableEvents: [] });
      const body = expectProblem(await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT'), 409);
      expect(body.allowed).toEqual([]);
    });
  });

  describe('412: If-Match must name the current version', () => {
    it('refuses a stale If-Match, and says which version is current', async () => {
      const c = await pmCaseIn(t, 'registered');
      const read = await getCase(t, 'fy_mediator', c.id);
      expect(read.headers.etag).toBe('"1"');
      // Someone else moves the case on after this user read it.
      await apply(t, 'fy_director', c.id, 'SEEK_CONSENT', {});
      const res = await send(t, 'fy_mediator', c.id, 'NOT_ACCEPT', { reason: 'OTHER', explanation: '重复登记' }, { 'If-Match': read.headers.etag });
      const body = expectProblem(res, 412, 'CASE.VERSION_CONFLICT');
      expect(body.currentVersion).toBe(2);
      await unchanged(c.id, 2);

      const fresh = await send(t, 'fy_mediator', c.id, 'NOT_ACCEPT', { reason: 'OTHER', explanation: '重复登记' }, { 'If-Match': '"2"' });
      expect(fresh.status).toBe(200);
      expect(fresh.headers.etag).toBe('"3"');
    });

    it('refuses an If-Match ahead of the case too', async () => {
      const c = await pmCaseIn(t, 'registered');
      expectProblem(await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': '7' }), 412);
      await unchanged(c.id, 1);
    });
  });

  describe('Idempotency-Key: a retry returns the first result and applies nothing twice', () => {
    it('replays the first answer to a retry with the same key', async () => {
      const c = await pmCaseIn(t, 'registered');
      const headers = { 'Idempotency-Key': `seek-${c.id}` };
      const first = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '第一次' }, headers);
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ state: 'consentPending', version: 2 });
      const retry = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '第一次' }, headers);
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.etag).toBe(first.headers.etag);
      expect(retry.headers['idempotent-replayed']).toBe('true');

      const entries = await history(t, 'fy_mediator', c.id);
      expect(entries.map((e) => e.type)).toEqual(['OPEN', 'SEEK_CONSENT']);
      await unchanged(c.id, 2);
    });

    it('replays even after the case moved on, and once for simultaneous retries', async () => {
      const c = await pmCaseIn(t, 'registered');
      const headers = { 'Idempotency-Key': `race-${c.id}` };
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '并发重试' }, headers)));
      expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      for (const r of answers) expect(r.body).toEqual(answers[0].body);
      expect(answers[0].body.version).toBe(2);

      await apply(t, 'fy_mediator', c.id, 'ASSIGN_MEDIATOR', pmStep(t, 'ASSIGN_MEDIATOR', mediatorId));
      const late = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '并发重试' }, headers);
      expect(late.status).toBe(200);
      expect(late.body).toEqual(answers[0].body);
      expect((await history(t, 'fy_mediator', c.id)).map((e) => e.type)).toEqual(['OPEN', 'SEEK_CONSENT', 'ASSIGN_MEDIATOR']);
    });

    it('replays a retry that repeats the If-Match of the first request, even when the retries race', async () => {
      // A client that timed out resends exactly what it sent: same key, same If-Match. The case has moved past that
      // version because of the very request being retried, so the answer is the first result, not a 412 or a 409.
      const c = await pmCaseIn(t, 'registered');
      const headers = { 'Idempotency-Key': `ifmatch-${c.id}`, 'If-Match': '"1"' };
      const answers = await Promise.all(Array.from({ length: 10 }, () => send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '超时重发' }, headers)));
      expect(answers.map((r) => r.status)).toEqual(Array(10).fill(200));
      for (const r of answers) expect(r.body).toEqual(answers[0].body);
      const later = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '超时重发' }, headers);
      expect(later.status).toBe(200);
      expect(later.body).toEqual(answers[0].body);
      expect((await history(t, 'fy_mediator', c.id)).map((e) => e.type)).toEqual(['OPEN', 'SEEK_CONSENT']);
    });

    it('refuses the same key with a different body (422) and applies nothing', async () => {
      const c = await pmCaseIn(t, 'registered');
      const headers = { 'Idempotency-Key': `reuse-${c.id}` };
      expect((await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '第一次' }, headers)).status).toBe(200);
      expectProblem(await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', { note: '换了内容' }, headers), 422, 'IDEMPOTENCY.KEY_REUSED');
      expectProblem(await send(t, 'fy_mediator', c.id, 'NOT_ACCEPT', { reason: 'OTHER', explanation: '不同事件' }, headers), 422);
      await unchanged(c.id, 2);
    });

    it('answers a retried refusal with the same refusal, and still applies nothing', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const headers = { 'Idempotency-Key': `sign-${c.id}` };
      const unsealed = { ...pmStep(t, 'SIGN_WRITTEN_AGREEMENT'), committeeSealed: false };
      const first = expectProblem(await send(t, 'fy_mediator', c.id, 'SIGN_WRITTEN_AGREEMENT', unsealed, headers), 409);
      const retry = expectProblem(await send(t, 'fy_mediator', c.id, 'SIGN_WRITTEN_AGREEMENT', unsealed, headers), 409);
      expect(retry).toEqual(first);
      await unchanged(c.id, 4);
    });
  });
});
