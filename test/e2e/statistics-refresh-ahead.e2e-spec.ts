import { DeadlineWorkerScheduler } from '../../apps/api/src/deadlines/deadline-worker.scheduler';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { openCase, pmCaseBody } from '../support/cases';
import { at10, setClock } from '../support/deadlines';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * The deadline worker's round brings the statistics rollup up to date, so that after a migration or a bulk load the
 * first statistics read does not pay for recomputing every day (tens of seconds at a million cases). The first engine
 * opens cases with its worker off, which leaves their days marked; the second starts on the same database with the
 * worker on, and its round at start recomputes them.
 */
describe.each(TEST_DATABASES)('the statistics rollup refreshed by the worker ($name)', (database) => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;

  afterAll(async () => {
    await first?.close().catch(() => undefined);
    await second?.close();
  });

  it('leaves the days of cases opened with the worker off marked', async () => {
    first = await createTestApp(database, {}, { keepDatabase: true });
    await setClock(first, at10('2025-03-03'));
    await openCase(first, 'fy_mediator', pmCaseBody());
    await setClock(first, at10('2025-03-05'));
    await openCase(first, 'fy_mediator', pmCaseBody());
    const db = first.app.get(Db);
    expect((await db.query<{ day: string }>('SELECT day FROM statistics_dirty_days ORDER BY day')).map((r) => r.day)).toEqual(expect.arrayContaining(['2025-03-03', '2025-03-05']));
    await first.close();
  });

  it('recomputes them in the round at start, before any statistics read', async () => {
    second = await createTestApp(database, { FENGQIAO_WORKER: '1', FENGQIAO_WORKER_INTERVAL_MS: '3600000', FENGQIAO_CLOCK_START: '2025-03-06T09:00:00+08:00' }, { reuse: first!.database });
    first = undefined;
    await second.app.get(DeadlineWorkerScheduler).startup;
    const db = second.app.get(Db);
    expect(await db.query('SELECT day FROM statistics_dirty_days')).toEqual([]);
    const rows = await db.query<{ day: string; cases: number | string }>("SELECT day, SUM(cases) AS cases FROM statistics_case_days WHERE day IN ('2025-03-03', '2025-03-05') GROUP BY day ORDER BY day");
    expect(rows.map((r) => [r.day, Number(r.cases)])).toEqual([
      ['2025-03-03', 1],
      ['2025-03-05', 1],
    ]);
  });
});
