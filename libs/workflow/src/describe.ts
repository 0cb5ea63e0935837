import type { AnyStateMachine } from 'xstate';
import type { DeadlineSpec, EventSpec, StateMeta, WorkflowDefinition } from './definition';

export interface StateDescription {
  id: string;
  label: string;
  labelEn: string;
  final: boolean;
  initial: boolean;
  description?: string;
  legalBasis?: string;
  deadlines: DeadlineSpec[];
}

export interface TransitionDescription {
  from: string;
  event: string;
  /** Null for a transition that records something without changing state. */
  to: string | null;
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

export function stateMeta(machine: AnyStateMachine, state: string): StateMeta {
  const node = machine.states[state];
  if (!node) throw new Error(`State ${state} does not exist in ${machine.id}`);
  return node.meta as StateMeta;
}

export function deadlinesOf(def: WorkflowDefinition, state: string): DeadlineSpec[] {
  return stateMeta(def.machine, state).deadlines ?? [];
}

export function transitionsOf(machine: AnyStateMachine): TransitionDescription[] {
  const out: TransitionDescription[] = [];
  for (const [from, node] of Object.entries(machine.states)) {
    for (const [event, defs] of node.transitions.entries()) {
      for (const t of defs) {
        out.push({ from, event, to: t.target?.[0]?.key ?? null, guards: guardNames(t.guard) });
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
  const initial = String(machine.config.initial);
  const states = Object.entries(machine.states).map(([id, node]) => {
    const meta = node.meta as StateMeta;
    return {
      id,
      label: meta.label,
      labelEn: meta.labelEn,
      final: node.type === 'final',
      initial: id === initial,
      description: node.description,
      legalBasis: meta.legalBasis,
      deadlines: meta.deadlines ?? [],
    };
  });
  const events = Object.entries(def.events).map(([type, spec]) => ({
    type,
    ...spec,
    system: spec.roles.includes('SYSTEM'),
    preconditionTexts: (spec.preconditions ?? []).map((name) => {
      const p = def.preconditions[name];
      return { name, message: p.message, messageEn: p.messageEn, legalBasis: p.legalBasis };
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

/** A Mermaid `stateDiagram-v2` of the machine: Chinese state names, edges labelled with the Chinese event name. */
export function toMermaid(
  def: WorkflowDefinition,
  states: StateDescription[] = describeWorkflow(def).states,
  transitions: TransitionDescription[] = transitionsOf(def.machine),
): string {
  const lines = ['stateDiagram-v2'];
  for (const s of states) lines.push(`  state "${s.label}" as ${s.id}`);
  const initial = states.find((s) => s.initial);
  if (initial) lines.push(`  [*] --> ${initial.id}`);
  const seen = new Set<string>();
  for (const t of transitions) {
    const target = t.to ?? t.from;
    const label = def.events[t.event]?.label ?? t.event;
    const key = `${t.from}|${target}|${label}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(`  ${t.from} --> ${target} : ${label}`);
  }
  for (const s of states) if (s.final) lines.push(`  ${s.id} --> [*]`);
  return lines.join('\n');
}

export function eventSpec(def: WorkflowDefinition, type: string): EventSpec | undefined {
  return def.events[type];
}
