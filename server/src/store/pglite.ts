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

export async function openPglite(dataDir: string | null): Promise<Store> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- structural pool, see above
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new SingleConnectionPool(pg) as any }) });
  return {
    driver: 'pglite',
    db,
    tx: <T>(fn: (trx: Tx) => Promise<T>) => db.transaction().execute(fn),
    close: () => db.destroy(),
  };
}
