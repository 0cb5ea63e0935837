import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { getCase, history, pmCaseIn, pmStep, send, verifyAudit } from '../support/cases';

/*
 * Fifty clients press the same button at once. With If-Match, the conditional UPDATE lets exactly one through; without
 * it, the engine retries lost races on fresh data. Either way the case version, its audit chain and the verifier agree.
 */

const CLIENTS = 50;

describe.each(TEST_DATABASES)('simultaneous events on one case ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database);
    await t.login('fy_mediator');
  });
  afterAll(async () => {
    await t?.close();
  });

  const session = (i: number) => ({ ...pmStep(t, 'RECORD_SESSION'), summary: `第${i + 1}位调解员记录的调解情况` });

  /** The whole log of this app: every case's chain, which the verifier checks end to end. */
  async function auditLength(caseIds: string[]) {
    let n = 0;
    for (const id of caseIds) n += (await history(t, 'fy_mediator', id)).length;
    return n;
  }

  const caseIds: string[] = [];

  it(`lets exactly one of ${CLIENTS} events carrying the same If-Match apply; the others get 412`, async () => {
    const c = await pmCaseIn(t, 'mediating');
    caseIds.push(c.id);
    expect(c.version).toBe(4);

    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => send(t, 'fy_mediator', c.id, 'RECORD_SESSION', session(i), { 'If-Match': '"4"' })));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(CLIENTS - 1);

    const winner = answers.find((r) => r.status === 200)!;
    expect(winner.body).toMatchObject({ state: 'mediating', version: 5 });
    expect(winner.headers.etag).toBe('"5"');
    for (const loser of answers.filter((r) => r.status === 412)) {
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.body).toMatchObject({ status: 412, code: 'CASE.VERSION_CONFLICT', currentVersion: 5 });
    }

    const now = (await getCase(t, 'fy_mediator', c.id)).body;
    expect(now.version).toBe(5);
    const entries = await history(t, 'fy_mediator', c.id);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    // The one entry written is the winner's own event data.
    const winnerIndex = answers.indexOf(winner);
    expect(entries[4]).toMatchObject({ type: 'RECORD_SESSION', from: 'mediating', to: 'mediating', data: session(winnerIndex) });

    expect(await verifyAudit(t, c.id)).toEqual({ ok: true, checked: now.version, firstBroken: null, firstBrokenCaseId: null, reason: null, algorithm: 'sha256' });
    const all = await verifyAudit(t);
    expect(all).toMatchObject({ ok: true, firstBroken: null });
    expect(all.checked).toBe(await auditLength(caseIds));
  });

  it(`applies ${CLIENTS} events without If-Match one after another, or refuses some with a clear 409`, async () => {
    const c = await pmCaseIn(t, 'mediating');
    caseIds.push(c.id);

    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => send(t, 'fy_mediator', c.id, 'RECORD_SESSION', session(i))));
    const applied = answers.filter((r) => r.status === 200);
    const refused = answers.filter((r) => r.status !== 200);
    expect(applied.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status).toBe(409);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.body).toMatchObject({ status: 409, code: 'CASE.VERSION_CONFLICT', detail: expect.stringContaining('请刷新后重试') });
    }

    // Every success got its own version, and together they are exactly the versions after 4.
    const versions = applied.map((r) => r.body.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: applied.length }, (_, i) => 5 + i));
    expect(applied.map((r) => r.headers.etag).sort()).toEqual(versions.map((v) => `"${v}"`).sort());

    const now = (await getCase(t, 'fy_mediator', c.id)).body;
    expect(now.version).toBe(4 + applied.length);
    const entries = await history(t, 'fy_mediator', c.id);
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: now.version }, (_, i) => i + 1));
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    // Each applied event's data appears exactly once, at the version its client was told.
    for (const r of applied) {
      const i = answers.indexOf(r);
      expect(entries.filter((e) => e.data.summary === session(i).summary).map((e) => e.seq)).toEqual([r.body.version]);
    }

    expect(await verifyAudit(t, c.id)).toMatchObject({ ok: true, checked: now.version, firstBroken: null });
    const all = await verifyAudit(t);
    expect(all).toMatchObject({ ok: true, firstBroken: null });
    expect(all.checked).toBe(await auditLength(caseIds));
  });

  it('commits simultaneous events on many cases together, each case deciding its own race', async () => {
    // Enough at once that commits wait and go to the database in groups; two events per case carry the same If-Match,
    // so a group may hold one and the other must lose on its own.
    const cases = await Promise.all(Array.from({ length: 24 }, () => pmCaseIn(t, 'mediating')));
    caseIds.push(...cases.map((c) => c.id));
    const sends = cases.flatMap((c, k) => [0, 1].map((j) => ({ c, data: session(2 * k + j) })));
    const answers = await Promise.all(sends.map(({ c, data }) => send(t, 'fy_mediator', c.id, 'RECORD_SESSION', data, { 'If-Match': `"${c.version}"` })));

    for (const [k, c] of cases.entries()) {
      const pair = answers.slice(2 * k, 2 * k + 2);
      expect(pair.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = sends[2 * k + pair.findIndex((r) => r.status === 200)];
      const entries = await history(t, 'fy_mediator', c.id);
      expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(entries[4].data).toEqual(winner.data);
      expect((await getCase(t, 'fy_mediator', c.id)).body.version).toBe(5);
    }
    const all = await verifyAudit(t);
    expect(all).toMatchObject({ ok: true, firstBroken: null });
    expect(all.checked).toBe(await auditLength(caseIds));
  });
});
