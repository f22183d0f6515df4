import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';
import type { Store, Tx } from './store.ts';

/**
 * PostgreSQL behind Kysely. The server must outlive its database: when
 * PostgreSQL restarts (or a connection is cut), requests fail with a 5xx and
 * the pool opens new connections once the database is back — no restart of
 * the server, nothing to configure.
 */
export async function openPostgres(url: string, poolSize = 10): Promise<{ store: Store; pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5_000, keepAlive: true });
  // An idle client that dies (server restart) must not crash the process: the pool drops it.
  pool.on('error', () => undefined);
  // Nor may a client that dies while checked out (mid-query or mid-transaction): pg emits 'error' on it, and the
  // pool only listens while it is idle. The query in flight fails on its own; the pool discards the dead client
  // when it comes back (it is no longer queryable).
  pool.on('connect', (client) => void client.on('error', () => undefined));
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
