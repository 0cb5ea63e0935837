import { decide, open, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { ROUTES } from '../routes/routes';
import { CASE_ENDED_OUTCOME, wiringProblems } from '../routes/route-table';
import { ALL_WORKFLOWS } from '../channels';
import { RISK_REVIEW_DEADLINES } from '../risk';
import { schemaErrors } from '../testing/form-schemas';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { ZzContext } from './zz.context';
import { CHANNELS_BY_CLASSIFICATION } from './zz.preconditions';
import { intakeCentre as zz } from './zz.workflow';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: a neighbours' dispute registered at the 枫桥镇 综治中心 on 2025-11-03 ----------

const PARTIES = ['p1', 'p2'];
const OPENED: ZzContext = zz.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { intakeChannel: 'GRID' } });
const TRIAGED: ZzContext = { ...OPENED, classification: 'CIVIL', legalChannel: 'pm', riskLevel: 'YELLOW', triagedOn: '2025-11-03' };
const COUNTER: ZzContext = { ...TRIAGED, counterMediationStartedOn: '2025-11-04' };
const ONE_OPEN: ZzContext = { ...TRIAGED, dispatched: 1, openChildren: 1 };
const ALL_ENDED: ZzContext = { ...TRIAGED, dispatched: 2, openChildren: 0 };
const RX_RECORD = { actType: 'PENALTY', respondentAgency: '青溪区市场监督管理局', knewOn: '2025-10-20', applicationChannel: 'ORGAN_WRITTEN', requests: '撤销罚款决定' };
const PETITION_RECORD = { channel: 'VISIT', petitionClass: 'REQUEST', groupVisit: false };
const LAND_RECORD = { disputeKind: 'TRANSFER', landLocationCode: '330199101201', knewOn: '2025-10-01' };
const REPORT = { sourceCaseId: 'pm-1', sourceCaseNo: '（2025）枫桥调字第3号', outcome: 'AGREED', reportedOn: '2025-11-20' };

const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  TRIAGE: { data: { classification: 'CIVIL', legalChannel: 'pm', riskLevel: 'YELLOW', assessment: '邻里停车纠纷' }, today: '2025-11-03' },
  REPORT_RISK: { data: { level: 'RED', reportedTo: 'POLICE', summary: '一方扬言报复' }, today: '2025-11-04' },
  START_COUNTER_MEDIATION: { data: { startedOn: '2025-11-04', mediatorName: '驻点调解员 王某', consentedPartyIds: PARTIES }, today: '2025-11-04' },
  RECORD_COUNTER_SESSION: { data: { heldOn: '2025-11-05', summary: '背对背调解' }, today: '2025-11-05' },
  RESOLVE_AT_COUNTER: { data: { resolvedOn: '2025-11-06', terms: '轮流使用车位' }, today: '2025-11-06' },
  DISPATCH: { data: { channel: 'pm', receivingOrgId: 'org-fengqiao', reason: '适宜人民调解' }, today: '2025-11-06' },
  REFER_OUTSIDE: { data: { authority: 'POLICE', authorityName: '枫桥派出所', referredOn: '2025-11-06' }, today: '2025-11-06' },
  SUPERVISE: { data: { childCaseId: 'pm-1', note: '请于三日内反馈', replyBy: '2025-11-10' }, today: '2025-11-07' },
  CHILD_REPORTED: { data: REPORT, today: '2025-11-20' },
  CHILD_ENDED: { data: { ...REPORT, outcome: CASE_ENDED_OUTCOME }, today: '2025-11-21' },
  RECORD_FOLLOW_UP: { data: { visitedOn: '2025-11-25', method: 'VISIT', satisfied: true, notes: '双方满意' }, today: '2025-11-25' },
  CLOSE: { data: { summary: '案结事了' }, today: '2025-11-26' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-11-06';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: {}, actor: { id: 'u-1', role: zz.events[type]?.roles[0] ?? 'CENTRE_DISPATCHER' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const risk = (level: string, summary: string, reportedTo?: string): Effect => ({ type: 'notifyRisk', params: { level, reportedTo, summary } });

// ---------- the legal table, written by hand from 信访工作条例 第三十一条, 人民调解法 第十七条、第二十五条、第三十一条 and the 2024 意见 ----------

type Row = [string, string, string | null, string[]];
const DISPATCH_GUARDS = ['channelFitsClassification', 'targetRecordKnown'];
const RISK_ANYWHERE: Row[] = ['received', 'triaged', 'firstLineMediation', 'resolved', 'supervising', 'followedUp'].map((s) => [s, 'REPORT_RISK', null, []]);
const LEGAL: Row[] = [
  ['received', 'TRIAGE', 'triaged', []],
  ['triaged', 'START_COUNTER_MEDIATION', 'firstLineMediation', ['everyPartyConsents', 'startedNotInFuture']],
  ['triaged', 'DISPATCH', 'supervising', DISPATCH_GUARDS],
  ['triaged', 'REFER_OUTSIDE', 'referredOutside', ['authorityFitsClassification']],
  ['firstLineMediation', 'RECORD_COUNTER_SESSION', null, []],
  ['firstLineMediation', 'RESOLVE_AT_COUNTER', 'resolved', ['resolvedNotInFuture']],
  ['firstLineMediation', 'DISPATCH', 'supervising', DISPATCH_GUARDS],
  ['firstLineMediation', 'REFER_OUTSIDE', 'referredOutside', ['authorityFitsClassification']],
  ['resolved', 'RECORD_FOLLOW_UP', 'followedUp', ['visitedNotInFuture']],
  // Another part of the dispute may be dispatched while the first is supervised.
  ['supervising', 'DISPATCH', 'supervising', DISPATCH_GUARDS],
  ['supervising', 'SUPERVISE', null, []],
  ['supervising', 'CHILD_REPORTED', null, []],
  ['supervising', 'CHILD_ENDED', null, []],
  ['supervising', 'RECORD_FOLLOW_UP', 'followedUp', ['everyChildEnded', 'visitedNotInFuture']],
  ['followedUp', 'RECORD_FOLLOW_UP', null, ['visitedNotInFuture']],
  ['followedUp', 'CLOSE', 'closed', ['everyChildEnded']],
  ...RISK_ANYWHERE,
];
const FINAL = ['closed', 'referredOutside'];

const description = describeWorkflow(zz);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): ZzContext {
  const byState: Record<string, ZzContext> = { received: OPENED, triaged: TRIAGED, firstLineMediation: COUNTER, supervising: ONE_OPEN, followedUp: ALL_ENDED };
  return byState[state] ?? ALL_ENDED;
}

describe('综治中心 intake (zz) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states, and lists every state', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(description.states.map((s) => s.id))).toEqual(sorted(inTable));
    });

    it('declares an EventSpec for every event, with its preconditions exactly the guards it uses', () => {
      expect(sorted(new Set(description.transitions.map((t) => t.event)))).toEqual(sorted(Object.keys(zz.events)));
      for (const [type, spec] of Object.entries(zz.events)) {
        const guards = new Set(LEGAL.filter(([, t]) => t === type).flatMap(([, , , g]) => g));
        expect({ type, preconditions: sorted(spec.preconditions ?? []) }).toEqual({ type, preconditions: sorted(guards) });
      }
    });

    it('opens a registration (一案一码 comes from the engine) with no child cases', () => {
      expect(open(zz, { partyIds: PARTIES, openedOn: '2025-11-03', input: { intakeChannel: 'HOTLINE' } })).toEqual({
        state: { value: 'received', context: { partyIds: PARTIES, openedOn: '2025-11-03', intakeChannel: 'HOTLINE', dispatched: 0, openChildren: 0 } },
        effects: [],
        final: false,
      });
      expect(zz.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03' }).intakeChannel).toBe('COUNTER');
    });

    it('takes grid workers’ reports and counter registrations, and sees the whole dispute', () => {
      expect(zz.openRoles).toEqual(['CENTRE_DISPATCHER', 'INTAKE_CLERK', 'GRID_WORKER']);
      expect(zz.manifest).toMatchObject({ orgTypes: { GOVERNANCE_CENTRE: '社会治安综合治理中心' }, handlingOrgTypes: ['GOVERNANCE_CENTRE'], seesWholeDispute: true, outcomes: {} });
      expect(zz.events.REPORT_RISK.roles).toEqual(['CENTRE_DISPATCHER', 'GRID_WORKER']);
      expect(zz.events.TRIAGE.roles).toEqual(['CENTRE_DISPATCHER']);
    });
  });

  describe('routes R1a–R1g', () => {
    const r1 = ROUTES.filter((r) => r.from.workflow === 'zz');

    it('dispatches to every channel a classification allows, each by one route of the table', () => {
      expect(wiringProblems(ALL_WORKFLOWS, r1)).toEqual([]);
      const channels = new Set(Object.values(CHANNELS_BY_CLASSIFICATION).flat());
      expect(sorted(r1.map((r) => r.to.workflow))).toEqual(sorted(channels));
      expect(sorted(r1.map((r) => r.when!.channel))).toEqual(sorted(channels));
      for (const r of r1) expect(r.from).toEqual({ workflow: 'zz', event: 'DISPATCH' });
    });

    it('records every outcome of the child and counts it ended when it reaches a final state', () => {
      for (const r of r1) {
        const to = ALL_WORKFLOWS.find((d) => d.id === r.to.workflow)!;
        expect(sorted(Object.keys(r.up))).toEqual(sorted([...Object.keys(to.manifest.outcomes), CASE_ENDED_OUTCOME]));
        expect(new Set(Object.entries(r.up).map(([o, e]) => (o === CASE_ENDED_OUTCOME ? `end:${e}` : e)))).toEqual(new Set(['CHILD_REPORTED', 'end:CHILD_ENDED']));
      }
    });

    it('refers to the petition office only what no legal channel takes (信访工作条例 第三十一条)', () => {
      for (const [classification, channels] of Object.entries(CHANNELS_BY_CLASSIFICATION)) {
        const context = { ...TRIAGED, classification } as ZzContext;
        const referred = decide(zz, { value: 'triaged', context }, event('REFER_OUTSIDE', { authority: 'PETITION_BUREAU', authorityName: '青溪区信访局', referredOn: '2025-11-06' }));
        expect({ classification, allowed: referred.allowed }).toEqual({ classification, allowed: classification === 'PETITION_ONLY' });
        expect({ classification, petition: channels.includes('xf') }).toEqual({ classification, petition: classification === 'PETITION_ONLY' });
      }
      expect(CHANNELS_BY_CLASSIFICATION.PETITION_ONLY).toEqual(['xf']);
    });

    it('carries the triage’s record of what the receiving body needs as the child’s opening input (R1e–R1g)', () => {
      const byChannel = Object.fromEntries(r1.map((r) => [r.when!.channel, r]));
      expect(byChannel.xf).toMatchObject({ id: 'R1e', to: { orgTypes: ['PETITION_OFFICE', 'PETITION_BUREAU'] }, start: { event: 'RECEIVE_TRANSFER' }, input: { channel: 'petition.channel', representatives: 'petition.representatives' } });
      expect(byChannel.rx).toMatchObject({ id: 'R1f', to: { orgTypes: ['RECONSIDERATION_ORGAN'] }, start: { event: 'APPLY', data: { requests: '$context.reconsideration.requests' } }, input: { actType: 'reconsideration.actType', knewOn: 'reconsideration.knewOn' } });
      expect(byChannel.land).toMatchObject({ id: 'R1g', to: { orgTypes: ['LAND_CONTRACT_ARBITRATION_COMMISSION'] }, start: { event: 'RECEIVE_APPLICATION' }, input: { disputeKind: 'landContract.disputeKind', landLocationCode: 'landContract.landLocationCode' } });
      for (const r of [byChannel.xf, byChannel.rx, byChannel.land]) expect(r.legalBasis).toContain('第三十一条');
    });

    it('requires at triage the record of the channel it advises, naming the field', () => {
      const errors = (data: Record<string, unknown>) => schemaErrors(zz.events.TRIAGE.schema, data);
      const base = { classification: 'ADMINISTRATIVE', riskLevel: 'BLUE', assessment: '对罚款不服' };
      expect(errors({ ...base, legalChannel: 'rx' })).toEqual(expect.arrayContaining([" must have required property 'reconsideration'"]));
      expect(errors({ ...base, legalChannel: 'rx', reconsideration: { ...RX_RECORD, knewOn: undefined } })).toEqual(expect.arrayContaining([" must have required property 'knewOn'"].map((m) => `/reconsideration${m}`)));
      expect(errors({ ...base, legalChannel: 'rx', reconsideration: RX_RECORD })).toEqual([]);
      expect(errors({ ...base, classification: 'PETITION_ONLY', legalChannel: 'xf' })).toEqual(expect.arrayContaining([" must have required property 'petition'"]));
      expect(errors({ ...base, classification: 'LAND_CONTRACT', legalChannel: 'land', landContract: { disputeKind: 'EXPROPRIATION_COMPENSATION', landLocationCode: '330199101201' } })).toEqual(
        expect.arrayContaining(['/landContract/disputeKind must be equal to one of the allowed values']),
      );
      expect(errors({ ...base, legalChannel: 'pm' })).toEqual([]);
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: ZzContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<ZzContext> };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const rows: Case[] = [
      { from: 'received', context: OPENED, type: 'TRIAGE', to: 'triaged', effects: [risk('YELLOW', '邻里停车纠纷')], contextAfter: { classification: 'CIVIL', legalChannel: 'pm', riskLevel: 'YELLOW', triagedOn: '2025-11-03' } },
      ...RISK_ANYWHERE.map(([from]): Case => ({ from, context: contextFor(from), type: 'REPORT_RISK', to: from, effects: [risk('RED', '一方扬言报复', 'POLICE')], contextAfter: { riskLevel: 'RED' } })),
      { from: 'triaged', context: TRIAGED, type: 'START_COUNTER_MEDIATION', to: 'firstLineMediation', contextAfter: { counterMediationStartedOn: '2025-11-04' } },
      { from: 'triaged', context: TRIAGED, type: 'DISPATCH', to: 'supervising', contextAfter: { dispatched: 1, openChildren: 1 } },
      { from: 'triaged', context: { ...TRIAGED, classification: 'CRIMINAL' }, type: 'REFER_OUTSIDE', to: 'referredOutside' },
      { from: 'firstLineMediation', context: COUNTER, type: 'RECORD_COUNTER_SESSION', to: 'firstLineMediation', contextAfter: { lastSessionOn: '2025-11-05' } },
      { from: 'firstLineMediation', context: COUNTER, type: 'RESOLVE_AT_COUNTER', to: 'resolved', contextAfter: { resolvedOn: '2025-11-06' } },
      { from: 'firstLineMediation', context: COUNTER, type: 'DISPATCH', to: 'supervising', contextAfter: { dispatched: 1, openChildren: 1 } },
      { from: 'firstLineMediation', context: { ...COUNTER, classification: 'ADMINISTRATIVE' }, type: 'REFER_OUTSIDE', data: { authority: 'RECONSIDERATION', authorityName: '青溪区人民政府行政复议办公室', referredOn: '2025-11-06' }, to: 'referredOutside' },
      { from: 'resolved', context: { ...COUNTER, resolvedOn: '2025-11-06' }, type: 'RECORD_FOLLOW_UP', to: 'followedUp', contextAfter: { followedUpOn: '2025-11-25', satisfied: true } },
      // A labour part of a civil dispute goes to arbitration first (劳动争议调解仲裁法 第五条).
      { from: 'supervising', context: ONE_OPEN, type: 'DISPATCH', data: { channel: 'lab', matter: 'LABOUR', receivingOrgId: 'org-labour-arbitration', reason: '欠薪' }, to: 'supervising', contextAfter: { dispatched: 2, openChildren: 2 } },
      // 信访 only for what has no legal channel; the record the receiving body needs travels with the dispatch (R1e–R1g).
      { from: 'triaged', context: { ...TRIAGED, classification: 'PETITION_ONLY', petition: PETITION_RECORD }, type: 'DISPATCH', data: { channel: 'xf', receivingOrgId: 'org-fengqiao-petition', reason: '无法定途径' }, to: 'supervising', contextAfter: { petition: PETITION_RECORD, openChildren: 1 } },
      { from: 'triaged', context: { ...TRIAGED, classification: 'ADMINISTRATIVE' }, type: 'DISPATCH', data: { channel: 'rx', receivingOrgId: 'org-reconsideration', reason: '对罚款不服', reconsideration: RX_RECORD }, to: 'supervising', contextAfter: { reconsideration: RX_RECORD, openChildren: 1 } },
      { from: 'supervising', context: ONE_OPEN, type: 'DISPATCH', data: { channel: 'land', matter: 'LAND_CONTRACT', receivingOrgId: 'org-land-arbitration', reason: '流转租金', landContract: LAND_RECORD }, to: 'supervising', contextAfter: { landContract: LAND_RECORD, openChildren: 2 } },
      { from: 'supervising', context: ONE_OPEN, type: 'SUPERVISE', to: 'supervising', effects: [{ type: 'supervise', params: { caseField: 'childCaseId', noteField: 'note' } }] },
      { from: 'supervising', context: ONE_OPEN, type: 'CHILD_REPORTED', over: SYSTEM, to: 'supervising', contextAfter: { lastReportOn: '2025-11-20', openChildren: 1 } },
      { from: 'supervising', context: ONE_OPEN, type: 'CHILD_ENDED', over: SYSTEM, to: 'supervising', contextAfter: { openChildren: 0, dispatched: 1 } },
      { from: 'supervising', context: ALL_ENDED, type: 'RECORD_FOLLOW_UP', to: 'followedUp', contextAfter: { followedUpOn: '2025-11-25', satisfied: true } },
      { from: 'followedUp', context: ALL_ENDED, type: 'RECORD_FOLLOW_UP', data: { visitedOn: '2025-11-25', method: 'PHONE', satisfied: false }, to: 'followedUp', contextAfter: { satisfied: false } },
      { from: 'followedUp', context: ALL_ENDED, type: 'CLOSE', to: 'closed' },
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it('uses sample data every declared schema accepts', () => {
      for (const r of rows) expect({ type: r.type, errors: schemaErrors(zz.events[r.type].schema, event(r.type, r.data, r.over).data) }).toEqual({ type: r.type, errors: [] });
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const d = decide(zz, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({ allowed: true, from, to, changedState: from !== to, context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }), effects, final: FINAL.includes(to) });
    });

    it('never counts below zero children, whatever arrives late', () => {
      const d = decide(zz, { value: 'supervising', context: ALL_ENDED }, event('CHILD_ENDED', undefined, SYSTEM));
      expect(d).toMatchObject({ allowed: true, context: { openChildren: 0 } });
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: ZzContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const ART_31 = '信访工作条例 第三十一条；关于加强社会治安综合治理中心规范化建设的意见（2024）';
    const LOOP = '人民调解法 第三十一条；关于加强社会治安综合治理中心规范化建设的意见（2024）';
    const rows: Case[] = [
      { name: 'a civil matter is sent to labour arbitration', from: 'triaged', context: TRIAGED, type: 'DISPATCH', data: { channel: 'lab', receivingOrgId: 'org-labour-arbitration', reason: '当事人要求' }, violations: [['channelFitsClassification', ART_31]] },
      { name: 'a labour matter is sent to people’s mediation instead of arbitration', from: 'triaged', context: { ...TRIAGED, classification: 'LABOUR' }, type: 'DISPATCH', violations: [['channelFitsClassification', ART_31]] },
      { name: 'an administrative matter goes to reconsideration without the act recorded', from: 'triaged', context: { ...TRIAGED, classification: 'ADMINISTRATIVE' }, type: 'DISPATCH', data: { channel: 'rx', receivingOrgId: 'org-reconsideration', reason: '对罚款不服' }, violations: [['targetRecordKnown', ART_31]] },
      { name: 'a civil matter is dispatched to the petition office', from: 'triaged', context: { ...TRIAGED, petition: PETITION_RECORD }, type: 'DISPATCH', data: { channel: 'xf', receivingOrgId: 'org-fengqiao-petition', reason: '当事人要求信访' }, violations: [['channelFitsClassification', ART_31]] },
      { name: 'a criminal matter is dispatched to mediation', from: 'triaged', context: { ...TRIAGED, classification: 'CRIMINAL' }, type: 'DISPATCH', violations: [['channelFitsClassification', ART_31]] },
      { name: 'a civil matter is referred to the petition office', from: 'triaged', context: TRIAGED, type: 'REFER_OUTSIDE', data: { authority: 'PETITION_BUREAU', authorityName: '青溪区信访局', referredOn: '2025-11-06' }, violations: [['authorityFitsClassification', '信访工作条例 第三十一条']] },
      { name: 'one party did not consent to counter mediation', from: 'triaged', context: TRIAGED, type: 'START_COUNTER_MEDIATION', data: { ...VALID.START_COUNTER_MEDIATION.data, consentedPartyIds: ['p1'] }, violations: [['everyPartyConsents', '人民调解法 第十七条']] },
      { name: 'counter mediation is dated tomorrow', from: 'triaged', context: TRIAGED, type: 'START_COUNTER_MEDIATION', data: { ...VALID.START_COUNTER_MEDIATION.data, startedOn: '2025-11-05' }, violations: [['startedNotInFuture', undefined]] },
      { name: 'the resolution is dated tomorrow', from: 'firstLineMediation', context: COUNTER, type: 'RESOLVE_AT_COUNTER', data: { resolvedOn: '2025-11-07', terms: '和解' }, violations: [['resolvedNotInFuture', undefined]] },
      { name: 'a dispatched case is still open at the follow-up', from: 'supervising', context: ONE_OPEN, type: 'RECORD_FOLLOW_UP', violations: [['everyChildEnded', LOOP]] },
      { name: 'a dispatched case is still open and the visit is dated tomorrow', from: 'supervising', context: ONE_OPEN, type: 'RECORD_FOLLOW_UP', data: { ...VALID.RECORD_FOLLOW_UP.data, visitedOn: '2025-11-26' }, violations: [['everyChildEnded', LOOP], ['visitedNotInFuture', undefined]] },
      { name: 'a dispatched case is open at the closure', from: 'followedUp', context: { ...ALL_ENDED, openChildren: 1 }, type: 'CLOSE', violations: [['everyChildEnded', LOOP]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(zz, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describe('deadlines', () => {
    it('declares the triage and counter-mediation targets as configuration (soft, unverified)', () => {
      expect(deadlinesOf(zz, 'received')).toEqual([expect.objectContaining({ id: 'D-ZZ1', period: { amount: 3, unit: 'day' }, dayType: 'working', soft: true, configKey: 'zz.triagePeriod', metBy: ['TRIAGE'] })]);
      expect(deadlinesOf(zz, 'firstLineMediation')).toEqual([expect.objectContaining({ id: 'D-ZZ2', period: { amount: 15, unit: 'day' }, soft: true, configKey: 'zz.counterMediationPeriod' })]);
    });

    it('gives each risk colour a review period under its own configuration key, reddest shortest', () => {
      const days = Object.values(RISK_REVIEW_DEADLINES).map((d) => d.period.amount);
      expect(days).toEqual([...days].sort((a, b) => a - b));
      expect(Object.values(RISK_REVIEW_DEADLINES).map((d) => [d.id, d.configKey, d.soft, d.confidence])).toEqual([
        ['D-RISK-RED', 'risk.reviewRed', true, 'U'],
        ['D-RISK-ORANGE', 'risk.reviewOrange', true, 'U'],
        ['D-RISK-YELLOW', 'risk.reviewYellow', true, 'U'],
        ['D-RISK-BLUE', 'risk.reviewBlue', true, 'U'],
      ]);
    });
  });

  describeNegativeMatrix({ def: zz, legal: LEGAL, finalStates: FINAL, stateCount: 8, eventTypeCount: 12, contextFor, event: (type) => event(type) });
});
