/** A JSON Schema as nested lists a person can read: fields, types, limits, choices; named shapes link to their section. */
import { SCHEMA_REF, type JsonSchema } from './components.ts';
import { escapeHtml } from './markdown.ts';

const MAX_DEPTH = 12;

export const schemaAnchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function schemaHtml(s: JsonSchema, depth = 0): string {
  if (depth > MAX_DEPTH) return '…';
  if (typeof s.$ref === 'string' && s.$ref.startsWith(SCHEMA_REF)) {
    const name = s.$ref.slice(SCHEMA_REF.length);
    return `<a href="#${schemaAnchor(name)}">${escapeHtml(name)}</a>`;
  }
  const parts: string[] = [];
  const choices = (s.oneOf ?? s.anyOf) as JsonSchema[] | undefined;
  if (Array.isArray(choices)) {
    const nonNull = choices.filter((c) => c.type !== 'null');
    const nullable = nonNull.length < choices.length ? ' or null' : '';
    if (nonNull.length === 1) parts.push(`${schemaHtml(nonNull[0]!, depth + 1)}${nullable}`);
    else parts.push(`one of${nullable}:<ul>${nonNull.map((c) => `<li>${schemaHtml(c, depth + 1)}</li>`).join('')}</ul>`);
  } else if (Array.isArray(s.allOf)) {
    parts.push(`all of:<ul>${(s.allOf as JsonSchema[]).map((c) => `<li>${schemaHtml(c, depth + 1)}</li>`).join('')}</ul>`);
  } else if ('const' in s) {
    parts.push(`<code>${escapeHtml(JSON.stringify(s.const))}</code>`);
  } else if (Array.isArray(s.enum)) {
    parts.push(`one of ${(s.enum as unknown[]).map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(', ')}`);
  } else {
    parts.push(typeHtml(s, depth));
  }
  if (typeof s.description === 'string') parts.push(`<span class="note">${escapeHtml(s.description)}</span>`);
  if ('default' in s) parts.push(`<span class="limit">default <code>${escapeHtml(JSON.stringify(s.default))}</code></span>`);
  return parts.join(' ');
}

function typeHtml(s: JsonSchema, depth: number): string {
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  const nullable = types.includes('null') ? ' or null' : '';
  const type = types.find((t) => t !== 'null');
  if (type === 'object' || (type === undefined && s.properties)) return objectHtml(s, depth) + nullable;
  if (type === 'array') {
    const items = s.items && typeof s.items === 'object' ? schemaHtml(s.items as JsonSchema, depth + 1) : 'anything';
    return `array${limits(s)} of ${items}${nullable}`;
  }
  if (type === undefined) return 'any JSON value';
  return `<span class="type">${escapeHtml(type)}</span>${limits(s)}${nullable}`;
}

function objectHtml(s: JsonSchema, depth: number): string {
  const props = (s.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const extra = s.additionalProperties && typeof s.additionalProperties === 'object' ? `<li><em>any key</em>: ${schemaHtml(s.additionalProperties as JsonSchema, depth + 1)}</li>` : '';
  const rows = Object.entries(props).map(
    ([name, p]) => `<li><code>${escapeHtml(name)}</code>${required.has(name) ? ' <span class="req">required</span>' : ''}: ${schemaHtml(p, depth + 1)}</li>`,
  );
  if (rows.length === 0 && !extra) return 'object';
  return `object<ul>${rows.join('')}${extra}</ul>`;
}

const LIMITS: [string, string][] = [
  ['format', 'format'],
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['exclusiveMinimum', 'more than'],
  ['exclusiveMaximum', 'less than'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
];

function limits(s: JsonSchema): string {
  const words = LIMITS.filter(([k]) => k in s && !(k === 'maximum' && s[k] === Number.MAX_SAFE_INTEGER) && !(k === 'minimum' && s[k] === Number.MIN_SAFE_INTEGER)).map(
    ([k, label]) => `${label} ${escapeHtml(String(s[k]))}`,
  );
  // A format says it better than its long pattern (uuid, date-time).
  if (typeof s.pattern === 'string' && !('format' in s)) words.push(`pattern <code>${escapeHtml(s.pattern)}</code>`);
  return words.length ? ` <span class="limit">(${words.join(', ')})</span>` : '';
}
