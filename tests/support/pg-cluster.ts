/**
 * A private PostgreSQL cluster for one test file: initdb into a temporary
 * folder, pg_ctl start on a free loopback port, stop (fast or immediate) and
 * start again on the same port and data, remove. For the gauntlet that
 * restarts PostgreSQL under a running server — never the shared server on
 * 5432, which other tests use.
 *
 * initdb refuses to run as root, so as root every PostgreSQL binary runs as
 * the `postgres` user (`runuser -u postgres --`) on a folder it owns; as any
 * other user they run directly.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { freePort } from './ports.ts';

export interface PgBinaries {
  initdb: string;
  pgCtl: string;
}

/** Why the cluster cannot be made here; a test that needs it fails with this (or skips with it where PostgreSQL is optional). */
export const PG_CLUSTER_MISSING =
  'initdb / pg_ctl not found on PATH nor in /usr/lib/postgresql/*/bin: install the PostgreSQL server binaries (Debian: apt-get install postgresql) to run the database-restart gauntlet';

/** initdb and pg_ctl from PATH, else from the newest /usr/lib/postgresql/<major>/bin; null when neither has them. */
export function findPgBinaries(): PgBinaries | null {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const majors = readdirSync(debian).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => join(debian, m, 'bin')));
  }
  for (const dir of dirs) {
    const initdb = join(dir, 'initdb');
    const pgCtl = join(dir, 'pg_ctl');
    if (existsSync(initdb) && existsSync(pgCtl)) return { initdb, pgCtl };
  }
  return null;
}

export interface PgCluster {
  readonly port: number;
  /** Folder holding `data/`, the socket and `postgres.log`. */
  readonly dir: string;
  /** Connection URL over TCP on 127.0.0.1 (user postgres, trust auth). */
  url(database?: string): string;
  /** Starts the server (again) on the same port and data; waits until it accepts connections. */
  start(): Promise<void>;
  /** `fast`: clean shutdown, clients disconnected; `immediate`: every process quits at once, crash recovery on the next start. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Stops the server if it runs and deletes the folder. Safe to call twice. */
  remove(): Promise<void>;
  /** The server's own log, for a failing test's message. */
  log(): Promise<string>;
}

const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function command(bin: string, args: string[]): [string, string[]] {
  return asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

function run(bin: string, args: string[], timeoutMs = 60_000): Promise<string> {
  const [file, argv] = command(bin, args);
  return new Promise((resolve, reject) => {
    execFile(file, argv, { timeout: timeoutMs, cwd: tmpdir() }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${[file, ...argv].join(' ')} failed: ${err.message}\n${stderr}${stdout}`));
      else resolve(stdout);
    });
  });
}

/**
 * initdb + start. `port` defaults to a free one. The caller must `remove()`
 * it (afterAll); should the test process exit first, an exit hook stops the
 * server so no postmaster outlives the run.
 */
export async function startPgCluster(o: { port?: number } = {}): Promise<PgCluster> {
  const bins = findPgBinaries();
  if (!bins) throw new Error(PG_CLUSTER_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'lobbydesk-pg-'));
  const data = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gw = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (pw.status !== 0 || gw.status !== 0) throw new Error('Running as root, but there is no `postgres` user to run initdb as (initdb refuses root)');
    await chown(dir, Number(pw.stdout.trim()), Number(gw.stdout.trim()));
  }
  const port = o.port ?? (await freePort());
  let running = false;
  let removed = false;

  const stopSync = () => {
    if (!running) return;
    const [file, argv] = command(bins.pgCtl, ['stop', '-D', data, '-m', 'immediate', '-w', '-s']);
    spawnSync(file, argv, { stdio: 'ignore', timeout: 20_000 });
    running = false;
  };
  process.once('exit', stopSync);

  const cluster: PgCluster = {
    port,
    dir,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      // fsync=off: the test restarts processes, not the machine; every commit still reaches the OS before it is acknowledged.
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
      await run(bins.pgCtl, ['start', '-D', data, '-l', logFile, '-w', '-t', '60', '-s', '-o', opts]);
      running = true;
    },
    async stop(mode = 'fast') {
      await run(bins.pgCtl, ['stop', '-D', data, '-m', mode, '-w', '-t', '60', '-s']);
      running = false;
    },
    async remove() {
      if (removed) return;
      removed = true;
      if (running) await cluster.stop('immediate').catch(() => stopSync());
      process.off('exit', stopSync);
      await rm(dir, { recursive: true, force: true });
    },
    log: () => readFile(logFile, 'utf8').catch(() => ''),
  };

  try {
    await run(bins.initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await cluster.start();
  } catch (e) {
    await cluster.remove().catch(() => undefined);
    throw e;
  }
  return cluster;
}
