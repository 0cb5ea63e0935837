import { decide, eventsHandledIn, open, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { wiringProblems } from '../routes/route-table';
import { ROUTES } from '../routes/routes';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { missingRequired, reportedOutcomes, sentAlong } from '../testing/route-fixtures';
import { peopleMediation } from '../people-mediation/pm.workflow';
import type { JcContext } from './jc.context';
import { judicialConfirmation as jc } from './jc.workflow';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures ----------

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-20';
/** An application for a written agreement that took effect on 2025-03-05: D-JC1 falls due on 2025-04-04. */
const PREPARING: JcContext = jc.initialContext({
  partyIds: PARTIES,
  openedOn: '2025-03-18',
  input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' },
});
const REGISTERED: JcContext = { ...PREPARING, registeredOn: '2025-03-19' };
const SUPPLEMENTING: JcContext = { ...REGISTERED, supplementDueOn: '2025-03-27' };
const SERVED: JcContext = { ...REGISTERED, servedOn: '2025-03-20' };
const JC_WINDOW_OPEN = { 'D-JC1': '2025-04-04' };

const VALID: Record<string, Record<string, unknown>> = {
  FILE: { applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' },
  WINDOW_EXPIRED: {},
  SIGN_FOR: { note: '材料已收' },
  RETURN: { reason: 'NOT_THIS_COURT', explanation: '调委会所在地不在本院辖区' },
  REGISTER: { docketNo: '（2025）浙0102民特12号', registeredOn: TODAY },
  NOT_ACCEPT: { ground: 'PERSONAL_STATUS', explanation: '协议涉及解除婚姻关系' },
  REQUEST_SUPPLEMENT: { items: ['调解组织出具的调解证明'], dueOn: '2025-03-27' },
  SUBMIT_SUPPLEMENT: { note: '已补交调解证明' },
  SUPPLEMENT_OVERDUE: {},
  SCHEDULE_VERIFICATION: { scheduledOn: '2025-03-25' },
  DEEM_WITHDRAWN: { reason: 'REFUSED_QUESTIONING' },
  WITHDRAW: { partyIds: ['p2'] },
  RULE_VALID: { rulingNo: '（2025）浙0102民特12号', ruledOn: TODAY },
  DISMISS: { ground: 'CONTENT_UNCLEAR', rulingNo: '（2025）浙0102民特12号', explanation: '履行方式不明确' },
  SERVE_RULING: { servedOn: TODAY },
  FILE_OBJECTION: { partyIds: ['p2'], grounds: '调解时受到胁迫' },
  OBJECTION_PERIOD_ENDED: {},
  REJECT_OBJECTION: { rulingNo: '（2025）浙0102民特12号之一' },
  REVOKE_RULING: { rulingNo: '（2025）浙0102民特12号之一', explanation: '协议违背自愿原则' },
  APPLY_ENFORCEMENT: { applicantPartyIds: ['p1'], appliedOn: TODAY },
  RECORD_PERFORMED: { performedOn: TODAY },
};

function event(type: string, data: Record<string, unknown> = VALID[type] ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    data,
    at: `${TODAY}T02:00:00.000Z`,
    today: TODAY,
    deadlines: JC_WINDOW_OPEN,
    actor: { id: 'u-1', role: jc.events[type]?.roles[0] ?? 'JUDGE' },
    ...over,
  };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
/** jc tells the case that sent it the application how it ended, in its own words (manifest outcomes); a no-op for one filed directly. */
const reports = (outcome: string): Effect => ({ type: 'report', params: { outcome } });

// ---------- the legal table, written by hand from 民事诉讼法 第二百零五、二百零六条 and 民诉解释 第三百五十一至三百五十八、三百七十二条 ----------

const LEGAL: [string, string, string | null, string[]][] = [
  ['preparing', 'FILE', 'filed', ['jointApplication', 'withinConfirmationWindow']],
  ['preparing', 'WINDOW_EXPIRED', 'windowExpired', []],
  ['filed', 'SIGN_FOR', 'acceptanceReview', []],
  ['filed', 'RETURN', 'returned', []],
  ['acceptanceReview', 'REGISTER', 'registered', ['registeredNotInFuture']],
  ['acceptanceReview', 'NOT_ACCEPT', 'notAccepted', []],
  ['acceptanceReview', 'WITHDRAW', 'withdrawn', []],
  ['registered', 'REQUEST_SUPPLEMENT', 'supplementRequested', ['supplementDueLater']],
  ['registered', 'SCHEDULE_VERIFICATION', 'verification', []],
  // No RULE_VALID from registered: both parties must first be heard together (民诉解释 第三百五十六条).
  ['registered', 'DISMISS', 'dismissed', []],
  ['registered', 'WITHDRAW', 'withdrawn', []],
  ['supplementRequested', 'SUBMIT_SUPPLEMENT', 'registered', []],
  ['supplementRequested', 'SUPPLEMENT_OVERDUE', 'deemedWithdrawn', []],
  ['supplementRequested', 'WITHDRAW', 'withdrawn', []],
  ['supplementRequested', 'DEEM_WITHDRAWN', 'deemedWithdrawn', []],
  ['verification', 'REQUEST_SUPPLEMENT', 'supplementRequested', ['supplementDueLater']],
  ['verification', 'RULE_VALID', 'confirmed', []],
  ['verification', 'DISMISS', 'dismissed', []],
  ['verification', 'WITHDRAW', 'withdrawn', []],
  ['verification', 'DEEM_WITHDRAWN', 'deemedWithdrawn', []],
  ['confirmed', 'SERVE_RULING', 'objectionWindow', ['servedNotInFuture']],
  ['objectionWindow', 'FILE_OBJECTION', 'objectionReview', []],
  ['objectionWindow', 'OBJECTION_PERIOD_ENDED', 'enforceable', []],
  ['objectionReview', 'REJECT_OBJECTION', 'enforceable', []],
  ['objectionReview', 'REVOKE_RULING', 'revoked', []],
  ['enforceable', 'APPLY_ENFORCEMENT', 'enforcementApplied', []],
  ['enforceable', 'RECORD_PERFORMED', 'performed', []],
];
const FINAL = ['enforcementApplied', 'performed', 'windowExpired', 'returned', 'notAccepted', 'withdrawn', 'deemedWithdrawn', 'dismissed', 'revoked'];

const description = describeWorkflow(jc);
const STATES = description.states.map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): JcContext {
  if (['preparing', 'filed', 'acceptanceReview', 'windowExpired', 'returned', 'notAccepted'].includes(state)) return PREPARING;
  if (state === 'supplementRequested') return SUPPLEMENTING;
  if (['objectionWindow', 'objectionReview', 'enforceable', 'enforcementApplied', 'performed', 'revoked'].includes(state)) return SERVED;
  return REGISTERED;
}

describe('judicial confirmation (jc) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states of 司法确认 (spec A2)', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
    });

    it('lists every state of the machine', () => {
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(inTable));
    });

    it('opens a case in preparing with the agreement dates it was spawned with', () => {
      const opened = open(jc, { partyIds: PARTIES, openedOn: '2025-03-18', input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' } });
      expect(opened).toEqual({
        state: { value: 'preparing', context: { partyIds: PARTIES, openedOn: '2025-03-18', agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' } },
        effects: [],
        final: false,
      });
    });
  });

  describe('the court’s inbox', () => {
    it('holds only a filed application, which the court must sign for or return within JC-RECEIPT (a configurable internal limit)', () => {
      expect(STATES.filter((state) => jc.machine.resolveState({ value: state, context: contextFor(state) }).hasTag('inbox'))).toEqual(['filed']);
      expect(deadlinesOf(jc, 'filed')).toEqual([
        expect.objectContaining({ id: 'JC-RECEIPT', period: { amount: 3, unit: 'day' }, dayType: 'calendar', soft: true, configKey: 'jc.receipt', metBy: ['SIGN_FOR', 'RETURN'] }),
      ]);
      expect(jc.manifest.queues).toContainEqual(expect.objectContaining({ tag: 'inbox', roles: expect.arrayContaining(['COURT_CLERK']) }));
    });
  });

  describe('legal transitions', () => {
    type Row = {
      from: string;
      context: JcContext;
      type: string;
      data?: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      to: string;
      effects?: Effect[];
      contextAfter?: Partial<JcContext>;
    };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' as const } };
    const rows: Row[] = [
      { from: 'preparing', context: PREPARING, type: 'FILE', to: 'filed' },
      // An oral application recorded by the court (民诉解释 第三百五十三条), on the last day of the window.
      { from: 'preparing', context: PREPARING, type: 'FILE', data: { applicantPartyIds: ['p2', 'p1'], form: 'ORAL' }, over: { today: '2025-04-04' }, to: 'filed' },
      { from: 'preparing', context: PREPARING, type: 'FILE', over: SYSTEM, to: 'filed' },
      { from: 'preparing', context: PREPARING, type: 'WINDOW_EXPIRED', over: { ...SYSTEM, deadlines: {}, today: '2025-04-05' }, to: 'windowExpired' },
      // Signing for or returning the application decides the transfer; the engine reports SIGNED_FOR / RETURNED itself.
      { from: 'filed', context: PREPARING, type: 'SIGN_FOR', to: 'acceptanceReview', effects: [{ type: 'acceptTransfer', params: {} }] },
      { from: 'filed', context: PREPARING, type: 'RETURN', to: 'returned', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }] },
      { from: 'acceptanceReview', context: PREPARING, type: 'REGISTER', to: 'registered', contextAfter: { registeredOn: TODAY } },
      { from: 'acceptanceReview', context: PREPARING, type: 'NOT_ACCEPT', to: 'notAccepted', effects: [reports('NOT_ACCEPTED')] },
      { from: 'acceptanceReview', context: PREPARING, type: 'WITHDRAW', to: 'withdrawn', effects: [reports('WITHDRAWN')] },
      {
        from: 'registered',
        context: REGISTERED,
        type: 'REQUEST_SUPPLEMENT',
        to: 'supplementRequested',
        contextAfter: { supplementDueOn: '2025-03-27', registeredOn: '2025-03-19' },
      },
      { from: 'registered', context: REGISTERED, type: 'SCHEDULE_VERIFICATION', to: 'verification' },
      { from: 'registered', context: REGISTERED, type: 'DISMISS', data: { ground: 'OTHER', rulingNo: '（2025）民特3号' }, to: 'dismissed', effects: [reports('DISMISSED')] },
      { from: 'registered', context: REGISTERED, type: 'WITHDRAW', to: 'withdrawn', effects: [reports('WITHDRAWN')] },
      { from: 'supplementRequested', context: SUPPLEMENTING, type: 'SUBMIT_SUPPLEMENT', to: 'registered', contextAfter: { supplementDueOn: undefined } },
      {
        from: 'supplementRequested',
        context: SUPPLEMENTING,
        type: 'SUPPLEMENT_OVERDUE',
        over: { ...SYSTEM, today: '2025-03-28' },
        to: 'deemedWithdrawn',
        effects: [reports('DEEMED_WITHDRAWN')],
      },
      { from: 'supplementRequested', context: SUPPLEMENTING, type: 'WITHDRAW', to: 'withdrawn', effects: [reports('WITHDRAWN')] },
      {
        from: 'supplementRequested',
        context: SUPPLEMENTING,
        type: 'DEEM_WITHDRAWN',
        data: { reason: 'NO_SUPPLEMENT' },
        to: 'deemedWithdrawn',
        effects: [reports('DEEMED_WITHDRAWN')],
      },
      { from: 'verification', context: REGISTERED, type: 'REQUEST_SUPPLEMENT', to: 'supplementRequested', contextAfter: { supplementDueOn: '2025-03-27' } },
      { from: 'verification', context: REGISTERED, type: 'RULE_VALID', to: 'confirmed', effects: [reports('CONFIRMED')] },
      { from: 'verification', context: REGISTERED, type: 'DISMISS', to: 'dismissed', effects: [reports('DISMISSED')] },
      { from: 'verification', context: REGISTERED, type: 'WITHDRAW', to: 'withdrawn', effects: [reports('WITHDRAWN')] },
      { from: 'verification', context: REGISTERED, type: 'DEEM_WITHDRAWN', to: 'deemedWithdrawn', effects: [reports('DEEMED_WITHDRAWN')] },
      { from: 'confirmed', context: REGISTERED, type: 'SERVE_RULING', to: 'objectionWindow', contextAfter: { servedOn: TODAY } },
      { from: 'objectionWindow', context: SERVED, type: 'FILE_OBJECTION', to: 'objectionReview' },
      { from: 'objectionWindow', context: SERVED, type: 'OBJECTION_PERIOD_ENDED', over: { ...SYSTEM, today: '2025-04-05' }, to: 'enforceable' },
      { from: 'objectionReview', context: SERVED, type: 'REJECT_OBJECTION', to: 'enforceable' },
      { from: 'objectionReview', context: SERVED, type: 'REVOKE_RULING', to: 'revoked', effects: [reports('REVOKED')] },
      { from: 'enforceable', context: SERVED, type: 'APPLY_ENFORCEMENT', to: 'enforcementApplied' },
      { from: 'enforceable', context: SERVED, type: 'RECORD_PERFORMED', to: 'performed' },
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}`));
      expect(LEGAL.filter(([from, type]) => !covered.has(`${from}|${type}`))).toEqual([]);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(jc, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES, agreementEffectiveOn: '2025-03-05' }),
        effects,
        final: FINAL.includes(to),
      });
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    type Row = {
      name: string;
      from: string;
      context: JcContext;
      type: string;
      data: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      violations: [string, string | undefined][];
    };
    const JOINT = '民事诉讼法 第二百零五条；民诉解释 第三百五十一条';
    const WINDOW = '人民调解法 第三十三条；民事诉讼法 第二百零五条';
    const rows: Row[] = [
      {
        name: 'one party applies alone',
        from: 'preparing',
        context: PREPARING,
        type: 'FILE',
        data: { applicantPartyIds: ['p1'], form: 'WRITTEN' },
        violations: [['jointApplication', JOINT]],
      },
      {
        name: 'the application is filed the day after the D-JC1 due date',
        from: 'preparing',
        context: PREPARING,
        type: 'FILE',
        data: VALID.FILE,
        over: { today: '2025-04-05', at: '2025-04-05T01:00:00.000Z' },
        violations: [['withinConfirmationWindow', WINDOW]],
      },
      {
        name: 'the application is filed with no D-JC1 deadline pending',
        from: 'preparing',
        context: PREPARING,
        type: 'FILE',
        data: VALID.FILE,
        over: { deadlines: {} },
        violations: [['withinConfirmationWindow', WINDOW]],
      },
      {
        name: 'one party applies alone after the window',
        from: 'preparing',
        context: PREPARING,
        type: 'FILE',
        data: { applicantPartyIds: ['p2'], form: 'ORAL' },
        over: { today: '2025-06-01' },
        violations: [
          ['jointApplication', JOINT],
          ['withinConfirmationWindow', WINDOW],
        ],
      },
      {
        name: 'the case is registered with tomorrow’s date',
        from: 'acceptanceReview',
        context: PREPARING,
        type: 'REGISTER',
        data: { ...VALID.REGISTER, registeredOn: '2025-03-21' },
        violations: [['registeredNotInFuture', undefined]],
      },
      {
        name: 'a supplement is due today',
        from: 'registered',
        context: REGISTERED,
        type: 'REQUEST_SUPPLEMENT',
        data: { ...VALID.REQUEST_SUPPLEMENT, dueOn: TODAY },
        violations: [['supplementDueLater', '民诉解释 第三百五十四条']],
      },
      {
        name: 'a supplement is due in the past',
        from: 'verification',
        context: REGISTERED,
        type: 'REQUEST_SUPPLEMENT',
        data: { ...VALID.REQUEST_SUPPLEMENT, dueOn: '2025-03-01' },
        violations: [['supplementDueLater', '民诉解释 第三百五十四条']],
      },
      {
        name: 'a supplement has no due date',
        from: 'registered',
        context: REGISTERED,
        type: 'REQUEST_SUPPLEMENT',
        data: { items: ['身份证明'] },
        violations: [['supplementDueLater', '民诉解释 第三百五十四条']],
      },
      {
        name: 'the ruling is served tomorrow',
        from: 'confirmed',
        context: REGISTERED,
        type: 'SERVE_RULING',
        data: { servedOn: '2025-03-21' },
        violations: [['servedNotInFuture', undefined]],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(jc, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: jc, legal: LEGAL, finalStates: FINAL, stateCount: 19, eventTypeCount: 21, contextFor, event: (type) => event(type) });

  describe('the hand-off with the mediation case (pm), through route R4', () => {
    const R4 = ROUTES.find((r) => r.id === 'R4')!;
    const SENDER = { orgName: '枫源村人民调解委员会', caseNo: '（2025）枫源调字第3号', caseId: 'case-pm-1', openedOn: '2025-02-20' };
    const pmAgreed = {
      ...peopleMediation.initialContext({ partyIds: PARTIES, openedOn: '2025-02-20' }),
      mediatorId: 'm1',
      agreementForm: 'WRITTEN' as const,
      agreementEffectiveOn: '2025-03-05',
      performanceDueOn: '2025-04-30',
    };
    const apply: WorkflowEvent = {
      ...event('APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'court-1', applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' }),
      actor: { id: 'u-m1', role: 'MEDIATOR' },
    };

    it('is the row that links the two channels, and it fits both machines', () => {
      expect(R4).toMatchObject({ from: { workflow: peopleMediation.id, event: 'APPLY_JUDICIAL_CONFIRMATION' }, to: { workflow: jc.id, orgTypes: ['BASIC_COURT'] } });
      expect(wiringProblems([peopleMediation, jc], [R4])).toEqual([]);
    });

    it('opens a valid application from the mediation case and files it, inside the same window, into the court’s inbox', () => {
      const d = decide(peopleMediation, { value: 'agreedWritten', context: pmAgreed }, apply);
      if (!d.allowed) throw new Error(`APPLY_JUDICIAL_CONFIRMATION refused: ${JSON.stringify(d)}`);
      const sent = sentAlong(R4, { context: d.context, facts: SENDER }, apply.data, apply.today);
      expect(sent).toMatchObject({ workflow: jc.id, orgId: 'court-1' });
      // What open() needs (jc.openingSchema), and nothing jc does not take: mediationOrgName is the sender's, from the engine.
      expect(missingRequired(jc.openingSchema, sent.input)).toEqual([]);
      expect(Object.keys(sent.input).filter((field) => !(field in (jc.openingSchema!.properties ?? {})))).toEqual([]);
      expect(sent.input.mediationOrgName).toBe(SENDER.orgName);
      const opened = open(jc, { partyIds: PARTIES, openedOn: TODAY, input: sent.input, origin: { route: R4.id, workflow: peopleMediation.id } });
      expect(opened).toMatchObject({ state: { value: 'preparing' }, effects: [], final: false });
      expect(opened.state.context).toMatchObject({ agreementEffectiveOn: pmAgreed.agreementEffectiveOn, performanceDueOn: pmAgreed.performanceDueOn });
      // The same D-JC1 window: same period, anchored on the same agreement date the application carries over.
      const window = (def: typeof jc | typeof peopleMediation, state: string) => {
        const { period, dayType, anchor, legalBasis } = deadlinesOf(def, state).find((x) => x.id === 'D-JC1')!;
        return { period, dayType, anchor, legalBasis };
      };
      expect(window(jc, 'preparing')).toEqual(window(peopleMediation, 'agreedWritten'));
      const { type, data } = sent.start!;
      expect(type).toBe('FILE');
      expect(jc.events[type].roles).toContain('SYSTEM');
      expect(missingRequired(jc.events[type].schema, data)).toEqual([]);
      const filed = decide(jc, opened.state, event(type, data, { actor: { id: 'engine', role: 'SYSTEM' } }));
      expect(filed).toMatchObject({ allowed: true, to: 'filed', context: { agreementEffectiveOn: '2025-03-05' } });
      if (filed.allowed) expect(jc.machine.resolveState({ value: filed.to, context: filed.context }).hasTag('inbox')).toBe(true);
    });

    it('reports every outcome it declares, which R4 turns into SYSTEM events pm handles while it awaits the court', () => {
      const reported = new Set<string>();
      for (const { from, event: type } of description.transitions) {
        const d = decide(jc, { value: from, context: contextFor(from) }, event(type));
        if (d.allowed) for (const r of reportedOutcomes(d.effects, VALID[type])) reported.add(r.outcome);
      }
      expect(sorted(reported)).toEqual(sorted(Object.keys(jc.manifest.outcomes)));
      // Signing for the application tells the mediation case nothing; every other outcome reaches it.
      expect(R4.up.SIGNED_FOR).toBeNull();
      const sent = new Set([...reported].map((outcome) => R4.up[outcome]).filter((type): type is string => type !== null));
      expect(sorted(sent)).toEqual(['JC_CONFIRMED', 'JC_NOT_CONFIRMED', 'JC_RETURNED']);
      for (const type of sent) {
        expect(peopleMediation.events[type].roles).toEqual(['SYSTEM']);
        expect(eventsHandledIn(peopleMediation, { value: 'judicialConfirmation', context: pmAgreed })).toContain(type);
      }
    });
  });
});
