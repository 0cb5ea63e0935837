import type { AnyStateMachine, AnyStateNode, StateValue } from 'xstate';
import type { WorkflowDefinition } from './definition';
import { WorkflowVersionMismatchError } from './workflow.errors';

/**
 * A workflow definition, or just its machine: what these functions read. With `id` and `version`, a value the
 * machine does not have throws `WorkflowVersionMismatchError`.
 */
export type MachineOf = Pick<WorkflowDefinition, 'machine'> & Partial<Pick<WorkflowDefinition, 'id' | 'version'>>;

/**
 * The persisted form of an XState state value (`PersistedState.value`, the `cases.state` column). Pure.
 *
 * - a flat machine's state: its id, unchanged (`registered`);
 * - an atomic state inside compound states: its dotted path from the root (`trial.simple`, `entrusted.extended`);
 * - a value with parallel regions: the JSON text of the value (`{"arb":{"hearing":"noticed","flags":"riskReported"}}`).
 *
 * Given the machine, the regions of a parallel state are written in the order the machine declares them, so one
 * configuration always has one text whatever order XState built the value in; without it, in the value's own order.
 */
export function stateValueToString(value: StateValue, machine?: AnyStateMachine): string {
  const v = machine ? inDocumentOrder(machine.root, value) : value;
  const path: string[] = [];
  let cur: StateValue = v;
  while (typeof cur !== 'string') {
    const keys = Object.keys(cur);
    if (keys.length !== 1) return JSON.stringify(v);
    path.push(keys[0]);
    cur = cur[keys[0]]!;
  }
  return [...path, cur].join('.');
}

/** The XState state value a persisted string stands for: the inverse of `stateValueToString`. Pure. */
export function stateValueFromString(text: string): StateValue {
  if (text.startsWith('{')) {
    const parsed: unknown = JSON.parse(text);
    if (!isStateValueMap(parsed)) throw new Error(`Not a state value: ${text}`);
    return parsed;
  }
  const keys = text.split('.');
  if (keys.some((k) => k === '')) throw new Error(`Not a state value: ${text}`);
  return keys.slice(0, -1).reduceRight<StateValue>((inner, key) => ({ [key]: inner }), keys[keys.length - 1]);
}

function isStateValueMap(x: unknown): x is Record<string, StateValue> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === 'string' || isStateValueMap(v));
}

/**
 * The dotted id of every state node active in a persisted state value, ancestors included and the root excluded,
 * parents before children in the order the machine declares them: `trial.simple` gives `['trial', 'trial.simple']`.
 * A compound state named without its child stands for its initial child, as XState resolves it. Throws
 * `WorkflowVersionMismatchError` (for a definition) when the value names a state the machine does not have.
 */
export function activeStateIds(def: MachineOf, value: string): string[] {
  return [...active(def, value).ids];
}

/**
 * Which state nodes a move from one persisted state value to another exits and enters, as sets of active ids
 * (`activeStateIds`): `exited` = before − after, `entered` = after − before. Moving between two children of `trial`
 * neither exits nor enters `trial`; a self-transition, even one that re-enters, enters and exits nothing.
 */
export function stateNodeChange(def: MachineOf, from: string, to: string): { before: string[]; after: string[]; entered: string[]; exited: string[] } {
  const before = activeStateIds(def, from);
  const after = activeStateIds(def, to);
  return { before, after, entered: after.filter((id) => !before.includes(id)), exited: before.filter((id) => !after.includes(id)) };
}

/**
 * The name of a persisted state value, from the `meta` labels of its nodes: a flat state's label (`登记`); for a
 * nested one, the labels from the top down joined with ' · ' (`审理 · 简易程序`); for a parallel state, its label and
 * then each region's active state (the region's own label left out) joined with '；' (`仲裁 · 已通知开庭；已报告风险`).
 * A compound state named without its child gets its own label. `labelEn` uses '; ' between regions.
 */
export function stateLabel(def: MachineOf, value: string, field: 'label' | 'labelEn' = 'label'): string {
  active(def, value); // refuses a value the machine does not have, as the other functions here do
  const join = (outer: string | null, inner: string) => (outer ? `${outer} · ${inner}` : inner);
  const labelOf = (node: AnyStateNode) => String((node.meta as Record<string, unknown> | undefined)?.[field] ?? node.key);
  const below = (node: AnyStateNode, v: StateValue | undefined): string | null => {
    if (v === undefined || (typeof v !== 'string' && Object.keys(v).length === 0)) return null;
    if (typeof v === 'string') return labelOf(child(node, v));
    const keys = childKeys(node, v);
    if (node.type === 'parallel') {
      // A region is only a container: name what is active in it (an atomic region names itself).
      return keys.map((k) => below(child(node, k), v[k]) ?? labelOf(child(node, k))).join(field === 'label' ? '；' : '; ');
    }
    return named(child(node, keys[0]), v[keys[0]]);
  };
  const named = (node: AnyStateNode, v: StateValue | undefined): string => {
    const inner = below(node, v);
    return inner === null ? labelOf(node) : join(labelOf(node), inner);
  };
  return below(def.machine.root, parse(def, value)) ?? labelOf(def.machine.root);
}

/**
 * Every configuration a case of the machine can be persisted in: each atomic state with its ancestors (one per
 * atomic state of a machine without parallel states) and, for parallel states, every combination of their regions'
 * configurations. Persisted values, as `stateValueToString` writes them, in declaration order.
 */
export function stateConfigurations(machine: AnyStateMachine): string[] {
  const below = (node: AnyStateNode): (StateValue | undefined)[] => {
    const children = (Object.values(node.states) as AnyStateNode[]).filter((c) => c.type !== 'history');
    if (children.length === 0) return [undefined];
    if (node.type === 'parallel') {
      return children.reduce<Record<string, StateValue>[]>(
        (combos, region) => combos.flatMap((combo) => below(region).map((v) => ({ ...combo, [region.key]: v ?? {} }))),
        [{}],
      );
    }
    return children.flatMap((c) => below(c).map((v) => (v === undefined ? c.key : { [c.key]: v })));
  };
  return below(machine.root).map((v) => stateValueToString(v ?? {}, machine));
}

/** The state node with this dotted id (`trial.simple`), or undefined. */
export function stateNodeById(machine: AnyStateMachine, id: string): AnyStateNode | undefined {
  let node: AnyStateNode | undefined = machine.root;
  for (const key of id.split('.')) {
    node = node.states[key] as AnyStateNode | undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The dotted id of a state node: its path from the root. */
export const stateNodeId = (node: AnyStateNode): string => node.path.join('.');

/**
 * Every state node active in a persisted value, the root first, then parents before children in document order.
 * Read from the machine's public structure (`root`, `states`, `type`) after XState resolves the value, so a partial
 * value (a compound state without its child) gets its initial descendants.
 */
export function activeStateNodes(def: MachineOf, value: string): AnyStateNode[] {
  return [...active(def, value).nodes];
}

const resolved = new WeakMap<AnyStateMachine, Map<string, { nodes: readonly AnyStateNode[]; ids: readonly string[] }>>();

function active(def: MachineOf, value: string) {
  const machine = def.machine;
  let byValue = resolved.get(machine);
  if (!byValue) resolved.set(machine, (byValue = new Map()));
  let entry = byValue.get(value);
  if (!entry) {
    const given = parse(def, value);
    let full: StateValue;
    try {
      full = machine.resolveState({ value: given, context: {} }).value;
    } catch (cause) {
      throw mismatch(def, value, cause);
    }
    const nodes: AnyStateNode[] = [];
    const walk = (node: AnyStateNode, v: StateValue | undefined) => {
      nodes.push(node);
      if (v === undefined) return;
      if (typeof v === 'string') return void walk(child(node, v), undefined);
      for (const k of childKeys(node, v)) walk(child(node, k), v[k]);
    };
    walk(machine.root, full);
    entry = { nodes, ids: nodes.slice(1).map(stateNodeId) };
    byValue.set(value, entry);
  }
  return entry;
}

function parse(def: MachineOf, value: string): StateValue {
  try {
    return stateValueFromString(value);
  } catch (cause) {
    throw mismatch(def, value, cause);
  }
}

function mismatch(def: MachineOf, value: string, cause: unknown): Error {
  if (def.id !== undefined && def.version !== undefined) return new WorkflowVersionMismatchError(def.id, def.version, value, cause);
  return new Error(`State ${value} does not exist in ${def.machine.id}`, { cause });
}

function child(node: AnyStateNode, key: string): AnyStateNode {
  const c = node.states[key] as AnyStateNode | undefined;
  if (!c) throw new Error(`State ${key} does not exist in ${node.id}`);
  return c;
}

/** The keys of a value's object in the order the machine declares those states. */
function childKeys(node: AnyStateNode, v: Record<string, StateValue | undefined>): string[] {
  return Object.keys(v).sort((a, b) => child(node, a).order - child(node, b).order);
}

function inDocumentOrder(node: AnyStateNode, v: StateValue): StateValue {
  if (typeof v === 'string') return v;
  const out: Record<string, StateValue> = {};
  for (const k of childKeys(node, v)) out[k] = inDocumentOrder(child(node, k), v[k]!);
  return out;
}

/** Every persisted configuration of the workflow in which some active state node carries `tag` (e.g. `inbox`). */
export function configurationsTagged(def: MachineOf & { machine: AnyStateMachine }, tag: string): string[] {
  return stateConfigurations(def.machine).filter((value) => activeStateNodes(def, value).some((node) => node.tags.includes(tag)));
}
