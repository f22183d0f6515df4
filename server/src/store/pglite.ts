import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import type { DB } from './schema.ts';
import type { Store, Tx } from './store.ts';

/**
 * PGlite is one connection. Kysely's Postgres dialect wants a pool; this pool
 * hands out that one connection to one holder at a time, so transactions
 * never interleave.
 */
class SingleConnectionPool {
  private queue: Promise<void> = Promise.resolve();
  constructor(private readonly pg: PGlite) {}

  async connect() {
    let release!: () => void;
    const turn = new Promise<void>((r) => (release = r));
    const previous = this.queue;
    this.queue = previous.then(() => turn);
    await previous;
    const pg = this.pg;
    return {
      async query(sql: string, params: readonly unknown[]) {
        // Without parameters use the simple protocol, which also runs multi-statement scripts (migrations).
        const res = params.length === 0 ? (await pg.exec(sql)).at(-1) ?? { rows: [], affectedRows: 0 } : await pg.query(sql, params as unknown[]);
        const command = sql.trimStart().split(/\s+/, 1)[0]?.toUpperCase() ?? '';
        return { command, rowCount: res.affectedRows ?? res.rows.length, rows: res.rows };
      },
      release() {
        release();
      },
    };
  }

  async end() {
    await this.queue;
    await this.pg.close();
  }
}

/**
 * Creates a new database folder (PostgreSQL's initdb) in a short-lived child
 * process. initdb is the high-water mark of PGlite's WebAssembly memory, and
 * that memory is never given back: done in the server's own process it left
 * a first start holding about twice the memory of every later start.
 */
async function initInChild(dataDir: string): Promise<void> {
  const script = 'const { PGlite } = await import(process.argv[1]); const pg = await PGlite.create(process.argv[2]); await pg.close();';
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, import.meta.resolve('@electric-sql/pglite'), dataDir], { timeout: 120_000 });
}

/**
 * PostgreSQL's 128 MB of shared buffers live in PGlite's WebAssembly memory
 * and stay resident once touched; a property's whole database is a few tens
 * of megabytes, and pages that fall out are still in the OS's file cache.
 * 16 MB halves the embedded server's resident memory.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

export async function openPglite(dataDir: string | null): Promise<Store> {
  if (dataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initInChild(dataDir);
  const pg = await PGlite.create(dataDir ?? undefined, { startParams: START_PARAMS });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural pool, see above
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new SingleConnectionPool(pg) as any }) });
  return {
    driver: 'pglite',
    db,
    tx: <T>(fn: (trx: Tx) => Promise<T>) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}
