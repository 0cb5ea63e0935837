import { DeadlineWorkerScheduler } from '../../apps/api/src/deadlines/deadline-worker.scheduler';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, getCase, history, openCase, pmCaseBody, pmStep, verifyAudit } from '../support/cases';
import { at10, deadlines, runWorker, setClock } from '../support/deadlines';

/*
 * Deadlines are durable timers: one that falls due while the engine is stopped fires once when it starts again. The
 * first engine sets the 司法确认 window (agreement effective 2025-09-01, D-JC1 due 2025-10-09) and stops; the second
 * starts on the same database on 2025-10-20 with its worker on, and the run at start fires the window, once.
 */

describe.each(TEST_DATABASES)('deadlines that fall due while the engine is stopped ($name)', (database) => {
  let first: TestApp | undefined;
  let second: TestApp | undefined;
  let caseId: string;
  let deadlineId: string;

  afterAll(async () => {
    await first?.close().catch(() => undefined);
    await second?.close();
  });

  it('sets the window, then the engine stops', async () => {
    first = await createTestApp(database, {}, { keepDatabase: true });
    await setClock(first, at10('2025-08-25'));
    let view = await openCase(first, 'fy_mediator', pmCaseBody());
    const mediatorId = (await first.loginUser('fy_mediator')).user.id;
    for (const type of ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION']) view = await apply(first, 'fy_mediator', view.id, type, pmStep(first, type, mediatorId));
    await setClock(first, at10('2025-09-01'));
    view = await apply(first, 'fy_mediator', view.id, 'SIGN_WRITTEN_AGREEMENT', pmStep(first, 'SIGN_WRITTEN_AGREEMENT'));
    caseId = view.id;
    deadlineId = view.deadlines.find((d: any) => d.specId === 'D-JC1' && d.status === 'pending').id;
    expect(view).toMatchObject({ state: 'agreedWritten' });
    await first.close();
  });

  it('fires the window once, in the run at start, when the engine comes back after its due date', async () => {
    second = await createTestApp(database, { FENGQIAO_WORKER: '1', FENGQIAO_WORKER_INTERVAL_MS: '3600000', FENGQIAO_CLOCK_START: '2025-10-20T09:00:00+08:00' }, { reuse: first!.database });
    first = undefined;
    const startup = await second.app.get(DeadlineWorkerScheduler).startup;
    expect(startup?.fired).toEqual([expect.objectContaining({ deadlineId, caseId, specId: 'D-JC1', event: 'JC_WINDOW_EXPIRED', outcome: 'fired' })]);

    const view = (await getCase(second, 'fy_mediator', caseId)).body;
    expect(view.state).toBe('monitoring');
    expect(view.deadlines.find((d: any) => d.id === deadlineId)).toMatchObject({ status: 'missed' });
    expect((await history(second, 'fy_mediator', caseId)).filter((e) => e.type === 'JC_WINDOW_EXPIRED')).toHaveLength(1);
    const listed = await deadlines(second, 'fy_mediator', { caseId });
    expect(listed.items.find((d) => d.id === deadlineId)).toMatchObject({ firedAt: '2025-10-20T01:00:00.000Z', workerOutcome: 'fired JC_WINDOW_EXPIRED' });
  });

  it('fires nothing more on later runs', async () => {
    const again = await runWorker(second!);
    expect(again.fired).toEqual([]);
    await setClock(second!, at10('2025-11-20'));
    expect((await runWorker(second!)).fired).toEqual([]);
    expect((await history(second!, 'fy_mediator', caseId)).filter((e) => e.type === 'JC_WINDOW_EXPIRED')).toHaveLength(1);
    expect(await verifyAudit(second!)).toMatchObject({ ok: true });
  });
});
