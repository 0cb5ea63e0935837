import { transition } from 'xstate';
import { decide, eventsHandledIn } from '../decide';
import type { WorkflowDefinition, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';

export interface NegativeMatrixSpec {
  def: WorkflowDefinition;
  /** The hand-written table of legal transitions: [from, event, to, guards]. */
  legal: [string, string, string | null, string[]][];
  finalStates: string[];
  stateCount: number;
  eventTypeCount: number;
  contextFor: (state: string) => Record<string, any>;
  event: (type: string) => WorkflowEvent;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * For every state × every event type of the workflow that the state does not handle: `decide()` refuses it as not
 * allowed in that state, lists exactly the events the hand-written table says the state handles, and the machine
 * itself neither allows nor moves. Built from the machine, so it stays complete as the machine grows.
 */
export function describeNegativeMatrix(spec: NegativeMatrixSpec): void {
  const { def, legal, contextFor, event } = spec;
  const description = describeWorkflow(def);
  const states = description.states.map((s) => s.id);
  const eventTypes = sorted(new Set([...Object.keys(def.events), ...description.transitions.map((t) => t.event)]));
  const handledBy = new Map(states.map((s) => [s, new Set(description.transitions.filter((t) => t.from === s).map((t) => t.event))]));
  const matrix = states.flatMap((state) => eventTypes.filter((type) => !handledBy.get(state)!.has(type)).map((type) => [state, type] as const));
  const legalEventsIn = (state: string) => sorted(new Set(legal.filter(([from]) => from === state).map(([, e]) => e)));

  describe('negative matrix: every event a state does not handle', () => {
    it('is built over every state and every event type of the workflow', () => {
      expect(states).toHaveLength(spec.stateCount);
      expect(eventTypes).toHaveLength(spec.eventTypeCount);
      expect(matrix.length + new Set(legal.map(([s, e]) => `${s}|${e}`)).size).toBe(states.length * eventTypes.length);
    });

    it.each(matrix)('%s does not handle %s', (state, type) => {
      const context = contextFor(state);
      const ev = event(type);
      const d = decide(def, { value: state, context }, ev);
      expect(d).toEqual({ allowed: false, reason: 'NOT_IN_STATE', state, allowedEvents: expect.any(Array), violations: [] });
      if (!d.allowed) expect(sorted(d.allowedEvents)).toEqual(legalEventsIn(state));
      const snapshot = def.machine.resolveState({ value: state, context });
      expect(snapshot.can(ev)).toBe(false);
      expect(transition(def.machine, snapshot, ev)[0]).toBe(snapshot);
    });

    it.each(spec.finalStates)('final state %s handles nothing', (state) => {
      expect(eventsHandledIn(def, { value: state, context: contextFor(state) })).toEqual([]);
    });
  });
}
