import type { Effect } from '../definition';
import type { JsonSchema } from '../json-schema';
import type { RouteRule } from '../routes/route';
import { TRANSFER_OUTCOMES } from '../routes/route-table';

/*
 * What the engine does with a route row (libs/cases write-planner: `send` and `report`), restated for the machine
 * specs so they can follow a dispute from one channel to the other without the engine: the specs stay pure, and a
 * change to the row's semantics has to be made here too, in the open.
 */

/** The facts the engine knows of a sending case, which a route's `input` may name (`$sender.orgName`, ...). */
export interface SenderFacts {
  orgName: string;
  caseNo: string;
  caseId: string;
  openedOn: string;
}

/** A route's field mapping: each field ← the named field of `from`; absent (undefined or null) values are left out. */
export function mapRouteFields(mapping: Record<string, string>, from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [to, field] of Object.entries(mapping)) {
    const value = pick(from, field);
    if (value !== undefined && value !== null) out[to] = value;
  }
  return out;
}

/** A field, or a dotted field of a record held in one (`petition.channel`). */
function pick(from: Record<string, unknown>, field: string): unknown {
  if (field in from) return from[field];
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (head in from) return parts.slice(i).reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined), from[head]);
  }
  return undefined;
}

/** What applying the sending event of `rule` opens: the receiving workflow and organisation, its opening input, its start event. */
export function sentAlong(
  rule: RouteRule,
  sender: { context: object; facts: SenderFacts },
  data: Record<string, unknown>,
  today: string,
): { workflow: string; orgId: unknown; input: Record<string, unknown>; start?: { type: string; data: Record<string, unknown> } } {
  const facts = {
    '$sender.orgName': sender.facts.orgName,
    '$sender.caseNo': sender.facts.caseNo,
    '$sender.caseId': sender.facts.caseId,
    '$sender.openedOn': sender.facts.openedOn,
    $today: today,
  };
  return {
    workflow: rule.to.workflow,
    orgId: data[rule.to.orgField],
    input: mapRouteFields(rule.input ?? {}, { ...(sender.context as Record<string, unknown>), ...facts }),
    ...(rule.start ? { start: { type: rule.start.event, data: mapRouteFields(rule.start.data, data) } } : {}),
  };
}

/**
 * The outcomes a transition reports to the case that sent this one, in the reporting channel's words: those it
 * `report`s, and SIGNED_FOR / RETURNED, which the engine reports itself on `acceptTransfer` / `returnTransfer`
 * (with the return's reason and explanation, read from the event data). In the order of the effects.
 */
export function reportedOutcomes(effects: Effect[], eventData: Record<string, unknown>): { outcome: string; data: Record<string, unknown> }[] {
  const out: { outcome: string; data: Record<string, unknown> }[] = [];
  for (const e of effects) {
    if (e.type === 'report') out.push({ outcome: String(e.params.outcome), data: e.params.data ?? {} });
    if (e.type === 'acceptTransfer') out.push({ outcome: TRANSFER_OUTCOMES.acceptTransfer, data: {} });
    if (e.type === 'returnTransfer') {
      const explanation = typeof eventData.explanation === 'string' ? eventData.explanation : null;
      out.push({ outcome: TRANSFER_OUTCOMES.returnTransfer, data: { reason: eventData[String(e.params.reasonField)], explanation } });
    }
  }
  return out;
}

/**
 * The event of the sending workflow that takes in a reported outcome (the row's `up`), with the data the engine
 * delivers: the report's data (absent values left out), the outcome, the day and the reporting case. Null when the
 * row maps the outcome to nothing.
 */
export function takenIn(
  rule: RouteRule,
  reported: { outcome: string; data: Record<string, unknown> },
  source: { caseId: string; caseNo: string },
  reportedOn: string,
): { type: string; data: Record<string, unknown> } | null {
  if (!(reported.outcome in rule.up)) throw new Error(`route ${rule.id} has no mapping for the outcome ${reported.outcome}`);
  const type = rule.up[reported.outcome];
  if (type === null) return null;
  const data = Object.fromEntries(Object.entries(reported.data).filter(([, v]) => v !== undefined && v !== null));
  return { type, data: { ...data, outcome: reported.outcome, reportedOn, sourceCaseId: source.caseId, sourceCaseNo: source.caseNo } };
}

/** The required fields of an object schema that `value` lacks. */
export function missingRequired(schema: JsonSchema | undefined, value: Record<string, unknown>): string[] {
  return (schema?.required ?? []).filter((field) => value[field] === undefined || value[field] === null);
}
