/**
 * Sessions and connections: a staff live stream ends when its session ends
 * (sign-out here, sign-out or revocation elsewhere, expiry), a revoked device's
 * stream ends even when revoked through another instance, live streams are
 * capped per principal, and a request that trickles in is cut by the request
 * timeout (which never cuts a live stream: the timeout covers receiving the
 * request, and a stream's request is only its head).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Running } from '../../server/src/server.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/src/auth/authenticate.ts';
import { newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import { HEARTBEAT_MS } from '../../server/src/live/live.stream.ts';
import { startServerWith, startTestServer, type TestServer } from '../support/server.ts';
import { apiCall, eventually, KioskDriver, sleep } from './helpers.ts';

/** A live stream read over a raw socket: whether it is still open, and what came. */
interface Stream {
  status: number;
  text(): string;
  readonly ended: boolean;
  /** Resolves when the server ends the stream; rejects after `ms`. */
  endsWithin(ms: number): Promise<number>;
  close(): void;
}

const streams: Stream[] = [];
afterEach(() => {
  for (const s of streams.splice(0)) s.close();
});

function openStream(base: string, headers: Record<string, string>): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    const req = httpRequest(`${base}/api/sync/live`, { headers: { 'x-lobbydesk-protocol': '1', accept: 'text/event-stream', ...headers }, agent: false });
    req.on('error', reject);
    req.on('response', (res: IncomingMessage) => {
      let body = '';
      let endedAt: number | null = null;
      const waiters: (() => void)[] = [];
      const done = () => {
        if (endedAt !== null) return;
        endedAt = Date.now();
        for (const w of waiters.splice(0)) w();
      };
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
      const s: Stream = {
        status: res.statusCode ?? 0,
        text: () => body,
        get ended() {
          return endedAt !== null;
        },
        endsWithin: (ms) =>
          new Promise((ok, fail) => {
            if (endedAt !== null) return ok(endedAt - opened);
            const timer = setTimeout(() => fail(new Error(`the stream was still open after ${ms} ms`)), ms);
            waiters.push(() => {
              clearTimeout(timer);
              ok((endedAt ?? Date.now()) - opened);
            });
          }),
        close: () => {
          res.destroy();
          req.destroy();
        },
      };
      streams.push(s);
      resolve(s);
    });
    req.end();
  });
}

async function staffCookie(base: string, staffId = 'agent1', pin = '1111'): Promise<string> {
  const r = await apiCall(base, 'POST', '/api/auth/login', { body: { staffId, pin } });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${r.text}`);
  const set = r.headers['set-cookie'];
  return (Array.isArray(set) ? set[0]! : String(set)).split(';')[0]!;
}

/** A session row as login would write it, valid until `expiresAt`. */
async function mintSession(server: Running, staffId: string, expiresAt: Date): Promise<string> {
  const token = newToken();
  const staff = await server.store.db.selectFrom('staff').select(['property_id']).where('id', '=', staffId).executeTakeFirstOrThrow();
  await server.store.db.insertInto('sessions').values({ token_hash: tokenHash(token), staff_id: staffId, property_id: staff.property_id, expires_at: expiresAt }).execute();
  return `${SESSION_COOKIE}=${token}`;
}

describe('a staff live stream ends with its session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ static: false });
  });
  afterAll(async () => {
    for (const s of streams.splice(0)) s.close();
    await server?.stop(true);
  });

  it('ends at sign-out, at once; the same person’s other session keeps its stream', async () => {
    const cookie = await staffCookie(server.url);
    const other = await staffCookie(server.url);
    const s = await openStream(server.url, { cookie });
    const kept = await openStream(server.url, { cookie: other });
    expect([s.status, kept.status]).toEqual([200, 200]);
    expect((await apiCall(server.url, 'POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(200);
    expect(await s.endsWithin(2_000)).toBeLessThan(3_000);
    await sleep(300);
    expect(kept.ended).toBe(false);
    expect((await apiCall(server.url, 'GET', '/api/sync/live', { cookie, statusOnly: 'stream' })).status).toBe(401);
  });

  it('ends when the session expires', async () => {
    const cookie = await mintSession(server, 'agent2', new Date(Date.now() + 1_500));
    const s = await openStream(server.url, { cookie });
    expect(s.status).toBe(200);
    await s.endsWithin(4_000);
  });

  it(`ends within a heartbeat (${HEARTBEAT_MS / 1000} s) when the session is signed out through another instance, and a device's stream when it is revoked through another instance`, async () => {
    const cookie = await staffCookie(server.url, 'super1', '2222');
    const staff = await openStream(server.url, { cookie });
    const wall = await openStream(server.url, { authorization: `Bearer ${server.demo!.wallToken}` });
    expect([staff.status, wall.status]).toEqual([200, 200]);
    // Another instance shares only the database: its sign-out and revocation are rows, not calls into this one.
    await server.store.db.updateTable('sessions').set({ revoked_at: new Date() }).where('token_hash', '=', tokenHash(cookie.split('=')[1]!)).execute();
    await server.store.db.updateTable('devices').set({ revoked_at: new Date() }).where('kind', '=', 'wall').execute();
    await Promise.all([staff.endsWithin(HEARTBEAT_MS + 3_000), wall.endsWithin(HEARTBEAT_MS + 3_000)]);
  }, 40_000);
});

describe('live streams per principal are capped', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ static: false });
  });
  afterAll(async () => {
    for (const s of streams.splice(0)) s.close();
    await server?.stop(true);
  });

  it('keeps at most 8 streams per device token (a new one ends the oldest) and 16 per staff session, each principal on its own', async () => {
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    const walls: Stream[] = [];
    for (let i = 0; i < 12; i++) walls.push(await openStream(server.url, { authorization: `Bearer ${server.demo!.wallToken}` }));
    expect(walls.every((s) => s.status === 200)).toBe(true);
    await eventually(async () => walls.filter((s) => s.ended).length === 4);
    expect(walls.slice(0, 4).every((s) => s.ended)).toBe(true); // the oldest went
    const ownKiosk = await openStream(server.url, { authorization: `Bearer ${kiosk.token}` });
    expect(ownKiosk.status).toBe(200);

    const cookie = await staffCookie(server.url);
    const other = await openStream(server.url, { cookie: await staffCookie(server.url, 'agent2', '1112') });
    const staff: Stream[] = [];
    for (let i = 0; i < 20; i++) staff.push(await openStream(server.url, { cookie }));
    await eventually(async () => staff.filter((s) => s.ended).length === 4);
    expect(staff.slice(0, 4).every((s) => s.ended)).toBe(true);
    await sleep(300);
    expect(walls.slice(4).some((s) => s.ended)).toBe(false);
    expect(ownKiosk.ended).toBe(false);
    expect(other.ended).toBe(false);
    // The streams still open carry hints.
    const before = walls[11]!.text().length;
    await kiosk.push([kiosk.create()]);
    await eventually(async () => walls[11]!.text().length > before && staff[19]!.text().includes('data:'));
  });
});


describe('request timeouts', () => {
  it('has a request timeout, a header timeout and an idle timeout by default, longer than a live stream’s heartbeat', async () => {
    const server = await startServerWith({});
    try {
      const http = server.app.server;
      expect(http.requestTimeout).toBe(30_000);
      expect(http.headersTimeout).toBeGreaterThan(0);
      expect(http.headersTimeout).toBeLessThanOrEqual(http.requestTimeout);
      expect(http.timeout).toBeGreaterThan(HEARTBEAT_MS * 2);
    } finally {
      await server.stop();
    }
  });

  it('cuts ten connections that trickle a login body one byte at a time, and never a live stream', async () => {
    const timeoutMs = 2_000;
    const server = await startServerWith({ requestTimeoutMs: timeoutMs });
    const sockets: Socket[] = [];
    try {
      const wall = await openStream(server.base, { authorization: `Bearer ${server.demo!.wallToken}` });
      const { port } = new URL(server.base);
      const body = JSON.stringify({ staffId: 'agent1', pin: '1111' });
      const closed = Array.from({ length: 10 }, () => {
        const socket = connect({ host: '127.0.0.1', port: Number(port) });
        sockets.push(socket);
        let answer = '';
        let sent = 0;
        const started = Date.now();
        socket.setEncoding('utf8');
        socket.on('data', (c: string) => (answer += c));
        socket.on('error', () => undefined);
        socket.on('connect', () => {
          socket.write(
            `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: application/json\r\nx-lobbydesk-protocol: 1\r\ncontent-length: ${body.length}\r\n\r\n`,
          );
          const drip = setInterval(() => {
            if (socket.destroyed || sent >= body.length - 1) return clearInterval(drip);
            socket.write(body[sent++]!);
          }, 300);
          socket.on('close', () => clearInterval(drip));
        });
        return new Promise<{ ms: number; answer: string }>((resolve) => socket.on('close', () => resolve({ ms: Date.now() - started, answer })));
      });
      const outcome = await Promise.race([Promise.all(closed), sleep(8_000).then(() => null)]);
      expect(outcome, 'trickling connections were still open after 8 s').not.toBeNull();
      for (const c of outcome!) {
        expect(c.ms).toBeLessThan(timeoutMs + 2_500);
        expect(c.answer).toMatch(/^HTTP\/1\.1 408 /);
      }
      // The live stream opened before them outlived the request timeout, and still carries hints.
      expect(wall.ended).toBe(false);
      const kiosk = await new KioskDriver(server.base, server.demo!.kioskToken).init();
      const before = wall.text().length;
      await kiosk.push([kiosk.create()]);
      await eventually(async () => wall.text().length > before);
      wall.close();
    } finally {
      for (const s of sockets) s.destroy();
      await server.stop();
    }
  }, 30_000);
});
