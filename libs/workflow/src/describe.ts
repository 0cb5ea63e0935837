import type { AnyStateMachine, AnyStateNode, StateValue, TransitionDefinition } from 'xstate';
import type { DeadlineSpec, EventSpec, StateMeta, WorkflowDefinition } from './definition';
import { stateNodeById, stateNodeId, stateValueFromString, type MachineOf } from './state-value';

export interface StateDescription {
  /** Dotted path from the root: `registered`, `trial.simple`. */
  id: string;
  /** Id of the compound or parallel state this one is a child of; null at the top level. */
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  label: string;
  labelEn: string;
  final: boolean;
  /** The state its parent enters first (at the top level: the machine's initial state). Never set in parallel regions. */
  initial: boolean;
  description?: string;
  legalBasis?: string;
  deadlines: DeadlineSpec[];
  /** XState tags, e.g. `inbox`. */
  tags: string[];
}

export interface TransitionDescription {
  /** Dotted id of the state that declares the transition (an ancestor's transition applies to all its descendants). */
  from: string;
  /** The event type; `xstate.done.state.…` for `onDone`, '' for an eventless (`always`) transition. */
  event: string;
  /** Null for a transition that records something without changing state; else the first of `targets`. */
  to: string | null;
  /** Dotted ids of every target (several only for a transition into several parallel regions at once). */
  targets: string[];
  guards: string[];
}

export interface EventDescription extends EventSpec {
  type: string;
  system: boolean;
  preconditionTexts: { name: string; message: string; messageEn: string; legalBasis?: string }[];
}

export interface WorkflowDescription {
  id: string;
  version: number;
  title: string;
  titleEn: string;
  legalBasis: string;
  initial: string;
  states: StateDescription[];
  events: EventDescription[];
  transitions: TransitionDescription[];
  mermaid: string;
}

/** Events XState raises itself (`onDone`, eventless transitions): no one sends them, and they have no EventSpec. */
export const isXStateEvent = (type: string): boolean => type === '' || type.startsWith('xstate.');

/**
 * The `meta` of a state node. `state` is its dotted id (`trial.simple`), which is also the persisted value of an
 * atomic state; for a persisted value with parallel regions, the meta of the innermost state containing all of them.
 */
export function stateMeta(machine: AnyStateMachine, state: string): StateMeta {
  const node = state.startsWith('{') ? enclosing(machine, state) : stateNodeById(machine, state);
  if (!node || node === machine.root) throw new Error(`State ${state} does not exist in ${machine.id}`);
  return node.meta as StateMeta;
}

/** The innermost node all active states of a value lie in: follow the value while it names a single child. */
function enclosing(machine: AnyStateMachine, value: string): AnyStateNode | undefined {
  let node: AnyStateNode | undefined = machine.root;
  let v: StateValue;
  try {
    v = stateValueFromString(value);
  } catch {
    return undefined;
  }
  while (node && typeof v !== 'string' && Object.keys(v).length === 1) {
    const [key] = Object.keys(v);
    node = node.states[key] as AnyStateNode | undefined;
    v = v[key]!;
  }
  return node && typeof v === 'string' ? (node.states[v] as AnyStateNode | undefined) : node;
}

/**
 * The deadlines a state node declares (not those of its ancestors: `activeStateIds` gives every node a value has
 * active). `state` is read as by `stateMeta`.
 */
export function deadlinesOf(def: MachineOf, state: string): DeadlineSpec[] {
  // A node without `meta` (a region that is only a container, say) declares nothing.
  return (stateMeta(def.machine, state) as StateMeta | undefined)?.deadlines ?? [];
}

/** Every state node except the root and history pseudo-states, parents before children, in declaration order. */
function stateNodes(machine: AnyStateMachine): AnyStateNode[] {
  const out: AnyStateNode[] = [];
  const walk = (node: AnyStateNode) => {
    for (const c of Object.values(node.states) as AnyStateNode[]) {
      if (c.type === 'history') continue;
      out.push(c);
      walk(c);
    }
  };
  walk(machine.root);
  return out;
}

/** A history pseudo-state stands for its parent in descriptions. */
const targetId = (node: AnyStateNode) => stateNodeId(node.type === 'history' && node.parent ? node.parent : node);

/** The transitions every state node declares, `onDone` and eventless ones included, targets as dotted ids. */
export function transitionsOf(machine: AnyStateMachine): TransitionDescription[] {
  const out: TransitionDescription[] = [];
  for (const node of stateNodes(machine)) {
    const from = stateNodeId(node);
    const all: [string, TransitionDefinition<any, any>[]][] = [...node.transitions.entries(), ...(node.always?.length ? [['', node.always] as [string, TransitionDefinition<any, any>[]]] : [])];
    for (const [event, defs] of all) {
      for (const t of defs) {
        const targets = (t.target ?? []).map(targetId);
        out.push({ from, event, to: targets[0] ?? null, targets, guards: guardNames(t.guard) });
      }
    }
  }
  return out;
}

function guardNames(guard: unknown): string[] {
  if (!guard) return [];
  if (typeof guard === 'string') return [guard];
  const g = guard as { type?: string; guards?: unknown[]; params?: { guards?: unknown[] } };
  const nested = g.guards ?? g.params?.guards;
  if (Array.isArray(nested)) return nested.flatMap(guardNames);
  return g.type ? [g.type] : [];
}

export function describeWorkflow(def: WorkflowDefinition): WorkflowDescription {
  const machine = def.machine;
  const initial = machine.root.initial?.target[0]?.key ?? '';
  const states = stateNodes(machine).map((node): StateDescription => {
    const meta = (node.meta ?? {}) as Partial<StateMeta>;
    const parent = node.parent && node.parent !== machine.root ? node.parent : null;
    const parentNode = node.parent!;
    return {
      id: stateNodeId(node),
      parent: parent ? stateNodeId(parent) : null,
      type: node.type as StateDescription['type'],
      label: meta.label ?? node.key,
      labelEn: meta.labelEn ?? node.key,
      final: node.type === 'final',
      initial: parentNode.type !== 'parallel' && parentNode.initial?.target.some((t) => t === node) === true,
      description: node.description,
      legalBasis: meta.legalBasis,
      deadlines: meta.deadlines ?? [],
      tags: [...node.tags],
    };
  });
  const events = Object.entries(def.events).map(([type, spec]) => ({
    type,
    ...spec,
    system: spec.roles.includes('SYSTEM'),
    preconditionTexts: (spec.preconditions ?? []).map((name) => {
      const p = def.preconditions[name];
      return { name, message: p.rule ?? p.message, messageEn: p.ruleEn ?? p.messageEn, legalBasis: p.legalBasis };
    }),
  }));
  const transitions = transitionsOf(machine);
  return {
    id: def.id,
    version: def.version,
    title: def.title,
    titleEn: def.titleEn,
    legalBasis: def.legalBasis,
    initial,
    states,
    events,
    transitions,
    mermaid: toMermaid(def, states, transitions),
  };
}

/** The id a state has in the Mermaid text: Mermaid ids cannot hold dots, so `trial.simple` is `trial__simple`. */
export const mermaidStateId = (id: string): string => id.split('.').join('__');

/**
 * A Mermaid `stateDiagram-v2` of the machine: Chinese state names, edges labelled with the Chinese event name.
 * Compound states are composite states (`state "审理" as trial { … }`) with their own `[*] -->` initial state and
 * `--> [*]` final states; a parallel state's regions are composites separated by `--`. Each edge is drawn inside
 * the innermost composite that holds both its ends.
 */
export function toMermaid(
  def: WorkflowDefinition,
  states: StateDescription[] = describeWorkflow(def).states,
  transitions: TransitionDescription[] = transitionsOf(def.machine),
): string {
  const m = mermaidStateId;
  const childrenOf = (parent: string | null) => states.filter((s) => s.parent === parent);
  // The innermost state holding both ends of an edge (null: the top level).
  const container = (a: string, b: string): string | null => {
    const pa = a.split('.');
    const pb = b.split('.');
    let n = 0;
    while (n < pa.length - 1 && n < pb.length - 1 && pa[n] === pb[n]) n++;
    return n === 0 ? null : pa.slice(0, n).join('.');
  };
  const edges = new Map<string | null, string[]>();
  const seen = new Set<string>();
  for (const t of transitions) {
    const label = def.events[t.event]?.label ?? (t.event === '' ? '（自动）' : t.event.startsWith('xstate.done.') ? '（完成）' : t.event);
    for (const target of t.targets.length ? t.targets : [t.from]) {
      const line = `${m(t.from)} --> ${m(target)} : ${label}`;
      if (seen.has(line)) continue;
      seen.add(line);
      const at = container(t.from, target);
      edges.set(at, [...(edges.get(at) ?? []), line]);
    }
  }
  const lines = ['stateDiagram-v2'];
  const draw = (parent: StateDescription | null, indent: string) => {
    const children = childrenOf(parent?.id ?? null);
    children.forEach((s, i) => {
      if (parent?.type === 'parallel' && i > 0) lines.push(`${indent}--`);
      if (childrenOf(s.id).length === 0) return void lines.push(`${indent}state "${s.label}" as ${m(s.id)}`);
      lines.push(`${indent}state "${s.label}" as ${m(s.id)} {`);
      draw(s, `${indent}  `);
      lines.push(`${indent}}`);
    });
    const initial = children.find((s) => s.initial);
    if (initial) lines.push(`${indent}[*] --> ${m(initial.id)}`);
    for (const line of edges.get(parent?.id ?? null) ?? []) lines.push(`${indent}${line}`);
    for (const s of children) if (s.final) lines.push(`${indent}${m(s.id)} --> [*]`);
  };
  draw(null, '  ');
  return lines.join('\n');
}

export function eventSpec(def: WorkflowDefinition, type: string): EventSpec | undefined {
  return def.events[type];
}
