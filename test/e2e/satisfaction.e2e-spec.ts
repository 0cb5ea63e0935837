import { SatisfactionRates } from '@app/subsidy';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, chinaMorning, eventually, history, pmCaseIn, send, setNow, today } from '../support/cases';

/*
 * 群众满意度测评: the follow-up visit records what each party said, and a party who was not heard answers once through
 * a short link, without an account, on a page that shows nothing personal.
 */

const RATE_LIMIT = 40;

describe.each(TEST_DATABASES)('satisfaction survey ($name)', (database) => {
  let t: TestApp;
  let closedId: string;
  let respondentToken: string;

  beforeAll(async () => {
    t = await createTestApp(database, { FENGQIAO_SURVEY_RATE_LIMIT: String(RATE_LIMIT), FENGQIAO_SURVEY_LINK_DAYS: '30' });
    setNow(t, chinaMorning('2024-03-04'));
  });
  afterAll(async () => {
    await t?.close();
  });

  const links = async (username: string, caseId: string) => t.http().get(`/api/cases/${caseId}/satisfaction-links`).set(auth(await t.login(username)));
  const followUp = (satisfaction?: unknown) => ({ visitedOn: today(t), method: 'PHONE', summary: '电话回访，协议已履行', ...(satisfaction === undefined ? {} : { satisfaction }) });

  it('refuses a follow-up answer for someone who is not a party, a party twice, or an unknown rating, naming the field', async () => {
    const view = await pmCaseIn(t, 'agreedWritten');
    await apply(t, 'fy_mediator', view.id, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
    const stranger = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P9', rating: 'SATISFIED' }]));
    expect(stranger.status).toBe(400);
    expect(stranger.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[0].partyId', messageZh: 'P9 不是本案当事人' })]);
    const twice = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'SATISFIED' }, { partyId: 'P1', rating: 'DISSATISFIED' }]));
    expect(twice.status).toBe(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[1].partyId' })]);
    const rating = await send(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'VERY_HAPPY' }]));
    expect(rating.status).toBe(400);
    expect(rating.body.errors).toEqual([expect.objectContaining({ field: 'data.satisfaction[0].rating' })]);
  });

  it('records the satisfaction heard at the follow-up visit in the audit trail; a follow-up without it still applies', async () => {
    const view = await pmCaseIn(t, 'agreedWritten');
    closedId = view.id;
    await apply(t, 'fy_mediator', closedId, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
    await apply(t, 'fy_mediator', closedId, 'RECORD_FOLLOW_UP', followUp());
    await apply(t, 'fy_mediator', closedId, 'RECORD_PERFORMED', { performedOn: today(t) });
    await apply(t, 'fy_mediator', closedId, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'SATISFIED' }]));
    const last = (await history(t, 'fy_mediator', closedId)).at(-1);
    expect(last).toMatchObject({ type: 'RECORD_FOLLOW_UP', data: { satisfaction: [{ partyId: 'P1', rating: 'SATISFIED' }] } });
  });

  it('issues a link at closing to each party not yet heard, shown to the handling organisation only', async () => {
    const closed = await apply(t, 'fy_mediator', closedId, 'ARCHIVE', { dossierComplete: true, fileNo: '2024-调-001' });
    expect(closed.closed).toBe(true);
    const listed = await eventually(
      () => links('fy_mediator', closedId),
      (res) => res.status === 200 && res.body.some((p: any) => p.link),
    );
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      expect.objectContaining({ partyId: 'P1', roleLabel: '申请人', answered: true, link: null }),
      expect.objectContaining({ partyId: 'P2', roleLabel: '被申请人', answered: false, link: expect.objectContaining({ usedAt: null, expired: false }) }),
    ]);
    respondentToken = listed.body[1].link.token;
    expect(respondentToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(listed.body[1].link.path).toBe(`/survey/${respondentToken}`);

    expect((await links('auditor', closedId)).status).toBe(403);
    expect((await links('lq_mediator', closedId)).status).toBe(404);
    // Asking again keeps the live link rather than multiplying them.
    const again = await t.http().post(`/api/cases/${closedId}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
    expect(again.status).toBe(201);
    expect(again.body[1].link.token).toBe(respondentToken);
  });

  it('shows the party a page without personal data, and needs no account', async () => {
    const res = await t.http().get(`/api/public/survey/${respondentToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      organisation: '枫源村人民调解委员会',
      channel: '人民调解',
      category: '邻里',
      closedOn: '2024-03-04',
      partyRole: '被申请人',
      question: '您对本次纠纷调解工作是否满意？',
      questionEn: expect.any(String),
      options: [
        { value: 'SATISFIED', label: '满意' },
        { value: 'BASICALLY_SATISFIED', label: '基本满意' },
        { value: 'DISSATISFIED', label: '不满意' },
      ],
      expiresAt: '2024-04-03T02:00:00.000Z',
    });
    const text = JSON.stringify(res.body);
    for (const personal of [APPLICANT.name, RESPONDENT.name, APPLICANT.idNumber, RESPONDENT.idNumber, APPLICANT.phone, RESPONDENT.phone, '宅基地', closedId]) expect(text).not.toContain(personal);
  });

  it('takes one answer through the link and refuses the link a second time', async () => {
    const bad = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'GREAT' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'rating' })]);
    const first = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'DISSATISFIED' });
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ answered: true });
    const second = await t.http().post(`/api/public/survey/${respondentToken}`).send({ rating: 'SATISFIED' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'SURVEY.LINK_USED', detail: expect.stringContaining('只能评价一次') });
    expect((await t.http().get(`/api/public/survey/${respondentToken}`)).status).toBe(409);
    // Both parties have answered now: asking for links issues none.
    const listed = await t.http().post(`/api/cases/${closedId}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
    expect(listed.body.map((p: any) => p.answered)).toEqual([true, true]);
    expect(listed.body[1].link.usedAt).not.toBeNull();
  });

  it('counts the first answer of each party in the satisfaction rates the subsidy tariffs read', async () => {
    const rates = await t.app.get(SatisfactionRates).forCases([closedId]);
    expect(rates.get(closedId)).toEqual({ answered: 2, satisfied: 1 });
  });

  it('refuses unknown and expired links, and a link for a party who answered at the follow-up meanwhile', async () => {
    expect((await t.http().get('/api/public/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await t.http().get('/api/public/survey/short')).status).toBe(404);

    // A mediator may hand out links before closing; this one is answered at the visit first, then expires.
    const view = await pmCaseIn(t, 'agreedWritten');
    await apply(t, 'fy_mediator', view.id, 'DECLINE_JUDICIAL_CONFIRMATION', { note: '双方不申请司法确认' });
    const issued = await t.http().post(`/api/cases/${view.id}/satisfaction-links`).set(auth(await t.login('fy_mediator')));
    expect(issued.status).toBe(201);
    const [p1, p2] = issued.body.map((p: any) => p.link.token);
    await apply(t, 'fy_mediator', view.id, 'RECORD_FOLLOW_UP', followUp([{ partyId: 'P1', rating: 'BASICALLY_SATISFIED' }]));
    const heard = await t.http().post(`/api/public/survey/${p1}`).send({ rating: 'DISSATISFIED' });
    expect(heard.status).toBe(409);
    setNow(t, chinaMorning('2024-04-10'));
    const expired = await t.http().post(`/api/public/survey/${p2}`).send({ rating: 'SATISFIED' });
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ code: 'SURVEY.LINK_EXPIRED' });
    expect((await t.app.get(SatisfactionRates).forCases([view.id])).get(view.id)).toEqual({ answered: 1, satisfied: 1 });
  });

  it('limits requests to the public survey per client address', async () => {
    let refused: any = null;
    for (let i = 0; i < RATE_LIMIT + 1 && !refused; i++) {
      const res = await t.http().get('/api/public/survey/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      if (res.status === 429) refused = res;
    }
    expect(refused).not.toBeNull();
    expect(refused.body).toMatchObject({ code: 'SURVEY.TOO_MANY_REQUESTS', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
