import { ChainHash, hashEntry } from '@app/audit';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type CreatedDatabase, type TestApp } from '../support/test-app';
import { history, openCase, verifyAudit } from '../support/cases';

/*
 * The chain hash is the deployment's, fixed at its first start: every chain already written would stop verifying if a
 * later start hashed with another. An engine started on SHA-256, stopped, and started again on the same database with
 * SM3 is refused, naming both; so is the reverse, and a start with the recorded hash goes on as before.
 */

describe.each(TEST_DATABASES)('the audit chain hash, recorded at the first start ($name)', (database) => {
  let kept: CreatedDatabase | undefined;
  let running: TestApp | undefined;

  afterAll(async () => {
    await running?.close();
    if (!running) await kept?.drop();
  });

  async function restart(env: Record<string, string>): Promise<TestApp> {
    const app = await createTestApp(database, env, { reuse: kept, keepDatabase: true });
    kept = app.database;
    return app;
  }

  it.each([
    { first: 'sha256', then: 'sm3' },
    { first: 'sm3', then: 'sha256' },
  ] as const)('records $first at the first start and refuses $then on the same database', async ({ first, then }) => {
    kept = undefined;
    const engine = await restart({ FENGQIAO_AUDIT_HASH: first });
    expect(engine.app.get(ChainHash).algorithm).toBe(first);
    const opened = await openCase(engine, 'fy_mediator');
    const [entry] = await history(engine, 'fy_mediator', opened.id);
    expect(entry.hash).toBe(hashEntry(first, entry.prevHash, { caseId: opened.id, seq: 1, at: entry.at, actorId: entry.actor.id, actorRole: entry.actor.role, type: entry.type, from: entry.from, to: entry.to, data: entry.data }));
    expect(await engine.app.get(Db).query("SELECT name, value FROM engine_settings WHERE name LIKE 'audit.%'")).toEqual([{ name: 'audit.chainHash', value: first }]);
    await engine.close();

    await expect(restart({ FENGQIAO_AUDIT_HASH: then })).rejects.toThrow(`审计链哈希算法已在本数据库记录为 ${first}，不能改为 ${then}`);
    await expect(restart({ FENGQIAO_AUDIT_HASH: then })).rejects.toThrow(/cannot switch algorithm midway/);

    // The recorded choice still starts, and the chains written before verify as they did.
    running = await restart({ FENGQIAO_AUDIT_HASH: first });
    expect(await verifyAudit(running)).toMatchObject({ ok: true, algorithm: first });
    expect(await running.app.get(Db).query("SELECT value FROM engine_settings WHERE name = 'audit.chainHash'")).toEqual([{ value: first }]);
    await running.close();
    await kept!.drop();
    running = undefined;
    kept = undefined;
  });

  it('records SHA-256 for a database that held chains before the setting existed, so SM3 cannot take it over', async () => {
    kept = undefined;
    const engine = await restart({});
    await openCase(engine, 'fy_mediator');
    // The database as the release before the settings table left it: no table, the migration not yet run.
    const db = engine.app.get(Db);
    await db.execute('DROP TABLE engine_settings');
    expect(await db.execute("DELETE FROM migrations WHERE name = 'EngineSettings1764600000300'")).toBe(1);
    await engine.close();

    await expect(restart({ FENGQIAO_AUDIT_HASH: 'sm3' })).rejects.toThrow(/recorded with sha256; a deployment's chains cannot switch algorithm midway/);
    running = await restart({});
    expect(await running.app.get(Db).query("SELECT name, value FROM engine_settings WHERE name LIKE 'audit.%'")).toEqual([{ name: 'audit.chainHash', value: 'sha256' }]);
    expect(await verifyAudit(running)).toMatchObject({ ok: true, algorithm: 'sha256' });
  });
});
