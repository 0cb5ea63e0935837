import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type AdjacencyMap, type StatePath } from 'xstate/graph';
import { decide, type PersistedState } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { stateValueToString } from '../state-value';
import { verticesThatCannotFinish } from '../testing/paths';
import type { RxContext } from './rx.context';
import { administrativeReconsideration as rx } from './rx.workflow';

/*
 * Every legal path of 行政复议, generated from the machine with a finite set of sample events, some of which the law
 * forbids (a late application, an application against a civil-dispute mediation, a refiled withdrawn application, a
 * hearing notified three working days ahead, a 31-day extension, an act upheld without the respondent's evidence...).
 * The traversal follows only events the machine accepts, so the statements of the law below, written from the
 * statute and not from the machine, hold on every transition taken and on every path.
 *
 * Two openings: S6's on-the-spot fine (复议前置) and a 5,000-yuan fine (the party may choose to sue directly).
 * A vertex is the state and the facts guards read (procedure, major case, views heard, hearing noticed and held,
 * missing answer, where a suspension returns to, one supplement notice, a decision, an extension, a mediation).
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const PARTIES = ['p1', 'p2'];
const S6_ACT = { actType: 'PENALTY', actOn: '2025-07-07', knewOn: '2025-07-07', onTheSpot: true, penaltyKind: 'FINE', amount: 200 };
const OPENINGS: Record<string, RxContext> = {
  s6: rx.initialContext({ partyIds: PARTIES, openedOn: '2025-07-07', input: S6_ACT }),
  direct: rx.initialContext({ partyIds: PARTIES, openedOn: '2025-07-07', input: { ...S6_ACT, onTheSpot: false, amount: 5000 } }),
};
const DEADLINES = { 'D-RX1': '2025-09-05', 'D-RX3': '2030-07-08', 'D-RX4': '2025-07-28', 'D-RX5': '2025-07-28', 'D-RX10': '2025-09-23', 'D-RX11': '2025-08-25', 'D-RX12': '2025-09-05', 'D-RX13': '2026-01-07' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string): WorkflowEvent {
  const role = rx.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const APPLICATION = { appliedOn: '2025-07-21', channel: 'ORGAN_WRITTEN', receivedOn: '2025-07-21', requests: '撤销罚款决定' };
const WITHDRAWAL = { withdrawnOn: '2025-08-13', afterSettlement: true, facts: '当场罚款', reasons: '处罚过重', voluntary: true };
const DECISION = { decisionNo: '青府复〔2025〕12号', decidedOn: '2025-08-20' };

const VALID: WorkflowEvent[] = [
  event('APPLY', APPLICATION, '2025-07-21'),
  event('REQUEST_HEARING', { hearingOrgId: 'org-reconsideration', matter: '罚款是否过重', initiative: 'ORGAN' }, '2025-08-05'),
  event('HEARING_CONCLUDED', { outcome: 'CONCLUDED', sourceCaseId: 'hr-1', reportedOn: '2025-08-12', hearingLevel: 'COUNTY', opinion: '罚款过重', heldOn: '2025-08-12' }, '2025-08-12'),
  event('HEARING_ENDED', { outcome: 'WAIVED', sourceCaseId: 'hr-1', reportedOn: '2025-08-12' }, '2025-08-12'),
  event('LAPSE', {}, '2025-09-08'),
  event('RECORD_SUIT', { suedOn: '2025-09-01', courtName: '青溪区人民法院' }, '2025-09-01'),
  event('ASSIGN_OFFICER', { officerId: 'rx-1' }, '2025-07-22'),
  event('ACCEPT', { acceptedOn: '2025-07-25', procedure: 'SIMPLE' }, '2025-07-25', 'simple'),
  event('ACCEPT', { acceptedOn: '2025-07-25', procedure: 'ORDINARY', major: true }, '2025-07-25', 'ordinary, major'),
  event('NOT_ACCEPT', { reason: 'NO_STANDING', explanation: '没有利害关系', servedOn: '2025-07-26' }, '2025-07-26'),
  event('DEEMED_ACCEPTED', { specId: 'D-RX4', dueOn: '2025-07-28' }, '2025-07-29'),
  event('REQUEST_SUPPLEMENT', { items: ['当场处罚决定书'], noticeReceivedOn: '2025-07-23' }, '2025-07-23'),
  event('SUPPLEMENT', { suppliedOn: '2025-07-24' }, '2025-07-24'),
  event('SUPPLEMENT_OVERDUE', {}, '2025-08-07'),
  event('SERVE_COPY', { servedOn: '2025-07-28' }, '2025-07-28'),
  event('RECORD_ANSWER', { answeredOn: '2025-08-01', evidenceSubmitted: true }, '2025-08-01'),
  event('ANSWER_OVERDUE', {}, '2025-08-05'),
  event('RECORD_VIEWS', { heardOn: '2025-08-05', mode: 'PHONE' }, '2025-08-05'),
  event('NOTICE_HEARING', { hearingOn: '2025-08-12', venue: '听证室' }, '2025-08-05'),
  event('HOLD_HEARING', { presidingOfficer: '甲', members: ['乙', '丙'], clerk: '丁' }, '2025-08-12'),
  event('START_MEDIATION', { consentedPartyIds: PARTIES }, '2025-08-12'),
  event('MEDIATION_FAILED', { outcome: 'NO_AGREEMENT' }, '2025-08-13'),
  event('SIGN_MEDIATION_DOC', { docNo: '青府复调〔2025〕3号', signedPartyIds: PARTIES, organSealed: true }, '2025-08-14'),
  event('WITHDRAW', WITHDRAWAL, '2025-08-13'),
  event('SUSPEND', { ground: 'MEDIATION_BY_CONSENT', suspendedOn: '2025-08-06' }, '2025-08-06'),
  event('RESUME', {}, '2025-08-11'),
  event('SUSPENSION_LAPSED', {}, '2025-10-06'),
  event('EXTEND', { days: 30, approvedBy: '复议办主任', notifiedOn: '2025-09-20' }, '2025-09-20'),
  event('DECISION_PERIOD_EXPIRED', { dueOn: '2025-08-25' }, '2025-08-26'),
  event('DECIDE', { ...DECISION, decisionType: 'UPHOLD' }, '2025-08-20', 'uphold'),
  event('DECIDE', { ...DECISION, decisionType: 'REVOKE' }, '2025-08-20', 'revoke'),
  event('SERVE_DECISION', { servedOn: '2025-08-21' }, '2025-08-21'),
  event('SUIT_WINDOW_ENDED', {}, '2025-09-06'),
  event('ISSUE_OPINION_LETTER', { letterNo: '意〔2025〕1号', receivedOn: '2025-09-10' }, '2025-09-10'),
  event('RECORD_COMPLIANCE', { reportedOn: '2025-10-20' }, '2025-10-20'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('APPLY', { ...APPLICATION, appliedOn: '2025-09-08' }, '2025-09-08', 'after 60 days'),
  event('APPLY', { ...APPLICATION, courtSuitAccepted: true }, '2025-07-21', 'suit accepted'),
  event('APPLY', { ...APPLICATION, earlierApplication: { caseNo: '（2025）行复字第1号', sameFactsAndReasons: true } }, '2025-07-21', 'refiled'),
  event('APPLY', { ...APPLICATION, channel: 'PENALISING_AGENCY' }, '2025-07-21', 'agency unnamed'),
  event('ACCEPT', { acceptedOn: '2025-07-26', procedure: 'SIMPLE' }, '2025-07-25', 'dated tomorrow'),
  event('REQUEST_SUPPLEMENT', { items: ['身份证明'], noticeReceivedOn: '2025-07-29' }, '2025-07-29', 'after five working days'),
  event('NOTICE_HEARING', { hearingOn: '2025-08-12', venue: '听证室' }, '2025-08-07', 'three working days ahead'),
  event('HOLD_HEARING', { presidingOfficer: '甲', members: ['乙', '丙'], clerk: '丁' }, '2025-08-11', 'before the day'),
  event('SIGN_MEDIATION_DOC', { docNo: '青府复调〔2025〕3号', signedPartyIds: ['p1'], organSealed: true }, '2025-08-14', 'one party'),
  event('EXTEND', { days: 31, approvedBy: '复议办主任', notifiedOn: '2025-09-20' }, '2025-09-20', '31 days'),
  event('EXTEND', { days: 30, approvedBy: '复议办主任', notifiedOn: '2025-09-24' }, '2025-09-24', 'after 60 days'),
  event('SERVE_DECISION', { servedOn: '2025-08-19' }, '2025-08-21', 'before the decision'),
];
/** Lawful in some states only: on 09-06 a direct suit is within six months, a suit after the decision is late. */
const LATE_SUIT = event('RECORD_SUIT', { suedOn: '2025-09-06', courtName: '青溪区人民法院' }, '2025-09-06', 'late');
const SAMPLES = [...VALID, ...FORBIDDEN, LATE_SUIT];

// ---------- independent statements of the law ----------

const HANDLING = new Set(['accepted', 'answerPending', 'examination', 'hearingNoticed', 'mediation', 'extended', 'suspended', 'decided']);
/** 第八十八条: five working days between the notice and the hearing (no holiday falls in the sample span). */
function weekdays(from: string, to: string): number {
  let n = 0;
  for (let d = new Date(`${from}T00:00:00Z`); d < new Date(`${to}T00:00:00Z`); ) {
    d = new Date(d.getTime() + 86_400_000);
    if (![0, 6].includes(d.getUTCDay())) n++;
  }
  return n;
}

// ---------- traversal ----------

const stateOf = (s: AnyMachineSnapshot) => stateValueToString(s.value, rx.machine);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as RxContext;
  return JSON.stringify([
    stateOf(s),
    c.procedure ?? null,
    c.major,
    !!c.viewsHeardOn,
    !!c.hearingOn,
    !!c.hearingHeldOn,
    c.answerMissing,
    c.suspendedIn ?? null,
    !!c.supplementRequestedOn,
    c.decisionType ?? null,
    !!c.extendedDueOn,
    !!c.mediationStartedOn,
    !!c.suitWindowFrom,
  ]);
};
const traversal = (input: RxContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: BY_FACTS });

const description = describeWorkflow(rx);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

interface Edge {
  from: string;
  to: string;
  before: RxContext;
  event: WorkflowEvent;
  opening: string;
}
const show = (xs: Edge[]) => [...new Set(xs.map((e) => `${e.opening}: ${e.from} --${label(e.event)}--> ${e.to}`))];

let edges: Edge[];
let adjacency: Record<string, AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>>;
let shortest: Path[];
let toMediationDoc: Path[];

beforeAll(() => {
  adjacency = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getAdjacencyMap(rx.machine, traversal(input))]));
  edges = Object.entries(adjacency).flatMap(([opening, map]) =>
    Object.values(map).flatMap(({ state, transitions }) =>
      (Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]).map((t) => ({ from: stateOf(state), to: stateOf(t.state), before: state.context as RxContext, event: t.event, opening })),
    ),
  );
  shortest = Object.values(OPENINGS).flatMap((input) => getShortestPaths(rx.machine, traversal(input)));
  toMediationDoc = getSimplePaths(rx.machine, { ...traversal(OPENINGS.s6), stopWhen: (s: AnyMachineSnapshot) => FINAL.has(stateOf(s)) || ['suspended', 'extended', 'litigationWindow', 'hearingCase'].includes(stateOf(s)) }).filter(
    (p) => stateOf(p.state) === 'mediationDoc',
  );
});

/** Replays a path through `decide()` from the opening, as the engine would, collecting the effects. */
function replay(p: Path, opening: RxContext): Effect[] {
  let state: PersistedState = { value: 'eligible', context: opening };
  const effects: Effect[] = [];
  for (const step of p.steps.slice(1)) {
    const d = decide(rx, state, step.event);
    if (!d.allowed) throw new Error(`decide() refused ${label(step.event)} in ${state.value}`);
    effects.push(...d.effects);
    state = { value: d.to, context: d.context };
  }
  return effects;
}

describe('administrative reconsideration (rx): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(rx.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(edges.map((e) => e.to));
    expect(description.states.map((s) => s.id).filter((s) => s !== 'eligible' && !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(edges.filter((e) => forbidden.has(e.event)))).toEqual([]);
  });

  it('takes no suit while the reconsideration runs, and none instead of it in a 复议前置 case (第二十三条、第二十九条)', () => {
    const suits = edges.filter((e) => e.event.type === 'RECORD_SUIT');
    expect(show(suits.filter((e) => HANDLING.has(e.from) || e.from === 'review' || e.from === 'supplementRequested'))).toEqual([]);
    expect(show(suits.filter((e) => e.from === 'eligible' && e.before.reconsiderationFirst))).toEqual([]);
    expect(show(suits.filter((e) => e.from === 'litigationWindow' && e.event === LATE_SUIT))).toEqual([]);
    expect(show(suits.filter((e) => e.event === LATE_SUIT))).toEqual(['direct: eligible --RECORD_SUIT[late]--> sued']);
    expect(new Set(suits.map((e) => `${e.opening}:${e.from}`))).toEqual(new Set(['direct:eligible', 's6:litigationWindow', 'direct:litigationWindow']));
  });

  it('opens the suit window in a 复议前置 case on a refusal, and in every case on a decision or a missed decision period (第三十四条; 行政诉讼法 第四十五条)', () => {
    const into = edges.filter((e) => e.to === 'litigationWindow');
    expect(new Set(into.map((e) => e.event.type))).toEqual(new Set(['NOT_ACCEPT', 'SERVE_DECISION', 'DECISION_PERIOD_EXPIRED']));
    expect(show(into.filter((e) => e.event.type === 'NOT_ACCEPT' && !e.before.reconsiderationFirst))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'NOT_ACCEPT' && e.before.reconsiderationFirst && e.to !== 'litigationWindow'))).toEqual([]);
  });

  it('accepts the simple procedure only for the acts of 第五十三条 (or by consent), and deems acceptance ordinary', () => {
    const simple = edges.filter((e) => e.to === 'accepted' && e.event.data.procedure === 'SIMPLE');
    expect(simple.length).toBeGreaterThan(0);
    expect(show(simple.filter((e) => !(e.before.onTheSpot || (e.before.amount ?? Infinity) <= 3000)))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'DEEMED_ACCEPTED' && e.to !== 'accepted'))).toEqual([]);
  });

  it('asks for a supplement once, within five working days of receipt (第三十一条)', () => {
    const asks = edges.filter((e) => e.event.type === 'REQUEST_SUPPLEMENT');
    expect(asks.length).toBeGreaterThan(0);
    expect(show(asks.filter((e) => !!e.before.supplementRequestedOn || weekdays('2025-07-21', e.event.today) > 5))).toEqual([]);
  });

  it('notifies every hearing five working days ahead and holds it on the day (第五十一条)', () => {
    expect(show(edges.filter((e) => e.event.type === 'NOTICE_HEARING' && weekdays(e.event.today, e.event.data.hearingOn) < 5))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'HOLD_HEARING' && !(e.before.hearingOn && e.event.today >= e.before.hearingOn)))).toEqual([]);
  });

  it('decides a major case only after a hearing, an ordinary case only after hearing the parties, and never upholds an act left without evidence (第四十九条、第五十条、第七十条)', () => {
    const decisions = edges.filter((e) => e.event.type === 'DECIDE');
    expect(decisions.length).toBeGreaterThan(0);
    expect(show(decisions.filter((e) => e.before.major && !e.before.hearingHeldOn))).toEqual([]);
    expect(show(decisions.filter((e) => e.before.procedure === 'ORDINARY' && !e.before.viewsHeardOn && !e.before.hearingHeldOn))).toEqual([]);
    expect(show(decisions.filter((e) => e.before.answerMissing && ['UPHOLD', 'REJECT'].includes(e.event.data.decisionType)))).toEqual([]);
    expect(decisions.some((e) => e.before.answerMissing && e.event.data.decisionType === 'REVOKE')).toBe(true);
  });

  it('makes a 调解书 effective only signed by every party and sealed (第七十三条)', () => {
    const docs = edges.filter((e) => e.to === 'mediationDoc');
    expect(docs.length).toBeGreaterThan(0);
    expect(show(docs.filter((e) => !(PARTIES.every((p) => e.event.data.signedPartyIds.includes(p)) && e.event.data.organSealed === true)))).toEqual([]);
    expect(toMediationDoc.length).toBeGreaterThan(0);
  });

  it('extends only the ordinary period, once, by at most 30 days, before it ends (第六十二条)', () => {
    const extensions = edges.filter((e) => e.event.type === 'EXTEND');
    expect(extensions.length).toBeGreaterThan(0);
    expect(show(extensions.filter((e) => e.before.procedure !== 'ORDINARY' || !!e.before.extendedDueOn || e.event.data.days > 30 || e.event.today > DEADLINES['D-RX10']))).toEqual([]);
  });

  it('pauses the running decision (and answer) clock on every suspension and restarts the same one on resumption (第三十九条)', () => {
    const wrong: string[] = [];
    for (const e of edges.filter((x) => x.event.type === 'SUSPEND' || x.event.type === 'RESUME')) {
      const d = decide(rx, { value: e.from, context: e.before }, e.event);
      if (!d.allowed) continue;
      const extended = e.event.type === 'SUSPEND' ? e.from === 'extended' : e.before.suspendedIn === 'extended';
      const type = e.event.type === 'SUSPEND' ? 'pauseDeadlines' : 'resumeDeadlines';
      const expected = [{ type, params: { specIds: extended ? ['D-RX10X'] : ['D-RX10', 'D-RX11', 'D-RX8', 'D-RX8-S'] } }];
      if (JSON.stringify(d.effects) !== JSON.stringify(expected)) wrong.push(`${e.from} --${label(e.event)}--> ${e.to}`);
      if (e.event.type === 'RESUME' && e.to !== e.before.suspendedIn) wrong.push(`resumed ${e.before.suspendedIn} into ${e.to}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('signs for a transfer on acceptance (deemed or decided), returns it on refusal, and reports in its own words', () => {
    const wrong: string[] = [];
    for (const p of shortest) {
      const opening = Object.values(OPENINGS).find((o) => o.reconsiderationFirst === (p.steps[0].state.context as RxContext).reconsiderationFirst)!;
      const effects = replay(p, opening);
      const types = p.steps.slice(1).map((s) => s.event.type);
      const count = (t: string) => types.filter((x) => x === t).length;
      if (effects.filter((e) => e.type === 'acceptTransfer').length !== count('ACCEPT') + count('DEEMED_ACCEPTED')) wrong.push(`sign-for: ${types.join(' → ')}`);
      if (effects.filter((e) => e.type === 'returnTransfer').length !== count('NOT_ACCEPT')) wrong.push(`return: ${types.join(' → ')}`);
      for (const e of effects) if (e.type === 'report' && !(e.params.outcome in rx.manifest.outcomes)) wrong.push(`unlisted ${e.params.outcome}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final configuration reach a final state', () => {
    for (const map of Object.values(adjacency)) expect(verticesThatCannotFinish(map, BY_FACTS)).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    const taken = new Set(edges.map((e) => `${e.from} --${e.event.type}--> ${e.to}`));
    const declared = new Set(description.transitions.map((t) => `${t.from} --${t.event}--> ${t.to ?? t.from}`));
    expect([...declared].filter((t) => !taken.has(t))).toEqual([]);
    expect([...taken].filter((t) => !declared.has(t))).toEqual([]);
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(stateOf(p.state)) || best.get(stateOf(p.state))!.steps.length > p.steps.length) best.set(stateOf(p.state), p);
    expect([...best.keys()].sort()).toEqual(description.states.map((s) => s.id).sort());
    expect([...best.values()].map((p) => `${stateOf(p.state)}: ${p.steps.slice(1).map((s) => label(s.event)).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
  });

  it('keeps the paths of S6 from the application to the 调解书, without suspension or extension (snapshot)', () => {
    const lines = [...new Set(toMediationDoc.map((p) => p.steps.slice(1).map((s) => label(s.event)).join(' → ')))].sort();
    expect(lines.length).toBe(toMediationDoc.length);
    expect({ count: lines.length, vertices: Object.fromEntries(Object.entries(adjacency).map(([k, m]) => [k, Object.keys(m).length])) }).toMatchSnapshot();
  });
});
