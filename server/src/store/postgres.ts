import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import type { Store, Tx } from './store.ts';

export async function openPostgres(url: string, poolSize = 10): Promise<{ store: Store; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000 });
  // An idle client that dies (server restart) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    pool,
    store: {
      driver: 'postgres',
      db,
      tx: <T>(fn: (trx: Tx) => Promise<T>) => db.transaction().execute(fn),
      close: () => db.destroy(),
    },
  };
}
