import { transition } from 'xstate';
import { decide, open, type Decision } from '../decide';
import { EFFECT_TYPES, type DeadlineSpec, type Effect, type WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { wiringProblems } from '../routes/route-table';
import { stateValueFromString } from '../state-value';
import { describeNegativeMatrix } from '../testing/negative-matrix';
import type { CtContext } from './ct.context';
import { ALLOW_LEGACY_PRE_FILING } from './ct.preconditions';
import { plainDue } from './ct.test-support';
import { courtCase as ct } from './ct.workflow';
import { schemaErrors } from '../testing/form-schemas';

// ---------- fixtures: S5 (a property-fee claim filed on 2025-04-14, simple procedure) ----------

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-05-20';
const DOCKET = '（2025）浙0102民初1234号';
const OPENED: CtContext = ct.initialContext({
  partyIds: PARTIES,
  openedOn: '2025-04-14',
  input: { receivedOn: '2025-04-14', causeOfAction: '物业服务合同纠纷', claimAmount: 6000, procedure: 'SIMPLE' },
  category: 'PROPERTY_MANAGEMENT',
});
const SIMPLE: CtContext = { ...OPENED, docketNo: DOCKET, registeredOn: '2025-04-18', procedure: 'SIMPLE', simpleTrialFrom: '2025-04-18' };
const ORDINARY: CtContext = { ...OPENED, docketNo: DOCKET, registeredOn: '2025-04-18', procedure: 'ORDINARY', ordinaryTrialFrom: '2025-04-18' };
const CONSENTED: CtContext = { ...SIMPLE, mediationConsentedOn: '2025-04-18' };
const ENTRUSTED: CtContext = { ...CONSENTED, mediationOrgId: 'org-tjw', entrustedOn: '2025-04-18' };
const MEDIATING: CtContext = { ...ENTRUSTED, mediatorSignedOn: '2025-04-21', simpleMediationFrom: '2025-04-21' };
const EXTENDED: CtContext = { ...MEDIATING, extensionFrom: '2025-04-28' };
const AGREED: CtContext = { ...EXTENDED, agreementReachedOn: '2025-05-15' };
const NOTICED: CtContext = { ...SIMPLE, feeNoticeReceivedOn: '2025-05-19' };
const IN_SIMPLE_TRIAL: CtContext = { ...NOTICED, feePaidOn: '2025-05-20' };
const IN_ORDINARY_TRIAL: CtContext = { ...ORDINARY, feeNoticeReceivedOn: '2025-05-19', feePaidOn: '2025-05-20' };
const JUDGED: CtContext = { ...IN_SIMPLE_TRIAL, judgedOn: '2025-05-20', performanceDays: 10 };
const SERVED: CtContext = { ...JUDGED, judgmentServedOn: '2025-05-20' };
const APPEALED: CtContext = { ...SERVED, appealedOn: '2025-05-20' };
const IN_APPEAL: CtContext = { ...APPEALED, appealRegisteredOn: '2025-05-20' };
const FINAL_JUDGMENT: CtContext = { ...SERVED, effectiveOn: '2025-06-05', performanceDueOn: '2025-06-15' };
const DOC: CtContext = { ...AGREED, mediationDocSignedOn: '2025-05-20', performanceDueOn: '2025-06-15', feeHalved: true, closedOn: '2025-05-20' };
const REFUSED: CtContext = { ...OPENED, nonAcceptanceServedOn: '2025-05-16' };
/** S5-L: the same claim filed on 2024-10-08, before the 2025 reform. */
const LEGACY: CtContext = ct.initialContext({ partyIds: PARTIES, openedOn: '2024-10-08', input: { receivedOn: '2024-10-08' }, category: 'PROPERTY_MANAGEMENT' });
const LEGACY_DELEGATED: CtContext = { ...LEGACY, mediationOrgId: 'org-tjw' };
const LEGACY_MEDIATING: CtContext = { ...LEGACY_DELEGATED, preFilingReceivedOn: '2024-10-10' };
/** A labour dispute filed straight at the court, with nothing that lets it skip labour arbitration. */
const LABOUR: CtContext = ct.initialContext({ partyIds: PARTIES, openedOn: '2025-05-20', input: { receivedOn: '2025-05-20' }, category: 'LABOUR' });
/** A 宅基地 boundary dispute between two villagers (土地管理法 第十四条), not yet decided by the government. */
const LAND_RIGHTS: CtContext = ct.initialContext({ partyIds: PARTIES, openedOn: '2025-05-20', input: { receivedOn: '2025-05-20', landRights: 'LAND_RIGHTS' }, category: 'HOUSING_HOMESTEAD' });

/** The pending deadlines an event is sent with: the mediation and appeal windows still open today. */
const OPEN_WINDOWS = { 'D-CT2-SIMPLE': '2025-05-25', 'D-CT2-ORDINARY': '2025-05-25', 'D-CT7': '2025-06-04', 'D-CT7-RULING': '2025-05-26' };
const reported = (outcome: string, extra: Record<string, unknown> = {}) => ({ outcome, sourceCaseId: 'case-pm-1', sourceCaseNo: '（2025）青溪调字第5号', reportedOn: TODAY, ...extra });

/** Valid data for every event type, as a form (or the engine, for SYSTEM events) would send it. */
const VALID: Record<string, Record<string, unknown>> = {
  REGISTER: { docketNo: DOCKET, registeredOn: TODAY, procedure: 'SIMPLE' },
  NOT_ACCEPT: { reason: 'NO_DEFINITE_DEFENDANT', explanation: '起诉状未列明被告身份信息', rulingNo: '（2025）浙0102民初1235号', servedOn: TODAY },
  REDIRECT: { reason: 'ARBITRATION_AGREEMENT', explanation: '物业服务合同第十二条约定提交仲裁委员会仲裁' },
  DELEGATE_PRE_FILING: { mediationOrgId: 'org-tjw', consentedPartyIds: ['p1', 'p2'], delegatedOn: TODAY },
  PRE_FILING_PERIOD_EXPIRED: {},
  WITHDRAW_COMPLAINT: { withdrawnOn: TODAY, note: '原告表示不再起诉' },
  APPEAL_RULING: { appellantPartyIds: ['p1'], appealedOn: TODAY },
  RULING_APPEAL_PERIOD_ENDED: {},
  UPHOLD_NON_ACCEPTANCE: { rulingNo: '（2025）浙01民终88号' },
  ORDER_ACCEPTANCE: { rulingNo: '（2025）浙01民终88号', orderReceivedOn: TODAY },
  ASSIGN_JUDGE: { judgeId: 'u-judge-1' },
  SEEK_MEDIATION_CONSENT: { note: '电话征询双方' },
  RECORD_MEDIATION_CONSENT: { consentedPartyIds: ['p1', 'p2'], consentedOn: TODAY, method: 'WRITTEN' },
  RECORD_MEDIATION_REFUSAL: { refusingPartyIds: ['p2'], note: '被告不同意调解' },
  ENTRUST_MEDIATION: { mediationOrgId: 'org-tjw', entrustedOn: TODAY, note: '物业费纠纷' },
  MEDIATOR_SIGNED: reported('SIGNED_FOR'),
  ENTRUSTMENT_RETURNED: reported('RETURNED', { reason: 'NO_CAPACITY', explanation: '调解员均已满额' }),
  MEDIATION_AGREED: reported('AGREED'),
  MEDIATION_FAILED: reported('FAILED'),
  EXTEND_MEDIATION: { consentedPartyIds: ['p2', 'p1'], agreedOn: TODAY },
  MEDIATION_PERIOD_EXPIRED: {},
  EXTENSION_EXPIRED: {},
  WITHDRAW_SUIT: { rulingNo: '（2025）浙0102民初1234号', ruledOn: TODAY },
  RECORD_IMMEDIATE_PERFORMANCE: { performedOn: TODAY, summary: '被告当场支付物业费5000元' },
  MEDIATION_DOC_SIGNED: { docNo: DOCKET, signedPartyIds: ['p1', 'p2'], signedOn: TODAY, performanceDueOn: '2025-06-15' },
  AGREEMENT_REPUDIATED: { partyIds: ['p2'], note: '被告拒绝签收调解书' },
  NOTIFY_FEE: { amount: 25, noticeReceivedOn: TODAY },
  PAY_FEE: { paidOn: TODAY, amount: 25 },
  FEE_OVERDUE: {},
  CONVERT_TO_ORDINARY: { ruledOn: TODAY, reason: '需要评估鉴定，案情复杂' },
  JUDGE: { judgmentNo: DOCKET, judgedOn: TODAY, result: 'SUPPORTED', performanceDays: 10 },
  SERVE_JUDGMENT: { servedOn: TODAY },
  APPEAL: { appellantPartyIds: ['p2'], appealedOn: TODAY },
  APPEAL_PERIOD_ENDED: {},
  APPEAL_REGISTERED: { docketNo: '（2025）浙01民终99号', registeredOn: TODAY },
  SECOND_INSTANCE_CONCLUDED: { result: 'UPHELD', documentNo: '（2025）浙01民终99号', servedOn: TODAY },
  REMAND: { rulingNo: '（2025）浙01民终99号', reRegisteredOn: TODAY },
  APPLY_ENFORCEMENT: { applicantPartyIds: ['p1'], appliedOn: TODAY },
  RECORD_PERFORMED: { performedOn: TODAY, note: '已全部履行' },
  DISMISS_FOR_ARBITRATION_AGREEMENT: { objectedOn: TODAY, agreementForm: 'CONTRACT_CLAUSE', agreementValid: true, ruledOn: TODAY },
};

function event(type: string, data: Record<string, unknown> = VALID[type] ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = ct.events[type]?.roles[0] ?? 'JUDGE';
  return { type, data, at: `${TODAY}T02:00:00.000Z`, today: TODAY, deadlines: OPEN_WINDOWS, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
}
const on = (today: string): Partial<WorkflowEvent> => ({ today, at: `${today}T02:00:00.000Z` });

const sorted = (xs: Iterable<string>) => [...xs].sort();
const rep = (outcome: string, data?: Record<string, unknown>): Effect => ({ type: 'report', params: { outcome, ...(data ? { data } : {}) } });
const ACCEPT: Effect = { type: 'acceptTransfer', params: {} };
const RETURN: Effect = { type: 'returnTransfer', params: { reasonField: 'reason' } };
const PAUSE: Effect = { type: 'pauseDeadlines', params: { specIds: ['D-CT5', 'D-CT6'] } };
const RESUME: Effect = { type: 'resumeDeadlines', params: { specIds: ['D-CT5', 'D-CT6'] } };

// ---------- the legal table, written by hand from 民事诉讼法, 特邀调解规定, the 2025 意见 and spec appendix A3 ----------

const REGISTER_GUARDS = ['registeredNotInFuture', 'labourArbitratedFirst', 'employerCannotSueOnFinalAward', 'landRightsDeterminedFirst'];
const DOC_GUARDS = ['bothPartiesSignedMediationDoc', 'signedNotInFuture'];
const ARBITRATION_GUARDS = ['objectedBeforeFirstHearing', 'validWrittenArbitrationAgreement', 'dismissalNotInFuture'];
/** R7(b): the states before judgment in which the court itself holds the case (not while it is entrusted for mediation). */
const ARBITRATION_OBJECTION: Row[] = ['registered', 'mediationConsent', 'feePending.toNotify', 'feePending.noticed', 'trial.simple', 'trial.ordinary'].map(
  (from): Row => [from, 'DISMISS_FOR_ARBITRATION_AGREEMENT', 'dismissedForArbitration', ARBITRATION_GUARDS],
);

type Row = [from: string, event: string, to: string | null, guards: string[]];

/** [from, event, to (null: records without changing state), guards]. */
const LEGAL: Row[] = [
  ['complaintSubmitted', 'REGISTER', 'registered', REGISTER_GUARDS],
  ['complaintSubmitted', 'NOT_ACCEPT', 'notAccepted', ['servedNotInFuture']],
  ['complaintSubmitted', 'REDIRECT', 'redirected', []],
  ['complaintSubmitted', 'DELEGATE_PRE_FILING', 'legacy.awaitingReceipt', ['legacyPreFilingAllowed', 'allPartiesConsentToDelegation']],
  // No SEEK_MEDIATION_CONSENT, ENTRUST_MEDIATION here: no mediation before registration (2025 意见 一).
  ['legacy.awaitingReceipt', 'MEDIATOR_SIGNED', 'legacy.preFilingDelegated', []],
  ['legacy.awaitingReceipt', 'ENTRUSTMENT_RETURNED', 'legacy.preFilingFailed', []],
  // The plaintiff may stop pursuing a delegated complaint at any point (特邀调解规定 第二十一条); R8L ends the delegation.
  ['legacy.awaitingReceipt', 'WITHDRAW_COMPLAINT', 'complaintWithdrawn', []],
  ['legacy.preFilingDelegated', 'MEDIATION_AGREED', 'legacyAgreed', []],
  ['legacy.preFilingDelegated', 'MEDIATION_FAILED', 'legacy.preFilingFailed', []],
  ['legacy.preFilingDelegated', 'ENTRUSTMENT_RETURNED', 'legacy.preFilingFailed', []],
  ['legacy.preFilingDelegated', 'PRE_FILING_PERIOD_EXPIRED', 'legacy.preFilingFailed', []],
  ['legacy.preFilingDelegated', 'WITHDRAW_COMPLAINT', 'complaintWithdrawn', []],
  ['legacy.preFilingFailed', 'REGISTER', 'registered', REGISTER_GUARDS],
  ['legacy.preFilingFailed', 'NOT_ACCEPT', 'notAccepted', ['servedNotInFuture']],
  ['legacy.preFilingFailed', 'REDIRECT', 'redirected', []],
  ['legacy.preFilingFailed', 'WITHDRAW_COMPLAINT', 'complaintWithdrawn', []],
  ['notAccepted', 'APPEAL_RULING', 'notAcceptedAppeal', ['rulingAppealInTime']],
  ['notAccepted', 'RULING_APPEAL_PERIOD_ENDED', 'notAcceptedFinal', []],
  ['notAcceptedAppeal', 'UPHOLD_NON_ACCEPTANCE', 'notAcceptedFinal', []],
  ['notAcceptedAppeal', 'ORDER_ACCEPTANCE', 'complaintSubmitted', []],
  ['registered', 'SEEK_MEDIATION_CONSENT', 'mediationConsent', []],
  ['registered', 'NOTIFY_FEE', 'feePending.noticed', ['noticeNotInFuture']],
  ['registered', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['registered', 'ASSIGN_JUDGE', null, []],
  ['mediationConsent', 'RECORD_MEDIATION_CONSENT', 'entrustment.consented', ['allPartiesConsentToMediation']],
  ['mediationConsent', 'RECORD_MEDIATION_REFUSAL', 'feePending.toNotify', []],
  ['mediationConsent', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['mediationConsent', 'ASSIGN_JUDGE', null, []],
  ['entrustment.consented', 'ENTRUST_MEDIATION', 'entrustment.awaitingReceipt', []],
  ['entrustment.consented', 'RECORD_MEDIATION_REFUSAL', 'feePending.toNotify', []],
  // The plaintiff may withdraw at any time before judgment (民事诉讼法 第一百四十八条), entrusted or not; R8 ends the entrustment.
  ['entrustment.consented', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['entrustment.consented', 'ASSIGN_JUDGE', null, []],
  ['entrustment.awaitingReceipt', 'MEDIATOR_SIGNED', 'entrusted.mediating', []],
  ['entrustment.awaitingReceipt', 'ENTRUSTMENT_RETURNED', 'entrustment.consented', []],
  ['entrustment.awaitingReceipt', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['entrustment.awaitingReceipt', 'ASSIGN_JUDGE', null, []],
  ['entrusted.mediating', 'EXTEND_MEDIATION', 'entrusted.extended', ['allPartiesConsentToExtension', 'withinMediationPeriod']],
  ['entrusted.mediating', 'MEDIATION_AGREED', 'agreed', []],
  ['entrusted.mediating', 'MEDIATION_FAILED', 'feePending.toNotify', []],
  ['entrusted.mediating', 'ENTRUSTMENT_RETURNED', 'feePending.toNotify', []],
  ['entrusted.mediating', 'MEDIATION_PERIOD_EXPIRED', 'feePending.toNotify', []],
  ['entrusted.mediating', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['entrusted.mediating', 'ASSIGN_JUDGE', null, []],
  // No EXTEND_MEDIATION from extended: the 2025 意见 allows one extension of 30 days.
  ['entrusted.extended', 'MEDIATION_AGREED', 'agreed', []],
  ['entrusted.extended', 'MEDIATION_FAILED', 'feePending.toNotify', []],
  ['entrusted.extended', 'ENTRUSTMENT_RETURNED', 'feePending.toNotify', []],
  ['entrusted.extended', 'EXTENSION_EXPIRED', 'feePending.toNotify', []],
  ['entrusted.extended', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['entrusted.extended', 'ASSIGN_JUDGE', null, []],
  ['agreed', 'WITHDRAW_SUIT', 'settledWithdrawn', []],
  ['agreed', 'RECORD_IMMEDIATE_PERFORMANCE', 'settledOtherWay', []],
  ['agreed', 'MEDIATION_DOC_SIGNED', 'settledByMediationDoc', DOC_GUARDS],
  ['agreed', 'AGREEMENT_REPUDIATED', 'feePending.toNotify', []],
  ['agreed', 'ASSIGN_JUDGE', null, []],
  ['settledByMediationDoc', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['settledByMediationDoc', 'RECORD_PERFORMED', 'performed', []],
  ['feePending.toNotify', 'NOTIFY_FEE', 'feePending.noticed', ['noticeNotInFuture']],
  ['feePending.toNotify', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['feePending.toNotify', 'ASSIGN_JUDGE', null, []],
  // No PAY_FEE before the notice, and no trial without the fee paid (诉讼费用交纳办法 第二十二条; 2025 意见 六).
  ['feePending.noticed', 'PAY_FEE', 'trial.simple', ['simpleProcedure']],
  ['feePending.noticed', 'PAY_FEE', 'trial.ordinary', ['ordinaryProcedure']],
  ['feePending.noticed', 'FEE_OVERDUE', 'deemedWithdrawn', []],
  ['feePending.noticed', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['feePending.noticed', 'ASSIGN_JUDGE', null, []],
  ['trial.simple', 'JUDGE', 'judgmentServed', []],
  ['trial.simple', 'MEDIATION_DOC_SIGNED', 'settledByMediationDoc', DOC_GUARDS],
  ['trial.simple', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['trial.simple', 'CONVERT_TO_ORDINARY', 'trial.ordinary', []],
  ['trial.simple', 'ASSIGN_JUDGE', null, []],
  // No conversion from ordinary back to simple (民诉解释 第二百五十七条).
  ['trial.ordinary', 'JUDGE', 'judgmentServed', []],
  ['trial.ordinary', 'MEDIATION_DOC_SIGNED', 'settledByMediationDoc', DOC_GUARDS],
  ['trial.ordinary', 'WITHDRAW_SUIT', 'withdrawn', []],
  ['trial.ordinary', 'ASSIGN_JUDGE', null, []],
  ['judgmentServed', 'SERVE_JUDGMENT', 'appealWindow', ['servedNotInFuture']],
  ['appealWindow', 'APPEAL', 'appeal.filed', ['appealInTime']],
  ['appealWindow', 'APPEAL_PERIOD_ENDED', 'final', []],
  ['appeal.filed', 'APPEAL_REGISTERED', 'appeal.registered', ['registeredNotInFuture']],
  ['appeal.registered', 'SECOND_INSTANCE_CONCLUDED', 'final', ['servedNotInFuture']],
  // Only once: no second remand after the retrial (民事诉讼法 第一百七十七条).
  ['appeal.registered', 'REMAND', 'trial.ordinary', ['notRemandedBefore']],
  ['final', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['final', 'RECORD_PERFORMED', 'performed', []],
  ...ARBITRATION_OBJECTION,
];
const FINAL = [
  'legacyAgreed',
  'complaintWithdrawn',
  'notAcceptedFinal',
  'redirected',
  'dismissedForArbitration',
  'settledWithdrawn',
  'settledOtherWay',
  'deemedWithdrawn',
  'withdrawn',
  'enforcement',
  'performed',
];

const description = describeWorkflow(ct);
/** The states a case can be in: the atomic and final ones (a compound state is never persisted alone). */
const LEAVES = description.states.filter((s) => s.type !== 'compound');
const STATES = LEAVES.map((s) => s.id);
const TRANSITIONS: Row[] = description.transitions.map((t) => [t.from, t.event, t.to, t.guards]);
const restore = (state: string, context: CtContext) => ct.machine.resolveState({ value: stateValueFromString(state), context });

type Step = { allowed: true; to: string; context: CtContext; effects: Effect[]; final: boolean } | { allowed: false };
/** One event through `decide()`, as the engine applies it. */
function step(state: string, context: CtContext, ev: WorkflowEvent): Step {
  const d = decide(ct, { value: state, context }, ev);
  return d.allowed ? { allowed: true, to: d.to, context: d.context as CtContext, effects: d.effects, final: d.final } : { allowed: false };
}
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): CtContext {
  const byState: Record<string, CtContext> = {
    complaintSubmitted: OPENED,
    'legacy.awaitingReceipt': LEGACY_DELEGATED,
    'legacy.preFilingDelegated': LEGACY_MEDIATING,
    'legacy.preFilingFailed': LEGACY_MEDIATING,
    'legacyAgreed': LEGACY_MEDIATING,
    complaintWithdrawn: LEGACY_MEDIATING,
    notAccepted: REFUSED,
    notAcceptedAppeal: REFUSED,
    notAcceptedFinal: REFUSED,
    redirected: OPENED,
    dismissedForArbitration: SIMPLE,
    registered: SIMPLE,
    mediationConsent: SIMPLE,
    'entrustment.consented': CONSENTED,
    'entrustment.awaitingReceipt': ENTRUSTED,
    'entrusted.mediating': MEDIATING,
    'entrusted.extended': EXTENDED,
    agreed: AGREED,
    'settledWithdrawn': AGREED,
    'settledOtherWay': AGREED,
    'settledByMediationDoc': DOC,
    'feePending.toNotify': SIMPLE,
    'feePending.noticed': NOTICED,
    deemedWithdrawn: NOTICED,
    withdrawn: SIMPLE,
    'trial.simple': IN_SIMPLE_TRIAL,
    'trial.ordinary': IN_ORDINARY_TRIAL,
    judgmentServed: JUDGED,
    appealWindow: SERVED,
    'appeal.filed': APPEALED,
    'appeal.registered': IN_APPEAL,
    final: FINAL_JUDGMENT,
    enforcement: FINAL_JUDGMENT,
    performed: FINAL_JUDGMENT,
  };
  return byState[state];
}

describe('court case (ct) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      const actual = TRANSITIONS.map(([from, type, to, guards]) => JSON.stringify([from, type, to, sorted(guards)]));
      const expected = LEGAL.map(([from, type, to, guards]) => JSON.stringify([from, type, to, sorted(guards)]));
      expect(sorted(actual)).toEqual(sorted(expected));
    });

    it('names exactly the final states of the court path (spec A3)', () => {
      expect(sorted(LEAVES.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
    });

    it('lists every state of the machine, and gives a final state no transition', () => {
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(inTable));
      for (const state of FINAL) expect({ state, handles: legalEventsIn(state) }).toEqual({ state, handles: [] });
      expect(STATES).toHaveLength(34);
    });

    it('declares an EventSpec for every event the machine uses, and no orphan', () => {
      expect(sorted(new Set(TRANSITIONS.map(([, type]) => type)))).toEqual(sorted(Object.keys(ct.events)));
    });

    it('lists as event preconditions exactly the guards the machine uses, and uses every precondition', () => {
      for (const [type, spec] of Object.entries(ct.events)) {
        const guards = new Set(TRANSITIONS.filter(([, t]) => t === type).flatMap(([, , , g]) => g));
        expect({ type, preconditions: sorted(spec.preconditions ?? []) }).toEqual({ type, preconditions: sorted(guards) });
      }
      expect(sorted(Object.keys(ct.preconditions))).toEqual(sorted(new Set(Object.values(ct.events).flatMap((e) => e.preconditions ?? []))));
    });

    it('labels every state, parents included, in Chinese and English, each Chinese label once', () => {
      for (const { id, label, labelEn } of description.states) {
        expect({ id, label, labelEn }).toEqual({ id, label: expect.stringMatching(/[\u4e00-\u9fff]/), labelEn: expect.stringMatching(/^[A-Z]/) });
      }
      expect(new Set(description.states.map((s) => s.label)).size).toBe(description.states.length);
      expect(sorted(description.states.filter((s) => s.type === 'compound').map((s) => s.id))).toEqual(['appeal', 'entrusted', 'entrustment', 'feePending', 'legacy', 'trial']);
    });

    it('opens a case in complaintSubmitted with what the clerk entered at filing', () => {
      const opened = open(ct, {
        partyIds: PARTIES,
        openedOn: '2025-04-14',
        input: { receivedOn: '2025-04-14', causeOfAction: '物业服务合同纠纷', claimAmount: 6000, procedure: 'SIMPLE' },
        category: 'PROPERTY_MANAGEMENT',
      });
      expect(opened).toEqual({
        state: {
          value: 'complaintSubmitted',
          context: {
            partyIds: PARTIES,
            openedOn: '2025-04-14',
            receivedOn: '2025-04-14',
            registrationDueFrom: '2025-04-14',
            category: 'PROPERTY_MANAGEMENT',
            causeOfAction: '物业服务合同纠纷',
            claimAmount: 6000,
            procedureHint: 'SIMPLE',
          },
        },
        effects: [],
        final: false,
      });
    });

    it('opens a transferred complaint with the sender and the opening policy, and without an input', () => {
      const context = ct.initialContext({ partyIds: PARTIES, openedOn: '2025-05-20', category: 'LABOUR', origin: { route: 'R10a', workflow: 'lab' }, policy: { [ALLOW_LEGACY_PRE_FILING]: true } });
      expect(context).toEqual({
        partyIds: PARTIES,
        openedOn: '2025-05-20',
        receivedOn: '2025-05-20',
        registrationDueFrom: '2025-05-20',
        category: 'LABOUR',
        originWorkflow: 'lab',
        legacyPreFilingByPolicy: true,
      });
    });
  });

  describe('legal transitions', () => {
    type Case = {
      from: string;
      context: CtContext;
      type: string;
      data?: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      to: string;
      effects?: Effect[];
      contextAfter?: Partial<CtContext>;
    };
    const rows: Case[] = [
      {
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'REGISTER',
        data: { docketNo: DOCKET, registeredOn: '2025-04-18', procedure: 'SIMPLE' },
        to: 'registered',
        effects: [ACCEPT, rep('REGISTERED')],
        contextAfter: { registeredOn: '2025-04-18', procedure: 'SIMPLE', simpleTrialFrom: '2025-04-18', ordinaryTrialFrom: undefined, docketNo: DOCKET },
      },
      {
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'REGISTER',
        data: { docketNo: DOCKET, registeredOn: '2025-04-18', procedure: 'ORDINARY' },
        to: 'registered',
        effects: [ACCEPT, rep('REGISTERED')],
        contextAfter: { procedure: 'ORDINARY', ordinaryTrialFrom: '2025-04-18', simpleTrialFrom: undefined },
      },
      // A wage IOU lets a worker sue without arbitration (劳动争议解释（一） 第十五条).
      { from: 'complaintSubmitted', context: { ...LABOUR, labourBypass: 'WAGE_IOU' }, type: 'REGISTER', to: 'registered', effects: [ACCEPT, rep('REGISTERED')] },
      { from: 'complaintSubmitted', context: { ...LABOUR, labourBypass: 'WAGE_ONLY_AGREEMENT' }, type: 'REGISTER', to: 'registered', effects: [ACCEPT, rep('REGISTERED')] },
      // S2 step 7: the employer sues against a non-final award, sent on by the labour-arbitration case.
      {
        from: 'complaintSubmitted',
        context: { ...LABOUR, originWorkflow: 'lab', priorArbitration: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER' },
        type: 'REGISTER',
        to: 'registered',
        effects: [ACCEPT, rep('REGISTERED')],
      },
      // The worker may sue against a final award (劳动争议调解仲裁法 第四十八条).
      { from: 'complaintSubmitted', context: { ...LABOUR, priorArbitration: 'FINAL_AWARD', plaintiffSide: 'WORKER' }, type: 'REGISTER', to: 'registered', effects: [ACCEPT, rep('REGISTERED')] },
      // R7(c): after the government's decision on the ownership or use rights, the suit is registered.
      { from: 'complaintSubmitted', context: { ...LAND_RIGHTS, landRightsDecisionReceivedOn: '2025-05-10' }, type: 'REGISTER', to: 'registered', effects: [ACCEPT, rep('REGISTERED')] },
      { from: 'complaintSubmitted', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted', effects: [RETURN], contextAfter: { nonAcceptanceServedOn: TODAY } },
      {
        from: 'complaintSubmitted',
        context: LABOUR,
        type: 'REDIRECT',
        data: { reason: 'LABOUR_ARBITRATION_FIRST', explanation: '拖欠工资争议须先向劳动人事争议仲裁委员会申请仲裁' },
        to: 'redirected',
        effects: [RETURN],
      },
      { from: 'complaintSubmitted', context: LEGACY, type: 'DELEGATE_PRE_FILING', over: on('2024-10-08'), to: 'legacy.awaitingReceipt', contextAfter: { mediationOrgId: 'org-tjw' } },
      // By configuration, for a 2025 filing (e.g. importing the files of an old platform).
      { from: 'complaintSubmitted', context: OPENED, type: 'DELEGATE_PRE_FILING', over: { policy: { [ALLOW_LEGACY_PRE_FILING]: true } }, to: 'legacy.awaitingReceipt' },
      { from: 'complaintSubmitted', context: { ...OPENED, legacyPreFilingByPolicy: true }, type: 'DELEGATE_PRE_FILING', to: 'legacy.awaitingReceipt' },
      {
        from: 'legacy.awaitingReceipt',
        context: LEGACY_DELEGATED,
        type: 'MEDIATOR_SIGNED',
        data: reported('SIGNED_FOR', { reportedOn: '2024-10-10' }),
        over: on('2024-10-10'),
        to: 'legacy.preFilingDelegated',
        contextAfter: { preFilingReceivedOn: '2024-10-10' },
      },
      { from: 'legacy.awaitingReceipt', context: LEGACY_DELEGATED, type: 'ENTRUSTMENT_RETURNED', to: 'legacy.preFilingFailed' },
      { from: 'legacy.awaitingReceipt', context: LEGACY_DELEGATED, type: 'WITHDRAW_COMPLAINT', to: 'complaintWithdrawn', effects: [rep('WITHDRAWN')], contextAfter: { closedOn: TODAY } },
      {
        from: 'legacy.preFilingDelegated',
        context: LEGACY_MEDIATING,
        type: 'MEDIATION_AGREED',
        to: 'legacyAgreed',
        effects: [rep('SETTLED', { closure: 'PRE_FILING_AGREEMENT' })],
        contextAfter: { agreementReachedOn: TODAY },
      },
      { from: 'legacy.preFilingDelegated', context: LEGACY_MEDIATING, type: 'MEDIATION_FAILED', to: 'legacy.preFilingFailed' },
      { from: 'legacy.preFilingDelegated', context: LEGACY_MEDIATING, type: 'ENTRUSTMENT_RETURNED', to: 'legacy.preFilingFailed' },
      { from: 'legacy.preFilingDelegated', context: LEGACY_MEDIATING, type: 'PRE_FILING_PERIOD_EXPIRED', over: on('2024-11-10'), to: 'legacy.preFilingFailed' },
      { from: 'legacy.preFilingDelegated', context: LEGACY_MEDIATING, type: 'WITHDRAW_COMPLAINT', to: 'complaintWithdrawn', effects: [rep('WITHDRAWN')], contextAfter: { closedOn: TODAY } },
      {
        from: 'legacy.preFilingFailed',
        context: LEGACY_MEDIATING,
        type: 'REGISTER',
        data: { docketNo: '（2024）浙0102民初9876号', registeredOn: '2024-11-12', procedure: 'SIMPLE' },
        over: on('2024-11-12'),
        to: 'registered',
        effects: [ACCEPT, rep('REGISTERED')],
        contextAfter: { simpleTrialFrom: '2024-11-12' },
      },
      { from: 'legacy.preFilingFailed', context: LEGACY_MEDIATING, type: 'NOT_ACCEPT', to: 'notAccepted', effects: [RETURN] },
      { from: 'legacy.preFilingFailed', context: LEGACY_MEDIATING, type: 'REDIRECT', to: 'redirected', effects: [RETURN] },
      { from: 'legacy.preFilingFailed', context: LEGACY_MEDIATING, type: 'WITHDRAW_COMPLAINT', to: 'complaintWithdrawn', effects: [rep('WITHDRAWN')], contextAfter: { closedOn: TODAY } },
      { from: 'notAccepted', context: REFUSED, type: 'APPEAL_RULING', to: 'notAcceptedAppeal' },
      { from: 'notAccepted', context: REFUSED, type: 'RULING_APPEAL_PERIOD_ENDED', over: { deadlines: {}, ...on('2025-05-27') }, to: 'notAcceptedFinal', effects: [rep('NOT_ACCEPTED')] },
      { from: 'notAcceptedAppeal', context: REFUSED, type: 'UPHOLD_NON_ACCEPTANCE', to: 'notAcceptedFinal', effects: [rep('NOT_ACCEPTED')] },
      {
        from: 'notAcceptedAppeal',
        context: REFUSED,
        type: 'ORDER_ACCEPTANCE',
        to: 'complaintSubmitted',
        contextAfter: { registrationDueFrom: TODAY, nonAcceptanceServedOn: undefined, receivedOn: '2025-04-14' },
      },
      { from: 'registered', context: SIMPLE, type: 'SEEK_MEDIATION_CONSENT', to: 'mediationConsent' },
      // The case is not suited to mediation, or a party refused at once: fee notice, then trial.
      { from: 'registered', context: SIMPLE, type: 'NOTIFY_FEE', to: 'feePending.noticed', contextAfter: { feeNoticeReceivedOn: TODAY } },
      { from: 'registered', context: SIMPLE, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')], contextAfter: { feeHalved: true, closedOn: TODAY } },
      { from: 'registered', context: SIMPLE, type: 'ASSIGN_JUDGE', to: 'registered', contextAfter: { judgeId: 'u-judge-1' } },
      { from: 'mediationConsent', context: SIMPLE, type: 'RECORD_MEDIATION_CONSENT', to: 'entrustment.consented', contextAfter: { mediationConsentedOn: TODAY } },
      { from: 'mediationConsent', context: SIMPLE, type: 'RECORD_MEDIATION_REFUSAL', to: 'feePending.toNotify' },
      { from: 'mediationConsent', context: SIMPLE, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')] },
      { from: 'mediationConsent', context: SIMPLE, type: 'ASSIGN_JUDGE', to: 'mediationConsent', contextAfter: { judgeId: 'u-judge-1' } },
      { from: 'entrustment.consented', context: CONSENTED, type: 'ENTRUST_MEDIATION', to: 'entrustment.awaitingReceipt', contextAfter: { mediationOrgId: 'org-tjw', entrustedOn: TODAY } },
      { from: 'entrustment.consented', context: CONSENTED, type: 'RECORD_MEDIATION_REFUSAL', to: 'feePending.toNotify' },
      { from: 'entrustment.consented', context: CONSENTED, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')], contextAfter: { feeHalved: true, closedOn: TODAY } },
      { from: 'entrustment.consented', context: CONSENTED, type: 'ASSIGN_JUDGE', to: 'entrustment.consented' },
      {
        from: 'entrustment.awaitingReceipt',
        context: ENTRUSTED,
        type: 'MEDIATOR_SIGNED',
        data: reported('SIGNED_FOR', { reportedOn: '2025-04-21' }),
        over: on('2025-04-21'),
        to: 'entrusted.mediating',
        contextAfter: { mediatorSignedOn: '2025-04-21', simpleMediationFrom: '2025-04-21', ordinaryMediationFrom: undefined },
      },
      {
        from: 'entrustment.awaitingReceipt',
        context: { ...ENTRUSTED, procedure: 'ORDINARY', simpleTrialFrom: undefined, ordinaryTrialFrom: '2025-04-18' },
        type: 'MEDIATOR_SIGNED',
        data: reported('SIGNED_FOR', { reportedOn: '2025-04-21' }),
        over: on('2025-04-21'),
        to: 'entrusted.mediating',
        contextAfter: { ordinaryMediationFrom: '2025-04-21', simpleMediationFrom: undefined },
      },
      // The organisation declined before signing: the court may entrust another one (在线调解规则 第十二条).
      { from: 'entrustment.awaitingReceipt', context: ENTRUSTED, type: 'ENTRUSTMENT_RETURNED', to: 'entrustment.consented', contextAfter: { mediationOrgId: undefined, mediationConsentedOn: '2025-04-18' } },
      { from: 'entrustment.awaitingReceipt', context: ENTRUSTED, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')], contextAfter: { feeHalved: true, closedOn: TODAY } },
      { from: 'entrustment.awaitingReceipt', context: ENTRUSTED, type: 'ASSIGN_JUDGE', to: 'entrustment.awaitingReceipt' },
      // S5 step 2: agreed on 2025-04-25, inside D-CT2 (2025-04-28); D-CT3 runs 30 days on from 04-28.
      {
        from: 'entrusted.mediating',
        context: MEDIATING,
        type: 'EXTEND_MEDIATION',
        over: { deadlines: { 'D-CT2-SIMPLE': '2025-04-28' }, ...on('2025-04-25') },
        to: 'entrusted.extended',
        effects: [PAUSE],
        contextAfter: { extensionFrom: '2025-04-28' },
      },
      // On the last day of the period.
      { from: 'entrusted.mediating', context: MEDIATING, type: 'EXTEND_MEDIATION', over: { deadlines: { 'D-CT2-SIMPLE': TODAY } }, to: 'entrusted.extended', effects: [PAUSE] },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'MEDIATION_AGREED', to: 'agreed', contextAfter: { agreementReachedOn: TODAY } },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'MEDIATION_FAILED', to: 'feePending.toNotify' },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'MEDIATION_FAILED', data: reported('REFUSED'), to: 'feePending.toNotify' },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'ENTRUSTMENT_RETURNED', to: 'feePending.toNotify' },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'MEDIATION_PERIOD_EXPIRED', over: { deadlines: {}, ...on('2025-04-29') }, to: 'feePending.toNotify' },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')], contextAfter: { feeHalved: true, closedOn: TODAY } },
      { from: 'entrusted.mediating', context: MEDIATING, type: 'ASSIGN_JUDGE', to: 'entrusted.mediating' },
      { from: 'entrusted.extended', context: EXTENDED, type: 'MEDIATION_AGREED', to: 'agreed', effects: [RESUME], contextAfter: { agreementReachedOn: TODAY } },
      { from: 'entrusted.extended', context: EXTENDED, type: 'MEDIATION_FAILED', to: 'feePending.toNotify', effects: [RESUME] },
      { from: 'entrusted.extended', context: EXTENDED, type: 'ENTRUSTMENT_RETURNED', to: 'feePending.toNotify', effects: [RESUME] },
      { from: 'entrusted.extended', context: EXTENDED, type: 'EXTENSION_EXPIRED', over: { deadlines: {}, ...on('2025-05-29') }, to: 'feePending.toNotify', effects: [RESUME] },
      // Leaving the extension restarts the trial-period clock, which the withdrawal then closes.
      { from: 'entrusted.extended', context: EXTENDED, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [RESUME, rep('WITHDRAWN')], contextAfter: { feeHalved: true, closedOn: TODAY } },
      // A self-transition: the extension is neither left nor re-entered, so the clock stays paused.
      { from: 'entrusted.extended', context: EXTENDED, type: 'ASSIGN_JUDGE', to: 'entrusted.extended', effects: [] },
      {
        from: 'agreed',
        context: AGREED,
        type: 'WITHDRAW_SUIT',
        to: 'settledWithdrawn',
        effects: [rep('SETTLED', { closure: 'WITHDRAWN' })],
        contextAfter: { feeHalved: true, closedOn: TODAY },
      },
      {
        from: 'agreed',
        context: AGREED,
        type: 'RECORD_IMMEDIATE_PERFORMANCE',
        to: 'settledOtherWay',
        effects: [rep('SETTLED', { closure: 'OTHER_WAY' })],
        contextAfter: { feeHalved: true, closedOn: TODAY },
      },
      {
        from: 'agreed',
        context: AGREED,
        type: 'MEDIATION_DOC_SIGNED',
        to: 'settledByMediationDoc',
        effects: [rep('SETTLED', { closure: 'MEDIATION_DOC' })],
        contextAfter: { mediationDocSignedOn: TODAY, performanceDueOn: '2025-06-15', feeHalved: true },
      },
      { from: 'agreed', context: AGREED, type: 'AGREEMENT_REPUDIATED', to: 'feePending.toNotify' },
      { from: 'agreed', context: AGREED, type: 'ASSIGN_JUDGE', to: 'agreed' },
      { from: 'settledByMediationDoc', context: DOC, type: 'APPLY_ENFORCEMENT', over: on('2025-06-16'), data: { applicantPartyIds: ['p1'], appliedOn: '2025-06-16' }, to: 'enforcement', contextAfter: { closedOn: '2025-06-16' } },
      { from: 'settledByMediationDoc', context: DOC, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'feePending.toNotify', context: SIMPLE, type: 'NOTIFY_FEE', to: 'feePending.noticed', contextAfter: { feeNoticeReceivedOn: TODAY } },
      { from: 'feePending.toNotify', context: SIMPLE, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')] },
      { from: 'feePending.toNotify', context: SIMPLE, type: 'ASSIGN_JUDGE', to: 'feePending.toNotify' },
      { from: 'feePending.noticed', context: NOTICED, type: 'PAY_FEE', to: 'trial.simple', contextAfter: { feePaidOn: TODAY } },
      { from: 'feePending.noticed', context: { ...ORDINARY, feeNoticeReceivedOn: '2025-05-19' }, type: 'PAY_FEE', to: 'trial.ordinary', contextAfter: { feePaidOn: TODAY } },
      // 司法救助: a deferred fee lets the case go to trial too (诉讼费用交纳办法 第四十四条).
      { from: 'feePending.noticed', context: NOTICED, type: 'PAY_FEE', data: { paidOn: TODAY, relief: 'DEFERRED' }, to: 'trial.simple', contextAfter: { feeRelief: 'DEFERRED' } },
      {
        from: 'feePending.noticed',
        context: NOTICED,
        type: 'FEE_OVERDUE',
        over: { deadlines: {}, ...on('2025-05-27') },
        to: 'deemedWithdrawn',
        effects: [rep('DEEMED_WITHDRAWN')],
        contextAfter: { closedOn: '2025-05-27' },
      },
      { from: 'feePending.noticed', context: NOTICED, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')] },
      { from: 'feePending.noticed', context: NOTICED, type: 'ASSIGN_JUDGE', to: 'feePending.noticed' },
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'JUDGE', to: 'judgmentServed', contextAfter: { judgedOn: TODAY, performanceDays: 10 } },
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'JUDGE', data: { judgmentNo: DOCKET, judgedOn: TODAY, result: 'DISMISSED' }, to: 'judgmentServed', contextAfter: { performanceDays: undefined } },
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'MEDIATION_DOC_SIGNED', to: 'settledByMediationDoc', effects: [rep('SETTLED', { closure: 'MEDIATION_DOC' })] },
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')] },
      // 民诉解释 第二百五十八条: the ordinary period then counts from registration.
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'CONVERT_TO_ORDINARY', to: 'trial.ordinary', contextAfter: { procedure: 'ORDINARY', ordinaryTrialFrom: '2025-04-18' } },
      { from: 'trial.simple', context: IN_SIMPLE_TRIAL, type: 'ASSIGN_JUDGE', to: 'trial.simple', contextAfter: { judgeId: 'u-judge-1' } },
      { from: 'trial.ordinary', context: IN_ORDINARY_TRIAL, type: 'JUDGE', to: 'judgmentServed' },
      { from: 'trial.ordinary', context: IN_ORDINARY_TRIAL, type: 'MEDIATION_DOC_SIGNED', to: 'settledByMediationDoc', effects: [rep('SETTLED', { closure: 'MEDIATION_DOC' })] },
      { from: 'trial.ordinary', context: IN_ORDINARY_TRIAL, type: 'WITHDRAW_SUIT', to: 'withdrawn', effects: [rep('WITHDRAWN')] },
      { from: 'trial.ordinary', context: IN_ORDINARY_TRIAL, type: 'ASSIGN_JUDGE', to: 'trial.ordinary' },
      { from: 'judgmentServed', context: JUDGED, type: 'SERVE_JUDGMENT', to: 'appealWindow', contextAfter: { judgmentServedOn: TODAY } },
      { from: 'appealWindow', context: SERVED, type: 'APPEAL', to: 'appeal.filed', contextAfter: { appealedOn: TODAY } },
      // Posted on the last day, recorded two days later: the appeal is in time (民诉法 第八十五条, 在途时间不算).
      { from: 'appealWindow', context: SERVED, type: 'APPEAL', data: { appellantPartyIds: ['p2'], appealedOn: '2025-06-04' }, over: { ...on('2025-06-06') }, to: 'appeal.filed' },
      {
        from: 'appealWindow',
        context: SERVED,
        type: 'APPEAL_PERIOD_ENDED',
        over: { deadlines: { 'D-CT7': '2025-06-04' }, ...on('2025-06-05') },
        to: 'final',
        effects: [rep('JUDGMENT_FINAL')],
        contextAfter: { effectiveOn: '2025-06-05', performanceDueOn: '2025-06-15' },
      },
      { from: 'appeal.filed', context: APPEALED, type: 'APPEAL_REGISTERED', to: 'appeal.registered', contextAfter: { appealRegisteredOn: TODAY } },
      {
        from: 'appeal.registered',
        context: IN_APPEAL,
        type: 'SECOND_INSTANCE_CONCLUDED',
        to: 'final',
        effects: [rep('JUDGMENT_FINAL')],
        contextAfter: { effectiveOn: TODAY, performanceDueOn: '2025-05-30' },
      },
      {
        from: 'appeal.registered',
        context: IN_APPEAL,
        type: 'SECOND_INSTANCE_CONCLUDED',
        data: { result: 'AMENDED', servedOn: TODAY, performanceDueOn: '2025-07-01' },
        to: 'final',
        effects: [rep('JUDGMENT_FINAL')],
        contextAfter: { performanceDueOn: '2025-07-01' },
      },
      {
        from: 'appeal.registered',
        context: IN_APPEAL,
        type: 'REMAND',
        to: 'trial.ordinary',
        contextAfter: {
          procedure: 'ORDINARY',
          ordinaryTrialFrom: TODAY,
          remandedOn: TODAY,
          simpleTrialFrom: undefined,
          judgedOn: undefined,
          judgmentServedOn: undefined,
          appealedOn: undefined,
        },
      },
      { from: 'final', context: FINAL_JUDGMENT, type: 'APPLY_ENFORCEMENT', to: 'enforcement' },
      { from: 'final', context: FINAL_JUDGMENT, type: 'RECORD_PERFORMED', to: 'performed' },
      // R7(b): the defendant raised a valid written arbitration agreement before the first hearing; no report, the
      // sending channels' cases ended when the suit was filed.
      ...(
        [
          ['registered', SIMPLE],
          ['mediationConsent', SIMPLE],
          ['feePending.toNotify', SIMPLE],
          ['feePending.noticed', NOTICED],
          ['trial.simple', IN_SIMPLE_TRIAL],
          ['trial.ordinary', IN_ORDINARY_TRIAL],
        ] as const
      ).map(([from, context]): Case => ({ from, context, type: 'DISMISS_FOR_ARBITRATION_AGREEMENT', to: 'dismissedForArbitration', effects: [rep('DISMISSED')], contextAfter: { closedOn: TODAY } })),
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it('uses sample data every declared schema accepts', () => {
      for (const r of rows) {
        const ev = event(r.type, r.data, r.over);
        expect({ type: r.type, errors: schemaErrors(ct.events[r.type].schema, ev.data) }).toEqual({ type: r.type, errors: [] });
      }
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(ct, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }),
        effects,
        final: FINAL.includes(to),
      });
      if (d.allowed) for (const [k, v] of Object.entries(contextAfter)) if (v === undefined) expect({ [k]: d.context[k] }).toEqual({ [k]: undefined });
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: CtContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: string[] };
    const MEDIATION_DOC = VALID.MEDIATION_DOC_SIGNED;
    const rows: Case[] = [
      { name: 'a labour dispute is sued with no arbitration and no bypass', from: 'complaintSubmitted', context: LABOUR, type: 'REGISTER', violations: ['labourArbitratedFirst'] },
      { name: 'a land use-rights dispute is sued before the government decided it (R7(c))', from: 'complaintSubmitted', context: LAND_RIGHTS, type: 'REGISTER', violations: ['landRightsDeterminedFirst'] },
      {
        name: 'a labour dispute comes back after a failed legacy pre-filing mediation, still not arbitrated',
        from: 'legacy.preFilingFailed',
        context: { ...LEGACY_MEDIATING, category: 'LABOUR' },
        type: 'REGISTER',
        violations: ['labourArbitratedFirst'],
      },
      {
        name: 'an employer sues at the basic court against a final award (S2b)',
        from: 'complaintSubmitted',
        context: { ...LABOUR, priorArbitration: 'FINAL_AWARD', plaintiffSide: 'EMPLOYER' },
        type: 'REGISTER',
        violations: ['employerCannotSueOnFinalAward'],
      },
      {
        name: 'the case is registered with tomorrow’s date',
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'REGISTER',
        data: { ...VALID.REGISTER, registeredOn: '2025-05-21' },
        violations: ['registeredNotInFuture'],
      },
      { name: 'a 2025 complaint is delegated to pre-filing mediation (S5 step 1)', from: 'complaintSubmitted', context: OPENED, type: 'DELEGATE_PRE_FILING', violations: ['legacyPreFilingAllowed'] },
      {
        name: 'a 2025 complaint is delegated with a policy that does not say true',
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'DELEGATE_PRE_FILING',
        over: { policy: { [ALLOW_LEGACY_PRE_FILING]: 'yes' } },
        violations: ['legacyPreFilingAllowed'],
      },
      {
        name: 'a 2024 complaint is delegated with one party’s consent only',
        from: 'complaintSubmitted',
        context: LEGACY,
        type: 'DELEGATE_PRE_FILING',
        data: { ...VALID.DELEGATE_PRE_FILING, consentedPartyIds: ['p1'] },
        violations: ['allPartiesConsentToDelegation'],
      },
      {
        name: 'a 2025 complaint is delegated with one party’s consent only',
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'DELEGATE_PRE_FILING',
        data: { ...VALID.DELEGATE_PRE_FILING, consentedPartyIds: ['p2'] },
        violations: ['legacyPreFilingAllowed', 'allPartiesConsentToDelegation'],
      },
      {
        name: 'only the plaintiff consents to mediation',
        from: 'mediationConsent',
        context: SIMPLE,
        type: 'RECORD_MEDIATION_CONSENT',
        data: { ...VALID.RECORD_MEDIATION_CONSENT, consentedPartyIds: ['p1'] },
        violations: ['allPartiesConsentToMediation'],
      },
      {
        name: 'only one party agrees to extend',
        from: 'entrusted.mediating',
        context: MEDIATING,
        type: 'EXTEND_MEDIATION',
        data: { consentedPartyIds: ['p2'], agreedOn: TODAY },
        violations: ['allPartiesConsentToExtension'],
      },
      {
        name: 'the extension is agreed the day after D-CT2 fell due',
        from: 'entrusted.mediating',
        context: MEDIATING,
        type: 'EXTEND_MEDIATION',
        over: { deadlines: { 'D-CT2-SIMPLE': '2025-05-19' } },
        violations: ['withinMediationPeriod'],
      },
      {
        name: 'an ordinary-procedure case is extended with only the simple-procedure period pending',
        from: 'entrusted.mediating',
        context: { ...MEDIATING, procedure: 'ORDINARY' },
        type: 'EXTEND_MEDIATION',
        over: { deadlines: { 'D-CT2-SIMPLE': '2025-05-25' } },
        violations: ['withinMediationPeriod'],
      },
      {
        name: 'one party alone agrees to extend, too late',
        from: 'entrusted.mediating',
        context: MEDIATING,
        type: 'EXTEND_MEDIATION',
        data: { consentedPartyIds: ['p1'], agreedOn: TODAY },
        over: { deadlines: {} },
        violations: ['allPartiesConsentToExtension', 'withinMediationPeriod'],
      },
      {
        name: 'the mediation document is signed for by one party only',
        from: 'agreed',
        context: AGREED,
        type: 'MEDIATION_DOC_SIGNED',
        data: { ...MEDIATION_DOC, signedPartyIds: ['p1'] },
        violations: ['bothPartiesSignedMediationDoc'],
      },
      {
        name: 'an in-trial mediation document is signed for by one party only',
        from: 'trial.ordinary',
        context: IN_ORDINARY_TRIAL,
        type: 'MEDIATION_DOC_SIGNED',
        data: { ...MEDIATION_DOC, signedPartyIds: ['p2'] },
        violations: ['bothPartiesSignedMediationDoc'],
      },
      {
        name: 'the mediation document is signed for tomorrow',
        from: 'trial.simple',
        context: IN_SIMPLE_TRIAL,
        type: 'MEDIATION_DOC_SIGNED',
        data: { ...MEDIATION_DOC, signedOn: '2025-05-21' },
        violations: ['signedNotInFuture'],
      },
      { name: 'the fee notice is dated tomorrow', from: 'feePending.toNotify', context: SIMPLE, type: 'NOTIFY_FEE', data: { noticeReceivedOn: '2025-05-21' }, violations: ['noticeNotInFuture'] },
      { name: 'the judgment is served tomorrow', from: 'judgmentServed', context: JUDGED, type: 'SERVE_JUDGMENT', data: { servedOn: '2025-05-21' }, violations: ['servedNotInFuture'] },
      {
        name: 'the non-acceptance ruling is served tomorrow',
        from: 'complaintSubmitted',
        context: OPENED,
        type: 'NOT_ACCEPT',
        data: { ...VALID.NOT_ACCEPT, servedOn: '2025-05-21' },
        violations: ['servedNotInFuture'],
      },
      {
        name: 'the appeal is lodged the day after D-CT7',
        from: 'appealWindow',
        context: SERVED,
        type: 'APPEAL',
        data: { appellantPartyIds: ['p2'], appealedOn: '2025-06-05' },
        over: on('2025-06-05'),
        violations: ['appealInTime'],
      },
      { name: 'the appeal is dated in the future', from: 'appealWindow', context: SERVED, type: 'APPEAL', data: { appellantPartyIds: ['p2'], appealedOn: '2025-05-22' }, violations: ['appealInTime'] },
      { name: 'an appeal comes with no appeal period pending', from: 'appealWindow', context: SERVED, type: 'APPEAL', over: { deadlines: {} }, violations: ['appealInTime'] },
      {
        name: 'the non-acceptance is appealed after 10 days',
        from: 'notAccepted',
        context: REFUSED,
        type: 'APPEAL_RULING',
        data: { appellantPartyIds: ['p1'], appealedOn: '2025-05-27' },
        over: { deadlines: { 'D-CT7-RULING': '2025-05-26' }, ...on('2025-05-27') },
        violations: ['rulingAppealInTime'],
      },
      {
        name: 'the appeal court remands a case a second time',
        from: 'appeal.registered',
        context: { ...IN_APPEAL, remandedOn: '2025-03-01' },
        type: 'REMAND',
        violations: ['notRemandedBefore'],
      },
      {
        name: 'the appeal court’s registration is dated tomorrow',
        from: 'appeal.filed',
        context: APPEALED,
        type: 'APPEAL_REGISTERED',
        data: { registeredOn: '2025-05-21' },
        violations: ['registeredNotInFuture'],
      },
    ];

    it.each(rows)('machine refuses when $name', ({ from, context, type, data, over }) => {
      const ev = event(type, data, over);
      const snapshot = restore(from, context);
      expect(snapshot.can(ev)).toBe(false);
      expect(transition(ct.machine, snapshot, ev)[0]).toBe(snapshot);
      expect(legalEventsIn(from)).toContain(type);
    });

    it.each(rows)('each named precondition fails, and only those, when $name', ({ context, type, data, over, violations }) => {
      const ev = event(type, data, over);
      const failing = (ct.events[type].preconditions ?? []).filter((name) => !ct.preconditions[name].check(context, ev));
      expect(sorted(failing)).toEqual(sorted(violations));
    });

    it.each(rows)('decide() explains why when $name', ({ from, context, type, data, over, violations }) => {
      const d = decide(ct, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: false,
        reason: 'PRECONDITION',
        state: from,
        allowedEvents: expect.any(Array),
        violations: violations.map((precondition) => ({
          precondition,
          legalBasis: ct.preconditions[precondition].legalBasis,
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
          messageEn: expect.stringMatching(/\w/),
        })),
      });
      if (!d.allowed) expect(sorted(d.allowedEvents)).toEqual(legalEventsIn(from));
    });

    it('refuses a labour dispute sent straight to court with the legal reason, naming the articles', () => {
      const p = ct.preconditions.labourArbitratedFirst;
      expect(p.check(LABOUR, event('REGISTER'))).toBe(false);
      expect(p.message).toMatch(/劳动争议调解仲裁法 第五条/);
      expect(p.message).toMatch(/第十五条、第五十一条/);
      expect(p.legalBasis).toBe('劳动争议调解仲裁法 第五条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十五条、第五十一条');
      // What lets it through: coming from labour arbitration, a declared bypass, or an arbitration outcome on file.
      for (const context of [
        { ...LABOUR, originWorkflow: 'lab' },
        { ...LABOUR, labourBypass: 'WAGE_IOU' as const },
        { ...LABOUR, labourBypass: 'WAGE_ONLY_AGREEMENT' as const },
        { ...LABOUR, priorArbitration: 'NOT_ACCEPTED_BY_COMMISSION' as const },
        { ...LABOUR, priorArbitration: 'NO_AWARD_IN_TIME' as const },
        { ...LABOUR, priorArbitration: 'AWARD_SET_ASIDE' as const, plaintiffSide: 'EMPLOYER' as const },
        { ...LABOUR, category: 'CONTRACT' },
      ]) {
        expect({ context, ok: p.check(context, event('REGISTER')) }).toEqual({ context, ok: true });
      }
      // Coming from another channel does not count: a labour dispute a mediation committee sends on must still arbitrate.
      expect(p.check({ ...LABOUR, originWorkflow: 'pm' }, event('REGISTER'))).toBe(false);
    });

    it('refuses pre-filing mediation of a 2025 filing citing the 2025 意见, and allows it for 2024 filings (S5, S5-L)', () => {
      const p = ct.preconditions.legacyPreFilingAllowed;
      expect(p.legalBasis).toMatch(/关于严格依法规范民事案件立案与调解工作的意见/);
      expect(p.message).toMatch(/2025年1月1日/);
      expect(p.check(OPENED, event('DELEGATE_PRE_FILING'))).toBe(false);
      expect(p.check({ ...OPENED, receivedOn: '2024-12-31' }, event('DELEGATE_PRE_FILING'))).toBe(true);
      expect(p.check({ ...OPENED, receivedOn: '2025-01-01' }, event('DELEGATE_PRE_FILING'))).toBe(false);
      expect(p.check(LEGACY, event('DELEGATE_PRE_FILING'))).toBe(true);
    });
  });

  describe('the scenarios of spec appendix (d)', () => {
    type Stepper = { state: string; context: CtContext; effects: Effect[] };
    /** Applies events one after another, failing with the step that the machine refused. */
    function run(from: string, context: CtContext, steps: [type: string, data: Record<string, unknown>, today: string, deadlines?: Record<string, string>][]): Stepper {
      let cur: Stepper = { state: from, context, effects: [] };
      for (const [type, data, today, deadlines = {}] of steps) {
        const s = step(cur.state, cur.context, event(type, data, { ...on(today), deadlines }));
        expect({ at: `${cur.state} --${type}--> on ${today}`, allowed: s.allowed }).toEqual({ at: `${cur.state} --${type}--> on ${today}`, allowed: true });
        if (!s.allowed) return cur;
        cur = { state: s.to, context: s.context as CtContext, effects: [...cur.effects, ...s.effects] };
      }
      return cur;
    }
    /** The due date of the deadline `id` a state declares, counted from its anchor in `context`, the plain way. */
    const due = (state: string, id: string, context: CtContext): string | undefined => {
      const spec = deadlinesOf(ct, state).find((d) => d.id === id);
      if (!spec) throw new Error(`${state} declares no ${id}`);
      const anchor = spec.anchor ? (context as any)[spec.anchor.contextDate] : undefined;
      return typeof anchor === 'string' ? plainDue(anchor, spec.period) : undefined;
    };

    it('S5: registration on 04-18, mediator’s receipt on 04-21, extension, 调解书 on 05-20, enforcement window to 2027-06-15', () => {
      const s5 = ct.initialContext({ partyIds: PARTIES, openedOn: '2025-04-14', input: { receivedOn: '2025-04-14', claimAmount: 6000 }, category: 'PROPERTY_MANAGEMENT' });
      expect(due('complaintSubmitted', 'D-CT1', s5)).toBe('2025-04-21');
      expect(step('complaintSubmitted', s5, event('DELEGATE_PRE_FILING', VALID.DELEGATE_PRE_FILING, on('2025-04-14')))).toEqual({ allowed: false });

      const registered = run('complaintSubmitted', s5, [['REGISTER', { docketNo: DOCKET, registeredOn: '2025-04-18', procedure: 'SIMPLE' }, '2025-04-18']]);
      expect(registered.state).toBe('registered');
      expect(due('registered', 'D-CT5', registered.context)).toBe('2025-07-18');
      expect(due('registered', 'D-CT6', registered.context)).toBeUndefined();

      const mediating = run(registered.state, registered.context, [
        ['SEEK_MEDIATION_CONSENT', {}, '2025-04-18'],
        ['RECORD_MEDIATION_CONSENT', { consentedPartyIds: PARTIES, consentedOn: '2025-04-18' }, '2025-04-18'],
        ['ENTRUST_MEDIATION', { mediationOrgId: 'org-wyjf' }, '2025-04-18'],
        ['MEDIATOR_SIGNED', reported('SIGNED_FOR', { reportedOn: '2025-04-21' }), '2025-04-21'],
      ]);
      expect(mediating.state).toBe('entrusted.mediating');
      expect(due('entrusted.mediating', 'D-CT2-SIMPLE', mediating.context)).toBe('2025-04-28');
      expect(due('entrusted.mediating', 'D-CT2-ORDINARY', mediating.context)).toBeUndefined();

      const extended = run(mediating.state, mediating.context, [['EXTEND_MEDIATION', { consentedPartyIds: PARTIES, agreedOn: '2025-04-27' }, '2025-04-27', { 'D-CT2-SIMPLE': '2025-04-28' }]]);
      expect(extended.state).toBe('entrusted.extended');
      expect(due('entrusted.extended', 'D-CT3', extended.context)).toBe('2025-05-28');
      expect(extended.effects).toEqual([PAUSE]);

      const settled = run(extended.state, extended.context, [
        ['MEDIATION_AGREED', reported('AGREED', { reportedOn: '2025-05-15' }), '2025-05-15', { 'D-CT3': '2025-05-28' }],
        ['MEDIATION_DOC_SIGNED', { docNo: DOCKET, signedPartyIds: PARTIES, signedOn: '2025-05-20', performanceDueOn: '2025-06-15' }, '2025-05-20'],
      ]);
      expect(settled.state).toBe('settledByMediationDoc');
      expect(settled.context).toMatchObject({ feeHalved: true, mediationDocSignedOn: '2025-05-20', performanceDueOn: '2025-06-15' });
      expect(settled.effects).toEqual([RESUME, rep('SETTLED', { closure: 'MEDIATION_DOC' })]);
      expect(due('settledByMediationDoc', 'D-EX1', settled.context)).toBe('2027-06-15');

      const enforced = run(settled.state, settled.context, [['APPLY_ENFORCEMENT', { applicantPartyIds: ['p1'], appliedOn: '2025-06-16' }, '2025-06-16']]);
      expect(enforced.state).toBe('enforcement');
    });

    it('S5-L: filed 2024-10-08, delegated, mediator signs 10-10 (D-CT-L1 2024-11-09, raw), fails, then 登记立案', () => {
      const filed = ct.initialContext({ partyIds: PARTIES, openedOn: '2024-10-08', input: { receivedOn: '2024-10-08' } });
      const delegated = run('complaintSubmitted', filed, [
        ['DELEGATE_PRE_FILING', { mediationOrgId: 'org-wyjf', consentedPartyIds: PARTIES }, '2024-10-08'],
        ['MEDIATOR_SIGNED', reported('SIGNED_FOR', { reportedOn: '2024-10-10' }), '2024-10-10'],
      ]);
      expect(delegated.state).toBe('legacy.preFilingDelegated');
      const l1 = deadlinesOf(ct, 'legacy.preFilingDelegated').find((d) => d.id === 'D-CT-L1')!;
      expect(l1.rollForward).toBe(false);
      expect(due('legacy.preFilingDelegated', 'D-CT-L1', delegated.context)).toBe('2024-11-09');
      // No transfer was signed for yet: a legacy pre-filing case has no 民初 registration.
      expect(delegated.effects).toEqual([]);

      const registered = run(delegated.state, delegated.context, [
        ['MEDIATION_FAILED', reported('FAILED', { reportedOn: '2024-11-05' }), '2024-11-05'],
        ['REGISTER', { docketNo: '（2024）浙0102民初9876号', registeredOn: '2024-11-06', procedure: 'SIMPLE' }, '2024-11-06'],
      ]);
      expect(registered.state).toBe('registered');
      expect(registered.effects).toEqual([ACCEPT, rep('REGISTERED')]);
    });

    it('S2 steps 7–10: an employer’s suit after a non-final award, simple procedure, to finality and the enforcement window', () => {
      const sued = ct.initialContext({
        partyIds: PARTIES,
        openedOn: '2025-05-20',
        input: { receivedOn: '2025-05-20', priorArbitration: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER' },
        category: 'LABOUR',
        origin: { route: 'R10a', workflow: 'lab' },
      });
      expect(due('complaintSubmitted', 'D-CT1', sued)).toBe('2025-05-27');
      const mediating = run('complaintSubmitted', sued, [
        ['REGISTER', { docketNo: DOCKET, registeredOn: '2025-05-22', procedure: 'SIMPLE' }, '2025-05-22'],
        ['SEEK_MEDIATION_CONSENT', {}, '2025-05-22'],
        ['RECORD_MEDIATION_CONSENT', { consentedPartyIds: PARTIES, consentedOn: '2025-05-22' }, '2025-05-22'],
        ['ENTRUST_MEDIATION', { mediationOrgId: 'org-ldtj' }, '2025-05-22'],
        ['MEDIATOR_SIGNED', reported('SIGNED_FOR', { reportedOn: '2025-05-23' }), '2025-05-23'],
      ]);
      expect(due('registered', 'D-CT5', mediating.context)).toBe('2025-08-22');
      expect(due('entrusted.mediating', 'D-CT2-SIMPLE', mediating.context)).toBe('2025-05-30');

      // 05-30: no agreement and E refuses to extend; notice 06-03; paid 06-05.
      const noticed = run(mediating.state, mediating.context, [
        ['MEDIATION_FAILED', reported('FAILED', { reportedOn: '2025-05-30' }), '2025-05-30'],
        ['NOTIFY_FEE', { noticeReceivedOn: '2025-06-03' }, '2025-06-03'],
      ]);
      expect(noticed.state).toBe('feePending.noticed');
      expect(due('feePending.noticed', 'D-CT4', noticed.context)).toBe('2025-06-10');

      const final = run(noticed.state, noticed.context, [
        ['PAY_FEE', { paidOn: '2025-06-05' }, '2025-06-05'],
        ['JUDGE', { judgmentNo: DOCKET, judgedOn: '2025-07-15', result: 'PARTLY_SUPPORTED', performanceDays: 10 }, '2025-07-15'],
        ['SERVE_JUDGMENT', { servedOn: '2025-07-16' }, '2025-07-16'],
      ]);
      expect(final.state).toBe('appealWindow');
      expect(due('appealWindow', 'D-CT7', final.context)).toBe('2025-07-31');

      const effective = run(final.state, final.context, [['APPEAL_PERIOD_ENDED', {}, '2025-08-01', { 'D-CT7': '2025-07-31' }]]);
      expect(effective.state).toBe('final');
      expect(effective.context).toMatchObject({ effectiveOn: '2025-08-01', performanceDueOn: '2025-08-11' });
      expect(due('final', 'D-EX1', effective.context)).toBe('2027-08-11');
      expect(due('final', 'D-CT9', effective.context)).toBe('2026-02-01');
      expect(effective.effects).toEqual([rep('JUDGMENT_FINAL')]);
    });

    it('S4: the 30-day extension is taken out of the trial-period clock, and only it', () => {
      const registered: CtContext = { ...OPENED, receivedOn: '2025-04-02', registrationDueFrom: '2025-04-02', docketNo: DOCKET, registeredOn: '2025-04-08', procedure: 'SIMPLE', simpleTrialFrom: '2025-04-08' };
      expect(due('complaintSubmitted', 'D-CT1', registered)).toBe('2025-04-09');
      const mediating = run('registered', registered, [
        ['SEEK_MEDIATION_CONSENT', {}, '2025-04-09'],
        ['RECORD_MEDIATION_CONSENT', { consentedPartyIds: PARTIES, consentedOn: '2025-04-09' }, '2025-04-09'],
        ['ENTRUST_MEDIATION', { mediationOrgId: 'org-jtw' }, '2025-04-09'],
        ['MEDIATOR_SIGNED', reported('SIGNED_FOR', { reportedOn: '2025-04-09' }), '2025-04-09'],
      ]);
      expect(due('entrusted.mediating', 'D-CT2-SIMPLE', mediating.context)).toBe('2025-04-16');
      expect(mediating.effects).toEqual([]);
      const extended = run(mediating.state, mediating.context, [['EXTEND_MEDIATION', { consentedPartyIds: PARTIES, agreedOn: '2025-04-15' }, '2025-04-15', { 'D-CT2-SIMPLE': '2025-04-16' }]]);
      expect(due('entrusted.extended', 'D-CT3', extended.context)).toBe('2025-05-16');
      const toTrial = run(extended.state, extended.context, [['MEDIATION_FAILED', reported('FAILED', { reportedOn: '2025-05-12' }), '2025-05-12', { 'D-CT3': '2025-05-16' }]]);
      expect(toTrial.state).toBe('feePending.toNotify');
      // The clock of the trial periods stops on entering the extension and restarts on leaving it; D-CT2 and D-CT3
      // are not touched.
      expect([...extended.effects, ...toTrial.effects]).toEqual([PAUSE, RESUME]);
      // The trial periods run through the extension (so that there is a clock to pause), and through nothing later
      // than the first-instance judgment.
      for (const id of ['D-CT5', 'D-CT6']) {
        const spec = deadlinesOf(ct, 'registered').find((d) => d.id === id)!;
        expect(spec.runsThrough).toEqual(expect.arrayContaining(['entrusted.mediating', 'entrusted.extended', 'feePending.noticed']));
        expect(spec.runsThrough).not.toContain('judgmentServed');
        expect(spec.anchor).toEqual({ contextDate: id === 'D-CT5' ? 'simpleTrialFrom' : 'ordinaryTrialFrom' });
      }
    });

    it('S4/S2: a conversion to the ordinary procedure ends D-CT5 and opens D-CT6 from registration (民诉解释 第二百五十八条)', () => {
      const d5 = deadlinesOf(ct, 'registered').find((d) => d.id === 'D-CT5')!;
      expect(d5.runsThrough).toContain('trial.simple');
      expect(d5.runsThrough).not.toContain('trial.ordinary');
      const d6 = deadlinesOf(ct, 'trial.ordinary').find((d) => d.id === 'D-CT6')!;
      expect(d6.anchor).toEqual({ contextDate: 'ordinaryTrialFrom' });
      const converted = step('trial.simple', IN_SIMPLE_TRIAL, event('CONVERT_TO_ORDINARY'));
      expect(converted).toMatchObject({ allowed: true, to: 'trial.ordinary', context: { ordinaryTrialFrom: '2025-04-18' } });
      if (converted.allowed) expect(due('trial.ordinary', 'D-CT6', converted.context as CtContext)).toBe('2025-10-18');
    });
  });

  describe('deadlines', () => {
    const declared = LEAVES.flatMap((s) => s.deadlines.map((d: DeadlineSpec) => ({ state: s.id, d })));
    const handledIn = (state: string) => TRANSITIONS.filter(([from]) => from === state).map(([, type]) => type);

    it('declares every deadline of table (b) for the court, each with its id', () => {
      expect(sorted(new Set(declared.map((x) => x.d.id)))).toEqual(
        sorted(['D-CT-L1', 'D-CT1', 'D-CT2-ORDINARY', 'D-CT2-SIMPLE', 'D-CT3', 'D-CT4', 'D-CT5', 'D-CT6', 'D-CT7', 'D-CT7-RULING', 'D-CT8', 'D-CT9', 'D-EX1']),
      );
    });

    it('gives each the period, day type, legal basis and confidence of table (b)', () => {
      const table: Record<string, [number, string, string, string]> = {
        'D-CT-L1': [30, 'day', '第二十七条', 'V'],
        'D-CT2-ORDINARY': [15, 'day', '第二十七条', 'V'],
        'D-CT2-SIMPLE': [7, 'day', '第二十七条', 'V'],
        'D-CT3': [30, 'day', '第二十七条', 'S'],
        'D-CT4': [7, 'day', '第二十二条', 'V'],
        'D-CT5': [3, 'month', '第一百六十四条', 'V'],
        'D-CT6': [6, 'month', '第一百五十二条', 'V'],
        'D-CT7': [15, 'day', '第一百七十一条', 'V'],
        'D-CT7-RULING': [10, 'day', '第一百七十一条', 'V'],
        'D-CT8': [3, 'month', '第一百八十三条', 'V'],
        'D-CT9': [6, 'month', '第二百一十六条', 'V'],
        'D-EX1': [2, 'year', '第二百五十条', 'V'],
      };
      for (const { state, d } of declared) {
        const at = `${state}/${d.id}`;
        expect({ at, dayType: d.dayType, label: d.label }).toEqual({ at, dayType: 'calendar', label: expect.stringMatching(/[\u4e00-\u9fff]/) });
        if (d.id === 'D-CT1') {
          expect({ at, period: d.period, basis: d.legalBasis }).toEqual({ at, period: { amount: 7, unit: 'day' }, basis: expect.stringContaining('第一百二十六条') });
          continue;
        }
        const [amount, unit, article, confidence] = table[d.id];
        expect({ at, period: d.period, confidence: d.confidence, basis: d.legalBasis.includes(article) }).toEqual({ at, period: { amount, unit }, confidence, basis: true });
      }
      // The registration after a failed legacy mediation has no period of its own in the law: configurable, unverified.
      const afterLegacy = deadlinesOf(ct, 'legacy.preFilingFailed')[0];
      expect(afterLegacy).toMatchObject({ id: 'D-CT1', confidence: 'U', configKey: 'ct.registrationAfterPreFiling' });
    });

    it('sets the legal effect of expiry where the law gives one, as a SYSTEM event the state handles', () => {
      const onExpiry = Object.fromEntries(declared.filter((x) => x.d.onExpiry).map((x) => [`${x.state}/${x.d.id}`, x.d.onExpiry]));
      expect(onExpiry).toEqual({
        'legacy.preFilingDelegated/D-CT-L1': 'PRE_FILING_PERIOD_EXPIRED',
        'notAccepted/D-CT7-RULING': 'RULING_APPEAL_PERIOD_ENDED',
        'entrusted.mediating/D-CT2-ORDINARY': 'MEDIATION_PERIOD_EXPIRED',
        'entrusted.mediating/D-CT2-SIMPLE': 'MEDIATION_PERIOD_EXPIRED',
        'entrusted.extended/D-CT3': 'EXTENSION_EXPIRED',
        'feePending.noticed/D-CT4': 'FEE_OVERDUE',
        'appealWindow/D-CT7': 'APPEAL_PERIOD_ENDED',
      });
      for (const { state, d } of declared.filter((x) => x.d.onExpiry)) {
        expect({ at: `${state}/${d.id}`, roles: ct.events[d.onExpiry!].roles, handled: handledIn(state).includes(d.onExpiry!) }).toEqual({ at: `${state}/${d.id}`, roles: ['SYSTEM'], handled: true });
      }
      // The court's own periods are service targets: missing them calls for supervision, not a legal effect.
      expect(sorted(declared.filter((x) => x.d.soft).map((x) => `${x.state}/${x.d.id}`))).toEqual(
        sorted(['complaintSubmitted/D-CT1', 'legacy.preFilingFailed/D-CT1', 'registered/D-CT5', 'registered/D-CT6', 'trial.ordinary/D-CT6', 'appeal.registered/D-CT8']),
      );
    });

    it('anchors every period on the fact the law starts it from', () => {
      const anchors = Object.fromEntries(declared.map((x) => [`${x.state}/${x.d.id}`, x.d.anchor?.contextDate ?? '(entering the state)']));
      expect(anchors).toEqual({
        'complaintSubmitted/D-CT1': 'registrationDueFrom',
        'legacy.preFilingDelegated/D-CT-L1': 'preFilingReceivedOn',
        'legacy.preFilingFailed/D-CT1': '(entering the state)',
        'notAccepted/D-CT7-RULING': 'nonAcceptanceServedOn',
        'registered/D-CT5': 'simpleTrialFrom',
        'registered/D-CT6': 'ordinaryTrialFrom',
        'entrusted.mediating/D-CT2-ORDINARY': 'ordinaryMediationFrom',
        'entrusted.mediating/D-CT2-SIMPLE': 'simpleMediationFrom',
        'entrusted.extended/D-CT3': 'extensionFrom',
        'settledByMediationDoc/D-EX1': 'performanceDueOn',
        'feePending.noticed/D-CT4': 'feeNoticeReceivedOn',
        'trial.ordinary/D-CT6': 'ordinaryTrialFrom',
        'appealWindow/D-CT7': 'judgmentServedOn',
        'appeal.registered/D-CT8': 'appealRegisteredOn',
        'final/D-EX1': 'performanceDueOn',
        'final/D-CT9': 'effectiveOn',
      });
    });

    it('runs only through states that exist, and is met only by events those states handle', () => {
      for (const { state, d } of declared) {
        const span = [state, ...(d.runsThrough ?? [])];
        expect({ at: `${state}/${d.id}`, unknown: span.filter((s) => !STATES.includes(s)) }).toEqual({ at: `${state}/${d.id}`, unknown: [] });
        const handled = new Set(span.flatMap(handledIn));
        expect({ at: `${state}/${d.id}`, unknown: (d.metBy ?? []).filter((e) => !handled.has(e)) }).toEqual({ at: `${state}/${d.id}`, unknown: [] });
      }
      for (const s of LEAVES) expect(new Set(s.deadlines.map((d) => d.id)).size).toBe(s.deadlines.length);
    });

    it('keeps the court-mediation periods on their raw date, and lets the parties’ periods roll forward', () => {
      const raw = declared.filter((x) => x.d.rollForward === false).map((x) => x.d.id);
      expect(sorted(raw)).toEqual(sorted(['D-CT-L1', 'D-CT2-ORDINARY', 'D-CT2-SIMPLE', 'D-CT3']));
    });
  });

  describe('manifest and effects', () => {
    it('fits the engine’s startup check: only known effects, reported outcomes listed in the manifest', () => {
      expect(wiringProblems([ct], [])).toEqual([]);
    });

    it('asks only for the engine’s effects and for assignments', () => {
      const implementations = ct.machine.implementations.actions as Record<string, { type?: string }>;
      const unknown = Object.keys(implementations).filter((name) => !(name in EFFECT_TYPES) && implementations[name]?.type !== 'xstate.assign');
      expect(unknown).toEqual([]);
    });

    it('reports in its own words exactly the outcomes its manifest lists', () => {
      const told = new Set<string>();
      for (const [from, type, to] of LEGAL) {
        const s = step(from, contextFor(from), event(type, VALID[type], { policy: { [ALLOW_LEGACY_PRE_FILING]: true }, deadlines: OPEN_WINDOWS }));
        if (!s.allowed || s.to !== (to ?? from)) continue;
        for (const e of s.effects) {
          if (e.type === 'report') told.add(e.params.outcome);
          if (e.type === 'acceptTransfer') told.add('SIGNED_FOR');
          if (e.type === 'returnTransfer') told.add('RETURNED');
        }
      }
      expect(sorted(told)).toEqual(sorted(Object.keys(ct.manifest.outcomes)));
      for (const label of Object.values(ct.manifest.outcomes)) expect(label).toMatch(/[\u4e00-\u9fff]/);
    });

    it('returns a transfer only with a reason the schema requires', () => {
      for (const type of ['NOT_ACCEPT', 'REDIRECT']) {
        expect(ct.events[type].schema?.required).toEqual(expect.arrayContaining(['reason', 'explanation']));
        expect(schemaErrors(ct.events[type].schema, { ...VALID[type], reason: undefined })).not.toEqual([]);
        expect(schemaErrors(ct.events[type].schema, { ...VALID[type], reason: 'BECAUSE' })).not.toEqual([]);
      }
    });

    it('marks the inbox and the queues’ tags on the states they mean', () => {
      const tagged = (tag: string) => sorted(LEAVES.filter((s) => s.tags.includes(tag)).map((s) => s.id));
      expect(tagged('inbox')).toEqual(['complaintSubmitted']);
      expect(tagged('awaitingRegistration')).toEqual(['complaintSubmitted', 'legacy.preFilingFailed']);
      expect(tagged('underMediation')).toEqual(sorted(['entrustment.awaitingReceipt', 'entrusted.mediating', 'entrusted.extended', 'legacy.awaitingReceipt', 'legacy.preFilingDelegated']));
      for (const q of ct.manifest.queues.filter((x) => x.tag)) expect({ queue: q.id, states: tagged(q.tag!).length > 0 }).toEqual({ queue: q.id, states: true });
      expect(ct.manifest.queues.find((q) => q.assignedToMe)).toMatchObject({ roles: ['JUDGE'] });
    });

    it('assigns the judge named in ASSIGN_JUDGE to the manifest’s assignee field, from the court’s judges', () => {
      expect(ct.manifest.assigneeField).toBe('judgeId');
      expect(ct.events.ASSIGN_JUDGE.schema?.properties?.judgeId['x-source']).toBe('orgUsers:JUDGE');
      const s = step('trial.simple', IN_SIMPLE_TRIAL, event('ASSIGN_JUDGE', { judgeId: 'u-judge-7' }));
      expect(s).toMatchObject({ allowed: true, to: 'trial.simple', context: { judgeId: 'u-judge-7' } });
    });

    it('declares the roles, organisation types and case number of the channel', () => {
      expect(ct.manifest).toMatchObject({
        caseNumberKind: '民初',
        roles: { COURT_CLERK: '法院立案/书记员', JUDGE: '法官' },
        caseHandlingRoles: ['COURT_CLERK', 'JUDGE'],
        orgTypes: { BASIC_COURT: '基层人民法院', INTERMEDIATE_COURT: '中级人民法院' },
        handlingOrgTypes: ['BASIC_COURT'],
        relationLabel: '诉讼',
      });
      expect(ct.openRoles).toEqual(['COURT_CLERK']);
      for (const spec of Object.values(ct.events)) for (const role of spec.roles) expect(['COURT_CLERK', 'JUDGE', 'SYSTEM']).toContain(role);
    });

    it('accepts the opening a clerk enters, and refuses an unknown bypass', () => {
      expect(schemaErrors(ct.openingSchema, { receivedOn: '2025-05-20', claimAmount: 18000, labourBypass: 'WAGE_IOU', procedure: 'SIMPLE', causeOfAction: '追索劳动报酬纠纷' })).toEqual([]);
      expect(schemaErrors(ct.openingSchema, {})).toEqual([]);
      expect(schemaErrors(ct.openingSchema, { labourBypass: 'VERBAL_PROMISE' })).not.toEqual([]);
      expect(schemaErrors(ct.openingSchema, { claimAmount: -1 })).not.toEqual([]);
    });

    it('describes every SYSTEM event delivered from a mediation case with the outcome schema', () => {
      for (const type of ['MEDIATOR_SIGNED', 'MEDIATION_AGREED', 'MEDIATION_FAILED', 'ENTRUSTMENT_RETURNED']) {
        expect(ct.events[type].roles).toEqual(['SYSTEM']);
        expect(ct.events[type].schema?.required).toEqual(expect.arrayContaining(['outcome', 'sourceCaseId', 'reportedOn']));
        expect(schemaErrors(ct.events[type].schema, VALID[type])).toEqual([]);
      }
    });
  });

  describeNegativeMatrix({ def: ct, legal: LEGAL, finalStates: FINAL, stateCount: 34, eventTypeCount: 40, contextFor, event: (type) => event(type) });
});
