import { decide, open, type Decision, type PersistedState } from '../decide';
import type { CaseOpening, DeadlineSpec, Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { addDays } from '../labour-arbitration/lab.periods';
import { wiringProblems } from '../routes/route-table';
import { stateConfigurations } from '../state-value';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { LandContext } from './land.context';
import { limitationEndsOn } from './land.preconditions';
import { LAND_COMMISSION, ruralLand as land } from './land.workflow';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: scenario S8 (spec appendix (d)), farmer f1 against cooperative k1 ----------

const PARTIES = ['f1', 'k1'];
const VILLAGE_REGION = '330199101201';
const LAW = '农村土地承包经营纠纷调解仲裁法';
const LAND_ADMIN = '土地管理法 第十四条';

const opening = (over: Partial<CaseOpening> & { input: Record<string, unknown> }): CaseOpening => ({
  partyIds: PARTIES,
  openedOn: '2025-03-03',
  regionCode: VILLAGE_REGION,
  org: { type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: VILLAGE_REGION },
  ...over,
});
/** 20 mu leased to the cooperative; the rent due 2024-12-31 is unpaid (第二条: 流转). */
const VILLAGE: LandContext = land.initialContext(opening({ input: { disputeKind: 'TRANSFER', knewOn: '2025-01-01' } }));
const MEDIATING: LandContext = { ...VILLAGE, mediationStartedOn: '2025-03-03', interruptedOn: '2025-03-03' };
const AT_COMMISSION: LandContext = land.initialContext(
  opening({
    openedOn: '2025-03-18',
    org: { type: LAND_COMMISSION, regionCode: '330199' },
    input: { disputeKind: 'TRANSFER', landLocationCode: VILLAGE_REGION, knewOn: '2025-01-01', interruptedOn: '2025-03-03' },
  }),
);
const APPLIED: LandContext = { ...AT_COMMISSION, receivedOn: '2025-03-18' };
const ACCEPTED: LandContext = { ...APPLIED, acceptedOn: '2025-03-20' };
const SERVED: LandContext = { ...ACCEPTED, respondentServedOn: '2025-03-24' };
const FORMED: LandContext = { ...SERVED, tribunalFormedOn: '2025-03-31' };
const NOTICED: LandContext = { ...FORMED, hearingNoticedOn: '2025-04-11', hearingOn: '2025-04-18', hearingPlace: 'VILLAGE' };
const HEARD: LandContext = { ...NOTICED, hearingHeldOn: '2025-04-18' };
const MEDIATED: LandContext = { ...HEARD, mediationAttemptedOn: '2025-04-18' };
const EXTENDED: LandContext = { ...MEDIATED, extensionDays: 20, extendedDueOn: '2025-06-08' };
const AWARDED: LandContext = { ...MEDIATED, awardNo: '青农仲裁字〔2025〕第3号', awardedOn: '2025-05-15', performanceDueOn: '2025-06-30' };
const SERVED_AWARD: LandContext = { ...AWARDED, awardReceivedOn: '2025-05-16' };
const MEDIATION_DOC: LandContext = { ...HEARD, mediationDocNo: '青农仲调字〔2025〕第1号', performanceDueOn: '2025-05-30' };
/** A 宅基地 boundary between two households (土地管理法 第十四条), before the township government. */
const RIGHTS: LandContext = land.initialContext(opening({ input: { disputeKind: 'LAND_RIGHTS' } }));
const RIGHTS_PENDING: LandContext = { ...RIGHTS, rightsPending: true, governmentLevel: 'TOWNSHIP', rightsAppliedOn: '2025-03-05' };
const RIGHTS_DECIDED: LandContext = { ...RIGHTS_PENDING, rightsDecisionNo: '枫政处〔2025〕3号', rightsDecisionReceivedOn: '2025-04-10' };
const EXPROPRIATION: LandContext = land.initialContext(opening({ input: { disputeKind: 'EXPROPRIATION_COMPENSATION' } }));

/** Pending deadlines as the engine passes them in S8: the hearing notice, the 60 days, the suit windows. */
const DEADLINES = { 'D-RL6': '2025-04-18', 'D-RL7': '2025-05-19', 'D-RL10': '2025-06-16', 'D-RL11': '2025-05-12' };
const REPORT = { sourceCaseId: 'ct-1', sourceCaseNo: '（2025）青溪法院民初字第8号', reportedOn: '2025-06-11' };

/** One valid envelope per event type, with the day it is sent in S8. */
const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  START_MEDIATION: { data: { startedOn: '2025-03-03' }, today: '2025-03-03' },
  SIGN_AGREEMENT: { data: { signedPartyIds: PARTIES, signedOn: '2025-03-10', terms: '合作社于2025年3月31日前付清租金' }, today: '2025-03-10' },
  FAIL_MEDIATION: { data: { endedOn: '2025-03-17' }, today: '2025-03-17' },
  APPLY_ARBITRATION: { data: { commissionOrgId: 'org-land-arbitration' }, today: '2025-03-18' },
  ARBITRATION_ACCEPTED: { data: { outcome: 'SIGNED_FOR', sourceCaseId: 'land-2', reportedOn: '2025-03-20' }, today: '2025-03-20' },
  ARBITRATION_RETURNED: { data: { outcome: 'RETURNED', sourceCaseId: 'land-2', reportedOn: '2025-03-20', reason: 'COURT_ACCEPTED' }, today: '2025-03-20' },
  CLOSE_AS_EXPROPRIATION: { data: { notifiedOn: '2025-03-03' }, today: '2025-03-03' },
  RECORD_LAND_CHANGE: { data: { kind: 'TRANSFER', changedOn: '2025-03-05' }, today: '2025-03-05' },
  HEARING_NOTICE_PERIOD_RUN: { data: { specId: 'D-RL6', dueOn: '2025-04-18' }, today: '2025-04-19' },
  APPLY_RIGHTS_DETERMINATION: { data: { between: 'INDIVIDUALS', governmentLevel: 'TOWNSHIP', governmentName: '枫桥镇人民政府', appliedOn: '2025-03-05' }, today: '2025-03-05' },
  RECORD_RIGHTS_DECISION: { data: { decisionNo: '枫政处〔2025〕3号', decidedOn: '2025-04-08', receivedOn: '2025-04-10' }, today: '2025-04-10' },
  RIGHTS_SUIT_WINDOW_ENDED: { data: { specId: 'D-RL11', dueOn: '2025-05-12' }, today: '2025-05-13' },
  RECEIVE_APPLICATION: { data: { receivedOn: '2025-03-18' }, today: '2025-03-18' },
  ASSIGN_ARBITRATOR: { data: { arbitratorId: 'u-land' }, today: '2025-03-19' },
  ACCEPT: { data: { acceptedOn: '2025-03-20', otherProceedings: 'NONE' }, today: '2025-03-20' },
  NOT_ACCEPT: { data: { reason: 'COURT_ACCEPTED', explanation: '人民法院已于2025年3月19日受理' }, today: '2025-03-20' },
  CLOSE: { data: {}, today: '2025-04-30' },
  SERVE_RESPONDENT: { data: { respondentServedOn: '2025-03-24' }, today: '2025-03-24' },
  FORM_TRIBUNAL: { data: { formedOn: '2025-03-31', composition: 'THREE' }, today: '2025-03-31' },
  NOTIFY_COMPOSITION: { data: { notifiedOn: '2025-04-01' }, today: '2025-04-01' },
  NOTICE_HEARING: { data: { hearingOn: '2025-04-18', place: 'VILLAGE', bothPartiesAskedLocal: true }, today: '2025-04-11' },
  POSTPONE_HEARING: { data: { reason: '被申请人申请延期' }, today: '2025-04-14' },
  HOLD_HEARING: { data: {}, today: '2025-04-18' },
  INTERIM_RULING: { data: { applicantPartyIds: ['f1'], measure: 'RESUME_FARMING', rightsAndDutiesClear: true }, today: '2025-04-18' },
  MEDIATION_FAILED: { data: {}, today: '2025-04-18' },
  SIGN_MEDIATION_DOC: { data: { docNo: '青农仲调字〔2025〕第1号', signedPartyIds: PARTIES, performanceDueOn: '2025-05-30' }, today: '2025-04-18' },
  EXTEND: { data: { days: 20, approvedBy: '仲裁委员会主任 陈某', notifiedOn: '2025-05-12' }, today: '2025-05-12' },
  AWARD: { data: { awardNo: '青农仲裁字〔2025〕第3号', awardedOn: '2025-05-15', amount: 16000, performanceDueOn: '2025-06-30' }, today: '2025-05-15' },
  WITHDRAW: { data: { withdrawnOn: '2025-04-02' }, today: '2025-04-02' },
  SERVE_AWARD: { data: { receivedOn: '2025-05-16' }, today: '2025-05-16' },
  SUIT_WINDOW_ENDED: { data: { specId: 'D-RL10', dueOn: '2025-06-16' }, today: '2025-06-17' },
  FILE_SUIT: { data: { courtOrgId: 'org-court', plaintiffPartyIds: ['k1'] }, today: '2025-06-10' },
  SUIT_REGISTERED: { data: { outcome: 'SIGNED_FOR', ...REPORT }, today: '2025-06-11' },
  SUIT_RETURNED: { data: { outcome: 'RETURNED', ...REPORT, reason: 'OTHER_COURT' }, today: '2025-06-11' },
  APPLY_ENFORCEMENT: { data: { applicantPartyIds: ['f1'], courtOrgId: 'org-court', appliedOn: '2025-07-02' }, today: '2025-07-02' },
  RECORD_PERFORMED: { data: { performedOn: '2025-06-30' }, today: '2025-06-30' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-04-18';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: land.events[type]?.roles[0] ?? 'LAND_ARBITRATOR' }, ...over };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });
const ACCEPT_TRANSFER: Effect = { type: 'acceptTransfer', params: {} };
const RETURN_TRANSFER: Effect = { type: 'returnTransfer', params: { reasonField: 'reason' } };

// ---------- the legal table, written by hand from 农村土地承包经营纠纷调解仲裁法 and 土地管理法 第十四条 ----------

type Row = [string, string, string | null, string[]];
const SUIT = ['notExpropriation', 'landRightsDecidedFirst', 'withinAwardSuitWindow', 'withinRightsSuitWindow'];
const LAND_CHANGE = ['noLandChangeWhileRightsPending', 'landChangedNotInFuture'];
const EXTENSION = ['extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByChair'];
/** 第四条: before arbitration the party chooses arbitration or a suit; 土地管理法 第十四条: ownership goes to the government. */
const choices = (s: string): Row[] => [
  [s, 'APPLY_ARBITRATION', 'arbitrationApplied', ['notAtCommission', 'notExpropriation', 'notLandRights']],
  [s, 'FILE_SUIT', 'suitFiled', SUIT],
  [s, 'APPLY_RIGHTS_DETERMINATION', 'rights.pending', ['isLandRights', 'competentGovernment', 'rightsAppliedNotInFuture']],
  [s, 'RECORD_LAND_CHANGE', null, LAND_CHANGE],
];
/** Any stage of the proceedings: the arbitrator may change, an interim ruling may be made, the applicant may withdraw. */
const proceeding = (s: string): Row[] => [
  [s, 'ASSIGN_ARBITRATOR', null, []],
  [s, 'INTERIM_RULING', null, ['interimRulingGrounds']],
  [s, 'WITHDRAW', 'withdrawn', []],
];
const enforcement = (s: string): Row[] => [
  [s, 'APPLY_ENFORCEMENT', 'enforcement', ['enforcementAppliedNotInFuture']],
  [s, 'RECORD_PERFORMED', 'performed', []],
];
const SUIT_SOURCES = ['intake', 'mediation.ongoing', 'mediation.failed', 'arb.notAccepted', 'post.suitWindow', 'rights.suitWindow'];

const LEGAL: Row[] = [
  // 第三条、第二十条、第二十一条: mediation at the village or township; the application at the commission where the land lies.
  ['intake', 'START_MEDIATION', 'mediation.ongoing', ['atMediationBody', 'notExpropriation']],
  ['intake', 'RECEIVE_APPLICATION', 'arb.applied', ['atCommission', 'landWhereCommissionSits', 'notExpropriation', 'notLandRights', 'receivedNotInFuture']],
  ...choices('intake'),
  ['intake', 'CLOSE_AS_EXPROPRIATION', 'excludedExpropriation', ['isExpropriation']],
  ['mediation.ongoing', 'SIGN_AGREEMENT', 'agreed', ['everyPartySignedAgreement']],
  ['mediation.ongoing', 'FAIL_MEDIATION', 'mediation.failed', []],
  ...choices('mediation.ongoing'),
  ...choices('mediation.failed'),
  ['arbitrationApplied', 'ARBITRATION_ACCEPTED', 'sentToArbitration', []],
  ['arbitrationApplied', 'ARBITRATION_RETURNED', 'mediation.failed', []],
  // 土地管理法 第十四条: the government decides; 30 days to sue; nobody changes the land meanwhile.
  ['rights.pending', 'RECORD_RIGHTS_DECISION', 'rights.suitWindow', ['rightsDecisionReceived']],
  ['rights.pending', 'RECORD_LAND_CHANGE', null, LAND_CHANGE],
  ['rights.suitWindow', 'FILE_SUIT', 'suitFiled', SUIT],
  ['rights.suitWindow', 'RIGHTS_SUIT_WINDOW_ENDED', 'rightsDecided', []],
  ['rights.suitWindow', 'RECORD_LAND_CHANGE', null, LAND_CHANGE],
  // 第十八条、第二十二条、第二十三条: accept or refuse within five working days.
  ['arb.applied', 'ACCEPT', 'arb.accepted', ['acceptedNotInFuture', 'notBeforeCourtOrDecided', 'withinLimitation']],
  ['arb.applied', 'NOT_ACCEPT', 'arb.notAccepted', []],
  ['arb.applied', 'ASSIGN_ARBITRATOR', null, []],
  ['arb.notAccepted', 'FILE_SUIT', 'suitFiled', SUIT],
  ['arb.notAccepted', 'CLOSE', 'closed', []],
  // 第二十四条、第二十五条、第二十七条: service, answer, tribunal, composition notice.
  ['arb.accepted', 'SERVE_RESPONDENT', 'arb.served', ['respondentServedNotInFuture']],
  ...proceeding('arb.accepted'),
  ['arb.served', 'FORM_TRIBUNAL', 'arb.tribunalFormed', ['tribunalFormedNotInFuture', 'soleArbitratorByConsent']],
  ...proceeding('arb.served'),
  ['arb.tribunalFormed', 'NOTIFY_COMPOSITION', 'arb.composed', []],
  ...proceeding('arb.tribunalFormed'),
  // 第三十条、第三十一条: where both parties ask, in the village; five working days' notice.
  ['arb.composed', 'NOTICE_HEARING', 'arb.hearingNoticed', ['hearingAfterNotice', 'hearingWhereBothAsked']],
  ...proceeding('arb.composed'),
  ['arb.hearingNoticed', 'HOLD_HEARING', 'arb.hearing', ['hearingNoticePeriodRun']],
  ['arb.hearingNoticed', 'POSTPONE_HEARING', 'arb.composed', []],
  ['arb.hearingNoticed', 'HEARING_NOTICE_PERIOD_RUN', 'arb.hearingDue', []],
  ...proceeding('arb.hearingNoticed'),
  ['arb.hearingDue', 'HOLD_HEARING', 'arb.hearing', ['hearingNoticePeriodRun']],
  ['arb.hearingDue', 'POSTPONE_HEARING', 'arb.composed', []],
  ...proceeding('arb.hearingDue'),
  // 第十一条、第四十七条: the tribunal mediates; the award only after; one extension of at most 30 days.
  ['arb.hearing', 'SIGN_MEDIATION_DOC', 'mediationDoc', ['everyPartySignedMediationDoc']],
  ['arb.hearing', 'MEDIATION_FAILED', 'arb.deliberation', []],
  ['arb.hearing', 'EXTEND', 'arb.extended', EXTENSION],
  ...proceeding('arb.hearing'),
  ['arb.deliberation', 'AWARD', 'arb.awarded', ['mediationAttempted', 'awardedNotInFuture']],
  ['arb.deliberation', 'SIGN_MEDIATION_DOC', 'mediationDoc', ['everyPartySignedMediationDoc']],
  ['arb.deliberation', 'EXTEND', 'arb.extended', EXTENSION],
  ...proceeding('arb.deliberation'),
  ['arb.extended', 'MEDIATION_FAILED', null, []],
  ['arb.extended', 'SIGN_MEDIATION_DOC', 'mediationDoc', ['everyPartySignedMediationDoc']],
  ['arb.extended', 'AWARD', 'arb.awarded', ['mediationAttempted', 'awardedNotInFuture']],
  ...proceeding('arb.extended'),
  // 第四十五条、第四十八条、第四十九条: serve in three working days; 30 days to sue, or the award takes effect.
  ['arb.awarded', 'SERVE_AWARD', 'post.suitWindow', ['awardServedAfterAward']],
  ['post.suitWindow', 'FILE_SUIT', 'suitFiled', SUIT],
  ['post.suitWindow', 'SUIT_WINDOW_ENDED', 'awardEffective', []],
  ...enforcement('awardEffective'),
  ...enforcement('mediationDoc'),
  ['suitFiled', 'SUIT_REGISTERED', 'litigation', []],
  ...SUIT_SOURCES.map((s): Row => ['suitFiled', 'SUIT_RETURNED', s, ['suitReturnsWhereFiled']]),
];
/**
 * While the government handles an ownership or use-rights dispute, and during the 30 days to sue over its decision,
 * recording a change to the land is always refused (土地管理法 第十四条第四款): the transition is there to refuse it with
 * the article, not to be taken.
 */
const REFUSED_THROUGHOUT: Row[] = LEGAL.filter(([from, type]) => from.startsWith('rights.') && type === 'RECORD_LAND_CHANGE');
const FINAL = ['agreed', 'excludedExpropriation', 'sentToArbitration', 'rightsDecided', 'litigation', 'enforcement', 'performed', 'withdrawn', 'closed'];

const description = describeWorkflow(land);
const LEAVES = description.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): LandContext {
  const byState: Record<string, LandContext> = {
    intake: VILLAGE,
    'mediation.ongoing': MEDIATING,
    'mediation.failed': MEDIATING,
    arbitrationApplied: MEDIATING,
    'rights.pending': RIGHTS_PENDING,
    'rights.suitWindow': RIGHTS_DECIDED,
    'arb.applied': APPLIED,
    'arb.notAccepted': APPLIED,
    'arb.accepted': ACCEPTED,
    'arb.served': SERVED,
    'arb.tribunalFormed': FORMED,
    'arb.composed': FORMED,
    'arb.hearingNoticed': NOTICED,
    'arb.hearingDue': NOTICED,
    'arb.hearing': HEARD,
    'arb.deliberation': MEDIATED,
    'arb.extended': EXTENDED,
    'arb.awarded': AWARDED,
    'post.suitWindow': SERVED_AWARD,
    mediationDoc: MEDIATION_DOC,
    suitFiled: { ...SERVED_AWARD, suedFrom: 'post.suitWindow', suitBasis: 'AWARD', awardIneffective: true },
  };
  return byState[state] ?? SERVED_AWARD;
}

describe('rural land-contract disputes (land) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('nests mediation, the government’s handling, the proceedings and the suit window (spec A5)', () => {
      expect(description.states.filter((s) => s.type === 'compound').map((s) => s.id)).toEqual(['mediation', 'rights', 'arb', 'post']);
      expect(stateConfigurations(land.machine)).toEqual(LEAVES);
      expect(LEAVES).toHaveLength(31);
    });

    it('names exactly the final states, and lists every state in the table', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(LEAVES)).toEqual(sorted(inTable));
    });

    it('tags the states that receive a dispute, and the award window', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['intake', 'arb.applied']);
      expect(tagged('awardWindow')).toEqual(['post.suitWindow']);
      for (const q of land.manifest.queues.filter((x) => x.tag)) expect(tagged(q.tag!).length).toBeGreaterThan(0);
    });

    it('opens at the village committee with the case region as the land’s location, and at the commission with its region', () => {
      expect(open(land, opening({ input: { disputeKind: 'TRANSFER', knewOn: '2025-01-01' } }))).toEqual({
        state: {
          value: 'intake',
          context: {
            partyIds: PARTIES,
            openedOn: '2025-03-03',
            disputeKind: 'TRANSFER',
            landRegionCode: VILLAGE_REGION,
            handledBy: 'MEDIATION',
            knewOn: '2025-01-01',
            interruptedOn: undefined,
            interimRulings: [],
            rightsPending: false,
            landChanges: [],
            awardIneffective: false,
          },
        },
        effects: [],
        final: false,
      });
      expect(AT_COMMISSION).toMatchObject({ handledBy: 'COMMISSION', commissionRegionCode: '330199', landRegionCode: VILLAGE_REGION, interruptedOn: '2025-03-03' });
      expect(land.initialContext(opening({ org: { type: 'DISTRICT_MEDIATION_CENTRE', regionCode: '330199' }, input: { disputeKind: 'CONTRACT' } })).handledBy).toBe('OTHER');
    });
  });

  describe('the manifest', () => {
    it('declares the channel: case-number word, the land arbitrator, the commission, who handles its cases', () => {
      expect(land.manifest).toMatchObject({
        caseNumberKind: '农地',
        assigneeField: 'arbitratorId',
        roles: { LAND_ARBITRATOR: '农村土地承包仲裁员' },
        caseHandlingRoles: ['LAND_ARBITRATOR'],
        orgTypes: { LAND_CONTRACT_ARBITRATION_COMMISSION: '农村土地承包仲裁委员会' },
        handlingOrgTypes: ['LAND_CONTRACT_ARBITRATION_COMMISSION', 'VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE'],
        relationLabel: '农村土地承包仲裁',
      });
      expect(land.openRoles).toEqual(['MEDIATOR', 'INTAKE_CLERK', 'LAND_ARBITRATOR']);
      expect(land.events.ASSIGN_ARBITRATOR.schema!.properties!.arbitratorId['x-source']).toBe('orgUsers:LAND_ARBITRATOR');
      expect(land.events.APPLY_ARBITRATION.schema!.properties!.commissionOrgId['x-source']).toBe('orgs:LAND_CONTRACT_ARBITRATION_COMMISSION');
    });

    it('uses only engine effects, and lists every outcome it reports', () => {
      expect(wiringProblems([land], [])).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(land, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(land.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
    });

    it('declares a deadline for every period of table (b) it runs, in the day type the law names', () => {
      const declared = new Map<string, DeadlineSpec>();
      for (const s of description.states) for (const d of s.deadlines) declared.set(d.id, d);
      expect(sorted(declared.keys())).toEqual(sorted(['D-RL2', 'D-RL3', 'D-RL4', 'D-RL5', 'D-RL6', 'D-RL7', 'D-RL8', 'D-RL9', 'D-RL10', 'D-RL11', 'D-EX1']));
      const kind = (id: string) => [declared.get(id)!.period.amount, declared.get(id)!.dayType];
      // 第二十三条至第二十七条、第三十一条、第四十五条 say 工作日; the answer, the 60 days and the suit windows are calendar days.
      expect(['D-RL2', 'D-RL3', 'D-RL5', 'D-RL6', 'D-RL9'].map(kind)).toEqual([[5, 'working'], [5, 'working'], [2, 'working'], [5, 'working'], [3, 'working']]);
      expect(['D-RL4', 'D-RL7', 'D-RL10', 'D-RL11'].map(kind)).toEqual([[10, 'calendar'], [60, 'calendar'], [30, 'calendar'], [30, 'calendar']]);
      for (const d of declared.values()) if (d.onExpiry) expect({ id: d.id, system: land.events[d.onExpiry]?.roles }).toEqual({ id: d.id, system: ['SYSTEM'] });
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: LandContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<LandContext> };
    const rows: Case[] = [
      { from: 'intake', context: VILLAGE, type: 'START_MEDIATION', to: 'mediation.ongoing', contextAfter: { mediationStartedOn: '2025-03-03', interruptedOn: '2025-03-03' } },
      { from: 'intake', context: AT_COMMISSION, type: 'RECEIVE_APPLICATION', to: 'arb.applied', contextAfter: { receivedOn: '2025-03-18' } },
      { from: 'intake', context: VILLAGE, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied' },
      // R13 (第四条): the farmer sues directly instead of arbitrating; the engine does not force arbitration.
      { from: 'intake', context: VILLAGE, type: 'FILE_SUIT', data: { courtOrgId: 'org-court', plaintiffPartyIds: ['f1'] }, over: { today: '2025-03-18' }, to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suedFrom: 'intake', suitBasis: 'DIRECT', awardIneffective: false } },
      { from: 'intake', context: RIGHTS, type: 'APPLY_RIGHTS_DETERMINATION', to: 'rights.pending', contextAfter: { rightsPending: true, governmentLevel: 'TOWNSHIP' } },
      { from: 'intake', context: EXPROPRIATION, type: 'CLOSE_AS_EXPROPRIATION', to: 'excludedExpropriation' },
      { from: 'intake', context: VILLAGE, type: 'RECORD_LAND_CHANGE', to: 'intake', contextAfter: { landChanges: [{ kind: 'TRANSFER', on: '2025-03-05' }] } },
      { from: 'mediation.ongoing', context: MEDIATING, type: 'SIGN_AGREEMENT', to: 'agreed', contextAfter: { agreementSignedOn: '2025-03-10' } },
      { from: 'mediation.ongoing', context: MEDIATING, type: 'FAIL_MEDIATION', to: 'mediation.failed' },
      { from: 'mediation.ongoing', context: MEDIATING, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied' },
      { from: 'mediation.ongoing', context: MEDIATING, type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')] },
      { from: 'mediation.ongoing', context: { ...MEDIATING, disputeKind: 'LAND_RIGHTS' }, type: 'APPLY_RIGHTS_DETERMINATION', to: 'rights.pending' },
      { from: 'mediation.ongoing', context: MEDIATING, type: 'RECORD_LAND_CHANGE', to: 'mediation.ongoing' },
      { from: 'mediation.failed', context: MEDIATING, type: 'APPLY_ARBITRATION', to: 'arbitrationApplied' },
      { from: 'mediation.failed', context: MEDIATING, type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')] },
      { from: 'mediation.failed', context: { ...MEDIATING, disputeKind: 'LAND_RIGHTS' }, type: 'APPLY_RIGHTS_DETERMINATION', to: 'rights.pending' },
      { from: 'mediation.failed', context: MEDIATING, type: 'RECORD_LAND_CHANGE', to: 'mediation.failed' },
      { from: 'arbitrationApplied', context: MEDIATING, type: 'ARBITRATION_ACCEPTED', to: 'sentToArbitration', over: { actor: { id: 'engine', role: 'SYSTEM' } } },
      { from: 'arbitrationApplied', context: MEDIATING, type: 'ARBITRATION_RETURNED', to: 'mediation.failed', over: { actor: { id: 'engine', role: 'SYSTEM' } } },
      { from: 'rights.pending', context: RIGHTS_PENDING, type: 'RECORD_RIGHTS_DECISION', to: 'rights.suitWindow', contextAfter: { rightsDecisionReceivedOn: '2025-04-10', rightsPending: true } },
      { from: 'rights.suitWindow', context: RIGHTS_DECIDED, type: 'FILE_SUIT', data: { courtOrgId: 'org-court', plaintiffPartyIds: ['k1'] }, over: { today: '2025-05-06' }, to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suitBasis: 'RIGHTS_DECISION' } },
      { from: 'rights.suitWindow', context: RIGHTS_DECIDED, type: 'RIGHTS_SUIT_WINDOW_ENDED', to: 'rightsDecided', contextAfter: { rightsPending: false } },
      { from: 'arb.applied', context: APPLIED, type: 'ACCEPT', to: 'arb.accepted', effects: [ACCEPT_TRANSFER, reported('ACCEPTED')], contextAfter: { acceptedOn: '2025-03-20' } },
      { from: 'arb.applied', context: APPLIED, type: 'NOT_ACCEPT', to: 'arb.notAccepted', effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')] },
      { from: 'arb.applied', context: APPLIED, type: 'ASSIGN_ARBITRATOR', to: 'arb.applied', contextAfter: { arbitratorId: 'u-land' } },
      { from: 'arb.notAccepted', context: APPLIED, type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suitBasis: 'NOT_ACCEPTED' } },
      { from: 'arb.notAccepted', context: APPLIED, type: 'CLOSE', to: 'closed' },
      { from: 'arb.accepted', context: ACCEPTED, type: 'SERVE_RESPONDENT', to: 'arb.served', contextAfter: { respondentServedOn: '2025-03-24' } },
      { from: 'arb.served', context: SERVED, type: 'FORM_TRIBUNAL', to: 'arb.tribunalFormed', contextAfter: { tribunalFormedOn: '2025-03-31' } },
      { from: 'arb.served', context: SERVED, type: 'FORM_TRIBUNAL', data: { formedOn: '2025-03-31', composition: 'SOLE', consentedPartyIds: PARTIES }, to: 'arb.tribunalFormed' },
      { from: 'arb.tribunalFormed', context: FORMED, type: 'NOTIFY_COMPOSITION', to: 'arb.composed' },
      { from: 'arb.composed', context: FORMED, type: 'NOTICE_HEARING', to: 'arb.hearingNoticed', contextAfter: { hearingNoticedOn: '2025-04-11', hearingOn: '2025-04-18', hearingPlace: 'VILLAGE' } },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'HOLD_HEARING', to: 'arb.hearing', contextAfter: { hearingHeldOn: '2025-04-18' } },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'POSTPONE_HEARING', to: 'arb.composed' },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'HEARING_NOTICE_PERIOD_RUN', to: 'arb.hearingDue', over: { actor: { id: 'engine', role: 'SYSTEM' } } },
      // After the period fell due the engine no longer passes D-RL6: the hearing opens on or after the notified day.
      { from: 'arb.hearingDue', context: { ...NOTICED, hearingOn: '2025-04-21' }, type: 'HOLD_HEARING', over: { today: '2025-04-21', deadlines: {} }, to: 'arb.hearing' },
      { from: 'arb.hearingDue', context: NOTICED, type: 'POSTPONE_HEARING', to: 'arb.composed' },
      { from: 'arb.hearing', context: HEARD, type: 'SIGN_MEDIATION_DOC', to: 'mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')], contextAfter: { performanceDueOn: '2025-05-30' } },
      { from: 'arb.hearing', context: HEARD, type: 'MEDIATION_FAILED', to: 'arb.deliberation', contextAfter: { mediationAttemptedOn: '2025-04-18' } },
      { from: 'arb.hearing', context: HEARD, type: 'EXTEND', to: 'arb.extended', contextAfter: { extensionDays: 20, extendedDueOn: '2025-06-08' } },
      { from: 'arb.deliberation', context: MEDIATED, type: 'AWARD', to: 'arb.awarded', effects: [reported('AWARDED')], contextAfter: { awardedOn: '2025-05-15', performanceDueOn: '2025-06-30' } },
      { from: 'arb.deliberation', context: MEDIATED, type: 'SIGN_MEDIATION_DOC', to: 'mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')] },
      // 第四十七条: 20 days from the 60th day (2025-05-19) end on 2025-06-08.
      { from: 'arb.deliberation', context: MEDIATED, type: 'EXTEND', to: 'arb.extended', contextAfter: { extendedDueOn: '2025-06-08' } },
      { from: 'arb.extended', context: HEARD, type: 'MEDIATION_FAILED', to: 'arb.extended', contextAfter: { mediationAttemptedOn: '2025-04-18' } },
      { from: 'arb.extended', context: EXTENDED, type: 'SIGN_MEDIATION_DOC', to: 'mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')] },
      { from: 'arb.extended', context: EXTENDED, type: 'AWARD', over: { today: '2025-06-02' }, data: { awardNo: '青农仲裁字〔2025〕第3号', awardedOn: '2025-06-02' }, to: 'arb.awarded', effects: [reported('AWARDED')] },
      ...['arb.accepted', 'arb.served', 'arb.tribunalFormed', 'arb.composed', 'arb.hearingNoticed', 'arb.hearingDue', 'arb.hearing', 'arb.deliberation', 'arb.extended'].flatMap((s): Case[] => [
        { from: s, context: contextFor(s), type: 'ASSIGN_ARBITRATOR', to: s, contextAfter: { arbitratorId: 'u-land' } },
        { from: s, context: contextFor(s), type: 'INTERIM_RULING', to: s, contextAfter: { interimRulings: [{ measure: 'RESUME_FARMING', ruledOn: '2025-04-18' }] } },
        { from: s, context: contextFor(s), type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      ]),
      { from: 'arb.awarded', context: AWARDED, type: 'SERVE_AWARD', to: 'post.suitWindow', contextAfter: { awardReceivedOn: '2025-05-16' } },
      // S8 branch: K sues on 2025-06-10, inside the 30 days: the award does not take effect (第四十八条).
      { from: 'post.suitWindow', context: SERVED_AWARD, type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suedFrom: 'post.suitWindow', suitBasis: 'AWARD', awardIneffective: true } },
      { from: 'post.suitWindow', context: SERVED_AWARD, type: 'SUIT_WINDOW_ENDED', to: 'awardEffective', effects: [reported('AWARD_EFFECTIVE')] },
      { from: 'awardEffective', context: SERVED_AWARD, type: 'APPLY_ENFORCEMENT', to: 'enforcement', contextAfter: { enforcementCourtOrgId: 'org-court' } },
      { from: 'awardEffective', context: SERVED_AWARD, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'mediationDoc', context: MEDIATION_DOC, type: 'APPLY_ENFORCEMENT', to: 'enforcement' },
      { from: 'mediationDoc', context: MEDIATION_DOC, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'suitFiled', context: contextFor('suitFiled'), type: 'SUIT_REGISTERED', over: { actor: { id: 'engine', role: 'SYSTEM' } }, to: 'litigation' },
      ...SUIT_SOURCES.map(
        (s): Case => ({
          from: 'suitFiled',
          context: { ...contextFor('suitFiled'), suedFrom: s },
          type: 'SUIT_RETURNED',
          over: { actor: { id: 'engine', role: 'SYSTEM' } },
          to: s,
          contextAfter: { suedFrom: undefined, suitBasis: undefined, awardIneffective: false },
        }),
      ),
    ];

    it('covers every row of the legal table but the land changes the government’s handling refuses (see preconditions)', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual(REFUSED_THROUGHOUT);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(land, { value: from, context }, event(type, data, over));
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
    type Case = { name: string; from: string; context: LandContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const rows: Case[] = [
      // R13: arbitration only where the land lies (第二十一条), only for this channel's disputes (第二条), not once a court took it (第二十二条).
      {
        name: 'the land lies in another district than the commission’s (第二十一条)',
        from: 'intake',
        context: { ...AT_COMMISSION, landRegionCode: '330102001201' },
        type: 'RECEIVE_APPLICATION',
        violations: [['landWhereCommissionSits', `${LAW} 第二十一条`]],
      },
      {
        name: 'a village committee is sent an arbitration application',
        from: 'intake',
        context: VILLAGE,
        type: 'RECEIVE_APPLICATION',
        violations: [
          ['atCommission', `${LAW} 第十二条、第二十一条`],
          ['landWhereCommissionSits', `${LAW} 第二十一条`],
        ],
      },
      { name: 'the commission is asked to mediate', from: 'intake', context: AT_COMMISSION, type: 'START_MEDIATION', violations: [['atMediationBody', `${LAW} 第三条、第八条`]] },
      { name: 'the commission would send the application on to itself', from: 'intake', context: AT_COMMISSION, type: 'APPLY_ARBITRATION', violations: [['notAtCommission', `${LAW} 第二十条、第二十一条`]] },
      {
        name: 'an expropriation compensation dispute is taken to arbitration (S8 negative test, 第二条第二款)',
        from: 'mediation.failed',
        context: { ...MEDIATING, disputeKind: 'EXPROPRIATION_COMPENSATION' },
        type: 'APPLY_ARBITRATION',
        violations: [['notExpropriation', `${LAW} 第二条第二款`]],
      },
      { name: 'an expropriation compensation dispute is mediated on this track', from: 'intake', context: EXPROPRIATION, type: 'START_MEDIATION', violations: [['notExpropriation', `${LAW} 第二条第二款`]] },
      { name: 'an expropriation compensation dispute is sued as a civil case from this track', from: 'intake', context: EXPROPRIATION, type: 'FILE_SUIT', violations: [['notExpropriation', `${LAW} 第二条第二款`]] },
      {
        name: 'an expropriation dispute arrives at the commission',
        from: 'intake',
        context: { ...AT_COMMISSION, disputeKind: 'EXPROPRIATION_COMPENSATION' },
        type: 'RECEIVE_APPLICATION',
        violations: [['notExpropriation', `${LAW} 第二条第二款`]],
      },
      { name: 'a land-contract dispute is closed as an expropriation one', from: 'intake', context: VILLAGE, type: 'CLOSE_AS_EXPROPRIATION', violations: [['isExpropriation', `${LAW} 第二条第二款`]] },
      { name: 'a court has accepted the dispute (第二十二条)', from: 'arb.applied', context: APPLIED, type: 'ACCEPT', data: { acceptedOn: '2025-03-20', otherProceedings: 'COURT_ACCEPTED' }, violations: [['notBeforeCourtOrDecided', `${LAW} 第二十二条`]] },
      {
        name: 'the farmer knew of the unpaid rent more than two years before applying (第十八条)',
        from: 'arb.applied',
        context: { ...APPLIED, knewOn: '2022-12-31', interruptedOn: undefined },
        type: 'ACCEPT',
        violations: [['withinLimitation', `${LAW} 第十八条`]],
      },
      { name: 'nobody knows when the limitation started', from: 'arb.applied', context: { ...APPLIED, knewOn: undefined }, type: 'ACCEPT', violations: [['withinLimitation', `${LAW} 第十八条`]] },
      { name: 'acceptance is dated tomorrow', from: 'arb.applied', context: APPLIED, type: 'ACCEPT', data: { acceptedOn: '2025-03-21', otherProceedings: 'NONE' }, violations: [['acceptedNotInFuture', undefined]] },
      // R14 / R7(c): ownership and use rights go to the government first, and nothing changes the land meanwhile.
      {
        name: 'a 宅基地 boundary dispute is taken to land-contract arbitration',
        from: 'intake',
        context: RIGHTS,
        type: 'APPLY_ARBITRATION',
        violations: [['notLandRights', LAND_ADMIN]],
      },
      { name: 'a 宅基地 boundary dispute is sued before the government decided it', from: 'intake', context: RIGHTS, type: 'FILE_SUIT', violations: [['landRightsDecidedFirst', `${LAND_ADMIN} 第一款、第三款`]] },
      { name: 'a lease dispute is sent to the government as an ownership dispute', from: 'intake', context: VILLAGE, type: 'APPLY_RIGHTS_DETERMINATION', violations: [['isLandRights', LAND_ADMIN]] },
      {
        name: 'a dispute between two villages (units) is sent to the township government',
        from: 'intake',
        context: RIGHTS,
        type: 'APPLY_RIGHTS_DETERMINATION',
        data: { ...VALID.APPLY_RIGHTS_DETERMINATION.data, between: 'UNITS' },
        violations: [['competentGovernment', `${LAND_ADMIN} 第二款`]],
      },
      {
        name: 'the land is leased out while the government decides its use rights (土地管理法 第十四条第四款)',
        from: 'rights.pending',
        context: RIGHTS_PENDING,
        type: 'RECORD_LAND_CHANGE',
        data: { kind: 'CONSTRUCTION', changedOn: '2025-04-01' },
        over: { today: '2025-04-01' },
        violations: [['noLandChangeWhileRightsPending', `${LAND_ADMIN} 第四款`]],
      },
      {
        name: 'the land is built on during the 30 days to sue over the decision',
        from: 'rights.suitWindow',
        context: RIGHTS_DECIDED,
        type: 'RECORD_LAND_CHANGE',
        data: { kind: 'CONSTRUCTION', changedOn: '2025-04-20' },
        over: { today: '2025-04-20' },
        violations: [['noLandChangeWhileRightsPending', `${LAND_ADMIN} 第四款`]],
      },
      {
        name: 'a party sues over the government’s decision after the 30 days',
        from: 'rights.suitWindow',
        context: RIGHTS_DECIDED,
        type: 'FILE_SUIT',
        over: { today: '2025-05-13' },
        violations: [['withinRightsSuitWindow', LAND_ADMIN]],
      },
      { name: 'the decision is received before it was made', from: 'rights.pending', context: RIGHTS_PENDING, type: 'RECORD_RIGHTS_DECISION', data: { decisionNo: 'x', decidedOn: '2025-04-10', receivedOn: '2025-04-08' }, violations: [['rightsDecisionReceived', LAND_ADMIN]] },
      // The proceedings.
      {
        name: 'one arbitrator sits without both parties’ consent (第二十七条)',
        from: 'arb.served',
        context: SERVED,
        type: 'FORM_TRIBUNAL',
        data: { formedOn: '2025-03-31', composition: 'SOLE', consentedPartyIds: ['f1'] },
        violations: [['soleArbitratorByConsent', `${LAW} 第二十七条`]],
      },
      {
        name: 'both parties asked for the hearing in the village but it is set at the commission (第三十条)',
        from: 'arb.composed',
        context: FORMED,
        type: 'NOTICE_HEARING',
        data: { hearingOn: '2025-04-18', place: 'COMMISSION', bothPartiesAskedLocal: true },
        violations: [['hearingWhereBothAsked', `${LAW} 第三十条`]],
      },
      {
        name: 'the hearing is noticed on 2025-04-14 for 2025-04-18, four working days ahead (S8: the notice must go by 2025-04-11)',
        from: 'arb.hearingNoticed',
        context: { ...NOTICED, hearingNoticedOn: '2025-04-14' },
        type: 'HOLD_HEARING',
        over: { deadlines: { ...DEADLINES, 'D-RL6': '2025-04-21' } },
        violations: [['hearingNoticePeriodRun', `${LAW} 第三十一条`]],
      },
      { name: 'the hearing is held before the notified day', from: 'arb.hearingDue', context: NOTICED, type: 'HOLD_HEARING', over: { today: '2025-04-17', deadlines: {} }, violations: [['hearingNoticePeriodRun', `${LAW} 第三十一条`]] },
      {
        name: 'an interim ruling is made where rights and duties are disputed (第四十二条)',
        from: 'arb.hearing',
        context: HEARD,
        type: 'INTERIM_RULING',
        data: { applicantPartyIds: ['f1'], measure: 'KEEP_STATUS_QUO', rightsAndDutiesClear: false },
        violations: [['interimRulingGrounds', `${LAW} 第四十二条`]],
      },
      { name: 'the tribunal awards without having mediated (第十一条)', from: 'arb.extended', context: { ...EXTENDED, mediationAttemptedOn: undefined }, type: 'AWARD', violations: [['mediationAttempted', `${LAW} 第十一条`]] },
      {
        name: 'the mediation document is signed for by the farmer only',
        from: 'arb.hearing',
        context: HEARD,
        type: 'SIGN_MEDIATION_DOC',
        data: { docNo: '青农仲调字〔2025〕第1号', signedPartyIds: ['f1'] },
        violations: [['everyPartySignedMediationDoc', `${LAW} 第十一条`]],
      },
      { name: 'the extension is 31 days (第四十七条)', from: 'arb.deliberation', context: MEDIATED, type: 'EXTEND', data: { ...VALID.EXTEND.data, days: 31 }, violations: [['extensionAtMost30Days', `${LAW} 第四十七条`]] },
      {
        name: 'the extension comes after the 60 days ran out',
        from: 'arb.deliberation',
        context: MEDIATED,
        type: 'EXTEND',
        over: { today: '2025-05-20', deadlines: { 'D-RL10': '2025-06-16' } },
        data: { ...VALID.EXTEND.data, notifiedOn: '2025-05-20' },
        violations: [['extensionBeforePeriodEnds', `${LAW} 第四十七条`]],
      },
      { name: 'the award is served before it was made', from: 'arb.awarded', context: AWARDED, type: 'SERVE_AWARD', data: { receivedOn: '2025-05-14' }, violations: [['awardServedAfterAward', `${LAW} 第四十五条`]] },
      { name: 'K sues on 2025-06-17, after the 30 days (第四十八条)', from: 'post.suitWindow', context: SERVED_AWARD, type: 'FILE_SUIT', over: { today: '2025-06-17' }, violations: [['withinAwardSuitWindow', `${LAW} 第四十八条`]] },
      {
        name: 'a returned suit does not record where it was filed from',
        from: 'suitFiled',
        context: SERVED_AWARD,
        type: 'SUIT_RETURNED',
        over: { actor: { id: 'engine', role: 'SYSTEM' } },
        violations: [['suitReturnsWhereFiled', `${LAW} 第四条、第四十八条`]],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(land, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: land, legal: LEGAL, finalStates: FINAL, stateCount: 31, eventTypeCount: 36, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(land.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(land, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('requires the kind of dispute at opening, and a division code for the land’s location', () => {
      const validate = formAjv.compile(land.openingSchema!);
      expect(validate({ disputeKind: 'TRANSFER', landLocationCode: VILLAGE_REGION, knewOn: '2025-01-01' })).toBe(true);
      expect(validate({ landLocationCode: VILLAGE_REGION })).toBe(false);
      expect(validate({ disputeKind: 'TRANSFER', landLocationCode: '青溪区' })).toBe(false);
    });
  });

  // ---------- scenario S8, replayed through decide() with the dates of spec appendix (d) ----------

  const spec = (state: string, id: string) => deadlinesOf(land, state).find((d) => d.id === id)!;
  /** The due date of a calendar-day period whose last day is a working day (as every calendar date below is, but D-RL10). */
  const calendarDue = (state: string, id: string, context: Record<string, any>) => addDays(context[spec(state, id).anchor!.contextDate], spec(state, id).period.amount);

  function play(start: PersistedState, steps: [string, Record<string, unknown> | undefined, string, Partial<WorkflowEvent>?][]): { state: PersistedState; effects: Effect[] } {
    let state = start;
    const effects: Effect[] = [];
    for (const [type, data, today, over] of steps) {
      const d = decide(land, state, event(type, data, { today, at: `${today}T02:00:00.000Z`, ...over }));
      if (!d.allowed) throw new Error(`${type} refused in ${state.value}: ${JSON.stringify(d)}`);
      effects.push(...d.effects);
      state = { value: d.to, context: d.context };
    }
    return { state, effects };
  }

  describe('scenario S8 (village mediation → arbitration → award effective → enforcement)', () => {
    it('mediates in the village, which interrupts the two-year limitation, then applies to the commission', () => {
      const { state } = play({ value: 'intake', context: VILLAGE }, [
        ['START_MEDIATION', undefined, '2025-03-03'],
        ['FAIL_MEDIATION', undefined, '2025-03-17'],
        ['APPLY_ARBITRATION', undefined, '2025-03-18'],
      ]);
      expect(state.value).toBe('arbitrationApplied');
      expect(state.context.interruptedOn).toBe('2025-03-03');
      expect(limitationEndsOn('2025-01-01', ['2025-03-03'])).toBe('2027-03-03');
    });

    it('runs the commission’s case from the application to enforcement, with the calendar-day periods of table (b)', () => {
      let { state } = play({ value: 'intake', context: AT_COMMISSION }, [
        ['RECEIVE_APPLICATION', undefined, '2025-03-18'],
        ['ACCEPT', undefined, '2025-03-20'],
      ]);
      expect(state.value).toBe('arb.accepted');
      expect(calendarDue('arb.accepted', 'D-RL7', state.context)).toBe('2025-05-19');
      ({ state } = play(state, [['SERVE_RESPONDENT', undefined, '2025-03-24']]));
      expect(calendarDue('arb.served', 'D-RL4', state.context)).toBe('2025-04-03');
      ({ state } = play(state, [
        ['FORM_TRIBUNAL', undefined, '2025-03-31'],
        ['NOTIFY_COMPOSITION', undefined, '2025-04-01'],
        ['NOTICE_HEARING', undefined, '2025-04-11'],
        ['HOLD_HEARING', undefined, '2025-04-18'],
        ['MEDIATION_FAILED', undefined, '2025-04-18'],
        ['AWARD', undefined, '2025-05-15'],
        ['SERVE_AWARD', undefined, '2025-05-16'],
      ]));
      expect(state).toMatchObject({ value: 'post.suitWindow', context: { hearingPlace: 'VILLAGE', awardReceivedOn: '2025-05-16' } });
      // The 30th day is Sunday 2025-06-15: the engine's calendar rolls it to Monday 2025-06-16 (passed in DEADLINES).
      expect(calendarDue('post.suitWindow', 'D-RL10', state.context)).toBe('2025-06-15');
      const effective = play(state, [['SUIT_WINDOW_ENDED', undefined, '2025-06-17']]);
      expect(effective.state.value).toBe('awardEffective');
      expect(effective.effects).toEqual([reported('AWARD_EFFECTIVE')]);
      expect(play(effective.state, [['APPLY_ENFORCEMENT', undefined, '2025-07-02']]).state).toMatchObject({ value: 'enforcement', context: { enforcementCourtOrgId: 'org-court' } });
    });

    it('branch: K sues on 2025-06-10, so the award does not take effect', () => {
      const { state } = play({ value: 'post.suitWindow', context: SERVED_AWARD }, [['FILE_SUIT', undefined, '2025-06-10']]);
      expect(state).toMatchObject({ value: 'suitFiled', context: { awardIneffective: true } });
      expect(play(state, [['SUIT_REGISTERED', undefined, '2025-06-11', { actor: { id: 'engine', role: 'SYSTEM' } }]]).state.value).toBe('litigation');
    });

    it('negative test: an expropriation compensation dispute ends here, pointed to reconsideration or litigation', () => {
      expectPreconditionRefusal(land, 'intake', EXPROPRIATION, event('APPLY_ARBITRATION'), [['notExpropriation', `${LAW} 第二条第二款`]], legalEventsIn('intake'));
      const { state } = play({ value: 'intake', context: EXPROPRIATION }, [['CLOSE_AS_EXPROPRIATION', undefined, '2025-03-03']]);
      expect(state.value).toBe('excludedExpropriation');
      expect(description.states.find((s) => s.id === 'excludedExpropriation')!.description).toContain('行政复议或者诉讼');
    });
  });
});
