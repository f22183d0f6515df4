/**
 * A guest's phone follows the ticket (issue #14): `request.create` with a follow token answers the
 * link; `/api/follow/<token>` answers that ticket alone, live over SSE; the guest rates it once
 * after completion and Reports count it; unknown, malformed and expired tokens are 4xx; nothing of
 * the guest, the staff member or the kiosk is ever on the wire; per-address rate limits.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFollowToken } from '../../shared/domain/follow.ts';
import { addDays } from '../../shared/domain/ticket.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { FollowView } from '../../shared/protocol/follow.ts';
import { Report } from '../../shared/protocol/reports.ts';
import { serverBackends } from '../support/backends.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, KioskDriver, StaffDriver } from './helpers.ts';

/** An SSE stream kept as raw text as well as parsed events (the privacy check reads the bytes). */
async function rawSse(url: string) {
  const ac = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream' }, signal: ac.signal });
  let text = '';
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (m) => events.push(m) });
  const done = (async () => {
    if (!res.body) return;
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) break;
        const chunk = decoder.decode(value, { stream: true });
        text += chunk;
        parser.feed(chunk);
      }
    } catch {
      /* aborted */
    }
  })();
  return {
    status: res.status,
    get text() {
      return text;
    },
    events,
    views: () => events.filter((e) => e.event === 'view').map((e) => FollowView.parse(JSON.parse(e.data))),
    async waitFor(pred: (v: FollowView) => boolean, timeoutMs = 10_000): Promise<FollowView> {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hit = events.filter((e) => e.event === 'view').map((e) => FollowView.parse(JSON.parse(e.data))).find(pred);
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no matching view; got ${text}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    ended: done,
    close: () => ac.abort(),
  };
}

const GUEST = { guestName: 'Qarlotta Vexworth', room: '7Q39', note: 'Zebrafinch allergy note' };

describe.each(serverBackends('ld_follow'))('a guest phone follows the ticket ($name)', ({ skip, start }) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let agent: StaffDriver;
  let manager: TestClient;

  beforeAll(async () => {
    if (skip) return;
    ({ server, dispose } = await start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    agent = await new StaffDriver(server.url).login('agent1', '1111');
    manager = await new TestClient(server.url).login('manager1', '3333');
  });
  afterAll(async () => {
    await dispose?.();
  });

  /** A kiosk ticket with a follow token (and the guest's details), pushed. */
  async function issue(o: { token?: string; kind?: 'luggage_in'; serviceDay?: string; ticket?: string } = {}) {
    const token = o.token ?? makeFollowToken();
    const cmd: CommandOf<'request.create'> = kiosk.create({ ...GUEST, ticket: o.ticket });
    cmd.payload.follow = { token, language: 'zh-Hans' };
    if (o.serviceDay) cmd.payload.serviceDay = o.serviceDay;
    if (o.kind === 'luggage_in') {
      cmd.payload.kind = 'luggage_in';
      cmd.payload.reason = null;
      cmd.payload.details = { kind: 'luggage_in', bags: 3, expectedPickupAt: null, claimCode: 'K7PQ2MXR' };
    }
    const r = await kiosk.push([cmd]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
    return { token, requestId: cmd.payload.requestId, ticket: cmd.payload.ticket, result: r.body.outcomes[0].result };
  }

  const view = (token: string, localAddress?: string) => apiCall(server.url, 'GET', `/api/follow/${token}`, { localAddress });
  const move = async (requestId: string, action: 'call' | 'serve' | 'complete', expected: 'waiting' | 'called' | 'serving') => {
    const r = await agent.push([agent.transition(requestId, action, expected)]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
  };

  it.skipIf(skip)('follows a ticket from waiting to called to completed, live, and takes one rating that Reports count', async () => {
    const first = await issue();
    const second = await issue();
    const mine = await issue();
    expect(mine.result).toEqual({ requestId: mine.requestId, ticket: mine.ticket, follow: { token: mine.token, url: `/t/${mine.token}` } });

    const v1 = FollowView.parse((await view(first.token)).json);
    const v3 = FollowView.parse((await view(mine.token)).json);
    expect(v3).toMatchObject({ ticket: mine.ticket, kind: 'call_staff', status: 'waiting', desk: null, language: 'zh-Hans', ratable: false, rating: null, luggage: null, service: null });
    expect(v3.ahead).toBe(v1.ahead! + 2);
    expect(v3.waitRange).not.toBeNull();
    expect(v3.waitRange!.highS).toBeGreaterThan(v3.waitRange!.lowS);

    const sse = await rawSse(`${server.url}/api/follow/${mine.token}/live`);
    expect(sse.status).toBe(200);
    await sse.waitFor((v) => v.status === 'waiting' && v.ahead === v3.ahead);
    // Someone before it is called: its own ticket did not change, but its place in the queue did.
    await move(first.requestId, 'call', 'waiting');
    await sse.waitFor((v) => v.status === 'waiting' && v.ahead === v3.ahead! - 1);
    await move(second.requestId, 'call', 'waiting');
    await move(mine.requestId, 'call', 'waiting');
    const called = await sse.waitFor((v) => v.status === 'called');
    expect(called).toMatchObject({ desk: 'Desk 1', ahead: null, waitRange: null });
    expect(called.calledAt).not.toBeNull();

    const before = Report.parse((await manager.get(`/api/reports?period=day&date=${kiosk.me.serviceDay}`)).body).satisfaction;
    const early = await apiCall(server.url, 'POST', `/api/follow/${mine.token}/rating`, { body: { rating: 5 } });
    expect(early.status).toBe(409);
    await move(mine.requestId, 'complete', 'called');
    await sse.waitFor((v) => v.status === 'completed' && v.ratable);
    const rated = await apiCall(server.url, 'POST', `/api/follow/${mine.token}/rating`, { body: { rating: 4 } });
    expect(rated.status, rated.text).toBe(200);
    expect(rated.json).toMatchObject({ rating: 4 });
    await sse.waitFor((v) => v.rating === 4 && !v.ratable);
    const again = await apiCall(server.url, 'POST', `/api/follow/${mine.token}/rating`, { body: { rating: 5 } });
    expect(again.status).toBe(409);
    const after = Report.parse((await manager.get(`/api/reports?period=day&date=${kiosk.me.serviceDay}`)).body).satisfaction;
    expect(after.count).toBe(before.count + 1);
    expect(after.satisfied).toBe(before.satisfied + 1);

    // Privacy: nothing of the guest, the staff member, the kiosk or the request id in the JSON or the stream's bytes.
    const json = (await view(mine.token)).text;
    sse.close();
    for (const secret of [GUEST.guestName, GUEST.room, GUEST.note, 'Lin Mei', 'agent1', kiosk.me.deviceId, mine.requestId, agent.deviceId]) {
      expect(json).not.toContain(secret);
      expect(sse.text).not.toContain(secret);
    }
  });

  it.skipIf(skip)('opens an issue for a low rating, as a kiosk rating does', async () => {
    const t = await issue();
    await move(t.requestId, 'call', 'waiting');
    await move(t.requestId, 'complete', 'called');
    const r = await apiCall(server.url, 'POST', `/api/follow/${t.token}/rating`, { body: { rating: 1 } });
    expect(r.status).toBe(200);
    const snap = (await agent.client.get('/api/sync/snapshot')).body as { issues: { requestId: string | null; rating: number | null }[] };
    expect(snap.issues.find((i) => i.requestId === t.requestId)).toMatchObject({ rating: 1 });
  });

  it.skipIf(skip)('answers 404 for an unknown or expired token, 400 for a malformed one, and refuses hostile rating bodies', async () => {
    expect((await view(makeFollowToken())).status).toBe(404);
    for (const bad of ['short', 'x'.repeat(23), '%00%00', '..%2F..%2Fetc', 'aaaaaaaaaaaaaaaaaaaaa%E2%80%AE']) {
      const r = await apiCall(server.url, 'GET', `/api/follow/${bad}`);
      expect([400, 404]).toContain(r.status);
    }
    // Issued for yesterday's service day (a kiosk delivering late): the token answered until that day ended.
    const old = await issue({ serviceDay: addDays(kiosk.me.serviceDay, -1), ticket: `${kiosk.me.letter}950` });
    expect(old.result.follow).toBeDefined();
    expect((await view(old.token)).status).toBe(404);
    expect((await apiCall(server.url, 'GET', `/api/follow/${old.token}/live`)).status).toBe(404);
    expect((await apiCall(server.url, 'POST', `/api/follow/${old.token}/rating`, { body: { rating: 5 } })).status).toBe(404);

    const t = await issue();
    for (const body of [{ rating: 0 }, { rating: 6 }, { rating: 2.5 }, { rating: '5' }, { rating: 5, extra: '\u0000\ud800' }, [], null]) {
      const r = await apiCall(server.url, 'POST', `/api/follow/${t.token}/rating`, { body });
      expect(r.status, JSON.stringify(body)).toBeLessThan(500);
      expect(r.status).not.toBe(200);
    }
  });

  it.skipIf(skip)('shows a luggage ticket its claim code and bags, and live that they are in store, the token then lasting 14 days more', async () => {
    const t = await issue({ kind: 'luggage_in' });
    const v = FollowView.parse((await view(t.token)).json);
    expect(v.luggage).toEqual({ claimCode: 'K7PQ2MXR', bags: 3, stored: false, ready: false });
    const sse = await rawSse(`${server.url}/api/follow/${t.token}/live`);
    await sse.waitFor((x) => x.status === 'waiting');
    const store: Command = {
      id: uuidv7(),
      deviceId: agent.deviceId,
      seq: agent.nextSeq++,
      type: 'luggage.store',
      createdAt: new Date().toISOString(),
      payload: { itemId: uuidv7(), requestId: t.requestId, claimCode: null, bags: 3, tags: ['F1', 'F2', 'F3'], location: 'Shelf Zq9', guestName: null, room: null, notes: null, expectedPickupAt: null },
    };
    const r = await agent.push([store]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
    const stored = await sse.waitFor((x) => x.luggage?.stored === true);
    sse.close();
    expect(stored).toMatchObject({ status: 'completed', luggage: { claimCode: 'K7PQ2MXR', bags: 3, stored: true, ready: false } });
    expect(Date.parse(stored.expiresAt) - Date.parse(v.expiresAt)).toBe(14 * 86_400_000);
    expect(sse.text).not.toContain('Shelf Zq9');
  });

  it.skipIf(skip)('lets a ticket whose token was already used stand without a follow link', async () => {
    const first = await issue();
    const second = await issue({ token: first.token });
    expect(second.result).toEqual({ requestId: second.requestId, ticket: second.ticket });
    expect(FollowView.parse((await view(first.token)).json).ticket).toBe(first.ticket);
  });

  it.skipIf(skip)('gives a staff cookie or a device token nothing more, and tells a kiosk the public base URL', async () => {
    const t = await issue();
    const plain = (await view(t.token)).text;
    const asStaff = await apiCall(server.url, 'GET', `/api/follow/${t.token}`, { cookie: agent.client.cookie });
    const asKiosk = await apiCall(server.url, 'GET', `/api/follow/${t.token}`, { token: server.demo!.kioskToken });
    expect(asStaff.text).toBe(plain);
    expect(asKiosk.text).toBe(plain);
    expect((await kiosk.client.get('/api/kiosk/follow-config')).body).toEqual({ publicBaseUrl: null });
    expect((await agent.client.get('/api/kiosk/follow-config')).status).toBe(403);
  });

  it.skipIf(skip)('limits requests per address (429)', async () => {
    const t = await issue();
    const statuses: number[] = [];
    for (let i = 0; i < 62; i += 1) statuses.push((await view(t.token, '127.0.0.77')).status);
    expect(statuses[0]).toBe(200);
    expect(statuses.at(-1)).toBe(429);
    // Another address is not held back by it.
    expect((await view(t.token, '127.0.0.78')).status).toBe(200);
  });
});

describe("the phone page's files", () => {
  it('serves /t/<token> from the follow build and its assets under /t/assets/, and a missing build is a 404, not a crash', { timeout: 60_000 }, async () => {
    const dist = await mkdtemp(join(tmpdir(), 'lobbydesk-follow-dist-'));
    await mkdir(join(dist, 'follow', 'assets'), { recursive: true });
    await writeFile(join(dist, 'follow', 'index.html'), '<!doctype html><title>ticket</title><script type="module" src="/t/assets/page-abc123.js"></script>');
    await writeFile(join(dist, 'follow', 'assets', 'page-abc123.js'), 'console.log(1)');
    // (Every other suite starts its server on a folder without any build: a missing build never stops a start.)
    const withBuild = await startTestServer({ staticDir: dist });
    try {
      const token = makeFollowToken();
      const page = await apiCall(withBuild.url, 'GET', `/t/${token}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<title>ticket</title>');
      expect(String(page.headers['content-type'])).toContain('text/html');
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
      const asset = await apiCall(withBuild.url, 'GET', '/t/assets/page-abc123.js');
      expect(asset.status).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect((await apiCall(withBuild.url, 'GET', '/t/assets/gone-999.js')).status).toBe(404);
      // The API still answers 404 for that unknown token (the page says so kindly).
      expect((await apiCall(withBuild.url, 'GET', `/api/follow/${token}`)).status).toBe(404);

      // The build taken away under a running server: a 404, not a 5xx.
      await rm(join(dist, 'follow', 'index.html'));
      const missing = await apiCall(withBuild.url, 'GET', `/t/${token}`);
      expect(missing.status).toBe(404);
      expect((await apiCall(withBuild.url, 'GET', '/api/health')).status).toBe(200);
    } finally {
      await withBuild.stop(true);
      await rm(dist, { recursive: true, force: true });
    }
  });
});
