/**
 * The API reference cannot go stale: every route declares what it takes and what it
 * answers, docs/openapi.json is exactly what the generator writes, and the document is
 * well-formed OpenAPI 3.1 (path parameters declared, responses present, every `$ref`
 * resolves, every schema compiles as JSON Schema 2020-12).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../server/src/app.ts';
import { buildOpenApiDocument } from '../../server/src/http/openapi/document.ts';
import { OPENAPI_FILE, openApiJson } from '../../server/src/http/openapi/generate.ts';
import { openApiPath, pathParams } from '../../server/src/http/openapi/paths.ts';
import { parse, route, type RouteDef } from '../../server/src/http/route.ts';
import { LoginBody, LogoutResponse } from '../../shared/protocol/auth.ts';
import { DeviceIdParams } from '../../shared/protocol/devices.ts';
import { allRefs, resolvePointer, schemaValidator, type Json } from '../support/openapi.ts';

const root = resolve(import.meta.dirname, '../..');
const doc = buildOpenApiDocument(routeTable) as Json;
const name = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function operations(): { path: string; method: string; op: Json }[] {
  return Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => METHODS.includes(m))
      .map(([method, op]) => ({ path, method, op })),
  );
}

/** Routes whose input is not declared on the route: path parameters without a schema, or a handler reading the raw request. */
function undeclaredInput(routes: readonly RouteDef[]): string[] {
  const missing: string[] = [];
  for (const r of routes) {
    if (pathParams(r.url).length > 0 && !r.schemas?.params) missing.push(`${name(r)}: path parameters without a params schema`);
    // A handler that reads the raw request parses by hand: the schema belongs on the route (route() parses it).
    const raw = [...r.handler.toString().matchAll(/\breq\.(body|query|params)\b/g)].map((m) => m[1] as 'body' | 'query' | 'params');
    for (const slot of new Set(raw)) if (!r.schemas?.[slot]) missing.push(`${name(r)}: reads req.${slot} without a ${slot} schema`);
  }
  return missing;
}

describe('route declarations', () => {
  it('every route declares its response (a shared schema, or a media type)', () => {
    const missing = routeTable.filter((r) => r.response === undefined).map(name);
    expect(missing, `Routes without a response declaration (add \`response\` to the route):\n${missing.join('\n')}`).toEqual([]);
  });

  it('every route that takes input declares its schemas instead of parsing by hand', () => {
    const missing = undeclaredInput(routeTable);
    expect(missing, `Routes whose input is not declared:\n${missing.join('\n')}`).toEqual([]);
  });

  it('finds a route that parses its input by hand, and one with an undeclared path parameter', () => {
    const byHand = route({
      method: 'POST',
      url: '/api/probe/:id',
      access: 'public',
      response: LogoutResponse,
      async handler({ req }) {
        return parse(LoginBody, req.body);
      },
    });
    expect(undeclaredInput([byHand])).toEqual(['POST /api/probe/:id: path parameters without a params schema', 'POST /api/probe/:id: reads req.body without a body schema']);
    const declared = route({ method: 'POST', url: '/api/probe/:id', access: 'public', params: DeviceIdParams, body: LoginBody, response: LogoutResponse, handler: async ({ body }) => body });
    expect(undeclaredInput([declared])).toEqual([]);
  });

  it('every route has a summary and a tag', () => {
    const missing = routeTable.filter((r) => !r.summary || !r.tags?.length).map(name);
    expect(missing, `Routes without a summary or tags:\n${missing.join('\n')}`).toEqual([]);
  });
});

describe('docs/openapi.json', () => {
  it('is what the generator writes now', () => {
    const checkedIn = readFileSync(resolve(root, OPENAPI_FILE), 'utf8');
    expect(checkedIn === openApiJson(routeTable), 'docs/openapi.json is stale: run npm run openapi').toBe(true);
  });
});

describe('the document', () => {
  it('is OpenAPI 3.1 with every route of the table, once', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect((doc.info as Json).version).toBe(JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')).version);
    expect(doc.servers).toEqual([{ url: '/' }]);
    const documented = operations().map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(documented.sort()).toEqual(routeTable.map((r) => `${r.method} ${openApiPath(r.url)}`).sort());
    const ids = operations().map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('declares every path parameter, and no other, as a required path parameter', () => {
    for (const { path, method, op } of operations()) {
      const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      const declared = ((op.parameters ?? []) as Json[]).map((p) => (p.$ref ? resolvePointer(doc, p.$ref as string) : p) as Json).filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inPath.sort());
      for (const p of declared) expect(p.required, `${method} ${path} ${String(p.name)}`).toBe(true);
    }
  });

  it('gives every operation a 200 answer and the error answer', () => {
    for (const { path, method, op } of operations()) {
      const responses = op.responses as Record<string, Json>;
      expect(responses['200']?.description, `${method} ${path}`).toBeTruthy();
      expect(responses['200']?.content, `${method} ${path}`).toBeDefined();
      expect(responses['4XX']).toEqual({ $ref: '#/components/responses/Error' });
      expect(responses['5XX']).toEqual({ $ref: '#/components/responses/Error' });
    }
  });

  it('resolves every $ref, names only defined security schemes and tags', () => {
    const broken = [...new Set(allRefs(doc))].filter((ref) => resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
    const schemes = Object.keys((doc.components as Json).securitySchemes as Json);
    const tags = (doc.tags as Json[]).map((t) => t.name);
    for (const { path, method, op } of operations()) {
      for (const requirement of op.security as Json[]) for (const s of Object.keys(requirement)) expect(schemes, `${method} ${path}`).toContain(s);
      for (const t of op.tags as string[]) expect(tags, `${method} ${path}`).toContain(t);
    }
  });

  it('protects exactly the routes that are not public: the session cookie for staff, the bearer token for devices', () => {
    for (const r of routeTable) {
      const op = (doc.paths as Record<string, Record<string, Json>>)[openApiPath(r.url)]![r.method.toLowerCase()]!;
      const schemes = (op.security as Json[]).flatMap((s) => Object.keys(s)).sort();
      const expected = r.access === 'public' ? [] : [...(r.access.some((a) => a === 'kiosk' || a === 'wall') ? ['deviceToken'] : []), ...(r.access.some((a) => a !== 'kiosk' && a !== 'wall') ? ['staffSession'] : [])];
      expect(schemes, name(r)).toEqual(expected);
    }
  });

  it('has only well-formed JSON Schemas (draft 2020-12)', () => {
    const schemas = Object.keys((doc.components as Json).schemas as Json);
    const v = schemaValidator(doc);
    expect(schemas.length).toBeGreaterThan(20);
    for (const s of schemas) expect(() => v.validate(s, null), s).not.toThrow();
  });

  it('describes the sync protocol: batches and outcomes, the cursor, the event stream, the protocol header', () => {
    const op = (path: string, method: string) => (doc.paths as Record<string, Record<string, Json>>)[path]![method]!;
    const push = String(op('/api/sync/push', 'post').description);
    for (const word of ['applied', 'duplicate', 'rejected', 'seq_gap', 'expectedSeq', 'lastSeq']) expect(push).toContain(word);
    const pull = String(op('/api/sync/pull', 'get').description);
    for (const word of ['after', 'hasMore', 'reset', 'request.upserted']) expect(pull).toContain(word);
    const live = op('/api/sync/live', 'get');
    expect(Object.keys((live.responses as Record<string, Json>)['200']!.content as Json)).toEqual(['text/event-stream']);
    for (const word of ['id: <version>', 'data: {"version":<version>}', 'heartbeat', 'Last-Event-ID']) expect(String(live.description)).toContain(word);
    expect(String((doc.info as Json).description)).toContain('x-lobbydesk-protocol: 1');
    expect(Object.keys(((doc.components as Json).schemas as Json))).toEqual(expect.arrayContaining(['PushResponse', 'PullResponse', 'LiveHint', 'ApiError']));
  });
});
