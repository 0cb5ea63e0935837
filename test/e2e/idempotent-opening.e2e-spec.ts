import { IdempotencySweep } from '@app/cases';
import { Db } from '@app/persistence';
import { Clock } from '@app/shared';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, auth, pmCaseBody, pmCaseIn, RESPONDENT, send, setNow } from '../support/cases';

/*
 * Opening a case with an Idempotency-Key opens it once, however often and however simultaneously it is retried;
 * stored answers keep no personal data in clear and are forgotten after the retention period.
 */

describe.each(TEST_DATABASES)('idempotent opening and stored answers ($name)', (database) => {
  let t: TestApp;
  let db: Db;

  beforeAll(async () => {
    t = await createTestApp(database, { FENGQIAO_IDEMPOTENCY_RETENTION_HOURS: '24' });
    db = t.app.get(Db);
  });
  afterAll(async () => {
    await t?.close();
  });

  const open = async (body: Record<string, unknown>, key?: string) =>
    t.http().post('/api/cases').set(auth(await t.login('fy_mediator'))).set(key ? { 'Idempotency-Key': key } : {}).send(body);
  const casesAbout = async (summary: string) => (await t.http().get('/api/cases').query({ q: summary }).set(auth(await t.login('fy_mediator')))).body.total as number;
  const storedRow = async (key: string) => (await db.query('SELECT response FROM idempotency_keys WHERE key = :key', { key }))[0];

  it('opens one case for a repeated request with the same key, and answers the retry as the first', async () => {
    const body = pmCaseBody({ summary: '幂等登记：重复提交' });
    const first = await open(body, 'open-twice');
    expect(first.status).toBe(201);
    expect(first.body.parties[0].idNumber).toBe(APPLICANT.idNumber);
    const retry = await open(body, 'open-twice');
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.body).toEqual(first.body);
    expect(await casesAbout('幂等登记：重复提交')).toBe(1);
  });

  it('opens exactly one case, with one case number, for simultaneous retries', async () => {
    const body = pmCaseBody({ summary: '幂等登记：并发重试' });
    const answers = await Promise.all(Array.from({ length: 8 }, () => open(body, 'open-race')));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    for (const r of answers) expect(r.body).toEqual(answers[0].body);
    expect(await casesAbout('幂等登记：并发重试')).toBe(1);
    // The losers took no number from the register: the next opening gets the next one.
    const next = await open(pmCaseBody({ summary: '幂等登记：下一件' }));
    const serial = (caseNo: string) => Number(/(\d+)号$/.exec(caseNo)![1]);
    expect(serial(next.body.caseNo)).toBe(serial(answers[0].body.caseNo) + 1);
  });

  it('refuses the same key with a different opening (422) and opens nothing', async () => {
    expect((await open(pmCaseBody({ summary: '幂等登记：第一份' }), 'open-reuse')).status).toBe(201);
    const reused = await open(pmCaseBody({ summary: '幂等登记：另一份' }), 'open-reuse');
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await casesAbout('幂等登记：另一份')).toBe(0);
    // A key first used for an event is not an opening either.
    const c = await pmCaseIn(t, 'registered');
    expect((await send(t, 'fy_mediator', c.id, 'SEEK_CONSENT', {}, { 'Idempotency-Key': 'event-then-open' })).status).toBe(200);
    expect((await open(pmCaseBody({ summary: '幂等登记：借用事件的键' }), 'event-then-open')).status).toBe(422);
  });

  it('refuses a malformed key, naming Idempotency-Key', async () => {
    const res = await open(pmCaseBody({ summary: '幂等登记：坏键' }), 'x'.repeat(201));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
  });

  it('stores no ID number, phone or address in clear, for openings and events, yet replays them to the handler', async () => {
    const address = '枫源村三组18号';
    const body = pmCaseBody({ summary: '幂等登记：个人信息', parties: [{ ...APPLICANT, address }, RESPONDENT] });
    const first = await open(body, 'open-personal');
    expect(first.body.parties[0]).toMatchObject({ idNumber: APPLICANT.idNumber, phone: APPLICANT.phone, address });
    const event = await send(t, 'fy_mediator', first.body.id, 'SEEK_CONSENT', {}, { 'Idempotency-Key': 'event-personal' });
    expect(event.status).toBe(200);
    for (const key of ['open-personal', 'event-personal']) {
      const text = JSON.stringify(await storedRow(key));
      for (const secret of [APPLICANT.idNumber, APPLICANT.phone, RESPONDENT.idNumber, RESPONDENT.phone, address]) expect(text).not.toContain(secret);
      expect(text).toContain(APPLICANT.idNumber.slice(0, 6) + '********');
    }
    expect((await open(body, 'open-personal')).body).toEqual(first.body);
    const eventRetry = await send(t, 'fy_mediator', first.body.id, 'SEEK_CONSENT', {}, { 'Idempotency-Key': 'event-personal' });
    expect(eventRetry.body).toEqual(event.body);
  });

  it('replays within the retention period; past it the key is new and the sweep deletes old answers', async () => {
    const start = t.app.get(Clock).now().getTime();
    const body = pmCaseBody({ summary: '幂等登记：保留期限' });
    const first = await open(body, 'open-retention');
    await open(pmCaseBody({ summary: '幂等登记：清理' }), 'open-swept');
    // The engine's own keys (a deadline firing, an outbox delivery) guard against a late second delivery: they stay.
    await db.execute(
      `INSERT INTO idempotency_keys (actor_id, key, case_id, request_hash, status, response, created_at) VALUES ('system', :key, :caseId, :hash, 200, :response, :at)`,
      { key: 'deadline:old', caseId: first.body.id, hash: '0'.repeat(64), response: JSON.stringify({ caseId: first.body.id, version: 1 }), at: new Date(start - 30 * 86_400_000).toISOString() },
    );

    setNow(t, new Date(start + 23 * 3_600_000).toISOString());
    const within = await open(body, 'open-retention');
    expect(within.headers['idempotent-replayed']).toBe('true');
    expect(within.body.id).toBe(first.body.id);

    setNow(t, new Date(start + 25 * 3_600_000).toISOString());
    const past = await open(body, 'open-retention');
    expect(past.status).toBe(201);
    expect(past.headers['idempotent-replayed']).toBeUndefined();
    expect(past.body.id).not.toBe(first.body.id);
    expect(await casesAbout('幂等登记：保留期限')).toBe(2);

    expect(await storedRow('open-swept')).toBeDefined();
    expect(await t.app.get(IdempotencySweep).run()).toBeGreaterThan(0);
    expect(await storedRow('open-swept')).toBeUndefined();
    // The key opened anew just now is within its own retention and stays.
    expect(await storedRow('open-retention')).toBeDefined();
    expect(await storedRow('deadline:old')).toBeDefined();
  });
});
