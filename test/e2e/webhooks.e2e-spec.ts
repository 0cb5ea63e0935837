import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, auth, LIQIAO, openCase, pmCaseBody } from '../support/cases';

/*
 * Webhooks (docs/webhooks.md) against a receiver on a local port: a matching case event arrives signed by the
 * Standard Webhooks scheme and a non-matching one does not; a failing receiver is retried with backoff as the engine
 * clock moves, ends failed and is replayed with the same Webhook-Id; stuck messages between cases are listed and
 * replayed; and two engines on one database send each attempt once.
 */

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

class Receiver {
  readonly received: Received[] = [];
  /** The status each path answers with; 200 unless set. */
  readonly status = new Map<string, number>();
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers as Record<string, string>, body });
        res.statusCode = this.status.get(req.url ?? '') ?? 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  at(path: string, caseId?: string): Received[] {
    return this.received.filter((r) => r.path === path && (!caseId || JSON.parse(r.body).data.caseId === caseId));
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const SETTINGS = { FENGQIAO_WEBHOOK_MAX_ATTEMPTS: '3', FENGQIAO_WEBHOOK_BACKOFF_SECONDS: '60', FENGQIAO_WEBHOOK_BACKOFF_MAX_SECONDS: '600', FENGQIAO_WEBHOOK_TIMEOUT_MS: '2000' };

describe.each(TEST_DATABASES)('webhooks and undelivered messages ($name)', (database) => {
  let t: TestApp;
  const receiver = new Receiver();
  let admin: Record<string, string>;

  beforeAll(async () => {
    await receiver.start();
    t = await createTestApp(database, SETTINGS);
    admin = auth(await t.login('admin'));
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const subscribe = async (app: TestApp, body: Record<string, unknown>) => {
    const res = await app.http().post('/api/admin/webhooks').set(admin).send(body);
    if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; secret: string };
  };
  const run = async (app: TestApp = t) => {
    const res = await app.http().post('/api/admin/webhooks/run').set(admin);
    expect(res.status).toBe(200);
    return res.body as { fannedOut: number; attempted: number; delivered: number };
  };
  const advance = async (app: TestApp, seconds: number) => {
    const now = (await app.http().get('/api/admin/clock').set(admin)).body.now as string;
    const res = await app.http().post('/api/admin/clock').set(admin).send({ now: new Date(Date.parse(now) + seconds * 1000).toISOString() });
    expect(res.status).toBe(200);
  };
  const deliveriesOf = async (subscriptionId: string, state?: string) => {
    const res = await t.http().get('/api/admin/webhooks/deliveries').query({ subscriptionId, ...(state ? { state } : {}) }).set(admin);
    expect(res.status).toBe(200);
    return res.body.items as any[];
  };

  it('sends a matching case event, signed with the subscriber’s secret, and nothing to a subscriber it does not match', async () => {
    const township = await subscribe(t, { name: '枫桥镇综治平台', url: `${receiver.url}/township`, workflowIds: ['pm'], orgIds: ['org-fengqiao'], includeSubOrgs: true });
    const elsewhere = await subscribe(t, { name: '南山镇综治平台', url: `${receiver.url}/nanshan`, orgIds: ['org-nanshan'], includeSubOrgs: true });
    expect(township.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    // The secret is shown once: neither the list nor the subscription carries it afterwards.
    const list = await t.http().get('/api/admin/webhooks').set(admin);
    expect(list.status).toBe(200);
    expect(list.body.items.map((s: any) => s.id)).toEqual(expect.arrayContaining([township.id, elsewhere.id]));
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect((await t.http().get(`/api/admin/webhooks/${township.id}`).set(admin)).body).not.toHaveProperty('secret');

    const opened = await openCase(t, 'fy_mediator');
    await run();
    const [sent] = receiver.at('/township', opened.id);
    expect(receiver.at('/township', opened.id)).toHaveLength(1);
    expect(receiver.at('/nanshan')).toHaveLength(0);

    const id = sent.headers['webhook-id'];
    const timestamp = sent.headers['webhook-timestamp'];
    const key = Buffer.from(township.secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${sent.body}`).digest('base64');
    expect(sent.headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(sent.headers['content-type']).toBe('application/json');

    const payload = JSON.parse(sent.body);
    expect(payload).toMatchObject({ type: 'case.event', data: { caseId: opened.id, caseNo: opened.caseNo, workflowId: 'pm', orgId: 'org-fengyuan', seq: 1, eventType: 'OPEN', fromState: null } });
    // Only ids and states travel: no party's name, ID number or phone.
    for (const personal of [APPLICANT.name, APPLICANT.idNumber, APPLICANT.phone]) expect(sent.body).not.toContain(personal);

    const [delivery] = (await deliveriesOf(township.id)).filter((d) => d.caseId === opened.id);
    expect(delivery).toMatchObject({ id, state: 'delivered', attempts: 1, lastStatus: 200, seq: 1 });
  });

  it('refuses a subscription with a bad address or filters naming nothing, naming the field, and non-administrators', async () => {
    const bad = await t.http().post('/api/admin/webhooks').set(admin).send({ name: '错误', url: 'ftp://court.example/x', workflowIds: ['nope'], orgIds: ['org-nowhere'], eventTypes: ['NO_SUCH_EVENT'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['url']);
    const filters = await t.http().post('/api/admin/webhooks').set(admin).send({ name: '错误', url: `${receiver.url}/x`, workflowIds: ['nope'], orgIds: ['org-nowhere'], eventTypes: ['NO_SUCH_EVENT'] });
    expect(filters.status).toBe(400);
    expect(filters.body.errors.map((e: any) => e.field)).toEqual(['workflowIds', 'orgIds', 'eventTypes']);
    expect(filters.body.errors[1].messageZh).toContain('org-nowhere');

    const mediator = auth(await t.login('fy_mediator'));
    expect((await t.http().get('/api/admin/webhooks').set(mediator)).status).toBe(403);
    expect((await t.http().post('/api/admin/webhooks/run').set(mediator)).status).toBe(403);
    expect((await t.http().get('/api/admin/outbox/stuck').set(mediator)).status).toBe(403);
    expect((await t.http().get('/api/admin/webhooks/deliveries').query({ state: 'lost' }).set(admin)).body.errors[0].field).toBe('state');
  });

  it('retries a failing receiver with backoff on the engine clock, fails it after the last attempt, and replays it with the same id', async () => {
    receiver.status.set('/down', 503);
    const flaky = await subscribe(t, { name: '栎桥村平台', url: `${receiver.url}/down`, orgIds: ['org-liqiao'], eventTypes: ['OPEN'] });
    const opened = await openCase(t, 'lq_mediator', pmCaseBody({ regionCode: LIQIAO }));
    await run();
    expect(receiver.at('/down', opened.id)).toHaveLength(1);

    // Not due again until the backoff has passed: 30 to 60 s after the first failure.
    await run();
    expect(receiver.at('/down', opened.id)).toHaveLength(1);
    const [first] = await deliveriesOf(flaky.id);
    expect(first).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 503 });
    const wait = Date.parse(first.nextAttemptAt) - Date.parse(first.lastAttemptAt);
    expect(wait).toBeGreaterThanOrEqual(30_000);
    expect(wait).toBeLessThanOrEqual(60_000);

    await advance(t, 60);
    await run();
    expect(receiver.at('/down', opened.id)).toHaveLength(2);
    await advance(t, 120);
    await run();
    const attempts = receiver.at('/down', opened.id);
    expect(attempts).toHaveLength(3);
    const [failed] = await deliveriesOf(flaky.id, 'failed');
    expect(failed).toMatchObject({ state: 'failed', attempts: 3, lastStatus: 503, lastError: 'HTTP 503' });

    // Failed is final until an administrator replays it.
    await advance(t, 3600);
    await run();
    expect(receiver.at('/down', opened.id)).toHaveLength(3);

    receiver.status.set('/down', 204);
    const replay = await t.http().post(`/api/admin/webhooks/deliveries/${failed.id}/replay`).set(admin);
    expect(replay.status).toBe(200);
    expect(replay.body.replayed).toEqual([failed.id]);
    await run();
    const all = receiver.at('/down', opened.id);
    expect(all).toHaveLength(4);
    expect(new Set(all.map((r) => r.headers['webhook-id']))).toEqual(new Set([failed.id]));
    expect(await deliveriesOf(flaky.id, 'failed')).toHaveLength(0);
    expect((await t.http().get(`/api/admin/webhooks/deliveries/${failed.id}`).set(admin)).body).toMatchObject({ state: 'delivered', attempts: 1, lastStatus: 204 });

    const again = await t.http().post(`/api/admin/webhooks/deliveries/${failed.id}/replay`).set(admin);
    expect(again.status).toBe(409);
    expect((await t.http().post(`/api/admin/webhooks/deliveries/msg_nothing/replay`).set(admin)).status).toBe(404);
  });

  it('stops sending to a paused subscription and forgets a deleted one', async () => {
    const paused = await subscribe(t, { name: '暂停', url: `${receiver.url}/paused`, orgIds: ['org-fengyuan'] });
    const patch = await t.http().patch(`/api/admin/webhooks/${paused.id}`).set(admin).send({ active: false });
    expect(patch.status).toBe(200);
    expect(patch.body).toMatchObject({ active: false });
    const opened = await openCase(t, 'fy_mediator');
    await run();
    expect(receiver.at('/paused', opened.id)).toHaveLength(0);
    expect((await t.http().delete(`/api/admin/webhooks/${paused.id}`).set(admin)).status).toBe(204);
    expect((await t.http().get(`/api/admin/webhooks/${paused.id}`).set(admin)).status).toBe(404);
  });

  it('lists messages between cases that failed every attempt and delivers them again on replay', async () => {
    const source = await openCase(t, 'fy_mediator');
    const target = await openCase(t, 'fy_mediator');
    const db = t.app.get(Db);
    const id = randomUUID();
    const data = db.json({ signal: 'WITHDRAWN', sourceCaseId: source.id });
    await db.execute(
      `INSERT INTO outbox (id, target_case_id, source_case_id, event_type, data, created_at, attempts, last_error)
       VALUES (:id, :target, :source, 'ENTRUSTMENT_ENDED', ${db.dialect === 'postgres' ? ':data::jsonb' : ':data'}, :at, 5, 'CASE.LOCKED: 案件正被处理')`,
      { id, target: target.id, source: source.id, data, at: new Date() },
    );
    const stuck = await t.http().get('/api/admin/outbox/stuck').set(admin);
    expect(stuck.status).toBe(200);
    expect(stuck.body.items.find((m: any) => m.id === id)).toMatchObject({ targetCaseId: target.id, eventType: 'ENTRUSTMENT_ENDED', attempts: 5, lastError: 'CASE.LOCKED: 案件正被处理' });

    const replay = await t.http().post(`/api/admin/outbox/${id}/replay`).set(admin);
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ replayed: [id] });
    expect((await t.http().get('/api/admin/outbox/stuck').set(admin)).body.items.map((m: any) => m.id)).not.toContain(id);
    const [row] = await db.query('SELECT delivered_at FROM outbox WHERE id = :id', { id });
    expect(row.delivered_at).not.toBeNull();
    expect((await t.http().post(`/api/admin/outbox/${id}/replay`).set(admin)).status).toBe(404);
  });

  describe('two engines on one database', () => {
    let b: TestApp;
    beforeAll(async () => {
      b = await createTestApp(database, SETTINGS, { reuse: t.database, keepDatabase: true });
    });
    afterAll(async () => b?.close());

    it('sends each attempt once, whichever engines run at the same time', async () => {
      // Both engines on one time, as engines on the system clock would be.
      const now = (await t.http().get('/api/admin/clock').set(admin)).body.now as string;
      expect((await b.http().post('/api/admin/clock').set(admin).send({ now })).status).toBe(200);
      receiver.status.set('/shared-down', 500);
      await subscribe(t, { name: '共享', url: `${receiver.url}/shared`, orgIds: ['org-fengyuan'] });
      await subscribe(t, { name: '共享失败', url: `${receiver.url}/shared-down`, orgIds: ['org-fengyuan'] });
      const opened = await openCase(b, 'fy_mediator');
      await Promise.all([run(t), run(b), run(t), run(b)]);
      expect(receiver.at('/shared', opened.id)).toHaveLength(1);
      expect(receiver.at('/shared-down', opened.id)).toHaveLength(1);

      await Promise.all([advance(t, 60), advance(b, 60)]);
      await Promise.all([run(t), run(b), run(t), run(b)]);
      expect(receiver.at('/shared', opened.id)).toHaveLength(1);
      expect(receiver.at('/shared-down', opened.id)).toHaveLength(2);
    });
  });
});
