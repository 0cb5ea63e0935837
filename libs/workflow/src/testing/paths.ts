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
