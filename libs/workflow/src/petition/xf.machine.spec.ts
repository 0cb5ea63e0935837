import { decide, open, type Decision, type PersistedState } from '../decide';
import type { CaseOpening, DeadlineSpec, Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { addDays } from '../reconsideration/rx.periods';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { ALL_WORKFLOWS } from '../channels';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import type { XfContext } from './xf.context';
import { parentRegion, regionBelow, reviewRegionFor } from './xf.ladder';
import { petition as xf } from './xf.workflow';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: scenario S7 (spec appendix (d)), petitioner p1 about the 区住建局 p2 ----------

const PARTIES = ['p1', 'p2'];
const LAW = '信访工作条例';
const DISTRICT = '330199';
const CITY = '330100';
const FENGQIAO = '330199101';
const REPS = ['刘建华', '陈美玲', '王志强', '赵淑芬', '孙国栋'];

const opening = (org: { type: string; regionCode: string }, input: Record<string, unknown> = { channel: 'ONLINE', groupVisit: true, representatives: REPS }): CaseOpening => ({
  partyIds: PARTIES,
  openedOn: '2025-02-10',
  regionCode: DISTRICT,
  org,
  input,
});
/** Registered at the district 信访局 on 2025-02-10. */
const AT_BUREAU: XfContext = xf.initialContext(opening({ type: 'PETITION_BUREAU', regionCode: DISTRICT }));
const CLASSIFIED: XfContext = { ...AT_BUREAU, classification: 'REQUEST' };
/** The 区住建局's case, opened by the transfer and received 2025-02-13. */
const AT_DEPARTMENT: XfContext = { ...xf.initialContext(opening({ type: 'GOVERNMENT_DEPARTMENT', regionCode: DISTRICT })), classification: 'REQUEST', transferMode: 'TRANSFER', transferReceivedOn: '2025-02-13' };
const HANDLING: XfContext = { ...AT_DEPARTMENT, acceptedOn: '2025-02-17' };
const EXTENDED: XfContext = { ...HANDLING, extension: { days: 30, reason: '涉及30户', approvedBy: '局长 葛某', notifiedOn: '2025-04-10' }, extendedDueOn: '2025-05-18' };
const OPINION: XfContext = { ...EXTENDED, opinion: { outcomes: ['NOT_SUPPORTED', 'EXPLAIN'], issuedOn: '2025-05-09' }, opinionReceivedOn: '2025-05-09' };
const REVIEW: XfContext = { ...OPINION, reviewBody: { name: '青溪区人民政府', regionCode: DISTRICT }, reviewReceivedOn: '2025-06-03' };
const REVIEWED: XfContext = { ...REVIEW, reviewDecision: 'UPHOLD', reviewOpinionReceivedOn: '2025-07-02' };
const REEXAM: XfContext = { ...REVIEWED, reexamBody: { name: '青州市人民政府', regionCode: CITY }, reexamReceivedOn: '2025-07-25' };
const HEARING: XfContext = { ...REEXAM, hearing: { decidedOn: '2025-08-01', hearingOn: '2025-08-12' } };
const FINAL_CTX: XfContext = { ...HEARING, hearing: { ...HEARING.hearing!, heldOn: '2025-08-12' }, reexamDecision: 'UPHOLD', finalOn: '2025-08-29' };
/** The repeat petition at the city, 2025-10-20, and the one of 2025-03-01 while the department handles the matter. */
const AT_CITY: XfContext = xf.initialContext(opening({ type: 'PETITION_BUREAU', regionCode: CITY }, { channel: 'VISIT' }));
const AT_CITY_CLASSIFIED: XfContext = { ...AT_CITY, classification: 'REQUEST' };
/** What the engine finds (xf.earlier.ts): the department's case, still in its 60 days, or closed after 复核. */
const HOUSING = { caseNo: '（2025）青溪住建信字第1号', orgName: '青溪区住房和城乡建设局', orgType: 'GOVERNMENT_DEPARTMENT', regionCode: DISTRICT, matchedBy: 'SUMMARY' as const };
const FOUND_BELOW = { facts: { earlierPetitions: [{ ...HOUSING, status: 'HANDLING', dueOn: '2025-04-18' }] } };
const FOUND_FINAL = { facts: { earlierPetitions: [{ ...HOUSING, status: 'FINAL', regionCode: CITY, finalOn: '2025-08-29' }] } };
const REPEAT_AFTER_FINAL: XfContext = { ...AT_CITY_CLASSIFIED, earlierPetitions: FOUND_FINAL.facts.earlierPetitions as XfContext['earlierPetitions'] };

/** Pending deadlines as the engine passes them in S7. */
const DEADLINES = { 'D-XF3': '2025-02-20', 'D-XF4': '2025-04-18', 'D-XF6': '2025-06-09', 'D-XF8': '2025-08-01' };
const REPORT = { sourceCaseId: 'xf-2', sourceCaseNo: '（2025）青溪住建信字第1号', reportedOn: '2025-02-17' };
const SYSTEM_ACTOR = { actor: { id: 'engine', role: 'SYSTEM' } };

/** One valid envelope per event type, with the day it is sent in S7. */
const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  CLASSIFY: { data: { classification: 'REQUEST' }, today: '2025-02-10' },
  ACCEPT: { data: { acceptedOn: '2025-02-17', notifiedOn: '2025-02-17' }, today: '2025-02-17' },
  TRANSFER: { data: { mode: 'TRANSFER', receivingOrgId: 'org-housing', deliveredOn: '2025-02-13' }, today: '2025-02-12' },
  RECEIVE_TRANSFER: { data: { mode: 'TRANSFER', receivedOn: '2025-02-13', classification: 'REQUEST' }, today: '2025-02-12' },
  OBJECT: { data: { reason: 'NOT_COMPETENT', explanation: '改造范围由区政府确定' }, today: '2025-02-18' },
  TRANSFER_SIGNED_FOR: { data: { outcome: 'SIGNED_FOR', ...REPORT }, today: '2025-02-17' },
  TRANSFER_RETURNED: { data: { outcome: 'RETURNED', ...REPORT, reason: 'NOT_COMPETENT' }, today: '2025-02-18' },
  DECLINE_DUPLICATE: { data: { decidedOn: '2025-03-01', explanation: '正由区住建局办理' }, today: '2025-03-01' },
  DECLINE_FINAL: { data: { decidedOn: '2025-10-20', explanation: '已复核终结' }, today: '2025-10-20' },
  DIVERT: { data: { legalChannel: 'LABOUR_ARBITRATION', receivingOrgId: 'org-labour-arbitration', notifiedOn: '2025-02-10', explanation: '劳动争议申请仲裁', knewOn: '2025-02-01' }, today: '2025-02-10' },
  REFER_DISCIPLINE: { data: { organName: '青溪区纪委监委', referredOn: '2025-02-11' }, today: '2025-02-11' },
  ANSWER_SUGGESTION: { data: { repliedOn: '2025-02-20', reply: '建议已转有关部门研究', adopted: false }, today: '2025-02-20' },
  EXTEND: { data: { days: 30, reason: '涉及30户，需逐户核实', approvedBy: '局长 葛某', notifiedOn: '2025-04-10' }, today: '2025-04-10' },
  START_MEDIATION: { data: { consentedPartyIds: PARTIES, startedOn: '2025-03-10' }, today: '2025-03-10' },
  MEDIATION_FAILED: { data: {}, today: '2025-03-20' },
  SETTLE: { data: { kind: 'MEDIATION', signedPartyIds: PARTIES, signedOn: '2025-03-20' }, today: '2025-03-20' },
  REFER_MEDIATION: { data: { mediationOrgId: 'org-fengqiao', consentedPartyIds: PARTIES, civilContent: true }, today: '2025-03-10' },
  PM_AGREED: { data: { outcome: 'AGREED', ...REPORT, reportedOn: '2025-03-25' }, today: '2025-03-25' },
  PM_ENDED: { data: { outcome: 'FAILED', ...REPORT, reportedOn: '2025-03-25' }, today: '2025-03-25' },
  ISSUE_OPINION: { data: { outcomes: ['NOT_SUPPORTED', 'EXPLAIN'], issuedOn: '2025-05-09', receivedOn: '2025-05-09' }, today: '2025-05-09' },
  OPINION_PERIOD_ENDED: { data: { specId: 'D-XF6', dueOn: '2025-06-09' }, today: '2025-06-10' },
  REQUEST_REVIEW: { data: { requestedOn: '2025-06-03', receivedOn: '2025-06-03', reviewBody: '青溪区人民政府', reviewRegionCode: DISTRICT }, today: '2025-06-03' },
  ISSUE_REVIEW_OPINION: { data: { decision: 'UPHOLD', issuedOn: '2025-07-01', receivedOn: '2025-07-02' }, today: '2025-07-02' },
  REVIEW_PERIOD_ENDED: { data: { specId: 'D-XF8', dueOn: '2025-08-01' }, today: '2025-08-02' },
  REQUEST_REEXAM: { data: { requestedOn: '2025-07-25', receivedOn: '2025-07-25', reexamBody: '青州市人民政府', reexamRegionCode: CITY }, today: '2025-07-25' },
  DECIDE_HEARING: { data: { decidedOn: '2025-08-01', hearingOn: '2025-08-12' }, today: '2025-08-01' },
  HOLD_HEARING: { data: { heldOn: '2025-08-12', panel: '人大代表、政协委员、律师、规划专家' }, today: '2025-08-12' },
  ISSUE_REEXAM_OPINION: { data: { decision: 'UPHOLD', issuedOn: '2025-08-29', published: true }, today: '2025-08-29' },
  RECORD_AFTERCARE: { data: { on: '2025-10-20', measure: 'EDUCATION', note: '解释复核意见' }, today: '2025-10-20' },
  END_AFTERCARE: { data: { endedOn: '2025-12-31' }, today: '2025-12-31' },
  REQUEST_HEARING: { data: { hearingOrgId: 'org-petition-joint-office', matter: '排水沟改道', initiative: 'APPLICATION' }, today: '2025-08-01' },
  HEARING_CONCLUDED: { data: { outcome: 'CONCLUDED', ...REPORT, reportedOn: '2025-08-12', hearingLevel: 'COUNTY', opinion: '维持原处理意见' }, today: '2025-08-12' },
  HEARING_ENDED: { data: { outcome: 'DECLINED', ...REPORT, reportedOn: '2025-08-05' }, today: '2025-08-05' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2025-03-10';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: xf.events[type]?.roles[0] ?? 'PETITION_OFFICER' }, ...over };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });
const PAUSE_HANDLING: Effect = { type: 'pauseDeadlines', params: { specIds: ['D-XF4', 'D-XF5'] } };
const RESUME_HANDLING: Effect = { type: 'resumeDeadlines', params: { specIds: ['D-XF4', 'D-XF5'] } };

// ---------- the legal table, written by hand from the 信访工作条例 and the 2025 访调对接 opinion ----------

type Row = [string, string, string | null, string[]];
const ROUTED = ['isRequest', 'notPendingBelow', 'notFinalAfterReexam'];
const SETTLE = ['everyPartySigned'];
const OPINION_GUARDS = ['opinionIssuedNotInFuture', 'opinionReceivedAfterIssue'];
const REFER = ['allPartiesConsent', 'civilContentOnly'];
/** 第三十三条、第三十四条 and the 访调对接 opinion: what handling, and its extended period, allow. */
const handlingRows = (s: string): Row[] => [
  [s, 'START_MEDIATION', 'mediation', ['allPartiesConsent']],
  [s, 'REFER_MEDIATION', 'referredPM', REFER],
  [s, 'SETTLE', 'settled', SETTLE],
  [s, 'ISSUE_OPINION', 'opinionIssued', OPINION_GUARDS],
  [s, 'REQUEST_HEARING', 'hearingAtHandling', []],
];
/** 三级听证 as a case of its own (routes R21b–R21d): its conclusion, or its absence, brings the petition back. */
const heardRows = (s: string, back: string): Row[] =>
  back === 'handling'
    ? (['HEARING_CONCLUDED', 'HEARING_ENDED'] as const).flatMap((e): Row[] => [
        [s, e, 'extended', ['wasExtended']],
        [s, e, 'handling', []],
      ])
    : [
        [s, 'HEARING_CONCLUDED', back, []],
        [s, 'HEARING_ENDED', back, []],
      ];
const aftercare = (s: string): Row[] => [
  [s, 'RECORD_AFTERCARE', null, []],
  [s, 'END_AFTERCARE', 'closed', []],
];

const LEGAL: Row[] = [
  // 第十七条至第二十二条: registration, then classification; a transferred petition arrives in the receiver's inbox.
  ['received', 'CLASSIFY', 'triage', []],
  ['received', 'RECEIVE_TRANSFER', 'transferReceived', []],
  // 第十九条、第二十二条、第二十九条至第三十一条、第三十六条.
  ['triage', 'CLASSIFY', null, []],
  ['triage', 'ACCEPT', 'handling', [...ROUTED, 'acceptedNotInFuture', 'notifiedNotInFuture']],
  ['triage', 'TRANSFER', 'forwarded', [...ROUTED, 'deliveredNotBeforeTransfer']],
  ['triage', 'DECLINE_DUPLICATE', 'notAcceptedDuplicate', ['pendingBelowFound']],
  ['triage', 'DECLINE_FINAL', 'notAcceptedFinal', ['finalFound']],
  ['triage', 'DIVERT', 'diverted', ['isRequest', 'divertedWithItsOrgan']],
  ['triage', 'REFER_DISCIPLINE', 'routedDiscipline', ['isComplaint']],
  ['triage', 'ANSWER_SUGGESTION', 'suggestionAnswered', ['isSuggestion']],
  ['forwarded', 'TRANSFER_SIGNED_FOR', 'transferredOut', []],
  ['forwarded', 'TRANSFER_RETURNED', 'triage', []],
  // 第二十三条: accept within 15 days, or object within five working days.
  // 第十九条、第三十六条 bind the receiving organ too.
  ['transferReceived', 'ACCEPT', 'handling', ['notPendingBelow', 'notFinalAfterReexam', 'acceptedNotInFuture', 'notifiedNotInFuture']],
  ['transferReceived', 'DECLINE_DUPLICATE', 'notAcceptedDuplicate', ['pendingBelowFound']],
  ['transferReceived', 'DECLINE_FINAL', 'notAcceptedFinal', ['finalFound']],
  ['transferReceived', 'OBJECT', 'returned', ['objectionInTime']],
  ['handling', 'EXTEND', 'extended', ['extensionAtMost30Days', 'extensionBeforePeriodEnds']],
  ...handlingRows('handling'),
  ...handlingRows('extended'),
  ['mediation', 'SETTLE', 'settled', SETTLE],
  ['mediation', 'MEDIATION_FAILED', 'extended', ['wasExtended']],
  ['mediation', 'MEDIATION_FAILED', 'handling', []],
  ['referredPM', 'PM_AGREED', 'settled', []],
  ['referredPM', 'PM_ENDED', 'extended', ['wasExtended']],
  ['referredPM', 'PM_ENDED', 'handling', []],
  ...heardRows('hearingAtHandling', 'handling'),
  ['hearingAtHandling', 'SETTLE', 'settled', SETTLE],
  // 第三十五条、第三十六条: 复查 one level up and 复核 above it, each within 30 days; hearing time not counted.
  ['opinionIssued', 'REQUEST_REVIEW', 'review', ['reviewRequestedInTime', 'reviewOneLevelUp']],
  ['opinionIssued', 'OPINION_PERIOD_ENDED', 'opinionFinal', []],
  ['review', 'ISSUE_REVIEW_OPINION', 'reviewOpinion', ['reviewOpinionNotInFuture', 'reviewOpinionReceivedAfterIssue']],
  ['review', 'SETTLE', 'settled', SETTLE],
  ['review', 'REQUEST_HEARING', 'hearingAtReview', []],
  ...heardRows('hearingAtReview', 'review'),
  ['hearingAtReview', 'SETTLE', 'settled', SETTLE],
  ['reviewOpinion', 'REQUEST_REEXAM', 'reexam', ['reexamRequestedInTime', 'reexamOneLevelUp']],
  ['reviewOpinion', 'REVIEW_PERIOD_ENDED', 'reviewFinal', []],
  ['reexam', 'DECIDE_HEARING', 'reexamHearing', ['hearingAfterDecision']],
  ['reexam', 'ISSUE_REEXAM_OPINION', 'finalClosed', ['reexamOpinionNotInFuture']],
  ['reexamHearing', 'HOLD_HEARING', 'reexam', ['hearingDateReached']],
  ['reexam', 'REQUEST_HEARING', 'hearingAtReexam', []],
  ...heardRows('hearingAtReexam', 'reexam'),
  // 第三十七条: aftercare after the ladder, and after a refused repeat petition.
  ...aftercare('finalClosed'),
  ...aftercare('notAcceptedFinal'),
];
const FINAL = ['notAcceptedDuplicate', 'diverted', 'routedDiscipline', 'suggestionAnswered', 'transferredOut', 'returned', 'settled', 'opinionFinal', 'reviewFinal', 'closed'];

const description = describeWorkflow(xf);
const STATES = description.states.map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): XfContext {
  const byState: Record<string, XfContext> = {
    received: AT_BUREAU,
    triage: CLASSIFIED,
    forwarded: CLASSIFIED,
    transferReceived: AT_DEPARTMENT,
    handling: HANDLING,
    extended: EXTENDED,
    mediation: { ...HANDLING, mediationStartedOn: '2025-03-10' },
    referredPM: { ...HANDLING, referredOn: '2025-03-10' },
    opinionIssued: OPINION,
    review: REVIEW,
    reviewOpinion: REVIEWED,
    reexam: REEXAM,
    reexamHearing: HEARING,
    hearingAtHandling: HANDLING,
    hearingAtReview: REVIEW,
    hearingAtReexam: REEXAM,
    finalClosed: FINAL_CTX,
    notAcceptedFinal: REPEAT_AFTER_FINAL,
  };
  return byState[state] ?? FINAL_CTX;
}

describe('信访 petitions (xf) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states, and lists every state in the table (spec A8)', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(inTable));
      expect(STATES).toHaveLength(28);
    });

    it('tags the registration, the transferred-in inbox, handling and aftercare for the console queues', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['transferReceived']);
      expect(tagged('registered')).toEqual(['received', 'triage']);
      expect(tagged('aftercare')).toEqual(['finalClosed', 'notAcceptedFinal']);
      for (const q of xf.manifest.queues) expect(tagged(q.tag!).length).toBeGreaterThan(0);
    });

    it('opens with the channel, the representatives and the handling organ’s kind and region', () => {
      expect(open(xf, opening({ type: 'PETITION_BUREAU', regionCode: DISTRICT }))).toEqual({
        state: {
          value: 'received',
          context: {
            partyIds: PARTIES,
            openedOn: '2025-02-10',
            channel: 'ONLINE',
            groupVisit: true,
            representatives: REPS,
            registeredOn: '2025-02-10',
            handlingOrgType: 'PETITION_BUREAU',
            handlingRegionCode: DISTRICT,
            aftercare: [],
          },
        },
        effects: [],
        final: false,
      });
    });

    it('takes a group visit with at most five representatives, and only the four channels of 第十七条', () => {
      const validate = formAjv.compile(xf.openingSchema!);
      expect(validate({ channel: 'VISIT', groupVisit: true, representatives: REPS })).toBe(true);
      expect(validate({ channel: 'VISIT', groupVisit: true, representatives: [...REPS, '钱小红'] })).toBe(false);
      expect(validate.errors?.[0]).toMatchObject({ instancePath: '/representatives', keyword: 'maxItems' });
      expect(validate({ channel: 'FAX' })).toBe(false);
      expect(validate({})).toBe(false);
    });
  });

  describe('the petition ladder from the region tree (R21)', () => {
    it('goes village → township → district → city → province by division code', () => {
      expect(['330199101201', FENGQIAO, DISTRICT, CITY, '330000'].map(parentRegion)).toEqual([FENGQIAO, DISTRICT, CITY, '330000', undefined]);
      expect(parentRegion('青溪区')).toBeUndefined();
      expect(regionBelow(DISTRICT, CITY)).toBe(true);
      expect(regionBelow(FENGQIAO, DISTRICT)).toBe(true);
      expect(regionBelow(DISTRICT, DISTRICT)).toBe(false);
      expect(regionBelow(CITY, DISTRICT)).toBe(false);
    });

    it('reviews a department’s opinion at its own government, a township’s at the district', () => {
      expect(reviewRegionFor('GOVERNMENT_DEPARTMENT', DISTRICT)).toBe(DISTRICT);
      expect(reviewRegionFor('PETITION_OFFICE', FENGQIAO)).toBe(DISTRICT);
      expect(reviewRegionFor('PETITION_BUREAU', DISTRICT)).toBe(CITY);
    });
  });

  describe('the manifest', () => {
    it('declares the channel: case-number word 信, the petition officer, the petition offices and departments', () => {
      expect(xf.manifest).toMatchObject({
        caseNumberKind: '信',
        roles: { PETITION_OFFICER: '信访工作人员' },
        caseHandlingRoles: ['PETITION_OFFICER'],
        orgTypes: { PETITION_BUREAU: '信访局', PETITION_OFFICE: '乡镇（街道）信访办', GOVERNMENT_DEPARTMENT: '人民政府工作部门' },
        handlingOrgTypes: ['PETITION_BUREAU', 'PETITION_OFFICE', 'GOVERNMENT_DEPARTMENT'],
        relationLabel: '信访转送',
      });
      expect(xf.openRoles).toEqual(['PETITION_OFFICER', 'INTAKE_CLERK']);
      expect(xf.events.TRANSFER.schema!.properties!.receivingOrgId['x-source']).toBe('orgs:GOVERNMENT_DEPARTMENT,PETITION_OFFICE,PETITION_BUREAU');
    });

    it('uses only engine effects, lists every outcome it reports, and fits the route table', () => {
      expect(wiringProblems([xf], [])).toEqual([]);
      expect(wiringProblems(ALL_WORKFLOWS, ROUTES)).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(xf, { value: t.from, context: contextFor(t.from) }, event(t.event, undefined, xf.events[t.event].roles.includes('SYSTEM') ? SYSTEM_ACTOR : {}));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(xf.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
      expect(ROUTES.filter((r) => r.from.workflow === 'xf').map((r) => `${r.id}:${r.to.workflow}`)).toEqual(['R18a:ct', 'R18b:lab', 'R18c:rx', 'R18f:xf', 'R19:pm', 'R21b:hr', 'R21c:hr', 'R21d:hr']);
    });

    it('declares a deadline for every period of table (b) it runs, in calendar days but the objection’s working days', () => {
      const declared = new Map<string, DeadlineSpec>();
      for (const s of description.states) for (const d of s.deadlines) declared.set(d.id, d);
      expect(sorted(declared.keys())).toEqual(sorted(['D-XF1', 'D-XF2', 'D-XF3', 'D-XF4', 'D-XF5', 'D-XF6', 'D-XF7', 'D-XF8', 'D-XF9']));
      const kind = (id: string) => [declared.get(id)!.period.amount, declared.get(id)!.dayType];
      expect(['D-XF1', 'D-XF2', 'D-XF3', 'D-XF4', 'D-XF6', 'D-XF7', 'D-XF8', 'D-XF9'].map(kind)).toEqual([
        [15, 'calendar'],
        [15, 'calendar'],
        [5, 'working'],
        [60, 'calendar'],
        [30, 'calendar'],
        [30, 'calendar'],
        [30, 'calendar'],
        [30, 'calendar'],
      ]);
      expect(declared.get('D-XF9')!.runsThrough).toEqual(['reexamHearing', 'hearingAtReexam']);
      expect(declared.get('D-XF7')!.runsThrough).toEqual(['hearingAtReview']);
      for (const d of declared.values()) if (d.onExpiry) expect({ id: d.id, system: xf.events[d.onExpiry]?.roles }).toEqual({ id: d.id, system: ['SYSTEM'] });
      expect(deadlinesOf(xf, 'opinionIssued').map((d) => d.onExpiry)).toEqual(['OPINION_PERIOD_ENDED']);
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: XfContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<XfContext> };
    const sys = SYSTEM_ACTOR;
    const rows: Case[] = [
      { from: 'received', context: AT_BUREAU, type: 'CLASSIFY', to: 'triage', contextAfter: { classification: 'REQUEST' } },
      { from: 'received', context: AT_DEPARTMENT, type: 'RECEIVE_TRANSFER', over: sys, to: 'transferReceived', contextAfter: { transferReceivedOn: '2025-02-13', transferMode: 'TRANSFER' } },
      // Without a delivery day the petition reaches the organ the day it is sent.
      { from: 'received', context: AT_DEPARTMENT, type: 'RECEIVE_TRANSFER', data: { mode: 'ASSIGN' }, over: sys, to: 'transferReceived', contextAfter: { transferReceivedOn: '2025-02-12', transferMode: 'ASSIGN', classification: 'REQUEST' } },
      { from: 'triage', context: CLASSIFIED, type: 'CLASSIFY', data: { classification: 'COMPLAINT' }, to: 'triage', contextAfter: { classification: 'COMPLAINT' } },
      { from: 'triage', context: CLASSIFIED, type: 'ACCEPT', to: 'handling', contextAfter: { acceptedOn: '2025-02-17' } },
      { from: 'triage', context: CLASSIFIED, type: 'TRANSFER', to: 'forwarded', contextAfter: { transferMode: 'TRANSFER' } },
      { from: 'triage', context: AT_CITY_CLASSIFIED, type: 'DECLINE_DUPLICATE', over: FOUND_BELOW, to: 'notAcceptedDuplicate' },
      { from: 'triage', context: AT_CITY_CLASSIFIED, type: 'DECLINE_FINAL', over: FOUND_FINAL, to: 'notAcceptedFinal' },
      // What the engine found is kept for the officer; new facts and reasons after 复核 are recorded with it.
      { from: 'received', context: AT_CITY, type: 'CLASSIFY', over: FOUND_FINAL, to: 'triage', contextAfter: { earlierPetitions: FOUND_FINAL.facts.earlierPetitions as XfContext['earlierPetitions'] } },
      { from: 'triage', context: REPEAT_AFTER_FINAL, type: 'CLASSIFY', data: { classification: 'REQUEST', newFactsAndReasons: '改造方案已于9月调整，涉及新的范围' }, over: FOUND_FINAL, to: 'triage', contextAfter: { newFactsAndReasons: '改造方案已于9月调整，涉及新的范围' } },
      { from: 'triage', context: { ...REPEAT_AFTER_FINAL, newFactsAndReasons: '改造方案已于9月调整' }, type: 'ACCEPT', over: { ...FOUND_FINAL, today: '2025-10-20' }, data: { acceptedOn: '2025-10-20', notifiedOn: '2025-10-20' }, to: 'handling' },
      { from: 'triage', context: CLASSIFIED, type: 'DIVERT', to: 'diverted', contextAfter: { divertedTo: 'LABOUR_ARBITRATION' } },
      // 涉法涉诉 matters for the police are told to the petitioner, with no receiving body in the engine.
      { from: 'triage', context: CLASSIFIED, type: 'DIVERT', data: { legalChannel: 'POLICE', notifiedOn: '2025-02-10', explanation: '告知向公安机关报案' }, to: 'diverted', contextAfter: { divertedTo: 'POLICE' } },
      { from: 'triage', context: { ...CLASSIFIED, classification: 'COMPLAINT' }, type: 'REFER_DISCIPLINE', to: 'routedDiscipline' },
      { from: 'triage', context: { ...CLASSIFIED, classification: 'SUGGESTION' }, type: 'ANSWER_SUGGESTION', to: 'suggestionAnswered' },
      { from: 'forwarded', context: CLASSIFIED, type: 'TRANSFER_SIGNED_FOR', over: sys, to: 'transferredOut' },
      { from: 'forwarded', context: CLASSIFIED, type: 'TRANSFER_RETURNED', over: sys, to: 'triage' },
      { from: 'transferReceived', context: AT_DEPARTMENT, type: 'ACCEPT', to: 'handling', effects: [{ type: 'acceptTransfer', params: {} }], contextAfter: { acceptedOn: '2025-02-17' } },
      { from: 'transferReceived', context: AT_DEPARTMENT, type: 'OBJECT', to: 'returned', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }] },
      { from: 'transferReceived', context: { ...AT_DEPARTMENT, handlingRegionCode: CITY }, type: 'DECLINE_DUPLICATE', over: FOUND_BELOW, to: 'notAcceptedDuplicate', effects: [{ type: 'acceptTransfer', params: {} }] },
      { from: 'transferReceived', context: AT_DEPARTMENT, type: 'DECLINE_FINAL', over: FOUND_FINAL, to: 'notAcceptedFinal', effects: [{ type: 'acceptTransfer', params: {} }] },
      // 第三十四条: 30 days from the 60th day (2025-04-18) end on 2025-05-18, a Sunday the engine rolls to 05-19.
      { from: 'handling', context: HANDLING, type: 'EXTEND', to: 'extended', contextAfter: { extendedDueOn: '2025-05-18' } },
      ...['handling', 'extended'].flatMap((s): Case[] => [
        { from: s, context: contextFor(s), type: 'START_MEDIATION', to: 'mediation', contextAfter: { mediationStartedOn: '2025-03-10' } },
        { from: s, context: contextFor(s), type: 'REFER_MEDIATION', to: 'referredPM', effects: [PAUSE_HANDLING], contextAfter: { referredOn: '2025-03-10' } },
        // [U] The legal policy can keep the clock running through the referral.
        { from: s, context: contextFor(s), type: 'REFER_MEDIATION', over: { policy: { 'xf.referralPausesHandlingPeriod': false } }, to: 'referredPM', effects: [{ type: 'pauseDeadlines', params: { specIds: [] } }] },
        { from: s, context: contextFor(s), type: 'SETTLE', to: 'settled', effects: [reported('SETTLED')], contextAfter: { settledOn: '2025-03-20' } },
        { from: s, context: contextFor(s), type: 'ISSUE_OPINION', to: 'opinionIssued', effects: [reported('OPINION_ISSUED')], contextAfter: { opinionReceivedOn: '2025-05-09' } },
      ]),
      { from: 'mediation', context: HANDLING, type: 'SETTLE', to: 'settled', effects: [reported('SETTLED')] },
      { from: 'mediation', context: HANDLING, type: 'MEDIATION_FAILED', to: 'handling' },
      { from: 'mediation', context: EXTENDED, type: 'MEDIATION_FAILED', to: 'extended' },
      { from: 'referredPM', context: HANDLING, type: 'PM_AGREED', over: sys, to: 'settled', effects: [reported('SETTLED')], contextAfter: { settledOn: '2025-03-25' } },
      { from: 'referredPM', context: HANDLING, type: 'PM_ENDED', over: sys, to: 'handling', effects: [RESUME_HANDLING] },
      { from: 'referredPM', context: EXTENDED, type: 'PM_ENDED', over: sys, to: 'extended', effects: [RESUME_HANDLING] },
      { from: 'opinionIssued', context: OPINION, type: 'REQUEST_REVIEW', to: 'review', contextAfter: { reviewReceivedOn: '2025-06-03', reviewBody: { name: '青溪区人民政府', regionCode: DISTRICT } } },
      { from: 'opinionIssued', context: OPINION, type: 'OPINION_PERIOD_ENDED', over: sys, to: 'opinionFinal' },
      { from: 'review', context: REVIEW, type: 'ISSUE_REVIEW_OPINION', to: 'reviewOpinion', contextAfter: { reviewDecision: 'UPHOLD', reviewOpinionReceivedOn: '2025-07-02' } },
      // Spec S7 step 11: a settlement recorded in the review ends the matter; no 复核 window opens.
      { from: 'review', context: REVIEW, type: 'SETTLE', to: 'settled', effects: [reported('SETTLED')] },
      { from: 'reviewOpinion', context: REVIEWED, type: 'REQUEST_REEXAM', to: 'reexam', contextAfter: { reexamReceivedOn: '2025-07-25' } },
      { from: 'reviewOpinion', context: REVIEWED, type: 'REVIEW_PERIOD_ENDED', over: sys, to: 'reviewFinal' },
      { from: 'reexam', context: REEXAM, type: 'DECIDE_HEARING', to: 'reexamHearing', effects: [{ type: 'pauseDeadlines', params: { specIds: ['D-XF9'] } }], contextAfter: { hearing: { decidedOn: '2025-08-01', hearingOn: '2025-08-12' } } },
      { from: 'reexamHearing', context: HEARING, type: 'HOLD_HEARING', to: 'reexam', effects: [{ type: 'resumeDeadlines', params: { specIds: ['D-XF9'] } }], contextAfter: { hearing: { decidedOn: '2025-08-01', hearingOn: '2025-08-12', heldOn: '2025-08-12' } } },
      // 第三十六条: hearing time is not counted at 复核 — the hearing case stops D-XF9 until it reports back.
      { from: 'reexam', context: REEXAM, type: 'REQUEST_HEARING', to: 'hearingAtReexam', effects: [{ type: 'pauseDeadlines', params: { specIds: ['D-XF9'] } }], contextAfter: { hearingStage: 'XF_REEXAM' } },
      { from: 'hearingAtReexam', context: REEXAM, type: 'HEARING_CONCLUDED', over: sys, to: 'reexam', effects: [{ type: 'resumeDeadlines', params: { specIds: ['D-XF9'] } }], contextAfter: { hearings: [{ outcome: 'CONCLUDED', level: 'COUNTY', opinion: '维持原处理意见', sourceCaseNo: REPORT.sourceCaseNo }] } },
      // spec §8 [U]: at 复查 the clock runs on, unless the region's policy excludes hearing time there too.
      { from: 'review', context: REVIEW, type: 'REQUEST_HEARING', to: 'hearingAtReview', effects: [{ type: 'pauseDeadlines', params: { specIds: [] } }], contextAfter: { hearingStage: 'XF_REVIEW' } },
      { from: 'review', context: REVIEW, type: 'REQUEST_HEARING', over: { policy: { 'xf.excludeHearingTimeAtReview': true } }, to: 'hearingAtReview', effects: [{ type: 'pauseDeadlines', params: { specIds: ['D-XF7'] } }] },
      { from: 'hearingAtReview', context: REVIEW, type: 'HEARING_ENDED', over: { ...sys, policy: { 'xf.excludeHearingTimeAtReview': true } }, to: 'review', effects: [{ type: 'resumeDeadlines', params: { specIds: ['D-XF7'] } }] },
      { from: 'handling', context: HANDLING, type: 'REQUEST_HEARING', to: 'hearingAtHandling', contextAfter: { hearingStage: 'XF_HANDLING' } },
      { from: 'hearingAtHandling', context: EXTENDED, type: 'HEARING_CONCLUDED', over: sys, to: 'extended' },
      { from: 'extended', context: EXTENDED, type: 'REQUEST_HEARING', to: 'hearingAtHandling' },
      { from: 'hearingAtHandling', context: HANDLING, type: 'HEARING_CONCLUDED', over: sys, to: 'handling' },
      { from: 'hearingAtHandling', context: HANDLING, type: 'HEARING_ENDED', over: sys, to: 'handling' },
      { from: 'hearingAtHandling', context: EXTENDED, type: 'HEARING_ENDED', over: sys, to: 'extended' },
      { from: 'hearingAtReview', context: REVIEW, type: 'HEARING_CONCLUDED', over: sys, to: 'review', effects: [{ type: 'resumeDeadlines', params: { specIds: [] } }] },
      { from: 'hearingAtReexam', context: REEXAM, type: 'HEARING_ENDED', over: sys, to: 'reexam', effects: [{ type: 'resumeDeadlines', params: { specIds: ['D-XF9'] } }] },
      ...['hearingAtHandling', 'hearingAtReview'].map((s): Case => ({ from: s, context: contextFor(s), type: 'SETTLE', to: 'settled', effects: [reported('SETTLED')] })),
      { from: 'reexam', context: REEXAM, type: 'ISSUE_REEXAM_OPINION', to: 'finalClosed', effects: [reported('FINAL')], contextAfter: { finalOn: '2025-08-29', reexamDecision: 'UPHOLD' } },
      ...['finalClosed', 'notAcceptedFinal'].flatMap((s): Case[] => [
        { from: s, context: contextFor(s), type: 'RECORD_AFTERCARE', to: s, contextAfter: { aftercare: [{ on: '2025-10-20', measure: 'EDUCATION', note: '解释复核意见' }] } },
        { from: s, context: contextFor(s), type: 'END_AFTERCARE', to: 'closed' },
      ]),
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const d = decide(xf, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }),
        effects,
        final: FINAL.includes(to),
      });
    });
  });

  describe('refusals, each with its article', () => {
    type Refusal = { name: string; from: string; context: XfContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const rows: Refusal[] = [
      { name: 'the same matter is handled below within its period (第十九条)', from: 'triage', context: AT_CITY_CLASSIFIED, type: 'ACCEPT', over: { ...FOUND_BELOW, today: '2025-03-01' }, data: { acceptedOn: '2025-03-01', notifiedOn: '2025-03-01' }, violations: [['notPendingBelow', `${LAW} 第十九条`]] },
      { name: 'the same matter is transferred upward while handled below (第十九条)', from: 'triage', context: AT_CITY_CLASSIFIED, type: 'TRANSFER', over: { ...FOUND_BELOW, today: '2025-03-01' }, data: { mode: 'ASSIGN', receivingOrgId: 'org-housing' }, violations: [['notPendingBelow', `${LAW} 第十九条`]] },
      { name: 'the matter was re-examined on the same facts and reasons (第三十六条)', from: 'triage', context: AT_CITY_CLASSIFIED, type: 'ACCEPT', over: { ...FOUND_FINAL, today: '2025-10-20' }, data: { acceptedOn: '2025-10-20', notifiedOn: '2025-10-20' }, violations: [['notFinalAfterReexam', `${LAW} 第三十六条`]] },
      { name: 'a transferred petition arrives at an organ above the one handling it (第十九条)', from: 'transferReceived', context: { ...AT_DEPARTMENT, handlingRegionCode: CITY }, type: 'ACCEPT', over: FOUND_BELOW, violations: [['notPendingBelow', `${LAW} 第十九条`]] },
      { name: 'declining as a duplicate with nothing found below', from: 'triage', context: CLASSIFIED, type: 'DECLINE_DUPLICATE', violations: [['pendingBelowFound', `${LAW} 第十九条`]] },
      { name: 'declining as final when the earlier petition is still being handled', from: 'triage', context: AT_CITY_CLASSIFIED, type: 'DECLINE_FINAL', over: FOUND_BELOW, violations: [['finalFound', `${LAW} 第三十六条`]] },
      { name: 'declining as final when new facts and reasons were recorded', from: 'triage', context: { ...REPEAT_AFTER_FINAL, newFactsAndReasons: '新的事实' }, type: 'DECLINE_FINAL', over: FOUND_FINAL, violations: [['finalFound', `${LAW} 第三十六条`]] },
      // The department handling it is below the district's own petition bureau, not below another department.
      { name: 'the district bureau accepts what its department handles (第十九条)', from: 'triage', context: CLASSIFIED, type: 'ACCEPT', over: FOUND_BELOW, violations: [['notPendingBelow', `${LAW} 第十九条`]] },
      { name: 'a suggestion is accepted for handling (第二十九条)', from: 'triage', context: { ...CLASSIFIED, classification: 'SUGGESTION' }, type: 'ACCEPT', violations: [['isRequest', `${LAW} 第二十九条至第三十一条`]] },
      { name: 'a request goes to the discipline organs (第三十条)', from: 'triage', context: CLASSIFIED, type: 'REFER_DISCIPLINE', violations: [['isComplaint', `${LAW} 第三十条`]] },
      { name: 'a labour matter is diverted without its commission', from: 'triage', context: CLASSIFIED, type: 'DIVERT', data: { legalChannel: 'LABOUR_ARBITRATION', notifiedOn: '2025-02-10', explanation: '申请仲裁' }, violations: [['divertedWithItsOrgan', `${LAW} 第二十二条、第三十一条`]] },
      { name: 'a reconsideration diversion names no act', from: 'triage', context: CLASSIFIED, type: 'DIVERT', data: { legalChannel: 'RECONSIDERATION', receivingOrgId: 'org-reconsideration', notifiedOn: '2025-02-10', explanation: '申请复议' }, violations: [['divertedWithItsOrgan', `${LAW} 第二十二条、第三十一条`]] },
      { name: 'the transfer is dated before it was sent', from: 'triage', context: CLASSIFIED, type: 'TRANSFER', data: { mode: 'TRANSFER', receivingOrgId: 'org-housing', deliveredOn: '2025-02-11' }, violations: [['deliveredNotBeforeTransfer', undefined]] },
      { name: 'the objection comes after five working days (第二十三条)', from: 'transferReceived', context: AT_DEPARTMENT, type: 'OBJECT', over: { today: '2025-02-21' }, violations: [['objectionInTime', `${LAW} 第二十三条`]] },
      { name: 'the extension is 31 days (第三十四条)', from: 'handling', context: HANDLING, type: 'EXTEND', data: { ...VALID.EXTEND.data, days: 31 }, violations: [['extensionAtMost30Days', `${LAW} 第三十四条`]] },
      { name: 'the extension comes after the 60 days', from: 'handling', context: HANDLING, type: 'EXTEND', over: { today: '2025-04-19' }, violations: [['extensionBeforePeriodEnds', `${LAW} 第三十四条`]] },
      { name: 'one party does not consent to mediation (第三十三条)', from: 'handling', context: HANDLING, type: 'START_MEDIATION', data: { consentedPartyIds: ['p1'], startedOn: '2025-03-10' }, violations: [['allPartiesConsent', `${LAW} 第三十三条`]] },
      {
        name: 'an administrative dispute is referred to people’s mediation',
        from: 'handling',
        context: HANDLING,
        type: 'REFER_MEDIATION',
        data: { ...VALID.REFER_MEDIATION.data, administrativeDispute: true },
        violations: [['civilContentOnly', `${LAW} 第三十三条；司法部、国家信访局关于进一步深化人民调解参与信访工作对接 推进信访工作法治化的意见（2025）`]],
      },
      { name: 'the opinion is received before it was issued', from: 'handling', context: HANDLING, type: 'ISSUE_OPINION', data: { outcomes: ['SUPPORT'], issuedOn: '2025-05-09', receivedOn: '2025-05-08' }, violations: [['opinionReceivedAfterIssue', undefined]] },
      { name: '复查 is asked for after the 30 days (第三十五条)', from: 'opinionIssued', context: OPINION, type: 'REQUEST_REVIEW', over: { today: '2025-06-10' }, data: { ...VALID.REQUEST_REVIEW.data, requestedOn: '2025-06-10' }, violations: [['reviewRequestedInTime', `${LAW} 第三十五条`]] },
      { name: '复查 skips a level to the city (第三十五条)', from: 'opinionIssued', context: OPINION, type: 'REQUEST_REVIEW', data: { ...VALID.REQUEST_REVIEW.data, reviewRegionCode: CITY }, violations: [['reviewOneLevelUp', `${LAW} 第三十五条`]] },
      { name: '复核 is asked for at the reviewing body’s own level (第三十六条)', from: 'reviewOpinion', context: REVIEWED, type: 'REQUEST_REEXAM', data: { ...VALID.REQUEST_REEXAM.data, reexamRegionCode: DISTRICT }, violations: [['reexamOneLevelUp', `${LAW} 第三十六条`]] },
      { name: '复核 is asked for after the 30 days (第三十六条)', from: 'reviewOpinion', context: REVIEWED, type: 'REQUEST_REEXAM', over: { today: '2025-08-02' }, data: { ...VALID.REQUEST_REEXAM.data, requestedOn: '2025-08-02' }, violations: [['reexamRequestedInTime', `${LAW} 第三十六条`]] },
      { name: 'the hearing is held before its day', from: 'reexamHearing', context: HEARING, type: 'HOLD_HEARING', over: { today: '2025-08-11' }, data: { heldOn: '2025-08-11' }, violations: [['hearingDateReached', undefined]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(xf, from, context, event(type, data, over), violations, legalEventsIn(from));
    });
  });

  describeNegativeMatrix({ def: xf, legal: LEGAL, finalStates: FINAL, stateCount: 28, eventTypeCount: Object.keys(xf.events).length, contextFor, event: (type) => event(type) });

  describe('event data', () => {
    it.each(Object.keys(xf.events))('the sample %s envelope is one a form could send', (type) => {
      const validate = formAjv.compile(eventDataSchema(xf, type));
      expect({ type, valid: validate(VALID[type].data), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
    });
  });

  // ---------- scenario S7, replayed through decide() with the dates of spec appendix (d) ----------

  function play(start: PersistedState, steps: [string, string, Partial<WorkflowEvent>?][]): { state: PersistedState; effects: Effect[] } {
    let state = start;
    const effects: Effect[] = [];
    for (const [type, today, over] of steps) {
      const d = decide(xf, state, event(type, undefined, { today, at: `${today}T02:00:00.000Z`, ...over }));
      if (!d.allowed) throw new Error(`${type} refused in ${state.value}: ${JSON.stringify(d)}`);
      effects.push(...d.effects);
      state = { value: d.to, context: d.context };
    }
    return { state, effects };
  }
  const anchorOf = (state: string, id: string, context: Record<string, any>) => {
    const spec = deadlinesOf(xf, state).find((d) => d.id === id)!;
    return addDays(context[spec.anchor!.contextDate], spec.period.amount);
  };

  describe('scenario S7 (处理 → 复查 → 复核 → 终结)', () => {
    it('routes at the bureau, then the department handles, extends once, and issues its opinion', () => {
      const bureau = play({ value: 'received', context: AT_BUREAU }, [
        ['CLASSIFY', '2025-02-10'],
        ['TRANSFER', '2025-02-12'],
        ['TRANSFER_SIGNED_FOR', '2025-02-17', SYSTEM_ACTOR],
      ]);
      expect(bureau.state.value).toBe('transferredOut');
      expect(anchorOf('received', 'D-XF1', AT_BUREAU)).toBe('2025-02-25');
      const dept = play({ value: 'received', context: { ...AT_DEPARTMENT, transferReceivedOn: undefined } }, [
        ['RECEIVE_TRANSFER', '2025-02-12', SYSTEM_ACTOR],
        ['ACCEPT', '2025-02-17'],
        ['EXTEND', '2025-04-10'],
        ['ISSUE_OPINION', '2025-05-09'],
      ]);
      expect(dept.state.value).toBe('opinionIssued');
      expect(anchorOf('transferReceived', 'D-XF2', dept.state.context)).toBe('2025-02-28');
      expect(anchorOf('handling', 'D-XF4', dept.state.context)).toBe('2025-04-18');
      expect(dept.state.context.extendedDueOn).toBe('2025-05-18');
      expect(dept.effects).toEqual([{ type: 'acceptTransfer', params: {} }, reported('OPINION_ISSUED')]);
    });

    it('climbs to the district government and the city, pausing the 复核 clock for the hearing, and ends in aftercare', () => {
      const { state, effects } = play({ value: 'opinionIssued', context: OPINION }, [
        ['REQUEST_REVIEW', '2025-06-03'],
        ['ISSUE_REVIEW_OPINION', '2025-07-02'],
        ['REQUEST_REEXAM', '2025-07-25'],
        ['DECIDE_HEARING', '2025-08-01'],
        ['HOLD_HEARING', '2025-08-12'],
        ['ISSUE_REEXAM_OPINION', '2025-08-29'],
        ['RECORD_AFTERCARE', '2025-10-20'],
      ]);
      expect(state.value).toBe('finalClosed');
      expect(anchorOf('review', 'D-XF7', state.context)).toBe('2025-07-03');
      expect(anchorOf('reviewOpinion', 'D-XF8', state.context)).toBe('2025-08-01');
      expect(anchorOf('reexam', 'D-XF9', state.context)).toBe('2025-08-24');
      expect(effects).toEqual([{ type: 'pauseDeadlines', params: { specIds: ['D-XF9'] } }, { type: 'resumeDeadlines', params: { specIds: ['D-XF9'] } }, reported('FINAL')]);
      expect(state.context.aftercare).toHaveLength(1);
    });
  });
});
