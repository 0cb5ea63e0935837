import { createActor, initialTransition, type AnyActorScope, type AnyMachineSnapshot, type AnyStateMachine, type AnyStateNode, type EventObject } from 'xstate';
import type { CaseOpening, Effect, WorkflowDefinition, WorkflowEvent } from './definition';
import { activeStateNodes, stateValueFromString, stateValueToString, type MachineOf } from './state-value';
import { WorkflowVersionMismatchError } from './workflow.errors';

/** What is persisted per case: the machine's state value and context. */
export interface PersistedState {
  /** The state value as `stateValueToString` writes it: `registered`, `trial.simple`, or JSON for parallel states. */
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
  return { state: persist(def, snapshot), effects: toEffects(actions), final: snapshot.status === 'done' };
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
  const from = stateId(def, snapshot);
  const to = stateId(def, next);
  return {
    allowed: true,
    from,
    to,
    changedState: to !== from,
    context: next.context,
    effects: toEffects(actions),
    final: next.status === 'done',
  };
}

/**
 * Event types the current state has transitions for: those of every active state node and its ancestors, the most
 * specific first (guards not evaluated: they depend on the data sent). In a parallel state, the union over its
 * regions. An event a state forbids (a transition with neither target nor actions) is not handled there even when an
 * ancestor handles it, as in XState. Read from the machine's public structure, not from the snapshot's internals.
 */
export function eventsHandledIn(def: MachineOf, persisted: PersistedState): string[] {
  // Which events a state has transitions for is fixed by the machine's structure, not by context: remember it.
  let byValue = handledByState.get(def.machine);
  if (!byValue) handledByState.set(def.machine, (byValue = new Map()));
  let handled = byValue.get(persisted.value);
  if (!handled) {
    handled = eventsHandled(activeStateNodes(def, persisted.value));
    byValue.set(persisted.value, handled);
  }
  return [...handled];
}

const handledByState = new WeakMap<AnyStateMachine, Map<string, readonly string[]>>();

const scopes = new WeakMap<AnyStateMachine, AnyActorScope>();

/**
 * xstate's `transition()` with the machine's inert scope built once instead of per call: xstate builds one by
 * constructing an actor, whose constructor computes the machine's initial state — more work than the transition itself.
 * Sharing it is safe because our machines' actions are data (assign, effects), never spawned or delayed, and a
 * transition is synchronous: the executor collecting the actions is set for this call alone.
 */
type ExecutableAction = { type: string; params?: unknown };

function transition(machine: AnyStateMachine, snapshot: AnyMachineSnapshot, event: EventObject): [AnyMachineSnapshot, ExecutableAction[]] {
  let scope = scopes.get(machine);
  if (!scope) {
    const self = createActor(machine);
    scope = { self, id: '', sessionId: '', system: self.system, defer: () => {}, logger: () => {}, stopChild: () => {}, emit: () => {}, actionExecutor: () => {} } as AnyActorScope;
    scopes.set(machine, scope);
  }
  const actions: ExecutableAction[] = [];
  scope.actionExecutor = (action) => void actions.push(action);
  try {
    return [machine.transition(snapshot, event, scope), actions];
  } finally {
    scope.actionExecutor = () => {};
  }
}

function restore(def: WorkflowDefinition, persisted: PersistedState): AnyMachineSnapshot {
  try {
    return def.machine.resolveState({ value: stateValueFromString(persisted.value), context: persisted.context });
  } catch (cause) {
    throw new WorkflowVersionMismatchError(def.id, def.version, persisted.value, cause);
  }
}

/** `nodes`: the active nodes, parents before children. Each leaf looks for an event from itself up to the root. */
function eventsHandled(nodes: AnyStateNode[]): string[] {
  const active = new Set(nodes);
  const leaves = nodes.filter((n) => !Object.values(n.states).some((c) => active.has(c as AnyStateNode)));
  const types = new Set<string>();
  for (const leaf of leaves) {
    const seen = new Set<string>();
    for (let node: AnyStateNode | undefined = leaf; node; node = node.parent) {
      const own = node.ownEvents;
      for (const type of node.transitions.keys()) {
        if (seen.has(type)) continue;
        // The nearest node with transitions for the event decides: only forbidden ones there hide the ancestors'.
        seen.add(type);
        if (own.includes(type) && !type.startsWith('xstate.')) types.add(type);
      }
    }
  }
  return [...types];
}

function violations(def: WorkflowDefinition, persisted: PersistedState, event: WorkflowEvent): Violation[] {
  const names = def.events[event.type]?.preconditions ?? [];
  return names
    .filter((name) => !def.preconditions[name].check(persisted.context, event))
    .map((name) => {
      const p = def.preconditions[name];
      const sharper = p.explain?.(persisted.context, event);
      const detail = p.detail?.(persisted.context, event);
      const message = sharper?.message ?? (detail ? `${p.message}（${detail.zh}）` : p.message);
      const messageEn = sharper?.messageEn ?? (detail ? `${p.messageEn} (${detail.en})` : p.messageEn);
      return { precondition: name, message, messageEn, legalBasis: p.legalBasis };
    });
}

function persist(def: WorkflowDefinition, snapshot: AnyMachineSnapshot): PersistedState {
  return { value: stateId(def, snapshot), context: snapshot.context };
}

function stateId(def: WorkflowDefinition, snapshot: AnyMachineSnapshot): string {
  return stateValueToString(snapshot.value, def.machine);
}

function toEffects(actions: ReadonlyArray<{ type: string; params?: unknown }>): Effect[] {
  return actions
    .filter((a) => !a.type.startsWith('xstate.'))
    .map((a) => ({ type: a.type, params: (a.params ?? {}) as Record<string, any> }));
}
