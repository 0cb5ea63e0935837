import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, chinaMorning, eventually, getCase, history, pmCaseIn, send, setNow, verifyAudit } from '../support/cases';
import { notifications, runWorker, setClock } from '../support/deadlines';

/*
 * Transfers between channels over the route table, on the 人民调解 → 司法确认 route (R4): the court's inbox, signing
 * for (签收) and returning (退回) with a reason, the acceptance deadline running out, the dossier the receiver reads,
 * one dispute code across both cases, and what a third organisation sees of it all (nothing).
 */

describe.each(TEST_DATABASES)('transfers between channels ($name)', (database) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A village case with a written agreement, applied for 司法确认 at the district court; returns both case ids. */
  async function application(day: string) {
    setNow(t, chinaMorning(day));
    const pm = await pmCaseIn(t, 'agreedWritten');
    const applied = await apply(t, 'fy_mediator', pm.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    return { pmId: pm.id as string, jcId: applied.links[0].caseId as string, disputeCode: applied.disputeCode as string };
  }

  const inbox = async (username: string) => {
    const res = await t.http().get('/api/inbox').set(auth(await t.login(username)));
    expect(res.status).toBe(200);
    return res.body;
  };

  it('lists the route table', async () => {
    const res = await t.http().get('/api/routes').set(auth(await t.login('fy_mediator')));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'R4',
          label: '人民调解协议申请司法确认',
          legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
          from: expect.objectContaining({ workflow: 'pm', event: 'APPLY_JUDICIAL_CONFIRMATION' }),
          to: expect.objectContaining({ workflow: 'jc', orgType: 'BASIC_COURT' }),
        }),
      ]),
    );
    expect((await t.http().get('/api/routes')).status).toBe(401);
  });

  describe('an application the court signs for', () => {
    let ids: Awaited<ReturnType<typeof application>>;
    beforeAll(async () => {
      ids = await application('2025-06-02');
    });

    it('waits in the court’s inbox with its acceptance deadline, and in no one else’s', async () => {
      const court = await inbox('court_clerk');
      const entry = court.items.find((i: any) => i.id === ids.jcId);
      expect(entry).toMatchObject({
        workflow: { id: 'jc' },
        state: 'filed',
        stateLabel: '已提交待签收',
        route: { id: 'R4', label: '人民调解协议申请司法确认' },
        disputeCode: ids.disputeCode,
        from: { orgId: 'org-fengyuan', orgName: '枫源村人民调解委员会', caseId: ids.pmId },
        sentAt: chinaMorning('2025-06-02'),
        acceptanceDeadline: { specId: 'JC-RECEIPT', dueOn: '2025-06-05', overdue: false },
      });
      expect((await inbox('judge')).items.map((i: any) => i.id)).toContain(ids.jcId);
      expect((await inbox('fy_mediator')).items).toEqual([]);
      expect((await inbox('lq_mediator')).items).toEqual([]);
      // The court was told.
      expect((await notifications(t, 'court_clerk')).items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TRANSFER', case: { id: ids.jcId, caseNo: expect.any(String) } })]));
    });

    it('lets the receiver read the dossier and the mediation case behind it, with personal data masked', async () => {
      const jc = (await getCase(t, 'court_clerk', ids.jcId)).body;
      const signed = jc.transfer.dossier.events.find((e: any) => e.type === 'SIGN_WRITTEN_AGREEMENT');
      expect(signed.data).toMatchObject({ content: '李四拆除越界围墙', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true });
      const source = await getCase(t, 'court_clerk', ids.pmId);
      expect(source.status).toBe(200);
      expect(source.body).toMatchObject({ id: ids.pmId, personalDataMasked: true, availableEvents: [] });
      expect(source.body.parties[0].idNumber).toMatch(/\*/);
      expect((await t.http().get(`/api/cases/${ids.pmId}/history`).set(auth(await t.login('court_clerk')))).status).toBe(200);
    });

    it('moves on when signed for, and leaves the inbox', async () => {
      setNow(t, chinaMorning('2025-06-03'));
      const view = await apply(t, 'court_clerk', ids.jcId, 'SIGN_FOR', { note: '材料齐全' });
      expect(view).toMatchObject({ state: 'acceptanceReview', transfer: { status: 'ACCEPTED', decidedAt: chinaMorning('2025-06-03') } });
      expect((await inbox('court_clerk')).items.map((i: any) => i.id)).not.toContain(ids.jcId);
    });

    it('shows one dispute across both cases, to both organisations and to no third one', async () => {
      for (const username of ['fy_mediator', 'court_clerk']) {
        const res = await t.http().get(`/api/disputes/${ids.disputeCode}`).set(auth(await t.login(username)));
        expect(res.status).toBe(200);
        expect(res.body.code).toBe(ids.disputeCode);
        expect(res.body.cases.map((c: any) => [c.id, c.workflow.id, c.orgName])).toEqual([
          [ids.pmId, 'pm', '枫源村人民调解委员会'],
          [ids.jcId, 'jc', '青溪区人民法院'],
        ]);
        expect(res.body.transfers).toEqual([expect.objectContaining({ fromCaseId: ids.pmId, toCaseId: ids.jcId, route: 'R4', status: 'ACCEPTED', statusLabel: '已签收' })]);
      }
      const other = await t.http().get(`/api/disputes/${ids.disputeCode}`).set(auth(await t.login('lq_mediator')));
      expect(other.status).toBe(404);
      for (const id of [ids.pmId, ids.jcId]) expect((await getCase(t, 'lq_mediator', id)).status).toBe(404);
      expect((await t.http().get('/api/disputes/NO-SUCH-CODE').set(auth(await t.login('court_clerk')))).status).toBe(404);
    });
  });

  describe('an application the court returns', () => {
    let ids: Awaited<ReturnType<typeof application>>;
    beforeAll(async () => {
      ids = await application('2025-06-09');
    });

    it('needs a reason', async () => {
      const res = await send(t, 'court_clerk', ids.jcId, 'RETURN', { explanation: '不属于本院管辖' });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'data.reason' })]);
      expect((await getCase(t, 'court_clerk', ids.jcId)).body).toMatchObject({ state: 'filed', version: 2, transfer: { status: 'SENT' } });
    });

    it('puts the mediation case back where it was, with the reason in its history, and tells the committee', async () => {
      setNow(t, chinaMorning('2025-06-10'));
      const view = await apply(t, 'court_clerk', ids.jcId, 'RETURN', { reason: 'NOT_THIS_COURT', explanation: '协议约定由另一法院管辖' });
      expect(view).toMatchObject({ state: 'returned', closed: true, transfer: { status: 'RETURNED', reason: 'NOT_THIS_COURT', explanation: '协议约定由另一法院管辖' } });
      const pm = await eventually(
        async () => (await getCase(t, 'fy_mediator', ids.pmId)).body,
        (c) => c.state !== 'judicialConfirmation',
      );
      expect(pm.state).toBe('agreedWritten');
      const last = (await history(t, 'fy_mediator', ids.pmId)).pop();
      expect(last).toMatchObject({ type: 'JC_RETURNED', from: 'judicialConfirmation', to: 'agreedWritten', data: { outcome: 'RETURNED', reason: 'NOT_THIS_COURT', explanation: '协议约定由另一法院管辖', sourceCaseId: ids.jcId } });
      expect((await notifications(t, 'fy_mediator')).items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'RETURNED', case: expect.objectContaining({ id: ids.pmId }) })]));
      expect((await inbox('court_clerk')).items.map((i: any) => i.id)).not.toContain(ids.jcId);
    });

    it('refuses a second decision on the same transfer', async () => {
      const res = await send(t, 'court_clerk', ids.jcId, 'SIGN_FOR', {});
      expect(res.status).toBe(409);
    });
  });

  describe('an application nobody signs for in time', () => {
    let ids: Awaited<ReturnType<typeof application>>;
    beforeAll(async () => {
      ids = await application('2025-07-01');
    });

    it('marks the acceptance deadline missed and shows it overdue in the inbox', async () => {
      await setClock(t, '2025-07-07T01:00:00.000Z');
      await runWorker(t);
      const jc = (await getCase(t, 'court_clerk', ids.jcId)).body;
      expect(jc.deadlines.find((d: any) => d.specId === 'JC-RECEIPT')).toMatchObject({ dueOn: '2025-07-04', status: 'missed' });
      const entry = (await inbox('court_clerk')).items.find((i: any) => i.id === ids.jcId);
      expect(entry).toMatchObject({ acceptanceDeadline: { specId: 'JC-RECEIPT', dueOn: '2025-07-04', overdue: true } });
      expect(jc.transfer.status).toBe('SENT');
    });
  });

  it('burns no case number when the commit that would open the receiving case fails', async () => {
    setNow(t, chinaMorning('2025-08-01'));
    const first = await application('2025-08-01');
    const numberOf = (caseNo: string) => Number(/第(\d+)号/.exec(caseNo)![1]);
    const firstNo = numberOf((await getCase(t, 'court_clerk', first.jcId)).body.caseNo);
    // The key was used for another request: the application's commit fails on it after the court's register gave the
    // new case its number, inside the same transaction.
    const other = await pmCaseIn(t, 'mediating');
    const key = { 'Idempotency-Key': 'reused-key-transfer-test' };
    expect((await send(t, 'fy_mediator', other.id, 'RECORD_SESSION', { heldOn: '2025-08-01', summary: '面对面调解' }, key)).status).toBe(200);
    const pm = await pmCaseIn(t, 'agreedWritten');
    const refused = await send(t, 'fy_mediator', pm.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' }, key);
    expect(refused.status).toBe(422);
    expect((await getCase(t, 'fy_mediator', pm.id)).body).toMatchObject({ state: 'agreedWritten', links: [] });
    const next = await application('2025-08-01');
    expect(numberOf((await getCase(t, 'court_clerk', next.jcId)).body.caseNo)).toBe(firstNo + 1);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, firstBroken: null });
  });
});
