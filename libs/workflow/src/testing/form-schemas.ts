import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { WorkflowDefinition } from '../definition';
import type { JsonSchema } from '../json-schema';

/** JSON Schema as the engine and the console's forms check it: strict, every error, the formats and labels the channels use. */
export const formAjv = new Ajv({ allErrors: true, strict: true });
addFormats(formAjv, ['date', 'date-time']);
formAjv.addVocabulary(['x-enumLabels', 'x-source', 'x-uniqueBy']);

/** What is wrong with `value` under `schema`, one line per error; none when there is no schema. */
export function schemaErrors(schema: JsonSchema | undefined, value: unknown): string[] {
  if (!schema) return [];
  const validate = formAjv.compile(schema);
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** An event's data schema; an event without one takes an empty object, or anything from the engine itself (SYSTEM). */
export function eventDataSchema(def: WorkflowDefinition, type: string): JsonSchema {
  const spec = def.events[type];
  return spec.schema ?? { type: 'object', additionalProperties: spec.roles.includes('SYSTEM') };
}
