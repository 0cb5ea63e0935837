'use strict';
/*
 * Derives the JSON Schema of every route's success body from the TypeScript type its controller method returns, so the
 * engine's view types stay the one source of each shape. Writes apps/api/src/http/openapi/response-schemas.json, which
 * the app merges into its OpenAPI document; `npm run api:schemas` regenerates it and a unit test fails when it is stale.
 */
const ts = require('typescript');
const { readdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const ROOT = join(__dirname, '..', '..');
const SOURCES = join(ROOT, 'apps', 'api', 'src');
const OUTPUT = join(SOURCES, 'http', 'openapi', 'response-schemas.json');
const BINARY = new Set(['Buffer', 'Uint8Array', 'ArrayBuffer', 'SharedArrayBuffer']);
const ROUTE_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);

function controllerFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return controllerFiles(path);
    return entry.name.endsWith('.controller.ts') ? [path] : [];
  });
}

function decoratorNames(node) {
  return (ts.getDecorators(node) ?? []).map((d) => {
    const e = d.expression;
    return ts.isCallExpression(e) ? e.expression.getText() : e.getText();
  });
}

function generate() {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  const files = controllerFiles(SOURCES).sort();
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const components = {};
  const names = new Map(); // type -> component name
  const taken = new Map(); // component name -> type

  // Utility types are shapes, not names: Record<string, X> or Pick<...> is written out where it is used.
  const BUILT_IN = new Set(['Record', 'Partial', 'Pick', 'Omit', 'Readonly', 'Required', 'ReadonlyArray', 'Array', 'Date']);
  const nameOf = (type) => {
    if (type.aliasSymbol && !BUILT_IN.has(type.aliasSymbol.name)) return { symbol: type.aliasSymbol, args: type.aliasTypeArguments ?? [] };
    const symbol = type.getSymbol();
    if (!symbol || symbol.name.startsWith('__') || BUILT_IN.has(symbol.name) || type.aliasSymbol) return undefined;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class))) return undefined;
    return { symbol, args: type.objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(type) : [] };
  };
  const componentName = (type) => {
    const named = nameOf(type);
    if (!named) return undefined;
    const base = named.symbol.name + named.args.map((a) => checker.typeToString(a).replace(/[^A-Za-z0-9]/g, '')).join('');
    let name = base;
    for (let n = 2; taken.has(name) && taken.get(name) !== type; n++) name = `${base}${n}`;
    return name;
  };

  const toSchema = (type) => {
    if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (type.flags & ts.TypeFlags.StringLiteral) return { type: 'string', enum: [type.value] };
    if (type.flags & ts.TypeFlags.NumberLiteral) return { type: 'number', enum: [type.value] };
    if (type.flags & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [type.intrinsicName === 'true'] };
    if (type.flags & ts.TypeFlags.StringLike) return { type: 'string' };
    if (type.flags & ts.TypeFlags.NumberLike) return { type: 'number' };
    if (type.flags & ts.TypeFlags.BooleanLike) return { type: 'boolean' };
    if (type.flags & ts.TypeFlags.Null) return { type: 'null' };
    if (type.flags & ts.TypeFlags.NonPrimitive) return { type: 'object' };
    if (type.isUnion()) return unionSchema(type);
    if (type.isIntersection()) return objectSchema(type);
    if (checker.isArrayType(type)) return { type: 'array', items: toSchema(checker.getTypeArguments(type)[0]) };
    if (checker.isTupleType(type)) {
      const items = checker.getTypeArguments(type).map(toSchema);
      return { type: 'array', prefixItems: items, minItems: items.length, maxItems: items.length };
    }
    const symbol = type.getSymbol();
    if (symbol?.name === 'Date') return { type: 'string', format: 'date-time' };
    if (BINARY.has(symbol?.name)) return { type: 'string', format: 'binary' };
    if (type.flags & ts.TypeFlags.Object) return reference(type);
    throw new Error(`${current}: no JSON Schema for type ${checker.typeToString(type)}`);
  };

  const reference = (type) => {
    let name = names.get(type);
    if (!name) {
      name = componentName(type);
      if (!name) return objectSchema(type);
      names.set(type, name);
      taken.set(name, type);
      components[name] = {};
      components[name] = objectSchema(type);
    }
    return { $ref: `#/components/schemas/${name}` };
  };

  const unionSchema = (type) => {
    const members = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)));
    const nullable = members.some((t) => t.flags & ts.TypeFlags.Null);
    const rest = members.filter((t) => !(t.flags & ts.TypeFlags.Null));
    let schema;
    const booleans = rest.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral);
    const others = booleans.length === 2 ? rest.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral)) : rest;
    const parts = [...(booleans.length === 2 ? [{ type: 'boolean' }] : []), ...others.map(toSchema)];
    if (parts.length > 1 && parts.every((p) => p.enum && p.type === parts[0].type && Object.keys(p).length === 2)) {
      schema = { type: parts[0].type, enum: parts.flatMap((p) => p.enum) };
    } else {
      schema = parts.length === 1 ? parts[0] : { anyOf: parts };
    }
    if (!nullable) return schema;
    if (schema.enum) return { type: [schema.type, 'null'], enum: [...schema.enum, null] };
    if (typeof schema.type === 'string' && !schema.$ref) return { ...schema, type: [schema.type, 'null'] };
    return { anyOf: [...(schema.anyOf ?? [schema]), { type: 'null' }] };
  };

  const objectSchema = (type) => {
    const properties = {};
    const required = [];
    for (const property of checker.getPropertiesOfType(type)) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      const propertyType = checker.getTypeOfSymbol(property);
      if (propertyType.getCallSignatures().length > 0 || property.name.startsWith('__@')) continue;
      if (declaration && ts.getCombinedModifierFlags(declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      // An undefined value is left out of the JSON, so a property that may be undefined is optional on the wire.
      const optional = (property.flags & ts.SymbolFlags.Optional) !== 0 || (propertyType.isUnion() && propertyType.types.some((t) => t.flags & ts.TypeFlags.Undefined));
      const schema = toSchema(propertyType);
      const doc = ts.displayPartsToString(property.getDocumentationComment(checker)).trim();
      properties[property.name] = doc && !schema.$ref ? { ...schema, description: doc } : schema;
      if (!optional) required.push(property.name);
    }
    const schema = { type: 'object', properties };
    if (required.length) schema.required = required;
    const index = checker.getIndexInfosOfType(type)[0];
    if (index) schema.additionalProperties = toSchema(index.type);
    return schema;
  };

  const operations = {};
  let current = '';
  for (const file of files) {
    const source = program.getSourceFile(file);
    ts.forEachChild(source, (node) => {
      if (!ts.isClassDeclaration(node) || !node.name || !decoratorNames(node).includes('Controller')) return;
      for (const member of node.members) {
        if (!ts.isMethodDeclaration(member) || !decoratorNames(member).some((d) => ROUTE_DECORATORS.has(d))) continue;
        const signature = checker.getSignatureFromDeclaration(member);
        let result = checker.getReturnTypeOfSignature(signature);
        if (result.getSymbol()?.name === 'Promise') result = checker.getTypeArguments(result)[0];
        const key = `${node.name.text}_${member.name.getText()}`;
        current = key;
        operations[key] = result.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined) ? null : toSchema(result);
      }
    });
  }
  const sorted = (o) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  return { generatedFrom: files.map((f) => relative(ROOT, f)), components: sorted(components), operations: sorted(operations) };
}

function render(schemas) {
  return `${JSON.stringify(schemas, null, 2)}\n`;
}

module.exports = { generate, render, OUTPUT };

if (require.main === module) {
  writeFileSync(OUTPUT, render(generate()));
  console.log(`wrote ${relative(ROOT, OUTPUT)}`);
}
