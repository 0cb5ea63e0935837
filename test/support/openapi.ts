import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CONSOLE_TYPES_PATH = 'apps/web/src/api/schema.d.ts';

const ROOT = join(__dirname, '..', '..');

/** Runs one of scripts/openapi/*.js on the document: swagger-parser and openapi-typescript are ES modules Jest cannot load. */
function script(name: string, document: object): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-openapi-'));
  try {
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    return spawnSync(process.execPath, [join(ROOT, 'scripts', 'openapi', name), join(dir, 'openapi.json')], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What swagger-parser finds wrong with the document; empty when it is valid. */
export function validationErrors(document: object): string {
  const run = script('validate.js', document);
  return run.status === 0 ? '' : run.stderr || `exit ${run.status}`;
}

/** The console's API types: openapi-typescript over the served document. */
export function consoleTypes(document: object): string {
  const run = script('console-types.js', document);
  if (run.status !== 0) throw new Error(run.stderr);
  return run.stdout;
}

type Json = Record<string, any>;

/**
 * Compiles the schema a document declares for one response, for checking real bodies against it. Objects are closed
 * (no properties beyond those declared) here and not in the document: a client may meet new fields, but the engine
 * must not send fields its schema does not name.
 */
export function responseValidator(document: Json): (method: string, path: string, status: number, mediaType: string) => ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  ajv.addSchema({ $id: 'openapi', components: { schemas: closed(document.components.schemas) } });
  const cache = new Map<string, ValidateFunction>();
  return (method, path, status, mediaType) => {
    const key = `${method} ${path} ${status} ${mediaType}`;
    const schema = document.paths[path]?.[method]?.responses?.[status]?.content?.[mediaType]?.schema;
    if (!schema) throw new Error(`${key}: no schema in the document`);
    if (!cache.has(key)) cache.set(key, ajv.compile(closed(schema)));
    return cache.get(key)!;
  };
}

function closed(schema: unknown): any {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') out[key] = String(value).replace(/^#\//, 'openapi#/');
    else out[key] = closed(value);
  }
  if (out.type === 'object' && out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
