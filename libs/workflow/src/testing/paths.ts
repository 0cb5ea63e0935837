import type { AnyMachineSnapshot } from 'xstate';
import type { AdjacencyMap } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';

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
