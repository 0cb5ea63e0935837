import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, getCase, pmCaseIn } from '../support/cases';

/*
 * Spawning a linked case (人民调解 → 司法确认) writes the child's deadlines in the same transaction; the answer to the
 * event must still show only the parent's own deadlines, exactly as a later read does (the console renders it).
 */
describe.each(TEST_DATABASES)('the case returned by an event that spawns a linked case ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists only its own deadlines, as GET does', async () => {
    const agreed = await pmCaseIn(t, 'agreedWritten');
    const applied = await apply(t, 'fy_mediator', agreed.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    expect(applied.state).toBe('judicialConfirmation');
    const read = (await getCase(t, 'fy_mediator', agreed.id)).body;
    expect(applied.deadlines).toEqual(read.deadlines);
    expect(applied.deadlines.map((d: any) => [d.specId, d.state, d.status]).sort()).toEqual([
      ['D-JC1', 'agreedWritten', 'met'],
      ['D-PM1', 'registered', 'met'],
    ]);
    const child = (await getCase(t, 'court_clerk', applied.links[0].caseId)).body;
    expect(child.deadlines.map((d: any) => d.id)).not.toContain(applied.deadlines.find((d: any) => d.specId === 'D-JC1').id);
  });
});
