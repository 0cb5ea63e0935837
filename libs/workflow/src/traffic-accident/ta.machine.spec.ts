import { decide, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { ALL_WORKFLOWS } from '../channels';
import { ORG_TYPE_LABELS, ROLE_ORG_TYPES } from '../catalogue';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import { legalRows, machineRows, uncoveredRows, withPlainCases, type LegalRow } from '../testing/legal-table';
import { calculateCompensation } from './ta.calculator';
import type { TaContext } from './ta.context';
import { trafficAccident as ta } from './ta.workflow';
import { ATTENDEES, CALCULATION, TODAY, VALID } from './ta.samples';

// ---------- fixtures: R (p1) injured by C (p2), insured by I (p3) ----------

const PARTIES = ['p1', 'p2', 'p3'];
const OPENED: TaContext = ta.initialContext({ partyIds: PARTIES, openedOn: '2025-03-03', input: { accidentOn: '2025-03-03', harm: 'INJURY', insurerPartyIds: ['p3', 'p9'] } });
/** Far enough along that every guard of every state can pass with the sample data. */
const ALONG: TaContext = {
  ...OPENED,
  procedure: 'SIMPLE',
  determinationServedOn: '2025-03-03',
  policeMediationWindowFrom: '2025-03-03',
  lossesFixed: [{ kind: 'TREATMENT_ENDED', on: '2025-03-20' }],
  policeMediationStartedOn: '2025-03-20',
  sessionNoticeOn: '2025-03-20',
  agreement: { source: 'POLICE', on: '2025-03-25' },
  agreedOn: '2025-03-25',
  agreementEffectiveOn: '2025-03-25',
  enforceableTitle: { kind: 'CONFIRMATION', ref: '（2025）青溪0101民特1号', on: '2025-03-25' },
  claimedOn: '2025-03-25',
  claim: { insurerPartyId: 'p3', amount: 78_000, partyShares: [] },
  insurerPaidOn: '2025-03-25',
};
const DEADLINES = { 'D-TA4': '2025-03-06', 'D-TA7': '2025-03-26', 'D-TA8': '2025-03-25', 'D-TA9': '2025-04-03', 'D-TA12': '2025-03-28', 'D-JC1': '2025-04-24' };

function event(type: string, data?: Record<string, unknown>, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? TODAY;
  return { type, data: data ?? VALID[type] ?? {}, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: ta.events[type]?.roles[0] ?? 'TRAFFIC_OFFICER' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });

// ---------- the legal table, written by hand from 道路交通事故处理程序规定 and spec appendix A10 ----------

const OPEN = [
  'reported', 'selfNegotiation', 'onSpotMediation', 'investigation', 'testing', 'determinationMade', 'reviewWindow', 'underReview', 'reinvestigation',
  'lossFixing', 'appraisal', 'calculation', 'peopleMediation', 'peopleMediationFailed', 'policeMediationApplied', 'policeMediating', 'sessionNoticed',
  'sessionHeld', 'policeMediationFailed', 'litigation', 'agreement', 'claim', 'claimOverdue', 'paid',
];
const FINAL = ['closed', 'quickSettled'];
const POLICE_APPLICATION = ['jointApplication', 'withinPoliceMediationWindow', 'appliedNotInFuture'];
const SUIT = (s: string): LegalRow => [s, 'FILE_SUIT', 'litigation', ['filedNotInFuture']];
// 第八十四条、第八十六条: before a route is chosen, the three routes are open and the ten working days run.
const BEFORE_ROUTE = (s: string): LegalRow[] => [
  [s, 'APPLY_POLICE_MEDIATION', 'policeMediationApplied', POLICE_APPLICATION],
  [s, 'APPLY_PEOPLES_MEDIATION', 'peopleMediation', ['appliedNotInFuture']],
  SUIT(s),
  [s, 'POLICE_MEDIATION_WINDOW_ENDED', null, []],
];
// 第九十条、第九十四条: police mediation ends with a 终结书, a suit, or its ten working days.
const POLICE_END = (s: string): LegalRow[] => [
  [s, 'END_POLICE_MEDIATION', 'policeMediationFailed', ['endedNotInFuture']],
  SUIT(s),
  [s, 'POLICE_MEDIATION_PERIOD_ENDED', 'policeMediationFailed', []],
];
const AFTER_AGREEMENT = (s: string): LegalRow[] => [
  [s, 'APPLY_JUDICIAL_CONFIRMATION', null, ['ownAgreement', 'everyPartyApplied', 'withinConfirmationWindow']],
  [s, 'JC_CONFIRMED', null, []],
  [s, 'JC_NOT_CONFIRMED', null, []],
  [s, 'RECORD_CONFIRMATION', null, ['ruledNotInFuture']],
  [s, 'RECORD_PARTY_PAYMENT', null, ['paidNotInFuture']],
];
const PAID: LegalRow = ['', 'INSURER_PAID', 'paid', ['paidNotInFuture']];

const LEGAL: LegalRow[] = [
  ...OPEN.map((s): LegalRow => [s, 'ASSIGN_OFFICER', null, []]),
  ['reported', 'CHOOSE_SELF_NEGOTIATION', 'selfNegotiation', ['propertyOnly', 'everyPartyAgreedToNegotiate']],
  ['reported', 'MEDIATE_ON_SPOT', 'onSpotMediation', ['notFatal', 'everyPartyRequestedOnSpot', 'sceneNotInFuture']],
  ['reported', 'START_INVESTIGATION', 'investigation', ['sceneNotInFuture']],
  ['selfNegotiation', 'RECORD_SELF_SETTLEMENT', 'quickSettled', ['settledNotInFuture']],
  ['selfNegotiation', 'NEGOTIATION_FAILED', 'investigation', ['sceneNotInFuture']],
  ['onSpotMediation', 'SIGN_ON_SPOT_AGREEMENT', 'agreement', ['everyPartySigned', 'signedNotInFuture']],
  ['onSpotMediation', 'ON_SPOT_REFUSED', 'investigation', []],
  ['investigation', 'ISSUE_DETERMINATION', 'determinationMade', ['madeNotInFuture']],
  ['investigation', 'ORDER_TEST', 'testing', []],
  ['testing', 'RECORD_TEST_RESULT', 'investigation', ['resultNotInFuture']],
  ['determinationMade', 'SERVE_DETERMINATION', 'reviewWindow', ['everyPartyServed', 'rightsNoticeComplete', 'servedNotInFuture']],
  ['reviewWindow', 'APPLY_REVIEW', 'underReview', ['withinReviewWindow', 'reviewNotUsed', 'acceptedNotInFuture']],
  ['reviewWindow', 'REVIEW_WINDOW_ENDED', 'lossFixing', []],
  ['underReview', 'REVIEW_UPHELD', 'lossFixing', ['receivedNotInFuture']],
  ['underReview', 'REINVESTIGATION_ORDERED', 'reinvestigation', ['orderedNotInFuture']],
  ['reinvestigation', 'ISSUE_DETERMINATION', 'determinationMade', ['madeNotInFuture']],
  ...BEFORE_ROUTE('lossFixing'),
  ['lossFixing', 'RECORD_LOSS_FIXED', null, ['fixedNotInFuture']],
  ['lossFixing', 'ORDER_APPRAISAL', 'appraisal', []],
  ['lossFixing', 'CALCULATE_COMPENSATION', 'calculation', ['lossesFixed']],
  ...BEFORE_ROUTE('appraisal'),
  ['appraisal', 'RECORD_APPRAISAL', 'lossFixing', ['resultNotInFuture']],
  ...BEFORE_ROUTE('calculation'),
  ['calculation', 'CALCULATE_COMPENSATION', null, ['lossesFixed']],
  ['peopleMediation', 'PM_AGREED', 'agreement', []],
  ['peopleMediation', 'PM_ENDED', 'peopleMediationFailed', []],
  ['peopleMediation', 'PM_RETURNED', 'calculation', []],
  // 第八十五条: three working days to ask jointly for police mediation, or sue.
  ['peopleMediationFailed', 'APPLY_POLICE_MEDIATION', 'policeMediationApplied', POLICE_APPLICATION],
  SUIT('peopleMediationFailed'),
  ['peopleMediationFailed', 'CLOSE_UNRESOLVED', 'closed', []],
  ['policeMediationApplied', 'RECORD_LOSS_FIXED', null, ['fixedNotInFuture']],
  ['policeMediationApplied', 'START_POLICE_MEDIATION', 'policeMediating', ['lossesFixed', 'startedNotInFuture']],
  ['policeMediationApplied', 'END_POLICE_MEDIATION', 'policeMediationFailed', ['endedNotInFuture']],
  SUIT('policeMediationApplied'),
  ['policeMediating', 'NOTIFY_SESSION', 'sessionNoticed', ['atMostThreePerSide', 'noticeNotInFuture']],
  ...POLICE_END('policeMediating'),
  ['sessionNoticed', 'HOLD_SESSION', 'sessionHeld', ['noticePeriodElapsed', 'heldNotInFuture']],
  ...POLICE_END('sessionNoticed'),
  ['sessionHeld', 'SIGN_MEDIATION_DOCUMENT', 'agreement', ['withinPoliceMediationPeriod', 'everyPartySigned', 'signedNotInFuture']],
  ...POLICE_END('sessionHeld'),
  SUIT('policeMediationFailed'),
  ['policeMediationFailed', 'APPLY_PEOPLES_MEDIATION', 'peopleMediation', ['appliedNotInFuture']],
  ['policeMediationFailed', 'CLOSE_UNRESOLVED', 'closed', []],
  ['litigation', 'COURT_SETTLED', 'agreement', []],
  ['litigation', 'COURT_JUDGMENT_FINAL', 'agreement', []],
  ['litigation', 'COURT_ENDED', 'calculation', []],
  ...AFTER_AGREEMENT('agreement'),
  ['agreement', 'APPLY_CLAIM', 'claim', ['insurerIsParty', 'claimedNotInFuture']],
  ['agreement', ...(PAID.slice(1) as [string, string, string[]])],
  ['agreement', 'CLAIM_OVERDUE', 'claimOverdue', []],
  ...AFTER_AGREEMENT('claim'),
  ['claim', ...(PAID.slice(1) as [string, string, string[]])],
  ['claim', 'CLAIM_OVERDUE', 'claimOverdue', []],
  ...AFTER_AGREEMENT('claimOverdue'),
  ['claimOverdue', 'REQUEST_JUDICIAL_SUGGESTION', null, ['requestedNotInFuture']],
  ['claimOverdue', 'ADVISE_ENFORCEMENT', null, ['hasEnforceableTitle']],
  ['claimOverdue', ...(PAID.slice(1) as [string, string, string[]])],
  ...AFTER_AGREEMENT('paid'),
  ['paid', 'CLOSE', 'closed', ['allSharesPaid', 'noConfirmationPending']],
];

const contextFor = (_state: string) => ALONG;
const description = describeWorkflow(ta);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

describe('road-traffic accident (ta) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('has the states of spec A10 and ends closed or settled by the parties', () => {
      expect(sorted(description.states.map((s) => s.id))).toEqual(sorted([...OPEN, ...FINAL]));
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(FINAL);
    });
  });

  describe('the channel', () => {
    it('is registered, wired into the route table, and owns the traffic police brigade and the officer role', () => {
      expect(ALL_WORKFLOWS).toContain(ta);
      expect(wiringProblems(ALL_WORKFLOWS, ROUTES)).toEqual([]);
      expect(ORG_TYPE_LABELS.TRAFFIC_POLICE_BRIGADE).toBe('公安交通警察大队');
      expect(ROLE_ORG_TYPES.TRAFFIC_OFFICER).toEqual(['TRAFFIC_POLICE_BRIGADE']);
      expect(ROLE_ORG_TYPES.MEDIATOR).toContain('TRAFFIC_POLICE_BRIGADE');
    });

    it('sends the dispute to a 交调委 (R22a), to court (R22b) and its own agreement to 司法确认 (R22c), and takes the outcomes back', () => {
      const byId = Object.fromEntries(ROUTES.filter((r) => r.from.workflow === 'ta').map((r) => [r.id, r]));
      expect(sorted(Object.keys(byId))).toEqual(['R22a', 'R22b', 'R22c']);
      expect(byId.R22a).toMatchObject({ to: { workflow: 'pm' }, start: { event: 'RECEIVE_REFERRAL' }, up: { AGREED: 'PM_AGREED', FAILED: 'PM_ENDED', RETURNED: 'PM_RETURNED' } });
      expect(byId.R22b).toMatchObject({ to: { workflow: 'ct' }, up: { SETTLED: 'COURT_SETTLED', JUDGMENT_FINAL: 'COURT_JUDGMENT_FINAL', WITHDRAWN: 'COURT_ENDED' } });
      expect(byId.R22c).toMatchObject({ to: { workflow: 'jc' }, start: { event: 'FILE' }, up: { CONFIRMED: 'JC_CONFIRMED', DISMISSED: 'JC_NOT_CONFIRMED' } });
    });

    it('counts the 道交 periods of 1, 2, 3, 5 and 10 days in working days (第一百一十二条), the insurer’s in calendar days', () => {
      const all = description.states.flatMap((s) => deadlinesOf(ta, s.id));
      const byId = Object.fromEntries(all.map((d) => [d.id, d]));
      for (const id of ['D-TA1', 'D-TA2', 'D-TA2A', 'D-TA3', 'D-TA4', 'D-TA6', 'D-TA7', 'D-TA8', 'D-TA9', 'D-TA12']) expect({ id, dayType: byId[id].dayType }).toEqual({ id, dayType: 'working' });
      for (const id of ['D-TA5', 'D-TA10', 'D-TA10A', 'D-TA11']) expect({ id, dayType: byId[id].dayType }).toEqual({ id, dayType: 'calendar' });
      expect(byId['D-TA7']).toMatchObject({ period: { amount: 10, unit: 'day' }, anchor: { contextDate: 'policeMediationWindowFrom' }, onExpiry: 'POLICE_MEDIATION_WINDOW_ENDED' });
      expect(byId['D-TA10']).toMatchObject({ period: { amount: 10, unit: 'day' }, anchor: { contextDate: 'agreedOn' }, onExpiry: 'CLAIM_OVERDUE', runsThrough: ['claim'] });
      expect(byId['D-TA11']).toMatchObject({ period: { amount: 60, unit: 'day' }, anchor: { contextDate: 'claimedOn' } });
      expect(deadlinesOf(ta, 'lossFixing').map((d) => d.runsThrough)).toEqual([['appraisal', 'calculation']]);
    });

    it('names the insurers among the parties only', () => {
      expect(OPENED).toMatchObject({ insurerPartyIds: ['p3'], harm: 'INJURY', accidentOn: '2025-03-03', reviewUsed: false, lossesFixed: [] });
    });
  });

  describe('the 理赔计算器', () => {
    it('pays 交强险 first within each head’s limit, then the commercial cover by liability, then the party (S3: 165,000 and 5,000)', () => {
      expect(calculateCompensation(CALCULATION)).toEqual({ total: 170_000, compulsory: 145_000, commercial: 20_000, insurer: 165_000, party: 5_000, selfBorne: 0, sharePercent: 100 });
    });

    it('shares the rest by liability, caps the commercial cover, and uses the no-fault limits for a vehicle without liability', () => {
      expect(calculateCompensation({ ...CALCULATION, liability: 'MAIN', commercialLimit: 10_000, excludedFromCommercial: 0 })).toEqual({
        total: 170_000,
        compulsory: 145_000,
        commercial: 10_000,
        insurer: 155_000,
        party: 7_500,
        selfBorne: 7_500,
        sharePercent: 70,
      });
      expect(calculateCompensation({ ...CALCULATION, liability: 'NONE' })).toMatchObject({ compulsory: 18_000 + 1_800 + 100, commercial: 0, party: 0 });
      expect(calculateCompensation({ ...CALCULATION, compulsoryInsured: false, commercialLimit: 0 })).toMatchObject({ compulsory: 0, insurer: 0, party: 170_000 });
    });

    it('takes the limits and the shares from the legal policy', () => {
      const policy = { 'ta.compulsoryLimits': { liable: { medical: 20_000 } }, 'ta.liabilityShares': { FULL: 90 } };
      expect(calculateCompensation({ ...CALCULATION, excludedFromCommercial: 0 }, policy)).toMatchObject({ compulsory: 147_000, commercial: 20_700, party: 0, selfBorne: 2_300, sharePercent: 90 });
    });
  });

  describe('legal transitions', () => {
    type Row = { from: string; context: TaContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; after?: Record<string, unknown> };
    const rows: Row[] = [
      { from: 'reported', context: OPENED, type: 'START_INVESTIGATION', to: 'investigation', after: { procedure: 'GENERAL', generalSceneOn: TODAY } },
      { from: 'reported', context: { ...OPENED, harm: 'PROPERTY_ONLY' }, type: 'CHOOSE_SELF_NEGOTIATION', to: 'selfNegotiation' },
      { from: 'selfNegotiation', context: OPENED, type: 'RECORD_SELF_SETTLEMENT', to: 'quickSettled', effects: [reported('QUICK_SETTLED')], after: { quickSettlement: { on: TODAY, content: '曹车赔偿修车费1200元' } } },
      { from: 'reported', context: OPENED, type: 'MEDIATE_ON_SPOT', to: 'onSpotMediation', after: { procedure: 'SIMPLE', simpleSceneOn: TODAY } },
      { from: 'onSpotMediation', context: OPENED, type: 'SIGN_ON_SPOT_AGREEMENT', to: 'agreement', after: { agreement: { source: 'ON_SPOT', on: TODAY }, agreedOn: TODAY, agreementEffectiveOn: TODAY } },
      // Once a test is ordered, only the five working days after its result count (第六十二条).
      { from: 'investigation', context: { ...OPENED, generalSceneOn: '2025-03-03' }, type: 'ORDER_TEST', to: 'testing', after: { generalSceneOn: undefined } },
      { from: 'determinationMade', context: OPENED, type: 'SERVE_DETERMINATION', to: 'reviewWindow', after: { determinationServedOn: TODAY, policeMediationWindowFrom: TODAY } },
      { from: 'reviewWindow', context: OPENED, type: 'APPLY_REVIEW', over: { today: '2025-03-05' }, to: 'underReview', after: { reviewUsed: true, reviewAcceptedOn: '2025-03-05' } },
      // 第八十六条: the ten working days run again from the receipt of the review conclusion.
      { from: 'underReview', context: ALONG, type: 'REVIEW_UPHELD', to: 'lossFixing', after: { policeMediationWindowFrom: '2025-03-21' } },
      { from: 'lossFixing', context: ALONG, type: 'POLICE_MEDIATION_WINDOW_ENDED', to: 'lossFixing', after: { policeMediationWindowFrom: undefined } },
      { from: 'appraisal', context: OPENED, type: 'RECORD_APPRAISAL', to: 'lossFixing', after: { lossesFixed: [{ kind: 'DISABILITY_RATED', on: TODAY }] } },
      { from: 'lossFixing', context: ALONG, type: 'CALCULATE_COMPENSATION', to: 'calculation', after: { compensation: expect.objectContaining({ insurer: 165_000, party: 5_000 }) } },
      { from: 'peopleMediation', context: OPENED, type: 'PM_AGREED', to: 'agreement', after: { agreement: { source: 'PEOPLES_MEDIATION', on: TODAY }, agreedOn: TODAY } },
      { from: 'peopleMediation', context: OPENED, type: 'PM_ENDED', to: 'peopleMediationFailed', after: { pmEndedOn: TODAY } },
      { from: 'sessionHeld', context: { ...ALONG, policeMediationAppliedOn: '2025-03-10' }, type: 'FILE_SUIT', to: 'litigation', after: { suitFiledOn: TODAY, policeMediationEnded: { on: TODAY, ground: 'SUIT_FILED' } } },
      { from: 'sessionNoticed', context: ALONG, type: 'POLICE_MEDIATION_PERIOD_ENDED', to: 'policeMediationFailed', after: { policeMediationEnded: { on: '2025-04-03', ground: 'PERIOD_ENDED' } } },
      { from: 'sessionHeld', context: OPENED, type: 'SIGN_MEDIATION_DOCUMENT', to: 'agreement', after: { agreement: { source: 'POLICE', on: TODAY }, agreementEffectiveOn: TODAY } },
      { from: 'litigation', context: OPENED, type: 'COURT_JUDGMENT_FINAL', to: 'agreement', after: { agreedOn: TODAY, enforceableTitle: { kind: 'JUDGMENT', ref: '（2025）青溪0101民初408号', on: TODAY } } },
      { from: 'agreement', context: ALONG, type: 'APPLY_JUDICIAL_CONFIRMATION', to: 'agreement', after: { confirmationPending: true } },
      { from: 'claim', context: { ...OPENED, confirmationPending: true }, type: 'JC_CONFIRMED', to: 'claim', after: { confirmationPending: false, enforceableTitle: { kind: 'CONFIRMATION', ref: '（2025）青溪0101民特1号', on: TODAY } } },
      { from: 'agreement', context: OPENED, type: 'CLAIM_OVERDUE', over: { today: '2025-04-05' }, to: 'claimOverdue', after: { overdueOn: '2025-04-04' } },
      { from: 'agreement', context: OPENED, type: 'APPLY_CLAIM', to: 'claim', after: { claimedOn: TODAY, claim: { insurerPartyId: 'p3', amount: 78_000, partyShares: [{ partyId: 'p2', amount: 8_000 }] } } },
      { from: 'paid', context: ALONG, type: 'CLOSE', to: 'closed', effects: [reported('CLOSED')], after: { closedOn: TODAY } },
      { from: 'peopleMediationFailed', context: OPENED, type: 'CLOSE_UNRESOLVED', to: 'closed', effects: [reported('UNRESOLVED')] },
      { from: 'policeMediationFailed', context: OPENED, type: 'CLOSE_UNRESOLVED', to: 'closed', effects: [reported('UNRESOLVED')] },
    ];
    const all = withPlainCases(rows, LEGAL, (from, type, to): Row => ({ from, context: contextFor(from), type, to }));

    it('covers every row of the legal table', () => {
      expect(uncoveredRows(all, LEGAL)).toEqual([]);
    });

    it.each(all)('$from --$type--> $to', ({ from, context, type, data, over, to, effects, after = {} }) => {
      const before = structuredClone(context);
      const d = decide(ta, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...after, partyIds: PARTIES }),
        effects: effects ?? [],
        final: FINAL.includes(to),
      });
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    const DJCX = '道路交通事故处理程序规定';
    type Case = { name: string; from: string; context: TaContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const rows: Case[] = [
      { name: 'an injury accident is to be settled by the parties themselves', from: 'reported', context: OPENED, type: 'CHOOSE_SELF_NEGOTIATION', violations: [['propertyOnly', `${DJCX} 第十九条`]] },
      { name: 'one party does not join the request for on-the-spot mediation', from: 'reported', context: OPENED, type: 'MEDIATE_ON_SPOT', data: { requestedPartyIds: ['p1'], sceneOn: TODAY }, violations: [['everyPartyRequestedOnSpot', `${DJCX} 第二十五条`]] },
      { name: 'a fatal accident is to be mediated on the spot', from: 'reported', context: { ...OPENED, harm: 'DEATH' }, type: 'MEDIATE_ON_SPOT', violations: [['notFatal', `${DJCX} 第二十四条、第二十五条`]] },
      { name: 'the determination is served without the notice of the right to mediation', from: 'determinationMade', context: OPENED, type: 'SERVE_DETERMINATION', data: { servedOn: TODAY, servedPartyIds: PARTIES, rights: ['REVIEW', 'LITIGATION'] }, violations: [['rightsNoticeComplete', `${DJCX} 第六十五条`]] },
      { name: 'the review is applied for after the three working days', from: 'reviewWindow', context: OPENED, type: 'APPLY_REVIEW', data: { ...VALID.APPLY_REVIEW, appliedOn: '2025-03-07', acceptedOn: '2025-03-07' }, over: { today: '2025-03-07' }, violations: [['withinReviewWindow', `${DJCX} 第七十一条`]] },
      { name: 'a second review is asked for', from: 'reviewWindow', context: { ...OPENED, reviewUsed: true }, type: 'APPLY_REVIEW', over: { today: '2025-03-05' }, violations: [['reviewNotUsed', `${DJCX} 第七十一条`]] },
      { name: 'police mediation is asked for after the ten working days (D-TA7)', from: 'calculation', context: OPENED, type: 'APPLY_POLICE_MEDIATION', over: { deadlines: {} }, violations: [['withinPoliceMediationWindow', `${DJCX} 第八十五条、第八十六条`]] },
      { name: 'police mediation is asked for four working days after a failed people’s mediation (D-TA12)', from: 'peopleMediationFailed', context: { ...OPENED, pmEndedOn: '2025-03-20' }, type: 'APPLY_POLICE_MEDIATION', over: { today: '2025-03-27', deadlines: { 'D-TA7': '2025-04-30', 'D-TA12': '2025-03-25' } }, data: { appliedOn: '2025-03-27', applicantPartyIds: ['p1', 'p2'] }, violations: [['withinPoliceMediationWindow', `${DJCX} 第八十五条、第八十六条`]] },
      { name: 'only one party applies for police mediation', from: 'lossFixing', context: ALONG, type: 'APPLY_POLICE_MEDIATION', data: { appliedOn: TODAY, applicantPartyIds: ['p1'] }, violations: [['jointApplication', `${DJCX} 第八十六条`]] },
      { name: 'police mediation starts before the treatment ended', from: 'policeMediationApplied', context: OPENED, type: 'START_POLICE_MEDIATION', violations: [['lossesFixed', `${DJCX} 第九十条`]] },
      { name: 'four people attend for the liable side', from: 'policeMediating', context: ALONG, type: 'NOTIFY_SESSION', data: { ...VALID.NOTIFY_SESSION, attendees: [...ATTENDEES, { name: '律师', side: 'LIABLE' }, { name: '代理人', side: 'LIABLE' }] }, violations: [['atMostThreePerSide', `${DJCX} 第八十九条`]] },
      { name: 'the session is held within three working days of the notice', from: 'sessionNoticed', context: ALONG, type: 'HOLD_SESSION', data: { heldOn: '2025-03-24' }, over: { today: '2025-03-24' }, violations: [['noticePeriodElapsed', `${DJCX} 第八十八条`]] },
      { name: 'the mediation document comes after the ten working days (D-TA9)', from: 'sessionHeld', context: ALONG, type: 'SIGN_MEDIATION_DOCUMENT', data: { ...VALID.SIGN_MEDIATION_DOCUMENT, signedOn: '2025-04-07' }, over: { today: '2025-04-07' }, violations: [['withinPoliceMediationPeriod', `${DJCX} 第九十条`]] },
      { name: 'the committee’s agreement is sent to 司法确认 from the police case', from: 'agreement', context: { ...ALONG, agreement: { source: 'PEOPLES_MEDIATION', on: TODAY } }, type: 'APPLY_JUDICIAL_CONFIRMATION', violations: [['ownAgreement', '民事诉讼法 第二百零五条']] },
      { name: 'the claim names a party that is not an insurer', from: 'agreement', context: ALONG, type: 'APPLY_CLAIM', data: { ...VALID.APPLY_CLAIM, insurerPartyId: 'p2' }, violations: [['insurerIsParty', '保险法 第六十五条']] },
      { name: 'enforcement is advised on an unconfirmed agreement', from: 'claimOverdue', context: { ...ALONG, enforceableTitle: undefined }, type: 'ADVISE_ENFORCEMENT', violations: [['hasEnforceableTitle', '民事诉讼法 第二百零六条、第二百四十七条']] },
      { name: 'the case closes before the liable party paid its share, with a confirmation pending', from: 'paid', context: { ...ALONG, confirmationPending: true, claim: { insurerPartyId: 'p3', amount: 78_000, partyShares: [{ partyId: 'p2', amount: 8_000 }] } }, type: 'CLOSE', violations: [['allSharesPaid', `${DJCX} 第九十三条`], ['noConfirmationPending', '民事诉讼法 第二百零六条']] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(ta, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: ta, legal: LEGAL, finalStates: FINAL, stateCount: 26, eventTypeCount: Object.keys(VALID).length, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(ta.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(ta, type));
      expect({ type, valid: validate(VALID[type]), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('has a sample for every event type, and the opening schema takes only the listed harms', () => {
      expect(sorted(Object.keys(VALID))).toEqual(sorted(Object.keys(ta.events)));
      expect(formAjv.compile(ta.openingSchema!)({ accidentOn: '2025-03-03', harm: 'INJURY', insurerPartyIds: ['P3'] })).toBe(true);
      expect(formAjv.compile(ta.openingSchema!)({ accidentOn: '2025-03-03', harm: 'SCRATCH' })).toBe(false);
    });
  });
});
