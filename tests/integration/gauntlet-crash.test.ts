/**
 * Gauntlet: the server is SIGKILLed three times while five kiosks push
 * batches concurrently, and restarted on the same data. The kiosks retry
 * un-acknowledged batches as the Flusher does (same commands, same seqs).
 * At the end every command exists exactly once, each device's last_seq is
 * its last seq, and the event versions are gap-free 1..N. Once on embedded
 * PGlite, once on PostgreSQL (when TEST_DATABASE_URL is set).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Command } from '../../shared/protocol/commands.ts';
import { openPglite } from '../../server/src/store/pglite.ts';
import { openPostgres } from '../../server/src/store/postgres.ts';
import type { Store } from '../../server/src/store/store.ts';
import { spawnServer, type KillableServer } from '../support/child-server.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { freePort } from '../support/ports.ts';
import { TestClient } from '../support/server.ts';
import { KioskDriver, pairDevice, sleep } from './helpers.ts';

const KIOSKS = 5;
const BATCHES = 8;
const BATCH_SIZE = 5;
const KILLS = 3;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

/** Seeded PRNG (mulberry32), so a failing kill schedule can be replayed with GAUNTLET_SEED. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Prepared {
  dataDir: string;
  port: number;
  databaseUrl?: string;
  server: KillableServer;
  kiosks: KioskDriver[];
}

/** The first start (initdb, migrations, demo seed) is slow: done in a hook, outside the test's 60 s. */
async function prepare(databaseUrl?: string): Promise<Prepared> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-crash-'));
  cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
  const port = await freePort();
  const server = await spawnServer({ dataDir, port, databaseUrl, timeoutMs: 55_000 });
  const p: Prepared = { dataDir, port, databaseUrl, server, kiosks: [] };
  cleanups.push(() => p.server.kill('SIGKILL'));
  const supervisor = await new TestClient(server.url).login('super1', '2222');
  for (let i = 0; i < KIOSKS; i++) {
    const { token } = await pairDevice(server.url, supervisor, 'kiosk', `Crash kiosk ${i}`);
    p.kiosks.push(await new KioskDriver(server.url, token).init());
  }
  return p;
}

async function scenario(p: Prepared, openStore: (dataDir: string) => Promise<Store>) {
  const seed = Number(process.env.GAUNTLET_SEED ?? Date.now() % 1_000_000);
  const random = rng(seed);
  const { dataDir, port, databaseUrl, kiosks } = p;
  let server = p.server;
  const restarts: number[] = [];

  let down = false;
  let inFlight = 0;
  const inFlightAtKill: number[] = [];
  const kills: string[] = [];
  const sent = new Map<string, Command[]>(); // deviceId → every command, in seq order
  const retries = { network: 0, server: 0 };

  /** One kiosk: each batch is retried, unchanged, until the server acknowledges it. */
  async function runKiosk(k: KioskDriver): Promise<void> {
    const mine: Command[] = [];
    sent.set(k.me.deviceId, mine);
    for (let b = 0; b < BATCHES; b++) {
      const batch = Array.from({ length: BATCH_SIZE }, () => k.create());
      mine.push(...batch);
      for (let attempt = 0; ; attempt++) {
        if (attempt > 400) throw new Error(`kiosk ${k.me.letter}: batch ${b} never acknowledged`);
        try {
          let r: Awaited<ReturnType<KioskDriver['push']>> | null = null;
          if (!down) {
            inFlight++;
            r = await k.push(batch).finally(() => inFlight--);
          }
          if (r && r.status === 200) {
            for (const out of r.body.outcomes) expect(['applied', 'duplicate'], JSON.stringify(out)).toContain(out.outcome);
            break;
          }
          if (r) {
            expect(r.status, `kiosk ${k.me.letter} batch ${b}: ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(500);
            retries.server++;
          }
        } catch {
          retries.network++; // connection refused or reset: the server is down
        }
        await sleep(50 + random() * 150);
      }
      await sleep(random() * 100);
    }
  }

  async function killer(): Promise<void> {
    for (let i = 0; i < KILLS; i++) {
      await sleep(150 + random() * 600);
      down = true;
      inFlightAtKill.push(inFlight);
      await server.kill('SIGKILL');
      kills.push(`kill ${i + 1} at ${new Date().toISOString()}`);
      down = false; // clients now meet connection errors until the restart listens
      const t = Date.now();
      server = p.server = await spawnServer({ dataDir, port, databaseUrl, timeoutMs: 30_000 });
      restarts.push(Date.now() - t);
    }
  }

  await Promise.all([killer(), ...kiosks.map(runKiosk)]);
  expect(kills, `seed ${seed}`).toHaveLength(KILLS);
  await server.kill('SIGTERM');

  const store = await openStore(dataDir);
  try {
    const all = [...sent.values()].flat();
    const rows = await store.db.selectFrom('service_requests').select(['id', 'device_id']).execute();
    const ours = rows.filter((r) => sent.has(r.device_id as string));
    expect(ours.length, `seed ${seed}: requests`).toBe(all.length);
    expect(new Set(ours.map((r) => r.id)).size).toBe(all.length);
    const commandRows = await store.db.selectFrom('commands').select(['command_id']).execute();
    const ids = new Set(all.map((c) => c.id));
    expect(commandRows.filter((c) => ids.has(c.command_id)).length, `seed ${seed}: commands`).toBe(all.length);
    for (const [deviceId, cmds] of sent) {
      const d = await store.db.selectFrom('devices').select('last_seq').where('id', '=', deviceId).executeTakeFirstOrThrow();
      expect(d.last_seq, `seed ${seed}: last_seq of ${deviceId}`).toBe(cmds[cmds.length - 1]!.seq);
    }
    const versions = (await sql<{ version: number }>`select version from events order by version`.execute(store.db)).rows.map((r) => Number(r.version));
    expect(versions, `seed ${seed}: gap-free versions`).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
    const prop = await store.db.selectFrom('properties').select('version').executeTakeFirstOrThrow();
    expect(Number(prop.version)).toBe(versions.length);
  } finally {
    await store.close();
  }
  return { seed, retries, kills, restartMs: restarts, inFlightAtKill };
}

describe('gauntlet: server killed mid-push', () => {
  let pglite: Prepared;
  beforeAll(async () => {
    pglite = await prepare();
  }, 60_000);

  it('SIGKILLed three times on embedded PGlite: every command lands exactly once, last_seq matches, versions stay gap-free', { timeout: 60_000 }, async () => {
    const r = await scenario(pglite, (dir) => openPglite(join(dir, 'pglite')));
    console.info('PGlite crash gauntlet', JSON.stringify(r));
  });

  describe.skipIf(!TEST_DATABASE_URL)(`on PostgreSQL (${TEST_DATABASE_URL ? 'enabled' : PG_SKIP_REASON})`, () => {
    let pgPrepared: Prepared;
    let dbUrl = '';
    beforeAll(async () => {
      const db = await freshDatabase('gauntlet_crash');
      cleanups.push(() => db.drop());
      dbUrl = db.url;
      pgPrepared = await prepare(db.url);
    }, 60_000);

    it('SIGKILLed three times on PostgreSQL: every command lands exactly once, last_seq matches, versions stay gap-free', { timeout: 60_000 }, async () => {
      const r = await scenario(pgPrepared, async () => (await openPostgres(dbUrl, 2)).store);
      console.info('PostgreSQL crash gauntlet', JSON.stringify(r));
    });
  });
});
