import { decide, open, type Decision, type PersistedState } from '../decide';
import type { DeadlineSpec, Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { stateConfigurations } from '../state-value';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { RxContext } from './rx.context';
import { addDays } from './rx.periods';
import { administrativeReconsideration as rx } from './rx.workflow';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import { legalRows, machineRows, uncoveredRows } from '../testing/legal-table';

// ---------- fixtures: scenario S6 (spec appendix (d)), vendor V (p1) against 城管 (p2) ----------

const PARTIES = ['p1', 'p2'];
const S6_ACT = { actType: 'PENALTY', actRef: '青城管当罚〔2025〕0707号', respondentAgency: '青溪区城市管理局', actOn: '2025-07-07', knewOn: '2025-07-07', onTheSpot: true, penaltyKind: 'FINE', amount: 200 };
const OPENED: RxContext = rx.initialContext({ partyIds: PARTIES, openedOn: '2025-07-07', input: S6_ACT });
const APPLIED: RxContext = { ...OPENED, appliedOn: '2025-07-21', channel: 'PENALISING_AGENCY', receivedOn: '2025-07-21', supplementNoticeFrom: '2025-07-21' };
const SUPPLEMENT: RxContext = { ...APPLIED, supplementRequestedOn: '2025-07-23', supplementNoticeReceivedOn: '2025-07-23', supplementNoticeFrom: undefined };
const ACCEPTED: RxContext = { ...APPLIED, acceptedOn: '2025-07-25', procedure: 'SIMPLE', simpleFrom: '2025-07-25' };
const ORDINARY: RxContext = { ...APPLIED, acceptedOn: '2025-07-25', procedure: 'ORDINARY', ordinaryFrom: '2025-07-25' };
const SERVED: RxContext = { ...ACCEPTED, answerFromSimple: '2025-07-28' };
const ANSWERED: RxContext = { ...SERVED, answeredOn: '2025-08-01' };
const NOTICED: RxContext = { ...ANSWERED, hearingOn: '2025-08-12' };
const MEDIATING: RxContext = { ...ANSWERED, mediationStartedOn: '2025-08-12' };
const EXTENDED: RxContext = { ...ORDINARY, answerFrom: '2025-07-28', answeredOn: '2025-08-01', viewsHeardOn: '2025-08-05', hearingOn: '2025-08-12', mediationStartedOn: '2025-09-25', extensionDays: 30, extendedDueOn: '2025-10-23' };
const DECIDED: RxContext = { ...ANSWERED, decisionNo: '青府复〔2025〕12号', decisionType: 'UPHOLD', decidedOn: '2025-08-20' };
const IN_WINDOW: RxContext = { ...DECIDED, suitWindowFrom: '2025-08-21', suitBasis: 'DECISION' };

/** Pending deadlines as the engine computes them in S6 (D-RX10 for the ordinary variant accepted the same day). */
const DEADLINES = {
  'D-RX1': '2025-09-05',
  'D-RX3': '2030-07-08',
  'D-RX4': '2025-07-28',
  'D-RX5': '2025-07-28',
  'D-RX6': '2025-08-06',
  'D-RX10': '2025-09-23',
  'D-RX11': '2025-08-25',
  'D-RX12': '2025-09-05',
  'D-RX13': '2026-01-07',
};
const APPLICATION = { appliedOn: '2025-07-21', channel: 'PENALISING_AGENCY', forwardingAgency: '青溪区城市管理局', agencyReceivedOn: '2025-07-21', receivedOn: '2025-07-21', requests: '撤销罚款决定' };
const WITHDRAWAL = { withdrawnOn: '2025-08-13', afterSettlement: true, facts: '城管当场罚款200元', reasons: '处罚过重', voluntary: true };

/** One valid envelope per event type, with the day it is sent in S6. */
const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  APPLY: { data: APPLICATION, today: '2025-07-21' },
  LAPSE: { data: { note: '期限内未申请' }, today: '2025-09-08' },
  RECORD_SUIT: { data: { suedOn: '2025-09-01', courtName: '青溪区人民法院' }, today: '2025-09-01' },
  ASSIGN_OFFICER: { data: { officerId: 'rx-1' }, today: '2025-07-22' },
  ACCEPT: { data: { acceptedOn: '2025-07-25', procedure: 'SIMPLE' }, today: '2025-07-25' },
  NOT_ACCEPT: { data: { reason: 'NO_STANDING', explanation: '申请人与处罚决定没有利害关系', servedOn: '2025-07-26' }, today: '2025-07-26' },
  DEEMED_ACCEPTED: { data: { specId: 'D-RX4', dueOn: '2025-07-28' }, today: '2025-07-29' },
  REQUEST_SUPPLEMENT: { data: { items: ['当场处罚决定书'], noticeReceivedOn: '2025-07-23' }, today: '2025-07-23' },
  SUPPLEMENT: { data: { suppliedOn: '2025-07-30' }, today: '2025-07-30' },
  SUPPLEMENT_OVERDUE: { data: { specId: 'D-RX6', dueOn: '2025-08-06' }, today: '2025-08-07' },
  SERVE_COPY: { data: { servedOn: '2025-07-28' }, today: '2025-07-28' },
  RECORD_ANSWER: { data: { answeredOn: '2025-08-01', evidenceSubmitted: true }, today: '2025-08-01' },
  ANSWER_OVERDUE: { data: { specId: 'D-RX8-S', dueOn: '2025-08-04' }, today: '2025-08-05' },
  RECORD_VIEWS: { data: { heardOn: '2025-08-05', mode: 'PHONE' }, today: '2025-08-05' },
  NOTICE_HEARING: { data: { hearingOn: '2025-08-12', venue: '区复议办听证室' }, today: '2025-08-05' },
  HOLD_HEARING: { data: { presidingOfficer: '韩复议', members: ['甲', '乙'], clerk: '丙', respondentHeadAttended: true }, today: '2025-08-12' },
  START_MEDIATION: { data: { consentedPartyIds: PARTIES }, today: '2025-08-12' },
  MEDIATION_FAILED: { data: { outcome: 'NO_AGREEMENT' }, today: '2025-08-13' },
  SIGN_MEDIATION_DOC: { data: { docNo: '青府复调〔2025〕3号', signedPartyIds: PARTIES, organSealed: true, content: '罚款变更为警告' }, today: '2025-08-14' },
  WITHDRAW: { data: WITHDRAWAL, today: '2025-08-13' },
  SUSPEND: { data: { ground: 'MEDIATION_BY_CONSENT', suspendedOn: '2025-08-06' }, today: '2025-08-06' },
  RESUME: { data: { note: '调解结束' }, today: '2025-08-11' },
  SUSPENSION_LAPSED: { data: { specId: 'D-RX14', dueOn: '2025-10-05' }, today: '2025-10-06' },
  EXTEND: { data: { days: 30, approvedBy: '复议办主任 赵某', notifiedOn: '2025-09-20' }, today: '2025-09-20' },
  DECISION_PERIOD_EXPIRED: { data: { specId: 'D-RX11', dueOn: '2025-08-25' }, today: '2025-08-26' },
  DECIDE: { data: { decisionNo: '青府复〔2025〕12号', decisionType: 'UPHOLD', decidedOn: '2025-08-20' }, today: '2025-08-20' },
  SERVE_DECISION: { data: { servedOn: '2025-08-21' }, today: '2025-08-21' },
  SUIT_WINDOW_ENDED: { data: { specId: 'D-RX12', dueOn: '2025-09-05' }, today: '2025-09-06' },
  ISSUE_OPINION_LETTER: { data: { letterNo: '青府复意〔2025〕1号', receivedOn: '2025-09-10' }, today: '2025-09-10' },
  RECORD_COMPLIANCE: { data: { reportedOn: '2025-10-20' }, today: '2025-10-20' },
  REQUEST_HEARING: { data: { hearingOrgId: 'org-reconsideration', matter: '罚款是否过重', initiative: 'ORGAN' }, today: '2025-08-05' },
  HEARING_CONCLUDED: { data: { outcome: 'CONCLUDED', sourceCaseId: 'hr-1', reportedOn: '2025-08-12', hearingLevel: 'COUNTY', opinion: '罚款过重，宜变更为警告', heldOn: '2025-08-12' }, today: '2025-08-12' },
  HEARING_ENDED: { data: { outcome: 'WITHDRAWN', sourceCaseId: 'hr-1', reportedOn: '2025-08-08' }, today: '2025-08-08' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-08-05';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: rx.events[type]?.roles[0] ?? 'RECONSIDERATION_OFFICER' }, ...over };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });
const ACCEPT_TRANSFER: Effect = { type: 'acceptTransfer', params: {} };
const RETURN_TRANSFER: Effect = { type: 'returnTransfer', params: { reasonField: 'reason' } };
/** The clocks a suspension stops outside the extension: the decision period and the answer period. */
const NORMAL = ['D-RX10', 'D-RX11', 'D-RX8', 'D-RX8-S'];
const pause = (...ids: string[]): Effect => ({ type: 'pauseDeadlines', params: { specIds: ids } });
const resume = (...ids: string[]): Effect => ({ type: 'resumeDeadlines', params: { specIds: ids } });

// ---------- the legal table, written by hand from 行政复议法 (2023) and 行政诉讼法 第四十四条至第四十六条 ----------

type Row = [string, string, string | null, string[]];
const APPLY_GUARDS = ['withinApplicationPeriod', 'reviewableAct', 'noSuitAccepted', 'notRefiledAfterWithdrawal', 'agencyForwardingRecorded'];
const EXTENSION = ['ordinaryProcedure', 'extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByHead'];
const DECISION = ['decidedNotInFuture', 'hearingHeldIfMajor', 'viewsHeardInOrdinary', 'evidenceBacksDecision'];
const MEDIATION_DOC = ['mediationHeld', 'everyPartySignedMediationDoc', 'organSealedMediationDoc'];
/** 第三十九条、第六十二条、第七十四条: between acceptance and decision the case may be suspended or withdrawn, and its period may end. */
const handling = (s: string, extendable = true): Row[] => [
  [s, 'ASSIGN_OFFICER', null, []],
  [s, 'WITHDRAW', 'withdrawn', []],
  [s, 'DECISION_PERIOD_EXPIRED', 'litigationWindow', []],
  [s, 'SUSPEND', 'suspended', []],
  ...(extendable ? [[s, 'EXTEND', 'extended', EXTENSION] as Row] : []),
];

const LEGAL: Row[] = [
  // 第二十条至第二十二条、第二十九条: the window; a direct suit only where reconsideration need not come first.
  ['eligible', 'APPLY', 'review', APPLY_GUARDS],
  ['eligible', 'LAPSE', 'lapsed', []],
  ['eligible', 'RECORD_SUIT', 'sued', ['directSuitAllowed', 'withinDirectSuitPeriod']],
  ['eligible', 'ASSIGN_OFFICER', null, []],
  // 第三十条、第三十一条: five working days; silence is acceptance; one supplement notice.
  ['review', 'ACCEPT', 'accepted', ['acceptedNotInFuture', 'simpleProcedureFits']],
  ['review', 'DEEMED_ACCEPTED', 'accepted', []],
  ['review', 'NOT_ACCEPT', 'litigationWindow', ['reconsiderationFirstCase']],
  ['review', 'NOT_ACCEPT', 'notAccepted', []],
  ['review', 'REQUEST_SUPPLEMENT', 'supplementRequested', ['supplementOnlyOnce', 'supplementNoticeInTime']],
  ['review', 'WITHDRAW', 'withdrawn', []],
  ['review', 'ASSIGN_OFFICER', null, []],
  ['supplementRequested', 'SUPPLEMENT', 'review', []],
  ['supplementRequested', 'SUPPLEMENT_OVERDUE', 'abandoned', []],
  ['supplementRequested', 'WITHDRAW', 'withdrawn', []],
  ['supplementRequested', 'ASSIGN_OFFICER', null, []],
  // 第四十八条、第五十四条: the copy, then the answer; no answer means no evidence (第七十条).
  ['accepted', 'SERVE_COPY', 'answerPending', []],
  ...handling('accepted'),
  ['answerPending', 'RECORD_ANSWER', 'examination', []],
  ['answerPending', 'ANSWER_OVERDUE', 'examination', []],
  ...handling('answerPending'),
  // 第四十九条至第五十一条、第五条: views, hearing, mediation, decision.
  ['examination', 'RECORD_VIEWS', null, []],
  ['examination', 'NOTICE_HEARING', 'hearingNoticed', ['hearingNoticeInTime']],
  ['examination', 'START_MEDIATION', 'mediation', []],
  ['examination', 'REQUEST_HEARING', 'hearingCase', []],
  ['examination', 'DECIDE', 'decided', DECISION],
  ...handling('examination'),
  ['hearingNoticed', 'NOTICE_HEARING', null, ['hearingNoticeInTime']],
  ['hearingNoticed', 'HOLD_HEARING', 'examination', ['hearingDateReached']],
  ...handling('hearingNoticed'),
  // 第五十条、第五十一条 as a hearing case of its own (route R21e): its conclusion, or its absence, comes back.
  ['hearingCase', 'HEARING_CONCLUDED', 'examination', []],
  ['hearingCase', 'HEARING_ENDED', 'examination', []],
  ['hearingCase', 'ASSIGN_OFFICER', null, []],
  ['hearingCase', 'WITHDRAW', 'withdrawn', []],
  ['hearingCase', 'DECISION_PERIOD_EXPIRED', 'litigationWindow', []],
  // 第七十三条、第七十四条: a signed and sealed 调解书 ends the case; a failed mediation goes back to the examination.
  ['mediation', 'SIGN_MEDIATION_DOC', 'mediationDoc', MEDIATION_DOC],
  ['mediation', 'MEDIATION_FAILED', 'examination', []],
  ...handling('mediation'),
  // 第六十二条: one extension; the case is finished inside it.
  ['extended', 'RECORD_VIEWS', null, []],
  ['extended', 'NOTICE_HEARING', null, ['hearingNoticeInTime']],
  ['extended', 'HOLD_HEARING', null, ['hearingDateReached']],
  ['extended', 'START_MEDIATION', null, []],
  ['extended', 'SIGN_MEDIATION_DOC', 'mediationDoc', MEDIATION_DOC],
  ['extended', 'DECIDE', 'decided', DECISION],
  ...handling('extended', false),
  // 第三十九条、第四十一条: resumption returns where the case was; sixty days on a personal ground terminate it.
  ...['accepted', 'answerPending', 'examination', 'hearingNoticed', 'mediation', 'extended'].map((s): Row => ['suspended', 'RESUME', s, ['resumesWhereSuspended']]),
  ['suspended', 'SUSPENSION_LAPSED', 'terminated', []],
  ['suspended', 'WITHDRAW', 'withdrawn', []],
  ['suspended', 'ASSIGN_OFFICER', null, []],
  ['decided', 'SERVE_DECISION', 'litigationWindow', ['servedAfterDecision']],
  // 行政诉讼法 第四十五条: fifteen days to sue, then the decision is final (or, with no decision, the case closes).
  ['litigationWindow', 'RECORD_SUIT', 'sued', ['withinSuitWindow']],
  ['litigationWindow', 'SUIT_WINDOW_ENDED', 'effective', ['decisionMade']],
  ['litigationWindow', 'SUIT_WINDOW_ENDED', 'closed', []],
  // 第七十六条、第七十七条.
  ['effective', 'ISSUE_OPINION_LETTER', 'compliance', []],
  ['effective', 'RECORD_COMPLIANCE', 'performed', []],
  ['compliance', 'RECORD_COMPLIANCE', 'performed', []],
];
const FINAL = ['lapsed', 'notAccepted', 'abandoned', 'withdrawn', 'mediationDoc', 'terminated', 'sued', 'performed', 'closed'];

const description = describeWorkflow(rx);
const STATES = description.states.map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): RxContext {
  const byState: Record<string, RxContext> = {
    eligible: OPENED,
    review: APPLIED,
    supplementRequested: SUPPLEMENT,
    accepted: ACCEPTED,
    answerPending: SERVED,
    examination: ANSWERED,
    hearingNoticed: NOTICED,
    hearingCase: ANSWERED,
    mediation: MEDIATING,
    extended: EXTENDED,
    suspended: { ...ANSWERED, suspendedIn: 'examination', suspensionGround: 'MEDIATION_BY_CONSENT' },
    decided: DECIDED,
    litigationWindow: IN_WINDOW,
    effective: IN_WINDOW,
    compliance: { ...IN_WINDOW, opinionReceivedOn: '2025-09-10' },
  };
  return byState[state] ?? IN_WINDOW;
}

describe('administrative reconsideration (rx) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('has the states of spec A7, flat, and names exactly the final ones', () => {
      expect(stateConfigurations(rx.machine)).toEqual(STATES);
      expect(STATES).toHaveLength(24);
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(inTable));
    });

    it('receives transfers in admissibility review (签收 by acceptance, 退回 by refusal) and tags the suit window', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['review']);
      expect(tagged('suitWindow')).toEqual(['litigationWindow']);
      for (const q of rx.manifest.queues.filter((x) => x.tag)) expect(tagged(q.tag!).length).toBeGreaterThan(0);
    });

    it('opens S6 (an on-the-spot fine) as a 复议前置 case with its 60-day and 5-year windows, and no direct-suit period', () => {
      const opened = open(rx, { partyIds: PARTIES, openedOn: '2025-07-07', input: S6_ACT });
      expect(opened).toMatchObject({ state: { value: 'eligible' }, effects: [], final: false });
      expect(opened.state.context).toMatchObject({
        reconsiderationFirst: true,
        reconsiderationFirstGround: 'ON_THE_SPOT_PENALTY',
        windowFrom: '2025-07-07',
        barFrom: '2025-07-07',
        capFrom: undefined,
        barFromRealProperty: undefined,
        directSuitFrom: undefined,
      });
    });

    it('runs the one-year cap when the party was not told of the right, the 20-year bar for real property, and the direct-suit period otherwise', () => {
      const c = rx.initialContext({
        partyIds: PARTIES,
        openedOn: '2025-07-07',
        input: { actType: 'EXPROPRIATION_COMPENSATION', actOn: '2025-03-01', knewOn: '2025-03-05', informedOfRight: false, realProperty: true },
      });
      expect(c).toMatchObject({ reconsiderationFirst: false, windowFrom: undefined, capFrom: '2025-03-05', barFrom: undefined, barFromRealProperty: '2025-03-01', directSuitFrom: '2025-03-05' });
      const learned = rx.initialContext({ partyIds: PARTIES, openedOn: '2025-07-07', input: { actType: 'LICENCE', knewOn: '2025-03-05', informedOfRight: false, learnedOfRightOn: '2025-06-01' } });
      expect(learned).toMatchObject({ windowFrom: '2025-06-01', capFrom: '2025-03-05' });
    });
  });

  describe('the manifest', () => {
    it('declares the reconsideration channel with the role and organisation type it introduces', () => {
      expect(rx.manifest).toMatchObject({
        caseNumberKind: '行复',
        assigneeField: 'officerId',
        roles: { RECONSIDERATION_OFFICER: '复议工作人员' },
        caseHandlingRoles: ['RECONSIDERATION_OFFICER'],
        orgTypes: { RECONSIDERATION_ORGAN: '行政复议机构' },
        handlingOrgTypes: ['RECONSIDERATION_ORGAN'],
        relationLabel: '行政复议',
      });
      expect(rx.openRoles).toEqual(['RECONSIDERATION_OFFICER', 'INTAKE_CLERK']);
    });

    it('uses only engine effects, and lists every outcome it reports', () => {
      expect(wiringProblems([rx], [])).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(rx, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      outcomes.add('ABANDONED').add('TERMINATED').add('SUED').add('NOT_ACCEPTED');
      expect(sorted(Object.keys(rx.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
    });

    it('sends no administrative suit to the civil court: only its hearing leaves rx (民事诉讼法 R7(e); 行政诉讼法)', () => {
      expect(ROUTES.filter((r) => r.from.workflow === 'rx').map((r) => [r.id, r.to.workflow])).toEqual([['R21e', 'hr']]);
      expect(ROUTES.filter((r) => r.to.workflow === 'ct' && r.from.workflow === 'rx')).toEqual([]);
    });

    it('can receive a route: the act as opening input, APPLY as start event into the inbox, 签收 by acceptance and 退回 by refusal', () => {
      const input = Object.fromEntries(Object.keys(rx.openingSchema!.properties!).filter((k) => k in S6_ACT).map((k) => [k, S6_ACT[k as keyof typeof S6_ACT]]));
      const opened = open(rx, { partyIds: PARTIES, openedOn: '2025-07-21', input, origin: { route: 'R13', workflow: 'land' } });
      const started = decide(rx, opened.state, event('APPLY', { ...APPLICATION, channel: 'ORGAN_WRITTEN' }));
      expect(started).toMatchObject({ allowed: true, to: 'review' });
      expect(description.states.find((st) => st.id === 'review')!.tags).toContain('inbox');
      if (!started.allowed) return;
      const review = { value: started.to, context: started.context };
      expect(decide(rx, review, event('ACCEPT'))).toMatchObject({ allowed: true, effects: [ACCEPT_TRANSFER, reported('ACCEPTED')] });
      expect(decide(rx, review, event('NOT_ACCEPT'))).toMatchObject({ allowed: true, effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')] });
    });

    it('declares every reconsideration period of table (b), working days where 第八十八条 says so', () => {
      const declared = new Map<string, DeadlineSpec>();
      for (const s of description.states) for (const d of s.deadlines) declared.set(d.id, d);
      expect(sorted(declared.keys())).toEqual(
        sorted(['D-RX1', 'D-RX2', 'D-RX3', 'D-RX3-RP', 'D-RX4', 'D-RX5', 'D-RX6', 'D-RX7', 'D-RX7-S', 'D-RX8', 'D-RX8-S', 'D-RX10', 'D-RX10X', 'D-RX11', 'D-RX12', 'D-RX13', 'D-RX14', 'D-RX15']),
      );
      const working = [...declared.values()].filter((d) => d.dayType === 'working').map((d) => [d.id, d.period.amount]);
      expect(working).toEqual([['D-RX4', 5], ['D-RX5', 5], ['D-RX6', 10], ['D-RX7', 7], ['D-RX7-S', 3], ['D-RX8', 10], ['D-RX8-S', 5]]);
      expect(declared.get('D-RX4')).toMatchObject({ onExpiry: 'DEEMED_ACCEPTED' });
      expect(declared.get('D-RX6')).toMatchObject({ onExpiry: 'SUPPLEMENT_OVERDUE' });
      expect(declared.get('D-RX14')).toMatchObject({ period: { amount: 60, unit: 'day' }, onExpiry: 'SUSPENSION_LAPSED' });
      for (const d of declared.values()) if (d.onExpiry) expect({ id: d.id, system: rx.events[d.onExpiry]?.roles }).toEqual({ id: d.id, system: ['SYSTEM'] });
    });
  });

  describe('legal transitions', () => {
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const ORDINARY_FACTS = { procedure: 'ORDINARY' as const, ordinaryFrom: '2025-07-25', simpleFrom: undefined };
    type Case = { from: string; context: RxContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; after?: Partial<RxContext> };
    const sameAsTable = (from: string, type: string): Case[] =>
      LEGAL.filter(([f, t]) => f === from && t === type).map(([, , to]) => ({ from, context: type === 'EXTEND' ? { ...contextFor(from), ...ORDINARY_FACTS } : contextFor(from), type, to: to ?? from }));
    const rows: Case[] = [
      { from: 'eligible', context: OPENED, type: 'APPLY', to: 'review', after: { appliedOn: '2025-07-21', receivedOn: '2025-07-21', forwardedBy: { agency: '青溪区城市管理局', receivedOn: '2025-07-21', forwardedOn: undefined } } },
      { from: 'eligible', context: OPENED, type: 'LAPSE', to: 'lapsed' },
      { from: 'eligible', context: { ...OPENED, reconsiderationFirst: false, directSuitFrom: '2025-07-07' }, type: 'RECORD_SUIT', to: 'sued', effects: [reported('SUED')], after: { suedOn: '2025-09-01' } },
      { from: 'eligible', context: OPENED, type: 'ASSIGN_OFFICER', to: 'eligible', after: { officerId: 'rx-1' } },
      { from: 'review', context: APPLIED, type: 'ACCEPT', to: 'accepted', effects: [ACCEPT_TRANSFER, reported('ACCEPTED')], after: { procedure: 'SIMPLE', simpleFrom: '2025-07-25', ordinaryFrom: undefined } },
      // 第三十条第二款: acceptance is deemed on the last day of review, in the ordinary procedure.
      { from: 'review', context: APPLIED, type: 'DEEMED_ACCEPTED', over: SYSTEM, to: 'accepted', effects: [ACCEPT_TRANSFER, reported('ACCEPTED')], after: { acceptedOn: '2025-07-28', deemedAccepted: true, procedure: 'ORDINARY', ordinaryFrom: '2025-07-28' } },
      { from: 'review', context: APPLIED, type: 'NOT_ACCEPT', to: 'litigationWindow', effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')], after: { suitWindowFrom: '2025-07-26', suitBasis: 'NOT_ACCEPTED' } },
      { from: 'review', context: { ...APPLIED, reconsiderationFirst: false }, type: 'NOT_ACCEPT', to: 'notAccepted', effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')] },
      { from: 'review', context: APPLIED, type: 'REQUEST_SUPPLEMENT', to: 'supplementRequested', after: { supplementRequestedOn: '2025-07-23', supplementNoticeReceivedOn: '2025-07-23', supplementNoticeFrom: undefined } },
      { from: 'supplementRequested', context: SUPPLEMENT, type: 'SUPPLEMENT', to: 'review', after: { receivedOn: '2025-07-30', supplementNoticeReceivedOn: undefined } },
      { from: 'supplementRequested', context: SUPPLEMENT, type: 'SUPPLEMENT_OVERDUE', over: SYSTEM, to: 'abandoned', effects: [reported('ABANDONED')] },
      { from: 'accepted', context: ACCEPTED, type: 'SERVE_COPY', to: 'answerPending', after: { answerFromSimple: '2025-07-28', answerFrom: undefined } },
      { from: 'accepted', context: ORDINARY, type: 'SERVE_COPY', to: 'answerPending', after: { answerFrom: '2025-07-28', answerFromSimple: undefined } },
      { from: 'answerPending', context: SERVED, type: 'RECORD_ANSWER', to: 'examination', after: { answeredOn: '2025-08-01', answerMissing: false } },
      { from: 'answerPending', context: SERVED, type: 'ANSWER_OVERDUE', over: SYSTEM, to: 'examination', after: { answerMissing: true } },
      { from: 'examination', context: ANSWERED, type: 'REQUEST_HEARING', to: 'hearingCase' },
      { from: 'hearingCase', context: { ...ANSWERED, major: true }, type: 'HEARING_CONCLUDED', to: 'examination', after: { hearingHeldOn: '2025-08-12' } },
      { from: 'hearingCase', context: { ...ANSWERED, major: true }, type: 'HEARING_ENDED', to: 'examination', after: { hearingHeldOn: undefined } },
      { from: 'examination', context: ANSWERED, type: 'DECIDE', to: 'decided', effects: [reported('DECIDED')], after: { decisionType: 'UPHOLD', decidedOn: '2025-08-20' } },
      { from: 'examination', context: ANSWERED, type: 'DECISION_PERIOD_EXPIRED', over: SYSTEM, to: 'litigationWindow', after: { suitWindowFrom: '2025-08-25', suitBasis: 'NO_DECISION_IN_TIME' } },
      { from: 'examination', context: ANSWERED, type: 'SUSPEND', to: 'suspended', effects: [pause(...NORMAL)], after: { suspendedIn: 'examination', terminationClockFrom: undefined } },
      { from: 'examination', context: ANSWERED, type: 'SUSPEND', data: { ground: 'APPLICANT_DIED', suspendedOn: '2025-08-06' }, to: 'suspended', effects: [pause(...NORMAL)], after: { terminationClockFrom: '2025-08-06' } },
      { from: 'extended', context: EXTENDED, type: 'SUSPEND', to: 'suspended', effects: [pause('D-RX10X')], after: { suspendedIn: 'extended' } },
      { from: 'examination', context: { ...ORDINARY, viewsHeardOn: '2025-08-05' }, type: 'EXTEND', to: 'extended', after: { extensionDays: 30, extendedDueOn: '2025-10-23' } },
      { from: 'mediation', context: MEDIATING, type: 'SIGN_MEDIATION_DOC', to: 'mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')], after: { mediationDocNo: '青府复调〔2025〕3号' } },
      { from: 'mediation', context: MEDIATING, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')], after: { withdrawal: { withdrawnOn: '2025-08-13', afterSettlement: true, facts: '城管当场罚款200元', reasons: '处罚过重' } } },
      ...['accepted', 'answerPending', 'examination', 'hearingNoticed', 'mediation'].map(
        (s): Case => ({ from: 'suspended', context: { ...ANSWERED, suspendedIn: s }, type: 'RESUME', to: s, effects: [resume(...NORMAL)], after: { suspendedIn: undefined } }),
      ),
      { from: 'suspended', context: { ...EXTENDED, suspendedIn: 'extended' }, type: 'RESUME', to: 'extended', effects: [resume('D-RX10X')] },
      { from: 'suspended', context: contextFor('suspended'), type: 'SUSPENSION_LAPSED', over: SYSTEM, to: 'terminated', effects: [reported('TERMINATED')] },
      { from: 'decided', context: DECIDED, type: 'SERVE_DECISION', to: 'litigationWindow', after: { suitWindowFrom: '2025-08-21', suitBasis: 'DECISION' } },
      { from: 'litigationWindow', context: IN_WINDOW, type: 'RECORD_SUIT', to: 'sued', effects: [reported('SUED')] },
      { from: 'litigationWindow', context: IN_WINDOW, type: 'SUIT_WINDOW_ENDED', over: SYSTEM, to: 'effective', effects: [reported('DECISION_FINAL')] },
      { from: 'litigationWindow', context: { ...ANSWERED, suitWindowFrom: '2025-08-25', suitBasis: 'NO_DECISION_IN_TIME' }, type: 'SUIT_WINDOW_ENDED', over: SYSTEM, to: 'closed' },
      { from: 'effective', context: IN_WINDOW, type: 'ISSUE_OPINION_LETTER', to: 'compliance', after: { opinionReceivedOn: '2025-09-10' } },
    ];
    const explicit = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
    const all = [...rows, ...LEGAL.flatMap(([from, type]) => sameAsTable(from, type)).filter((r) => !explicit.has(`${r.from}|${r.type}|${r.to}`))];
    const withEffects = ['SUSPEND', 'RESUME'];

    it('covers every row of the legal table', () => {
      expect(uncoveredRows(all, LEGAL)).toEqual([]);
    });

    it.each(all)('$from --$type--> $to', ({ from, context, type, data, over, to, effects, after = {} }) => {
      const before = structuredClone(context);
      const d = decide(rx, { value: from, context }, event(type, data, over));
      const cleared = Object.keys(after).filter((k) => after[k as keyof RxContext] === undefined);
      const set = Object.fromEntries(Object.entries(after).filter(([k]) => !cleared.includes(k)));
      if (d.allowed) expect(cleared.filter((k) => d.context[k] !== undefined)).toEqual([]);
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...set, partyIds: PARTIES }),
        effects: effects ? expect.arrayContaining(effects) : expect.any(Array),
        final: FINAL.includes(to),
      });
      if (d.allowed && effects) expect(d.effects).toHaveLength(effects.length);
      if (d.allowed && !effects && !withEffects.includes(type)) expect(d.effects.filter((e) => e.type !== 'report')).toEqual([]);
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: RxContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const LAW = '行政复议法';
    const rows: Case[] = [
      { name: 'the application comes after the 60 days (D-RX1 ended 2025-09-05)', from: 'eligible', context: OPENED, type: 'APPLY', data: { ...APPLICATION, appliedOn: '2025-09-08' }, over: { today: '2025-09-08' }, violations: [['withinApplicationPeriod', `${LAW} 第二十条、第二十一条`]] },
      { name: 'the window has been marked missed (no pending D-RX1)', from: 'eligible', context: OPENED, type: 'APPLY', over: { deadlines: { 'D-RX3': '2030-07-08' } }, violations: [['withinApplicationPeriod', `${LAW} 第二十条、第二十一条`]] },
      { name: 'nobody knows when the applicant learned of the act', from: 'eligible', context: { ...OPENED, knewOn: undefined }, type: 'APPLY', violations: [['withinApplicationPeriod', `${LAW} 第二十条、第二十一条`]] },
      // R16: 行政调解 of a civil dispute → civil litigation, never 复议.
      { name: 'the act is an agency’s mediation of a civil dispute (R16)', from: 'eligible', context: { ...OPENED, actType: 'CIVIL_DISPUTE_MEDIATION', reconsiderationFirst: false }, type: 'APPLY', violations: [['reviewableAct', `${LAW} 第十二条第四项`]] },
      { name: 'a court has accepted a suit over the act (no parallel tracks)', from: 'eligible', context: OPENED, type: 'APPLY', data: { ...APPLICATION, courtSuitAccepted: true }, violations: [['noSuitAccepted', `${LAW} 第二十九条`]] },
      { name: 'the applicant withdrew an application on the same facts and reasons (R17)', from: 'eligible', context: OPENED, type: 'APPLY', data: { ...APPLICATION, earlierApplication: { caseNo: '（2025）青府行复第3号', sameFactsAndReasons: true } }, violations: [['notRefiledAfterWithdrawal', `${LAW} 第七十四条`]] },
      { name: 'filed through the penalising agency without naming it', from: 'eligible', context: OPENED, type: 'APPLY', data: { ...APPLICATION, forwardingAgency: undefined }, violations: [['agencyForwardingRecorded', `${LAW} 第三十二条`]] },
      { name: 'a direct suit in a 复议前置 case (S6b), whose context has no six-month period', from: 'eligible', context: OPENED, type: 'RECORD_SUIT', over: { deadlines: {} }, violations: [['directSuitAllowed', `${LAW} 第二十三条；行政诉讼法 第四十四条`]] },
      { name: 'a direct suit after six months', from: 'eligible', context: { ...OPENED, reconsiderationFirst: false }, type: 'RECORD_SUIT', over: { deadlines: {} }, violations: [['withinDirectSuitPeriod', '行政诉讼法 第四十六条']] },
      { name: 'accepted with a date in the future', from: 'review', context: APPLIED, type: 'ACCEPT', data: { acceptedOn: '2025-07-26', procedure: 'SIMPLE' }, violations: [['acceptedNotInFuture', undefined]] },
      { name: 'the simple procedure for a 5,000-yuan fine without consent', from: 'review', context: { ...APPLIED, onTheSpot: false, amount: 5000 }, type: 'ACCEPT', violations: [['simpleProcedureFits', `${LAW} 第五十三条`]] },
      { name: 'a second supplement notice', from: 'review', context: { ...APPLIED, supplementRequestedOn: '2025-07-23' }, type: 'REQUEST_SUPPLEMENT', violations: [['supplementOnlyOnce', `${LAW} 第三十一条`]] },
      { name: 'a supplement notice after five working days', from: 'review', context: APPLIED, type: 'REQUEST_SUPPLEMENT', over: { today: '2025-07-29' }, violations: [['supplementNoticeInTime', `${LAW} 第三十一条`]] },
      { name: 'a hearing notified four working days ahead', from: 'examination', context: ANSWERED, type: 'NOTICE_HEARING', over: { today: '2025-08-06' }, violations: [['hearingNoticeInTime', `${LAW} 第五十一条`]] },
      { name: 'a hearing before the notified day', from: 'hearingNoticed', context: NOTICED, type: 'HOLD_HEARING', over: { today: '2025-08-11' }, violations: [['hearingDateReached', `${LAW} 第五十一条`]] },
      { name: 'a major case decided without a hearing', from: 'examination', context: { ...ANSWERED, major: true }, type: 'DECIDE', violations: [['hearingHeldIfMajor', `${LAW} 第五十条`]] },
      { name: 'an ordinary case decided without hearing the parties', from: 'examination', context: { ...ORDINARY, answeredOn: '2025-08-01' }, type: 'DECIDE', violations: [['viewsHeardInOrdinary', `${LAW} 第四十九条`]] },
      { name: 'the act upheld although the respondent gave no answer', from: 'examination', context: { ...ANSWERED, answerMissing: true }, type: 'DECIDE', violations: [['evidenceBacksDecision', `${LAW} 第七十条`]] },
      { name: 'a decision dated tomorrow', from: 'examination', context: ANSWERED, type: 'DECIDE', data: { ...VALID.DECIDE.data, decidedOn: '2025-08-21' }, violations: [['decidedNotInFuture', undefined]] },
      { name: 'the mediation document signed by one party only and not sealed', from: 'mediation', context: MEDIATING, type: 'SIGN_MEDIATION_DOC', data: { docNo: '青府复调〔2025〕3号', signedPartyIds: ['p1'], organSealed: false }, violations: [['everyPartySignedMediationDoc', `${LAW} 第七十三条`], ['organSealedMediationDoc', `${LAW} 第七十三条`]] },
      { name: 'a mediation document without a mediation', from: 'extended', context: { ...EXTENDED, mediationStartedOn: undefined }, type: 'SIGN_MEDIATION_DOC', violations: [['mediationHeld', `${LAW} 第七十三条`]] },
      { name: 'the simple procedure’s period extended', from: 'examination', context: ANSWERED, type: 'EXTEND', over: { today: '2025-08-20' }, data: { ...VALID.EXTEND.data, notifiedOn: '2025-08-20' }, violations: [['ordinaryProcedure', `${LAW} 第五十五条、第六十二条`]] },
      { name: 'an extension of 31 days, after the 60 days, without approval', from: 'examination', context: { ...ORDINARY, viewsHeardOn: '2025-08-05' }, type: 'EXTEND', data: { days: 31, approvedBy: ' ', notifiedOn: '2025-09-24' }, over: { today: '2025-09-24' }, violations: [['extensionAtMost30Days', `${LAW} 第六十二条`], ['extensionBeforePeriodEnds', `${LAW} 第六十二条`], ['extensionApprovedByHead', `${LAW} 第六十二条`]] },
      { name: 'the decision served before it was made', from: 'decided', context: DECIDED, type: 'SERVE_DECISION', data: { servedOn: '2025-08-19' }, violations: [['servedAfterDecision', `${LAW} 第七十五条`]] },
      { name: 'a suit after the fifteen days (S6b: after 2025-09-05)', from: 'litigationWindow', context: IN_WINDOW, type: 'RECORD_SUIT', over: { today: '2025-09-06' }, violations: [['withinSuitWindow', `行政诉讼法 第四十五条；${LAW} 第三十四条`]] },
      { name: 'resumption without a recorded stage', from: 'suspended', context: { ...ANSWERED, suspendedIn: undefined }, type: 'RESUME', violations: [['resumesWhereSuspended', `${LAW} 第三十九条`]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(rx, from, context, event(type, data, over), violations, legalEventsIn(from));
    });

    it('takes the refiled application when the earlier withdrawal was against the applicant’s will, or on other facts (第七十四条)', () => {
      for (const earlierApplication of [
        { caseNo: '（2025）青府行复第3号', sameFactsAndReasons: true, withdrawalInvoluntary: true },
        { caseNo: '（2025）青府行复第3号', sameFactsAndReasons: false },
      ]) {
        expect(decide(rx, { value: 'eligible', context: OPENED }, event('APPLY', { ...APPLICATION, earlierApplication }))).toMatchObject({ allowed: true, to: 'review' });
      }
    });

    it('takes the simple procedure by consent for an act outside 第五十三条’s list', () => {
      const d = decide(rx, { value: 'review', context: { ...APPLIED, onTheSpot: false, amount: 5000 } }, event('ACCEPT', { acceptedOn: '2025-07-25', procedure: 'SIMPLE', partiesConsentToSimple: true }));
      expect(d).toMatchObject({ allowed: true, to: 'accepted', context: { procedure: 'SIMPLE' } });
    });
  });

  describeNegativeMatrix({ def: rx, legal: LEGAL, finalStates: FINAL, stateCount: 24, eventTypeCount: 33, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(rx.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(rx, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('compiles the opening schema and accepts S6’s act', () => {
      expect(formAjv.compile(rx.openingSchema!)(S6_ACT)).toBe(true);
      expect(formAjv.compile(rx.openingSchema!)({ actType: 'PENALTY' })).toBe(false);
    });
  });

  // ---------- scenario S6 replayed through decide() with the dates of spec appendix (d) ----------

  const spec = (state: string, id: string) => deadlinesOf(rx, state).find((d) => d.id === id)!;
  /** Due dates without holidays: July and August 2025 have none, and no calendar-day period below ends on a rest day except where noted. */
  function dueOn(d: DeadlineSpec, context: Record<string, any>): string {
    let day: string = context[d.anchor!.contextDate];
    if (d.dayType === 'calendar') {
      day = addDays(day, d.period.amount);
      while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay())) day = addDays(day, 1);
      return day;
    }
    for (let n = 0; n < d.period.amount; ) if (![0, 6].includes(new Date(`${(day = addDays(day, 1))}T00:00:00Z`).getUTCDay())) n++;
    return day;
  }
  function play(start: PersistedState, steps: [string, Record<string, unknown> | undefined, string, Partial<WorkflowEvent>?][]): { state: PersistedState; effects: Effect[] } {
    let state = start;
    const effects: Effect[] = [];
    for (const [type, data, today, over] of steps) {
      const d = decide(rx, state, event(type, data, { today, at: `${today}T02:00:00.000Z`, ...over }));
      if (!d.allowed) throw new Error(`${type} refused in ${state.value}: ${JSON.stringify(d)}`);
      effects.push(...d.effects);
      state = { value: d.to, context: d.context };
    }
    return { state, effects };
  }
  const opened = () => open(rx, { partyIds: PARTIES, openedOn: '2025-07-07', input: S6_ACT }).state;
  const toExamination: [string, Record<string, unknown> | undefined, string][] = [
    ['APPLY', undefined, '2025-07-21'],
    ['ACCEPT', undefined, '2025-07-25'],
    ['SERVE_COPY', undefined, '2025-07-28'],
    ['RECORD_ANSWER', undefined, '2025-08-01'],
  ];

  describe('scenario S6 (an on-the-spot fine resolved by a reconsideration mediation document)', () => {
    it('times every period on the dates of the scenario', () => {
      const s = opened();
      expect(dueOn(spec('eligible', 'D-RX1'), s.context)).toBe('2025-09-05');
      let { state } = play(s, toExamination.slice(0, 1));
      expect(state.value).toBe('review');
      expect(dueOn(spec('review', 'D-RX4'), state.context)).toBe('2025-07-28');
      ({ state } = play(state, toExamination.slice(1, 2)));
      expect(state.value).toBe('accepted');
      expect(dueOn(spec('accepted', 'D-RX7-S'), state.context)).toBe('2025-07-30');
      // The 30th day, 2025-08-24, is a Sunday: the period ends on Monday.
      expect(dueOn(spec('accepted', 'D-RX11'), state.context)).toBe('2025-08-25');
      expect(state.context.ordinaryFrom).toBeUndefined();
      ({ state } = play(state, toExamination.slice(2, 3)));
      expect(dueOn(spec('answerPending', 'D-RX8-S'), state.context)).toBe('2025-08-04');
    });

    it('ends with the 调解书 signed and sealed on 2025-08-14', () => {
      const { state } = play(opened(), [...toExamination, ['START_MEDIATION', undefined, '2025-08-12'], ['SIGN_MEDIATION_DOC', undefined, '2025-08-14']]);
      expect(state.value).toBe('mediationDoc');
    });

    it('S6b: upheld 2025-08-20, served 08-21, fifteen days to sue until 2025-09-05, then final', () => {
      const { state } = play(opened(), [...toExamination, ['DECIDE', undefined, '2025-08-20'], ['SERVE_DECISION', undefined, '2025-08-21']]);
      expect(state.value).toBe('litigationWindow');
      expect(dueOn(spec('litigationWindow', 'D-RX12'), state.context)).toBe('2025-09-05');
      expect(play(state, [['RECORD_SUIT', undefined, '2025-09-05']]).state.value).toBe('sued');
      expect(decide(rx, state, event('RECORD_SUIT', undefined, { today: '2025-09-06', deadlines: {} }))).toMatchObject({ allowed: false, reason: 'PRECONDITION' });
      expect(play(state, [['SUIT_WINDOW_ENDED', undefined, '2025-09-06']]).state.value).toBe('effective');
    });

    it('S6c: the penalty notice is missing; the notice of 07-23 gives ten working days to 2025-08-06, then the application is abandoned', () => {
      const { state } = play(opened(), [['APPLY', undefined, '2025-07-21'], ['REQUEST_SUPPLEMENT', undefined, '2025-07-23']]);
      expect(state.value).toBe('supplementRequested');
      expect(dueOn(spec('supplementRequested', 'D-RX6'), state.context)).toBe('2025-08-06');
      expect(play(state, [['SUPPLEMENT_OVERDUE', undefined, '2025-08-07']])).toEqual({ state: expect.objectContaining({ value: 'abandoned' }), effects: [reported('ABANDONED')] });
    });

    it('pauses the decision period while suspended for mediation and resumes it where the case was', () => {
      const { state } = play(opened(), toExamination);
      const suspended = play(state, [['SUSPEND', undefined, '2025-08-06']]);
      expect(suspended.effects).toEqual([pause(...NORMAL)]);
      expect(suspended.state.context.terminationClockFrom).toBeUndefined();
      const resumed = play(suspended.state, [['RESUME', undefined, '2025-08-11']]);
      expect(resumed).toEqual({ state: expect.objectContaining({ value: 'examination' }), effects: [resume(...NORMAL)] });
    });
  });
});
