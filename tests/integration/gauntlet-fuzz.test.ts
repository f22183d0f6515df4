/**
 * Gauntlet: fuzzing every route of the route table that takes a body, a
 * query or a path parameter, as every caller it admits. Bad input (wrong
 * types, huge strings, full Unicode with NUL, lone surrogates, bidi controls
 * and 4-byte characters, deep nesting, prototype-pollution keys, integers
 * at ±2^31 and ±2^53, dates at years 0001 and 9999 and clocks ±400 days,
 * missing and extra fields, arrays for objects,
 * malformed JSON bytes, wrong content types) must get a 4xx with
 * `{error:{code,message}}` from the closed set, never a 5xx, and must leave
 * every table's row count as it was.
 *
 * Seeded: GAUNTLET_SEED=<n> replays a run; fast-check prints the seed and
 * the shrunk counterexample of a failure.
 */
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ClaimCheckBody } from '../../shared/protocol/claim-check.ts';
import { makeFollowToken } from '../../shared/domain/follow.ts';
import { FollowRatingBody } from '../../shared/protocol/follow.ts';
import { routeTable } from '../../server/src/app.ts';
import { SESSION_COOKIE } from '../../server/src/auth/authenticate.ts';
import type { Access } from '../../server/src/auth/principal.ts';
import { newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import type { RouteDef } from '../../server/src/http/route.ts';
import { LoginBody, PairBody, PairingCodeBody } from '../../shared/protocol/auth.ts';
import { HeartbeatBody } from '../../shared/protocol/devices.ts';
import { ErrorCode } from '../../shared/protocol/errors.ts';
import { CardLookupBody } from '../../shared/protocol/members.ts';
import { PushRequest } from '../../shared/protocol/sync.ts';
import { WebhookEndpointBody } from '../../shared/protocol/webhooks.ts';
import { ServiceBody, ServiceOrderBody } from '../../shared/domain/service.ts';
import { loopbackAddresses, rowCounts, sendBytes } from '../support/gauntlet.ts';
import { edgeDate, edgeDay, edgeInteger, hostileText } from '../support/hostile.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const SEED = Number(process.env.GAUNTLET_SEED ?? 20261122);
const RUNS = Number(process.env.GAUNTLET_RUNS ?? 100);

let server: TestServer;
let kioskDeviceId = '';
/** A real follow token (its ticket waits, so a valid rating is a 409 that writes nothing). */
let followToken = '';
const nextAddress = loopbackAddresses(1);

type Caller = Exclude<Access, 'public'> | 'none';

async function credentialsOf(caller: Caller): Promise<Record<string, string>> {
  if (caller === 'none') return {};
  if (caller === 'kiosk') return { authorization: `Bearer ${server.demo!.kioskToken}` };
  if (caller === 'wall') return { authorization: `Bearer ${server.demo!.wallToken}` };
  const staffId = { agent: 'agent1', supervisor: 'super1', manager: 'manager1' }[caller];
  const token = newToken();
  const staff = await server.store.db.selectFrom('staff').select(['property_id']).where('id', '=', staffId).executeTakeFirstOrThrow();
  await server.store.db
    .insertInto('sessions')
    .values({ token_hash: tokenHash(token), staff_id: staffId, property_id: staff.property_id, expires_at: new Date(Date.now() + 3600_000) })
    .execute();
  return { cookie: `${SESSION_COOKIE}=${token}` };
}

/** A valid body for each route and caller: the fuzzer mutates it, so most runs are near-misses. */
function validBody(url: string, caller: Caller): unknown {
  const now = new Date().toISOString();
  switch (url) {
    case '/api/auth/login':
      return { staffId: 'fuzz-nobody', pin: '123456' };
    case '/api/devices/pairing-codes':
      return { kind: 'kiosk', name: 'Fuzz kiosk' };
    case '/api/devices/pair':
      return { code: 'ABCDEFGH' };
    case '/api/devices/heartbeat':
      return { appVersion: '1.0.0', outboxDepth: 0, rejectedCount: 0, storagePersisted: true, storageUsage: 10, storageQuota: 100, lastSyncAt: now };
    case '/api/kiosk/card':
      return { code: 'ABCD-EFGH-JKLM' };
    case '/api/kiosk/claim-check':
      return { code: 'ABCD2345' };
    case '/api/sync/push': {
      const deviceId = caller === 'kiosk' ? kioskDeviceId : uuidv7();
      return {
        deviceId,
        sentAt: now,
        commands: [
          {
            id: uuidv7(),
            deviceId,
            seq: 1_000_000, // far ahead: a schema-valid command still stops at a gap
            type: 'feedback.submit',
            createdAt: now,
            payload: { feedbackId: uuidv7(), rating: 4, categories: ['service'], comment: 'fine', complaint: false, contactConsent: false, contact: null, guestName: null, room: null, requestId: null },
          },
        ],
      };
    }
    case '/api/settings/services':
      return {
        code: 'fuzz_taxi',
        names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' },
        icon: 'taxi',
        department: 'concierge',
        fields: { room: 'optional', neededAt: 'required', count: 'off', note: 'optional' },
        callOnWall: true,
        retired: false,
      };
    case '/api/settings/services/order':
      return { codes: ['umbrella', 'extra_towels', 'wake_up_call'] };
    case '/api/follow/:token/rating':
      return { rating: 5 };
    case '/api/settings/webhooks':
      return { url: 'http://192.168.1.5/hooks', description: 'Fuzz PMS', eventTypes: ['request.created'], guestFields: ['room'] };
    default:
      return {};
  }
}

const SCHEMAS: Record<string, z.ZodType | undefined> = {
  '/api/auth/login': LoginBody,
  '/api/devices/pairing-codes': PairingCodeBody,
  '/api/devices/pair': PairBody,
  '/api/devices/heartbeat': HeartbeatBody,
  '/api/kiosk/card': CardLookupBody,
  '/api/kiosk/claim-check': ClaimCheckBody,
  '/api/sync/push': PushRequest,
  '/api/settings/services': ServiceBody,
  '/api/settings/services/order': ServiceOrderBody,
  '/api/settings/webhooks': WebhookEndpointBody,
  '/api/follow/:token/rating': FollowRatingBody,
};

/** Values nobody should send. */
const polluted = () =>
  fc.constantFrom(
    Object.fromEntries([['__proto__', { isAdmin: true, role: 'manager' }]]),
    Object.fromEntries([['constructor', { prototype: { isAdmin: true } }]]),
    Object.fromEntries([['prototype', { polluted: 1 }]]),
    Object.fromEntries([
      ['__proto__', { propertyId: 'x' }],
      ['toString', 'boom'],
      ['hasOwnProperty', 1],
    ]),
  );
/** Nesting as a value stays shallow enough for fast-check to print; the deep kinds are sent as raw JSON text below. */
const deep = fc.integer({ min: 20, max: 150 }).map((depth) => Array.from({ length: depth }).reduce<unknown>((acc, _x, i) => (i % 2 ? { a: acc } : [acc]), 1));
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true, withObjectString: true }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n).slice(0, 400_000)),
  fc.constantFrom(-1, 0, -0, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, Number.MAX_SAFE_INTEGER, 'NaN', 'Infinity', '', ' ', true, false, null),
  fc.constantFrom("'; DROP TABLE staff; --", "agent1' OR '1'='1", '<script>alert(1)</script>', '\u0000', '\ud800', '\u202e1208', '💥'.repeat(5000), 'Ω≈ç√∫', '${7*7}', '{{7*7}}', '../../etc/passwd'),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  polluted(),
  deep,
  hostileText,
  edgeInteger,
  edgeDate,
  edgeDay,
);

type Path = (string | number)[];
function pathsOf(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}
function edit(root: unknown, path: Path, fn: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) return root;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  fn(cur, path[path.length - 1]!);
  return copy;
}

type Mutation = { op: 'set'; pick: number; value: unknown } | { op: 'delete'; pick: number } | { op: 'extra'; pick: number; key: string; value: unknown } | { op: 'replace'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('set' as const), pick: fc.nat(), value: badValue }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('extra' as const), pick: fc.nat(), key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'propertyId', 'role', 'isAdmin'), fc.string({ maxLength: 12 })), value: badValue }),
  fc.record({ op: fc.constant('replace' as const), value: badValue }),
);

function mutate(base: unknown, m: Mutation): unknown {
  if (m.op === 'replace') return m.value;
  const paths = pathsOf(base);
  const path = paths[m.pick % paths.length]!;
  if (m.op === 'set') return path.length === 0 ? m.value : edit(base, path, (p, k) => (p[k] = m.value));
  if (m.op === 'delete') return path.length === 0 ? undefined : edit(base, path, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
  // extra: on the object at the path (or the root)
  const objects = paths.filter((p) => {
    let cur: unknown = base;
    for (const k of p) cur = (cur as Record<string | number, unknown>)[k];
    return !!cur && typeof cur === 'object' && !Array.isArray(cur);
  });
  const at = objects[m.pick % objects.length] ?? [];
  const copy = structuredClone(base) as Record<string, unknown>;
  let cur = copy;
  for (const k of at) cur = cur[k] as Record<string, unknown>;
  Object.defineProperty(cur, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  return copy;
}

interface Sent {
  body?: Buffer;
  contentType?: string;
  /** The parsed value, when the bytes are valid JSON sent as JSON. */
  value?: unknown;
  describe: string;
}
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];
const encoding: fc.Arbitrary<Enc> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'json' as const, contentType: 'application/json' }) },
  { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', '').map((t) => ({ kind: 'json' as const, contentType: t })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          '{',
          '{"staffId": ',
          '{"a":1}}',
          "{'a':1}",
          '{"__proto__":{"isAdmin":true}}',
          '{"constructor":{"prototype":{"isAdmin":true}}}',
          '{"a":1,"a":2}',
          'null',
          '[]',
          '"just a string"',
          '12',
          '',
          '\u0000',
          '{"deviceId":"\\ud800"}',
          '['.repeat(100_000),
          '['.repeat(60_000) + ']'.repeat(60_000),
          '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000),
          '{"commands":[' + '{"a":['.repeat(20_000) + ']}'.repeat(20_000) + ']}',
          `{"x":"${'y'.repeat(600 * 1024)}"}`,
        ),
        fc.constantFrom('application/json', 'text/plain'),
      )
      .map(([raw, t]) => ({ kind: 'raw' as const, raw, contentType: t })),
  },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => ({ kind: 'bytes' as const, bytes: Buffer.concat([Buffer.from([0xff, 0xfe, 0x7b]), Buffer.from(b)]), contentType: 'application/json' })) },
);

type Enc = { kind: 'json'; contentType: string } | { kind: 'raw'; raw: string; contentType: string } | { kind: 'bytes'; bytes: Buffer; contentType: string };
function encode(value: unknown, enc: Enc): Sent {
  if (enc.kind === 'raw') return { body: Buffer.from(enc.raw, 'utf8'), contentType: enc.contentType, describe: `raw ${JSON.stringify(enc.raw.slice(0, 80))} as ${enc.contentType}` };
  if (enc.kind === 'bytes') return { body: enc.bytes, contentType: enc.contentType, describe: `bytes ${enc.bytes.toString('hex').slice(0, 80)}` };
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) return { contentType: enc.contentType, describe: 'no body' };
  const isJson = JSON_TYPES.includes(enc.contentType);
  return { body: Buffer.from(text, 'utf8'), contentType: enc.contentType, value: isJson ? JSON.parse(text) : undefined, describe: `${text.slice(0, 200)} as ${enc.contentType || '(none)'}` };
}

/** encodeURIComponent that survives lone surrogates (sent as raw invalid UTF-8 bytes instead). */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

const CLOSED = new Set<string>(ErrorCode.options);

/** fast-check's report with the seed, cut short: counterexamples can be half a megabyte. */
async function assertShort(run: Promise<void>): Promise<void> {
  try {
    await run;
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    const msg = `${e instanceof Error ? e.message : String(e)}\nCaused by: ${cause instanceof Error ? cause.message : String(cause)}`;
    // eslint-disable-next-line preserve-caught-error -- the cause would print the whole (possibly 600 KB) counterexample again
    throw new Error(`${msg.slice(0, 1500)}\n…\n${msg.slice(-2500)}`);
  }
}

/** A valid query for each GET route that reads one (path parameters are fuzzed separately). */
function validQuery(url: string): Record<string, string> {
  const today = new Date().toISOString().slice(0, 10);
  switch (url) {
    case '/api/members':
      return { q: 'Li', offset: '0', limit: '20' };
    case '/api/reports':
      return { period: 'day', date: today };
    case '/api/reports.csv':
      return { period: 'week', date: today, table: 'daily' };
    case '/api/reports/tickets.csv':
      return { period: 'month', date: today, lang: 'zh' };
    case '/api/approvals':
      return { status: 'pending' };
    default:
      return {};
  }
}
const QUERY_ROUTES = ['/api/members', '/api/reports', '/api/reports.csv', '/api/reports/tickets.csv', '/api/approvals'];

/** The routes that read a body, a query or a path parameter. */
const FUZZED = routeTable.filter((d) => d.method === 'POST' || d.url === '/api/sync/pull' || QUERY_ROUTES.includes(d.url) || (d.method === 'GET' && (d.url.includes(':id') || d.url.includes(':token'))));
const callersOf = (def: RouteDef): Caller[] => (def.access === 'public' ? ['none'] : [...(def.access as Exclude<Access, 'public'>[])]);

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kioskDeviceId = (await server.store.db.selectFrom('devices').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow()).id;
  followToken = await followedTicket();
});

/** The demo kiosk issues one ticket with a follow token (through the real push). */
async function followedTicket(): Promise<string> {
  const token = makeFollowToken();
  const auth = { authorization: `Bearer ${server.demo!.kioskToken}`, 'x-lobbydesk-protocol': '1' };
  const me = (await sendBytes(`${server.url}/api/devices/me`, { method: 'GET', headers: auth })).json as { deviceId: string; letter: string; serviceDay: string; lastSeq: number };
  const now = new Date().toISOString();
  const payload = { requestId: uuidv7(), kind: 'call_staff', ticket: `${me.letter}901`, serviceDay: me.serviceDay, reason: 'question', details: null, follow: { token, language: 'en' } };
  const body = { deviceId: me.deviceId, sentAt: now, commands: [{ id: uuidv7(), deviceId: me.deviceId, seq: me.lastSeq + 1, type: 'request.create', createdAt: now, payload }] };
  const r = await sendBytes(`${server.url}/api/sync/push`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify(body)) });
  if ((r.json as { outcomes?: { outcome: string }[] })?.outcomes?.[0]?.outcome !== 'applied') throw new Error(`follow ticket: ${r.status} ${r.text}`);
  return token;
}
afterAll(async () => {
  await server?.stop(true);
});

async function check(def: RouteDef, caller: Caller, url: string, sent: Sent, schemaOk: boolean): Promise<void> {
  const headers: Record<string, string> = { 'x-lobbydesk-protocol': '1', ...(await credentialsOf(caller)) };
  if (sent.contentType) headers['content-type'] = sent.contentType;
  const before = await rowCounts(server.store.db);
  const r = await sendBytes(server.url + url, { method: def.method, headers, body: sent.body, localAddress: nextAddress() });
  const what = `${def.method} ${url.slice(0, 160)} as ${caller}: ${sent.describe.slice(0, 200)} → ${r.status} ${r.text.slice(0, 300)}`;
  expect(r.status, what).toBeLessThan(500);
  if (r.status >= 200 && r.status < 300) {
    expect(schemaOk, `accepted input that fails the route's schema: ${what}`).toBe(true);
    return;
  }
  expect(r.status, what).toBeGreaterThanOrEqual(400);
  expect(r.json?.error && typeof r.json.error.message === 'string', `error shape: ${what}`).toBe(true);
  expect(CLOSED.has(r.json.error.code), `closed error set: ${what}`).toBe(true);
  // The attempt counters (auth_attempts) count refused requests too, by design; every other table must be untouched.
  expect({ ...(await rowCounts(server.store.db)), auth_attempts: before.auth_attempts }, `no write on refusal: ${what}`).toEqual(before);
}

describe('gauntlet: fuzzing every route with a body, query or parameter', () => {
  it('covers every POST route, the pull query and every GET route with a query or a path parameter', () => {
    expect(FUZZED.map((d) => d.url)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/devices/pair', '/api/sync/push', '/api/sync/pull', '/api/kiosk/card', '/api/devices/:id/revoke', ...QUERY_ROUTES, '/api/members/:id', '/api/members/:id/card', '/api/follow/:token', '/api/follow/:token/live', '/api/follow/:token/rating']),
    );
  });

  for (const def of FUZZED) {
    for (const caller of callersOf(def)) {
      it(`${def.method} ${def.url} as ${caller}: bad input is a 4xx from the closed set, never a 5xx or a partial write`, { timeout: 60_000 }, async () => {
        if (def.url === '/api/sync/pull') {
          const query = fc.oneof(
            badValue.map((v) => `after=${enc(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`),
            fc.constantFrom('after=1&after=2', 'after[]=1', 'after[a]=1', '__proto__[after]=1', 'constructor[prototype][x]=1', 'after=-1', 'after=1e400', 'after=0x10', 'after=%00', 'after=%E0%A4%A', 'after=99999999999999999999999', 'x=1', ''),
          );
          await assertShort(fc.assert(
            fc.asyncProperty(query, async (q) => {
              await check(def, caller, `${def.url}?${q}`, { describe: `?${q.slice(0, 200)}` }, true);
            }),
            { numRuns: RUNS, seed: SEED, endOnFailure: true },
          ));
          return;
        }
        if (def.method === 'GET') {
          // A query key set to a hostile value, dropped, doubled or joined by an extra one; path ids fuzzed likewise.
          const base = validQuery(def.url);
          const keys = [...Object.keys(base), 'x', '__proto__'];
          const edit = fc.record({ key: fc.constantFrom(...keys), value: badValue, op: fc.constantFrom('set', 'delete', 'double') });
          const idParam = fc.oneof(fc.uuid(), badValue.map((v) => enc(typeof v === 'string' ? v : JSON.stringify(v) ?? 'x').slice(0, 2000) || 'x'));
          await assertShort(fc.assert(
            fc.asyncProperty(edit, idParam, async (e, id) => {
              const value = typeof e.value === 'string' ? e.value : JSON.stringify(e.value) ?? '';
              const parts = Object.entries(base).filter(([k]) => !(e.op === 'delete' && k === e.key)).map(([k, v]) => `${k}=${k === e.key && e.op === 'set' ? enc(value).slice(0, 4000) : enc(v)}`);
              if (e.op === 'double' || !(e.key in base)) parts.push(`${enc(e.key)}=${enc(value).slice(0, 4000)}`);
              const url = `${def.url.replace(':id', id).replace(':token', id)}?${parts.join('&')}`;
              await check(def, caller, url, { describe: url.slice(0, 200) }, true);
            }),
            { numRuns: Math.ceil(RUNS / 2), seed: SEED, endOnFailure: true },
          ));
          return;
        }
        const schema = SCHEMAS[def.url];
        const idParam = fc.oneof(fc.uuid().map((u) => u), badValue.map((v) => enc(typeof v === 'string' ? v : JSON.stringify(v) ?? 'x').slice(0, 2000) || 'x'));
        // A follow token: the real one (a waiting ticket), a well-formed unknown one, or anything.
        const tokenParam = fc.oneof(fc.constant(followToken), fc.constant(makeFollowToken()), idParam);
        await assertShort(fc.assert(
          fc.asyncProperty(mutation, encoding, idParam, tokenParam, async (m, enc, id, token) => {
            const value = mutate(validBody(def.url, caller), m);
            const sent = encode(value, enc);
            const schemaOk = !schema || (sent.value !== undefined && schema.safeParse(sent.value).success);
            const url = def.url.replace(':id', id).replace(':token', token);
            await check(def, caller, url, sent, schemaOk);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        ));
      });
    }
  }
});
