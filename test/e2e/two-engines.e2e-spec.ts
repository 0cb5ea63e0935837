import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, history, pmCaseIn, today, verifyAudit } from '../support/cases';
import { runWorker, setClock } from '../support/deadlines';

/*
 * Two engine processes on one database, as in a scale-out deployment. Each keeps a copy of the cases it has just read
 * or written to save a round trip on the next write; these tests show a copy the other process made stale never
 * changes an answer: a write retries on fresh data, an If-Match is judged against the database, a deadline the other
 * process's worker changed is never shown or judged from the older copy, and nothing is lost.
 */
describe.each(TEST_DATABASES)('two engines on one database ($name)', (database) => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp(database);
    b = await createTestApp(database, {}, { reuse: a.database, keepDatabase: true });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const session = (summary: string) => ({ type: 'RECORD_SESSION', data: { heldOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), summary } });

  it('applies an event on a case the other engine moved on since this one last saw it', async () => {
    const view = await pmCaseIn(a, 'mediating');
    const read = await a.http().get(`/api/cases/${view.id}`).set(auth(await a.login('fy_mediator')));
    expect(read.body.version).toBe(view.version);

    const onB = await b.http().post(`/api/cases/${view.id}/events`).set(auth(await b.login('fy_mediator'))).send(session('在乙进程记录'));
    expect(onB.status).toBe(200);
    expect(onB.body.version).toBe(view.version + 1);

    // Engine A's copy is one version behind: its write must land after B's, not fail and not overwrite it.
    const onA = await a.http().post(`/api/cases/${view.id}/events`).set(auth(await a.login('fy_mediator'))).send(session('在甲进程记录'));
    expect(onA.status).toBe(200);
    expect(onA.body.version).toBe(view.version + 2);

    const entries = await history(a, 'fy_mediator', view.id);
    expect(entries.slice(-2).map((e: any) => e.data.summary)).toEqual(['在乙进程记录', '在甲进程记录']);
    expect(await verifyAudit(a, view.id)).toMatchObject({ ok: true, checked: view.version + 2 });
  });

  it('judges If-Match against the database, not against a stale copy', async () => {
    const view = await pmCaseIn(a, 'mediating');
    await a.http().get(`/api/cases/${view.id}`).set(auth(await a.login('fy_mediator')));
    const onB = await b.http().post(`/api/cases/${view.id}/events`).set(auth(await b.login('fy_mediator'))).send(session('乙'));
    expect(onB.status).toBe(200);

    // A client that read the case through B sends B's version to A, whose copy is older: accepted.
    const current = await a.http().post(`/api/cases/${view.id}/events`).set(auth(await a.login('fy_mediator'))).set('If-Match', `"${onB.body.version}"`).send(session('甲'));
    expect(current.status).toBe(200);
    expect(current.body.version).toBe(onB.body.version + 1);

    // A client still holding the version before B's write is refused, whichever engine it asks.
    const stale = await b.http().post(`/api/cases/${view.id}/events`).set(auth(await b.login('fy_mediator'))).set('If-Match', `"${view.version}"`).send(session('过期'));
    expect(stale.status).toBe(412);
    expect(stale.body.currentVersion).toBe(onB.body.version + 1);
  });

  it('does not refuse an event on the strength of a stale copy', async () => {
    const view = await pmCaseIn(a, 'consentPending');
    await a.http().get(`/api/cases/${view.id}`).set(auth(await a.login('fy_director')));
    const mediatorId = (await b.loginUser('fy_mediator')).user.id;
    const assigned = await b
      .http()
      .post(`/api/cases/${view.id}/events`)
      .set(auth(await b.login('fy_director')))
      .send({ type: 'ASSIGN_MEDIATOR', data: { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' } });
    expect(assigned.body.state).toBe('assigned');

    // On A's copy the case still awaits consent, where START_MEDIATION is not allowed; in the database it is.
    const started = await a
      .http()
      .post(`/api/cases/${view.id}/events`)
      .set(auth(await a.login('fy_mediator')))
      .send({ type: 'START_MEDIATION', data: { startedOn: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), mode: 'ON_SITE' } });
    expect(started.status).toBe(200);
    expect(started.body.state).toBe('mediating');
  });

  it('never answers, nor stores an idempotent answer, from a copy older than a deadline the other engine’s worker marked missed', async () => {
    const view = await pmCaseIn(a, 'mediating');
    const d = (v: any) => v.deadlines.find((x: any) => x.specId === 'D-PM1');
    expect(d(view)).toMatchObject({ status: 'pending' });
    // Engine A keeps its copy; a month and more later engine B's worker marks the mediation period missed.
    await a.http().get(`/api/cases/${view.id}`).set(auth(await a.login('fy_mediator')));
    const later = new Date(new Date(`${d(view).dueOn}T00:00:00+08:00`).getTime() + 3 * 86_400_000).toISOString();
    await setClock(a, later);
    await setClock(b, later);
    expect((await runWorker(b)).fired).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: view.id, specId: 'D-PM1', outcome: 'missed' })]));
    const onB = await b.http().get(`/api/cases/${view.id}`).set(auth(await b.login('fy_mediator')));
    expect(d(onB.body)).toMatchObject({ status: 'missed' });

    const key = { 'Idempotency-Key': `stale-copy-${view.id}` };
    const body = { type: 'RECORD_SESSION', data: { heldOn: today(a), summary: '期满后继续调解' } };
    const first = await a.http().post(`/api/cases/${view.id}/events`).set(auth(await a.login('fy_mediator'))).set(key).send(body);
    expect(first.status).toBe(200);
    expect(d(first.body)).toMatchObject({ status: 'missed' });
    const replay = await a.http().post(`/api/cases/${view.id}/events`).set(auth(await a.login('fy_mediator'))).set(key).send(body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(d(replay.body)).toMatchObject({ status: 'missed' });
    expect(await verifyAudit(a, view.id)).toMatchObject({ ok: true, checked: view.version + 1 });
  });
});
