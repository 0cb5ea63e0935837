import { Writable } from 'node:stream';
import pino from 'pino';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, auth, pmCaseIn, send } from '../support/cases';

/*
 * What an operator watches: liveness and readiness probes, Prometheus metrics at /metrics behind a token or an
 * allow-list, and the request log (request ids kept, the case and event of each write, no personal data).
 */
const METRICS_TOKEN = 'metrics-token-for-the-test-0001';

describe.each(TEST_DATABASES)('operations ($name)', (database) => {
  let t: TestApp;
  const lines: Record<string, any>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    // The allow-list holds a monitoring network, not loopback: the test's own address needs the token.
    t = await createTestApp(database, { FENGQIAO_METRICS_TOKEN: METRICS_TOKEN, FENGQIAO_METRICS_ALLOW: '10.20.0.0/16', FENGQIAO_TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' }, { log: pino({ level: 'info' }, sink) });
  });
  afterAll(async () => {
    await t?.close();
  });

  const scrape = async () => {
    const res = await t.http().get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`);
    expect(res.status).toBe(200);
    return res.text;
  };

  it('answers liveness and readiness separately, naming each readiness check', async () => {
    expect((await t.http().get('/api/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http().get('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: { lifecycle: { status: 'up' }, database: { status: 'up', dialect: database.name }, migrations: { status: 'up' }, worker: { status: 'up', enabled: false } },
    });
    expect((await t.http().get('/api/health')).body).toEqual({ status: 'ok', database: database.name });
  });

  it('serves /metrics only with the token or to an allow-listed address', async () => {
    const anonymous = await t.http().get('/metrics');
    expect(anonymous.status).toBe(403);
    expect(anonymous.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(anonymous.body.code).toBe('METRICS.FORBIDDEN');
    expect((await t.http().get('/metrics').set('Authorization', 'Bearer wrong-token-of-the-same-len')).status).toBe(403);
    expect((await t.http().get('/metrics').set('X-Forwarded-For', '10.99.0.1')).status).toBe(403);
    const fromMonitoring = await t.http().get('/metrics').set('X-Forwarded-For', '10.20.3.4');
    expect(fromMonitoring.status).toBe(200);
    expect(fromMonitoring.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(fromMonitoring.text).not.toMatch(/<html/i);
  });

  it('counts transitions by workflow and outcome and times requests by route', async () => {
    const view = await pmCaseIn(t, 'consentPending');
    const refused = await send(t, 'fy_mediator', view.id, 'SIGN_WRITTEN_AGREEMENT', {});
    expect(refused.status).toBe(409);
    const text = await scrape();
    expect(text).toMatch(/fengqiao_transitions_total\{workflow="pm",outcome="applied"\} 1\b/);
    expect(text).toMatch(/fengqiao_transitions_total\{workflow="unknown",outcome="refused"\} 1\b/);
    expect(text).toMatch(/fengqiao_http_request_duration_seconds_count\{method="POST",route="\/api\/cases\/:id\/events",status="200"\} 1\b/);
    expect(text).toMatch(/fengqiao_http_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/api\/cases",status="201"\}/);
    for (const name of ['fengqiao_deadline_worker_lag_seconds', 'fengqiao_outbox_backlog', 'fengqiao_outbox_failing', 'fengqiao_db_pool_connections', 'fengqiao_deadline_firings_total', 'fengqiao_process_cpu_seconds_total']) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });

  it('reports how long the oldest due deadline has waited for the worker', async () => {
    const before = Number(/^fengqiao_deadline_worker_lag_seconds (\S+)$/m.exec(await scrape())![1]);
    // The consent deadline of the case above falls due within days: move the engine clock a month on without running the worker.
    const admin = auth(await t.login('admin'));
    await t.http().post('/api/admin/clock').set(admin).send({ now: new Date(Date.now() + 40 * 86_400_000).toISOString() }).expect(200);
    const after = Number(/^fengqiao_deadline_worker_lag_seconds (\S+)$/m.exec(await scrape())![1]);
    expect(before).toBe(0);
    expect(after).toBeGreaterThan(86_400);
  });

  it('keeps the caller’s X-Request-Id, makes one when absent, and logs each write with its case and event', async () => {
    const view = await pmCaseIn(t, 'registered');
    const given = await t.http().post(`/api/cases/${view.id}/events`).set(auth(await t.login('fy_mediator'))).set('X-Request-Id', 'trace-7f3a.1').send({ type: 'SEEK_CONSENT', data: { note: '电话征询' } });
    expect(given.status).toBe(200);
    expect(given.headers['x-request-id']).toBe('trace-7f3a.1');
    const made = await t.http().get('/api/health/live').set('X-Request-Id', 'not a token; has spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const line = lines.find((l) => l.reqId === 'trace-7f3a.1');
    expect(line).toMatchObject({ msg: 'request completed', caseId: view.id, eventType: 'SEEK_CONSENT', res: { statusCode: 200 } });
    expect(line!.userId).toBe((await t.loginUser('fy_mediator')).user.id);
  });

  it('keeps ID numbers and phone numbers out of the log', async () => {
    const token = auth(await t.login('fy_mediator'));
    expect((await t.http().get(`/api/cases?idNumber=${APPLICANT.idNumber}`).set(token)).status).toBe(200);
    expect((await t.http().get(`/api/cases?q=${APPLICANT.phone}`).set(token)).status).toBe(200);
    const all = JSON.stringify(lines);
    expect(all).not.toContain(APPLICANT.idNumber);
    expect(all).not.toContain(APPLICANT.phone);
    expect(lines.some((l) => l.req?.url === '/api/cases?idNumber=***')).toBe(true);
  });
});
