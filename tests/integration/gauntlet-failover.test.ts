/**
 * Gauntlet: a server instance dies while clients hold live streams. Two
 * instances (child processes) share one fresh PostgreSQL database behind a
 * TCP balancer (tests/support/tcp-proxy.ts, first healthy upstream), the one
 * address every client uses. Walls and a kiosk follow the feed with the real
 * client code (Follower, LiveStream) running in Node; kiosks push through the
 * balancer. The instance holding the streams is SIGKILLed mid-traffic: the
 * kiosks' retries land on the survivor, and every follower reconnects to it
 * and catches up to the latest version without missing a change.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol/commands.ts';
import { KioskPull, KioskSnapshot, WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { Follower } from '../../shared/sync-client/follower.ts';
import { Api } from '../../shared/sync-client/http.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import { demoCredentials, spawnServer, type KillableServer } from '../support/child-server.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.ts';
import { apiCall, eventually, KioskDriver, pairDevice, sleep } from './helpers.ts';

const KIOSKS = 3;
const BATCHES = 8;
const BATCH_SIZE = 3;

/** What a block started, undone newest first in its afterAll — also when a hook or test failed. */
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
}

/** A screen's feed as the apps keep it: the real Follower, its view by request id, and every event version it applied. */
function follow(base: string, token: string, audience: 'wall' | 'kiosk') {
  const view = new Map<string, { id: string }>();
  const versions: number[] = [];
  const feed = {
    onSnapshot: (s: { requests: { id: string }[] }) => {
      view.clear();
      for (const r of s.requests) view.set(r.id, r);
    },
    onEvents: (events: { version: number; request?: { id: string } }[]) => {
      for (const e of events) {
        versions.push(e.version);
        if (e.request) view.set(e.request.id, e.request); // a wall also hears display settings
      }
    },
  };
  const api = new Api({ base, token: () => token });
  const follower = audience === 'wall' ? new Follower({ api, snapshot: WallSnapshot, pull: WallPull, ...feed }) : new Follower({ api, snapshot: KioskSnapshot, pull: KioskPull, ...feed });
  cleanups.push(async () => follower.stop());
  follower.start();
  return { follower, view, versions };
}

const requestIdOf = (c: Command) => (c.payload as { requestId: string }).requestId;

describe.skipIf(!TEST_DATABASE_URL)(`gauntlet: an instance dies under open live streams (${TEST_DATABASE_URL ? 'PostgreSQL' : PG_SKIP_REASON})`, () => {
  describe('two instances behind a balancer', () => {
    let dbUrl: string;
    let a: KillableServer;
    let b: KillableServer;
    let proxy: TcpProxy;
    let wallTokens: string[];
    let kiosks: KioskDriver[];

    beforeAll(async () => {
      const db = await freshDatabase('gauntlet_failover');
      cleanups.push(() => db.drop());
      dbUrl = db.url;
      // One data folder for both: the demo credentials and the card key are the instances' shared configuration.
      const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-failover-'));
      cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
      a = await spawnServer({ dataDir, port: await freePort(), databaseUrl: dbUrl, timeoutMs: 55_000 });
      cleanups.push(() => a.kill('SIGKILL'));
      b = await spawnServer({ dataDir, port: await freePort(), databaseUrl: dbUrl, timeoutMs: 55_000 });
      cleanups.push(() => b.kill('SIGKILL'));
      proxy = await startTcpProxy({ upstreams: [a, b].map((s) => ({ host: '127.0.0.1', port: Number(new URL(s.url).port) })) });
      cleanups.push(() => proxy.close());

      const demo = await demoCredentials(dataDir);
      const supervisor = await new TestClient(proxy.url).login('super1', '2222');
      wallTokens = [demo.wallToken, (await pairDevice(proxy.url, supervisor, 'wall', 'Failover wall 2')).token];
      kiosks = [await new KioskDriver(proxy.url, demo.kioskToken).init()];
      for (let i = 1; i < KIOSKS; i++) kiosks.push(await new KioskDriver(proxy.url, (await pairDevice(proxy.url, supervisor, 'kiosk', `Failover kiosk ${i}`)).token).init());
    }, 60_000);
    afterAll(cleanUp);

    it('SIGKILL of the instance holding the streams: clients reconnect to the survivor and catch up without missing a change', { timeout: 60_000 }, async () => {
      const instanceOf = async (url: string) => (await apiCall(url, 'GET', '/api/health')).json.instance as string;
      const [idA, idB] = [await instanceOf(a.url), await instanceOf(b.url)];
      expect(await instanceOf(proxy.url)).toBe(idA);

      const walls = wallTokens.map((t) => follow(proxy.url, t, 'wall'));
      const kioskFeed = follow(proxy.url, kiosks[0]!.token, 'kiosk');
      const feeds = [...walls, kioskFeed];
      await eventually(async () => feeds.every((f) => f.follower.version >= 0 && f.follower.live.status.value === 'live'), 15_000);
      const startVersion = walls[0]!.follower.version;
      expect(proxy.openConnections()[0], 'the streams are held by instance A').toBeGreaterThanOrEqual(feeds.length);
      expect(proxy.openConnections()[1]).toBe(0);

      // Kiosks push batches through the balancer, each retried unchanged until acknowledged (as the Flusher does).
      const sent = new Map<string, Command[]>();
      const acked = new Map<string, number>();
      const answers: number[] = [];
      async function runKiosk(k: KioskDriver): Promise<void> {
        const mine: Command[] = [];
        sent.set(k.me.deviceId, mine);
        acked.set(k.me.deviceId, 0);
        for (let batchNo = 0; batchNo < BATCHES; batchNo++) {
          const batch = Array.from({ length: BATCH_SIZE }, () => k.create());
          mine.push(...batch);
          for (let attempt = 0; ; attempt++) {
            if (attempt > 200) throw new Error(`kiosk ${k.me.letter}: batch ${batchNo} never acknowledged`);
            try {
              const r = await k.push(batch);
              if (r.status === 200) {
                for (const out of r.body.outcomes) expect(['applied', 'duplicate'], JSON.stringify(out)).toContain(out.outcome);
                break;
              }
              answers.push(r.status);
            } catch {
              /* the connection died with instance A: retry */
            }
            await sleep(100 + Math.random() * 150);
          }
          acked.set(k.me.deviceId, batchNo + 1);
          await sleep(Math.random() * 80);
        }
      }
      const pushing = Promise.all(kiosks.map(runKiosk));

      // Mid-traffic, with every stream open on A: A dies at once (no shutdown, no goodbye to its streams).
      await eventually(async () => [...acked.values()].every((n) => n >= 2), 20_000);
      expect([...acked.values()].some((n) => n < BATCHES)).toBe(true);
      await a.kill('SIGKILL');
      await pushing;
      for (const s of answers) expect(s, 'a push answered with a status a client would drop').toBeGreaterThanOrEqual(500);
      expect(await instanceOf(proxy.url)).toBe(idB);

      // Ground truth from the shared database: every command once, gap-free versions.
      const all = [...sent.values()].flat();
      const { store } = await openPostgres(dbUrl, 2);
      let finalVersion: number;
      let requestVersions: number[];
      try {
        const ids = new Set(all.map((c) => c.id));
        const ours = (await store.db.selectFrom('commands').select('command_id').execute()).filter((c) => ids.has(c.command_id));
        expect(ours.length, 'commands stored').toBe(all.length);
        const versions = (await sql<{ version: number }>`select version from events order by version`.execute(store.db)).rows.map((r) => Number(r.version));
        expect(versions, 'gap-free versions').toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
        finalVersion = versions.length;
        requestVersions = (
          await sql<{ version: number }>`select version from events where type = 'request.upserted' and version > ${startVersion} order by version`.execute(store.db)
        ).rows.map((r) => Number(r.version));
      } finally {
        await store.close();
      }

      // Every follower reconnected to the survivor and caught up to the latest version.
      await eventually(async () => feeds.every((f) => f.follower.version === finalVersion && f.follower.live.status.value === 'live'), 30_000, 100);
      expect(proxy.openConnections()[0], 'nothing is left on the dead instance').toBe(0);
      const streamsOnB = proxy.connections().filter((c) => c.upstream === 1 && c.head.startsWith('GET /api/sync/live'));
      expect(streamsOnB.length, 'the streams are now held by instance B').toBe(feeds.length);
      for (const c of streamsOnB) expect(c.head, 'a stream resumed with Last-Event-ID').toMatch(/\r\nlast-event-id: \d+(\r\n|$)/i);
      for (const w of walls) {
        for (const c of all) expect(w.view.has(requestIdOf(c)), `a wall shows ${requestIdOf(c)}`).toBe(true);
        expect([...new Set(w.versions)].sort((x, y) => x - y), 'a wall applied every change').toEqual(requestVersions);
      }
      const own = sent.get(kiosks[0]!.me.deviceId)!.map(requestIdOf);
      for (const id of own) expect(kioskFeed.view.has(id), `the kiosk shows its ${id}`).toBe(true);
      const others = all.map(requestIdOf).filter((id) => !own.includes(id));
      expect(others.some((id) => kioskFeed.view.has(id)), 'a kiosk sees only its own requests').toBe(false);

      // And they stay live on B: one more push reaches every feed through the survivor's stream.
      const k = kiosks[1]!;
      const last = k.create();
      expect((await k.push([last])).status).toBe(200);
      await eventually(async () => walls.every((w) => w.follower.version === finalVersion + 1 && w.view.has(requestIdOf(last))), 15_000, 50);
      expect(idA).not.toBe(idB);
    });
  });

  describe('the balancer refuses new connections while a stream stays up', () => {
    let server: TestServer;
    let proxy: TcpProxy;

    beforeAll(async () => {
      const db = await freshDatabase('gauntlet_failover_pull');
      cleanups.push(() => db.drop());
      server = await startTestServer({ databaseUrl: db.url, static: false });
      cleanups.push(() => server.stop(true));
      proxy = await startTcpProxy({ upstreams: [{ host: '127.0.0.1', port: Number(new URL(server.url).port) }] });
      cleanups.push(() => proxy.close());
    }, 60_000);
    afterAll(cleanUp);

    it('a hint whose pull fails is pulled again once connections work: the view does not wait for the next change', { timeout: 30_000 }, async () => {
      const wall = follow(proxy.url, server.demo!.wallToken, 'wall');
      await eventually(async () => wall.follower.version >= 0 && wall.follower.live.status.value === 'live', 15_000);
      await wall.follower.sync(); // settles any pull still under way: from here on the wall only pulls when woken
      const before = wall.follower.version;

      // The stream stays; every other connection is dropped and new ones are reset (a draining balancer, a flapping link).
      proxy.refuse(true);
      await eventually(async () => {
        proxy.cut((c) => !c.head.startsWith('GET /api/sync/live')); // again, for one that was still being dialled
        return proxy.openConnections()[0] === 1;
      }, 10_000, 20);
      expect(proxy.refused(), 'nothing tried to connect yet').toBe(0);

      // A change lands (straight on the server): its hint arrives over the open stream, the pull it triggers is refused.
      const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
      const cmd = kiosk.create();
      expect((await kiosk.push([cmd])).status).toBe(200);
      await eventually(async () => proxy.refused() >= 1, 10_000, 20);
      expect(wall.follower.version).toBe(before);

      // Connections work again. No further change happens, yet the wall catches up.
      proxy.refuse(false);
      await eventually(async () => wall.follower.version === before + 1 && wall.view.has(requestIdOf(cmd)), 15_000, 50);
      expect(wall.follower.live.status.value).toBe('live');
    });
  });
});
