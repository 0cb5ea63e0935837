import { transition } from 'xstate';
import { decide, eventsHandledIn } from '../decide';
import type { WorkflowDefinition, WorkflowEvent } from '../definition';
import { describeWorkflow, isXStateEvent } from '../describe';
import { activeStateIds, stateConfigurations, stateValueFromString } from '../state-value';

export interface NegativeMatrixSpec {
  def: WorkflowDefinition;
  /**
   * The hand-written table of legal transitions: [from, event, to, guards], `from` being the dotted id of the state
   * that declares the transition (for a nested machine, possibly a compound state) and `to` a dotted id.
   */
  legal: [string, string, string | null, string[]][];
  /** Configurations (persisted values) in which the machine is done. */
  finalStates: string[];
  /** How many configurations the machine has (`stateConfigurations`); for a flat machine, its number of states. */
  stateCount: number;
  eventTypeCount: number;
  /** `state` is a configuration, as persisted (`registered`, `trial.simple`, or JSON for parallel states). */
  contextFor: (state: string) => Record<string, any>;
  event: (type: string) => WorkflowEvent;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * For every configuration × every event type of the workflow that the configuration does not handle: `decide()`
 * refuses it as not allowed in that state, lists exactly the events the hand-written table gives the active states
 * (the atomic ones and their ancestors), and the machine itself neither allows nor moves. The rows are
 * configurations, not state nodes, because a case is only ever in a configuration: a compound state alone is never
 * persisted, and what a configuration handles is the union of what its active nodes handle. Built from the machine,
 * so it stays complete as the machine grows.
 */
export function describeNegativeMatrix(spec: NegativeMatrixSpec): void {
  const { def, legal, contextFor, event } = spec;
  const description = describeWorkflow(def);
  const states = stateConfigurations(def.machine);
  const eventTypes = sorted(new Set([...Object.keys(def.events), ...description.transitions.map((t) => t.event).filter((e) => !isXStateEvent(e))]));
  const eventsFrom = (rows: { from: string; event: string }[], state: string) => {
    const active = activeStateIds(def, state);
    return new Set(rows.filter((t) => active.includes(t.from)).map((t) => t.event));
  };
  const handledBy = new Map(states.map((s) => [s, eventsFrom(description.transitions, s)]));
  const matrix = states.flatMap((state) => eventTypes.filter((type) => !handledBy.get(state)!.has(type)).map((type) => [state, type] as const));
  const legalRows = legal.map(([from, e]) => ({ from, event: e }));
  const legalEventsIn = (state: string) => sorted(eventsFrom(legalRows, state));

  describe('negative matrix: every event a state does not handle', () => {
    it('is built over every state and every event type of the workflow', () => {
      expect(states).toHaveLength(spec.stateCount);
      expect(eventTypes).toHaveLength(spec.eventTypeCount);
      const legalPairs = states.reduce((n, s) => n + legalEventsIn(s).length, 0);
      expect(matrix.length + legalPairs).toBe(states.length * eventTypes.length);
    });

    it.each(matrix)('%s does not handle %s', (state, type) => {
      const context = contextFor(state);
      const ev = event(type);
      const d = decide(def, { value: state, context }, ev);
      expect(d).toEqual({ allowed: false, reason: 'NOT_IN_STATE', state, allowedEvents: expect.any(Array), violations: [] });
      if (!d.allowed) expect(sorted(d.allowedEvents)).toEqual(legalEventsIn(state));
      const snapshot = def.machine.resolveState({ value: stateValueFromString(state), context });
      expect(snapshot.can(ev)).toBe(false);
      expect(transition(def.machine, snapshot, ev)[0]).toBe(snapshot);
    });

    it.each(spec.finalStates)('final state %s handles nothing', (state) => {
      expect(eventsHandledIn(def, { value: state, context: contextFor(state) })).toEqual([]);
    });
  });
}

/**
 * A legal precondition refuses `event` in `from`: `decide()` says so with exactly these violations (each explained in
 * Chinese and English, with its legal basis), lists the events the state handles (`legalEvents`, when given), and the
 * machine itself neither allows nor moves.
 */
export function expectPreconditionRefusal(
  def: WorkflowDefinition,
  from: string,
  context: Record<string, any>,
  event: WorkflowEvent,
  violations: [string, string | undefined][],
  legalEvents?: string[],
): void {
  const d = decide(def, { value: from, context }, event);
  expect(d).toEqual({
    allowed: false,
    reason: 'PRECONDITION',
    state: from,
    allowedEvents: expect.any(Array),
    violations: violations.map(([precondition, legalBasis]) => ({
      precondition,
      legalBasis,
      message: expect.stringMatching(/[\u4e00-\u9fff]/),
      messageEn: expect.stringMatching(/\w/),
    })),
  });
  if (!d.allowed && legalEvents) expect(sorted(d.allowedEvents)).toEqual(sorted(legalEvents));
  const snapshot = def.machine.resolveState({ value: stateValueFromString(from), context });
  expect(snapshot.can(event)).toBe(false);
  expect(transition(def.machine, snapshot, event)[0]).toBe(snapshot);
}
