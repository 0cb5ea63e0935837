import type { StateValue } from 'xstate';
import { ALL_WORKFLOWS } from './index';
import { deadlinesOf, stateMeta } from './describe';
import { activeStateIds, stateConfigurations, stateLabel, stateNodeChange, stateValueFromString, stateValueToString } from './state-value';
import { nestedExample as nx, parallelExample as px } from './testing/nested-fixtures';
import { WorkflowVersionMismatchError } from './workflow.errors';

const pm = ALL_WORKFLOWS.find((d) => d.id === 'pm')!;
const ARB = '{"arb":{"hearing":"noticed","flags":"riskReported"}}';

describe('stateValueToString / stateValueFromString', () => {
  it.each<[StateValue, string]>([
    ['registered', 'registered'],
    [{ trial: 'simple' }, 'trial.simple'],
    [{ entrusted: 'extended' }, 'entrusted.extended'],
    [{ ct: { trial: 'ordinary' } }, 'ct.trial.ordinary'],
    [{ arb: { hearing: 'noticed', flags: 'riskReported' } }, ARB],
    // Atomic regions of a parallel state have the empty object as value.
    [{ p: { left: {}, right: {} } }, '{"p":{"left":{},"right":{}}}'],
    [{ p: { left: {} } }, '{"p":{"left":{}}}'],
  ])('writes %j as %s, and reads it back', (value, text) => {
    expect(stateValueToString(value)).toBe(text);
    expect(stateValueFromString(text)).toEqual(value);
  });

  it('round-trips every configuration of every machine, flat, nested and parallel', () => {
    for (const def of [...ALL_WORKFLOWS, nx, px]) {
      for (const text of stateConfigurations(def.machine)) {
        expect(stateValueToString(stateValueFromString(text), def.machine)).toBe(text);
        const value = def.machine.resolveState({ value: stateValueFromString(text), context: {} }).value;
        expect(stateValueToString(value, def.machine)).toBe(text);
      }
    }
  });

  it('keeps the plain ids of a flat machine: existing data is unchanged', () => {
    const flat = ALL_WORKFLOWS.filter((def) => Object.values(def.machine.states).every((node) => Object.keys(node.states).length === 0));
    expect(flat.map((d) => d.id)).toEqual(expect.arrayContaining(['pm', 'jc']));
    for (const def of flat) expect(stateConfigurations(def.machine)).toEqual(Object.keys(def.machine.states));
  });

  it('given the machine, writes regions in declaration order whatever order the value has', () => {
    const reversed = { arb: { flags: 'riskReported', hearing: 'noticed' } };
    expect(stateValueToString(reversed)).toBe('{"arb":{"flags":"riskReported","hearing":"noticed"}}');
    expect(stateValueToString(reversed, px.machine)).toBe(ARB);
  });

  it.each(['', 'trial.', '.simple', 'a..b', '{"a":1}', '{"a":["b"]}', '{', '{}x'])('refuses %j', (text) => {
    expect(() => stateValueFromString(text)).toThrow();
  });
});

describe('stateConfigurations', () => {
  it('gives each atomic state with its ancestors, and every combination of parallel regions', () => {
    expect(stateConfigurations(nx.machine)).toEqual(['filed', 'trial.simple', 'trial.ordinary', 'trial.settledInCourt', 'ruled', 'settled', 'withdrawn']);
    expect(stateConfigurations(px.machine)).toEqual([
      'applied',
      '{"arb":{"hearing":"noticed","flags":"none"}}',
      ARB,
      '{"arb":{"hearing":"heard","flags":"none"}}',
      '{"arb":{"hearing":"heard","flags":"riskReported"}}',
      'awarded',
      'withdrawn',
    ]);
  });
});

describe('activeStateIds', () => {
  it('is the state itself in a flat machine', () => {
    for (const id of Object.keys(pm.machine.states)) expect(activeStateIds(pm, id)).toEqual([id]);
  });

  it('lists every active node, ancestors first, as dotted ids', () => {
    expect(activeStateIds(nx, 'trial.simple')).toEqual(['trial', 'trial.simple']);
    expect(activeStateIds(px, ARB)).toEqual(['arb', 'arb.hearing', 'arb.hearing.noticed', 'arb.flags', 'arb.flags.riskReported']);
  });

  it('resolves a compound state named alone to its initial descendants, as XState does', () => {
    expect(activeStateIds(nx, 'trial')).toEqual(['trial', 'trial.simple']);
    expect(activeStateIds(px, 'arb')).toEqual(['arb', 'arb.hearing', 'arb.hearing.noticed', 'arb.flags', 'arb.flags.none']);
  });

  it('throws WorkflowVersionMismatchError for a state the machine does not have', () => {
    expect(() => activeStateIds(nx, 'trial.summary')).toThrow(WorkflowVersionMismatchError);
    expect(() => activeStateIds(nx, 'trial..simple')).toThrow(WorkflowVersionMismatchError);
    expect(() => activeStateIds(px, '{"arb":{"hearing":"adjourned"}}')).toThrow(WorkflowVersionMismatchError);
    expect(() => activeStateIds({ machine: nx.machine }, 'nowhere')).toThrow(/nowhere/);
  });
});

describe('stateNodeChange', () => {
  it('enters the compound state and its initial child together', () => {
    expect(stateNodeChange(nx, 'filed', 'trial.simple')).toEqual({ before: ['filed'], after: ['trial', 'trial.simple'], entered: ['trial', 'trial.simple'], exited: ['filed'] });
  });

  it('neither exits nor enters the parent on a move between two of its children', () => {
    expect(stateNodeChange(nx, 'trial.simple', 'trial.ordinary')).toMatchObject({ entered: ['trial.ordinary'], exited: ['trial.simple'] });
  });

  it('changes one region of a parallel state without touching the other', () => {
    expect(stateNodeChange(px, '{"arb":{"hearing":"noticed","flags":"none"}}', ARB)).toMatchObject({ entered: ['arb.flags.riskReported'], exited: ['arb.flags.none'] });
    expect(stateNodeChange(px, ARB, 'awarded')).toMatchObject({ entered: ['awarded'], exited: ['arb', 'arb.hearing', 'arb.hearing.noticed', 'arb.flags', 'arb.flags.riskReported'] });
  });

  it('enters and exits nothing when the configuration stays', () => {
    expect(stateNodeChange(nx, 'trial.simple', 'trial.simple')).toMatchObject({ entered: [], exited: [] });
  });
});

describe('stateLabel', () => {
  it('is the label of a flat state', () => {
    for (const id of Object.keys(pm.machine.states)) expect(stateLabel(pm, id)).toBe(stateMeta(pm.machine, id).label);
  });

  it('joins the labels of a nested state from the top down', () => {
    expect(stateLabel(nx, 'trial.simple')).toBe('审理 · 简易程序');
    expect(stateLabel(nx, 'trial.simple', 'labelEn')).toBe('Trial · Simple procedure');
    expect(stateLabel(nx, 'trial')).toBe('审理');
  });

  it('names what is active in each region of a parallel state, leaving the regions’ own labels out', () => {
    expect(stateLabel(px, ARB)).toBe('仲裁 · 已通知开庭；已报告风险');
    expect(stateLabel(px, ARB, 'labelEn')).toBe('Arbitration · Hearing noticed; Risk reported');
  });
});

describe('stateMeta and deadlinesOf on nested states', () => {
  it('read a node by its dotted id', () => {
    expect(stateMeta(nx.machine, 'trial.ordinary').label).toBe('普通程序');
    expect(deadlinesOf(nx, 'trial').map((d) => d.id)).toEqual(['D-N2']);
    expect(deadlinesOf(nx, 'trial.simple').map((d) => d.id)).toEqual(['D-N3']);
    expect(deadlinesOf(px, 'arb.flags.riskReported').map((d) => d.id)).toEqual(['D-P2']);
  });

  it('read the innermost state holding every region for a parallel value', () => {
    expect(stateMeta(px.machine, ARB).label).toBe('仲裁');
    expect(deadlinesOf(px, ARB).map((d) => d.id)).toEqual(['D-P1']);
  });

  it('throw for a state the machine does not have', () => {
    expect(() => stateMeta(nx.machine, 'trial.summary')).toThrow(/trial\.summary/);
    expect(() => stateMeta(px.machine, '{"nowhere":{"a":"b","c":"d"}}')).toThrow(/nowhere/);
  });
});
