import { decide, eventsHandledIn, open, type Decision, type PersistedState } from '../decide';
import type { DeadlineSpec, Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { courtCase } from '../court/ct.workflow';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { stateConfigurations } from '../state-value';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { LabContext } from './lab.context';
import { addDays } from './lab.periods';
import { labourArbitration as lab } from './lab.workflow';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: scenario S2 (spec appendix (d)), worker p1 against employer p2 ----------

const PARTIES = ['p1', 'p2'];
/** W was dismissed on 2025-02-28, applied to the township mediation body on 2025-03-10 and to the commission on 2025-03-26. */
const OPENED: LabContext = lab.initialContext({
  partyIds: PARTIES,
  openedOn: '2025-03-26',
  input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28', interruptedOn: '2025-03-10' },
});
const ACCEPTED: LabContext = { ...OPENED, acceptedOn: '2025-03-28' };
const SERVED: LabContext = { ...ACCEPTED, respondentServedOn: '2025-03-31', arbitratorId: 'arb-1' };
const NOTICED: LabContext = { ...SERVED, hearingOn: '2025-04-22' };
const HEARD: LabContext = { ...NOTICED, hearingHeldOn: '2025-04-22' };
const MEDIATED: LabContext = { ...HEARD, mediationAttemptedOn: '2025-04-22' };
const EXTENDED: LabContext = { ...MEDIATED, extensionDays: 10, extendedDueOn: '2025-05-22' };
const AWARDED = (awardType: 'FINAL' | 'NON_FINAL'): LabContext => ({ ...MEDIATED, awardNo: '劳人仲案字〔2025〕第12号', awardedOn: '2025-05-09', awardType, performanceDueOn: '2025-06-10' });
const SERVED_AWARD = (awardType: 'FINAL' | 'NON_FINAL'): LabContext => ({
  ...AWARDED(awardType),
  workerReceivedOn: '2025-05-12',
  employerReceivedOn: '2025-05-12',
  suitWindowFrom: '2025-05-12',
});
const SET_ASIDE: LabContext = { ...SERVED_AWARD('FINAL'), setAsideGranted: true, setAsideReceivedOn: '2025-06-05' };
const MEDIATION_DOC: LabContext = { ...MEDIATED, mediationDocNo: '劳人仲调字〔2025〕第3号', performanceDueOn: '2025-05-10' };

/** Pending deadlines as the engine would pass them in S2: D-LB4 from 03-26, D-LB7 from 03-28, the award windows from 05-12. */
const DEADLINES = { 'D-LB4': '2025-03-31', 'D-LB7': '2025-05-12', 'D-LB9': '2025-05-27', 'D-LB10': '2025-06-11', 'D-LB11': '2025-06-20', 'D-LB12': '2025-05-27' };
const REPORT = { sourceCaseId: 'ct-1', sourceCaseNo: '（2025）浙0102民初88号', reportedOn: '2025-05-22' };
const S2_ITEMS = [
  { kind: 'WAGES', amount: 18_000, description: '支付2024年12月至2025年2月工资' },
  { kind: 'SEVERANCE', amount: 42_000, description: '支付解除劳动合同经济补偿' },
];

/** One valid envelope per event type, with the day it is sent in S2. */
const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  ASSIGN_ARBITRATOR: { data: { arbitratorId: 'arb-1' }, today: '2025-03-27' },
  ACCEPT: { data: { acceptedOn: '2025-03-28' }, today: '2025-03-28' },
  NOT_ACCEPT: { data: { reason: 'NO_JURISDICTION', explanation: '劳动合同履行地和用人单位所在地均不在本委辖区' }, today: '2025-03-28' },
  ACCEPTANCE_OVERDUE: { data: { specId: 'D-LB4', dueOn: '2025-03-31' }, today: '2025-04-01' },
  SERVE_NOTICES: { data: { respondentServedOn: '2025-03-31', arbitratorId: 'arb-1', tribunal: 'SOLE', tribunalNotifiedOn: '2025-03-31' }, today: '2025-03-31' },
  NOTICE_HEARING: { data: { hearingOn: '2025-04-22', venue: '第一仲裁庭' }, today: '2025-04-14' },
  HOLD_HEARING: { data: { summary: '双方到庭，举证质证' }, today: '2025-04-22' },
  MEDIATION_FAILED: { data: { outcome: 'NO_AGREEMENT' }, today: '2025-04-22' },
  SIGN_MEDIATION_DOC: { data: { docNo: '劳人仲调字〔2025〕第3号', signedPartyIds: ['p1', 'p2'], signedOn: '2025-04-25', performanceDueOn: '2025-05-10' }, today: '2025-04-25' },
  AWARD: { data: { awardNo: '劳人仲案字〔2025〕第12号', awardedOn: '2025-05-09', monthlyMinimumWage: 2000, items: S2_ITEMS, performanceDueOn: '2025-06-10' }, today: '2025-05-09' },
  SUSPEND: { data: { reason: 'AWAITING_OTHER_CASE', explanation: '等待工伤认定结论' }, today: '2025-04-10' },
  RESUME: { data: { note: '工伤认定结论已作出' }, today: '2025-04-20' },
  EXTEND: { data: { days: 10, approvedBy: '仲裁委员会主任 王某', approvedOn: '2025-05-05', approvalDocNo: '延字〔2025〕1号', partiesNotifiedOn: '2025-05-05' }, today: '2025-05-05' },
  AWARD_PERIOD_EXPIRED: { data: { specId: 'D-LB7', dueOn: '2025-05-12' }, today: '2025-05-13' },
  WITHDRAW: { data: { reason: 'SETTLED', note: '庭外和解' }, today: '2025-04-15' },
  SERVE_AWARD: { data: { workerReceivedOn: '2025-05-12', employerReceivedOn: '2025-05-12' }, today: '2025-05-12' },
  FILE_SUIT: { data: { courtOrgId: 'court-1', plaintiffPartyIds: ['p1'] }, today: '2025-05-20' },
  APPLY_SET_ASIDE: { data: { applicantPartyIds: ['p2'], courtName: '市中级人民法院', grounds: ['PROCEDURE_VIOLATED'], appliedOn: '2025-05-30' }, today: '2025-05-30' },
  SET_ASIDE_GRANTED: { data: { rulingNo: '（2025）浙01民特5号', receivedOn: '2025-06-05' }, today: '2025-06-05' },
  SET_ASIDE_REFUSED: { data: { rulingNo: '（2025）浙01民特5号', outcome: 'DISMISSED' }, today: '2025-06-05' },
  WORKER_SUIT_WINDOW_ENDED: { data: { specId: 'D-LB9', dueOn: '2025-05-27' }, today: '2025-05-28' },
  SET_ASIDE_WINDOW_ENDED: { data: { specId: 'D-LB10', dueOn: '2025-06-11' }, today: '2025-06-12' },
  SUIT_WINDOW_ENDED: { data: { specId: 'D-LB12', dueOn: '2025-05-27' }, today: '2025-05-28' },
  SUIT_REGISTERED: { data: { outcome: 'REGISTERED', ...REPORT }, today: '2025-05-22' },
  SUIT_RETURNED: { data: { outcome: 'RETURNED', ...REPORT, reason: 'NOT_THIS_COURT' }, today: '2025-05-22' },
  APPLY_ENFORCEMENT: { data: { applicantPartyIds: ['p1'], appliedOn: '2025-06-20' }, today: '2025-06-20' },
  RECORD_PERFORMED: { data: { performedOn: '2025-06-01' }, today: '2025-06-01' },
  CLOSE: { data: { note: '申请人未起诉' }, today: '2025-04-30' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-04-22';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: lab.events[type]?.roles[0] ?? 'ARBITRATOR' }, ...over };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });
const ACCEPT_TRANSFER: Effect = { type: 'acceptTransfer', params: {} };
const RETURN_TRANSFER: Effect = { type: 'returnTransfer', params: { reasonField: 'reason' } };
const pause = (id: string): Effect => ({ type: 'pauseDeadlines', params: { specIds: [id] } });
const resume = (id: string): Effect => ({ type: 'resumeDeadlines', params: { specIds: [id] } });

// ---------- the legal table, written by hand from 劳动争议调解仲裁法 第二十七条至第五十一条 and 解释一 ----------

type Row = [string, string, string | null, string[]];
const SUIT = ['employerCannotSueOnFinalAward', 'withinWorkerSuitWindow', 'withinSuitWindowAfterSetAside', 'withinNonFinalSuitWindow'];
const ACCEPTANCE = ['withinLimitation', 'acceptedNotInFuture', 'workerSideKnown'];
const EXTENSION = ['extensionAtMost15Days', 'extensionBeforeAwardPeriodEnds', 'extensionApprovedByChair'];
/** While the case is being heard: the tribunal may change, the case may be suspended or withdrawn, the period may run out (第四十一条、第四十三条). */
const hearing = (s: string): Row[] => [
  [s, 'ASSIGN_ARBITRATOR', null, []],
  [s, 'SUSPEND', 'arb.suspended', []],
  [s, 'WITHDRAW', 'withdrawn', []],
  [s, 'AWARD_PERIOD_EXPIRED', 'arb.overdue', []],
];
/** The award follows the mediation attempt (第四十二条); its type follows its items (第四十七条). */
const awarding = (s: string): Row[] => [
  [s, 'AWARD', 'arb.awardFinal', ['mediationAttempted', 'awardedNotInFuture', 'awardClassified']],
  [s, 'AWARD', 'arb.awardNonFinal', ['mediationAttempted', 'awardedNotInFuture', 'awardClassified']],
  [s, 'SIGN_MEDIATION_DOC', 'arb.mediationDoc', ['everyPartySignedMediationDoc']],
];
const suit = (s: string): Row => [s, 'FILE_SUIT', 'suitFiled', SUIT];

const LEGAL: Row[] = [
  // 第二十九条: decide within five days; silence lets the applicant sue, and the commission may still decide.
  ['arb.acceptanceReview', 'ACCEPT', 'arb.accepted', ACCEPTANCE],
  ['arb.acceptanceReview', 'NOT_ACCEPT', 'arb.notAccepted', []],
  ['arb.acceptanceReview', 'ACCEPTANCE_OVERDUE', 'arb.undecided', []],
  ['arb.acceptanceReview', 'ASSIGN_ARBITRATOR', null, []],
  ['arb.undecided', 'ACCEPT', 'arb.accepted', ACCEPTANCE],
  ['arb.undecided', 'NOT_ACCEPT', 'arb.notAccepted', []],
  suit('arb.undecided'),
  ['arb.undecided', 'ASSIGN_ARBITRATOR', null, []],
  suit('arb.notAccepted'),
  ['arb.notAccepted', 'CLOSE', 'closed', []],
  // 第三十条、第三十二条: serve the application and notify the tribunal before any hearing.
  ['arb.accepted', 'SERVE_NOTICES', 'arb.served', ['respondentServedNotInFuture']],
  ['arb.accepted', 'EXTEND', 'arb.extended', EXTENSION],
  ...hearing('arb.accepted'),
  // 第三十五条: the hearing is notified in writing five days ahead; it may be re-notified.
  ['arb.served', 'NOTICE_HEARING', 'arb.hearingNoticed', ['hearingNoticeInTime']],
  ['arb.served', 'EXTEND', 'arb.extended', EXTENSION],
  ...hearing('arb.served'),
  ['arb.hearingNoticed', 'NOTICE_HEARING', null, ['hearingNoticeInTime']],
  ['arb.hearingNoticed', 'HOLD_HEARING', 'arb.mediation', ['hearingDateReached']],
  ['arb.hearingNoticed', 'EXTEND', 'arb.extended', EXTENSION],
  ...hearing('arb.hearingNoticed'),
  // 第四十二条: mediation first; an award only after it failed.
  ['arb.mediation', 'SIGN_MEDIATION_DOC', 'arb.mediationDoc', ['everyPartySignedMediationDoc']],
  ['arb.mediation', 'MEDIATION_FAILED', 'arb.deliberation', []],
  ['arb.mediation', 'EXTEND', 'arb.extended', EXTENSION],
  ...hearing('arb.mediation'),
  ...awarding('arb.deliberation'),
  ['arb.deliberation', 'EXTEND', 'arb.extended', EXTENSION],
  ...hearing('arb.deliberation'),
  // 第四十三条: one extension; the case is finished inside it. No EXTEND here or after.
  ['arb.extended', 'SERVE_NOTICES', null, ['respondentServedNotInFuture']],
  ['arb.extended', 'NOTICE_HEARING', null, ['hearingNoticeInTime']],
  ['arb.extended', 'HOLD_HEARING', null, ['hearingDateReached']],
  ['arb.extended', 'MEDIATION_FAILED', null, []],
  ...awarding('arb.extended'),
  ...hearing('arb.extended'),
  // 办案规则 第四十六条: suspension stops the clock; resumption returns to where the case was.
  ...['arb.accepted', 'arb.served', 'arb.hearingNoticed', 'arb.mediation', 'arb.deliberation', 'arb.extended'].map((s): Row => ['arb.suspended', 'RESUME', s, ['resumesWhereSuspended']]),
  ['arb.suspended', 'WITHDRAW', 'withdrawn', []],
  ['arb.suspended', 'ASSIGN_ARBITRATOR', null, []],
  // 第四十三条: overdue — a party may sue; until then the tribunal may still conclude.
  suit('arb.overdue'),
  ['arb.overdue', 'MEDIATION_FAILED', null, []],
  ...awarding('arb.overdue'),
  ['arb.overdue', 'WITHDRAW', 'withdrawn', []],
  ['arb.overdue', 'ASSIGN_ARBITRATOR', null, []],
  // 第五十一条; 解释一 第十一条: an effective 调解书 is enforced, never re-litigated (no FILE_SUIT).
  ['arb.mediationDoc', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['arb.mediationDoc', 'RECORD_PERFORMED', 'performed', []],
  ['arb.awardFinal', 'SERVE_AWARD', 'post.finalWindows', ['awardServedAfterAward']],
  ['arb.awardNonFinal', 'SERVE_AWARD', 'post.partySuit', ['awardServedAfterAward']],
  // 第四十八条、第四十九条; 解释一 第二十一条: the worker sues, the employer may only apply to set aside.
  suit('post.finalWindows'),
  ['post.finalWindows', 'APPLY_SET_ASIDE', 'post.setAsideApplied', ['onlyEmployerMaySetAside', 'withinSetAsideWindow']],
  ['post.finalWindows', 'WORKER_SUIT_WINDOW_ENDED', 'post.employerSetAside', []],
  ['post.finalWindows', 'SET_ASIDE_WINDOW_ENDED', 'post.workerSuit', []],
  suit('post.workerSuit'),
  ['post.workerSuit', 'WORKER_SUIT_WINDOW_ENDED', 'awardEffective', []],
  ['post.employerSetAside', 'APPLY_SET_ASIDE', 'post.setAsideReview', ['onlyEmployerMaySetAside', 'withinSetAsideWindow']],
  ['post.employerSetAside', 'SET_ASIDE_WINDOW_ENDED', 'awardEffective', []],
  suit('post.setAsideApplied'),
  ['post.setAsideApplied', 'SET_ASIDE_GRANTED', 'post.setAsideGranted', ['setAsideRulingReceivedNotInFuture']],
  ['post.setAsideApplied', 'SET_ASIDE_REFUSED', 'post.workerSuit', []],
  ['post.setAsideApplied', 'WORKER_SUIT_WINDOW_ENDED', 'post.setAsideReview', []],
  ['post.setAsideReview', 'SET_ASIDE_GRANTED', 'post.setAsideGranted', ['setAsideRulingReceivedNotInFuture']],
  ['post.setAsideReview', 'SET_ASIDE_REFUSED', 'awardEffective', []],
  suit('post.setAsideGranted'),
  ['post.setAsideGranted', 'SUIT_WINDOW_ENDED', 'closed', []],
  // 第五十条: either party sues within fifteen days, or the award takes effect.
  suit('post.partySuit'),
  ['post.partySuit', 'SUIT_WINDOW_ENDED', 'awardEffective', []],
  ['awardEffective', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['awardEffective', 'RECORD_PERFORMED', 'performed', []],
  ['suitFiled', 'SUIT_REGISTERED', 'litigation', []],
  ...['arb.notAccepted', 'arb.undecided', 'arb.overdue', 'post.finalWindows', 'post.workerSuit', 'post.setAsideApplied', 'post.setAsideGranted', 'post.partySuit'].map(
    (s): Row => ['suitFiled', 'SUIT_RETURNED', s, ['suitReturnsWhereFiled']],
  ),
];
const FINAL = ['litigation', 'enforcement', 'performed', 'withdrawn', 'closed'];

const description = describeWorkflow(lab);
const LEAVES = description.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): LabContext {
  const byState: Record<string, LabContext> = {
    'arb.acceptanceReview': OPENED,
    'arb.undecided': OPENED,
    'arb.notAccepted': OPENED,
    'arb.accepted': ACCEPTED,
    'arb.served': SERVED,
    'arb.hearingNoticed': NOTICED,
    'arb.mediation': HEARD,
    'arb.deliberation': MEDIATED,
    'arb.extended': EXTENDED,
    'arb.suspended': { ...NOTICED, suspendedIn: 'arb.hearingNoticed' },
    'arb.overdue': MEDIATED,
    'arb.mediationDoc': MEDIATION_DOC,
    'arb.awardFinal': AWARDED('FINAL'),
    'arb.awardNonFinal': AWARDED('NON_FINAL'),
    'post.finalWindows': SERVED_AWARD('FINAL'),
    'post.workerSuit': SERVED_AWARD('FINAL'),
    'post.employerSetAside': SERVED_AWARD('FINAL'),
    'post.setAsideApplied': SERVED_AWARD('FINAL'),
    'post.setAsideGranted': SET_ASIDE,
    'post.partySuit': SERVED_AWARD('NON_FINAL'),
    awardEffective: SERVED_AWARD('NON_FINAL'),
    suitFiled: { ...SERVED_AWARD('NON_FINAL'), suedFrom: 'post.partySuit', suitBasis: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER', awardIneffective: true },
  };
  return byState[state] ?? SERVED_AWARD('NON_FINAL');
}

describe('labour arbitration (lab) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('nests the proceedings under arb and the periods after the award under post (spec A4)', () => {
      expect(description.states.filter((s) => s.type === 'compound').map((s) => s.id)).toEqual(['arb', 'post']);
      expect(stateConfigurations(lab.machine)).toEqual(LEAVES);
      expect(LEAVES).toHaveLength(28);
    });

    it('names exactly the final states', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
    });

    it('lists every state of the machine', () => {
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(LEAVES)).toEqual(sorted(inTable));
    });

    it('tags the states that await the commission’s decision on a transfer, and the open award windows', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['arb.acceptanceReview', 'arb.undecided']);
      expect(tagged('awardWindow')).toEqual(['post.finalWindows', 'post.workerSuit', 'post.employerSetAside', 'post.setAsideApplied', 'post.setAsideReview', 'post.setAsideGranted', 'post.partySuit']);
      for (const q of lab.manifest.queues.filter((x) => x.tag)) expect(tagged(q.tag!).length).toBeGreaterThan(0);
    });

    it('opens an application in acceptance review with the facts the limitation depends on', () => {
      expect(open(lab, { partyIds: PARTIES, openedOn: '2025-03-26', input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', wageArrears: true, employmentEndedOn: '2025-02-28' } })).toEqual({
        state: {
          value: 'arb.acceptanceReview',
          context: {
            partyIds: PARTIES,
            openedOn: '2025-03-26',
            receivedOn: '2025-03-26',
            acceptanceReviewFrom: '2025-03-26',
            workerPartyIds: ['p1'],
            knewOn: '2025-02-28',
            wageArrears: true,
            employmentEndedOn: '2025-02-28',
            interruptedOn: undefined,
            setAsideGranted: false,
            awardIneffective: false,
          },
        },
        effects: [],
        final: false,
      });
      expect(open(lab, { partyIds: PARTIES, openedOn: '2025-03-26', input: { receivedOn: '2025-03-25', workerPartyIds: ['p9'] } }).state.context).toMatchObject({
        receivedOn: '2025-03-25',
        workerPartyIds: [],
      });
    });
  });

  describe('the manifest', () => {
    it('declares the arbitration channel: its case-number word, roles, organisation type, outcomes and queues', () => {
      expect(lab.manifest).toMatchObject({
        caseNumberKind: '劳人仲案',
        assigneeField: 'arbitratorId',
        roles: { ARBITRATOR: '仲裁员' },
        caseHandlingRoles: ['ARBITRATOR'],
        orgTypes: { LABOUR_ARBITRATION_COMMISSION: '劳动人事争议仲裁委员会' },
        handlingOrgTypes: ['LABOUR_ARBITRATION_COMMISSION'],
        relationLabel: '劳动仲裁',
      });
      expect(lab.openRoles).toEqual(['ARBITRATOR', 'INTAKE_CLERK']);
      expect(lab.events.ASSIGN_ARBITRATOR.schema!.properties!.arbitratorId['x-source']).toBe('orgUsers:ARBITRATOR');
    });

    it('uses only engine effects, and lists every outcome it reports (route-table wiring check)', () => {
      expect(wiringProblems([lab], [])).toEqual([]);
      const reportedOutcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(lab, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') reportedOutcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(lab.manifest.outcomes))).toEqual(sorted([...reportedOutcomes, 'SIGNED_FOR', 'RETURNED', 'AWARD_FINAL']));
    });

    it('declares a deadline for every period of table (b) the channel runs, with its configuration key where the day type is unverified', () => {
      const declared = new Map<string, DeadlineSpec>();
      for (const s of description.states) for (const d of s.deadlines) declared.set(d.id, d);
      expect(sorted(declared.keys())).toEqual(sorted(['D-LB4', 'D-LB4-W', 'D-LB5', 'D-LB5-ANSWER', 'D-LB7', 'D-LB8', 'D-LB9', 'D-LB10', 'D-LB11', 'D-LB12', 'D-EX1']));
      expect(declared.get('D-LB4')).toMatchObject({ period: { amount: 5, unit: 'day' }, dayType: 'calendar', configKey: 'lab.acceptancePeriod', onExpiry: 'ACCEPTANCE_OVERDUE' });
      expect(declared.get('D-LB4-W')).toMatchObject({ period: { amount: 5, unit: 'day' }, dayType: 'working', configKey: 'lab.acceptancePeriod', onExpiry: 'ACCEPTANCE_OVERDUE' });
      for (const d of declared.values()) if (d.confidence === 'U') expect({ id: d.id, configKey: d.configKey }).toEqual({ id: d.id, configKey: expect.stringMatching(/^lab\./) });
      for (const d of declared.values()) if (d.onExpiry) expect({ id: d.id, system: lab.events[d.onExpiry]?.roles }).toEqual({ id: d.id, system: ['SYSTEM'] });
    });
  });

  describe('legal transitions', () => {
    type Case = {
      from: string;
      context: LabContext;
      type: string;
      data?: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      to: string;
      effects?: Effect[];
      contextAfter?: Partial<LabContext>;
    };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const FINAL_ITEMS = { ...VALID.AWARD.data, items: [S2_ITEMS[0]] };
    const rows: Case[] = [
      { from: 'arb.acceptanceReview', context: OPENED, type: 'ACCEPT', to: 'arb.accepted', effects: [ACCEPT_TRANSFER, reported('ACCEPTED')], contextAfter: { acceptedOn: '2025-03-28' } },
      // A claim more than a year old is accepted once the arbitrator records the interruption (第二十七条第二款).
      {
        from: 'arb.acceptanceReview',
        context: { ...OPENED, knewOn: '2023-11-01', interruptedOn: undefined },
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-28', interruptedOn: '2024-06-01', limitationNote: '2024年6月曾向劳动监察投诉' },
        to: 'arb.accepted',
        effects: [ACCEPT_TRANSFER, reported('ACCEPTED')],
        contextAfter: { limitationFinding: { interruptedOn: '2024-06-01', suspendedFrom: undefined, suspendedUntil: undefined, note: '2024年6月曾向劳动监察投诉' } },
      },
      // Wages owed while the employment lasts are not time-barred; the worker's side is named at acceptance.
      {
        from: 'arb.acceptanceReview',
        context: { ...OPENED, workerPartyIds: [], knewOn: '2019-01-01', employmentEndedOn: undefined, interruptedOn: undefined, wageArrears: true },
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-28', workerPartyIds: ['p1'] },
        to: 'arb.accepted',
        effects: [ACCEPT_TRANSFER, reported('ACCEPTED')],
        contextAfter: { workerPartyIds: ['p1'] },
      },
      { from: 'arb.acceptanceReview', context: OPENED, type: 'NOT_ACCEPT', to: 'arb.notAccepted', effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')] },
      { from: 'arb.acceptanceReview', context: OPENED, type: 'ACCEPTANCE_OVERDUE', over: SYSTEM, to: 'arb.undecided' },
      { from: 'arb.acceptanceReview', context: OPENED, type: 'ASSIGN_ARBITRATOR', to: 'arb.acceptanceReview', contextAfter: { arbitratorId: 'arb-1' } },
      { from: 'arb.undecided', context: OPENED, type: 'ACCEPT', over: { today: '2025-04-02' }, data: { acceptedOn: '2025-04-02' }, to: 'arb.accepted', effects: [ACCEPT_TRANSFER, reported('ACCEPTED')] },
      { from: 'arb.undecided', context: OPENED, type: 'NOT_ACCEPT', to: 'arb.notAccepted', effects: [RETURN_TRANSFER, reported('NOT_ACCEPTED')] },
      {
        from: 'arb.undecided',
        context: OPENED,
        type: 'FILE_SUIT',
        to: 'suitFiled',
        effects: [reported('SUED')],
        contextAfter: { suedFrom: 'arb.undecided', suitBasis: 'NOT_ACCEPTED_BY_COMMISSION', plaintiffSide: 'WORKER' },
      },
      { from: 'arb.undecided', context: OPENED, type: 'ASSIGN_ARBITRATOR', to: 'arb.undecided', contextAfter: { arbitratorId: 'arb-1' } },
      {
        from: 'arb.notAccepted',
        context: OPENED,
        type: 'FILE_SUIT',
        to: 'suitFiled',
        effects: [reported('SUED')],
        contextAfter: { suedFrom: 'arb.notAccepted', suitBasis: 'NOT_ACCEPTED_BY_COMMISSION' },
      },
      { from: 'arb.notAccepted', context: OPENED, type: 'CLOSE', to: 'closed' },
      { from: 'arb.accepted', context: ACCEPTED, type: 'SERVE_NOTICES', to: 'arb.served', contextAfter: { respondentServedOn: '2025-03-31', arbitratorId: 'arb-1' } },
      { from: 'arb.accepted', context: ACCEPTED, type: 'EXTEND', to: 'arb.extended', contextAfter: { extensionDays: 10, extendedDueOn: '2025-05-22' } },
      { from: 'arb.accepted', context: ACCEPTED, type: 'ASSIGN_ARBITRATOR', to: 'arb.accepted', contextAfter: { arbitratorId: 'arb-1' } },
      { from: 'arb.accepted', context: ACCEPTED, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB7')], contextAfter: { suspendedIn: 'arb.accepted' } },
      { from: 'arb.accepted', context: ACCEPTED, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.accepted', context: ACCEPTED, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      { from: 'arb.served', context: SERVED, type: 'NOTICE_HEARING', to: 'arb.hearingNoticed', contextAfter: { hearingOn: '2025-04-22' } },
      // S2: notice on 2025-04-17 is the latest for a hearing on 2025-04-22.
      { from: 'arb.served', context: SERVED, type: 'NOTICE_HEARING', over: { today: '2025-04-17' }, to: 'arb.hearingNoticed' },
      { from: 'arb.served', context: SERVED, type: 'EXTEND', to: 'arb.extended' },
      { from: 'arb.served', context: SERVED, type: 'ASSIGN_ARBITRATOR', to: 'arb.served' },
      { from: 'arb.served', context: SERVED, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB7')], contextAfter: { suspendedIn: 'arb.served' } },
      { from: 'arb.served', context: SERVED, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.served', context: SERVED, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'NOTICE_HEARING', data: { hearingOn: '2025-04-25', venue: '第二仲裁庭' }, to: 'arb.hearingNoticed', contextAfter: { hearingOn: '2025-04-25' } },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'HOLD_HEARING', to: 'arb.mediation', contextAfter: { hearingHeldOn: '2025-04-22' } },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'EXTEND', to: 'arb.extended' },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'ASSIGN_ARBITRATOR', to: 'arb.hearingNoticed' },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB7')] },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'WITHDRAW', data: { reason: 'DEEMED_ABSENT' }, to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.hearingNoticed', context: NOTICED, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      { from: 'arb.mediation', context: HEARD, type: 'SIGN_MEDIATION_DOC', to: 'arb.mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')], contextAfter: { performanceDueOn: '2025-05-10' } },
      { from: 'arb.mediation', context: HEARD, type: 'MEDIATION_FAILED', to: 'arb.deliberation', contextAfter: { mediationAttemptedOn: '2025-04-22' } },
      { from: 'arb.mediation', context: HEARD, type: 'EXTEND', to: 'arb.extended' },
      { from: 'arb.mediation', context: HEARD, type: 'ASSIGN_ARBITRATOR', to: 'arb.mediation' },
      { from: 'arb.mediation', context: HEARD, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB7')] },
      { from: 'arb.mediation', context: HEARD, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.mediation', context: HEARD, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      // S2: wages 18,000 and compensation 42,000 at 2,000 a month → non-final; S2b: wages alone → final.
      { from: 'arb.deliberation', context: MEDIATED, type: 'AWARD', to: 'arb.awardNonFinal', effects: [reported('AWARD_NON_FINAL')], contextAfter: { awardType: 'NON_FINAL', awardedOn: '2025-05-09' } },
      { from: 'arb.deliberation', context: MEDIATED, type: 'AWARD', data: FINAL_ITEMS, to: 'arb.awardFinal', effects: [reported('AWARD_FINAL')], contextAfter: { awardType: 'FINAL' } },
      { from: 'arb.deliberation', context: MEDIATED, type: 'SIGN_MEDIATION_DOC', to: 'arb.mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')] },
      { from: 'arb.deliberation', context: MEDIATED, type: 'EXTEND', to: 'arb.extended' },
      { from: 'arb.deliberation', context: MEDIATED, type: 'ASSIGN_ARBITRATOR', to: 'arb.deliberation' },
      { from: 'arb.deliberation', context: MEDIATED, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB7')], contextAfter: { suspendedIn: 'arb.deliberation' } },
      { from: 'arb.deliberation', context: MEDIATED, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.deliberation', context: MEDIATED, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      { from: 'arb.extended', context: { ...ACCEPTED, extensionDays: 10 }, type: 'SERVE_NOTICES', to: 'arb.extended', contextAfter: { respondentServedOn: '2025-03-31' } },
      { from: 'arb.extended', context: { ...SERVED, extensionDays: 10 }, type: 'NOTICE_HEARING', to: 'arb.extended', contextAfter: { hearingOn: '2025-04-22' } },
      { from: 'arb.extended', context: { ...NOTICED, extensionDays: 10 }, type: 'HOLD_HEARING', to: 'arb.extended', contextAfter: { hearingHeldOn: '2025-04-22' } },
      { from: 'arb.extended', context: { ...HEARD, extensionDays: 10 }, type: 'MEDIATION_FAILED', to: 'arb.extended', contextAfter: { mediationAttemptedOn: '2025-04-22' } },
      { from: 'arb.extended', context: EXTENDED, type: 'SIGN_MEDIATION_DOC', to: 'arb.mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')] },
      { from: 'arb.extended', context: EXTENDED, type: 'AWARD', data: FINAL_ITEMS, to: 'arb.awardFinal', effects: [reported('AWARD_FINAL')] },
      { from: 'arb.extended', context: EXTENDED, type: 'AWARD', to: 'arb.awardNonFinal', effects: [reported('AWARD_NON_FINAL')] },
      { from: 'arb.extended', context: EXTENDED, type: 'ASSIGN_ARBITRATOR', to: 'arb.extended' },
      { from: 'arb.extended', context: EXTENDED, type: 'SUSPEND', to: 'arb.suspended', effects: [pause('D-LB8')], contextAfter: { suspendedIn: 'arb.extended' } },
      { from: 'arb.extended', context: EXTENDED, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.extended', context: EXTENDED, type: 'AWARD_PERIOD_EXPIRED', over: SYSTEM, to: 'arb.overdue' },
      ...['arb.accepted', 'arb.served', 'arb.hearingNoticed', 'arb.mediation', 'arb.deliberation'].map(
        (s): Case => ({ from: 'arb.suspended', context: { ...MEDIATED, suspendedIn: s }, type: 'RESUME', to: s, effects: [resume('D-LB7')], contextAfter: { suspendedIn: undefined } }),
      ),
      { from: 'arb.suspended', context: { ...EXTENDED, suspendedIn: 'arb.extended' }, type: 'RESUME', to: 'arb.extended', effects: [resume('D-LB8')] },
      { from: 'arb.suspended', context: { ...NOTICED, suspendedIn: 'arb.hearingNoticed' }, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.suspended', context: { ...NOTICED, suspendedIn: 'arb.hearingNoticed' }, type: 'ASSIGN_ARBITRATOR', to: 'arb.suspended' },
      { from: 'arb.overdue', context: MEDIATED, type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suedFrom: 'arb.overdue', suitBasis: 'NO_AWARD_IN_TIME' } },
      { from: 'arb.overdue', context: HEARD, type: 'MEDIATION_FAILED', to: 'arb.overdue', contextAfter: { mediationAttemptedOn: '2025-04-22' } },
      { from: 'arb.overdue', context: MEDIATED, type: 'SIGN_MEDIATION_DOC', to: 'arb.mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')] },
      { from: 'arb.overdue', context: MEDIATED, type: 'AWARD', over: { today: '2025-05-15' }, data: { ...FINAL_ITEMS, awardedOn: '2025-05-15' }, to: 'arb.awardFinal', effects: [reported('AWARD_FINAL')] },
      { from: 'arb.overdue', context: MEDIATED, type: 'AWARD', to: 'arb.awardNonFinal', effects: [reported('AWARD_NON_FINAL')] },
      { from: 'arb.overdue', context: MEDIATED, type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')] },
      { from: 'arb.overdue', context: MEDIATED, type: 'ASSIGN_ARBITRATOR', to: 'arb.overdue' },
      { from: 'arb.mediationDoc', context: MEDIATION_DOC, type: 'APPLY_ENFORCEMENT', to: 'enforcement' },
      { from: 'arb.mediationDoc', context: MEDIATION_DOC, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'arb.awardFinal', context: AWARDED('FINAL'), type: 'SERVE_AWARD', to: 'post.finalWindows', contextAfter: { workerReceivedOn: '2025-05-12', employerReceivedOn: '2025-05-12' } },
      {
        from: 'arb.awardNonFinal',
        context: AWARDED('NON_FINAL'),
        type: 'SERVE_AWARD',
        data: { workerReceivedOn: '2025-05-12', employerReceivedOn: '2025-05-10' },
        over: { today: '2025-05-12' },
        to: 'post.partySuit',
        contextAfter: { suitWindowFrom: '2025-05-12' },
      },
      { from: 'post.finalWindows', context: SERVED_AWARD('FINAL'), type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suitBasis: 'FINAL_AWARD', plaintiffSide: 'WORKER' } },
      { from: 'post.finalWindows', context: SERVED_AWARD('FINAL'), type: 'APPLY_SET_ASIDE', to: 'post.setAsideApplied' },
      { from: 'post.finalWindows', context: SERVED_AWARD('FINAL'), type: 'WORKER_SUIT_WINDOW_ENDED', over: SYSTEM, to: 'post.employerSetAside' },
      { from: 'post.finalWindows', context: SERVED_AWARD('FINAL'), type: 'SET_ASIDE_WINDOW_ENDED', over: SYSTEM, to: 'post.workerSuit' },
      { from: 'post.workerSuit', context: SERVED_AWARD('FINAL'), type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')] },
      { from: 'post.workerSuit', context: SERVED_AWARD('FINAL'), type: 'WORKER_SUIT_WINDOW_ENDED', over: SYSTEM, to: 'awardEffective', effects: [reported('AWARD_EFFECTIVE')] },
      { from: 'post.employerSetAside', context: contextFor('post.employerSetAside'), type: 'APPLY_SET_ASIDE', to: 'post.setAsideReview' },
      { from: 'post.employerSetAside', context: contextFor('post.employerSetAside'), type: 'SET_ASIDE_WINDOW_ENDED', over: SYSTEM, to: 'awardEffective', effects: [reported('AWARD_EFFECTIVE')] },
      // 解释一 第二十一条: the worker's suit ends the employer's set-aside review.
      { from: 'post.setAsideApplied', context: SERVED_AWARD('FINAL'), type: 'FILE_SUIT', to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suitBasis: 'FINAL_AWARD' } },
      {
        from: 'post.setAsideApplied',
        context: SERVED_AWARD('FINAL'),
        type: 'SET_ASIDE_GRANTED',
        to: 'post.setAsideGranted',
        effects: [reported('AWARD_SET_ASIDE')],
        contextAfter: { setAsideGranted: true, setAsideReceivedOn: '2025-06-05' },
      },
      { from: 'post.setAsideApplied', context: SERVED_AWARD('FINAL'), type: 'SET_ASIDE_REFUSED', over: { today: '2025-05-25' }, to: 'post.workerSuit' },
      { from: 'post.setAsideApplied', context: SERVED_AWARD('FINAL'), type: 'WORKER_SUIT_WINDOW_ENDED', over: SYSTEM, to: 'post.setAsideReview' },
      { from: 'post.setAsideReview', context: SERVED_AWARD('FINAL'), type: 'SET_ASIDE_GRANTED', to: 'post.setAsideGranted', effects: [reported('AWARD_SET_ASIDE')] },
      { from: 'post.setAsideReview', context: SERVED_AWARD('FINAL'), type: 'SET_ASIDE_REFUSED', to: 'awardEffective', effects: [reported('AWARD_EFFECTIVE')] },
      // After the set-aside either party may sue, the employer included (第四十九条第二款).
      { from: 'post.setAsideGranted', context: SET_ASIDE, type: 'FILE_SUIT', data: { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] }, over: { today: '2025-06-10' }, to: 'suitFiled', effects: [reported('SUED')], contextAfter: { suitBasis: 'AWARD_SET_ASIDE', plaintiffSide: 'EMPLOYER' } },
      { from: 'post.setAsideGranted', context: SET_ASIDE, type: 'SUIT_WINDOW_ENDED', over: { ...SYSTEM, today: '2025-06-21' }, to: 'closed' },
      // S2 step 7: the employer sues over the non-final award; the award does not take effect (解释一 第十六条).
      {
        from: 'post.partySuit',
        context: SERVED_AWARD('NON_FINAL'),
        type: 'FILE_SUIT',
        data: { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] },
        to: 'suitFiled',
        effects: [reported('SUED')],
        contextAfter: { suitBasis: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER', awardIneffective: true },
      },
      { from: 'post.partySuit', context: SERVED_AWARD('NON_FINAL'), type: 'SUIT_WINDOW_ENDED', over: SYSTEM, to: 'awardEffective', effects: [reported('AWARD_EFFECTIVE')] },
      { from: 'awardEffective', context: SERVED_AWARD('NON_FINAL'), type: 'APPLY_ENFORCEMENT', to: 'enforcement' },
      { from: 'awardEffective', context: SERVED_AWARD('NON_FINAL'), type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'suitFiled', context: contextFor('suitFiled'), type: 'SUIT_REGISTERED', over: SYSTEM, to: 'litigation' },
      ...['arb.notAccepted', 'arb.undecided', 'arb.overdue', 'post.finalWindows', 'post.workerSuit', 'post.setAsideApplied', 'post.setAsideGranted', 'post.partySuit'].map(
        (s): Case => ({
          from: 'suitFiled',
          context: { ...contextFor('suitFiled'), suedFrom: s },
          type: 'SUIT_RETURNED',
          over: SYSTEM,
          to: s,
          contextAfter: { suedFrom: undefined, suitBasis: undefined, plaintiffSide: undefined, awardIneffective: false },
        }),
      ),
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(lab, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }),
        effects: expect.arrayContaining(effects),
        final: FINAL.includes(to),
      });
      if (d.allowed) expect(d.effects).toHaveLength(effects.length);
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: LabContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const LAW = '劳动争议调解仲裁法';
    const LIMITATION = `${LAW} 第二十七条`;
    const rows: Case[] = [
      {
        name: 'the claim is more than a year old (knew on 2023-11-01, applied on 2025-03-26)',
        from: 'arb.acceptanceReview',
        context: { ...OPENED, knewOn: '2023-11-01', interruptedOn: undefined },
        type: 'ACCEPT',
        violations: [['withinLimitation', LIMITATION]],
      },
      {
        name: 'an interruption is recorded but a year has passed since it too',
        from: 'arb.acceptanceReview',
        context: { ...OPENED, knewOn: '2023-01-01', interruptedOn: undefined },
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-28', interruptedOn: '2024-03-01' },
        violations: [['withinLimitation', LIMITATION]],
      },
      {
        name: 'a wage claim is brought more than a year after the employment ended',
        from: 'arb.acceptanceReview',
        context: { ...OPENED, wageArrears: true, employmentEndedOn: '2024-03-25', knewOn: undefined, interruptedOn: undefined },
        type: 'ACCEPT',
        violations: [['withinLimitation', LIMITATION]],
      },
      {
        name: 'nobody knows when the limitation started',
        from: 'arb.acceptanceReview',
        context: { ...OPENED, knewOn: undefined, employmentEndedOn: undefined, interruptedOn: undefined },
        type: 'ACCEPT',
        violations: [['withinLimitation', LIMITATION]],
      },
      {
        name: 'the worker’s side is not named, and the acceptance is dated tomorrow',
        from: 'arb.undecided',
        context: { ...OPENED, workerPartyIds: [] },
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-29' },
        violations: [
          ['acceptedNotInFuture', undefined],
          ['workerSideKnown', `${LAW} 第二条、第二十二条`],
        ],
      },
      {
        name: 'every party is named as the worker',
        from: 'arb.acceptanceReview',
        context: { ...OPENED, workerPartyIds: [] },
        type: 'ACCEPT',
        data: { acceptedOn: '2025-03-28', workerPartyIds: ['p1', 'p2'] },
        violations: [['workerSideKnown', `${LAW} 第二条、第二十二条`]],
      },
      {
        name: 'the hearing is notified four days ahead (S2: 2025-04-18 for 2025-04-22)',
        from: 'arb.served',
        context: SERVED,
        type: 'NOTICE_HEARING',
        over: { today: '2025-04-18' },
        violations: [['hearingNoticeInTime', `${LAW} 第三十五条`]],
      },
      {
        name: 'the hearing is notified five days ahead where local policy asks for seven',
        from: 'arb.extended',
        context: EXTENDED,
        type: 'NOTICE_HEARING',
        over: { today: '2025-04-17', policy: { 'lab.hearingNoticeMinDays': 7 } },
        violations: [['hearingNoticeInTime', `${LAW} 第三十五条`]],
      },
      {
        name: 'the hearing opens before the notified day',
        from: 'arb.hearingNoticed',
        context: NOTICED,
        type: 'HOLD_HEARING',
        over: { today: '2025-04-21' },
        violations: [['hearingDateReached', `${LAW} 第三十五条`]],
      },
      {
        name: 'an award is made in the extended period without a mediation attempt',
        from: 'arb.extended',
        context: { ...HEARD, extensionDays: 10 },
        type: 'AWARD',
        violations: [['mediationAttempted', `${LAW} 第四十二条`]],
      },
      {
        name: 'an overdue award is dated tomorrow and mediation was never tried',
        from: 'arb.overdue',
        context: HEARD,
        type: 'AWARD',
        data: { ...VALID.AWARD.data, awardedOn: '2025-05-10' },
        violations: [
          ['mediationAttempted', `${LAW} 第四十二条`],
          ['awardedNotInFuture', undefined],
        ],
      },
      {
        name: 'the mediation document is signed for by one party only',
        from: 'arb.mediation',
        context: HEARD,
        type: 'SIGN_MEDIATION_DOC',
        data: { ...VALID.SIGN_MEDIATION_DOC.data, signedPartyIds: ['p1'] },
        violations: [['everyPartySignedMediationDoc', `${LAW} 第四十二条`]],
      },
      {
        name: 'the extension is 16 days',
        from: 'arb.deliberation',
        context: MEDIATED,
        type: 'EXTEND',
        data: { ...VALID.EXTEND.data, days: 16 },
        violations: [['extensionAtMost15Days', `${LAW} 第四十三条`]],
      },
      {
        name: 'the extension is approved after the 45 days ran out, by no one',
        from: 'arb.mediation',
        context: HEARD,
        type: 'EXTEND',
        data: { ...VALID.EXTEND.data, approvedBy: ' ', approvedOn: '2025-05-13' },
        over: { today: '2025-05-13' },
        violations: [
          ['extensionBeforeAwardPeriodEnds', `${LAW} 第四十三条`],
          ['extensionApprovedByChair', `${LAW} 第四十三条`],
        ],
      },
      {
        name: 'the award is said to be served before it was made',
        from: 'arb.awardNonFinal',
        context: AWARDED('NON_FINAL'),
        type: 'SERVE_AWARD',
        data: { workerReceivedOn: '2025-05-08', employerReceivedOn: '2025-05-12' },
        violations: [['awardServedAfterAward', `${LAW} 第四十八条至第五十条`]],
      },
      // S2b: the employer tries to sue at the basic court over a final award.
      {
        name: 'the employer sues over a final award (S2b)',
        from: 'post.finalWindows',
        context: SERVED_AWARD('FINAL'),
        type: 'FILE_SUIT',
        data: { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] },
        violations: [['employerCannotSueOnFinalAward', `${LAW} 第四十七条、第四十八条、第四十九条`]],
      },
      {
        name: 'the employer sues over a final award while its set-aside application is pending',
        from: 'post.setAsideApplied',
        context: SERVED_AWARD('FINAL'),
        type: 'FILE_SUIT',
        data: { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] },
        violations: [['employerCannotSueOnFinalAward', `${LAW} 第四十七条、第四十八条、第四十九条`]],
      },
      {
        name: 'the worker sues over a final award after the 15 days',
        from: 'post.workerSuit',
        context: SERVED_AWARD('FINAL'),
        type: 'FILE_SUIT',
        over: { today: '2025-05-28' },
        violations: [['withinWorkerSuitWindow', `${LAW} 第四十八条`]],
      },
      {
        name: 'a party sues over a non-final award after the 15 days',
        from: 'post.partySuit',
        context: SERVED_AWARD('NON_FINAL'),
        type: 'FILE_SUIT',
        over: { today: '2025-05-28' },
        violations: [['withinNonFinalSuitWindow', `${LAW} 第五十条`]],
      },
      {
        name: 'a party sues more than 15 days after the set-aside ruling',
        from: 'post.setAsideGranted',
        context: SET_ASIDE,
        type: 'FILE_SUIT',
        over: { today: '2025-06-21' },
        violations: [['withinSuitWindowAfterSetAside', `${LAW} 第四十九条`]],
      },
      {
        name: 'the worker applies to set the final award aside',
        from: 'post.finalWindows',
        context: SERVED_AWARD('FINAL'),
        type: 'APPLY_SET_ASIDE',
        data: { ...VALID.APPLY_SET_ASIDE.data, applicantPartyIds: ['p1'] },
        violations: [['onlyEmployerMaySetAside', `${LAW} 第四十九条`]],
      },
      {
        name: 'the employer applies to set aside after 30 days (S2b: the last day is 2025-06-11)',
        from: 'post.employerSetAside',
        context: contextFor('post.employerSetAside'),
        type: 'APPLY_SET_ASIDE',
        over: { today: '2025-06-12', deadlines: { 'D-LB10': '2025-06-11' } },
        violations: [['withinSetAsideWindow', `${LAW} 第四十九条`]],
      },
      {
        name: 'the service of the application is dated tomorrow',
        from: 'arb.accepted',
        context: ACCEPTED,
        type: 'SERVE_NOTICES',
        data: { ...VALID.SERVE_NOTICES.data, respondentServedOn: '2025-04-01' },
        violations: [['respondentServedNotInFuture', undefined]],
      },
      {
        name: 'the award lists no items',
        from: 'arb.deliberation',
        context: MEDIATED,
        type: 'AWARD',
        data: { ...VALID.AWARD.data, items: [] },
        violations: [['awardClassified', `${LAW} 第四十七条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十九条、第二十条`]],
      },
      {
        name: 'a suspended case does not record where it was',
        from: 'arb.suspended',
        context: NOTICED,
        type: 'RESUME',
        violations: [['resumesWhereSuspended', '劳动人事争议仲裁办案规则 第四十六条']],
      },
      {
        name: 'a returned suit does not record where it was filed from',
        from: 'suitFiled',
        context: SERVED_AWARD('NON_FINAL'),
        type: 'SUIT_RETURNED',
        over: { actor: { id: 'engine', role: 'SYSTEM' } },
        violations: [['suitReturnsWhereFiled', `${LAW} 第二十九条、第四十三条、第四十八条至第五十条`]],
      },
      {
        name: 'the set-aside ruling is received tomorrow',
        from: 'post.setAsideApplied',
        context: SERVED_AWARD('FINAL'),
        type: 'SET_ASIDE_GRANTED',
        data: { ...VALID.SET_ASIDE_GRANTED.data, receivedOn: '2025-06-06' },
        violations: [['setAsideRulingReceivedNotInFuture', undefined]],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(lab, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: lab, legal: LEGAL, finalStates: FINAL, stateCount: 28, eventTypeCount: 28, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(lab.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(lab, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });

    it('compiles the opening schema and accepts S2’s application facts', () => {
      const validate = formAjv.compile(lab.openingSchema!);
      expect(validate({ workerPartyIds: ['P1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28', interruptedOn: '2025-03-10' })).toBe(true);
    });
  });

  // ---------- scenario S2 and S2b, replayed through decide() with the dates of spec appendix (d) ----------

  /** The due date a calendar-day deadline gets from its anchor when no rest day intervenes (true of every S2 date below). */
  const dueOn = (spec: DeadlineSpec, context: Record<string, any>) => addDays(context[spec.anchor!.contextDate], spec.period.amount);
  const spec = (state: string, id: string) => deadlinesOf(lab, state).find((d) => d.id === id)!;

  function play(start: PersistedState, steps: [string, Record<string, unknown> | undefined, string, Partial<WorkflowEvent>?][]): { state: PersistedState; effects: Effect[] } {
    let state = start;
    const effects: Effect[] = [];
    for (const [type, data, today, over] of steps) {
      const d = decide(lab, state, event(type, data, { today, at: `${today}T02:00:00.000Z`, ...over }));
      if (!d.allowed) throw new Error(`${type} refused in ${state.value}: ${JSON.stringify(d)}`);
      effects.push(...d.effects);
      state = { value: d.to, context: d.context };
    }
    return { state, effects };
  }
  const opened = () => open(lab, { partyIds: PARTIES, openedOn: '2025-03-26', input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28', interruptedOn: '2025-03-10' } }).state;
  const throughMediation: [string, Record<string, unknown> | undefined, string][] = [
    ['ACCEPT', { acceptedOn: '2025-03-28' }, '2025-03-28'],
    ['SERVE_NOTICES', undefined, '2025-03-31'],
    ['NOTICE_HEARING', undefined, '2025-04-14'],
    ['HOLD_HEARING', undefined, '2025-04-22'],
    ['MEDIATION_FAILED', undefined, '2025-04-22'],
  ];

  describe('scenario S2 (non-final award, the employer sues)', () => {
    it('times acceptance review from receipt: 2025-03-31 in calendar days, or 2025-04-02 in working days when the legal policy says so', () => {
      const s = opened();
      expect(dueOn(spec('arb.acceptanceReview', 'D-LB4'), s.context)).toBe('2025-03-31');
      expect(s.context.acceptanceReviewFromWorking).toBeUndefined();
      const w = open(lab, { partyIds: PARTIES, openedOn: '2025-03-26', input: { workerPartyIds: ['p1'] }, policy: { 'lab.acceptanceDayType': 'working' } }).state.context;
      expect(w).toMatchObject({ receivedOn: '2025-03-26', acceptanceReviewFromWorking: '2025-03-26' });
      expect(w.acceptanceReviewFrom).toBeUndefined();
      // 2025-03-26 (Wed) + 5 working days: no holiday falls in this span (清明 starts on 2025-04-04).
      let d = w.acceptanceReviewFromWorking;
      for (let n = 0; n < spec('arb.acceptanceReview', 'D-LB4-W').period.amount; ) if (![0, 6].includes(new Date(`${(d = addDays(d, 1))}T00:00:00Z`).getUTCDay())) n++;
      expect(d).toBe('2025-04-02');
    });

    it('runs from acceptance to the non-final award, the employer’s suit and the court', () => {
      let { state } = play(opened(), throughMediation.slice(0, 1));
      expect(state.value).toBe('arb.accepted');
      expect(dueOn(spec('arb.accepted', 'D-LB7'), state.context)).toBe('2025-05-12');
      expect(dueOn(spec('arb.accepted', 'D-LB5'), state.context)).toBe('2025-04-02');
      ({ state } = play(state, throughMediation.slice(1, 2)));
      expect(dueOn(spec('arb.served', 'D-LB5-ANSWER'), state.context)).toBe('2025-04-10');
      ({ state } = play(state, throughMediation.slice(2)));
      expect(state.value).toBe('arb.deliberation');
      const awarded = play(state, [['AWARD', undefined, '2025-05-09']]);
      expect(awarded.state).toMatchObject({ value: 'arb.awardNonFinal', context: { awardType: 'NON_FINAL' } });
      expect(awarded.effects).toEqual([reported('AWARD_NON_FINAL')]);
      ({ state } = play(awarded.state, [['SERVE_AWARD', undefined, '2025-05-12']]));
      expect(state.value).toBe('post.partySuit');
      expect(dueOn(spec('post.partySuit', 'D-LB12'), state.context)).toBe('2025-05-27');
      const sued = play(state, [['FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] }, '2025-05-20', { deadlines: { 'D-LB12': '2025-05-27' } }]]);
      expect(sued.state).toMatchObject({ value: 'suitFiled', context: { suitBasis: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER', awardIneffective: true } });
      expect(sued.effects).toEqual([reported('SUED')]);
      expect(play(sued.state, [['SUIT_REGISTERED', undefined, '2025-05-22']]).state.value).toBe('litigation');
    });

    it('lets the award take effect when nobody sues by 2025-05-27', () => {
      const { state } = play(opened(), [...throughMediation, ['AWARD', undefined, '2025-05-09'], ['SERVE_AWARD', undefined, '2025-05-12']]);
      const ended = play(state, [['SUIT_WINDOW_ENDED', undefined, '2025-05-28', { actor: { id: 'engine', role: 'SYSTEM' }, deadlines: {} }]]);
      expect(ended).toEqual({ state: expect.objectContaining({ value: 'awardEffective' }), effects: [reported('AWARD_EFFECTIVE')] });
    });

    it('pauses the 45 days while suspended and resumes them where the case was', () => {
      const { state } = play(opened(), throughMediation.slice(0, 3));
      const suspended = play(state, [['SUSPEND', undefined, '2025-04-15']]);
      expect(suspended).toEqual({ state: expect.objectContaining({ value: 'arb.suspended' }), effects: [pause('D-LB7')] });
      const resumed = play(suspended.state, [['RESUME', undefined, '2025-04-20']]);
      expect(resumed).toEqual({ state: expect.objectContaining({ value: 'arb.hearingNoticed' }), effects: [resume('D-LB7')] });
    });

    it('extends once, by at most 15 days from the 45th day', () => {
      const { state } = play(opened(), throughMediation);
      const extended = play(state, [['EXTEND', { ...VALID.EXTEND.data, days: 15 }, '2025-05-08']]);
      expect(extended.state).toMatchObject({ value: 'arb.extended', context: { extendedDueOn: '2025-05-27' } });
      expect(dueOn(spec('arb.extended', 'D-LB8'), extended.state.context)).toBe('2025-05-27');
      expect(decide(lab, extended.state, event('EXTEND'))).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE' });
      const suspended = play(extended.state, [['SUSPEND', undefined, '2025-05-10'], ['RESUME', undefined, '2025-05-14']]);
      expect(suspended.effects).toEqual([pause('D-LB8'), resume('D-LB8')]);
      expect(decide(lab, suspended.state, event('EXTEND'))).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE' });
    });
  });

  /*
   * Routes R10 and R11 of the route table (spec appendix (c)): both leave by FILE_SUIT, told apart by the state the
   * suit leaves (a final award: R11); the suit's basis travels as opening input.
   */
  describe('routes R10 and R11 into the court (ct)', () => {
    const R10 = ROUTES.find((r) => r.id === 'R10')!;
    const R11 = ROUTES.find((r) => r.id === 'R11')!;

    it('fits the route-table validator', () => {
      expect(wiringProblems([lab, courtCase], [R10, R11])).toEqual([]);
      expect(R11.up).toEqual(R10.up);
    });

    it('opens the complaint with the arbitration outcome it rests on (S2: the employer sues over the non-final award)', () => {
      const d = decide(lab, { value: 'post.partySuit', context: SERVED_AWARD('NON_FINAL') }, event('FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] }));
      if (!d.allowed) throw new Error(JSON.stringify(d));
      const input = Object.fromEntries(Object.entries(R10.input!).map(([field, from]) => [field, from === '$today' ? '2025-05-20' : d.context[from]]));
      const opened = open(courtCase, { partyIds: PARTIES, openedOn: '2025-05-20', input, category: 'LABOUR', origin: { route: 'R10', workflow: 'lab' } });
      expect(opened.state.context).toMatchObject({ priorArbitration: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER', receivedOn: '2025-05-20', originWorkflow: 'lab' });
    });

    it('takes the court’s signature or return while the suit waits', () => {
      const waiting = { value: 'suitFiled', context: contextFor('suitFiled') };
      for (const [outcome, type] of Object.entries(R10.up)) {
        if (type === null) continue;
        const d = decide(lab, waiting, event(type, { ...VALID[type].data, outcome }, { actor: { id: 'engine', role: 'SYSTEM' } }));
        expect({ outcome, to: d.allowed ? d.to : d }).toEqual({ outcome, to: outcome === 'SIGNED_FOR' ? 'litigation' : 'post.partySuit' });
      }
    });
  });

  describe('scenario S2b (final award: wages of 18,000 only)', () => {
    const finalAward = { ...VALID.AWARD.data, items: [S2_ITEMS[0]] };
    const served = () => play(opened(), [...throughMediation, ['AWARD', finalAward, '2025-05-09'], ['SERVE_AWARD', undefined, '2025-05-12']]).state;

    it('is final, with the worker’s 15 days to 2025-05-27 and the employer’s 30 days to 2025-06-11', () => {
      const s = served();
      expect(s).toMatchObject({ value: 'post.finalWindows', context: { awardType: 'FINAL' } });
      expect(dueOn(spec('post.finalWindows', 'D-LB9'), s.context)).toBe('2025-05-27');
      expect(dueOn(spec('post.finalWindows', 'D-LB10'), s.context)).toBe('2025-06-11');
    });

    it('refuses the employer’s suit at the basic court (employerCannotSueOnFinalAward) and takes the worker’s', () => {
      const s = served();
      const employer = decide(lab, s, event('FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] }));
      expect(employer).toMatchObject({ allowed: false, reason: 'PRECONDITION', violations: [expect.objectContaining({ precondition: 'employerCannotSueOnFinalAward' })] });
      const worker = play(s, [['FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: ['p1'] }, '2025-05-20']]);
      expect(worker.state.context).toMatchObject({ suitBasis: 'FINAL_AWARD', plaintiffSide: 'WORKER', awardIneffective: false });
    });

    it('no longer takes the employer’s set-aside application once the worker has sued (解释一 第二十一条)', () => {
      const sued = play(served(), [['FILE_SUIT', undefined, '2025-05-20']]).state;
      expect(decide(lab, sued, event('APPLY_SET_ASIDE'))).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE' });
      expect(eventsHandledIn(lab, sued)).toEqual(['SUIT_REGISTERED', 'SUIT_RETURNED']);
    });

    it('gives either party 15 days to sue after the award is set aside, then closes', () => {
      const setAside = play(served(), [['APPLY_SET_ASIDE', undefined, '2025-05-30'], ['SET_ASIDE_GRANTED', undefined, '2025-06-05']]);
      expect(setAside.effects).toEqual([reported('AWARD_SET_ASIDE')]);
      expect(dueOn(spec('post.setAsideGranted', 'D-LB11'), setAside.state.context)).toBe('2025-06-20');
      expect(play(setAside.state, [['SUIT_WINDOW_ENDED', undefined, '2025-06-21', { deadlines: {} }]]).state.value).toBe('closed');
    });
  });
});
