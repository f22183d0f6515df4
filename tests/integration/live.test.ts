/**
 * Live hints over Server-Sent Events: `id:` is the property version, a
 * reconnect with Last-Event-ID catches up at once, and with two server
 * instances on one PostgreSQL a write through one reaches the other's
 * streams (LISTEN/NOTIFY).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { StaffPull, StaffSnapshot } from '../../shared/protocol/sync.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiCall, KioskDriver, openSse, sleep, type SseStream } from './helpers.ts';

const open: SseStream[] = [];
afterEach(() => {
  // Close every stream a test opened: a server waits for open streams before it stops.
  for (const s of open.splice(0)) s.close();
});

async function staffCookie(base: string, staffId = 'agent1', pin = '1111'): Promise<string> {
  const r = await apiCall(base, 'POST', '/api/auth/login', { body: { staffId, pin } });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${r.text}`);
  const set = r.headers['set-cookie'];
  return (Array.isArray(set) ? set[0]! : String(set)).split(';')[0]!;
}

async function live(base: string, headers: Record<string, string>): Promise<SseStream> {
  const s = await openSse(`${base}/api/sync/live`, { 'x-lobbydesk-protocol': '1', ...headers });
  open.push(s);
  return s;
}

const versionOf = (m: { data: string }) => (JSON.parse(m.data) as { version: number }).version;

describe('live hints (one instance, PGlite)', () => {
  let server: TestServer;
  let kiosk: KioskDriver;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ static: false });
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    cookie = await staffCookie(server.url);
  });
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await server?.stop(true);
  });

  const currentVersion = async () => StaffSnapshot.parse((await apiCall(server.url, 'GET', '/api/sync/snapshot', { cookie })).json).version;

  it('opens an event stream and sends the current version at once', async () => {
    const v = await currentVersion();
    const s = await live(server.url, { cookie });
    expect(s.status).toBe(200);
    const first = await s.waitFor(() => true);
    expect(first.id).toBe(String(v));
    expect(versionOf(first)).toBe(v);
  });

  it('sends a hint whose id is the new version after a kiosk push, and a pull after the old version returns that request', async () => {
    const before = await currentVersion();
    const s = await live(server.url, { cookie });
    await s.waitFor((m) => m.id === String(before));
    const cmd = kiosk.create();
    expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');
    const hint = await s.waitFor((m) => Number(m.id) > before);
    expect(hint.id).toBe(String(before + 1));
    expect(versionOf(hint)).toBe(before + 1);
    const pulled = StaffPull.parse((await apiCall(server.url, 'GET', `/api/sync/pull?after=${before}`, { cookie })).json);
    expect(pulled.version).toBe(before + 1);
    expect(pulled.events.map((e) => (e.type === 'request.upserted' ? e.request.id : e.type))).toEqual([cmd.payload.requestId]);
    // Every hint on the stream carries its version as the id.
    for (const m of s.messages) expect(m.id).toBe(String(versionOf(m)));
  });

  it('answers a reconnect with a lower Last-Event-ID with the current version at once', async () => {
    await kiosk.push([kiosk.create(), kiosk.create()]);
    const v = await currentVersion();
    const s = await live(server.url, { cookie, 'last-event-id': String(v - 2) });
    const first = await s.waitFor(() => true, 3_000);
    expect(first.id).toBe(String(v));
    expect(s.messages).toHaveLength(1); // one hint, not one per missed version: the client pulls
  });

  it('stays quiet on a reconnect at the current version until the version moves', async () => {
    const v = await currentVersion();
    const s = await live(server.url, { cookie, 'last-event-id': String(v) });
    await sleep(300);
    expect(s.messages).toEqual([]);
    expect(s.comments.some((c) => c.includes('connected'))).toBe(true);
    await kiosk.push([kiosk.create()]);
    const hint = await s.waitFor(() => true);
    expect(hint.id).toBe(String(v + 1));
  });

  it('sends hints to kiosks and the wall as well', async () => {
    const v = await currentVersion();
    const wall = await live(server.url, { authorization: `Bearer ${server.demo!.wallToken}`, 'last-event-id': String(v) });
    const ownKiosk = await live(server.url, { authorization: `Bearer ${kiosk.token}`, 'last-event-id': String(v) });
    expect([wall.status, ownKiosk.status]).toEqual([200, 200]);
    await kiosk.push([kiosk.create()]);
    expect((await wall.waitFor(() => true)).id).toBe(String(v + 1));
    expect((await ownKiosk.waitFor(() => true)).id).toBe(String(v + 1));
  });
});

describe('stopping a server with live streams open', () => {
  it('finishes within a few seconds instead of waiting for clients to hang up', async () => {
    const server = await startTestServer({ static: false });
    const s = await openSse(`${server.url}/api/sync/live`, { 'x-lobbydesk-protocol': '1', authorization: `Bearer ${server.demo!.wallToken}` });
    await s.waitFor(() => true);
    const stopped = server.stop(true).then(() => 'stopped' as const);
    const outcome = await Promise.race([stopped, sleep(5_000).then(() => 'still waiting' as const)]);
    s.close(); // let a hanging close finish either way
    await stopped;
    expect(outcome).toBe('stopped');
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`two instances on one PostgreSQL${TEST_DATABASE_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  let a: TestServer;
  let b: TestServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const db = await freshDatabase('ld_live_two');
    drop = db.drop;
    a = await startTestServer({ databaseUrl: db.url, static: false });
    b = await startTestServer({ databaseUrl: db.url, static: false });
  });
  afterAll(async () => {
    for (const s of open.splice(0)) s.close();
    await a?.stop(true);
    await b?.stop(true);
    await drop?.();
  });

  it('seeds the shared database once: the second instance finds it seeded', async () => {
    expect(a.demo).not.toBeNull();
    expect(b.demo).toBeNull();
    const properties = await b.store.db.selectFrom('properties').select('id').execute();
    expect(properties).toHaveLength(1);
  });

  it('delivers a hint on instance B for a push through instance A, and B’s pull returns the request', async () => {
    const kiosk = await new KioskDriver(a.url, a.demo!.kioskToken).init();
    const cookieB = await staffCookie(b.url, 'agent2', '1112');
    const before = StaffSnapshot.parse((await apiCall(b.url, 'GET', '/api/sync/snapshot', { cookie: cookieB })).json).version;
    const s = await live(b.url, { cookie: cookieB });
    await s.waitFor((m) => m.id === String(before));

    const cmd = kiosk.create();
    expect((await kiosk.push([cmd])).body.outcomes[0].outcome).toBe('applied');

    const hint = await s.waitFor((m) => Number(m.id) > before, 4_000); // NOTIFY, not the 5 s fallback poll
    expect(hint.id).toBe(String(before + 1));
    const pulled = StaffPull.parse((await apiCall(b.url, 'GET', `/api/sync/pull?after=${before}`, { cookie: cookieB })).json);
    expect(pulled.events.map((e) => (e.type === 'request.upserted' ? e.request.id : e.type))).toEqual([cmd.payload.requestId]);
    expect(pulled.events[0]).toMatchObject({ type: 'request.upserted' });
    expect((pulled.events[0] as { request: unknown }).request).toMatchObject({ ticket: (cmd.payload as { ticket: string }).ticket, status: 'waiting' });
  });

  it('serves a kiosk’s device token on either instance (nothing lives in process memory)', async () => {
    const onB = await apiCall(b.url, 'GET', '/api/devices/me', { token: a.demo!.kioskToken });
    expect(onB.status).toBe(200);
    expect(onB.json.kind).toBe('kiosk');
  });
});
