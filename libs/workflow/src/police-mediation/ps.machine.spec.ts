import { decide, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { ALL_WORKFLOWS } from '../channels';
import { ORG_TYPE_LABELS, ROLE_ORG_TYPES } from '../catalogue';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import type { PsContext } from './ps.context';
import { policeMediation as ps } from './ps.workflow';
import { legalRows, machineRows, uncoveredRows, withPlainCases } from '../testing/legal-table';

// ---------- fixtures: scenario S10 (spec appendix (d)), Y (p1) pushed by X (p2) ----------

const PARTIES = ['p1', 'p2'];
const OPENED: PsContext = ps.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { violation: 'MINOR_INJURY', acceptedOn: '2025-11-03' } });
const REVIEWED: PsContext = { ...OPENED, relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false };
const ELIGIBLE: PsContext = { ...REVIEWED, eligibleOn: '2025-11-03' };
const SECOND: PsContext = { ...ELIGIBLE, session1On: '2025-11-05' };
const AGREED: PsContext = { ...SECOND, session2On: '2025-11-12', performanceDueOn: '2025-11-20', agreement: { signedOn: '2025-11-12', form: 'WRITTEN', content: '赔礼道歉并支付医疗费3000元' } };
const PERFORMED: PsContext = { ...AGREED, performedOn: '2025-11-18' };
const FAILED: PsContext = { ...AGREED, failure: { on: '2025-11-21', ground: 'NOT_PERFORMED' }, handlingFrom: '2025-11-21' };
const NOTIFIED: PsContext = { ...FAILED, civilRouteNotice: { routes: ['COURT', 'PEOPLES_MEDIATION'], notifiedOn: '2025-11-24', method: 'WRITTEN' } };
const INELIGIBLE: PsContext = { ...REVIEWED, ineligibleGround: 'GANG_FIGHT', handlingFrom: '2025-11-03' };
const REFERRED: PsContext = { ...SECOND, referral: { kind: 'PEOPLES_MEDIATION', referredOn: '2025-11-06', returned: false } };
const PM_AGREED: PsContext = { ...REFERRED, pmAgreedOn: '2025-11-06' };

const TODAY = '2025-11-12';
const DEADLINES = { 'D-PS1': '2025-11-14', 'D-PS2': '2025-12-22', 'D-PS3': '2025-11-20' };
const FROM_PM = { sourceCaseId: 'case-pm-1', sourceCaseNo: '（2025）枫警调字第1号', reportedOn: '2025-11-06' };

/** One valid envelope per event type, with the day it is sent in S10 (or its branches). */
const VALID: Record<string, { data: Record<string, unknown>; today?: string }> = {
  ASSIGN_OFFICER: { data: { officerId: 'officer-1' } },
  REVIEW_ELIGIBILITY: { data: { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false, facts: '停车位争执中推搡' }, today: '2025-11-03' },
  FIND_ELIGIBLE: { data: { decidedOn: '2025-11-03', consentedPartyIds: PARTIES, exclusions: [], invitedHelpers: ['社区主任'] }, today: '2025-11-03' },
  FIND_INELIGIBLE: { data: { decidedOn: '2025-11-03', ground: 'GANG_FIGHT', explanation: '双方纠集多人斗殴' }, today: '2025-11-03' },
  SIGN_AGREEMENT: { data: { signedOn: TODAY, form: 'WRITTEN', content: '赔礼道歉并于11月20日前支付医疗费3000元', signedPartyIds: PARTIES, performanceDueOn: '2025-11-20' } },
  FIRST_SESSION_FAILED: { data: { heldOn: '2025-11-05', secondSessionBasis: 'REQUESTED', summary: '对医疗费分歧较大' }, today: '2025-11-05' },
  END_MEDIATION: { data: { endedOn: TODAY, ground: 'NO_AGREEMENT' } },
  SECOND_SESSION_WINDOW_ENDED: { data: { specId: 'D-PS1', dueOn: '2025-11-14' }, today: '2025-11-17' },
  RECORD_PERFORMANCE: { data: { performedOn: '2025-11-18', evidence: '收条' }, today: '2025-11-18' },
  RECORD_NON_PERFORMANCE: { data: { recordedOn: '2025-11-21', note: '期满未付' }, today: '2025-11-21' },
  CLOSE_WITHOUT_PENALTY: { data: { closedOn: '2025-11-18' }, today: '2025-11-18' },
  GIVE_CIVIL_ROUTE_NOTICE: { data: { routes: ['COURT', 'PEOPLES_MEDIATION'], notifiedOn: '2025-11-24', method: 'WRITTEN', notifiedPartyIds: ['p1'] }, today: '2025-11-24' },
  DECIDE_PENALTY: { data: { decisionNo: '青公(枫)行罚决字〔2025〕118号', decidedOn: '2025-11-24', kind: 'FINE', amount: 200 }, today: '2025-11-24' },
  REFER_TO_PEOPLES_MEDIATION: { data: { mediationOrgId: 'org-room', referredOn: '2025-11-06', requestedPartyIds: PARTIES, note: '双方申请人民调解' }, today: '2025-11-06' },
  CHOOSE_SELF_SETTLEMENT: { data: { referredOn: '2025-11-06', requestedPartyIds: PARTIES }, today: '2025-11-06' },
  PM_AGREED: { data: { ...FROM_PM, outcome: 'AGREED' }, today: '2025-11-06' },
  PM_ENDED: { data: { ...FROM_PM, outcome: 'FAILED' }, today: '2025-11-06' },
  PM_RETURNED: { data: { ...FROM_PM, outcome: 'RETURNED' }, today: '2025-11-06' },
  JOINT_APPLICATION: { data: { appliedOn: '2025-11-10', applicantPartyIds: PARTIES, agreementPerformed: true, approvedBy: '所长', approvedOn: '2025-11-10' }, today: '2025-11-10' },
  REFERRAL_FAILED: { data: { endedOn: '2025-11-10', note: '和解未成' }, today: '2025-11-10' },
  REFER_CIVIL_PART: { data: { mediationOrgId: 'org-room', matter: '车位分配纠纷', referredOn: TODAY } },
  RECEIVE_TRANSFER: { data: { sentBy: '枫源村人民调解委员会', reason: '一方扬言报复，可能激化' }, today: '2025-11-03' },
  SIGN_FOR: { data: { note: '已受案' }, today: '2025-11-03' },
  RETURN: { data: { reason: 'NO_VIOLATION', explanation: '未发现违反治安管理行为' }, today: '2025-11-03' },
};

function event(type: string, data?: Record<string, unknown>, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const sample = VALID[type] ?? { data: {} };
  const today = over.today ?? sample.today ?? TODAY;
  return { type, data: data ?? sample.data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: ps.events[type]?.roles[0] ?? 'POLICE_OFFICER' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });

// ---------- the legal table, written by hand from 程序规定 第一百七十八条至第一百八十六条 and spec appendix A11 ----------

const ALL_OPEN = ['caseAccepted', 'eligibility', 'session1', 'session2', 'agreement', 'performed', 'failedOrUnperformed', 'ineligible', 'pmReferral'];
const INSTEAD = (s: string): [string, string, string | null, string[]][] => [
  [s, 'REFER_TO_PEOPLES_MEDIATION', 'pmReferral', ['everyPartyRequested', 'referredNotInFuture']],
  [s, 'CHOOSE_SELF_SETTLEMENT', 'pmReferral', ['everyPartyRequested', 'referredNotInFuture']],
];
const CIVIL = (s: string): [string, string, string | null, string[]] => [s, 'REFER_CIVIL_PART', null, ['referredNotInFuture']];
const SIGN = ['everyPartySigned', 'onTheSpotRecorded', 'singleOfficerRecorded', 'signedNotInFuture', 'withinSecondSessionWindow'];

const LEGAL: [string, string, string | null, string[]][] = [
  ...ALL_OPEN.map((s): [string, string, string | null, string[]] => [s, 'ASSIGN_OFFICER', null, []]),
  ['caseAccepted', 'REVIEW_ELIGIBILITY', 'eligibility', []],
  // A dispute another body transfers (人民调解法 第二十五条) waits in the station's inbox until signed for or returned.
  ['caseAccepted', 'RECEIVE_TRANSFER', 'transferReceived', []],
  ['transferReceived', 'SIGN_FOR', 'caseAccepted', []],
  ['transferReceived', 'RETURN', 'transferReturned', []],
  ['eligibility', 'FIND_ELIGIBLE', 'session1', ['mediableViolation', 'civilDisputeBetweenKnownParties', 'bothPartiesConsent', 'noExclusionApplies', 'guardiansPresentForMinors', 'decidedNotInFuture']],
  ['eligibility', 'FIND_INELIGIBLE', 'ineligible', []],
  ...INSTEAD('eligibility'),
  ['session1', 'SIGN_AGREEMENT', 'agreement', SIGN],
  ['session1', 'FIRST_SESSION_FAILED', 'session2', ['heldNotInFuture']],
  ['session1', 'END_MEDIATION', 'failedOrUnperformed', ['endedNotInFuture']],
  ...INSTEAD('session1'),
  CIVIL('session1'),
  // 第一百八十三条: a second session, completed within seven working days of the first.
  ['session2', 'SIGN_AGREEMENT', 'agreement', SIGN],
  ['session2', 'END_MEDIATION', 'failedOrUnperformed', ['endedNotInFuture']],
  ['session2', 'SECOND_SESSION_WINDOW_ENDED', 'failedOrUnperformed', []],
  ...INSTEAD('session2'),
  CIVIL('session2'),
  ['agreement', 'RECORD_PERFORMANCE', 'performed', ['performedNotInFuture']],
  ['agreement', 'RECORD_NON_PERFORMANCE', 'failedOrUnperformed', ['performancePeriodOver', 'recordedNotInFuture']],
  CIVIL('agreement'),
  ['performed', 'CLOSE_WITHOUT_PENALTY', 'noPenalty', []],
  CIVIL('performed'),
  // 第一百八十五条: the penalty after the civil-route notice; 第一百八十六条 still open until the decision.
  ['failedOrUnperformed', 'GIVE_CIVIL_ROUTE_NOTICE', null, []],
  ['failedOrUnperformed', 'DECIDE_PENALTY', 'penalty', ['civilRouteNoticeGiven', 'decisionNotInFuture']],
  ...INSTEAD('failedOrUnperformed'),
  CIVIL('failedOrUnperformed'),
  ['ineligible', 'GIVE_CIVIL_ROUTE_NOTICE', null, []],
  ['ineligible', 'DECIDE_PENALTY', 'penalty', ['civilRouteNoticeGiven', 'decisionNotInFuture']],
  CIVIL('ineligible'),
  ['pmReferral', 'PM_AGREED', null, []],
  ['pmReferral', 'PM_RETURNED', null, []],
  ['pmReferral', 'PM_ENDED', 'failedOrUnperformed', []],
  ['pmReferral', 'JOINT_APPLICATION', 'noPenalty', ['everyPartyApplied', 'agreementPerformedBeforeApplication', 'pmAgreementReported', 'approvedNotInFuture']],
  ['pmReferral', 'REFERRAL_FAILED', 'failedOrUnperformed', ['endedNotInFuture']],
];
const FINAL = ['noPenalty', 'penalty', 'transferReturned'];

const CONTEXTS: Record<string, PsContext> = {
  caseAccepted: OPENED,
  transferReceived: OPENED,
  transferReturned: OPENED,
  eligibility: REVIEWED,
  session1: ELIGIBLE,
  session2: SECOND,
  agreement: AGREED,
  performed: PERFORMED,
  failedOrUnperformed: FAILED,
  ineligible: INELIGIBLE,
  pmReferral: REFERRED,
  noPenalty: { ...PERFORMED, closedOn: '2025-11-18' },
  penalty: { ...NOTIFIED, penalty: { decisionNo: '118号', decidedOn: '2025-11-24', kind: 'FINE' } },
};
const contextFor = (state: string) => CONTEXTS[state];
const description = describeWorkflow(ps);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

describe('police mediation of public-order cases (ps) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('has the states of spec A11 and ends in no penalty or a penalty (or a returned transfer)', () => {
      expect(sorted(description.states.map((s) => s.id))).toEqual(sorted([...ALL_OPEN, 'transferReceived', ...FINAL]));
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(FINAL);
    });
  });

  describe('the channel', () => {
    it('is registered, wired into the route table, and owns the police station and the officer role', () => {
      expect(ALL_WORKFLOWS).toContain(ps);
      expect(wiringProblems(ALL_WORKFLOWS, ROUTES)).toEqual([]);
      expect(ORG_TYPE_LABELS.POLICE_STATION).toBe('派出所');
      expect(ROLE_ORG_TYPES.POLICE_OFFICER).toEqual(['POLICE_STATION']);
    });

    it('sends the civil part (R23) and the whole case instead (R23a) to people’s mediation as transfers into its inbox', () => {
      const r23 = ROUTES.find((r) => r.id === 'R23')!;
      const r23a = ROUTES.find((r) => r.id === 'R23a')!;
      for (const r of [r23, r23a]) expect(r).toMatchObject({ to: { workflow: 'pm', orgField: 'mediationOrgId' }, start: { event: 'RECEIVE_REFERRAL' } });
      // The police case goes on whatever becomes of the civil part; the referral instead waits for the outcome.
      expect(new Set(Object.values(r23.up))).toEqual(new Set([null]));
      expect(r23a.up).toMatchObject({ AGREED: 'PM_AGREED', RETURNED: 'PM_RETURNED', FAILED: 'PM_ENDED', REFUSED: 'PM_ENDED', WITHDRAWN: 'PM_ENDED' });
    });

    it('declares D-PS1 as seven working days from the first session, ending the second-session window', () => {
      expect(deadlinesOf(ps, 'session2')).toEqual([
        expect.objectContaining({ id: 'D-PS1', period: { amount: 7, unit: 'day' }, dayType: 'working', anchor: { contextDate: 'session1On' }, onExpiry: 'SECOND_SESSION_WINDOW_ENDED', confidence: 'V' }),
      ]);
      expect(deadlinesOf(ps, 'failedOrUnperformed')).toEqual([expect.objectContaining({ id: 'D-PS2', period: { amount: 30, unit: 'day' }, anchor: { contextDate: 'handlingFrom' } })]);
    });

    it('chooses the 2025 text of 治安管理处罚法 for cases accepted from 2026-01-01, or from the day the policy names', () => {
      expect(OPENED.regime).toBe('ZAF2012');
      expect(ps.initialContext({ partyIds: PARTIES, openedOn: '2026-01-05', input: { violation: 'ASSAULT' } })).toMatchObject({ regime: 'ZAF2025', acceptedOn: '2026-01-05' });
      expect(ps.initialContext({ partyIds: PARTIES, openedOn: '2025-12-20', input: { violation: 'ASSAULT' }, policy: { 'ps.revisedLawFrom': '2025-12-01' } }).regime).toBe('ZAF2025');
      // An acceptance day after the opening is not believed; an unknown violation is not mediable.
      expect(ps.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { violation: 'ARSON', acceptedOn: '2025-11-09' } })).toMatchObject({ acceptedOn: '2025-11-03', violation: 'OTHER' });
    });
  });

  describe('legal transitions', () => {
    type Row = { from: string; context: PsContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; after?: Partial<PsContext> };
    const rows: Row[] = [
      { from: 'transferReceived', context: OPENED, type: 'SIGN_FOR', over: { today: '2025-11-04' }, to: 'caseAccepted', effects: [{ type: 'acceptTransfer', params: {} }], after: { acceptedOn: '2025-11-04' } },
      { from: 'transferReceived', context: OPENED, type: 'RETURN', to: 'transferReturned', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }] },
      // The violation named at review replaces the one of a transfer that could not name it.
      { from: 'caseAccepted', context: { ...OPENED, violation: 'OTHER' }, type: 'REVIEW_ELIGIBILITY', data: { ...VALID.REVIEW_ELIGIBILITY.data, violation: 'PROPERTY_DAMAGE' }, to: 'eligibility', after: { violation: 'PROPERTY_DAMAGE' } },
      { from: 'caseAccepted', context: OPENED, type: 'REVIEW_ELIGIBILITY', to: 'eligibility', after: { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true } },
      { from: 'eligibility', context: REVIEWED, type: 'FIND_ELIGIBLE', to: 'session1', after: { eligibleOn: '2025-11-03' } },
      { from: 'eligibility', context: REVIEWED, type: 'FIND_INELIGIBLE', to: 'ineligible', after: { ineligibleGround: 'GANG_FIGHT', handlingFrom: '2025-11-03' } },
      // A minor's guardians attended: mediation may go ahead.
      { from: 'eligibility', context: { ...REVIEWED, minorInvolved: true }, type: 'FIND_ELIGIBLE', data: { ...VALID.FIND_ELIGIBLE.data, guardiansNotified: true }, to: 'session1' },
      { from: 'session1', context: ELIGIBLE, type: 'FIRST_SESSION_FAILED', to: 'session2', after: { session1On: '2025-11-05' } },
      { from: 'session1', context: ELIGIBLE, type: 'SIGN_AGREEMENT', to: 'agreement', after: { session1On: TODAY, performanceDueOn: '2025-11-20' } },
      { from: 'session2', context: SECOND, type: 'SIGN_AGREEMENT', to: 'agreement', after: { session1On: '2025-11-05', session2On: TODAY, performanceDueOn: '2025-11-20' } },
      // On-the-spot mediation recorded on video (第一百七十八条).
      { from: 'session1', context: ELIGIBLE, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, form: 'ON_THE_SPOT', recordingRef: 'ZFJLY-20251112-01' }, to: 'agreement', after: { agreement: { signedOn: TODAY, form: 'ON_THE_SPOT', content: '赔礼道歉并于11月20日前支付医疗费3000元', recordingRef: 'ZFJLY-20251112-01' } } },
      { from: 'session2', context: SECOND, type: 'END_MEDIATION', to: 'failedOrUnperformed', after: { handlingFrom: TODAY, failure: { on: TODAY, ground: 'NO_AGREEMENT' } } },
      { from: 'session2', context: SECOND, type: 'SECOND_SESSION_WINDOW_ENDED', to: 'failedOrUnperformed', after: { handlingFrom: '2025-11-14', failure: { on: '2025-11-14', ground: 'SECOND_SESSION_WINDOW_ENDED' } } },
      { from: 'agreement', context: AGREED, type: 'RECORD_PERFORMANCE', to: 'performed', after: { performedOn: '2025-11-18' } },
      { from: 'agreement', context: AGREED, type: 'RECORD_NON_PERFORMANCE', to: 'failedOrUnperformed', after: { handlingFrom: '2025-11-21', failure: { on: '2025-11-21', ground: 'NOT_PERFORMED' } } },
      { from: 'agreement', context: AGREED, type: 'REFER_CIVIL_PART', to: 'agreement', after: { civilReferrals: [{ matter: '车位分配纠纷', referredOn: TODAY }] } },
      { from: 'performed', context: PERFORMED, type: 'CLOSE_WITHOUT_PENALTY', to: 'noPenalty', effects: [reported('NO_PENALTY')], after: { closedOn: '2025-11-18' } },
      { from: 'failedOrUnperformed', context: FAILED, type: 'GIVE_CIVIL_ROUTE_NOTICE', to: 'failedOrUnperformed', after: { civilRouteNotice: { routes: ['COURT', 'PEOPLES_MEDIATION'], notifiedOn: '2025-11-24', method: 'WRITTEN' } } },
      { from: 'failedOrUnperformed', context: NOTIFIED, type: 'DECIDE_PENALTY', to: 'penalty', effects: [reported('PENALISED')], after: { penalty: { decisionNo: '青公(枫)行罚决字〔2025〕118号', decidedOn: '2025-11-24', kind: 'FINE' } } },
      { from: 'failedOrUnperformed', context: FAILED, type: 'REFER_TO_PEOPLES_MEDIATION', over: { today: '2025-11-24' }, to: 'pmReferral', after: { referral: { kind: 'PEOPLES_MEDIATION', referredOn: '2025-11-06', returned: false } } },
      { from: 'ineligible', context: INELIGIBLE, type: 'DECIDE_PENALTY', to: 'penalty', effects: [reported('PENALISED')] },
      { from: 'session2', context: SECOND, type: 'CHOOSE_SELF_SETTLEMENT', to: 'pmReferral', after: { referral: { kind: 'SELF_SETTLEMENT', referredOn: '2025-11-06', returned: false } } },
      { from: 'pmReferral', context: REFERRED, type: 'PM_AGREED', to: 'pmReferral', after: { pmAgreedOn: '2025-11-06' } },
      { from: 'pmReferral', context: REFERRED, type: 'PM_RETURNED', to: 'pmReferral', after: { referral: { kind: 'PEOPLES_MEDIATION', referredOn: '2025-11-06', returned: true } } },
      { from: 'pmReferral', context: REFERRED, type: 'PM_ENDED', to: 'failedOrUnperformed', after: { handlingFrom: '2025-11-06', failure: { on: '2025-11-06', ground: 'PM_FAILED' } } },
      { from: 'pmReferral', context: PM_AGREED, type: 'JOINT_APPLICATION', to: 'noPenalty', effects: [reported('NO_PENALTY')], after: { jointApplication: { appliedOn: '2025-11-10', approvedBy: '所长' } } },
      // A settlement between the parties themselves needs no mediation organisation's report.
      { from: 'pmReferral', context: { ...SECOND, referral: { kind: 'SELF_SETTLEMENT', referredOn: '2025-11-06', returned: false } }, type: 'JOINT_APPLICATION', to: 'noPenalty', effects: [reported('NO_PENALTY')] },
      { from: 'pmReferral', context: REFERRED, type: 'REFERRAL_FAILED', to: 'failedOrUnperformed', after: { handlingFrom: '2025-11-10' } },
    ];
    const all = withPlainCases(rows, LEGAL, (from, type, to): Row => ({ from, context: contextFor(from), type, to }));

    it('covers every row of the legal table', () => {
      expect(uncoveredRows(all, LEGAL)).toEqual([]);
    });

    it.each(all)('$from --$type--> $to', ({ from, context, type, data, over, to, effects, after = {} }) => {
      const before = structuredClone(context);
      const d = decide(ps, { value: from, context }, event(type, data, over));
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
    const GAXZ = '公安机关办理行政案件程序规定';
    type Case = { name: string; from: string; context: PsContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const rows: Case[] = [
      { name: 'the violation is not one the police may mediate, or not minor', from: 'eligibility', context: { ...REVIEWED, minorCircumstances: false }, type: 'FIND_ELIGIBLE', violations: [['mediableViolation', `治安管理处罚法 第九条；${GAXZ} 第一百七十八条`]] },
      { name: 'the parties are strangers', from: 'eligibility', context: { ...REVIEWED, relationship: 'STRANGERS' }, type: 'FIND_ELIGIBLE', violations: [['civilDisputeBetweenKnownParties', `${GAXZ} 第一百七十八条`]] },
      { name: 'one party refuses mediation', from: 'eligibility', context: REVIEWED, type: 'FIND_ELIGIBLE', data: { ...VALID.FIND_ELIGIBLE.data, consentedPartyIds: ['p1'] }, violations: [['bothPartiesConsent', `${GAXZ} 第一百七十八条`]] },
      { name: 'violence was renewed during mediation', from: 'eligibility', context: REVIEWED, type: 'FIND_ELIGIBLE', data: { ...VALID.FIND_ELIGIBLE.data, exclusions: ['VIOLENCE_RENEWED'] }, violations: [['noExclusionApplies', `${GAXZ} 第一百七十九条`]] },
      { name: 'a minor is a party and the guardians were not notified', from: 'eligibility', context: { ...REVIEWED, minorInvolved: true }, type: 'FIND_ELIGIBLE', violations: [['guardiansPresentForMinors', `${GAXZ} 第一百八十一条`]] },
      { name: 'the agreement is signed by one party only', from: 'session1', context: ELIGIBLE, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, signedPartyIds: ['p1'] }, violations: [['everyPartySigned', `${GAXZ} 第一百八十四条`]] },
      { name: 'an on-the-spot mediation has no recording', from: 'session1', context: ELIGIBLE, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, form: 'ON_THE_SPOT' }, violations: [['onTheSpotRecorded', `${GAXZ} 第一百七十八条`]] },
      { name: 'one officer mediated under the 2025 law without a recording', from: 'session1', context: { ...ELIGIBLE, regime: 'ZAF2025' }, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, singleOfficer: true }, violations: [['singleOfficerRecorded', '治安管理处罚法（2025年修订） 第一百零八条']] },
      { name: 'the second session comes after the seven working days (D-PS1 2025-11-14)', from: 'session2', context: SECOND, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, signedOn: '2025-11-17' }, over: { today: '2025-11-17' }, violations: [['withinSecondSessionWindow', `${GAXZ} 第一百八十三条`]] },
      { name: 'non-performance is recorded before the agreed day has passed', from: 'agreement', context: AGREED, type: 'RECORD_NON_PERFORMANCE', data: { recordedOn: '2025-11-20' }, over: { today: '2025-11-20' }, violations: [['performancePeriodOver', `${GAXZ} 第一百八十五条`]] },
      { name: 'the penalty comes before the civil-route notice', from: 'failedOrUnperformed', context: FAILED, type: 'DECIDE_PENALTY', violations: [['civilRouteNoticeGiven', `治安管理处罚法 第九条；${GAXZ} 第一百八十五条`]] },
      { name: 'only one party chooses people’s mediation', from: 'session2', context: SECOND, type: 'REFER_TO_PEOPLES_MEDIATION', data: { ...VALID.REFER_TO_PEOPLES_MEDIATION.data, requestedPartyIds: ['p2'] }, violations: [['everyPartyRequested', `${GAXZ} 第一百八十六条`]] },
      { name: 'the joint application comes before the people’s mediation reported an agreement', from: 'pmReferral', context: REFERRED, type: 'JOINT_APPLICATION', violations: [['pmAgreementReported', `${GAXZ} 第一百八十六条`]] },
      { name: 'the agreement has not been performed, and one party applies', from: 'pmReferral', context: PM_AGREED, type: 'JOINT_APPLICATION', data: { ...VALID.JOINT_APPLICATION.data, applicantPartyIds: ['p1'], agreementPerformed: false }, violations: [['everyPartyApplied', `${GAXZ} 第一百八十六条`], ['agreementPerformedBeforeApplication', `${GAXZ} 第一百八十六条`]] },
      { name: 'the decision is dated tomorrow', from: 'ineligible', context: INELIGIBLE, type: 'DECIDE_PENALTY', over: { today: '2025-11-23' }, violations: [['decisionNotInFuture', undefined]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(ps, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: ps, legal: LEGAL, finalStates: FINAL, stateCount: 13, eventTypeCount: 24, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(ps.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(ps, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('compiles the opening schema, which takes only the listed violations', () => {
      expect(formAjv.compile(ps.openingSchema!)({ violation: 'MINOR_INJURY', acceptedOn: '2025-11-03' })).toBe(true);
      expect(formAjv.compile(ps.openingSchema!)({ violation: 'ARSON' })).toBe(false);
    });
  });
});
