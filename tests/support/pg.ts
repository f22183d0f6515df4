/**
 * Helpers for the PostgreSQL half of the test suite.
 *
 * Tests that need a real PostgreSQL server should be written as
 *   describe.skipIf(!TEST_DATABASE_URL)(`... (${PG_SKIP_REASON})`, ...)
 * and create an isolated database per file/suite with freshDatabase().
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export const PG_SKIP_REASON = 'skipped: TEST_DATABASE_URL is unset (no PostgreSQL server configured)';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error('freshDatabase: TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a brand-new empty database `<prefix>_<random>` on the server named by
 * TEST_DATABASE_URL and returns its connection URL (same host, port, user, password).
 */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('freshDatabase: TEST_DATABASE_URL is not set');
  const safePrefix = (prefix.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'test').slice(0, 40);
  const name = `${safePrefix}_${randomBytes(6).toString('hex')}`;

  await withAdminClient((c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));

  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;

  let dropped = false;
  return {
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
