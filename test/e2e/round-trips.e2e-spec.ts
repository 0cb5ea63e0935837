import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, pmCaseIn, verifyAudit } from '../support/cases';

/**
 * Database statements per transition, the figure of the write path that does not depend on how busy the machine is.
 * Every statement the engine sends while one event is applied is counted (on PostgreSQL each is a round trip), except
 * the auth guard's periodic session re-read, which belongs to the request, not to the transition.
 */
describe.each(TEST_DATABASES)('statements per transition ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let sent: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    const count = (sql: string) => {
      if (!/\bsessions\b/.test(sql)) sent.push(sql.replace(/\s+/g, ' '));
    };
    const query = db.query.bind(db);
    const execute = db.execute.bind(db);
    const transaction = db.transaction.bind(db);
    db.query = (sql, params) => (count(sql), query(sql, params));
    db.execute = (sql, params) => (count(sql), execute(sql, params));
    db.transaction = (work, options) =>
      transaction((tx) => {
        count('BEGIN');
        return work({ query: (sql, params) => (count(sql), tx.query(sql, params)), execute: (sql, params) => (count(sql), tx.execute(sql, params)) });
      }, options).finally(() => count('COMMIT'));
  });
  afterAll(() => t?.close());

  const session = (summary: string) => ({ type: 'RECORD_SESSION', data: { heldOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), summary } });

  async function statementsOf(send: () => Promise<{ status: number }>): Promise<string[]> {
    sent = [];
    const res = await send();
    expect(res.status).toBe(200);
    return sent;
  }

  it('commits an event on a case this engine has just read in one statement on PostgreSQL (update, audit entry and all), in one transaction on SQLite', async () => {
    const view = await pmCaseIn(t, 'mediating');
    const token = auth(await t.login('fy_mediator'));
    await t.http().get(`/api/cases/${view.id}`).set(token);
    const statements = await statementsOf(() => t.http().post(`/api/cases/${view.id}/events`).set(token).send(session('第一次调解')));
    if (database.name === 'postgres') {
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(/^WITH gate AS \( ?UPDATE cases SET/);
    } else {
      expect(statements).toEqual(['BEGIN', expect.stringMatching(/^UPDATE cases SET/), expect.stringMatching(/^INSERT INTO audit_entries/), 'COMMIT']);
    }
    // The next event on the same case commits against the copy the first one left: again nothing is read.
    const again = await statementsOf(() => t.http().post(`/api/cases/${view.id}/events`).set(token).send(session('第二次调解')));
    expect(again).toHaveLength(statements.length);
    await verifyAudit(t);
  });

  it('adds the idempotency key to the same statement', async () => {
    const view = await pmCaseIn(t, 'mediating');
    const token = auth(await t.login('fy_mediator'));
    await t.http().get(`/api/cases/${view.id}`).set(token);
    const statements = await statementsOf(() => t.http().post(`/api/cases/${view.id}/events`).set(token).set('Idempotency-Key', `rt-${view.id}`).send(session('带幂等键')));
    if (database.name === 'postgres') {
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain('INSERT INTO idempotency_keys');
    } else {
      expect(statements.filter((s) => s.startsWith('INSERT INTO idempotency_keys'))).toHaveLength(1);
    }
  });
});
