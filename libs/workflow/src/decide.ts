import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { CaseOpening, Effect, WorkflowDefinition, WorkflowEvent } from './definition';
import { WorkflowVersionMismatchError } from './workflow.errors';

/** What is persisted per case: the machine's state value and context. */
export interface PersistedState {
  value: string;
  context: Record<string, any>;
}

export interface Violation {
  precondition: string;
  message: string;
  messageEn: string;
  legalBasis?: string;
}

export type Decision =
  | { allowed: true; from: string; to: string; changedState: boolean; context: Record<string, any>; effects: Effect[]; final: boolean }
  | { allowed: false; reason: 'NOT_IN_STATE' | 'PRECONDITION'; state: string; allowedEvents: string[]; violations: Violation[] };

/** The initial state and context of a new case. Pure. */
export function open(def: WorkflowDefinition, opening: CaseOpening): { state: PersistedState; effects: Effect[]; final: boolean } {
  const [snapshot, actions] = initialTransition(def.machine, def.initialContext(opening));
  return { state: persist(snapshot), effects: toEffects(actions), final: snapshot.status === 'done' };
}

/**
 * Asks the machine whether `event` may happen now and, if so, what follows. Pure: actions are returned as data,
 * never executed, and nothing is written.
 */
export function decide(def: WorkflowDefinition, persisted: PersistedState, event: WorkflowEvent): Decision {
  const handled = eventsHandledIn(def, persisted);
  if (!handled.includes(event.type)) {
    return { allowed: false, reason: 'NOT_IN_STATE', state: persisted.value, allowedEvents: handled, violations: [] };
  }
  const snapshot = restore(def, persisted);
  if (!snapshot.can(event)) {
    return { allowed: false, reason: 'PRECONDITION', state: persisted.value, allowedEvents: handled, violations: violations(def, persisted, event) };
  }
  const [next, actions] = transition(def.machine, snapshot, event);
  const to = stateId(next);
  return {
    allowed: true,
    from: persisted.value,
    to,
    changedState: to !== persisted.value,
    context: next.context,
    effects: toEffects(actions),
    final: next.status === 'done',
  };
}

/** Event types the current state has transitions for (guards not evaluated: they depend on the data sent). */
export function eventsHandledIn(def: WorkflowDefinition, persisted: PersistedState): string[] {
  // Which events a state has transitions for is fixed by the machine's structure, not by context: remember it.
  const key = `${def.id}@${def.version}:${persisted.value}`;
  let handled = handledByState.get(key);
  if (!handled) {
    handled = eventsHandled(restore(def, persisted));
    handledByState.set(key, handled);
  }
  return [...handled];
}

const handledByState = new Map<string, string[]>();

function restore(def: WorkflowDefinition, persisted: PersistedState): AnyMachineSnapshot {
  try {
    return def.machine.resolveState({ value: persisted.value, context: persisted.context });
  } catch (cause) {
    throw new WorkflowVersionMismatchError(def.id, def.version, persisted.value, cause);
  }
}

function eventsHandled(snapshot: AnyMachineSnapshot): string[] {
  const types = new Set<string>();
  for (const node of snapshot._nodes) for (const type of node.ownEvents) if (!type.startsWith('xstate.')) types.add(type);
  return [...types];
}

function violations(def: WorkflowDefinition, persisted: PersistedState, event: WorkflowEvent): Violation[] {
  const names = def.events[event.type]?.preconditions ?? [];
  return names
    .filter((name) => !def.preconditions[name].check(persisted.context, event))
    .map((name) => {
      const p = def.preconditions[name];
      return { precondition: name, message: p.message, messageEn: p.messageEn, legalBasis: p.legalBasis };
    });
}

function persist(snapshot: AnyMachineSnapshot): PersistedState {
  return { value: stateId(snapshot), context: snapshot.context };
}

/** Machines here are flat, so a state value is one state id. */
function stateId(snapshot: AnyMachineSnapshot): string {
  if (typeof snapshot.value !== 'string') throw new Error(`Nested state values are not supported: ${JSON.stringify(snapshot.value)}`);
  return snapshot.value;
}

function toEffects(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  return actions
    .filter((a) => !a.type.startsWith('xstate.'))
    .map((a) => ({ type: a.type, params: (a.params ?? {}) as Record<string, any> }));
}
