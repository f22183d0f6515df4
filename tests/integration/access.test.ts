/**
 * Who may call what, generated from the server's own route table: every
 * route × every kind of caller. Plus the guards around it: the protocol/CSRF
 * header, PIN login and its rate limit, one-time pairing codes, and the
 * shape of every error body.
 *
 * Each caller talks from its own loopback address (127.0.0.x), so the
 * per-address rate limits on login and pairing count each caller separately.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, ErrorCode } from '../../shared/protocol/errors.ts';
import { routeTable } from '../../server/src/app.ts';
import { SESSION_COOKIE } from '../../server/src/auth/authenticate.ts';
import type { Access } from '../../server/src/auth/principal.ts';
import { newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import { DomainError } from '../../server/src/http/errors.ts';
import type { RouteDef } from '../../server/src/http/route.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { makeFollowToken } from '../../shared/domain/follow.ts';
import { apiCall, KioskDriver, pairDevice, rawRequest, type RawResponse } from './helpers.ts';

type CallerName = 'none' | 'forged token' | 'kiosk' | 'wall' | 'agent' | 'supervisor' | 'manager' | 'revoked kiosk' | 'expired session';

interface Caller {
  name: CallerName;
  /** The access kind this caller would have; null when it must be refused as unauthenticated. */
  access: Exclude<Access, 'public'> | null;
  localAddress: string;
  /** Fresh credentials for one request (staff get a new session each time, so a logout cannot spoil the next test). */
  credentials(): Promise<{ token?: string; cookie?: string }>;
}

const CALLER_NAMES: CallerName[] = ['none', 'forged token', 'kiosk', 'wall', 'agent', 'supervisor', 'manager', 'revoked kiosk', 'expired session'];

let server: TestServer;
/** A real follow token (issue #14): the follow routes are called with it, so every caller reaches the same ticket. */
let followToken = '';
const callers = new Map<CallerName, Caller>();
/** Every error body any test in this file received, with its status, for the shape check at the end. */
const errorsSeen: { where: string; status: number; body: unknown; text: string }[] = [];

function note(where: string, r: RawResponse): RawResponse {
  if (r.status >= 400 && r.text) errorsSeen.push({ where, status: r.status, body: r.json, text: r.text });
  return r;
}

/** A session row as login would write it, valid until `expiresAt`. */
async function mintSession(staffId: string, expiresAt: Date): Promise<string> {
  const token = newToken();
  const staff = await server.store.db.selectFrom('staff').select(['property_id']).where('id', '=', staffId).executeTakeFirstOrThrow();
  await server.store.db.insertInto('sessions').values({ token_hash: tokenHash(token), staff_id: staffId, property_id: staff.property_id, expires_at: expiresAt }).execute();
  return `${SESSION_COOKIE}=${token}`;
}

beforeAll(async () => {
  server = await startTestServer({ static: false });
  const supervisor = await new TestClient(server.url).login('super1', '2222');
  const revoked = await pairDevice(server.url, supervisor, 'kiosk', 'Soon revoked');
  const revokedNow = await supervisor.post(`/api/devices/${revoked.deviceId}/revoke`, {});
  if (revokedNow.status !== 200) throw new Error(`revoke: ${revokedNow.status} ${JSON.stringify(revokedNow.body)}`);

  const inAnHour = () => new Date(Date.now() + 3600_000);
  const defs: Omit<Caller, 'localAddress'>[] = [
    { name: 'none', access: null, credentials: async () => ({}) },
    { name: 'forged token', access: null, credentials: async () => ({ token: newToken() }) },
    { name: 'kiosk', access: 'kiosk', credentials: async () => ({ token: server.demo!.kioskToken }) },
    { name: 'wall', access: 'wall', credentials: async () => ({ token: server.demo!.wallToken }) },
    { name: 'agent', access: 'agent', credentials: async () => ({ cookie: await mintSession('agent1', inAnHour()) }) },
    { name: 'supervisor', access: 'supervisor', credentials: async () => ({ cookie: await mintSession('super1', inAnHour()) }) },
    { name: 'manager', access: 'manager', credentials: async () => ({ cookie: await mintSession('manager1', inAnHour()) }) },
    { name: 'revoked kiosk', access: null, credentials: async () => ({ token: revoked.token }) },
    { name: 'expired session', access: null, credentials: async () => ({ cookie: await mintSession('agent2', new Date(Date.now() - 60_000)) }) },
  ];
  defs.forEach((d, i) => callers.set(d.name, { ...d, localAddress: `127.0.0.${10 + i}` }));

  const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  const ticket = kiosk.create();
  followToken = makeFollowToken();
  ticket.payload.follow = { token: followToken, language: 'en' };
  const issued = await kiosk.push([ticket]);
  if (issued.body.outcomes?.[0]?.outcome !== 'applied') throw new Error(`follow ticket: ${JSON.stringify(issued.body)}`);
});

afterAll(async () => {
  await server?.stop(true);
});

/** Calls a route the way any app would, with an empty body for writes (a 400 is a fine answer for an allowed caller). */
async function callRoute(def: RouteDef, caller: Caller): Promise<RawResponse> {
  const creds = await caller.credentials();
  const isStream = def.url === '/api/sync/live' || def.url === '/api/follow/:token/live';
  const path = def.url === '/api/sync/pull' ? '/api/sync/pull?after=0' : def.url.replace(':token', followToken);
  return note(
    `${def.method} ${def.url} as ${caller.name}`,
    await apiCall(server.url, def.method, path, { ...creds, localAddress: caller.localAddress, body: def.method === 'POST' ? {} : undefined, statusOnly: isStream ? 'stream' : false }),
  );
}

describe('route table × callers', () => {
  it('lists every API route with an access rule', () => {
    expect(routeTable.length).toBeGreaterThanOrEqual(10);
    for (const def of routeTable) {
      expect(def.url.startsWith('/api/')).toBe(true);
      expect(def.access === 'public' || (Array.isArray(def.access) && def.access.length > 0)).toBe(true);
    }
  });

  describe.each(routeTable.map((def) => ({ def, label: `${def.method} ${def.url}` })))('$label', ({ def }) => {
    it.each(CALLER_NAMES)('answers the %s caller as its access rule says', async (name) => {
      const caller = callers.get(name)!;
      const r = await callRoute(def, caller);
      const what = `${def.method} ${def.url} as ${name}: ${r.status} ${r.text}`;
      if (def.access === 'public') {
        expect([401, 403], what).not.toContain(r.status);
      } else if (caller.access === null) {
        expect(r.status, what).toBe(401);
        expect(r.json?.error?.code, what).toBe(name === 'revoked kiosk' ? 'device_revoked' : 'unauthenticated');
      } else if (!(def.access as readonly string[]).includes(caller.access)) {
        expect(r.status, what).toBe(403);
        expect(r.json?.error?.code, what).toBe('forbidden');
      } else {
        expect([401, 403], what).not.toContain(r.status);
        expect(r.status, what).toBeLessThan(500);
      }
    });
  });
});

describe('follow routes (a guest phone)', () => {
  it('answers every caller the same ticket, the same bytes: a staff cookie or a device token gives nothing more', async () => {
    const answers = new Set<string>();
    for (const name of CALLER_NAMES) {
      const caller = callers.get(name)!;
      const r = note(`follow view as ${name}`, await apiCall(server.url, 'GET', `/api/follow/${followToken}`, { ...(await caller.credentials()), localAddress: caller.localAddress }));
      expect(r.status, `${name}: ${r.text}`).toBe(200);
      answers.add(r.text);
    }
    expect(answers.size).toBe(1);
  });
});

describe('staff sessions', () => {
  it('reaches staff routes with a real login cookie, and logout ends the session', async () => {
    const client = await new TestClient(server.url).login('manager1', '3333');
    expect((await client.get('/api/auth/me')).body.staff).toEqual({ id: 'manager1', name: 'Grace Chen', role: 'manager' });
    expect((await client.post('/api/auth/logout', {})).status).toBe(200);
    const after = await client.get('/api/auth/me');
    expect(after.status).toBe(401);
  });

  it('refuses a session that expired a moment ago', async () => {
    const cookie = await mintSession('agent1', new Date(Date.now() + 60_000));
    expect((await apiCall(server.url, 'GET', '/api/auth/me', { cookie })).status).toBe(200);
    await server.store.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('token_hash', '=', tokenHash(cookie.split('=')[1]!))
      .execute();
    const r = note('expired session', await apiCall(server.url, 'GET', '/api/auth/me', { cookie }));
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('unauthenticated');
  });
});

describe('protocol and CSRF guard', () => {
  const address = '127.0.0.50';

  it('refuses a POST without the protocol header before doing anything', async () => {
    const r = note(
      'login without header',
      await rawRequest(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ staffId: 'agent1', pin: '1111' }),
        localAddress: address,
      }),
    );
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('bad_request');
    expect(r.json.error.message).toContain('x-lobbydesk-protocol');
    expect(r.headers['set-cookie']).toBeUndefined();

    const before = await server.store.db.selectFrom('pairing_codes').select('code_hash').execute();
    const cookie = await mintSession('super1', new Date(Date.now() + 60_000));
    const forged = note(
      'pairing code without header',
      await rawRequest(`${server.url}/api/devices/pairing-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ kind: 'kiosk', name: 'Cross-site' }),
        localAddress: address,
      }),
    );
    expect(forged.status).toBe(400);
    expect(await server.store.db.selectFrom('pairing_codes').select('code_hash').execute()).toHaveLength(before.length);
  });

  it('answers an outdated protocol with 426 protocol_outdated, for reads and writes', async () => {
    for (const [method, path] of [
      ['GET', '/api/health'],
      ['POST', '/api/auth/login'],
      ['GET', '/api/sync/pull?after=0'],
    ] as const) {
      const r = note(
        `${method} ${path} protocol 0`,
        await apiCall(server.url, method, path, { headers: { 'x-lobbydesk-protocol': '0' }, token: server.demo!.kioskToken, body: method === 'POST' ? {} : undefined, localAddress: address }),
      );
      expect(r.status, path).toBe(426);
      expect(r.json.error.code).toBe('protocol_outdated');
      expect(r.json.error.details).toEqual({ required: 1 });
    }
  });

  it('answers malformed JSON and unknown API paths with the error shape', async () => {
    const bad = note(
      'malformed json',
      await rawRequest(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1' },
        body: '{"staffId": ',
        localAddress: address,
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('bad_request');
    const missing = note('unknown path', await apiCall(server.url, 'GET', '/api/no-such-thing', { localAddress: address }));
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('not_found');
  });
});

describe('PIN login', () => {
  it('answers a wrong PIN, and an unknown staff id, with 401 invalid_pin', async () => {
    const address = '127.0.0.60';
    const wrong = note('wrong pin', await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'agent1', pin: '9999' }, localAddress: address }));
    expect(wrong.status).toBe(401);
    expect(wrong.json.error.code).toBe('invalid_pin');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = note('unknown staff', await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'nobody', pin: '1111' }, localAddress: address }));
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toEqual(wrong.json.error); // nothing tells a wrong id from a wrong PIN
  });

  it('limits login to 10 attempts a minute per address: the 11th gets 429 rate_limited, even with the right PIN', async () => {
    const address = '127.0.0.61';
    for (let i = 1; i <= 10; i++) {
      // A different unknown id each time: five wrong PINs for one id trip its per-account lockout (gauntlet-security).
      const r = note('login attempt', await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: `nobody${i}`, pin: '0000' }, localAddress: address }));
      expect(r.status, `attempt ${i}`).toBe(401);
    }
    const eleventh = note('11th login', await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'agent1', pin: '1111' }, localAddress: address }));
    expect(eleventh.status).toBe(429);
    expect(eleventh.json.error.code).toBe('rate_limited');
    expect(eleventh.headers['set-cookie']).toBeUndefined();
    // Another address is not affected.
    const other = await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'agent1', pin: '1111' }, localAddress: '127.0.0.62' });
    expect(other.status).toBe(200);
  });
});

describe('pairing codes', () => {
  it('pairs a device with a code once; the same code again is pairing_code_invalid', async () => {
    const address = '127.0.0.70';
    const cookie = await mintSession('manager1', new Date(Date.now() + 60_000));
    const code = await apiCall(server.url, 'POST', '/api/devices/pairing-codes', { cookie, body: { kind: 'wall', name: 'Bar wall' }, localAddress: address });
    expect(code.status).toBe(200);
    expect(code.json.code).toMatch(/^[A-Z0-9]{8}$/);
    const first = await apiCall(server.url, 'POST', '/api/devices/pair', { body: { code: code.json.code }, localAddress: address });
    expect(first.status).toBe(200);
    expect(first.json.me).toMatchObject({ kind: 'wall', name: 'Bar wall', letter: null });
    const me = await apiCall(server.url, 'GET', '/api/devices/me', { token: first.json.token, localAddress: address });
    expect(me.status).toBe(200);

    const second = note('pair twice', await apiCall(server.url, 'POST', '/api/devices/pair', { body: { code: code.json.code }, localAddress: address }));
    expect(second.status).toBe(400);
    expect(second.json.error.code).toBe('pairing_code_invalid');
    const unknown = note('unknown code', await apiCall(server.url, 'POST', '/api/devices/pair', { body: { code: 'ZZZZZZZZ' }, localAddress: address }));
    expect(unknown.json.error.code).toBe('pairing_code_invalid');
  });

  it('lets a revoked kiosk pair again while it still sends its old token', async () => {
    const address = '127.0.0.71';
    const cookie = await mintSession('super1', new Date(Date.now() + 60_000));
    const supervisor = new TestClient(server.url);
    const old = await pairDevice(server.url, await supervisor.login('super1', '2222'), 'kiosk', 'Re-paired');
    await server.store.db.updateTable('devices').set({ revoked_at: new Date() }).where('id', '=', old.deviceId).execute();
    const code = await apiCall(server.url, 'POST', '/api/devices/pairing-codes', { cookie, body: { kind: 'kiosk', name: 'Re-paired' }, localAddress: address });
    const again = note('re-pair with old token', await apiCall(server.url, 'POST', '/api/devices/pair', { token: old.token, body: { code: code.json.code }, localAddress: address }));
    expect(again.status, again.text).toBe(200);
    expect(again.json.me.deviceId).not.toBe(old.deviceId);
  });
});

describe('error bodies', () => {
  it('every error answered in this file is {error:{code,message}} with a known code that matches its status', () => {
    expect(errorsSeen.length).toBeGreaterThan(50);
    for (const e of errorsSeen) {
      const parsed = ApiError.safeParse(e.body);
      expect(parsed.success, `${e.where}: ${e.status} ${e.text}`).toBe(true);
      const { code, message } = parsed.data!.error;
      expect(ErrorCode.options).toContain(code);
      expect(message.length, e.where).toBeGreaterThan(0);
      // bad_request also covers the framework's other 4xx (408…); 403, 413 and 415 have their own codes.
      if (code !== 'bad_request') expect(e.status, `${e.where}: ${code}`).toBe(new DomainError(code, '').status);
      else expect(e.status).toBeGreaterThanOrEqual(400);
    }
  });
});
