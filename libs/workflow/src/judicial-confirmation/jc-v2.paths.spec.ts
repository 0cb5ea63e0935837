import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getSimplePaths, type AdjacencyMap, type StatePath } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import type { JcV2Context } from './jc-v2.context';
import { judicialConfirmationV2 as jc2 } from './jc-v2.workflow';

/*
 * Every legal path of 司法确认 v2 from the ruling on, generated from the machine with sample events on both sides of
 * each objection window. Vertices are keyed by state and by whether the parties' window is kept for after a review,
 * the one fact of the context a guard reads for routing.
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const SERVED_ON = '2025-03-20';
const D_JC4 = '2025-04-07';
const CONFIRMED: JcV2Context = {
  ...jc2.initialContext({ partyIds: ['p1', 'p2'], openedOn: '2025-03-01', input: { agreementEffectiveOn: '2025-02-25', performanceDueOn: '2025-04-30' } }),
  registeredOn: '2025-03-05',
};

function event(type: string, data: Record<string, unknown>, today: string, deadlines: Record<string, string> = {}): WorkflowEvent {
  const role = jc2.events[type].roles[0];
  return { type, data, at: `${today}T03:00:00.000Z`, today, deadlines, actor: { id: `u-${role.toLowerCase()}`, role } };
}
const RULING = '（2025）浙0102民特12号之一';
const INSIDE = '2025-03-25';
const AFTER = '2025-04-08';
const objection = (knewOn: string, today: string, deadlines: Record<string, string> = {}) =>
  event('FILE_INTERESTED_PERSON_OBJECTION', { objector: '王五', knewOn, grounds: '协议处分了共有财产' }, today, deadlines);

const SAMPLES: WorkflowEvent[] = [
  event('SERVE_RULING', { servedOn: SERVED_ON }, SERVED_ON),
  event('FILE_OBJECTION', { partyIds: ['p2'], grounds: '受到胁迫' }, INSIDE, { 'D-JC4': D_JC4 }),
  event('OBJECTION_PERIOD_ENDED', {}, AFTER),
  objection('2025-03-22', INSIDE, { 'D-JC4': D_JC4 }),
  objection('2025-03-22', '2025-06-01'),
  // Too late, and dated in the future: never taken.
  objection('2024-09-01', '2025-06-01'),
  objection('2025-06-02', '2025-06-01'),
  ...[INSIDE, AFTER].flatMap((today) => [
    event('REJECT_OBJECTION', { rulingNo: RULING }, today),
    event('AMEND_RULING', { rulingNo: RULING, changes: '删除涉及共有财产的条款' }, today),
    event('FILE_OBJECTION', { partyIds: ['p1'], grounds: '一并异议' }, today),
  ]),
  event('REVOKE_RULING', { rulingNo: RULING }, INSIDE),
  event('APPLY_ENFORCEMENT', { applicantPartyIds: ['p1'], appliedOn: '2025-05-06' }, '2025-05-06'),
  event('RECORD_PERFORMED', { performedOn: '2025-04-28' }, '2025-04-28'),
];
const FORBIDDEN = new Set([SAMPLES[5], SAMPLES[6]]);

const key = (s: AnyMachineSnapshot) => `${String(s.value)}${s.context.partiesObjectionDueOn ? '+partiesWindow' : ''}`;
const traversal = { events: SAMPLES, filterEvents: (s: AnyMachineSnapshot, e: WorkflowEvent) => s.can(e), serializeState: key };
const fromConfirmed = () => jc2.machine.resolveState({ value: 'confirmed', context: CONFIRMED });

const FINAL = new Set(describeWorkflow(jc2).states.filter((s) => s.final).map((s) => s.id));
const steps = (p: Path) => p.steps.slice(1).map((step, i) => ({ from: p.steps[i].state, to: step.state, event: step.event }));

interface Edge {
  from: AnyMachineSnapshot;
  event: WorkflowEvent;
  to: AnyMachineSnapshot;
}

const next = (transitions: object) => Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[];

let paths: Path[];
let adjacency: AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>;
/** Every transition taken from some reachable vertex, loops back into the parties' window included. */
let edges: Edge[];
beforeAll(() => {
  paths = getSimplePaths(jc2.machine, { ...traversal, fromState: fromConfirmed() });
  adjacency = getAdjacencyMap(jc2.machine, { ...traversal, fromState: fromConfirmed() });
  edges = Object.values(adjacency).flatMap(({ state, transitions }) => next(transitions).map((t) => ({ from: state, event: t.event, to: t.state })));
});

describe('judicial confirmation (jc) v2: generated paths of the objection stage', () => {
  it('reaches every state of the stage, and no other', () => {
    expect([...new Set(paths.map((p) => String(p.state.value)))].sort()).toEqual(['confirmed', 'enforceable', 'enforcementApplied', 'objectionReview', 'objectionWindow', 'performed', 'revoked'].sort());
  });

  it('never takes a late or future-dated interested person’s objection (民诉解释 第三百七十二条)', () => {
    expect(paths.flatMap(steps).filter((s) => FORBIDDEN.has(s.event))).toEqual([]);
  });

  it('returns to the parties’ window after a review only while it runs, and only for an objection filed inside it', () => {
    const back = edges.filter((s) => s.from.value === 'objectionReview' && s.to.value === 'objectionWindow');
    expect(back.length).toBeGreaterThan(0);
    for (const s of back) {
      expect(s.from.context.partiesObjectionDueOn).toBe(D_JC4);
      expect(s.event.today <= D_JC4).toBe(true);
    }
  });

  it('makes the ruling enforceable only when the parties’ window ended or their objection was decided', () => {
    const into = edges.filter((e) => e.to.value === 'enforceable');
    expect(into.length).toBeGreaterThan(0);
    const early = into.filter((e) => e.event.type !== 'OBJECTION_PERIOD_ENDED' && e.from.context.partiesObjectionDueOn && e.event.today <= e.from.context.partiesObjectionDueOn);
    expect(early.map((e) => `${key(e.from)} --${e.event.type}@${e.event.today}-->`)).toEqual([]);
  });

  it('keeps the parties’ window only for an interested person’s objection filed inside it', () => {
    const kept = edges.filter((e) => !e.from.context.partiesObjectionDueOn && e.to.context.partiesObjectionDueOn);
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.map((e) => `${key(e.from)} --${e.event.type}--> ${e.event.deadlines['D-JC4']}`)).toEqual(kept.map(() => `objectionWindow --FILE_INTERESTED_PERSON_OBJECTION--> ${D_JC4}`));
  });

  it('lets every state of the stage reach a final state', () => {
    const done = new Set(Object.entries(adjacency).filter(([, v]) => FINAL.has(String(v.state.value))).map(([k]) => k));
    for (let grew = true; grew; ) {
      grew = false;
      for (const [k, { transitions }] of Object.entries(adjacency)) {
        if (done.has(k)) continue;
        if (next(transitions).some((t) => done.has(key(t.state)))) (done.add(k), (grew = true));
      }
    }
    expect(Object.keys(adjacency).filter((k) => !done.has(k))).toEqual([]);
  });

  it('keeps every transition of the stage (snapshot)', () => {
    expect([...new Set(edges.map((e) => `${key(e.from)} --${e.event.type}--> ${key(e.to)}`))].sort()).toMatchSnapshot();
  });
});
