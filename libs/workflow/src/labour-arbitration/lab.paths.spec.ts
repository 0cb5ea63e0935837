import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { stateValueFromString, stateValueToString } from '../state-value';
import type { LabContext } from './lab.context';
import { labourArbitration as lab } from './lab.workflow';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, transitionCoverage, verticesThatCannotFinish } from '../testing/paths';

/*
 * Every legal path of 劳动人事争议仲裁, generated from the machine with a finite set of sample events, some of which
 * the law forbids (a time-barred claim, a hearing notified four days ahead, a 16-day extension, the worker applying to
 * set aside...). The traversal follows only events the machine accepts, so the statements of the law below, written
 * from the statute and not from the machine, hold on every path.
 *
 * Two traversals, as for 人民调解:
 * - `BY_STATE` keys a vertex by the state (and whether mediation was tried), over the events that move forward:
 *   its simple paths are the legal skeleton, snapshotted for review.
 * - `BY_FACTS` also keys by the context facts guards read (where a suspension or suit returns to, the award's type,
 *   whether a hearing was noticed and mediation tried, the set-aside...), so every branch is explored; the statements
 *   of the law are checked over these paths.
 */


const PARTIES = ['p1', 'p2'];
const WORKER = 'p1';
const RECEIVED = '2025-03-26';
const OPENED: LabContext = lab.initialContext({
  partyIds: PARTIES,
  openedOn: RECEIVED,
  input: { workerPartyIds: [WORKER], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28', interruptedOn: '2025-03-10' },
});
/** The pending deadlines of S2, passed with every event. */
const DEADLINES = { 'D-LB4': '2025-03-31', 'D-LB7': '2025-05-12', 'D-LB9': '2025-05-27', 'D-LB10': '2025-06-11', 'D-LB11': '2025-06-20', 'D-LB12': '2025-05-27' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = lab.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const S2_ITEMS = [
  { kind: 'WAGES', amount: 18_000, description: '支付拖欠工资' },
  { kind: 'SEVERANCE', amount: 42_000, description: '支付经济补偿' },
];
const AWARD = { awardNo: '劳人仲案字〔2025〕第12号', awardedOn: '2025-05-09', monthlyMinimumWage: 2000, performanceDueOn: '2025-06-10' };
const REPORT = { sourceCaseId: 'ct-1', reportedOn: '2025-05-22' };
const EXTEND = { days: 10, approvedBy: '仲裁委员会主任 王某', approvedOn: '2025-05-05', approvalDocNo: '延字〔2025〕1号', partiesNotifiedOn: '2025-05-05' };
const SERVICE = { respondentServedOn: '2025-03-31', arbitratorId: 'arb-1', tribunal: 'SOLE', tribunalNotifiedOn: '2025-03-31' };
const SET_ASIDE = { applicantPartyIds: ['p2'], courtName: '市中级人民法院', grounds: ['PROCEDURE_VIOLATED'], appliedOn: '2025-05-30' };

/** Valid envelopes: one per event type, and both kinds of award and suit. */
const VALID: WorkflowEvent[] = [
  event('ASSIGN_ARBITRATOR', { arbitratorId: 'arb-2' }, '2025-03-27'),
  event('ACCEPT', { acceptedOn: '2025-03-28' }, '2025-03-28'),
  event('NOT_ACCEPT', { reason: 'NOT_LABOUR_DISPUTE', explanation: '双方系承揽关系' }, '2025-03-28'),
  event('ACCEPTANCE_OVERDUE', {}, '2025-04-01'),
  event('SERVE_NOTICES', SERVICE, '2025-03-31'),
  event('NOTICE_HEARING', { hearingOn: '2025-04-22', venue: '第一仲裁庭' }, '2025-04-14'),
  event('HOLD_HEARING', {}, '2025-04-22'),
  event('MEDIATION_FAILED', { outcome: 'NO_AGREEMENT' }, '2025-04-22'),
  event('SIGN_MEDIATION_DOC', { docNo: '劳人仲调字〔2025〕第3号', signedPartyIds: PARTIES, signedOn: '2025-04-25', performanceDueOn: '2025-05-10' }, '2025-04-25'),
  event('AWARD', { ...AWARD, items: S2_ITEMS }, '2025-05-09', 'S2 non-final'),
  event('AWARD', { ...AWARD, items: [S2_ITEMS[0]] }, '2025-05-09', 'S2b final'),
  event('SUSPEND', { reason: 'AWAITING_OTHER_CASE' }, '2025-04-10'),
  event('RESUME', {}, '2025-04-20'),
  event('EXTEND', EXTEND, '2025-05-05'),
  event('AWARD_PERIOD_EXPIRED', {}, '2025-05-13'),
  event('WITHDRAW', { reason: 'SETTLED' }, '2025-04-15'),
  event('SERVE_AWARD', { workerReceivedOn: '2025-05-12', employerReceivedOn: '2025-05-12' }, '2025-05-12'),
  event('FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: [WORKER] }, '2025-05-20', 'worker'),
  event('FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: ['p2'] }, '2025-05-20', 'employer'),
  event('APPLY_SET_ASIDE', SET_ASIDE, '2025-05-30'),
  event('SET_ASIDE_GRANTED', { rulingNo: '（2025）浙01民特5号', receivedOn: '2025-06-05' }, '2025-06-05'),
  event('SET_ASIDE_REFUSED', { rulingNo: '（2025）浙01民特5号', outcome: 'DISMISSED' }, '2025-06-05'),
  event('WORKER_SUIT_WINDOW_ENDED', {}, '2025-05-28'),
  event('SET_ASIDE_WINDOW_ENDED', {}, '2025-06-12'),
  event('SUIT_WINDOW_ENDED', {}, '2025-05-28'),
  event('SUIT_REGISTERED', { outcome: 'REGISTERED', ...REPORT }, '2025-05-22'),
  event('SUIT_RETURNED', { outcome: 'RETURNED', ...REPORT, reason: 'NOT_THIS_COURT' }, '2025-05-22'),
  event('APPLY_ENFORCEMENT', { applicantPartyIds: [WORKER], appliedOn: '2025-06-20' }, '2025-06-20'),
  event('RECORD_PERFORMED', { performedOn: '2025-06-01' }, '2025-06-01'),
  event('CLOSE', {}, '2025-04-30'),
];
const valid = (l: string) => VALID.find((e) => label(e) === l)!;

/** Envelopes the law forbids everywhere. None of them may appear on any generated path. */
const FORBIDDEN: WorkflowEvent[] = [
  // Knew in 2023: the year ended on 2024-11-01, and the 2025 mediation request cannot revive it (第二十七条).
  event('ACCEPT', { acceptedOn: '2025-03-28', knewOn: '2023-11-01' }, '2025-03-28', 'time-barred'),
  event('ACCEPT', { acceptedOn: '2025-03-29' }, '2025-03-28', 'dated tomorrow'),
  event('NOTICE_HEARING', { hearingOn: '2025-04-22', venue: '第一仲裁庭' }, '2025-04-18', 'four days ahead'),
  event('HOLD_HEARING', {}, '2025-04-21', 'before the day'),
  event('SIGN_MEDIATION_DOC', { docNo: '劳人仲调字〔2025〕第3号', signedPartyIds: [WORKER], signedOn: '2025-04-25' }, '2025-04-25', 'one party'),
  event('EXTEND', { ...EXTEND, days: 16 }, '2025-05-05', '16 days'),
  event('EXTEND', { ...EXTEND, approvedOn: '2025-05-13' }, '2025-05-13', 'after 45 days'),
  event('AWARD', { ...AWARD, items: [S2_ITEMS[0]], awardedOn: '2025-05-10' }, '2025-05-09', 'dated tomorrow'),
  event('SERVE_AWARD', { workerReceivedOn: '2025-05-08', employerReceivedOn: '2025-05-12' }, '2025-05-12', 'before the award'),
  event('APPLY_SET_ASIDE', { ...SET_ASIDE, applicantPartyIds: [WORKER] }, '2025-05-30', 'by the worker'),
  event('APPLY_SET_ASIDE', SET_ASIDE, '2025-06-12', 'after 30 days'),
  event('SET_ASIDE_GRANTED', { rulingNo: '（2025）浙01民特5号', receivedOn: '2025-06-06' }, '2025-06-05', 'received tomorrow'),
];
/** Lawful in some states only: a suit after every award window has closed (still open after a refusal or without an award). */
const LATE_SUIT = event('FILE_SUIT', { courtOrgId: 'court-1', plaintiffPartyIds: [WORKER] }, '2025-06-21', 'late');
const SAMPLES = [...VALID, ...FORBIDDEN, LATE_SUIT];

// ---------- independent statements of the law ----------

const oneYearAfter = (d: string) => `${Number(d.slice(0, 4)) + 1}${d.slice(4)}`;
const calendarDays = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
/** 第二十七条: one year from when the party knew; an interruption inside the year starts it afresh. */
function timeBarred(acceptData: Record<string, any>): boolean {
  let start: string = acceptData.knewOn ?? OPENED.knewOn!;
  for (const i of [OPENED.interruptedOn, acceptData.interruptedOn].filter(Boolean).sort() as string[]) if (i > start && i <= oneYearAfter(start)) start = i;
  return RECEIVED > oneYearAfter(start);
}
/** 第四十七条; 解释一 第十九条、第二十条: every item final, each money item by itself within twelve months' minimum wage. */
const allItemsFinal = (d: Record<string, any>) =>
  d.items.every(
    (i: { kind: string; amount?: number }) =>
      ['WORKING_TIME', 'REST_LEAVE', 'SOCIAL_INSURANCE'].includes(i.kind) ||
      (['WAGES', 'INJURY_MEDICAL', 'SEVERANCE', 'COMPENSATION'].includes(i.kind) && typeof i.amount === 'number' && i.amount <= 12 * d.monthlyMinimumWage),
  );
const byWorkersOnly = (ids: unknown) => Array.isArray(ids) && ids.length > 0 && ids.every((id) => id === WORKER);

// ---------- traversal ----------

const stateOf = (s: AnyMachineSnapshot) => stateValueToString(s.value, lab.machine);
/**
 * The skeleton: a vertex is a state and whether mediation was tried (which decides whether an award may follow in
 * an extended or overdue case). It leaves out the events that only go back (RESUME, SUIT_RETURNED), whose target
 * depends on the path, and the variants of a suit; `BY_FACTS` covers those.
 */
const BY_STATE = (s: AnyMachineSnapshot) => JSON.stringify([stateOf(s), !!(s.context as LabContext).mediationAttemptedOn]);
const SKELETON_SAMPLES = SAMPLES.filter((e) => !['RESUME', 'SUIT_RETURNED', 'FILE_SUIT[employer]', 'FILE_SUIT[late]'].includes(label(e)));
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as LabContext;
  return JSON.stringify([stateOf(s), c.suspendedIn ?? null, c.suedFrom ?? null, c.awardType ?? null, !!c.hearingOn, !!c.mediationAttemptedOn, c.setAsideGranted]);
};
const traversal = (serializeState: (s: AnyMachineSnapshot) => string) => ({
  input: OPENED,
  events: serializeState === BY_STATE ? SKELETON_SAMPLES : SAMPLES,
  filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e),
  serializeState,
});

const description = describeWorkflow(lab);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

const entries = (p: Path) => pathEntries(p, stateOf);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);
const endsIn = (p: Path) => stateOf(p.state);

/** Replays a path through `decide()` from the opening, as the engine would, collecting the effects. */
const replay = (p: Path) => replayEffects(lab, { value: 'arb.acceptanceReview', context: OPENED }, p, label);

/** The snapshot is cut where the law hands over: at acceptance, at the award, and at a suit in court. */
const AT_ACCEPTANCE = new Set([...FINAL, 'arb.accepted', 'suitFiled']);
const TO_AWARD_ENDS = new Set([...FINAL, 'arb.awardFinal', 'arb.awardNonFinal', 'suitFiled']);
const AFTER_AWARD_ENDS = new Set([...FINAL, 'suitFiled']);
const ACCEPTED: LabContext = { ...OPENED, acceptedOn: '2025-03-28' };
const awarded = (awardType: 'FINAL' | 'NON_FINAL'): LabContext => ({
  ...ACCEPTED,
  mediationAttemptedOn: '2025-04-22',
  awardNo: AWARD.awardNo,
  awardedOn: AWARD.awardedOn,
  awardType,
});

let skeleton: Path[];
let segments: Record<'acceptance' | 'proceedings' | 'finalAward' | 'nonFinalAward', { paths: Path[]; ends: Set<string> }>;
let shortest: Path[];
let paths: Path[];

beforeAll(() => {
  skeleton = getSimplePaths(lab.machine, traversal(BY_STATE));
  const segment = (from: { value: string; context: LabContext } | null, ends: Set<string>) => ({
    ends,
    paths: getSimplePaths(lab.machine, {
      ...traversal(BY_STATE),
      ...(from ? { fromState: lab.machine.resolveState({ value: stateValueFromString(from.value), context: from.context }) } : {}),
      stopWhen: (s: AnyMachineSnapshot) => ends.has(stateOf(s)) && stateOf(s) !== from?.value,
    }),
  });
  segments = {
    acceptance: segment(null, AT_ACCEPTANCE),
    proceedings: segment({ value: 'arb.accepted', context: ACCEPTED }, TO_AWARD_ENDS),
    finalAward: segment({ value: 'arb.awardFinal', context: awarded('FINAL') }, AFTER_AWARD_ENDS),
    nonFinalAward: segment({ value: 'arb.awardNonFinal', context: awarded('NON_FINAL') }, AFTER_AWARD_ENDS),
  };
  shortest = getShortestPaths(lab.machine, traversal(BY_STATE));
  paths = getSimplePaths(lab.machine, traversal(BY_FACTS));
});

describe('labour arbitration (lab): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(lab.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    const leaves = description.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.id);
    expect(leaves.filter((s) => !reached.has(s))).toEqual([]);
    expect(new Set(skeleton.map(endsIn))).toEqual(reached);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(paths.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('accepts only a claim brought within the one-year limitation (第二十七条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'arb.accepted');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.event.type === 'ACCEPT' && !timeBarred(e.event.data))))).toEqual([]);
    expect(FORBIDDEN.filter((e) => e.type === 'ACCEPT' && timeBarred(e.data))).toHaveLength(1);
  });

  it('lets the applicant sue without an award only after a refusal or silence on acceptance, or when no award came in time (第二十九条、第四十三条)', () => {
    const suits = paths.flatMap(entries).filter((e) => e.event.type === 'FILE_SUIT');
    const withoutAward = suits.filter((e) => e.from.startsWith('arb.'));
    expect(new Set(withoutAward.map((e) => e.from))).toEqual(new Set(['arb.notAccepted', 'arb.undecided', 'arb.overdue']));
    expect(new Set(suits.filter((e) => !e.from.startsWith('arb.')).map((e) => e.from))).toEqual(
      new Set(['post.finalWindows', 'post.workerSuit', 'post.setAsideApplied', 'post.setAsideGranted', 'post.partySuit']),
    );
  });

  it('notifies every hearing at least five days ahead and opens it on the notified day (第三十五条)', () => {
    const notices = paths.flatMap(entries).filter((e) => e.event.type === 'NOTICE_HEARING');
    expect(notices.length).toBeGreaterThan(0);
    expect(show(notices.filter((e) => calendarDays(e.event.today, e.event.data.hearingOn) < 5))).toEqual([]);
    const wrong: string[] = [];
    for (const p of paths) {
      let hearingOn: string | undefined;
      for (const e of entries(p)) {
        if (e.event.type === 'NOTICE_HEARING') hearingOn = e.event.data.hearingOn;
        if (e.event.type === 'HOLD_HEARING' && !(hearingOn && e.event.today >= hearingOn)) wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('makes no award before mediation was tried, and a 调解书 only with every party’s signature (第四十二条)', () => {
    const wrong: string[] = [];
    let awards = 0;
    for (const p of paths) {
      let tried = false;
      for (const e of entries(p)) {
        if (e.event.type === 'MEDIATION_FAILED') tried = true;
        if (e.event.type === 'AWARD') {
          awards++;
          if (!tried) wrong.push(chain(p).join(' → '));
        }
        if (e.to === 'arb.mediationDoc' && !PARTIES.every((id) => e.event.data.signedPartyIds?.includes(id))) wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(awards).toBeGreaterThan(0);
  });

  it('never lets an effective 调解书 be sued on again (解释一 第十一条)', () => {
    const after = paths.filter((p) => entries(p).some((e) => e.to === 'arb.mediationDoc'));
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((p) => chain(p).slice(chain(p).findIndex((l) => l === 'SIGN_MEDIATION_DOC')).some((l) => l.startsWith('FILE_SUIT')))).toEqual([]);
  });

  it('extends at most once, by at most 15 days, before the 45 days run out (第四十三条)', () => {
    const wrong: string[] = [];
    let extended = 0;
    for (const p of paths) {
      const extensions = entries(p).filter((e) => e.event.type === 'EXTEND');
      extended += extensions.length;
      if (extensions.length > 1) wrong.push(`twice: ${chain(p).join(' → ')}`);
      for (const e of extensions) if (!(e.event.data.days <= 15 && e.event.today <= e.event.deadlines['D-LB7'])) wrong.push(`out of bounds: ${chain(p).join(' → ')}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(extended).toBeGreaterThan(0);
  });

  it('stops the clock for every suspension and restarts the same one on resumption (第四十三条; 办案规则 第四十六条)', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => chain(x).includes('RESUME') || chain(x).includes('SUSPEND'))) {
      const clockEffects = replay(p).filter((e) => e.type === 'pauseDeadlines' || e.type === 'resumeDeadlines');
      const suspensions = entries(p).filter((e) => e.event.type === 'SUSPEND');
      const expected = suspensions.map((e) => ({ type: 'pauseDeadlines', params: { specIds: [e.from === 'arb.extended' ? 'D-LB8' : 'D-LB7'] } }));
      if (JSON.stringify(clockEffects.filter((e) => e.type === 'pauseDeadlines')) !== JSON.stringify(expected)) wrong.push(chain(p).join(' → '));
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('makes an award final exactly when every item is final (第四十七条; 解释一 第十九条、第二十条)', () => {
    const awards = paths.flatMap(entries).filter((e) => e.event.type === 'AWARD');
    expect(new Set(awards.map((e) => e.to))).toEqual(new Set(['arb.awardFinal', 'arb.awardNonFinal']));
    expect(show(awards.filter((e) => (e.to === 'arb.awardFinal') !== allItemsFinal(e.event.data)))).toEqual([]);
  });

  it('never lets the employer sue over a final award that stands, and takes no set-aside after the worker sued (第四十八条、第四十九条; 解释一 第二十一条)', () => {
    const wrong: string[] = [];
    let refusedEmployer = 0;
    for (const p of paths) {
      let finalStands = false;
      let workerSued = false;
      for (const e of entries(p)) {
        if (e.event.type === 'AWARD') finalStands = e.to === 'arb.awardFinal';
        if (e.event.type === 'SET_ASIDE_GRANTED') finalStands = false;
        if (e.event.type === 'FILE_SUIT' && finalStands && !byWorkersOnly(e.event.data.plaintiffPartyIds)) wrong.push(`employer sued: ${chain(p).join(' → ')}`);
        if (e.event.type === 'FILE_SUIT' && finalStands) workerSued = true;
        if (e.event.type === 'SUIT_RETURNED') workerSued = false;
        if (e.event.type === 'APPLY_SET_ASIDE' && workerSued) wrong.push(`set-aside after suit: ${chain(p).join(' → ')}`);
      }
      if (finalStands && p.state.matches({ post: 'finalWindows' }) && !p.state.can(valid('FILE_SUIT[employer]'))) refusedEmployer++;
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(refusedEmployer).toBeGreaterThan(0);
  });

  it('lets an award take effect only when its windows closed without a suit standing (第四十七条、第五十条; 解释一 第十六条)', () => {
    const effective = paths.filter((p) => endsIn(p) === 'awardEffective' || chain(p).some((l) => l === 'APPLY_ENFORCEMENT'));
    const wrong: string[] = [];
    for (const p of effective) {
      const es = entries(p);
      const at = es.findIndex((e) => e.to === 'awardEffective');
      if (at < 0) continue;
      const before = es.slice(0, at + 1).map((e) => e.event.type);
      const pendingSuit = before.lastIndexOf('FILE_SUIT') > before.lastIndexOf('SUIT_RETURNED');
      const awardedFinal = es.some((e) => e.to === 'arb.awardFinal');
      const windowsEnded = awardedFinal
        ? before.includes('WORKER_SUIT_WINDOW_ENDED') && (before.includes('SET_ASIDE_WINDOW_ENDED') || before.includes('SET_ASIDE_REFUSED'))
        : before[before.length - 1] === 'SUIT_WINDOW_ENDED';
      if (pendingSuit || !windowsEnded) wrong.push(chain(p).join(' → '));
    }
    expect(effective.length).toBeGreaterThan(0);
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('signs for a transfer when it accepts, returns it with a reason when it refuses, and reports in its own words', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => FINAL.has(endsIn(x)))) {
      const effects = replay(p);
      const outcomes = effects.filter((e) => e.type === 'report').map((e) => e.params.outcome);
      for (const o of outcomes) if (!(o in lab.manifest.outcomes)) wrong.push(`unlisted ${o}`);
      const types = entries(p).map((e) => e.event.type);
      const count = (t: string) => types.filter((x) => x === t).length;
      const effectCount = (t: string) => effects.filter((e) => e.type === t).length;
      if (effectCount('acceptTransfer') !== count('ACCEPT') || effectCount('returnTransfer') !== count('NOT_ACCEPT')) wrong.push(`transfer: ${chain(p).join(' → ')}`);
      if (outcomes.filter((o) => o === 'SUED').length !== count('FILE_SUIT')) wrong.push(`sued: ${chain(p).join(' → ')}`);
      if (outcomes.filter((o) => o === 'AWARD_EFFECTIVE').length !== entries(p).filter((e) => e.to === 'awardEffective').length) wrong.push(`effective: ${chain(p).join(' → ')}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('resumes a suspended case, and takes back a returned suit, where it was (办案规则 第四十六条)', () => {
    // A return revisits a state of the path, so it shows in the adjacency map rather than among the simple paths.
    const back: Record<string, string[]> = { RESUME: [], SUIT_RETURNED: [] };
    for (const { state, transitions } of Object.values(getAdjacencyMap(lab.machine, traversal(BY_FACTS)))) {
      const c = state.context as LabContext;
      const next: { state: AnyMachineSnapshot; event: WorkflowEvent }[] = Object.values(transitions);
      for (const t of next) {
        if (t.event.type === 'RESUME') back.RESUME.push(`${c.suspendedIn} → ${stateOf(t.state)}`);
        if (t.event.type === 'SUIT_RETURNED') back.SUIT_RETURNED.push(`${c.suedFrom} → ${stateOf(t.state)}`);
      }
    }
    const sources = (type: string) => new Set(paths.flatMap(entries).filter((e) => e.event.type === type).map((e) => e.from));
    for (const [type, from] of [['RESUME', 'SUSPEND'], ['SUIT_RETURNED', 'FILE_SUIT']]) {
      expect(back[type].filter((r) => r.split(' → ')[0] !== r.split(' → ')[1])).toEqual([]);
      expect(new Set(back[type].map((r) => r.split(' → ')[1]))).toEqual(sources(from));
    }
  });

  it('lets every non-final configuration reach a final state', () => {
    const adjacency = getAdjacencyMap(lab.machine, traversal(BY_FACTS));
    const stuck = verticesThatCannotFinish(adjacency, BY_FACTS);
    expect(stuck).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    expect(transitionCoverage(getAdjacencyMap(lab.machine, traversal(BY_FACTS)), description.transitions, stateOf)).toEqual({ untaken: [], undeclared: [] });
  });

  it('generates a bounded number of paths', () => {
    expect({
      skeleton: skeleton.length,
      ...Object.fromEntries(Object.entries(segments).map(([name, s]) => [name, s.paths.length])),
      withFacts: paths.length,
      shortest: shortest.length,
    }).toMatchSnapshot();
  });

  it.each(['acceptance', 'proceedings', 'finalAward', 'nonFinalAward'] as const)('keeps the legal paths of the %s segment (snapshot)', (name) => {
    const { paths: segment, ends } = segments[name];
    const complete = segment.filter((p) => ends.has(endsIn(p)) && p.steps.length > 1);
    const lines = [...new Set(complete.map((p) => `${chain(p).join(' → ')} ⇒ ${endsIn(p)}`))].sort();
    expect(lines.length).toBe(complete.length); // one sample per event and outcome: no duplicate chains
    expect(lines).toMatchSnapshot();
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const leaves = description.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.id);
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(endsIn(p)) || best.get(endsIn(p))!.steps.length > p.steps.length) best.set(endsIn(p), p);
    expect([...best.keys()].sort()).toEqual([...leaves].sort());
    expect([...best.values()].map((p) => `${endsIn(p)}: ${chain(p).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
  });
});
