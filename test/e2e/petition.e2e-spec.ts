import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, eventTypes, eventually, getCase, history, idNumber, pmStep, send, verifyAudit } from '../support/cases';
import { at10, setClock } from '../support/deadlines';

/*
 * 信访 (xf) over HTTP only, on the test clock, with the dates of scenario S7 of the domain specification, appendix
 * (d), the law of §7 (信访工作条例 2022) and the deadline table (b):
 *
 * - 2025-02-10 thirty residents petition online to the 区信访局 about the scope of 老旧小区改造, by five
 *   representatives (第二十条): D-XF1 routing by 2025-02-25 (15 days). 02-12 transferred to the 区住建局, which has it
 *   on 02-13: D-XF2 notice by 02-28 (15 days), D-XF3 objection by 02-20 (5 working days).
 * - 02-17 accepted: D-XF4 = 04-18 (60 days). 04-10 extended by 30 days: 05-19 (the 90th day, 05-18, is a Sunday).
 * - 05-09 opinion (不予支持 + 解释说明), received the same day: D-XF6 = 06-09 (06-08 is a Sunday).
 * - 06-03 复查 at the 区政府 (the department's own government): D-XF7 = 07-03. 07-01 维持, received 07-02: D-XF8 = 08-01.
 * - 07-25 复核 at the 市政府 (the city above the district): D-XF9 = 08-25 (08-24 is a Sunday). Hearing decided 08-01,
 *   held 08-12: the 11 days are not counted, so the opinion is due 09-04. 08-29 the 复核意见 → final, aftercare.
 * - 10-20 the same representatives petition the city again on the same facts → not accepted (第三十六条), aftercare.
 * - 03-01 a petition to the city while the 住建局 is handling it → not accepted (第十九条).
 *
 * Then the township variant of 第十九条, 访调对接 to people's mediation, and a labour matter diverted to arbitration.
 */

const LAW = '信访工作条例';
const REPS = ['刘建华', '陈美玲', '王志强', '赵淑芬', '孙国栋'];
const PETITIONER = { role: 'APPLICANT', name: '刘建华', idNumber: idNumber('33019919700302123'), phone: '13700001111' };
const DEPARTMENT = { role: 'RESPONDENT', name: '青溪区住房和城乡建设局' };
const NEIGHBOUR = { role: 'RESPONDENT', name: '周大伟', idNumber: idNumber('33019919780808456'), phone: '13700002222' };
const DISTRICT = '330199';
const CITY = '330100';
const FENGQIAO = '330199101';

function petitionCase(input: Record<string, unknown>, over: Record<string, unknown> = {}) {
  return { workflow: 'xf', category: 'HOUSING_HOMESTEAD', summary: '老旧小区改造范围争议（30户联名）', regionCode: DISTRICT, source: 'APPLICATION', parties: [PETITIONER, DEPARTMENT], input, ...over };
}
const S7_INPUT = { channel: 'ONLINE', groupVisit: true, representatives: REPS };

async function open(t: TestApp, username: string, body: Record<string, unknown>) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(username))).send(body);
  if (res.status !== 201) throw new Error(`open xf as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
async function read(t: TestApp, username: string, caseId: string) {
  const res = await getCase(t, username, caseId);
  expect(res.status).toBe(200);
  return res.body;
}
async function reaches(t: TestApp, username: string, caseId: string, state: string) {
  const view = await eventually(
    () => read(t, username, caseId),
    (c) => c.state === state,
  );
  expect(view.state).toBe(state);
  return view;
}
function expectRefused(res: { status: number; body: any }, precondition: string, legalBasis: string) {
  expect(res.status).toBe(409);
  expect(res.body.code).toBe('CASE.TRANSITION_NOT_ALLOWED');
  expect(res.body.violations).toEqual([expect.objectContaining({ precondition, legalBasis })]);
}
const deadline = (view: any, specId: string) => view.deadlines.find((d: any) => d.specId === specId);
const linked = (view: any, route: string) => view.links.find((l: any) => l.route === route && l.direction === 'TO').caseId as string;
const REQUEST = { classification: 'REQUEST' };

describe.each(TEST_DATABASES)('信访 petitions (xf) over HTTP ($name)', (database) => {
  let t: TestApp;
  const ids = { bureau: '', housing: '', housingCaseNo: '' };

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('S7: 处理 → 复查 → 复核 with a hearing, final closure, and the refused repeat petition', () => {
    it('2025-02-10: registers the online group petition with five representatives; D-XF1 routing by 02-25; a sixth is a 400', async () => {
      await setClock(t, at10('2025-02-10'));
      const six = await t.http().post('/api/cases').set(auth(await t.login('petition_officer'))).send(petitionCase({ ...S7_INPUT, representatives: [...REPS, '钱小红'] }));
      expect(six.status).toBe(400);
      expect(JSON.stringify(six.body)).toContain('representatives');
      const fax = await t.http().post('/api/cases').set(auth(await t.login('petition_officer'))).send(petitionCase({ channel: 'FAX' }));
      expect(fax.status).toBe(400);
      expect(JSON.stringify(fax.body)).toContain('channel');

      const view = await open(t, 'petition_officer', petitionCase(S7_INPUT));
      ids.bureau = view.id;
      expect(view).toMatchObject({ workflow: { id: 'xf', title: '信访' }, state: 'received', stateLabel: '登记', assignment: { orgId: 'org-petition' } });
      expect(view.caseNo).toMatch(/信字第\d+号$/);
      expect(deadline(view, 'D-XF1')).toMatchObject({ dueOn: '2025-02-25', dayType: 'calendar', legalBasis: `${LAW} 第二十二条`, status: 'pending' });
      const triage = await apply(t, 'petition_officer', ids.bureau, 'CLASSIFY', REQUEST);
      expect(triage.state).toBe('triage');
      expect(eventTypes(triage)).toEqual(['ACCEPT', 'ANSWER_SUGGESTION', 'CLASSIFY', 'DECLINE_DUPLICATE', 'DECLINE_FINAL', 'DIVERT', 'REFER_DISCIPLINE', 'TRANSFER']);
      // A residual request is not a suggestion (第二十九条).
      expectRefused(await send(t, 'petition_officer', ids.bureau, 'ANSWER_SUGGESTION', { repliedOn: '2025-02-10', reply: '已研究' }), 'isSuggestion', `${LAW} 第二十九条`);
    });

    it('02-12: transferred to the 区住建局 (R18f), which has it 02-13: notice by 02-28, objection by 02-20 (5 working days)', async () => {
      await setClock(t, at10('2025-02-12'));
      const bureau = await apply(t, 'petition_officer', ids.bureau, 'TRANSFER', { mode: 'TRANSFER', receivingOrgId: 'org-housing', deliveredOn: '2025-02-13' });
      expect(bureau.state).toBe('forwarded');
      expect(deadline(bureau, 'D-XF1')).toMatchObject({ status: 'met' });
      ids.housing = linked(bureau, 'R18f');
      const housing = await read(t, 'housing_officer', ids.housing);
      ids.housingCaseNo = housing.caseNo;
      expect(housing).toMatchObject({ state: 'transferReceived', assignment: { orgId: 'org-housing' }, transfer: { route: 'R18f', status: 'SENT' } });
      expect(deadline(housing, 'D-XF2')).toMatchObject({ dueOn: '2025-02-28', dayType: 'calendar', legalBasis: `${LAW} 第二十三条` });
      expect(deadline(housing, 'D-XF3')).toMatchObject({ dueOn: '2025-02-20', dayType: 'working' });
      const inbox = await t.http().get('/api/inbox').set(auth(await t.login('housing_officer')));
      expect(inbox.body.items.find((i: { id: string }) => i.id === ids.housing)).toMatchObject({ workflow: { id: 'xf' }, route: { id: 'R18f' } });
    });

    it('02-17: accepted and notified: D-XF4 = 04-18; the bureau’s case closes as handled by the department', async () => {
      await setClock(t, at10('2025-02-17'));
      const housing = await apply(t, 'housing_officer', ids.housing, 'ACCEPT', { acceptedOn: '2025-02-17', notifiedOn: '2025-02-17' });
      expect(housing.state).toBe('handling');
      expect(deadline(housing, 'D-XF2')).toMatchObject({ status: 'met' });
      expect(deadline(housing, 'D-XF4')).toMatchObject({ dueOn: '2025-04-18', legalBasis: `${LAW} 第三十四条`, status: 'pending' });
      await reaches(t, 'petition_officer', ids.bureau, 'transferredOut');
    });

    it('03-01: the same matter petitioned to the city while the 住建局 handles it is not accepted (第十九条), found by the engine', async () => {
      await setClock(t, at10('2025-03-01'));
      const city = await open(t, 'city_petition', petitionCase({ channel: 'VISIT', groupVisit: true, representatives: REPS }, { regionCode: CITY }));
      // The officer types nothing about earlier petitions: the field is not even accepted.
      const typed = await send(t, 'city_petition', city.id, 'CLASSIFY', { ...REQUEST, earlierPetition: { caseNo: ids.housingCaseNo, regionCode: DISTRICT, status: 'HANDLING', sameMatter: true } });
      expect(typed.status).toBe(400);
      expect(JSON.stringify(typed.body)).toContain('earlierPetition');
      await apply(t, 'city_petition', city.id, 'CLASSIFY', REQUEST);
      const refused = await send(t, 'city_petition', city.id, 'ACCEPT', { acceptedOn: '2025-03-01', notifiedOn: '2025-03-01' });
      expectRefused(refused, 'notPendingBelow', `${LAW} 第十九条`);
      // The city may not read the department's case: the organ is named, its number is not.
      expect(refused.body.violations[0].message).toContain('青溪区住房和城乡建设局正在办理，办理期限至2025-04-18');
      expect(JSON.stringify(refused.body)).not.toContain(ids.housingCaseNo);
      const declined = await apply(t, 'city_petition', city.id, 'DECLINE_DUPLICATE', { decidedOn: '2025-03-01', explanation: '该事项正由青溪区住房和城乡建设局办理' });
      expect(declined).toMatchObject({ state: 'notAcceptedDuplicate', closed: true });
    });

    it('04-10: one extension of 30 days with its reason: due 05-19; a second is not offered', async () => {
      await setClock(t, at10('2025-04-10'));
      const tooLong = await send(t, 'housing_officer', ids.housing, 'EXTEND', { days: 31, reason: '涉及30户，需逐户核实', approvedBy: '局长 葛某', notifiedOn: '2025-04-10' });
      expectRefused(tooLong, 'extensionAtMost30Days', `${LAW} 第三十四条`);
      const extended = await apply(t, 'housing_officer', ids.housing, 'EXTEND', { days: 30, reason: '涉及30户，需逐户核实', approvedBy: '局长 葛某', notifiedOn: '2025-04-10' });
      expect(extended.state).toBe('extended');
      expect(deadline(extended, 'D-XF5')).toMatchObject({ dueOn: '2025-05-19', status: 'pending' });
      expect(eventTypes(extended)).not.toContain('EXTEND');
    });

    it('05-09: the opinion (不予支持 + 解释说明); 复查 within 30 days, by 06-09', async () => {
      await setClock(t, at10('2025-05-09'));
      const opinion = await apply(t, 'housing_officer', ids.housing, 'ISSUE_OPINION', { outcomes: ['NOT_SUPPORTED', 'EXPLAIN'], issuedOn: '2025-05-09', receivedOn: '2025-05-09' });
      expect(opinion.state).toBe('opinionIssued');
      expect(deadline(opinion, 'D-XF5')).toMatchObject({ status: 'met' });
      expect(deadline(opinion, 'D-XF6')).toMatchObject({ dueOn: '2025-06-09', legalBasis: `${LAW} 第三十五条` });
    });

    it('06-03: 复查 at the 区政府, the department’s own government, not the city: D-XF7 = 07-03; 07-01 upheld, received 07-02: D-XF8 = 08-01', async () => {
      await setClock(t, at10('2025-06-03'));
      const review = { requestedOn: '2025-06-03', receivedOn: '2025-06-03', reviewBody: '青溪区人民政府' };
      expectRefused(await send(t, 'housing_officer', ids.housing, 'REQUEST_REVIEW', { ...review, reviewBody: '青州市人民政府', reviewRegionCode: CITY }), 'reviewOneLevelUp', `${LAW} 第三十五条`);
      const reviewing = await apply(t, 'housing_officer', ids.housing, 'REQUEST_REVIEW', { ...review, reviewRegionCode: DISTRICT });
      expect(reviewing.state).toBe('review');
      expect(deadline(reviewing, 'D-XF7')).toMatchObject({ dueOn: '2025-07-03' });
      await setClock(t, at10('2025-07-02'));
      const upheld = await apply(t, 'housing_officer', ids.housing, 'ISSUE_REVIEW_OPINION', { decision: 'UPHOLD', issuedOn: '2025-07-01', receivedOn: '2025-07-02' });
      expect(upheld.state).toBe('reviewOpinion');
      expect(deadline(upheld, 'D-XF8')).toMatchObject({ dueOn: '2025-08-01', legalBasis: `${LAW} 第三十六条` });
    });

    it('07-25: 复核 at the city: due 08-25; the hearing 08-01 … 08-12 is not counted, so 09-04; 08-29 final, aftercare', async () => {
      await setClock(t, at10('2025-07-25'));
      const reexam = await apply(t, 'housing_officer', ids.housing, 'REQUEST_REEXAM', { requestedOn: '2025-07-25', receivedOn: '2025-07-25', reexamBody: '青州市人民政府', reexamRegionCode: CITY });
      expect(reexam.state).toBe('reexam');
      expect(deadline(reexam, 'D-XF9')).toMatchObject({ dueOn: '2025-08-25', status: 'pending' });
      await setClock(t, at10('2025-08-01'));
      const hearing = await apply(t, 'housing_officer', ids.housing, 'DECIDE_HEARING', { decidedOn: '2025-08-01', hearingOn: '2025-08-12' });
      expect(hearing.state).toBe('reexamHearing');
      expect(deadline(hearing, 'D-XF9')).toMatchObject({ status: 'pending', pauses: [expect.objectContaining({ from: '2025-08-01', to: null })] });
      await setClock(t, at10('2025-08-12'));
      const heard = await apply(t, 'housing_officer', ids.housing, 'HOLD_HEARING', { heldOn: '2025-08-12', panel: '人大代表、政协委员、律师、规划专家' });
      expect(heard.state).toBe('reexam');
      expect(deadline(heard, 'D-XF9')).toMatchObject({ dueOn: '2025-09-04', status: 'pending' });
      await setClock(t, at10('2025-08-29'));
      const final = await apply(t, 'housing_officer', ids.housing, 'ISSUE_REEXAM_OPINION', { decision: 'UPHOLD', issuedOn: '2025-08-29', published: true });
      expect(final).toMatchObject({ state: 'finalClosed', closed: false });
      expect(deadline(final, 'D-XF9')).toMatchObject({ status: 'met' });
      expect(eventTypes(final)).toEqual(['END_AFTERCARE', 'RECORD_AFTERCARE']);
    });

    it('10-20: the same representatives on the same facts are not accepted (第三十六条): no 60-day clock, an aftercare task instead', async () => {
      await setClock(t, at10('2025-10-20'));
      const again = await open(t, 'city_petition', petitionCase({ channel: 'VISIT', groupVisit: true, representatives: REPS }, { regionCode: CITY }));
      await apply(t, 'city_petition', again.id, 'CLASSIFY', REQUEST);
      const refusedAgain = await send(t, 'city_petition', again.id, 'ACCEPT', { acceptedOn: '2025-10-20', notifiedOn: '2025-10-20' });
      expectRefused(refusedAgain, 'notFinalAfterReexam', `${LAW} 第三十六条`);
      expect(refusedAgain.body.violations[0].message).toContain('青溪区住房和城乡建设局已于2025-08-29复核终结');
      expectRefused(await send(t, 'city_petition', again.id, 'TRANSFER', { mode: 'ASSIGN', receivingOrgId: 'org-housing' }), 'notFinalAfterReexam', `${LAW} 第三十六条`);
      const refused = await apply(t, 'city_petition', again.id, 'DECLINE_FINAL', { decidedOn: '2025-10-20', explanation: '该事项已于2025年8月29日复核终结' });
      expect(refused).toMatchObject({ state: 'notAcceptedFinal', closed: false });
      expect(refused.deadlines.filter((d: any) => d.status === 'pending')).toEqual([]);
      expect(refused.deadlines.some((d: any) => d.specId === 'D-XF4')).toBe(false);
      const cared = await apply(t, 'city_petition', again.id, 'RECORD_AFTERCARE', { on: '2025-10-20', measure: 'EDUCATION', note: '向代表解释复核意见' });
      expect(cared.state).toBe('notAcceptedFinal');
      // Both the refused repeat petition and the case that went through 复核 wait in the aftercare queue.
      const queue = async (username: string) => (await t.http().get('/api/cases').query({ queue: 'xf-aftercare' }).set(auth(await t.login(username)))).body.items.map((c: { id: string }) => c.id);
      expect(await queue('city_petition')).toEqual([again.id]);
      expect(await queue('housing_officer')).toEqual([ids.housing]);
      expect((await verifyAudit(t, ids.housing)).ok).toBe(true);
    });

    it('10-21: new facts and reasons, recorded at classification, open the matter again (第三十六条 bars only the same ones)', async () => {
      await setClock(t, at10('2025-10-21'));
      const renewed = await open(t, 'city_petition', petitionCase({ channel: 'LETTER' }, { regionCode: CITY }));
      const facts = '区政府9月调整改造方案，将本小区二期排除在外';
      await apply(t, 'city_petition', renewed.id, 'CLASSIFY', { ...REQUEST, newFactsAndReasons: facts });
      expectRefused(await send(t, 'city_petition', renewed.id, 'DECLINE_FINAL', { decidedOn: '2025-10-21', explanation: '已复核终结' }), 'finalFound', `${LAW} 第三十六条`);
      const accepted = await apply(t, 'city_petition', renewed.id, 'ACCEPT', { acceptedOn: '2025-10-21', notifiedOn: '2025-10-21' });
      expect(accepted.state).toBe('handling');
      expect((await history(t, 'city_petition', renewed.id)).find((e) => e.type === 'CLASSIFY')).toMatchObject({ data: { newFactsAndReasons: facts } });
    });
  });

  describe('the township handles first (第十九条), and mediates by referral to people’s mediation (访调对接)', () => {
    const township = { id: '', caseNo: '' };

    it('the township 信访办 accepts a neighbour dispute; the same matter petitioned to the district is not accepted', async () => {
      await setClock(t, at10('2025-04-01'));
      const view = await open(t, 'fq_petition', petitionCase({ channel: 'VISIT' }, { category: 'NEIGHBOUR', summary: '邻居加盖遮挡采光', regionCode: FENGQIAO, parties: [PETITIONER, NEIGHBOUR] }));
      Object.assign(township, { id: view.id, caseNo: view.caseNo });
      await apply(t, 'fq_petition', view.id, 'CLASSIFY', REQUEST);
      const accepted = await apply(t, 'fq_petition', view.id, 'ACCEPT', { acceptedOn: '2025-04-01', notifiedOn: '2025-04-01' });
      expect(deadline(accepted, 'D-XF4')).toMatchObject({ dueOn: '2025-06-03' });

      await setClock(t, at10('2025-04-08'));
      // Written a little differently, by letter: still the same petitioner's same matter.
      const upward = await open(t, 'petition_officer', petitionCase({ channel: 'LETTER' }, { category: 'NEIGHBOUR', summary: '邻居加盖，遮挡采光。', parties: [PETITIONER, NEIGHBOUR] }));
      await apply(t, 'petition_officer', upward.id, 'CLASSIFY', REQUEST);
      const refused = await send(t, 'petition_officer', upward.id, 'ACCEPT', { acceptedOn: '2025-04-08', notifiedOn: '2025-04-08' });
      expectRefused(refused, 'notPendingBelow', `${LAW} 第十九条`);
      // The district supervises the township's office, so it is told the case's number.
      expect(refused.body.violations[0].message).toContain(`枫桥镇信访办公室${township.caseNo}正在办理，办理期限至2025-06-03`);
      expectRefused(await send(t, 'petition_officer', upward.id, 'TRANSFER', { mode: 'TRANSFER', receivingOrgId: 'org-housing' }), 'notPendingBelow', `${LAW} 第十九条`);
      expect((await apply(t, 'petition_officer', upward.id, 'DECLINE_DUPLICATE', { decidedOn: '2025-04-08', explanation: '枫桥镇信访办正在办理' })).state).toBe('notAcceptedDuplicate');

      // The same petitioner on another matter is accepted, with nothing to decline it for.
      const other = await open(t, 'petition_officer', petitionCase({ channel: 'LETTER' }, { category: 'NEIGHBOUR', summary: '小区路灯长期损坏无人维修', parties: [PETITIONER, NEIGHBOUR] }));
      await apply(t, 'petition_officer', other.id, 'CLASSIFY', REQUEST);
      expectRefused(await send(t, 'petition_officer', other.id, 'DECLINE_DUPLICATE', { decidedOn: '2025-04-08', explanation: '重复' }), 'pendingBelowFound', `${LAW} 第十九条`);
      expect((await apply(t, 'petition_officer', other.id, 'ACCEPT', { acceptedOn: '2025-04-08', notifiedOn: '2025-04-08' })).state).toBe('handling');
    });

    it('refers to the township mediation committee with both parties’ consent: the 60 days stop; the agreement settles the petition', async () => {
      await setClock(t, at10('2025-04-10'));
      const noConsent = await send(t, 'fq_petition', township.id, 'REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: ['P1'], civilContent: true });
      expectRefused(noConsent, 'allPartiesConsent', `${LAW} 第三十三条`);
      const referred = await apply(t, 'fq_petition', township.id, 'REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: ['P1', 'P2'], civilContent: true, note: '采光纠纷，双方同意人民调解' });
      expect(referred.state).toBe('referredPM');
      expect(deadline(referred, 'D-XF4')).toMatchObject({ status: 'pending', pauses: [expect.objectContaining({ from: '2025-04-10', to: null })] });
      const pmId = linked(referred, 'R19');
      const inbox = await t.http().get('/api/inbox').set(auth(await t.login('fq_mediator')));
      expect(inbox.body.items.find((i: { id: string }) => i.id === pmId)).toMatchObject({ workflow: { id: 'pm' }, route: { id: 'R19' } });
      await apply(t, 'fq_mediator', pmId, 'SIGN_FOR', { note: '访调对接移交' });
      const mediatorId = (await t.loginUser('fq_mediator')).user.id;
      for (const type of ['ASSIGN_MEDIATOR', 'START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT']) await apply(t, 'fq_mediator', pmId, type, pmStep(t, type, mediatorId));
      const settled = await reaches(t, 'fq_petition', township.id, 'settled');
      expect(settled.closed).toBe(true);
    });
  });

  describe('第二十三条: the receiving organ objects within five working days', () => {
    it('returns a petition outside its competence with reasons; the bureau classifies it again; a late objection is refused', async () => {
      await setClock(t, at10('2025-06-02'));
      const sent = async () => {
        const view = await open(t, 'petition_officer', petitionCase({ channel: 'LETTER' }, { summary: '小区违章搭建' }));
        await apply(t, 'petition_officer', view.id, 'CLASSIFY', REQUEST);
        return apply(t, 'petition_officer', view.id, 'TRANSFER', { mode: 'TRANSFER', receivingOrgId: 'org-housing' });
      };
      const first = await sent();
      const housing = linked(first, 'R18f');
      // Received Mon 06-02, the last day of the Dragon Boat holiday: five working days end Mon 06-09.
      expect(deadline(await read(t, 'housing_officer', housing), 'D-XF3')).toMatchObject({ dueOn: '2025-06-09', dayType: 'working' });
      await setClock(t, at10('2025-06-05'));
      const returned = await apply(t, 'housing_officer', housing, 'OBJECT', { reason: 'OTHER_ORGAN', explanation: '违章搭建由综合行政执法局查处' });
      expect(returned).toMatchObject({ state: 'returned', closed: true, transfer: { status: 'RETURNED' } });
      const bureau = await reaches(t, 'petition_officer', first.id, 'triage');
      expect((await history(t, 'petition_officer', bureau.id)).at(-1)).toMatchObject({ type: 'TRANSFER_RETURNED', data: expect.objectContaining({ reason: 'OTHER_ORGAN', explanation: '违章搭建由综合行政执法局查处' }) });

      // Received Thu 06-05: the five working days end Thu 06-12.
      const second = linked(await sent(), 'R18f');
      await setClock(t, at10('2025-06-13'));
      expectRefused(await send(t, 'housing_officer', second, 'OBJECT', { reason: 'NOT_COMPETENT', explanation: '不属本局职权' }), 'objectionInTime', `${LAW} 第二十三条`);
    });
  });

  describe('诉访分离: a labour matter goes to arbitration (R18b), ending the petition', () => {
    it('is diverted as a transfer into the labour commission’s inbox; without a commission it is refused', async () => {
      await setClock(t, at10('2025-05-06'));
      const view = await open(t, 'petition_officer', petitionCase({ channel: 'PHONE' }, { category: 'LABOUR', summary: '装修公司拖欠工资三个月', parties: [PETITIONER, { role: 'RESPONDENT', name: '青溪鸿运装饰有限公司' }] }));
      await apply(t, 'petition_officer', view.id, 'CLASSIFY', REQUEST);
      const divert = { legalChannel: 'LABOUR_ARBITRATION', notifiedOn: '2025-05-06', explanation: '劳动争议应当申请劳动人事争议仲裁', knewOn: '2025-04-30' };
      expectRefused(await send(t, 'petition_officer', view.id, 'DIVERT', divert), 'divertedWithItsOrgan', `${LAW} 第二十二条、第三十一条`);
      const diverted = await apply(t, 'petition_officer', view.id, 'DIVERT', { ...divert, receivingOrgId: 'org-labour-arbitration' });
      expect(diverted).toMatchObject({ state: 'diverted', stateLabel: '导入法定途径', closed: true });
      const labId = linked(diverted, 'R18b');
      const lab = await read(t, 'arbitrator', labId);
      expect(lab).toMatchObject({ workflow: { id: 'lab' }, state: 'arb.acceptanceReview', assignment: { orgId: 'org-labour-arbitration' }, transfer: { route: 'R18b', status: 'SENT' } });
      const inbox = await t.http().get('/api/inbox').set(auth(await t.login('arbitrator')));
      expect(inbox.body.items.find((i: { id: string }) => i.id === labId)).toMatchObject({ workflow: { id: 'lab' }, route: { id: 'R18b' } });
    });
  });
});
