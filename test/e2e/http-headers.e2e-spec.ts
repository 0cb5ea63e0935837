import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, getCase, history, pmCaseIn, send, today } from '../support/cases';

/*
 * Headers of every API answer (nothing cached, no type sniffing, HSTS when the operator says TLS is in front) and
 * If-Match read as RFC 9110 says: strong comparison, `*`, and a list of tags.
 */

describe.each(TEST_DATABASES)('HTTP headers and preconditions ($name)', (database) => {
  let t: TestApp;
  let tls: TestApp | undefined;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
    await tls?.close();
  });

  describe('Cache-Control, nosniff and HSTS', () => {
    it('marks every API answer no-store and nosniff: data, errors, refusals before any route', async () => {
      const token = await t.login('fy_mediator');
      const answers = [
        await t.http().get('/api/cases').set(auth(token)),
        await t.http().post('/api/auth/login').send({ username: 'fy_mediator', password: 'wrong-password' }),
        await t.http().get('/api/cases'),
        await t.http().get('/api/cases/%zz'),
        await t.http().get('/api/health'),
      ];
      expect(answers.map((r) => r.status)).toEqual([200, 401, 401, 400, 200]);
      for (const [i, res] of answers.entries()) {
        expect({ i, cache: res.headers['cache-control'] }).toEqual({ i, cache: 'no-store' });
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    });

    it('sends HSTS only when FENGQIAO_HSTS_MAX_AGE says the engine is reached over TLS', async () => {
      tls = await createTestApp(database, { FENGQIAO_HSTS_MAX_AGE: '31536000' });
      const res = await tls.http().get('/api/cases').set(auth(await tls.login('fy_mediator')));
      expect(res.status).toBe(200);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('If-Match (RFC 9110 §13.1.1)', () => {
    /** Nothing was written: same version, same history length. */
    async function unchanged(caseId: string, version: number) {
      expect((await getCase(t, 'fy_mediator', caseId)).body.version).toBe(version);
      expect(await history(t, 'fy_mediator', caseId)).toHaveLength(version);
    }

    it('never matches a weak tag, even of the current version: 412 with the current version', async () => {
      const c = await pmCaseIn(t, 'registered');
      for (const weak of ['W/"1"', 'W/"1", W/"2"']) {
        const res = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': weak });
        expect({ status: res.status, code: res.body.code, currentVersion: res.body.currentVersion }).toEqual({ status: 412, code: 'CASE.VERSION_CONFLICT', currentVersion: 1 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      await unchanged(c.id, 1);
    });

    it('matches any existing case with *', async () => {
      const c = await pmCaseIn(t, 'registered');
      const res = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': '*' });
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"2"');
    });

    it('matches a list when any strong tag names the current version, and refuses one that names none', async () => {
      const c = await pmCaseIn(t, 'registered');
      const none = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': '"4", "5", W/"1", "x"' });
      expect({ status: none.status, currentVersion: none.body.currentVersion }).toEqual({ status: 412, currentVersion: 1 });
      await unchanged(c.id, 1);
      const any = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': '"4",  "1" ,"5"' });
      expect(any.status).toBe(200);
      expect(any.body.version).toBe(2);
    });

    it('still answers 400 naming If-Match for a header that is no list of entity tags', async () => {
      const c = await pmCaseIn(t, 'registered');
      for (const bad of ['yesterday', '"1', '"1" "2"', ',', 'W/1']) {
        const res = await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'If-Match': bad });
        expect({ bad, status: res.status, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({ bad, status: 400, fields: ['If-Match'] });
      }
      await unchanged(c.id, 1);
    });

    it('reads If-Match the same way on the deadline endpoints', async () => {
      const c = await pmCaseIn(t, 'mediating');
      const view = (await getCase(t, 'fy_director', c.id)).body;
      const deadline = view.deadlines.find((d: { status: string }) => d.status === 'pending');
      const token = await t.login('fy_director');
      const pause = (ifMatch: string) =>
        t.http().post(`/api/cases/${c.id}/deadlines/${deadline.id}/pauses`).set(auth(token)).set('If-Match', ifMatch).send({ from: today(t), reason: '等待房屋安全鉴定结论' });
      expect((await pause(`W/"${view.version}"`)).status).toBe(412);
      const paused = await pause(`"0", "${view.version}"`);
      expect(paused.status).toBe(200);
      expect(paused.body.version).toBe(view.version + 1);
    });
  });
});

