import type { AnyMachineSnapshot } from 'xstate';
import type { AdjacencyMap, StatePath } from 'xstate/graph';
import { decide, type PersistedState } from '../decide';
import type { Effect, WorkflowDefinition, WorkflowEvent } from '../definition';

/** A path as `getSimplePaths` / `getShortestPaths` from `xstate/graph` generate it. */
export type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

/** One step of a path: the state it left, the state it reached, and the event sent. */
export interface PathEntry {
  from: string;
  to: string;
  event: WorkflowEvent;
}

const stateValue = (s: AnyMachineSnapshot) => String(s.value);

/** The steps of a path, states named by `stateOf` (by default the state value as text). */
export function pathEntries(p: Path, stateOf: (s: AnyMachineSnapshot) => string = stateValue): PathEntry[] {
  return p.steps.slice(1).map((step, i) => ({ from: stateOf(p.steps[i].state), to: stateOf(step.state), event: step.event }));
}

/** Steps as `from --label--> to` lines, each once, for readable failure messages. */
export function showEntries(entries: PathEntry[], label: (e: WorkflowEvent) => string): string[] {
  return [...new Set(entries.map((e) => `${e.from} --${label(e.event)}--> ${e.to}`))];
}

/**
 * Replays a path through `decide()` from `start`, as the engine would, and collects the effects; throws, naming the
 * path, when `decide()` refuses a step the machine took.
 */
export function replayEffects(def: WorkflowDefinition, start: PersistedState, p: Path, label: (e: WorkflowEvent) => string): Effect[] {
  let state = start;
  const effects: Effect[] = [];
  for (const { event } of pathEntries(p)) {
    const d = decide(def, state, event);
    if (!d.allowed) throw new Error(`${p.steps.slice(1).map((s) => label(s.event)).join(' → ')}: decide() refused ${label(event)} in ${state.value}`);
    effects.push(...d.effects);
    state = { value: d.to, context: d.context };
  }
  return effects;
}

/** An adjacency map as `getAdjacencyMap` from `xstate/graph` builds it, keyed by the traversal's vertex keys. */
type Adjacency = AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>;

/**
 * The vertices of a traversal from which no sequence of events reaches a final state (by default: the machine is
 * done there). `key` must be the traversal's own vertex key, so a transition's target is found among the vertices.
 */
export function verticesThatCannotFinish(
  adjacency: Adjacency,
  key: (state: AnyMachineSnapshot) => string,
  isFinal: (vertex: string, state: AnyMachineSnapshot) => boolean = (_vertex, state) => state.status === 'done',
): string[] {
  const vertices = Object.entries(adjacency) as [string, Adjacency[keyof Adjacency]][];
  const canFinish = new Set(vertices.filter(([k, v]) => isFinal(k, v.state)).map(([k]) => k));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [vertex, { transitions }] of vertices) {
      if (canFinish.has(vertex)) continue;
      if (Object.values(transitions).some((t) => canFinish.has(key((t as { state: AnyMachineSnapshot }).state)))) {
        canFinish.add(vertex);
        grew = true;
      }
    }
  }
  return vertices.map(([k]) => k).filter((k) => !canFinish.has(k));
}

/**
 * Transitions the workflow's description declares that no legal path of the traversal takes, and transitions taken
 * that it does not declare; both empty when the generated paths cover the machine exactly, loops included.
 */
export function transitionCoverage(
  adjacency: Adjacency,
  declared: { from: string; event: string; to?: string | null }[],
  stateOf: (s: AnyMachineSnapshot) => string = (s) => String(s.value),
): { untaken: string[]; undeclared: string[] } {
  const taken = new Set<string>();
  for (const { state, transitions } of Object.values(adjacency)) {
    const next: { state: AnyMachineSnapshot; event: WorkflowEvent }[] = Object.values(transitions);
    for (const t of next) taken.add(`${stateOf(state)} --${t.event.type}--> ${stateOf(t.state)}`);
  }
  const wanted = new Set(declared.map((t) => `${t.from} --${t.event}--> ${t.to ?? t.from}`));
  return { untaken: [...wanted].filter((t) => !taken.has(t)), undeclared: [...taken].filter((t) => !wanted.has(t)) };
}

/** A transition found by a traversal: states named by the spec, the contexts on both sides, and the opening it started from. */
export interface TraversedEdge<C> {
  from: string;
  to: string;
  before: C;
  after: C;
  event: WorkflowEvent;
  opening: string;
}

/** Every transition of the adjacency maps built from several openings (keyed by the opening's name). */
export function traversedEdges<C>(maps: Record<string, Adjacency>, stateOf: (s: AnyMachineSnapshot) => string): TraversedEdge<C>[] {
  return Object.entries(maps).flatMap(([opening, map]) =>
    Object.values(map).flatMap(({ state, transitions }) =>
      (Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]).map((t) => ({
        from: stateOf(state),
        to: stateOf(t.state),
        before: state.context as C,
        after: t.state.context as C,
        event: t.event,
        opening,
      })),
    ),
  );
}
