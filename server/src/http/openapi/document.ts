/**
 * The OpenAPI 3.1 document of the API, built from the route table: each route's
 * access, input schemas, response and words become one operation.
 */
import type { z } from 'zod';
import pkg from '../../../../package.json' with { type: 'json' };
import { ApiError } from '../../../../shared/protocol/errors.ts';
import { LiveHint } from '../../../../shared/protocol/events.ts';
import { Command } from '../../../../shared/protocol/commands.ts';
import { SeqGapDetails } from '../../../../shared/protocol/sync.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../../shared/protocol/version.ts';
import type { RouteDef } from '../route.ts';
import { buildComponents, reachableSchemas, SCHEMA_REF, type Components, type JsonSchema } from './components.ts';
import { INTRODUCTION, TAG_DESCRIPTIONS } from './overview.ts';
import { accessOf, openApiPath, operationId, pathParams, securityOf } from './paths.ts';

/** How an operation's description says who may call it. */
export const WHO_PREFIXES = ['Anyone (no credentials)', 'Who may call it:'] as const;

export type OpenApiDocument = { openapi: '3.1.0'; [key: string]: unknown };

/** Shapes the reference names even though no route answers them directly (the command union, the error body, the live hint, a seq_gap's details). */
const ALWAYS = { ApiError, Command, LiveHint, SeqGapDetails };

export function buildOpenApiDocument(routes: readonly RouteDef[]): OpenApiDocument {
  const components = buildComponents([...Object.entries(ALWAYS).map(([name, schema]) => ({ schema, name })), ...routes.flatMap(routeSchemas)]);
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) (paths[openApiPath(r.url)] ??= {})[r.method.toLowerCase()] = operation(r, components);
  const responses = { Error: { description: 'An error: `{error: {code, message, details?}}` (codes: `ErrorCode`).', content: { 'application/json': { schema: components.ref(ApiError, 'output') } } } };
  // Commands are what clients send (input); the error body and the live hint are what the server sends.
  const roots = [paths, responses, components.ref(Command, 'input'), components.ref(ApiError, 'output'), components.ref(LiveHint, 'output'), components.ref(SeqGapDetails, 'output')];
  return {
    openapi: '3.1.0',
    info: { title: 'lobbydesk API', version: pkg.version, description: INTRODUCTION, license: { name: pkg.license, identifier: pkg.license } },
    servers: [{ url: '/' }],
    tags: [...new Set(routes.flatMap(tagsOf))].map((name) => ({ name, ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}) })),
    paths,
    components: {
      schemas: reachableSchemas(components.schemas, roots),
      responses,
      parameters: {
        ProtocolHeader: protocolHeader(false),
        ProtocolHeaderRequired: protocolHeader(true),
      },
      securitySchemes: {
        staffSession: { type: 'apiKey', in: 'cookie', name: 'ld_session', description: 'The staff session cookie `POST /api/auth/login` sets (httpOnly, path `/api`, 12 hours).' },
        deviceToken: { type: 'http', scheme: 'bearer', description: 'A paired kiosk or wall display: `Authorization: Bearer <token>` from `POST /api/devices/pair`.' },
      },
    },
  };
}

function protocolHeader(required: boolean) {
  return {
    name: PROTOCOL_HEADER,
    in: 'header',
    required,
    description: `The protocol version the client speaks (now ${PROTOCOL_VERSION}). ${required ? 'Every write must carry it.' : 'Optional on reads.'} An older one answers 426 \`protocol_outdated\`.`,
    schema: { type: 'string', pattern: '^\\d+$', examples: [String(PROTOCOL_VERSION)] },
  };
}

const tagsOf = (r: RouteDef): string[] => (r.tags?.length ? [...r.tags] : [r.url.split('/')[2] ?? 'API']);

/** The schemas a route refers to, each with the name it gets when shared/ does not export it. */
function routeSchemas(r: RouteDef): { schema: z.ZodType; name: string }[] {
  const id = operationId(r);
  const capital = id[0]!.toUpperCase() + id.slice(1);
  const slots: [string, z.ZodType | undefined][] = [
    ['Query', r.schemas?.query],
    ['Params', r.schemas?.params],
    ['Body', r.schemas?.body],
    ['Response', isSchema(r.response) ? r.response : undefined],
  ];
  return slots.flatMap(([slot, schema]) => (schema ? [{ schema, name: capital + slot }] : []));
}

function isSchema(response: RouteDef['response']): response is z.ZodType {
  return response !== undefined && !('mediaType' in response && typeof response.mediaType === 'string');
}

function operation(r: RouteDef, components: Components) {
  const access = accessOf(r);
  const parameters = [
    ...pathParams(r.url).map((name) => ({ name, in: 'path', required: true, schema: propertyOf(components, r.schemas?.params, name) ?? { type: 'string' } })),
    ...queryParams(components, r.schemas?.query),
    { $ref: `#/components/parameters/${r.method === 'POST' ? 'ProtocolHeaderRequired' : 'ProtocolHeader'}` },
  ];
  const who = access === 'public' ? `${WHO_PREFIXES[0]}.` : `${WHO_PREFIXES[1]} ${access.join(', ')}.`;
  return {
    operationId: operationId(r),
    summary: r.summary ?? `${r.method} ${r.url}`,
    description: [r.description, who, r.rateLimitPerMinute ? `At most ${r.rateLimitPerMinute} requests a minute per client address (429 \`rate_limited\` beyond).` : undefined].filter(Boolean).join('\n\n'),
    tags: tagsOf(r),
    'x-lobbydesk-access': access === 'public' ? ['public'] : access,
    security: securityOf(access),
    parameters,
    ...(r.schemas?.body ? { requestBody: { required: true, content: { 'application/json': { schema: components.ref(r.schemas.body, 'input') } } } } : {}),
    responses: {
      '200': success(r, components),
      '4XX': { $ref: '#/components/responses/Error' },
      '5XX': { $ref: '#/components/responses/Error' },
    },
  };
}

function success(r: RouteDef, components: Components) {
  if (r.response === undefined) return { description: 'Not declared.' };
  if (!isSchema(r.response)) return { description: r.response.description, content: { [r.response.mediaType]: { schema: { type: 'string' } } } };
  return { description: 'OK', content: { 'application/json': { schema: components.ref(r.response, 'output') } } };
}

/** The object schema a `$ref` names (query and path parameters are objects of fields). */
function objectOf(components: Components, schema: z.ZodType): { properties: Record<string, JsonSchema>; required: string[] } {
  const id = components.ref(schema, 'input').$ref.slice(SCHEMA_REF.length);
  const s = components.schemas[id];
  if (!s || s.type !== 'object' || typeof s.properties !== 'object') throw new Error(`${id}: query and path parameters must be an object schema`);
  return { properties: s.properties as Record<string, JsonSchema>, required: Array.isArray(s.required) ? (s.required as string[]) : [] };
}

function propertyOf(components: Components, schema: z.ZodType | undefined, name: string): JsonSchema | undefined {
  return schema ? objectOf(components, schema).properties[name] : undefined;
}

function queryParams(components: Components, schema: z.ZodType | undefined) {
  if (!schema) return [];
  const { properties, required } = objectOf(components, schema);
  return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', required: required.includes(name), schema: s }));
}
