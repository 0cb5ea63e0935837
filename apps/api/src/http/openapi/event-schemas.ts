import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { JsonSchema, WorkflowDefinition } from '@app/workflow';

const pascal = (id: string) => id.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/**
 * The workflows' own JSON Schemas for event `data` and opening `input`, as components (`PmEventSEEK_CONSENTData`),
 * and the event body as a `oneOf` discriminated by `type`: an event type several workflows share takes any of their
 * data shapes, since the body does not name the workflow (the case does).
 */
export function workflowSchemas(workflows: WorkflowDefinition[]): { components: Record<string, SchemaObject>; eventBody: SchemaObject; openingInput: SchemaObject } {
  const components: Record<string, SchemaObject> = {};
  const dataByType = new Map<string, string[]>();
  const openings: string[] = [];
  for (const def of workflows) {
    for (const [type, spec] of Object.entries(def.events)) {
      // Events only the engine sends (deadlines, linked cases) are no part of what a client may post.
      if (spec.roles.every((role) => role === 'SYSTEM')) continue;
      const name = `${pascal(def.id)}Event${type}Data`;
      components[name] = { ...asSchema(spec.schema ?? { type: 'object' }), title: `${def.title}：${spec.label}`, description: spec.labelEn };
      dataByType.set(type, [...(dataByType.get(type) ?? []), name]);
    }
    if (def.openingSchema) {
      const name = `${pascal(def.id)}OpeningInput`;
      components[name] = { ...asSchema(def.openingSchema), description: `${def.title}: input when opening a case` };
      openings.push(name);
    }
  }
  const mapping: Record<string, string> = {};
  for (const [type, names] of [...dataByType].sort(([a], [b]) => a.localeCompare(b))) {
    const name = `CaseEvent${type}`;
    components[name] = {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', const: type } as SchemaObject, data: names.length === 1 ? ref(names[0]) : { anyOf: names.map(ref) } },
    };
    mapping[type] = ref(name).$ref;
  }
  const eventBody: SchemaObject = {
    description: 'One workflow event; `data` follows the schema of the event in the case\'s workflow (GET /api/workflows/{id})',
    oneOf: Object.values(mapping).map(($ref) => ({ $ref })),
    discriminator: { propertyName: 'type', mapping },
  };
  const openingInput: SchemaObject = { description: 'Extra facts some workflows need to open a case', anyOf: openings.map(ref) };
  return { components, eventBody, openingInput };
}

/** The workflows' schema subset is JSON Schema already; only the readonly arrays need copying into plain ones. */
function asSchema(schema: JsonSchema): SchemaObject {
  return JSON.parse(JSON.stringify(schema)) as SchemaObject;
}
