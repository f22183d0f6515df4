/**
 * Gauntlet: PostgreSQL restarts under a running server. A private cluster
 * (tests/support/pg-cluster.ts — never the shared server on 5432) carries one
 * server, run as a child process. Kiosks push while a wall follows the feed
 * with the real client code (Follower, LiveStream). PostgreSQL is stopped
 * with `-m immediate` mid-traffic: pushes answer a retryable 5xx, never a
 * 4xx that would make a client drop a command, and /api/health says the
 * database is unreachable. PostgreSQL starts again and, without a restart
 * of the server: health is OK, the kiosks' retries land, every command
 * exists exactly once, event versions are gap-free, the server's LISTEN
 * connection is back, and the live streams — the one that stayed open and
 * one that was refused during the outage and reconnected with backoff —
 * deliver hints again, also for a write made by another instance.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WallRequest } from '../../shared/domain/request.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { Follower } from '../../shared/sync-client/follower.ts';
import { Api } from '../../shared/sync-client/http.ts';
import { LiveStream } from '../../shared/sync-client/live.ts';
import { LISTEN_APPLICATION_NAME } from '../../server/src/live/notifier.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import { demoCredentials, spawnServer, type KillableServer } from '../support/child-server.ts';
import { findPgBinaries, PG_CLUSTER_MISSING, startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { freePort } from '../support/ports.ts';
import { startTestServer, TestClient } from '../support/server.ts';
import { apiCall, eventually, KioskDriver, pairDevice, sleep } from './helpers.ts';

const KIOSKS = 3;
const BATCHES = 10;
const BATCH_SIZE = 3;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** LISTEN sessions of lobbydesk on the cluster: one per running server instance. */
async function listenSessions(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ n: number }>(`select count(*)::int as n from pg_stat_activity where application_name = $1 and query ilike 'listen %'`, [LISTEN_APPLICATION_NAME]);
    return r.rows[0]!.n;
  } finally {
    await c.end();
  }
}

/** A wall display's feed as the wall app keeps it: the real Follower, its view, and every event version it applied. */
function wallFollower(base: string, token: string) {
  const view = new Map<string, WallRequest>();
  const versions: number[] = [];
  const follower = new Follower({
    api: new Api({ base, token: () => token }),
    snapshot: WallSnapshot,
    pull: WallPull,
    onSnapshot: (s) => {
      view.clear();
      for (const r of s.requests) view.set(r.id, r);
    },
    onEvents: (events) => {
      for (const e of events) {
        versions.push(e.version);
        if (e.type === 'request.upserted') view.set(e.request.id, e.request);
      }
    },
  });
  cleanups.push(async () => follower.stop());
  follower.start();
  return { follower, view, versions };
}

const requestIdOf = (c: Command) => (c.payload as { requestId: string }).requestId;

describe.skipIf(!TEST_DATABASE_URL)(`gauntlet: PostgreSQL restarts under a running server (${TEST_DATABASE_URL ? 'private cluster' : PG_SKIP_REASON})`, () => {
  let cluster: PgCluster;
  let server: KillableServer;
  let kiosks: KioskDriver[];
  let wallToken: string;
  let kioskToken: string;

  beforeAll(async () => {
    if (!findPgBinaries()) throw new Error(PG_CLUSTER_MISSING);
    cluster = await startPgCluster();
    cleanups.push(() => cluster.remove());
    const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-pgrestart-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    server = await spawnServer({ dataDir, port: await freePort(), databaseUrl: cluster.url(), timeoutMs: 55_000 });
    cleanups.push(() => server.kill('SIGKILL'));
    ({ wallToken, kioskToken } = await demoCredentials(dataDir));
    const supervisor = await new TestClient(server.url).login('super1', '2222');
    kiosks = [];
    for (let i = 0; i < KIOSKS; i++) {
      const { token } = await pairDevice(server.url, supervisor, 'kiosk', `Restart kiosk ${i}`);
      kiosks.push(await new KioskDriver(server.url, token).init());
    }
  }, 60_000);

  it('stopped -m immediate mid-traffic: 5xx while down, then recovery without a server restart — nothing lost, nothing twice, live hints again', { timeout: 60_000 }, async () => {
    const pid = server.pid;
    const crashed = server.exited.then((code) => `the server exited (${code}) instead of riding out the restart; stderr: ${server.stderr()}`);
    /** Fails at once, with the child's stack, when the server process dies. */
    const orCrash = <T>(p: Promise<T>): Promise<T> => Promise.race([p, crashed.then((m) => Promise.reject(new Error(m)))]);

    // A wall follows the feed; a kiosk's own stream is watched hint by hint.
    const wall = wallFollower(server.url, wallToken);
    const hints: number[] = [];
    const kioskStream = new LiveStream(new Api({ base: server.url, token: () => kioskToken }), (v) => hints.push(v), () => undefined);
    cleanups.push(async () => kioskStream.stop());
    kioskStream.start();
    await eventually(async () => wall.follower.version >= 0 && wall.follower.live.status.value === 'live' && kioskStream.status.value === 'live', 15_000);
    const startVersion = wall.follower.version;
    expect(await listenSessions(cluster.url())).toBe(1);

    // Kiosks push batches, each retried unchanged until acknowledged (as the Flusher does).
    const sent = new Map<string, Command[]>();
    const acked = new Map<string, number>();
    const failures: { status: number; code: string; kiosk: string }[] = [];
    const networkErrors: string[] = [];
    async function runKiosk(k: KioskDriver): Promise<void> {
      const mine: Command[] = [];
      sent.set(k.me.deviceId, mine);
      acked.set(k.me.deviceId, 0);
      for (let b = 0; b < BATCHES; b++) {
        const batch = Array.from({ length: BATCH_SIZE }, () => k.create());
        mine.push(...batch);
        for (let attempt = 0; ; attempt++) {
          if (attempt > 300) throw new Error(`kiosk ${k.me.letter}: batch ${b} never acknowledged`);
          try {
            const r = await k.push(batch);
            if (r.status === 200) {
              for (const out of r.body.outcomes) expect(['applied', 'duplicate'], JSON.stringify(out)).toContain(out.outcome);
              break;
            }
            failures.push({ status: r.status, code: r.body?.error?.code, kiosk: k.me.deviceId });
          } catch (e) {
            networkErrors.push(String(e)); // the server itself never goes away: none expected
          }
          await sleep(100 + Math.random() * 150);
        }
        acked.set(k.me.deviceId, b + 1);
        await sleep(Math.random() * 60);
      }
    }
    const pushing = Promise.all(kiosks.map(runKiosk));
    const ackedSum = () => [...acked.values()].reduce((a, b) => a + b, 0);

    // Mid-traffic: every kiosk has landed a couple of batches, the rest are still to come.
    await orCrash(eventually(async () => [...acked.values()].every((n) => n >= 2), 20_000));
    await cluster.stop('immediate');

    // While PostgreSQL is down: health says so, pushes fail with a retryable 5xx, a new stream is refused.
    const down = await orCrash(
      eventually(async () => {
        const r = await apiCall(server.url, 'GET', '/api/health');
        return r.status === 503 ? r : null;
      }, 10_000, 100),
    );
    expect(down.json.ok).toBe(false);
    expect(down.json.problems.join(' ')).toMatch(/database unreachable/);
    const lateWall = wallFollower(server.url, wallToken); // e.g. a wall display switched on during the outage
    // Once every kiosk has been refused, none has a push under way that could still succeed.
    await orCrash(eventually(async () => new Set(failures.map((f) => f.kiosk)).size === KIOSKS && lateWall.follower.live.status.value === 'reconnecting', 10_000));
    const ackedWhileDown = ackedSum();
    await sleep(500); // the outage lasts: clients keep retrying into it
    expect(ackedSum(), 'nothing acknowledged while PostgreSQL was down').toBe(ackedWhileDown);
    expect(ackedWhileDown).toBeLessThan(KIOSKS * BATCHES);

    await cluster.start();

    // The same process recovers: health, then every kiosk's retries land.
    const up = await orCrash(
      eventually(async () => {
        const r = await apiCall(server.url, 'GET', '/api/health');
        return r.status === 200 ? r : null;
      }, 20_000, 100),
    );
    expect(up.json).toMatchObject({ ok: true, problems: [], driver: 'postgres' });
    await orCrash(pushing);
    expect(server.pid).toBe(pid);
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures) {
      expect(f.status, `a push during the outage answered ${JSON.stringify(f)}`).toBeGreaterThanOrEqual(500);
      expect(f.code).toBe('internal');
    }
    expect(networkErrors, 'the server kept answering throughout').toEqual([]);

    // LISTEN is re-established: one session of this server on the restarted cluster (a new backend: the old ones died).
    await orCrash(eventually(async () => (await listenSessions(cluster.url())) === 1, 15_000, 100));

    // The database holds every command exactly once, gap-free versions, each kiosk's last seq.
    const all = [...sent.values()].flat();
    const { store } = await openPostgres(cluster.url(), 2);
    let finalVersion: number;
    let requestVersions: number[];
    try {
      const ids = new Set(all.map((c) => c.id));
      const ours = (await store.db.selectFrom('commands').select(['command_id', 'outcome']).execute()).filter((c) => ids.has(c.command_id));
      expect(ours.length, 'commands stored').toBe(all.length);
      expect(ours.every((c) => c.outcome === 'applied')).toBe(true);
      const created = new Set(all.map(requestIdOf));
      const requests = await store.db.selectFrom('service_requests').select('id').execute();
      expect(requests.filter((r) => created.has(r.id)).length, 'requests stored').toBe(all.length);
      for (const [deviceId, cmds] of sent) {
        const d = await store.db.selectFrom('devices').select('last_seq').where('id', '=', deviceId).executeTakeFirstOrThrow();
        expect(d.last_seq).toBe(cmds[cmds.length - 1]!.seq);
      }
      const versions = (await sql<{ version: number }>`select version from events order by version`.execute(store.db)).rows.map((r) => Number(r.version));
      expect(versions, 'gap-free versions').toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      finalVersion = versions.length;
      expect(Number((await store.db.selectFrom('properties').select('version').executeTakeFirstOrThrow()).version)).toBe(finalVersion);
      requestVersions = (
        await sql<{ version: number }>`select version from events where type = 'request.upserted' and version > ${startVersion} order by version`.execute(store.db)
      ).rows.map((r) => Number(r.version));
    } finally {
      await store.close();
    }

    // Both walls caught up with every change without a reload: the one whose stream stayed open, and the one that reconnected.
    await orCrash(eventually(async () => wall.follower.version === finalVersion && lateWall.follower.version === finalVersion, 20_000, 100));
    expect(lateWall.follower.live.status.value).toBe('live');
    for (const id of all.map(requestIdOf)) {
      expect(wall.view.has(id), `wall shows ${id}`).toBe(true);
      expect(lateWall.view.has(id), `late wall shows ${id}`).toBe(true);
    }
    expect([...new Set(wall.versions)].sort((a, b) => a - b), 'the wall applied every change').toEqual(requestVersions);

    // Hints flow again, also for a write made by another instance. (Its NOTIFY reaches this server over the LISTEN
    // connection counted above; the 5 s fallback poll would deliver it too, so that count is what proves LISTEN is back.)
    const other = await startTestServer({ databaseUrl: cluster.url(), static: false });
    cleanups.push(() => other.stop(true));
    const viaOther = await new KioskDriver(other.url, kiosks[0]!.token).init();
    const before = hints.length;
    expect((await viaOther.push([viaOther.create()])).status).toBe(200);
    await orCrash(eventually(async () => hints.slice(before).includes(finalVersion + 1), 15_000, 50));
    await orCrash(eventually(async () => wall.follower.version === finalVersion + 1 && lateWall.follower.version === finalVersion + 1, 15_000, 50));
    expect(await Promise.race([crashed, sleep(0).then(() => 'alive')])).toBe('alive');
  });
});
