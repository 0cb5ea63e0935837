import { decide, open, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { labourArbitration } from '../labour-arbitration/lab.workflow';
import { addDays } from '../labour-arbitration/lab.periods';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { LmContext } from './lm.context';
import { labourMediation as lm } from './lm.workflow';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: scenario S2, worker p1 applies to the township body on 2025-03-10 ----------

const PARTIES = ['p1', 'p2'];
const OPENED: LmContext = lm.initialContext({
  partyIds: PARTIES,
  openedOn: '2025-03-10',
  input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28' },
});
const MEDIATING: LmContext = { ...OPENED, mediatorId: 'm1' };
const ELAPSED: LmContext = { ...MEDIATING, periodElapsed: true };
const FAILED: LmContext = { ...MEDIATING, failed: true };
const AGREED: LmContext = { ...MEDIATING, agreementEffectiveOn: '2025-03-20', performanceDueOn: '2025-04-10' };
const NOT_PERFORMED: LmContext = { ...AGREED, notPerformed: true };
/** D-LB1 runs 15 days from receipt on 2025-03-10; D-LB2 15 days from the agreement of 2025-03-20. */
const DEADLINES = { 'D-LB1': '2025-03-25', 'D-LB2': '2025-04-04' };
const REPORT = { sourceCaseId: 'lab-1', sourceCaseNo: '劳人仲案字〔2025〕第12号', reportedOn: '2025-03-28' };

const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  ACCEPT_APPLICATION: { data: { mediatorId: 'm1', workerPartyIds: ['p1'] }, today: '2025-03-11' },
  DECLINE: { data: { reason: 'NOT_THIS_ORGANISATION', explanation: '用人单位不在本乡镇' }, today: '2025-03-11' },
  RECORD_SESSION: { data: { heldOn: '2025-03-14', summary: '背对背调解，双方差距较大' }, today: '2025-03-14' },
  SIGN_AGREEMENT: {
    data: { content: '用人单位于2025年4月10日前支付工资18000元', signedPartyIds: PARTIES, mediatorSigned: true, organisationSealed: true, effectiveOn: '2025-03-20', performanceDueOn: '2025-04-10' },
    today: '2025-03-20',
  },
  FAIL: { data: { reason: 'NO_AGREEMENT', explanation: '对经济补偿数额分歧过大' }, today: '2025-03-25' },
  WITHDRAW: { data: { partyIds: ['p1'], reason: '已与单位自行和解' }, today: '2025-03-15' },
  MEDIATION_PERIOD_ELAPSED: { data: { specId: 'D-LB1', dueOn: '2025-03-25' }, today: '2025-03-26' },
  APPLY_ARBITRATION: { data: { commissionOrgId: 'lac-1', applicantPartyIds: ['p1'] }, today: '2025-03-26' },
  ARBITRATION_ACCEPTED: { data: { outcome: 'SIGNED_FOR', ...REPORT }, today: '2025-03-28' },
  ARBITRATION_RETURNED: { data: { outcome: 'RETURNED', ...REPORT, reason: 'NO_JURISDICTION' }, today: '2025-03-28' },
  APPLY_ARBITRAL_REVIEW: { data: { applicantPartyIds: PARTIES, commissionName: '区劳动人事争议仲裁委员会', appliedOn: '2025-03-28' }, today: '2025-03-28' },
  REVIEW_CONFIRMED: { data: { docNo: '劳人仲审字〔2025〕第2号', issuedOn: '2025-04-02' }, today: '2025-04-02' },
  REVIEW_REFUSED: { data: { reason: '协议内容不明确' }, today: '2025-04-02' },
  RECORD_PERFORMED: { data: { performedOn: '2025-04-08' }, today: '2025-04-08' },
  RECORD_NOT_PERFORMED: { data: { defaultingPartyIds: ['p2'], note: '期满未支付' }, today: '2025-04-11' },
  CLOSE: { data: { note: '当事人未申请仲裁' }, today: '2025-04-15' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-03-20';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: lm.events[type]?.roles[0] ?? 'MEDIATOR' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });

// ---------- the legal table, written by hand from 劳动争议调解仲裁法 第十条至第十六条 and 办案规则 第七十四条 ----------

type Row = [string, string, string | null, string[]];
const LEGAL: Row[] = [
  ['applied', 'ACCEPT_APPLICATION', 'mediating', []],
  ['applied', 'DECLINE', 'declined', []],
  ['applied', 'MEDIATION_PERIOD_ELAPSED', null, []],
  // 第十四条: fifteen days from receipt without agreement open arbitration, even if the body never took the case up.
  ['applied', 'APPLY_ARBITRATION', 'arbitrationApplied', ['arbitrationOpen']],
  ['mediating', 'RECORD_SESSION', null, []],
  ['mediating', 'SIGN_AGREEMENT', 'agreed', ['agreementSignedAndSealed', 'effectiveNotInFuture']],
  ['mediating', 'FAIL', 'failed', []],
  ['mediating', 'WITHDRAW', 'withdrawn', []],
  ['mediating', 'MEDIATION_PERIOD_ELAPSED', null, []],
  ['mediating', 'APPLY_ARBITRATION', 'arbitrationApplied', ['arbitrationOpen']],
  // 第十四条: the agreement binds; 办案规则 第七十四条: joint review within 15 days; 第十五条: non-performance opens arbitration.
  ['agreed', 'APPLY_ARBITRAL_REVIEW', 'arbitralReview', ['jointReviewApplication', 'withinReviewWindow']],
  ['agreed', 'RECORD_PERFORMED', 'performed', ['performedNotInFuture']],
  ['agreed', 'RECORD_NOT_PERFORMED', 'notPerformed', ['performanceOverdue']],
  ['arbitralReview', 'REVIEW_CONFIRMED', 'reviewConfirmed', []],
  ['arbitralReview', 'REVIEW_REFUSED', 'agreed', []],
  ['notPerformed', 'APPLY_ARBITRATION', 'arbitrationApplied', ['arbitrationOpen']],
  ['notPerformed', 'RECORD_PERFORMED', 'performed', ['performedNotInFuture']],
  ['notPerformed', 'CLOSE', 'closed', []],
  ['failed', 'APPLY_ARBITRATION', 'arbitrationApplied', ['arbitrationOpen']],
  ['failed', 'CLOSE', 'closed', []],
  ['arbitrationApplied', 'ARBITRATION_ACCEPTED', 'arbitration', []],
  ...['applied', 'mediating', 'failed', 'notPerformed'].map((s): Row => ['arbitrationApplied', 'ARBITRATION_RETURNED', s, ['returnsWhereApplied']]),
];
const FINAL = ['arbitration', 'reviewConfirmed', 'performed', 'declined', 'withdrawn', 'closed'];

const description = describeWorkflow(lm);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): LmContext {
  const byState: Record<string, LmContext> = {
    applied: OPENED,
    mediating: MEDIATING,
    agreed: AGREED,
    arbitralReview: AGREED,
    notPerformed: NOT_PERFORMED,
    failed: FAILED,
    arbitrationApplied: { ...FAILED, arbitrationFrom: 'failed' },
    performed: AGREED,
    reviewConfirmed: AGREED,
  };
  return byState[state] ?? MEDIATING;
}

describe('labour mediation (lm) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states, and lists every state', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(description.states.map((s) => s.id))).toEqual(sorted(inTable));
    });

    it('receives transfers in applied (tag inbox) and marks where arbitration is open', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['applied']);
      expect(tagged('arbitrationOpen')).toEqual(['notPerformed', 'failed']);
    });

    it('opens an application with the day the organisation received it', () => {
      expect(open(lm, { partyIds: PARTIES, openedOn: '2025-03-12', input: { receivedOn: '2025-03-10', workerPartyIds: ['p1'] } })).toEqual({
        state: {
          value: 'applied',
          context: {
            partyIds: PARTIES,
            openedOn: '2025-03-12',
            receivedOn: '2025-03-10',
            workerPartyIds: ['p1'],
            knewOn: undefined,
            wageArrears: false,
            employmentEndedOn: undefined,
            periodElapsed: false,
            failed: false,
            notPerformed: false,
          },
        },
        effects: [],
        final: false,
      });
    });

    it('declares D-LB1 from receipt and D-LB2 from the agreement', () => {
      expect(deadlinesOf(lm, 'applied')).toEqual([
        expect.objectContaining({ id: 'D-LB1', period: { amount: 15, unit: 'day' }, anchor: { contextDate: 'receivedOn' }, onExpiry: 'MEDIATION_PERIOD_ELAPSED', runsThrough: ['mediating'], confidence: 'V' }),
      ]);
      expect(deadlinesOf(lm, 'agreed')).toEqual([
        expect.objectContaining({ id: 'D-LB2', period: { amount: 15, unit: 'day' }, anchor: { contextDate: 'agreementEffectiveOn' }, metBy: ['APPLY_ARBITRAL_REVIEW'], confidence: 'S' }),
      ]);
      expect(addDays(OPENED.receivedOn, 15)).toBe('2025-03-25');
      expect(addDays(AGREED.agreementEffectiveOn!, 15)).toBe('2025-04-04');
    });
  });

  describe('the manifest', () => {
    it('declares the channel with the mediation roles and organisations, and no new ones', () => {
      expect(lm.manifest).toMatchObject({
        caseNumberKind: '劳调',
        assigneeField: 'mediatorId',
        roles: {},
        orgTypes: {},
        handlingOrgTypes: ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE'],
        relationLabel: '劳动争议调解',
      });
      const roles = new Set(Object.values(lm.events).flatMap((e) => e.roles));
      expect(sorted(roles)).toEqual(['COMMITTEE_DIRECTOR', 'INTAKE_CLERK', 'MEDIATOR', 'SYSTEM']);
    });

    it('uses only engine effects and lists every outcome it reports', () => {
      expect(wiringProblems([lm], [])).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(lm, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(lm.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: LmContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<LmContext> };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const rows: Case[] = [
      { from: 'applied', context: OPENED, type: 'ACCEPT_APPLICATION', to: 'mediating', effects: [{ type: 'acceptTransfer', params: {} }], contextAfter: { mediatorId: 'm1' } },
      { from: 'applied', context: OPENED, type: 'DECLINE', to: 'declined', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }] },
      { from: 'applied', context: OPENED, type: 'MEDIATION_PERIOD_ELAPSED', over: SYSTEM, to: 'applied', contextAfter: { periodElapsed: true } },
      // The body let fifteen days pass without acting: the worker may go to arbitration.
      { from: 'applied', context: { ...OPENED, periodElapsed: true }, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied', contextAfter: { arbitrationFrom: 'applied' } },
      { from: 'mediating', context: MEDIATING, type: 'RECORD_SESSION', to: 'mediating', contextAfter: { lastSessionOn: '2025-03-14' } },
      { from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', to: 'agreed', effects: [reported('AGREED')], contextAfter: { agreementEffectiveOn: '2025-03-20', performanceDueOn: '2025-04-10' } },
      // An agreement signed by one party and sealed by the other (签名或者盖章) binds as well.
      { from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, signedPartyIds: ['p2', 'p1'] }, to: 'agreed', effects: [reported('AGREED')] },
      { from: 'mediating', context: MEDIATING, type: 'FAIL', to: 'failed', effects: [reported('FAILED')], contextAfter: { failed: true } },
      { from: 'mediating', context: MEDIATING, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'mediating', context: MEDIATING, type: 'MEDIATION_PERIOD_ELAPSED', over: SYSTEM, to: 'mediating', contextAfter: { periodElapsed: true } },
      { from: 'mediating', context: ELAPSED, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied', contextAfter: { arbitrationFrom: 'mediating' } },
      // S2: on 2025-03-26 the 15 days have passed even if the expiry event has not arrived yet.
      { from: 'mediating', context: MEDIATING, type: 'APPLY_ARBITRATION', over: { today: '2025-03-26' }, to: 'arbitrationApplied' },
      { from: 'agreed', context: AGREED, type: 'APPLY_ARBITRAL_REVIEW', to: 'arbitralReview' },
      { from: 'agreed', context: AGREED, type: 'RECORD_PERFORMED', to: 'performed', effects: [reported('PERFORMED')] },
      { from: 'agreed', context: AGREED, type: 'RECORD_NOT_PERFORMED', to: 'notPerformed', effects: [reported('NOT_PERFORMED')], contextAfter: { notPerformed: true } },
      // No term was agreed: non-performance is a matter of fact for the mediator.
      { from: 'agreed', context: { ...AGREED, performanceDueOn: undefined }, type: 'RECORD_NOT_PERFORMED', over: { today: '2025-03-22' }, to: 'notPerformed', effects: [reported('NOT_PERFORMED')] },
      { from: 'arbitralReview', context: AGREED, type: 'REVIEW_CONFIRMED', to: 'reviewConfirmed', effects: [reported('REVIEW_CONFIRMED')] },
      { from: 'arbitralReview', context: AGREED, type: 'REVIEW_REFUSED', to: 'agreed' },
      { from: 'notPerformed', context: NOT_PERFORMED, type: 'APPLY_ARBITRATION', over: { today: '2025-04-12' }, to: 'arbitrationApplied', contextAfter: { arbitrationFrom: 'notPerformed' } },
      { from: 'notPerformed', context: NOT_PERFORMED, type: 'RECORD_PERFORMED', over: { today: '2025-04-14' }, data: { performedOn: '2025-04-14' }, to: 'performed', effects: [reported('PERFORMED')] },
      { from: 'notPerformed', context: NOT_PERFORMED, type: 'CLOSE', to: 'closed' },
      { from: 'failed', context: FAILED, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied', contextAfter: { arbitrationFrom: 'failed' } },
      { from: 'failed', context: FAILED, type: 'CLOSE', to: 'closed' },
      { from: 'arbitrationApplied', context: contextFor('arbitrationApplied'), type: 'ARBITRATION_ACCEPTED', over: SYSTEM, to: 'arbitration', effects: [reported('TO_ARBITRATION')] },
      ...(['applied', 'mediating', 'failed', 'notPerformed'] as const).map(
        (s): Case => ({ from: 'arbitrationApplied', context: { ...NOT_PERFORMED, arbitrationFrom: s }, type: 'ARBITRATION_RETURNED', over: SYSTEM, to: s, contextAfter: { arbitrationFrom: undefined } }),
      ),
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(lm, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }),
        effects,
        final: FINAL.includes(to),
      });
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: LmContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const ART14 = '劳动争议调解仲裁法 第十四条';
    const R12 = '劳动争议调解仲裁法 第十四条、第十五条';
    const REVIEW = '劳动人事争议仲裁办案规则 第七十四条';
    const rows: Case[] = [
      { name: 'the agreement lacks the organisation’s seal', from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, organisationSealed: false }, violations: [['agreementSignedAndSealed', ART14]] },
      { name: 'the mediator did not sign', from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, mediatorSigned: false }, violations: [['agreementSignedAndSealed', ART14]] },
      {
        name: 'only the worker signed, and the agreement is dated tomorrow',
        from: 'mediating',
        context: MEDIATING,
        type: 'SIGN_AGREEMENT',
        data: { ...VALID.SIGN_AGREEMENT.data, signedPartyIds: ['p1'], effectiveOn: '2025-03-21' },
        violations: [
          ['agreementSignedAndSealed', ART14],
          ['effectiveNotInFuture', undefined],
        ],
      },
      // S2: arbitration opens the day after 2025-03-25.
      { name: 'a party applies for arbitration on the fifteenth day, mediation still running', from: 'mediating', context: MEDIATING, type: 'APPLY_ARBITRATION', over: { today: '2025-03-25' }, violations: [['arbitrationOpen', R12]] },
      { name: 'a party applies for arbitration before the body acted, within the fifteen days', from: 'applied', context: OPENED, type: 'APPLY_ARBITRATION', over: { today: '2025-03-12' }, violations: [['arbitrationOpen', R12]] },
      { name: 'only one party applies for arbitral review', from: 'agreed', context: AGREED, type: 'APPLY_ARBITRAL_REVIEW', data: { ...VALID.APPLY_ARBITRAL_REVIEW.data, applicantPartyIds: ['p1'] }, violations: [['jointReviewApplication', REVIEW]] },
      { name: 'the review is applied for after the 15 days', from: 'agreed', context: AGREED, type: 'APPLY_ARBITRAL_REVIEW', over: { today: '2025-04-05' }, violations: [['withinReviewWindow', REVIEW]] },
      { name: 'non-performance is recorded before the agreed term ended', from: 'agreed', context: AGREED, type: 'RECORD_NOT_PERFORMED', over: { today: '2025-04-10' }, violations: [['performanceOverdue', '劳动争议调解仲裁法 第十五条']] },
      { name: 'performance is dated tomorrow', from: 'agreed', context: AGREED, type: 'RECORD_PERFORMED', data: { performedOn: '2025-04-09' }, violations: [['performedNotInFuture', undefined]] },
      {
        name: 'a returned application does not know where it came from',
        from: 'arbitrationApplied',
        context: FAILED,
        type: 'ARBITRATION_RETURNED',
        over: { actor: { id: 'engine', role: 'SYSTEM' } },
        violations: [['returnsWhereApplied', '劳动争议调解仲裁法 第十四条、第十五条']],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(lm, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: lm, legal: LEGAL, finalStates: FINAL, stateCount: 13, eventTypeCount: 16, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(lm.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(lm, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('compiles the opening schema', () => {
      expect(formAjv.compile(lm.openingSchema!)({ receivedOn: '2025-03-10', workerPartyIds: ['P1'], wageArrears: false })).toBe(true);
    });
  });

  /*
   * Route R12 of the route table (spec appendix (c)): checked against the validator, and the arbitration case opens
   * with the limitation facts mediation had, the mediation request counting as an interruption (第二十七条第二款).
   */
  describe('route R12 into labour arbitration (lab)', () => {
    const R12 = ROUTES.find((r) => r.id === 'R12')!;

    it('fits the route-table validator', () => {
      expect(wiringProblems([lm, labourArbitration], [R12])).toEqual([]);
    });

    it('opens the arbitration with the mediation case’s facts and accepts it in S2', () => {
      const facts: Record<string, unknown> = { ...(FAILED as unknown as Record<string, unknown>), $today: '2025-03-26' };
      const input = Object.fromEntries(Object.entries(R12.input!).map(([field, from]) => [field, facts[from]]));
      const opened = open(labourArbitration, { partyIds: PARTIES, openedOn: '2025-03-26', input, origin: { route: 'R12', workflow: 'lm' } });
      expect(opened.state).toMatchObject({ value: 'arb.acceptanceReview', context: { receivedOn: '2025-03-26', workerPartyIds: ['p1'], knewOn: '2025-02-28', interruptedOn: '2025-03-10' } });
      const accepted = decide(labourArbitration, opened.state, {
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-28' },
        at: '2025-03-28T02:00:00.000Z',
        today: '2025-03-28',
        deadlines: { 'D-LB4': '2025-03-31' },
        actor: { id: 'arb-1', role: 'ARBITRATOR' },
      });
      expect(accepted).toMatchObject({ allowed: true, to: 'arb.accepted', effects: [{ type: 'acceptTransfer', params: {} }, { type: 'report', params: { outcome: 'ACCEPTED' } }] });
    });

    it('takes the commission’s signature or return while it waits, and nothing else', () => {
      const waiting = { value: 'arbitrationApplied', context: { ...FAILED, arbitrationFrom: 'failed' } };
      for (const [outcome, type] of Object.entries(R12.up)) {
        if (type === null) continue;
        const d = decide(lm, waiting, event(type, { ...VALID[type].data, outcome }, { actor: { id: 'engine', role: 'SYSTEM' } }));
        expect({ outcome, to: d.allowed ? d.to : d }).toEqual({ outcome, to: outcome === 'SIGNED_FOR' ? 'arbitration' : 'failed' });
      }
    });
  });
});
