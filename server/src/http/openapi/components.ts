/**
 * zod → JSON Schema (draft 2020-12) for the API reference's `components/schemas`.
 * Every shared schema is converted twice: as a client sends it (io `input`: a field
 * with a default is optional) and as the server answers it (io `output`). Where the
 * two differ, the input form is named `<Name>.input`. Only what the paths reach is kept.
 */
import { z } from 'zod';
import { namedSchemas } from './named-schemas.ts';

export type JsonSchema = { [key: string]: unknown };
export type Io = 'input' | 'output';

export const SCHEMA_REF = '#/components/schemas/';
const INPUT_MARK = '~input';
const INPUT_REF = new RegExp(`${SCHEMA_REF.replaceAll('/', '\\/')}([A-Za-z0-9_.-]+)${INPUT_MARK}`, 'g');

export interface Components {
  /** The `$ref` of a schema in the given direction. */
  ref(schema: z.ZodType, io: Io): { $ref: string };
  schemas: Record<string, JsonSchema>;
}

/** `uses`: the route-level schemas, each with the name it gets when shared/ does not export it. */
export function buildComponents(uses: readonly { schema: z.ZodType; name: string }[]): Components {
  const names = namedSchemas();
  const taken = new Set(names.values());
  for (const { schema, name } of uses) {
    if (names.has(schema)) continue;
    if (taken.has(name)) throw new Error(`Two different schemas would both be named ${name} in the API reference`);
    names.set(schema, name);
    taken.add(name);
  }
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of names) registry.add(schema, { id });

  const convert = (io: Io, mark: string) =>
    clean(z.toJSONSchema(registry, { target: 'draft-2020-12', io, unrepresentable: 'any', uri: (id) => `${SCHEMA_REF}${id}${mark}` }).schemas);
  const output = convert('output', '');
  const input = convert('input', INPUT_MARK);

  const differs = differingInputs(input, output);
  const inputName = (id: string) => (differs.has(id) ? `${id}.input` : id);
  const schemas: Record<string, JsonSchema> = { ...output };
  for (const id of differs) {
    if (taken.has(inputName(id))) throw new Error(`${inputName(id)} is both a shared schema and the input form of ${id}`);
    schemas[inputName(id)] = JSON.parse(JSON.stringify(input[id]).replace(INPUT_REF, (_m, ref: string) => SCHEMA_REF + inputName(ref))) as JsonSchema;
  }
  return {
    schemas,
    ref(schema, io) {
      const id = names.get(schema);
      if (id === undefined) throw new Error('A route schema was not registered for the API reference');
      return { $ref: SCHEMA_REF + (io === 'input' ? inputName(id) : id) };
    },
  };
}

function clean(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = s;
    if (JSON.stringify(rest).includes('__shared')) throw new Error(`${id}: a recursive shape without a name cannot be referenced; export it from shared/`);
    out[id] = rest;
  }
  return out;
}

/** The ids whose input form differs from the output form, themselves or through a schema they reference. */
function differingInputs(input: Record<string, JsonSchema>, output: Record<string, JsonSchema>): Set<string> {
  const text = Object.fromEntries(Object.entries(input).map(([id, s]) => [id, JSON.stringify(s)]));
  const differs = new Set(Object.keys(input).filter((id) => text[id]!.replaceAll(INPUT_MARK, '') !== JSON.stringify(output[id])));
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of Object.keys(input)) {
      if (differs.has(id)) continue;
      const refs = [...text[id]!.matchAll(INPUT_REF)].map((m) => m[1]!);
      if (refs.some((r) => differs.has(r))) {
        differs.add(id);
        grew = true;
      }
    }
  }
  return differs;
}

/** Keeps only the schemas reachable from `roots` (any JSON holding `$ref`s). */
export function reachableSchemas(schemas: Record<string, JsonSchema>, roots: unknown): Record<string, JsonSchema> {
  const keep = new Set<string>();
  const visit = (value: unknown) => {
    for (const m of JSON.stringify(value).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      const id = m[1]!;
      if (keep.has(id) || !schemas[id]) continue;
      keep.add(id);
      visit(schemas[id]);
    }
  };
  visit(roots);
  return Object.fromEntries([...keep].sort().map((id) => [id, schemas[id]!]));
}
