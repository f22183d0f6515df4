/**
 * Backup and restore of the embedded database (the CLIs `npm run backup` and
 * `npm run restore` are thin wrappers; docs/OPERATIONS.md is the operator's
 * guide). A backup is PGlite's own copy of its data folder
 * (`dumpDataDir('gzip')`), taken by this process alone: the server must be
 * stopped, since PGlite is one process and has no lock (backup-in-use.ts
 * checks). A restore loads the copy into a new folder beside the current
 * one, opens it and checks it against the backup's manifest, and only then
 * moves the current database aside (renamed, never deleted) and the restored
 * one into its place. PostgreSQL is backed up with pg_dump: see
 * backup-postgres.ts.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import {
  BackupCounts,
  BackupError,
  BackupManifest,
  DATABASE_ENTRY,
  describeEntry,
  MANIFEST_NAME,
  packTar,
  sha256,
  SIDE_FILES,
  unpackTar,
} from './backup-archive.ts';
import { pgliteFolderUse } from './backup-in-use.ts';

export { BackupError } from './backup-archive.ts';

/** `2025-11-22T19-30-05Z`: a UTC time that is safe in a file name everywhere. */
export const stamp = (d: Date) => `${d.toISOString().slice(0, 19).replace(/:/g, '-')}Z`;

export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');
export const defaultBackupFile = (dataDir: string, now: Date) => join(dataDir, 'backups', `lobbydesk-${stamp(now)}.tar`);

const migrationsDir = join(import.meta.dirname, 'migrations');
const packageJson = join(import.meta.dirname, '..', '..', '..', 'package.json');

/** Refuses when another process has the folder open (or it cannot be told); true when a crashed server left it unclosed. */
async function assertNotInUse(folder: string): Promise<boolean> {
  const use = await pgliteFolderUse(folder);
  if (use.state === 'open') {
    throw new BackupError(
      `The embedded database in ${folder} is open in process ${use.pid} (a running lobbydesk server?). ` +
        'PGlite lets one process at a time use it: stop the server (Ctrl-C), run this again, then start the server.',
    );
  }
  if (use.state === 'unknown') {
    throw new BackupError(
      `${join(folder, 'postmaster.pid')} says the embedded database is open, and this system does not let me see which process has it. ` +
        'If the server is running, stop it and run this again. If it is not (it stopped abruptly), start it once and stop it with Ctrl-C so it closes the database, then run this again.',
    );
  }
  return use.state === 'stale';
}

async function readCounts(pg: PGlite, where: string): Promise<BackupCounts> {
  const exists = async (table: string) => (await pg.query<{ t: string | null }>('select to_regclass($1)::text as t', [table])).rows[0]?.t != null;
  if (!(await exists('public.schema_migrations'))) {
    throw new BackupError(`${where} has no schema_migrations table: it is not a lobbydesk database`);
  }
  const scalar = async (table: string, expr: string) => {
    if (!(await exists(`public.${table}`))) return 0;
    return Number((await pg.query<{ n: string }>(`select (${expr})::text as n from ${table}`)).rows[0]?.n ?? 0);
  };
  const migrations = (await pg.query<{ name: string }>('select name from schema_migrations order by name')).rows.map((r) => r.name);
  return {
    requests: await scalar('service_requests', 'count(*)'),
    events: await scalar('events', 'count(*)'),
    lastEventVersion: await scalar('events', 'coalesce(max(version), 0)'),
    issues: await scalar('issues', 'count(*)'),
    luggageItems: await scalar('luggage_items', 'count(*)'),
    members: await scalar('members', 'count(*)'),
    migrations,
  };
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  /** The database had not been closed cleanly (a server stopped abruptly); PGlite recovered it on opening. */
  recovered: boolean;
}

/** Backs up the embedded database in `dataDir` (server stopped) to `out` (default data/backups/lobbydesk-<time>.tar). */
export async function backupEmbedded(o: { dataDir: string; out?: string; now?: Date }): Promise<BackupResult> {
  const now = o.now ?? new Date();
  const dir = pgliteDir(o.dataDir);
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dir}. Is LOBBYDESK_DATA set to the server's data folder (now ${o.dataDir})?`);
  }
  const file = resolve(o.out ?? defaultBackupFile(o.dataDir, now));
  const inside = relative(dir, file);
  if (!inside.startsWith('..') && !isAbsolute(inside)) throw new BackupError(`Write the backup outside the database folder ${dir}`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; a backup never overwrites a file: give another --out`);

  const recovered = await assertNotInUse(dir);
  const pg = await PGlite.create(dir);
  let counts: BackupCounts;
  let postgres: string;
  let database: Buffer;
  try {
    counts = await readCounts(pg, dir);
    postgres = (await pg.query<{ v: string }>('select version() as v')).rows[0]!.v.replace(/\).*$/s, ')');
    // Nobody else has the folder, and dumpDataDir runs under PGlite's query lock: a consistent copy.
    await pg.exec('CHECKPOINT');
    database = Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await pg.close();
  }

  const side: { name: string; data: Buffer }[] = [];
  for (const name of SIDE_FILES) {
    const path = join(o.dataDir, name);
    if (existsSync(path)) side.push({ name, data: await readFile(path) });
  }
  const { version } = JSON.parse(await readFile(packageJson, 'utf8')) as { version: string };
  const manifest: BackupManifest = {
    format: 'lobbydesk-backup',
    formatVersion: 1,
    createdAt: now.toISOString(),
    lobbydeskVersion: version,
    postgres,
    database: describeEntry(DATABASE_ENTRY, database),
    files: side.map((f) => describeEntry(f.name, f.data)),
    counts,
  };
  const archive = packTar([{ name: MANIFEST_NAME, data: Buffer.from(JSON.stringify(manifest, null, 2)) }, { name: DATABASE_ENTRY, data: database }, ...side], now);
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial-${process.pid}`;
  await writeFile(partial, archive, { mode: 0o600 });
  await rename(partial, file);
  return { file, bytes: archive.length, manifest, recovered };
}

/** Reads and checks a backup file: every entry present, of the recorded size and SHA-256. */
export async function readBackup(file: string): Promise<{ manifest: BackupManifest; databaseTar: Buffer; files: Map<string, Buffer> }> {
  const label = resolve(file);
  const buf = await readFile(label).catch((e: NodeJS.ErrnoException) => {
    throw new BackupError(e.code === 'ENOENT' ? `${label} does not exist` : `${label} could not be read (${e.code ?? e.message})`);
  });
  const entries = unpackTar(buf, label);
  const rawManifest = entries.get(MANIFEST_NAME);
  if (!rawManifest) throw new BackupError(`${label} is a tar archive but not a lobbydesk backup (it has no ${MANIFEST_NAME})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawManifest.toString('utf8'));
  } catch {
    throw new BackupError(`${label} is damaged: ${MANIFEST_NAME} is not JSON`);
  }
  const manifest = BackupManifest.safeParse(parsed);
  if (!manifest.success) throw new BackupError(`${label} has a manifest this lobbydesk cannot read (${manifest.error.issues[0]?.path.join('.')}: ${manifest.error.issues[0]?.message})`);
  const m = manifest.data;
  const check = (entry: { name: string; bytes: number; sha256: string }) => {
    const data = entries.get(entry.name);
    if (!data) throw new BackupError(`${label} is incomplete: ${entry.name} is missing`);
    if (data.length !== entry.bytes || sha256(data) !== entry.sha256) throw new BackupError(`${label} is damaged: ${entry.name} does not match its checksum`);
    return data;
  };
  const gz = check(m.database);
  let databaseTar: Buffer;
  try {
    databaseTar = gunzipSync(gz);
  } catch (e) {
    throw new BackupError(`${label} is damaged: ${DATABASE_ENTRY} does not decompress (${(e as Error).message})`);
  }
  const files = new Map(m.files.map((f) => [f.name, check(f)] as const));
  return { manifest: m, databaseTar, files };
}

export interface RestoreResult {
  manifest: BackupManifest;
  counts: BackupCounts;
  databaseDir: string;
  /** Where the database that was there went, if there was one. */
  keptAside: string | null;
  /** Data-folder files replaced by the backup's copies, each kept as `<name>.before-restore-<time>`. */
  replacedFiles: string[];
}

/** Parsed again so both sides list their keys in the schema's order. */
const sameCounts = (a: BackupCounts, b: BackupCounts) => JSON.stringify(BackupCounts.parse(a)) === JSON.stringify(BackupCounts.parse(b));

/** Loads the backup into `folder` (new) and checks it opens and holds what the manifest says. */
async function loadAndVerify(folder: string, backup: Awaited<ReturnType<typeof readBackup>>, label: string): Promise<BackupCounts> {
  let pg: PGlite;
  try {
    pg = await PGlite.create({ dataDir: folder, loadDataDir: new Blob([new Uint8Array(backup.databaseTar)]) });
  } catch (e) {
    throw new BackupError(
      `The database in ${label} did not open (${(e as Error).message}). It was made with ${backup.manifest.postgres}; ` +
        'a copy of the data folder opens only under the same PostgreSQL major version.',
    );
  }
  try {
    const counts = await readCounts(pg, label);
    if (!sameCounts(counts, backup.manifest.counts)) {
      throw new BackupError(`${label} does not hold what its manifest says (manifest ${JSON.stringify(backup.manifest.counts)}, found ${JSON.stringify(counts)})`);
    }
    return counts;
  } finally {
    await pg.close();
  }
}

/**
 * Restores a backup into `dataDir`. Refuses, changing nothing, when the file
 * is not a complete backup, when a database is there and `force` is not
 * given, or when a process has it open.
 */
export async function restoreEmbedded(o: { dataDir: string; file: string; force?: boolean; now?: Date }): Promise<RestoreResult> {
  const now = o.now ?? new Date();
  const label = resolve(o.file);
  const backup = await readBackup(label);
  const known = new Set(await readdir(migrationsDir));
  const unknown = backup.manifest.counts.migrations.filter((m) => !known.has(m));
  if (unknown.length) {
    throw new BackupError(`${label} was made by a newer lobbydesk (${backup.manifest.lobbydeskVersion}): its database has migrations this one does not know (${unknown.join(', ')}). Update lobbydesk first.`);
  }

  const dir = pgliteDir(o.dataDir);
  const existing = existsSync(dir) && (await readdir(dir)).length > 0;
  if (existing && !o.force) {
    throw new BackupError(
      `${dir} already holds a database. Restoring replaces it: run again with --force to keep it aside (renamed pglite.before-restore-<time>) and put the backup in its place.`,
    );
  }
  if (existing) await assertNotInUse(dir);

  const madeDataDir = !existsSync(o.dataDir);
  await mkdir(o.dataDir, { recursive: true });
  const staging = join(o.dataDir, `.pglite-restoring-${stamp(now)}-${process.pid}`);
  let counts: BackupCounts;
  try {
    counts = await loadAndVerify(staging, backup, label);
  } catch (e) {
    // Only what this restore made: the staging folder, and the data folder if it was not there.
    await rm(staging, { recursive: true, force: true });
    if (madeDataDir) await rmdir(o.dataDir).catch(() => undefined);
    throw e;
  }

  let keptAside: string | null = null;
  try {
    if (existing) {
      await assertNotInUse(dir); // again: a server may have started while the backup was being checked
      keptAside = join(o.dataDir, `pglite.before-restore-${stamp(now)}`);
      await rename(dir, keptAside);
    } else if (existsSync(dir)) {
      await rmdir(dir); // empty
    }
    await rename(staging, dir);
  } catch (e) {
    if (keptAside && !existsSync(dir)) await rename(keptAside, dir).catch(() => undefined);
    await rm(staging, { recursive: true, force: true });
    throw e;
  }

  const replacedFiles: string[] = [];
  for (const [name, data] of backup.files) {
    const path = join(o.dataDir, name);
    if (existsSync(path)) {
      if (sha256(await readFile(path)) === sha256(data)) continue;
      await rename(path, `${path}.before-restore-${stamp(now)}`);
      replacedFiles.push(name);
    }
    await writeFile(path, data, { mode: 0o600 });
  }
  return { manifest: backup.manifest, counts, databaseDir: dir, keptAside, replacedFiles };
}

/** The counts as the CLIs print them. */
export function describeCounts(c: BackupCounts): string[] {
  return [
    `  requests       ${c.requests}`,
    `  events         ${c.events} (last event version ${c.lastEventVersion})`,
    `  issues         ${c.issues}`,
    `  luggage items  ${c.luggageItems}`,
    `  members        ${c.members}`,
    `  migrations     ${c.migrations.length} applied, the last ${c.migrations.at(-1) ?? '(none)'}`,
  ];
}
