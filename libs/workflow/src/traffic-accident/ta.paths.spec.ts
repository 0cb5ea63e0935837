import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { replayEffects, transitionCoverage, traversedEdges, verticesThatCannotFinish, type Path, type TraversedEdge } from '../testing/paths';
import type { TaContext } from './ta.context';
import { VALID } from './ta.samples';
import { trafficAccident as ta } from './ta.workflow';

/*
 * Every legal path of 道交一体化, generated from the machine with a finite set of sample events, some of which the law
 * forbids (self-negotiation after an injury, a determination served without the rights notice, a second review,
 * police mediation asked for by one party or after its window, started before the losses are fixed, a session held
 * before the three working days of notice, four people for one side, a claim to a party that is not an insurer,
 * enforcement of an unconfirmed agreement). The traversal follows only events the machine accepts, so the statements
 * below, written from 道路交通事故处理程序规定 第十九条至第九十四条 and 保险法 第二十三条 and not from the machine,
 * hold on every transition taken. A vertex is the state and the facts guards read.
 */

const PARTIES = ['p1', 'p2', 'p3'];
const opening = (harm: string) => ta.initialContext({ partyIds: PARTIES, openedOn: '2025-03-03', input: { accidentOn: '2025-03-03', harm, insurerPartyIds: ['p3'] } });
const OPENINGS: Record<string, TaContext> = { injury: opening('INJURY'), property: opening('PROPERTY_ONLY'), death: opening('DEATH') };
const TODAY = '2025-03-25';
const DEADLINES = { 'D-TA4': '2025-03-26', 'D-TA7': '2025-03-26', 'D-TA8': '2025-03-25', 'D-TA9': '2025-04-03', 'D-TA12': '2025-03-28', 'D-JC1': '2025-04-24' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown> = VALID[type], label?: string, deadlines: Record<string, string> = DEADLINES): WorkflowEvent {
  const role = ta.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${TODAY}T02:00:00.000Z`, today: TODAY, deadlines, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

// A sample per event type, plus the losses each harm needs and the party's own payment that lets the case close.
const VALIDS: WorkflowEvent[] = [
  ...Object.keys(VALID).map((type) => event(type)),
  event('RECORD_LOSS_FIXED', { kind: 'FUNERAL_DONE', fixedOn: TODAY }, 'funeral'),
  event('RECORD_LOSS_FIXED', { kind: 'PROPERTY_ASSESSED', fixedOn: TODAY }, 'property'),
  event('APPLY_CLAIM', { claimedOn: TODAY, insurerPartyId: 'p3', amount: 78_000 }, 'insurer only'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('SERVE_DETERMINATION', { ...VALID.SERVE_DETERMINATION, rights: ['REVIEW'] }, 'without the rights notice'),
  event('APPLY_POLICE_MEDIATION', { appliedOn: TODAY, applicantPartyIds: ['p1'] }, 'one party'),
  event('APPLY_POLICE_MEDIATION', VALID.APPLY_POLICE_MEDIATION, 'after the window', {}),
  event('HOLD_SESSION', VALID.HOLD_SESSION, 'before the notice period', { ...DEADLINES, 'D-TA8': '2025-03-26' }),
  event('NOTIFY_SESSION', { ...VALID.NOTIFY_SESSION, attendees: ['a', 'b', 'c', 'd'].map((name) => ({ name, side: 'LIABLE' })) }, 'four a side'),
  event('APPLY_CLAIM', { ...VALID.APPLY_CLAIM, insurerPartyId: 'p2' }, 'not an insurer'),
  event('APPLY_REVIEW', VALID.APPLY_REVIEW, 'after the window', {}),
];
const SAMPLES = [...VALIDS, ...FORBIDDEN];

// ---------- traversal ----------

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const NEEDS: Record<string, string[]> = { DEATH: ['FUNERAL_DONE'], INJURY: ['TREATMENT_ENDED', 'DISABILITY_RATED'], PROPERTY_ONLY: ['PROPERTY_ASSESSED'] };
const lossesFixedFor = (c: TaContext) => c.lossesFixed.some((l) => NEEDS[c.harm].includes(l.kind));
const paidInFull = (c: TaContext) => (c.claim?.partyShares ?? []).every((s) => c.partyPayments.filter((p) => p.partyId === s.partyId).reduce((n, p) => n + p.amount, 0) >= s.amount);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as TaContext;
  return JSON.stringify([
    stateOf(s),
    c.harm,
    lossesFixedFor(c),
    c.reviewUsed,
    !!c.policeMediationWindowFrom,
    !!c.pmEndedOn,
    c.agreement?.source ?? null,
    c.enforceableTitle?.kind ?? null,
    !!c.confirmationPending,
    !!c.insurerPaidOn,
    !!c.claim,
    paidInFull(c),
    !!c.policeMediationAppliedOn,
    !!c.policeMediationEnded,
  ]);
};
const traversal = (input: TaContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: BY_FACTS });
const description = describeWorkflow(ta);

type Edge = TraversedEdge<TaContext>;
const show = (xs: Edge[]) => [...new Set(xs.map((e) => `${e.opening}: ${e.from} --${label(e.event)}--> ${e.to}`))];

let edges: Edge[];
let adjacency: Record<string, AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>>;
let shortest: Path[];

beforeAll(() => {
  adjacency = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getAdjacencyMap(ta.machine, traversal(input))]));
  edges = traversedEdges<TaContext>(adjacency, stateOf);
  shortest = Object.values(OPENINGS).flatMap((input) => getShortestPaths(ta.machine, traversal(input)));
});

describe('road-traffic accident (ta): generated legal paths', () => {
  it('reaches every state, both final states included', () => {
    const reached = new Set(edges.map((e) => e.to));
    expect(description.states.map((s) => s.id).filter((s) => s !== 'reported' && !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(edges.filter((e) => forbidden.has(e.event)))).toEqual([]);
  });

  it('lets the parties settle between themselves only after a property-only accident, and mediates on the spot never after a death (第十九条、第二十五条)', () => {
    expect(show(edges.filter((e) => e.to === 'selfNegotiation' && e.before.harm !== 'PROPERTY_ONLY'))).toEqual([]);
    expect(show(edges.filter((e) => e.to === 'onSpotMediation' && e.before.harm === 'DEATH'))).toEqual([]);
    expect(edges.some((e) => e.to === 'selfNegotiation')).toBe(true);
  });

  it('opens the review window only by serving every party with the rights to review, mediation and suit, and reviews once (第六十五条、第七十一条)', () => {
    const served = edges.filter((e) => e.to === 'reviewWindow' && e.from !== 'reviewWindow');
    expect(served.length).toBeGreaterThan(0);
    expect(show(served.filter((e) => e.event.type !== 'SERVE_DETERMINATION' || !['REVIEW', 'MEDIATION', 'LITIGATION'].every((r) => e.event.data.rights.includes(r))))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'APPLY_REVIEW' && e.before.reviewUsed))).toEqual([]);
  });

  it('starts police mediation only on a joint application in its window, once the losses the harm requires are fixed (第八十五条、第八十六条、第九十条)', () => {
    const applied = edges.filter((e) => e.event.type === 'APPLY_POLICE_MEDIATION');
    expect(applied.length).toBeGreaterThan(0);
    expect(show(applied.filter((e) => !['p1', 'p2'].every((p) => e.event.data.applicantPartyIds.includes(p)) || Object.keys(e.event.deadlines).length === 0))).toEqual([]);
    const started = edges.filter((e) => e.to === 'policeMediating' && e.from === 'policeMediationApplied');
    expect(started.length).toBeGreaterThan(0);
    expect(show(started.filter((e) => !lossesFixedFor(e.before)))).toEqual([]);
  });

  it('holds the session only after three working days of notice with at most three people a side, and ends a mediation a suit interrupts (第八十八条、第八十九条、第九十四条)', () => {
    expect(show(edges.filter((e) => e.to === 'sessionHeld' && e.from !== 'sessionHeld' && e.event.today < e.event.deadlines['D-TA8']))).toEqual([]);
    expect(show(edges.filter((e) => e.to === 'agreement' && e.event.type === 'SIGN_MEDIATION_DOCUMENT' && e.from !== 'sessionHeld'))).toEqual([]);
    const suits = edges.filter((e) => e.event.type === 'FILE_SUIT' && ['policeMediationApplied', 'policeMediating', 'sessionNoticed', 'sessionHeld'].includes(e.from));
    expect(suits.length).toBeGreaterThan(0);
    expect(show(suits.filter((e) => e.after.policeMediationEnded?.ground !== 'SUIT_FILED'))).toEqual([]);
  });

  it('has the insurer pay only on a fixed amount, to an insurer party, and enforces only a confirmed agreement, a court mediation document or a judgment (保险法 第二十三条、第六十五条；民事诉讼法 第二百零六条)', () => {
    expect(show(edges.filter((e) => e.to === 'paid' && e.from !== 'paid' && !e.before.agreedOn))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'APPLY_CLAIM' && !e.before.insurerPartyIds.includes(e.event.data.insurerPartyId)))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'ADVISE_ENFORCEMENT' && !e.before.enforceableTitle))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'APPLY_JUDICIAL_CONFIRMATION' && !['ON_SPOT', 'POLICE'].includes(e.before.agreement?.source ?? '')))).toEqual([]);
  });

  it('closes a paid case only once the insurer and every liable party have paid and no confirmation is pending (第九十三条)', () => {
    const closing = edges.filter((e) => e.event.type === 'CLOSE');
    expect(closing.length).toBeGreaterThan(0);
    expect(show(closing.filter((e) => !e.before.insurerPaidOn || !paidInFull(e.before) || e.before.confirmationPending))).toEqual([]);
  });

  it('reports how it ended in its own words on every path', () => {
    const wrong: string[] = [];
    // The paths to the final states: each replayed through decide() as the engine would.
    for (const p of shortest.filter((path) => path.state.status === 'done')) {
      const effects = replayEffects(ta, { value: 'reported', context: p.steps[0].state.context }, p, label);
      const outcomes = effects.filter((e) => e.type === 'report').map((e) => e.params.outcome);
      const last = p.steps.at(-1)!.event.type;
      const expected = stateOf(p.state) === 'quickSettled' ? ['QUICK_SETTLED'] : stateOf(p.state) === 'closed' ? [last === 'CLOSE' ? 'CLOSED' : 'UNRESOLVED'] : [];
      if (JSON.stringify(outcomes) !== JSON.stringify(expected)) wrong.push(`${stateOf(p.state)}: ${outcomes.join(',')}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final configuration reach a final state', () => {
    for (const map of Object.values(adjacency)) expect(verticesThatCannotFinish(map, BY_FACTS)).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    // Self-negotiation is taken only after a property-only accident: the openings together take everything.
    const untaken = Object.entries(adjacency).map(([name, map]) => {
      const coverage = transitionCoverage(map, description.transitions);
      expect({ name, undeclared: coverage.undeclared }).toEqual({ name, undeclared: [] });
      return new Set(coverage.untaken);
    });
    expect([...untaken[0]].filter((t) => untaken.every((u) => u.has(t)))).toEqual([]);
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(stateOf(p.state)) || best.get(stateOf(p.state))!.steps.length > p.steps.length) best.set(stateOf(p.state), p);
    expect([...best.keys()].sort()).toEqual(description.states.map((s) => s.id).sort());
    expect([...best.values()].map((p) => `${stateOf(p.state)}: ${p.steps.slice(1).map((s) => label(s.event)).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
    expect(Object.fromEntries(Object.entries(adjacency).map(([k, m]) => [k, Object.keys(m).length]))).toMatchSnapshot();
  });
});
