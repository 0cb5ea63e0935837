import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import localizeZh from 'ajv-i18n/localize/zh';
import type { FieldError } from '@app/shared';
import type { Directory } from '@app/organisations';
import { ORG_TYPE_LABELS, type IsoDate, type JsonSchema, type WorkflowDefinition } from '@app/workflow';
import type { Party } from './case-record';

const EMPTY_SCHEMA: JsonSchema = { type: 'object', additionalProperties: false, properties: {} };
const SYSTEM_EVENT_SCHEMA: JsonSchema = { type: 'object' };

/**
 * Validates event data against the workflow's JSON Schema (compiled once per schema), then checks the values that
 * refer to things outside the event: party ids, courts, users of the handling organisation.
 */
export class EventDataValidator {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, useDefaults: false });
  private readonly compiled = new WeakMap<JsonSchema, ValidateFunction>();

  constructor() {
    addFormats(this.ajv, ['date', 'date-time']);
    this.ajv.addVocabulary(['x-enumLabels', 'x-source', 'x-uniqueBy', 'x-notAfterToday', 'x-notBefore']);
    // JSON Schema's multipleOf: 0.01 divides in binary floating point and refuses amounts such as 0.07.
    this.ajv.addKeyword({ keyword: 'x-yuan', type: 'number', schemaType: 'boolean', validate: (on: boolean, value: number) => !on || isWholeFen(value) });
  }

  /** `dates`: the engine's today and the case's context, which dated fields are judged against (dateRuleErrors). */
  validate(def: WorkflowDefinition, type: string, data: unknown, refs: { parties: Party[]; orgId: string; directory: Directory; dates?: DateFacts }): FieldError[] {
    const spec = def.events[type];
    // Engine-sent events carry what the engine chose to attach; people's events carry only what their schema allows.
    const schema = spec?.schema ?? (spec?.roles.includes('SYSTEM') ? SYSTEM_EVENT_SCHEMA : EMPTY_SCHEMA);
    const errors = this.againstSchema(schema, data, 'data');
    if (errors.length) return errors;
    const references = checkReferences(schema, data as Record<string, unknown>, refs);
    return refs.dates ? [...references, ...dateRuleErrors(schema, data as Record<string, unknown>, refs.dates)] : references;
  }

  /** Errors of `value` against `schema`, each named by its path under `root`; none when it is valid. */
  againstSchema(schema: JsonSchema, value: unknown, root: string): FieldError[] {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.ajv.compile(schema);
      this.compiled.set(schema, fn);
    }
    return fn(value) ? [] : toFieldErrors(fn.errors ?? [], root);
  }
}

/** A number that is the nearest double to an amount with at most two decimals: 12000.5 and 0.07, not 0.001. */
export function isWholeFen(value: number): boolean {
  return Number(value.toFixed(2)) === value;
}

/** Messages for the engine's own keywords, which ajv-i18n does not know. */
const OWN_KEYWORDS: Record<string, { en: string; zh: string }> = {
  'x-yuan': { en: 'must be an amount in yuan with at most two decimals', zh: '应为金额（元），至多两位小数' },
};

export function toFieldErrors(all: ErrorObject[], root: string): FieldError[] {
  // A conditional requirement reports the missing field itself; its `if` adds only "must match then" about the whole.
  const errors = all.filter((e) => e.keyword !== 'if');
  const zh = errors.map((e) => ({ ...e }));
  localizeZh(zh);
  return errors.map((e, i) => ({
    field: fieldPath(root, e),
    message: OWN_KEYWORDS[e.keyword]?.en ?? e.message ?? 'is invalid',
    messageZh: OWN_KEYWORDS[e.keyword]?.zh ?? zh[i].message ?? '无效',
  }));
}

function fieldPath(root: string, e: ErrorObject): string {
  const parts = e.instancePath.split('/').filter(Boolean);
  if (e.keyword === 'required') parts.push(String((e.params as { missingProperty: string }).missingProperty));
  if (e.keyword === 'additionalProperties') parts.push(String((e.params as { additionalProperty: string }).additionalProperty));
  return parts.reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : `${path}.${p}`), root);
}

export interface DateFacts {
  today: IsoDate;
  context: Record<string, unknown>;
}

/**
 * The days of things that happened must have happened: not after today by the engine's clock (`x-notAfterToday`),
 * and in order with the case's own days and the other days of the same data (`x-notBefore`): a session not before
 * the mediation started, a performance deadline not before the agreement. Only schema-valid data comes here, so
 * every date is YYYY-MM-DD and compares as text.
 */
export function dateRuleErrors(schema: JsonSchema, data: Record<string, unknown>, facts: DateFacts, root = 'data'): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const value = data[name];
    if (prop.type === 'object' && value && typeof value === 'object') {
      errors.push(...dateRuleErrors(prop, value as Record<string, unknown>, facts, `${root}.${name}`));
      continue;
    }
    if (prop.format !== 'date' || typeof value !== 'string') continue;
    const label = prop.title ?? name;
    if (prop['x-notAfterToday'] && value > facts.today) {
      errors.push({ field: `${root}.${name}`, message: `must not be later than today (${facts.today})`, messageZh: `${label}不能晚于今天（${facts.today}）` });
      continue;
    }
    for (const bound of prop['x-notBefore'] ?? []) {
      const [where, field] = [bound.ref.slice(0, bound.ref.indexOf('.')), bound.ref.slice(bound.ref.indexOf('.') + 1)];
      const day = (where === 'context' ? facts.context : data)[field];
      if (typeof day !== 'string' || value >= day) continue;
      errors.push({ field: `${root}.${name}`, message: `must not be earlier than ${field} (${day})`, messageZh: `${label}不能早于${bound.label}（${day}）` });
      break;
    }
  }
  return errors;
}

function checkReferences(schema: JsonSchema, data: Record<string, unknown>, refs: { parties: Party[]; orgId: string; directory: Directory }): FieldError[] {
  return referenceErrors(schema, data, 'data', refs);
}

function referenceErrors(schema: JsonSchema, data: Record<string, unknown>, root: string, refs: { parties: Party[]; orgId: string; directory: Directory }): FieldError[] {
  const errors: FieldError[] = [];
  for (const [name, prop] of Object.entries(schema.properties ?? {})) {
    const value = data[name];
    if (value === undefined) continue;
    // Arrays of objects (each party's answer): their items' references are checked one by one, by their own path.
    if (prop.type === 'array' && prop.items?.type === 'object' && Array.isArray(value)) {
      value.forEach((item, i) => errors.push(...referenceErrors(prop.items!, item as Record<string, unknown>, `${root}.${name}[${i}]`, refs)));
      errors.push(...duplicates(prop, value, `${root}.${name}`));
      continue;
    }
    const source = prop['x-source'] ?? prop.items?.['x-source'];
    if (!source) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) {
      const problem = referenceProblem(source, String(v), refs);
      if (problem) errors.push({ field: `${root}.${name}`, message: problem.en.replace('%s', String(v)), messageZh: problem.zh.replace('%s', String(v)) });
    }
  }
  return errors;
}

function duplicates(prop: JsonSchema, items: unknown[], path: string): FieldError[] {
  const key = prop['x-uniqueBy'];
  if (!key) return [];
  const seen = new Set<unknown>();
  const errors: FieldError[] = [];
  items.forEach((item, i) => {
    const v = (item as Record<string, unknown>)[key];
    if (seen.has(v)) errors.push({ field: `${path}[${i}].${key}`, message: `${String(v)} appears more than once`, messageZh: `${String(v)} 重复出现` });
    seen.add(v);
  });
  return errors;
}

function referenceProblem(source: string, id: string, refs: { parties: Party[]; orgId: string; directory: Directory }) {
  if (source === 'parties') {
    return refs.parties.some((p) => p.id === id) ? null : { en: '%s is not a party to this case', zh: '%s 不是本案当事人' };
  }
  if (source === 'courts') {
    return refs.directory.org(id)?.type === 'BASIC_COURT' ? null : { en: '%s is not a basic court', zh: '%s 不是基层人民法院' };
  }
  if (source.startsWith('orgs:')) {
    const types = source.slice('orgs:'.length).split(',');
    const labels = types.map((t) => ORG_TYPE_LABELS[t] ?? t).join('或');
    return types.includes(refs.directory.org(id)?.type ?? '') ? null : { en: `%s is not an organisation of type ${types.join(' or ')}`, zh: `%s 不是${labels}` };
  }
  const role = source.slice('orgUsers:'.length);
  const user = refs.directory.user(id);
  return user && user.active && user.orgId === refs.orgId && user.roles.includes(role as never)
    ? null
    : { en: `%s is not an active ${role} of the handling organisation`, zh: '%s 不是本单位在职的相应人员' };
}
