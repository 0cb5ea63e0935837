import { createMachine } from 'xstate';
import { decide, eventsHandledIn, open, type Decision } from './decide';
import type { WorkflowEvent } from './definition';
import { describeWorkflow } from './describe';
import { describeNegativeMatrix } from './testing/negative-matrix';
import { nestedExample as nx, parallelExample as px } from './testing/nested-fixtures';

const context = { partyIds: ['p1', 'p2'], openedOn: '2025-03-03' };
const event = (type: string, data: Record<string, unknown> = {}): WorkflowEvent => ({
  type,
  data,
  at: '2025-03-10T02:00:00.000Z',
  today: '2025-03-10',
  deadlines: {},
  actor: { id: 'u1', role: type === 'SIMPLE_OVERDUE' ? 'SYSTEM' : 'MEDIATOR' },
});
const allowed = (d: Decision) => {
  if (!d.allowed) throw new Error(`refused: ${JSON.stringify(d)}`);
  return d;
};
const sorted = (xs: Iterable<string>) => [...xs].sort();
const ARB = (hearing: string, flags: string) => JSON.stringify({ arb: { hearing, flags } });

describe('a nested machine (a trial with two procedures)', () => {
  it('opens in its top-level initial state', () => {
    expect(open(nx, { partyIds: context.partyIds, openedOn: context.openedOn }).state).toEqual({ value: 'filed', context });
  });

  it('enters a compound state at its initial child and persists the dotted path', () => {
    expect(allowed(decide(nx, { value: 'filed', context }, event('START_TRIAL')))).toMatchObject({ from: 'filed', to: 'trial.simple', changedState: true, final: false });
  });

  it('moves between children of the compound state', () => {
    expect(allowed(decide(nx, { value: 'trial.simple', context }, event('CONVERT_TO_ORDINARY')))).toMatchObject({ from: 'trial.simple', to: 'trial.ordinary', changedState: true });
  });

  it('lets a child use the transitions of its parent, guards included', () => {
    expect(allowed(decide(nx, { value: 'trial.ordinary', context }, event('WITHDRAW')))).toMatchObject({ to: 'withdrawn', final: true });
    const refused = decide(nx, { value: 'trial.simple', context }, event('RULE'));
    expect(refused).toMatchObject({ allowed: false, reason: 'PRECONDITION', state: 'trial.simple', violations: [expect.objectContaining({ precondition: 'hasReasons' })] });
    expect(allowed(decide(nx, { value: 'trial.simple', context }, event('RULE', { reasons: '事实清楚' })))).toMatchObject({ to: 'ruled', final: true });
  });

  it('follows onDone when a final child is reached', () => {
    expect(allowed(decide(nx, { value: 'trial.ordinary', context }, event('SETTLE')))).toMatchObject({ from: 'trial.ordinary', to: 'settled', final: true });
  });

  it('refuses in a child what neither it nor its ancestors handle, listing what they do', () => {
    expect(decide(nx, { value: 'trial.ordinary', context }, event('CONVERT_TO_ORDINARY'))).toEqual({
      allowed: false,
      reason: 'NOT_IN_STATE',
      state: 'trial.ordinary',
      allowedEvents: ['SETTLE', 'RULE', 'WITHDRAW'],
      violations: [],
    });
  });

  it('answers eventsHandledIn with the most specific state’s events first', () => {
    expect(eventsHandledIn(nx, { value: 'trial.simple', context })).toEqual(['CONVERT_TO_ORDINARY', 'SIMPLE_OVERDUE', 'SETTLE', 'RULE', 'WITHDRAW']);
    expect(eventsHandledIn(nx, { value: 'settled', context })).toEqual([]);
  });
});

describe('a parallel machine (an arbitration whose hearing and risk flag move independently)', () => {
  it('persists a parallel value as JSON, regions in declaration order', () => {
    expect(allowed(decide(px, { value: 'applied', context }, event('ACCEPT')))).toMatchObject({ to: ARB('noticed', 'none'), changedState: true });
  });

  it('moves one region and keeps the other', () => {
    expect(allowed(decide(px, { value: ARB('noticed', 'none'), context }, event('REPORT_RISK')))).toMatchObject({ from: ARB('noticed', 'none'), to: ARB('noticed', 'riskReported') });
    expect(allowed(decide(px, { value: ARB('noticed', 'riskReported'), context }, event('HEAR')))).toMatchObject({ to: ARB('heard', 'riskReported') });
  });

  it('writes one text per configuration even from a value stored with its regions in another order', () => {
    const reversed = JSON.stringify({ arb: { flags: 'none', hearing: 'noticed' } });
    expect(allowed(decide(px, { value: reversed, context }, event('HEAR')))).toMatchObject({ from: ARB('noticed', 'none'), to: ARB('heard', 'none') });
  });

  it('handles the union of what the regions and the parallel state handle', () => {
    expect(sorted(eventsHandledIn(px, { value: ARB('heard', 'none'), context }))).toEqual(['AWARD', 'REPORT_RISK', 'WITHDRAW']);
    expect(decide(px, { value: ARB('heard', 'none'), context }, event('HEAR'))).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE' });
    expect(allowed(decide(px, { value: ARB('heard', 'riskReported'), context }, event('AWARD')))).toMatchObject({ to: 'awarded', final: true });
  });
});

describe('eventsHandledIn reads the machine’s structure', () => {
  // A child that forbids an event its parent handles (XState: a transition with neither target nor actions).
  const machine = createMachine({
    id: 'fb',
    initial: 'outer',
    states: {
      outer: {
        initial: 'open',
        on: { CLOSE: { target: 'closed' } },
        states: { open: { on: { LOCK: { target: 'locked' } } }, locked: { on: { CLOSE: {} } } },
      },
      closed: { type: 'final' },
    },
  });
  const def = { id: 'fb', version: 1, machine };

  it('does not offer an event a state forbids even when an ancestor handles it', () => {
    expect(eventsHandledIn(def, { value: 'outer.open', context: {} })).toEqual(['LOCK', 'CLOSE']);
    expect(eventsHandledIn(def, { value: 'outer.locked', context: {} })).toEqual([]);
    expect(machine.resolveState({ value: { outer: 'locked' }, context: {} }).can({ type: 'CLOSE' })).toBe(false);
  });
});

describe('describeWorkflow() of nested and parallel machines', () => {
  const n = describeWorkflow(nx);
  const p = describeWorkflow(px);

  it('lists every state node with its dotted id, parent and type', () => {
    expect(n.states.map((s) => [s.id, s.parent, s.type, s.initial])).toEqual([
      ['filed', null, 'atomic', true],
      ['trial', null, 'compound', false],
      ['trial.simple', 'trial', 'atomic', true],
      ['trial.ordinary', 'trial', 'atomic', false],
      ['trial.settledInCourt', 'trial', 'final', false],
      ['ruled', null, 'final', false],
      ['settled', null, 'final', false],
      ['withdrawn', null, 'final', false],
    ]);
    expect(p.states.map((s) => [s.id, s.parent, s.type, s.initial])).toEqual([
      ['applied', null, 'atomic', true],
      ['arb', null, 'parallel', false],
      ['arb.hearing', 'arb', 'compound', false],
      ['arb.hearing.noticed', 'arb.hearing', 'atomic', true],
      ['arb.hearing.heard', 'arb.hearing', 'atomic', false],
      ['arb.flags', 'arb', 'compound', false],
      ['arb.flags.none', 'arb.flags', 'atomic', true],
      ['arb.flags.riskReported', 'arb.flags', 'atomic', false],
      ['awarded', null, 'final', false],
      ['withdrawn', null, 'final', false],
    ]);
    expect(n.states.find((s) => s.id === 'filed')!.tags).toEqual(['inbox']);
    expect(n.states.find((s) => s.id === 'trial')!.deadlines.map((d) => d.id)).toEqual(['D-N2']);
  });

  it('lists transitions from every node, targets as dotted ids, onDone included', () => {
    expect(n.transitions.map((t) => `${t.from} ${t.event} ${t.targets.join(',')}`)).toEqual([
      'filed START_TRIAL trial',
      'filed WITHDRAW withdrawn',
      'trial RULE ruled',
      'trial WITHDRAW withdrawn',
      'trial xstate.done.state.nx.trial settled',
      'trial.simple CONVERT_TO_ORDINARY trial.ordinary',
      'trial.simple SIMPLE_OVERDUE trial.ordinary',
      'trial.simple SETTLE trial.settledInCourt',
      'trial.ordinary SETTLE trial.settledInCourt',
    ]);
    expect(n.transitions.find((t) => t.event === 'RULE')).toEqual({ from: 'trial', event: 'RULE', to: 'ruled', targets: ['ruled'], guards: ['hasReasons'] });
  });

  it('draws compound states as composite states, each edge in the innermost composite holding both ends', () => {
    expect(n.mermaid.split('\n')).toEqual([
      'stateDiagram-v2',
      '  state "已立案" as filed',
      '  state "审理" as trial {',
      '    state "简易程序" as trial__simple',
      '    state "普通程序" as trial__ordinary',
      '    state "当庭调解" as trial__settledInCourt',
      '    [*] --> trial__simple',
      '    trial__simple --> trial__ordinary : 转普通程序',
      '    trial__simple --> trial__ordinary : 简易程序审限届满',
      '    trial__simple --> trial__settledInCourt : 当庭调解',
      '    trial__ordinary --> trial__settledInCourt : 当庭调解',
      '    trial__settledInCourt --> [*]',
      '  }',
      '  state "已判决" as ruled',
      '  state "调解结案" as settled',
      '  state "已撤诉" as withdrawn',
      '  [*] --> filed',
      '  filed --> trial : 开庭',
      '  filed --> withdrawn : 撤诉',
      '  trial --> ruled : 判决',
      '  trial --> withdrawn : 撤诉',
      '  trial --> settled : （完成）',
      '  ruled --> [*]',
      '  settled --> [*]',
      '  withdrawn --> [*]',
    ]);
  });

  it('draws the regions of a parallel state as composites separated by --', () => {
    expect(p.mermaid.split('\n')).toEqual([
      'stateDiagram-v2',
      '  state "已申请" as applied',
      '  state "仲裁" as arb {',
      '    state "庭审" as arb__hearing {',
      '      state "已通知开庭" as arb__hearing__noticed',
      '      state "已开庭" as arb__hearing__heard',
      '      [*] --> arb__hearing__noticed',
      '      arb__hearing__noticed --> arb__hearing__heard : 开庭审理',
      '    }',
      '    --',
      '    state "风险" as arb__flags {',
      '      state "无风险" as arb__flags__none',
      '      state "已报告风险" as arb__flags__riskReported',
      '      [*] --> arb__flags__none',
      '      arb__flags__none --> arb__flags__riskReported : 报告风险',
      '      arb__flags__riskReported --> arb__flags__none : 化解风险',
      '    }',
      '  }',
      '  state "已裁决" as awarded',
      '  state "已撤回" as withdrawn',
      '  [*] --> applied',
      '  applied --> arb : 受理',
      '  arb --> awarded : 裁决',
      '  arb --> withdrawn : 撤回申请',
      '  awarded --> [*]',
      '  withdrawn --> [*]',
    ]);
  });
});

describe('nx', () => {
  describeNegativeMatrix({
    def: nx,
    legal: [
      ['filed', 'START_TRIAL', 'trial', []],
      ['filed', 'WITHDRAW', 'withdrawn', []],
      ['trial', 'RULE', 'ruled', ['hasReasons']],
      ['trial', 'WITHDRAW', 'withdrawn', []],
      ['trial.simple', 'CONVERT_TO_ORDINARY', 'trial.ordinary', []],
      ['trial.simple', 'SIMPLE_OVERDUE', 'trial.ordinary', []],
      ['trial.simple', 'SETTLE', 'trial.settledInCourt', []],
      ['trial.ordinary', 'SETTLE', 'trial.settledInCourt', []],
    ],
    finalStates: ['ruled', 'settled', 'withdrawn'],
    stateCount: 7,
    eventTypeCount: 6,
    contextFor: () => context,
    event: (type) => event(type),
  });
});

describe('px', () => {
  describeNegativeMatrix({
    def: px,
    legal: [
      ['applied', 'ACCEPT', 'arb', []],
      ['arb', 'AWARD', 'awarded', []],
      ['arb', 'WITHDRAW', 'withdrawn', []],
      ['arb.hearing.noticed', 'HEAR', 'arb.hearing.heard', []],
      ['arb.flags.none', 'REPORT_RISK', 'arb.flags.riskReported', []],
      ['arb.flags.riskReported', 'RESOLVE_RISK', 'arb.flags.none', []],
    ],
    finalStates: ['awarded', 'withdrawn'],
    stateCount: 7,
    eventTypeCount: 6,
    contextFor: () => context,
    event: (type) => event(type),
  });
});
