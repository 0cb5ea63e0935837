import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventually, getCase, pmCaseIn, send, verifyAudit } from '../support/cases';
import { at10, setClock } from '../support/deadlines';

/*
 * 三级听证 (spec §8, A9, D-HR1…4, R21) over HTTP on the test clock. A 枫源村 neighbour dispute in mediation asks for
 * a village hearing (评理会); the village panel concludes and escalates to the township (枫桥司法所), which escalates
 * to the district (青溪区信访联席办), each level reading the record of the levels below; the district's published
 * opinion comes back down the chain to the mediation. Alongside: a member refused for a tie to a party (回避) and a
 * member recused later, a refusal to hold with written reasons, and 南山镇's own rules (a panel of five to seven and
 * five working days' notice) against 枫桥's (three to seven, seven calendar days).
 */

const VILLAGE = 'fy_director';
const TOWNSHIP = 'fq_station';
const DISTRICT = 'lhb_officer';
const NANSHAN = 'ns_hearing';

const member = (name: string, capacity: string, relations: unknown[] = []) => ({ name, capacity, relations });
const PANEL_VILLAGE = { presiding: member('李建国', 'VILLAGE_CADRE'), members: [member('周村民', 'VILLAGER_REPRESENTATIVE'), member('钱乡贤', 'ELDER')], clerk: '陈登记' };
const RECORD = (heldOn: string) => ({
  heldOn,
  participants: [
    { name: '张三', role: 'PARTY', partyId: 'P1' },
    { name: '李四', role: 'PARTY', partyId: 'P2' },
  ],
  statements: [
    { speaker: '张三', summary: '李四新砌围墙堵塞排水沟和通行小路' },
    { speaker: '李四', summary: '围墙建在自家宅基地上' },
  ],
  attachments: [{ name: '现场照片', ref: 'IMG-001' }, { name: '听证笔录（签名）' }],
});
const CONCLUSION = (on: string, opinion: string) => ({ deliberatedOn: on, votesFor: 2, votesAgainst: 1, majorityOpinion: opinion, minorityOpinions: ['围墙可保留，由张三另行开沟'], opinion });

const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO')?.caseId as string;
const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId && d.status === 'pending') ?? view.deadlines.find((d: any) => d.specId === specId);

function expectRefused(res: { status: number; body: any }, precondition: string, message?: string) {
  expect(res.status).toBe(409);
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, ...(message ? { message: expect.stringContaining(message) } : {}) })]);
}

describe.each(TEST_DATABASES)('three-level hearing (hr) over HTTP ($name)', (database) => {
  let t: TestApp;
  const ids = { pm: '', village: '', township: '', district: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  const at = (day: string) => setClock(t, at10(day));
  const read = async (username: string, caseId: string) => {
    const res = await getCase(t, username, caseId);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A hearing signed for, applied for and decided on the day: the panel is next. */
  async function decided(username: string, caseId: string, on: string) {
    await apply(t, username, caseId, 'SIGN_FOR');
    await apply(t, username, caseId, 'APPLY', { applicantPartyIds: ['P1'], appliedOn: on });
    return apply(t, username, caseId, 'DECIDE_TO_HOLD', { decidedOn: on });
  }

  describe('a village dispute escalated through all three levels, the record carried up', () => {
    it('2025-03-10: the mediation asks for a village hearing; 枫源村 signs for it, the party applies, it is decided', async () => {
      await at('2025-03-03');
      const pm = await pmCaseIn(t, 'mediating');
      ids.pm = pm.id;
      await at('2025-03-10');
      const asked = await apply(t, 'fy_mediator', ids.pm, 'REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '围墙堵塞排水沟和通行小路', initiative: 'APPLICATION' });
      expect(asked).toMatchObject({ state: 'hearing', stateLabel: '听证中' });
      ids.village = linked(asked, 'R21a');
      const hr = await read(VILLAGE, ids.village);
      expect(hr).toMatchObject({ workflow: { id: 'hr', title: '三级听证' }, state: 'referred', assignment: { orgId: 'org-fengyuan' }, disputeCode: asked.disputeCode });
      expect(hr.caseNo).toMatch(/听字第\d+号$/);
      expect(hr.facts).toMatchObject({ level: 'VILLAGE', stage: 'PM', rulesRegion: '330199', panelMin: 3, panelMax: 7 });

      await apply(t, VILLAGE, ids.village, 'SIGN_FOR');
      const applied = await apply(t, VILLAGE, ids.village, 'APPLY', { applicantPartyIds: ['P1'], appliedOn: '2025-03-10' });
      expect(applied.state).toBe('decisionPending');
      // D-HR2: five working days from the application (枫桥's rules).
      expect(deadline(applied, 'D-HR2')).toMatchObject({ dueOn: '2025-03-17', dayType: 'working' });
      const held = await apply(t, VILLAGE, ids.village, 'DECIDE_TO_HOLD', { decidedOn: '2025-03-10' });
      expect(held.state).toBe('panelForming');
      expect(deadline(held, 'D-HR3')).toMatchObject({ dueOn: '2025-04-09', dayType: 'calendar' });
    });

    it('refuses an even panel and a member related to a party (回避), naming the member; then a member is recused', async () => {
      expectRefused(await send(t, VILLAGE, ids.village, 'APPOINT_PANEL', { ...PANEL_VILLAGE, members: [...PANEL_VILLAGE.members, member('孙代表', 'DEPUTY')] }), 'panelOdd');
      const related = { ...PANEL_VILLAGE, members: [PANEL_VILLAGE.members[0], member('李小四', 'VILLAGER_REPRESENTATIVE', [{ kind: 'PARTY_RELATIVE', partyId: 'P2', note: '李四之弟' }])] };
      expectRefused(await send(t, VILLAGE, ids.village, 'APPOINT_PANEL', related), 'noMemberRelated', '李小四');
      const unknownParty = await send(t, VILLAGE, ids.village, 'APPOINT_PANEL', { ...related, members: [member('王某', 'OTHER', [{ kind: 'PARTY_RELATIVE', partyId: 'P9' }]), PANEL_VILLAGE.members[0]] });
      expect(unknownParty.status).toBe(400);
      expect(JSON.stringify(unknownParty.body)).toContain('members[0].relations[0].partyId');

      await apply(t, VILLAGE, ids.village, 'APPOINT_PANEL', PANEL_VILLAGE);
      // 李四 asks that 钱乡贤 withdraw: the panel falls to two and cannot be noticed until it is made up again.
      const recused = await apply(t, VILLAGE, ids.village, 'RECUSE_MEMBER', { name: '钱乡贤', ground: 'PARTY_INTEREST', applicantPartyId: 'P2', decidedOn: '2025-03-10' });
      expect(recused.facts.members.map((m: any) => m.name)).toEqual(['周村民']);
      expect(recused.facts.recusals).toEqual([{ name: '钱乡贤', ground: 'PARTY_INTEREST', applicantPartyId: 'P2', decidedOn: '2025-03-10' }]);
      const notice = { noticedOn: '2025-03-10', hearingOn: '2025-03-14', venue: '枫源村文化礼堂', notifiedPartyIds: ['P1', 'P2'] };
      expectRefused(await send(t, VILLAGE, ids.village, 'SERVE_NOTICE', notice), 'panelComplete');
      await apply(t, VILLAGE, ids.village, 'APPOINT_PANEL', { ...PANEL_VILLAGE, members: [PANEL_VILLAGE.members[0], member('吴党员', 'VILLAGER_REPRESENTATIVE')] });
      const noticed = await apply(t, VILLAGE, ids.village, 'SERVE_NOTICE', notice);
      expect(noticed.state).toBe('noticed');
      expect(deadline(noticed, 'D-HR4')).toMatchObject({ dueOn: '2025-03-13', dayType: 'calendar' });
    });

    it('2025-03-14: the village hearing is held after its notice, deliberated with a minority view, and escalated', async () => {
      await at('2025-03-12');
      const early = await send(t, VILLAGE, ids.village, 'RECORD_HEARING', RECORD('2025-03-12'));
      expect(early.status).toBe(409);
      expect(early.body.violations.map((v: any) => v.precondition)).toEqual(['noticePeriodServed', 'heldOnNoticedDay']);
      expect(early.body.violations[0].message).toBe('本地区听证应当提前3日通知，最早可于2025-03-13举行');
      await at('2025-03-14');
      await apply(t, VILLAGE, ids.village, 'RECORD_HEARING', RECORD('2025-03-14'));
      expectRefused(await send(t, VILLAGE, ids.village, 'CONCLUDE', { ...CONCLUSION('2025-03-14', '李四应开挖40厘米排水沟'), minorityOpinions: [] }), 'minorityRecorded');
      const concluded = await apply(t, VILLAGE, ids.village, 'CONCLUDE', CONCLUSION('2025-03-14', '李四应开挖40厘米排水沟'));
      expect(concluded).toMatchObject({ state: 'concluded', facts: { deliberation: { votesFor: 2, votesAgainst: 1 } } });

      const escalated = await apply(t, VILLAGE, ids.village, 'ESCALATE', { upperOrgId: 'org-fengqiao-station', reason: '李四不接受评理意见' });
      expect(escalated.state).toBe('escalated');
      ids.township = linked(escalated, 'R21f');
      const township = await read(TOWNSHIP, ids.township);
      expect(township).toMatchObject({ state: 'referred', assignment: { orgId: 'org-fengqiao-station' }, facts: { level: 'TOWNSHIP', stage: 'PM', matter: '围墙堵塞排水沟和通行小路' } });
      // The village record travels up: on the case itself and in the transfer's dossier.
      expect(township.facts.priorRecords).toEqual([
        expect.objectContaining({ level: 'VILLAGE', heldOn: '2025-03-14', conclusion: '李四应开挖40厘米排水沟', minorityOpinions: ['围墙可保留，由张三另行开沟'], statements: RECORD('').statements }),
      ]);
      expect(township.transfer).toMatchObject({ status: 'SENT', route: 'R21f' });
      expect(JSON.stringify(township.transfer.dossier)).toContain('现场照片');
    });

    it('2025-03-24: the township hearing (seven days’ notice) concludes and escalates to the district', async () => {
      await decided(TOWNSHIP, ids.township, '2025-03-14');
      await apply(t, TOWNSHIP, ids.township, 'APPOINT_PANEL', { presiding: member('刘复核', 'JUSTICE_STATION'), members: [member('人大代表甲', 'DEPUTY'), member('律师乙', 'LAWYER')] });
      const noticed = await apply(t, TOWNSHIP, ids.township, 'SERVE_NOTICE', { noticedOn: '2025-03-14', hearingOn: '2025-03-24', venue: '枫桥司法所', notifiedPartyIds: ['P1', 'P2'] });
      expect(deadline(noticed, 'D-HR4')).toMatchObject({ dueOn: '2025-03-21', dayType: 'calendar' });
      await at('2025-03-24');
      await apply(t, TOWNSHIP, ids.township, 'RECORD_HEARING', RECORD('2025-03-24'));
      await apply(t, TOWNSHIP, ids.township, 'CONCLUDE', CONCLUSION('2025-03-24', '维持村级评理意见'));
      const escalated = await apply(t, TOWNSHIP, ids.township, 'ESCALATE', { upperOrgId: 'org-petition-joint-office', reason: '李四仍不接受' });
      ids.district = linked(escalated, 'R21f');
      const district = await read(DISTRICT, ids.district);
      expect(district.facts).toMatchObject({ level: 'COUNTY', panelMax: 9 });
      expect(district.facts.priorRecords.map((r: any) => [r.level, r.conclusion])).toEqual([
        ['VILLAGE', '李四应开挖40厘米排水沟'],
        ['TOWNSHIP', '维持村级评理意见'],
      ]);
    });

    it('2025-04-03: the district hearing is the top level; its published opinion comes back down to the mediation', async () => {
      await decided(DISTRICT, ids.district, '2025-03-24');
      await apply(t, DISTRICT, ids.district, 'APPOINT_PANEL', { presiding: member('严听证', 'OFFICIAL'), members: [member('政协委员丙', 'CPPCC'), member('律师丁', 'LAWYER'), member('调解员戊', 'MEDIATOR'), member('专家己', 'EXPERT')] });
      await apply(t, DISTRICT, ids.district, 'SERVE_NOTICE', { noticedOn: '2025-03-24', hearingOn: '2025-04-03', venue: '区信访联席办听证室', notifiedPartyIds: ['P1', 'P2'] });
      await at('2025-04-03');
      await apply(t, DISTRICT, ids.district, 'RECORD_HEARING', RECORD('2025-04-03'));
      await apply(t, DISTRICT, ids.district, 'CONCLUDE', { deliberatedOn: '2025-04-03', votesFor: 5, votesAgainst: 0, majorityOpinion: '李四应修建排水管，费用双方各半', minorityOpinions: [], opinion: '李四应修建排水管，费用双方各半' });
      expectRefused(await send(t, DISTRICT, ids.district, 'ESCALATE', { upperOrgId: 'org-petition-joint-office', reason: '再上一级' }), 'belowTopLevel');
      const published = await apply(t, DISTRICT, ids.district, 'PUBLISH', { publishedOn: '2025-04-03', channel: '区政府网站' });
      expect(published.state).toBe('published');

      const mediation = await eventually(() => read('fy_mediator', ids.pm), (v) => v.state === 'mediating');
      expect(mediation.state).toBe('mediating');
      expect(mediation.facts.hearings).toEqual([expect.objectContaining({ outcome: 'CONCLUDED', level: 'COUNTY', opinion: '李四应修建排水管，费用双方各半' })]);
      expect((await read(TOWNSHIP, ids.township)).state).toBe('upperConcluded');
      expect((await read(VILLAGE, ids.village)).state).toBe('upperConcluded');
      // The mediation month ran on through the hearing: still the one D-PM1 from registration.
      expect(deadline(mediation, 'D-PM1')).toMatchObject({ dueOn: '2025-04-03' });
      expect((await verifyAudit(t)).ok).toBe(true);
    });
  });

  it('a refusal to hold the hearing needs written reasons; the mediation goes on without it', async () => {
    await at('2025-05-06');
    const pm = await pmCaseIn(t, 'mediating');
    const asked = await apply(t, 'fy_mediator', pm.id, 'REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '赡养费数额', initiative: 'ORGAN' });
    const hr = linked(asked, 'R21a');
    await apply(t, VILLAGE, hr, 'SIGN_FOR');
    expectRefused(await send(t, VILLAGE, hr, 'CONSENT', { consentedPartyIds: ['P1'], consentedOn: '2025-05-06' }), 'everyPartyConsents');
    await apply(t, VILLAGE, hr, 'CONSENT', { consentedPartyIds: ['P1', 'P2'], consentedOn: '2025-05-06' });
    const missing = await send(t, VILLAGE, hr, 'DECLINE', { decidedOn: '2025-05-06', ground: 'FACTS_CLEAR' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body)).toContain('reasons');
    expectRefused(await send(t, VILLAGE, hr, 'DECLINE', { decidedOn: '2025-05-06', ground: 'FACTS_CLEAR', reasons: '事实清楚' }), 'writtenReasons');
    const declined = await apply(t, VILLAGE, hr, 'DECLINE', { decidedOn: '2025-05-06', ground: 'FACTS_CLEAR', reasons: '双方对事实无争议，仅对数额有分歧，由调解员继续调解即可' });
    expect(declined).toMatchObject({ state: 'declined', facts: { declined: { ground: 'FACTS_CLEAR' } } });
    const back = await eventually(() => read('fy_mediator', pm.id), (v) => v.state === 'mediating');
    expect(back.facts.hearings).toEqual([expect.objectContaining({ outcome: 'DECLINED' })]);
  });

  it('南山镇’s own rules: five to seven on the panel and five working days’ notice; 枫桥’s committee convenes nothing', async () => {
    const rules = await t.http().get('/api/hearing-rules').set(auth(await t.login('admin')));
    expect(rules.status).toBe(200);
    expect(rules.body.regions.map((r: any) => r.regionCode)).toEqual(['330199', '330199102']);
    const village = await t.http().get('/api/hearing-rules/330199102201').set(auth(await t.login('admin')));
    expect(village.body).toMatchObject({ name: '南山镇', levels: { TOWNSHIP: { panel: { min: 5, max: 7 }, notice: { amount: 5, dayType: 'working' } } } });
    expect((await t.http().get('/api/hearing-rules/abc').set(auth(await t.login('admin')))).status).toBe(404);

    await at('2025-09-26');
    const body = { workflow: 'hr', category: 'NEIGHBOUR', summary: '南山村宅基地通道纠纷听证', regionCode: '330199102201', source: 'APPLICATION', parties: [{ role: 'APPLICANT', name: '赵一' }, { role: 'RESPONDENT', name: '钱二' }], input: { stage: 'PM' } };
    const opened = await t.http().post('/api/cases').set(auth(await t.login(NANSHAN))).send(body);
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    expect(opened.body.facts).toMatchObject({ level: 'TOWNSHIP', rulesRegion: '330199102', panelMin: 5, panelMax: 7, noticePeriod: { amount: 5, dayType: 'working' } });
    await apply(t, NANSHAN, id, 'PROPOSE', { proposedOn: '2025-09-26', matter: '通道宽度', initiative: 'ORGAN' });
    await apply(t, NANSHAN, id, 'CONSENT', { consentedPartyIds: ['P1', 'P2'], consentedOn: '2025-09-26' });
    await apply(t, NANSHAN, id, 'DECIDE_TO_HOLD', { decidedOn: '2025-09-26' });
    const three = { presiding: member('白听证', 'MEDIATOR'), members: [member('甲', 'DEPUTY'), member('乙', 'LAWYER')] };
    expectRefused(await send(t, NANSHAN, id, 'APPOINT_PANEL', three), 'panelWithinRules', '应为5至7人，现为3人');
    await apply(t, NANSHAN, id, 'APPOINT_PANEL', { ...three, members: [...three.members, member('丙', 'ELDER'), member('丁', 'VILLAGE_CADRE')] });
    const noticed = await apply(t, NANSHAN, id, 'SERVE_NOTICE', { noticedOn: '2025-09-26', hearingOn: '2025-10-13', venue: '南山镇调委会', notifiedPartyIds: ['P1', 'P2'] });
    // Five working days from Friday 09-26: 09-28 (a make-up Sunday), 09-29, 09-30, the National Day holiday, 10-09, 10-10.
    expect(deadline(noticed, 'D-HR4')).toMatchObject({ dueOn: '2025-10-10', dayType: 'working' });

    // In 枫桥 the township committee convenes no hearing level (its centre and its 司法所 do).
    const fengqiao = await t.http().post('/api/cases').set(auth(await t.login('fq_director'))).send({ ...body, regionCode: '330199101' });
    expect(fengqiao.status).toBe(201);
    expect(fengqiao.body.facts.level).toBeNull();
    expectRefused(await send(t, 'fq_director', fengqiao.body.id, 'PROPOSE', { proposedOn: '2025-09-26', matter: '通道宽度', initiative: 'ORGAN' }), 'convenerFitsLevel');
  });
});
