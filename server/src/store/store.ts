import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

/**
 * The one store interface. Two drivers implement it (embedded PGlite and
 * PostgreSQL); both run the same SQL migrations and the same contract tests.
 */
export interface Store {
  readonly driver: 'pglite' | 'postgres';
  readonly db: Db;
  /** Run `fn` in one transaction; a throw rolls everything back. */
  tx<T>(fn: (trx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
