/**
 * Backup and restore (docs/OPERATIONS.md). Embedded: a real server takes a
 * few hundred requests of every kind through the HTTP API; `npm run backup`
 * is refused while it runs and works once it is stopped; more work happens
 * after the backup (the timeline a restore loses); `npm run restore` puts the
 * backup in a fresh folder, and a server on it has every request (id, kind,
 * status, ticket, rev), the same events under the same versions and the same
 * card key, answers `reset` to a cursor from the lost timeline and
 * `seq_gap` to a kiosk whose sequence ran ahead. Bad files and a restore
 * onto a database without --force change nothing. PostgreSQL (when
 * TEST_DATABASE_URL is set): the pg_dump and pg_restore commands the CLIs
 * print are run as printed, with the same checks.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOf, Command } from '../../shared/protocol/commands.ts';
import { DATABASE_ENTRY, describeEntry, MANIFEST_NAME, packTar, unpackTar, type BackupManifest } from '../../server/src/store/backup-archive.ts';
import { BackupError, readBackup, restoreEmbedded } from '../../server/src/store/backup.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const REQUESTS = 320;

// ---------------------------------------------------------------------------------------------
// Running the CLIs

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], env: Record<string, string | undefined>): Promise<Ran> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.LOBBYDESK_DATA;
  const child = spawn(cmd, args, { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((r) => child.once('close', (code) => r({ code, stdout, stderr })));
}

/** The CLI as `npm run <script> -- …` runs it (tsx), or through npm itself. */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string | undefined>, viaNpm = false): Promise<Ran> {
  return viaNpm ? run('npm', ['run', '--silent', script, '--', ...args], env) : run(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], env);
}

const sh = (line: string, env: Record<string, string>) => run('sh', ['-c', line], env);

// ---------------------------------------------------------------------------------------------
// Traffic and what a server holds

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function claimCode(n: number): string {
  let s = '';
  for (let i = 0, v = n + 40_000; i < 8; i++, v = Math.floor(v / 32)) s += ALPHABET[v % 32];
  return s;
}

function kioskCommand(kiosk: KioskDriver, i: number): CommandOf<'request.create'> {
  const cmd = kiosk.create({ guestName: `Guest ${i}`, room: String(1000 + i), note: i % 3 ? null : `note ${i}` });
  const kind = (['call_staff', 'luggage_in', 'luggage_out', 'shoe_care'] as const)[i % 4]!;
  cmd.payload.kind = kind;
  cmd.payload.reason = kind === 'call_staff' ? (['question', 'luggage_help', 'complaint', 'other'] as const)[i % 3]! : null;
  cmd.payload.details =
    kind === 'luggage_in'
      ? { kind, bags: 1 + (i % 3), expectedPickupAt: null, claimCode: claimCode(i) }
      : kind === 'luggage_out'
        ? { kind, claimCode: claimCode(i) }
        : kind === 'shoe_care'
          ? { kind, pairs: 1 + (i % 2), collectAt: i % 2 ? 'room' : 'lobby', neededBy: null }
          : null;
  return cmd;
}

const complaint = (kiosk: KioskDriver, i: number) => kiosk.feedback({ rating: 1, comment: `complaint ${i}`, complaint: true });

async function pushAll(who: KioskDriver | StaffDriver, commands: Command[]): Promise<void> {
  for (let i = 0; i < commands.length; i += 100) {
    const r = await who.push(commands.slice(i, i + 100));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.outcomes.filter((o: { outcome: string }) => o.outcome !== 'applied')).toEqual([]);
  }
}

/** `count` kiosk requests of every kind and two complaints; staff call, complete, cancel or serve most call_staff ones. */
async function traffic(url: string, kioskToken: string, count: number, from = 0): Promise<KioskDriver> {
  const kiosk = await new KioskDriver(url, kioskToken).init();
  const agent = await new StaffDriver(url).login('agent1', '1111');
  const creates = Array.from({ length: count }, (_, i) => kioskCommand(kiosk, from + i));
  await pushAll(kiosk, [...creates, complaint(kiosk, from), complaint(kiosk, from + 1)]);
  const moves: Command[] = [];
  creates.forEach((c, i) => {
    if (c.payload.kind !== 'call_staff') return;
    const id = c.payload.requestId;
    if (i % 5 === 1) moves.push(agent.transition(id, 'call', 'waiting'));
    if (i % 5 === 2) moves.push(agent.transition(id, 'call', 'waiting'), agent.transition(id, 'complete', 'called'));
    if (i % 5 === 3) moves.push(agent.transition(id, 'cancel', 'waiting'));
    if (i % 5 === 4) moves.push(agent.transition(id, 'serve', 'waiting'));
  });
  await pushAll(agent, moves);
  return kiosk;
}

interface Held {
  requests: Map<string, { kind: string; status: string; ticket: string; rev: number }>;
  /** Every event a staff pull from 0 returns, as JSON. */
  events: unknown[];
  version: number;
  cardKey: string;
}

async function held(url: string, kioskToken: string): Promise<Held> {
  const staff = await new TestClient(url).login('super1', '2222');
  const snap = await staff.get('/api/sync/snapshot');
  expect(snap.status).toBe(200);
  const requests = new Map<string, { kind: string; status: string; ticket: string; rev: number }>(
    (snap.body.requests as { id: string; kind: string; status: string; ticket: string; rev: number }[]).map((r) => [r.id, { kind: r.kind, status: r.status, ticket: r.ticket, rev: r.rev }]),
  );
  const events: unknown[] = [];
  for (let after = 0; ; ) {
    const page = await staff.get(`/api/sync/pull?after=${after}`);
    expect(page.body.reset).toBe(false);
    events.push(...page.body.events);
    after = page.body.version;
    if (!page.body.hasMore) break;
  }
  const cardKey = (await new TestClient(url, kioskToken).get('/api/kiosk/card-key')).body;
  return { requests, events, version: snap.body.version, cardKey: JSON.stringify(cardKey) };
}

function expectSame(after: Held, before: Held): void {
  expect(after.requests.size).toBe(before.requests.size);
  for (const [id, r] of before.requests) expect(after.requests.get(id), `request ${id}`).toEqual(r);
  expect(after.version).toBe(before.version);
  expect(after.events).toEqual(before.events);
  expect(after.cardKey).toBe(before.cardKey);
}

/** Path, size and modification time of every file under `dir`: equal fingerprints, untouched folder. */
async function fingerprint(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const s = await stat(join(dir, name));
    out.push(`${name} ${s.isDirectory() ? 'dir' : s.size} ${s.mtimeMs}`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('embedded backup and restore', () => {
  let tmp: string;
  let dataA: string;
  let server: TestServer | null = null;
  let kioskToken: string;
  let before: Held;
  let backupFile: string;
  let kioskLastSeqAtBackup: number;
  let lostTimeline: { version: number; kioskNextSeq: number; lostRequest: string };

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'lobbydesk-backup-'));
    dataA = join(tmp, 'a');
    server = await startTestServer({ dataDir: dataA, static: false });
    kioskToken = server.demo!.kioskToken;
    const kiosk = await traffic(server.url, kioskToken, REQUESTS);
    kioskLastSeqAtBackup = kiosk.nextSeq - 1;
    before = await held(server.url, kioskToken);
    expect(before.requests.size).toBe(REQUESTS);
    backupFile = join(tmp, 'out', 'site.backup.tar');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await rm(tmp, { recursive: true, force: true });
  });

  it('refuses to back up while the server has the database open, and writes nothing', async () => {
    const r = await cli('backup', ['--out', backupFile], { LOBBYDESK_DATA: dataA });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`is open in process ${process.pid}`);
    expect(r.stderr).toContain('stop the server');
    expect(existsSync(backupFile)).toBe(false);
  });

  it('backs up with `npm run backup` once the server is stopped, and prints what it holds', async () => {
    await server!.stop();
    server = null;
    const r = await cli('backup', ['--out', backupFile], { LOBBYDESK_DATA: dataA }, true);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`requests +${REQUESTS}\\n`));
    expect(r.stdout).toContain(`(last event version ${before.version})`);
    expect(r.stdout).toContain(backupFile);
    expect((await stat(backupFile)).mode & 0o777).toBe(0o600);
    // Never overwrites.
    const again = await cli('backup', ['--out', backupFile], { LOBBYDESK_DATA: dataA });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  }, 30_000);

  it('the server goes on after the backup (work a restore will not have)', async () => {
    server = await startTestServer({ dataDir: dataA, static: false });
    const kiosk = await traffic(server.url, kioskToken, 12, REQUESTS);
    const staff = await new TestClient(server.url).login('agent1', '1111');
    const version = (await staff.get('/api/sync/snapshot')).body.version as number;
    expect(version).toBeGreaterThan(before.version);
    lostTimeline = { version, kioskNextSeq: kiosk.nextSeq, lostRequest: [...(await held(server.url, kioskToken)).requests.keys()].find((id) => !before.requests.has(id))! };
    await server.stop();
    server = null;
  }, 30_000);

  it('`npm run restore` into a fresh folder: every request with its status and ticket, events and versions intact, the same card key', async () => {
    const dataB = join(tmp, 'b');
    const r = await cli('restore', [backupFile], { LOBBYDESK_DATA: dataB }, true);
    expect(r.code, r.stderr).toBe(0);
    const { manifest } = await readBackup(backupFile);
    expect(r.stdout).toContain(`backup made    ${manifest.createdAt}`);
    expect(r.stdout).toMatch(new RegExp(`requests +${REQUESTS}\\n`));
    expect(r.stdout).toContain(`(last event version ${before.version})`);

    server = await startTestServer({ dataDir: dataB, static: false });
    expect(server.demo?.kioskToken).toBe(kioskToken);
    expectSame(await held(server.url, kioskToken), before);
    const staff = await new TestClient(server.url).login('agent1', '1111');
    const lost = await staff.get('/api/sync/snapshot');
    expect(lost.body.requests.some((x: { id: string }) => x.id === lostTimeline.lostRequest)).toBe(false);

    // A tablet whose cursor is from the lost timeline is told to take a new snapshot.
    const pulled = await staff.get(`/api/sync/pull?after=${lostTimeline.version}`);
    expect(pulled.body).toMatchObject({ reset: true, version: before.version, events: [] });

    // A kiosk whose sequence ran ahead is told where the server is, renumbers, and is applied.
    const kiosk = new KioskDriver(server.url, kioskToken);
    await kiosk.init();
    expect(kiosk.me.lastSeq).toBe(kioskLastSeqAtBackup);
    const ahead = await kiosk.push([kiosk.create({ seq: lostTimeline.kioskNextSeq, ticket: `${kiosk.me.letter}900` })]);
    expect(ahead.status).toBe(409);
    expect(ahead.body.error).toMatchObject({ code: 'seq_gap', details: { expectedSeq: kioskLastSeqAtBackup + 1 } });
    const renumbered = await kiosk.push([kiosk.create({ seq: kioskLastSeqAtBackup + 1, ticket: `${kiosk.me.letter}900` })]);
    expect(renumbered.body.outcomes[0].outcome).toBe('applied');
    await server.stop();
    server = null;
  }, 45_000);

  it('a truncated, damaged or foreign file is refused with a clear message and changes nothing', async () => {
    const whole = await readFile(backupFile);
    const cut = join(tmp, 'cut.tar');
    await writeFile(cut, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const damaged = join(tmp, 'damaged.tar');
    const flipped = Buffer.from(whole);
    flipped[Math.floor(whole.length / 2)]! ^= 0xff;
    await writeFile(damaged, flipped);
    const fresh = join(tmp, 'c');
    const aBefore = await fingerprint(dataA);

    await expect(restoreEmbedded({ dataDir: fresh, file: cut })).rejects.toThrow(/is truncated: entry pglite\.tar\.gz should hold \d+ bytes/);
    await expect(restoreEmbedded({ dataDir: dataA, file: cut, force: true })).rejects.toThrow(BackupError);
    await expect(restoreEmbedded({ dataDir: dataA, file: damaged, force: true })).rejects.toThrow(/is damaged: pglite\.tar\.gz does not match its checksum/);
    await expect(restoreEmbedded({ dataDir: dataA, file: join(ROOT, 'package.json'), force: true })).rejects.toThrow(/is not a lobbydesk backup/);
    await expect(restoreEmbedded({ dataDir: dataA, file: join(tmp, 'nothing.tar'), force: true })).rejects.toThrow(/does not exist/);
    const pgDump = join(tmp, 'site.dump');
    await writeFile(pgDump, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(2048, 1)]));
    await expect(restoreEmbedded({ dataDir: dataA, file: pgDump, force: true })).rejects.toThrow(/is a pg_dump file, not an embedded backup: restore it into PostgreSQL with pg_restore/);

    const r = await cli('restore', [cut, '--force'], { LOBBYDESK_DATA: dataA });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Restore refused, nothing was changed: .*cut\.tar is truncated/);

    expect(existsSync(fresh)).toBe(false);
    expect(await fingerprint(dataA)).toEqual(aBefore);
  }, 30_000);

  it('a whole file whose database does not check out once loaded is refused, and what the restore made is removed', async () => {
    const entries = unpackTar(await readFile(backupFile), backupFile);
    const manifest = JSON.parse(entries.get(MANIFEST_NAME)!.toString()) as BackupManifest;
    const aBefore = await fingerprint(dataA);

    // Matching its checksums, but the database does not hold what the manifest says.
    const forged = join(tmp, 'forged.tar');
    const lying = { ...manifest, counts: { ...manifest.counts, requests: manifest.counts.requests + 1 } };
    await writeFile(forged, packTar([{ name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(lying)) }, ...[...entries].filter(([n]) => n !== MANIFEST_NAME).map(([name, data]) => ({ name, data }))], new Date()));
    await expect(restoreEmbedded({ dataDir: dataA, file: forged, force: true })).rejects.toThrow(/does not hold what its manifest says/);
    expect(await fingerprint(dataA)).toEqual(aBefore);

    // A PostgreSQL data folder that is not lobbydesk's: no schema_migrations.
    const other = await PGlite.create();
    const otherDump = Buffer.from(await (await other.dumpDataDir('gzip')).arrayBuffer());
    await other.close();
    const stranger = join(tmp, 'stranger.tar');
    await writeFile(stranger, packTar([{ name: MANIFEST_NAME, data: Buffer.from(JSON.stringify({ ...manifest, database: describeEntry(DATABASE_ENTRY, otherDump), files: [] })) }, { name: DATABASE_ENTRY, data: otherDump }], new Date()));
    const fresh = join(tmp, 'd');
    await expect(restoreEmbedded({ dataDir: fresh, file: stranger })).rejects.toThrow(/has no schema_migrations table: it is not a lobbydesk database/);
    expect(existsSync(fresh)).toBe(false);
  }, 45_000);

  it('onto an existing database: refused without --force, refused while a server has it, and with --force the old one is kept aside', async () => {
    const pgDir = join(dataA, 'pglite');
    const old = await fingerprint(pgDir);
    const refused = await cli('restore', [backupFile], { LOBBYDESK_DATA: dataA });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${pgDir} already holds a database`);
    expect(refused.stderr).toContain('--force');
    expect(await fingerprint(pgDir)).toEqual(old);

    server = await startTestServer({ dataDir: dataA, static: false });
    await expect(restoreEmbedded({ dataDir: dataA, file: backupFile, force: true })).rejects.toThrow(`is open in process ${process.pid}`);
    await server.stop();
    server = null;

    const closed = await fingerprint(pgDir);
    const r = await restoreEmbedded({ dataDir: dataA, file: backupFile, force: true });
    expect(r.counts.requests).toBe(REQUESTS);
    expect(r.keptAside).toMatch(/pglite\.before-restore-/);
    expect(await fingerprint(r.keptAside!)).toEqual(closed);
    expect(r.replacedFiles).toEqual([]); // same card key and demo credentials: left as they were

    server = await startTestServer({ dataDir: dataA, static: false });
    expectSame(await held(server.url, kioskToken), before);
    await server.stop();
    server = null;
  }, 45_000);
});

// ---------------------------------------------------------------------------------------------

describe.skipIf(!TEST_DATABASE_URL)(`PostgreSQL backup and restore as printed (${PG_SKIP_REASON})`, () => {
  let tmp: string;
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let restoredName: string | null = null;
  let server: TestServer | null = null;
  let kioskToken: string;
  let before: Held;
  let dump: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'lobbydesk-pgbackup-'));
    db = await freshDatabase('backup_pg');
    server = await startTestServer({ databaseUrl: db.url, dataDir: join(tmp, 'data'), static: false });
    kioskToken = server.demo!.kioskToken;
    await traffic(server.url, kioskToken, 160);
    before = await held(server.url, kioskToken);
    dump = join(tmp, 'site.dump');
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (restoredName) {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists "${restoredName.replace(/"/g, '""')}" with (force)`);
      await c.end();
    }
    await rm(tmp, { recursive: true, force: true });
  });

  it('`npm run backup` prints the pg_dump command; run as printed, it dumps while the server runs', async () => {
    const r = await cli('backup', ['--out', dump], { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PostgreSQL is backed up with pg_dump');
    expect(r.stdout).toContain('Nothing was written');
    const line = r.stdout.split('\n').find((l) => l.trim().startsWith('pg_dump '))!.trim();
    expect(line).toBe(`pg_dump --format=custom --file='${dump}' "$DATABASE_URL"`);
    const ran = await sh(line, { DATABASE_URL: db.url });
    expect(ran.code, ran.stderr).toBe(0);
    expect((await readFile(dump)).subarray(0, 5).toString()).toBe('PGDMP');
  }, 30_000);

  it('after the dump, work goes on; then restoring as printed into a new database brings back every request, and a cursor ahead resets', async () => {
    await traffic(server!.url, kioskToken, 6, 160);
    const staffA = await new TestClient(server!.url).login('agent1', '1111');
    const aheadVersion = (await staffA.get('/api/sync/snapshot')).body.version as number;
    await server!.stop();
    server = null;

    const notDump = await cli('restore', [join(ROOT, 'package.json')], { DATABASE_URL: db.url });
    expect(notDump.code).toBe(1);
    expect(notDump.stderr).toContain('package.json is not a pg_dump custom-format file');

    const r = await cli('restore', [dump], { DATABASE_URL: db.url });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing was changed');
    const lines = r.stdout.split('\n').map((l) => l.trim());
    const createdb = lines.find((l) => l.startsWith('2. createdb '))!.slice(3);
    const restoreUrl = /^3\. export RESTORE_URL='([^']+)'$/.exec(lines.find((l) => l.startsWith('3. '))!)![1]!;
    const pgRestore = lines.find((l) => l.startsWith('4. pg_restore '))!.slice(3);
    restoredName = decodeURIComponent(new URL(restoreUrl).pathname.slice(1));
    for (const step of [createdb, pgRestore]) {
      const ran = await sh(step, { DATABASE_URL: db.url, RESTORE_URL: restoreUrl });
      expect(ran.code, `${step}\n${ran.stderr}`).toBe(0);
    }

    server = await startTestServer({ databaseUrl: restoreUrl, dataDir: join(tmp, 'data'), static: false });
    expectSame(await held(server.url, kioskToken), before);
    const staff = await new TestClient(server.url).login('agent1', '1111');
    expect((await staff.get(`/api/sync/pull?after=${aheadVersion}`)).body).toMatchObject({ reset: true, version: before.version });
  }, 45_000);
});
