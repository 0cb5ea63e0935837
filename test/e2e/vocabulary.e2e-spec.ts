import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth } from '../support/cases';

/* The code tables clients build their forms from, with the Chinese labels people see. */
describe.each(TEST_DATABASES)('GET /api/vocabulary ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('gives every code with its Chinese label, to any logged-in user', async () => {
    const res = await t.http().get('/api/vocabulary').set(auth(await t.login('fy_clerk')));
    expect(res.status).toBe(200);
    expect(res.body.categories).toHaveLength(18);
    expect(res.body.categories[0]).toEqual({ code: 'MARRIAGE_FAMILY', label: '婚姻家庭' });
    expect(res.body.sources.map((s: any) => s.code)).toEqual(['APPLICATION', 'PROACTIVE', 'GRID_REPORT', 'PETITION_TRANSFER', 'COURT_ENTRUSTED', 'POLICE_TRANSFER', 'INTAKE_DISPATCH']);
    expect(res.body.partyRoles).toEqual([
      { code: 'APPLICANT', label: '申请人' },
      { code: 'RESPONDENT', label: '被申请人' },
      { code: 'THIRD_PARTY', label: '第三人' },
    ]);
    // People hold these roles; the engine's own SYSTEM role is not offered.
    expect(res.body.roles.map((r: any) => r.code)).not.toContain('SYSTEM');
    expect(res.body.roles).toContainEqual({ code: 'COMMITTEE_DIRECTOR', label: '调委会主任' });
    expect(res.body.orgTypes).toContainEqual({ code: 'BASIC_COURT', label: '基层人民法院' });
    expect(res.body.deadlineStatuses).toContainEqual({ code: 'missed', label: '已逾期' });
  });

  it('needs a login', async () => {
    expect((await t.http().get('/api/vocabulary')).status).toBe(401);
  });
});
