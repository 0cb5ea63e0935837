import type { AnyStateMachine, StateNode } from 'xstate';
import { ORG_TYPES } from '../catalogue';
import { EFFECT_TYPES, type WorkflowDefinition } from '../definition';
import type { RouteRule } from './route';

/** The outcomes the engine reports by itself when a transfer is signed for or returned. */
export const TRANSFER_OUTCOMES = { acceptTransfer: 'SIGNED_FOR', returnTransfer: 'RETURNED' } as const;

/**
 * The outcome the engine reports when a case reaches a final state, whatever its channel: a route may map it (the
 * 综治中心 counts its open child cases), and need not list it.
 */
export const CASE_ENDED_OUTCOME = 'ENDED';

/** The route table with the workflows it links, checked once when the engine starts. */
export class RouteTable {
  private readonly byId = new Map<string, RouteRule>();

  constructor(
    readonly rules: RouteRule[],
    definitions: WorkflowDefinition[],
  ) {
    const problems = wiringProblems(definitions, rules);
    if (problems.length) throw new Error(`The channels and the route table do not fit together:\n- ${problems.join('\n- ')}`);
    for (const rule of rules) this.byId.set(rule.id, rule);
  }

  get(id: string): RouteRule | undefined {
    return this.byId.get(id);
  }

  /** The rules that `event` of `workflow`, sent with `data` to a case in `state`, sets off. */
  from(workflow: string, event: string, data: Record<string, unknown>, state: string): RouteRule[] {
    return this.rules.filter(
      (r) =>
        r.from.workflow === workflow &&
        r.from.event === event &&
        (!r.from.states || r.from.states.some((s) => state === s || state.startsWith(`${s}.`))) &&
        Object.entries(r.when ?? {}).every(([field, value]) => (value === '*' ? data[field] !== undefined && data[field] !== '' : data[field] === value)),
    );
  }

  /** Rules into a workflow, and out of it. */
  into(workflow: string): RouteRule[] {
    return this.rules.filter((r) => r.to.workflow === workflow);
  }

  outOf(workflow: string): RouteRule[] {
    return this.rules.filter((r) => r.from.workflow === workflow);
  }
}

interface ActionUse {
  state: string;
  type: string;
  params: Record<string, unknown> | undefined;
}

/** Every action a machine's transitions, entries and exits name, found through XState's public state-node tree. */
export function actionsOf(machine: AnyStateMachine): ActionUse[] {
  const uses: ActionUse[] = [];
  const visit = (node: StateNode<any, any>, path: string) => {
    const add = (action: unknown) => {
      if (typeof action === 'string') uses.push({ state: path, type: action, params: undefined });
      else if (action && typeof action === 'object' && 'type' in action) {
        const a = action as { type: string; params?: unknown };
        uses.push({ state: path, type: a.type, // A report whose data is read from the context names its outcome on the params function (reportConclusion).
        params: typeof a.params === 'object' || typeof a.params === 'function' ? (a.params as Record<string, unknown>) : undefined });
      } else if (typeof action === 'function') uses.push({ state: path, type: (action as { type?: string }).type ?? 'inline', params: undefined });
    };
    for (const list of node.transitions.values()) for (const t of list) for (const a of t.actions) add(a);
    for (const a of node.entry) add(a);
    for (const a of node.exit) add(a);
    for (const [key, child] of Object.entries(node.states)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(machine.root, '');
  return uses;
}

function stateExists(def: WorkflowDefinition, path: string): boolean {
  let node: StateNode<any, any> | undefined = def.machine.root;
  for (const key of path.split('.')) node = node?.states[key];
  return node !== undefined;
}

/** What is wrong with the channels and routes, in sentences; empty when they fit together. */
export function wiringProblems(definitions: WorkflowDefinition[], rules: RouteRule[]): string[] {
  const problems: string[] = [];
  const latest = new Map<string, WorkflowDefinition>();
  for (const def of definitions) if ((latest.get(def.id)?.version ?? 0) < def.version) latest.set(def.id, def);
  const orgTypes = new Set(ORG_TYPES);

  for (const def of definitions) {
    const implementations = (def.machine.implementations.actions ?? {}) as Record<string, { type?: string }>;
    const name = `${def.id}@${def.version}`;
    for (const [type, spec] of Object.entries(def.events)) {
      for (const lookup of spec.lookups ?? []) if (!def.lookups?.[lookup]) problems.push(`${name}: ${type} asks for the unknown lookup ${lookup}`);
    }
    for (const use of actionsOf(def.machine)) {
      const known = use.type in EFFECT_TYPES || use.type === 'xstate.assign' || implementations[use.type]?.type === 'xstate.assign';
      if (!known) problems.push(`${name}: state ${use.state} asks for the unknown effect ${use.type}`);
      if (use.type === 'report') {
        const outcome = use.params?.outcome;
        if (typeof outcome !== 'string' || !(outcome in def.manifest.outcomes)) problems.push(`${name}: state ${use.state} reports ${String(outcome)}, which its manifest does not list`);
      }
      if (use.type in TRANSFER_OUTCOMES && !(TRANSFER_OUTCOMES[use.type as keyof typeof TRANSFER_OUTCOMES] in def.manifest.outcomes)) {
        problems.push(`${name}: uses ${use.type} but its manifest does not list the outcome ${TRANSFER_OUTCOMES[use.type as keyof typeof TRANSFER_OUTCOMES]}`);
      }
    }
  }

  const ids = new Set<string>();
  for (const rule of rules) {
    const at = `route ${rule.id}`;
    if (ids.has(rule.id)) problems.push(`${at} is listed twice`);
    ids.add(rule.id);
    const from = latest.get(rule.from.workflow);
    const to = latest.get(rule.to.workflow);
    if (!from) problems.push(`${at} sends from the unregistered workflow ${rule.from.workflow}`);
    if (!to) problems.push(`${at} sends to the unregistered workflow ${rule.to.workflow}`);
    if (!from || !to) continue;
    if (!from.events[rule.from.event]) problems.push(`${at}: ${from.id} has no event ${rule.from.event}`);
    for (const state of rule.from.states ?? []) {
      if (!stateExists(from, state)) problems.push(`${at}: ${from.id} has no state ${state}`);
    }
    if (!rule.to.orgTypes.length) problems.push(`${at} names no receiving organisation type`);
    for (const type of rule.to.orgTypes) {
      if (!orgTypes.has(type)) problems.push(`${at}: no channel introduces the organisation type ${type}`);
      if (!to.manifest.handlingOrgTypes.includes(type)) problems.push(`${at}: ${to.id} cases are not handled by ${type}`);
    }
    if (rule.start && !to.events[rule.start.event]) problems.push(`${at}: ${to.id} has no start event ${rule.start.event}`);
    if (rule.start && to.events[rule.start.event]) {
      const startFields = Object.keys(to.events[rule.start.event].schema?.properties ?? {});
      const sentFields = Object.keys(from.events[rule.from.event]?.schema?.properties ?? {});
      for (const [field, source] of Object.entries(rule.start.data)) {
        if (!startFields.includes(field)) problems.push(`${at}: ${to.id}'s ${rule.start.event} has no field ${field}`);
        if (!source.startsWith('$') && !sentFields.includes(source)) problems.push(`${at}: ${from.id}'s ${rule.from.event} has no field ${source}`);
      }
    }
    if (to.openingSchema) {
      const inputFields = Object.keys(to.openingSchema.properties ?? {});
      for (const field of Object.keys(rule.input ?? {})) if (!inputFields.includes(field)) problems.push(`${at}: ${to.id} opens with no input field ${field}`);
      const sentFields = Object.keys(from.events[rule.from.event]?.schema?.properties ?? {});
      for (const source of Object.values(rule.input ?? {})) {
        if (source.startsWith('$event.') && !sentFields.includes(source.slice('$event.'.length))) problems.push(`${at}: ${from.id}'s ${rule.from.event} has no field ${source.slice('$event.'.length)}`);
      }
    } else if (Object.keys(rule.input ?? {}).length) problems.push(`${at}: ${to.id} takes no opening input`);
    for (const outcome of Object.keys(to.manifest.outcomes)) {
      if (!(outcome in rule.up)) problems.push(`${at}: no mapping for ${to.id}'s outcome ${outcome}`);
    }
    for (const [outcome, event] of Object.entries(rule.up)) {
      if (!(outcome in to.manifest.outcomes) && outcome !== CASE_ENDED_OUTCOME) problems.push(`${at}: ${to.id} has no outcome ${outcome}`);
      if (event !== null && !from.events[event]?.roles.includes('SYSTEM')) problems.push(`${at}: ${from.id} has no engine event ${event} to take in ${outcome}`);
    }
    for (const [parentEvent, childEvent] of Object.entries(rule.down ?? {})) {
      if (!from.events[parentEvent]) problems.push(`${at}: ${from.id} has no event ${parentEvent}`);
      if (!to.events[childEvent]?.roles.includes('SYSTEM')) problems.push(`${at}: ${to.id} has no engine event ${childEvent}`);
    }
  }
  return problems;
}
