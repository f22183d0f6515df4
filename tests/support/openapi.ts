/**
 * Reading the generated API reference in tests: JSON pointers, every `$ref` in it,
 * and a JSON Schema (draft 2020-12) validator for its named schemas (Ajv).
 */
import { Ajv2020 } from 'ajv/dist/2020.js';

export type Json = { [key: string]: unknown };

/** The value a local `$ref` (`#/a/b`) points at, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let at: unknown = doc;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, key)) return undefined;
    at = (at as Json)[key];
  }
  return at;
}

/** Every `$ref` value anywhere in `value`. */
export function allRefs(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allRefs(v, into);
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') into.push(v);
      else allRefs(v, into);
    }
  }
  return into;
}

const ID = 'https://lobbydesk.invalid/openapi.json';

/**
 * Validates a value against one of the document's `components/schemas` by name. The
 * schemas are loaded as one JSON Schema document (their refs moved to `$defs`), so Ajv
 * also proves each of them is a well-formed draft 2020-12 schema.
 */
export function schemaValidator(doc: Json): { validate(name: string, value: unknown): string[] } {
  const schemas = (doc.components as Json).schemas as Json;
  const text = JSON.stringify({ $id: ID, $defs: schemas }).replaceAll('"#/components/schemas/', '"#/$defs/');
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(JSON.parse(text) as Json);
  return {
    validate(name, value) {
      const check = ajv.getSchema(`${ID}#/$defs/${name}`);
      if (!check) throw new Error(`No schema ${name} in the reference`);
      return check(value) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
    },
  };
}

/** The name a `$ref` to a component schema names. */
export function schemaName(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  if (!ref?.startsWith('#/components/schemas/')) throw new Error(`Not a named schema: ${JSON.stringify(schema)}`);
  return ref.slice('#/components/schemas/'.length);
}
