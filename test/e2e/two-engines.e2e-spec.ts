import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, history, pmCaseIn, verifyAudit } from '../support/cases';

/*
 * Two engine processes on one database, as in a scale-out deployment. Each keeps a copy of the cases it has just read
 * or written to save a round trip on the next write; these tests show a copy the other process made stale never
 * changes an answer: a write retries on fresh data, an If-Match is judged against the database, and nothing is lost.
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
});
