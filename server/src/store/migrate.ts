import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Store } from './store.ts';

const dir = join(import.meta.dirname, 'migrations');

/**
 * Applies the SQL files in migrations/ in name order, each once, each in its
 * own transaction. An advisory lock keeps two instances starting together on
 * one PostgreSQL from racing.
 */
export async function migrate(store: Store): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort();
  const applied: string[] = [];
  await store.tx(async (trx) => {
    await sql`select pg_advisory_xact_lock(4242001)`.execute(trx);
    await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamptz not null default now())`.execute(trx);
    const done = new Set((await trx.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name));
    for (const file of files) {
      if (done.has(file)) continue;
      const text = await readFile(join(dir, file), 'utf8');
      await sql.raw(text).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: file }).execute();
      applied.push(file);
    }
  });
  return applied;
}
