import { sql } from 'kysely';
import type { Db } from '../store/store.ts';

/**
 * Attempt counters in `auth_attempts` (migration 011): one row per (scope,
 * key), a fixed window that starts at its first attempt, and a lock. Every
 * change is one `INSERT … ON CONFLICT DO UPDATE … RETURNING`, so instances
 * sharing a database count together and never lose an increment.
 */
export interface AttemptCount {
  /** Attempts in the current window, this one included. */
  count: number;
  windowEnds: Date;
  /** Set while the key is locked (the lock is never counted into). */
  lockedUntil: Date | null;
}

const toCount = (r: { count: number; window_ends: Date | string; locked_until: Date | string | null }): AttemptCount => ({
  count: Number(r.count),
  windowEnds: new Date(r.window_ends),
  lockedUntil: r.locked_until === null ? null : new Date(r.locked_until),
});

/**
 * Counts one attempt: a new window when the last one is over, else one more
 * in it. While the key is locked nothing changes and the lock is returned.
 */
export async function countAttempt(db: Db, scope: string, key: string, now: Date, windowMs: number): Promise<AttemptCount> {
  const row = await db
    .insertInto('auth_attempts')
    .values({ scope, key, count: 1, window_ends: new Date(now.getTime() + windowMs), locked_until: null })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet({
        count: sql<number>`case when auth_attempts.locked_until > ${now} then auth_attempts.count
          when auth_attempts.window_ends <= ${now} then 1 else auth_attempts.count + 1 end`,
        window_ends: sql<Date>`case when auth_attempts.locked_until > ${now} or auth_attempts.window_ends > ${now}
          then auth_attempts.window_ends else excluded.window_ends end`,
        locked_until: sql<Date | null>`case when auth_attempts.locked_until > ${now} then auth_attempts.locked_until end`,
      }),
    )
    .returning(['count', 'window_ends', 'locked_until'])
    .executeTakeFirstOrThrow();
  return toCount(row);
}

/** Locks the key until `until` (a lock already running longer is kept). */
export async function lockKey(db: Db, scope: string, key: string, until: Date, count: number): Promise<void> {
  await db
    .insertInto('auth_attempts')
    .values({ scope, key, count, window_ends: until, locked_until: until })
    .onConflict((oc) =>
      oc.columns(['scope', 'key']).doUpdateSet({
        locked_until: sql<Date>`greatest(auth_attempts.locked_until, excluded.locked_until)`,
        window_ends: sql<Date>`greatest(auth_attempts.window_ends, excluded.window_ends)`,
      }),
    )
    .execute();
}

/** How a key's attempts are spaced out: the first `freeAttempts` come at once, then each waits twice as long as the last. */
export interface Backoff {
  /** Attempts counted before the first wait (the wait starts after the last free one). */
  freeAttempts: number;
  /** The first wait; each later one doubles it. */
  baseMs: number;
  capMs: number;
  /** The key's attempts are forgotten this long after the last one counted. */
  memoryMs: number;
}

export type DelayedAttempt = { counted: true; count: number } | { counted: false; retryAfterMs: number };

/**
 * Counts one attempt under a growing delay, in one statement: refused while
 * the key's next attempt is not yet due (nothing changes), else counted, and
 * the next attempt is due after `backoff` says (none for the free ones). The
 * row lock of `ON CONFLICT DO UPDATE … WHERE` makes parallel attempts, on any
 * instance, take turns: of a burst, only those not yet held back are counted.
 */
export async function countDelayedAttempt(db: Db, scope: string, key: string, now: Date, backoff: Backoff): Promise<DelayedAttempt> {
  const nowTs = sql`cast(${now.toISOString()} as timestamptz)`;
  const memoryEnds = new Date(now.getTime() + backoff.memoryMs);
  // The attempt's number: 1 when the key's memory is over, else one more.
  const next = sql<number>`(case when a.window_ends <= ${nowTs} then 1 else a.count + 1 end)`;
  const free = sql`cast(${backoff.freeAttempts} as integer)`;
  // When the attempt after number n is due: not held back while n is free, then base · 2^(n − free), capped.
  const due = (n: typeof next | number) => {
    const k = sql`cast(${n} as integer)`;
    return sql<Date | null>`case when ${k} < ${free} then null
      else ${nowTs} + least(cast(${backoff.capMs} as double precision),
        cast(${backoff.baseMs} as double precision) * power(2, least(${k} - ${free}, 40))) * interval '1 millisecond' end`;
  };
  const counted = await sql<{ count: number }>`
    insert into auth_attempts as a (scope, key, count, window_ends, locked_until)
    values (${scope}, ${key}, 1, ${memoryEnds.toISOString()}, ${due(1)})
    on conflict (scope, key) do update set count = ${next}, window_ends = excluded.window_ends, locked_until = ${due(next)}
    where a.locked_until is null or a.locked_until <= ${nowTs}
    returning count`.execute(db);
  const row = counted.rows[0];
  if (row) return { counted: true, count: Number(row.count) };
  const held = await db.selectFrom('auth_attempts').select('locked_until').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  const until = held?.locked_until ? new Date(held.locked_until).getTime() : now.getTime();
  return { counted: false, retryAfterMs: Math.max(1, until - now.getTime()) };
}

/** The lock on a key, if one is running (read only: nothing is counted). */
export async function lockedUntil(db: Db, scope: string, key: string, now: Date): Promise<Date | null> {
  const row = await db.selectFrom('auth_attempts').select('locked_until').where('scope', '=', scope).where('key', '=', key).executeTakeFirst();
  const until = row?.locked_until ? new Date(row.locked_until) : null;
  return until && until > now ? until : null;
}

/** Takes one attempt back out of a key's count (an attempt that turned out not to be a guess). */
export async function uncountAttempt(db: Db, scope: string, key: string): Promise<void> {
  await db.updateTable('auth_attempts').set({ count: sql<number>`count - 1` }).where('scope', '=', scope).where('key', '=', key).where('count', '>', 1).execute();
  await db.deleteFrom('auth_attempts').where('scope', '=', scope).where('key', '=', key).where('count', '=', 1).where('locked_until', 'is', null).execute();
}

/** Forgets a key's counter (a successful login). */
export async function clearAttempts(db: Db, scope: string, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('scope', '=', scope).where('key', '=', key).execute();
}

/** Old counters (and expired trusted tablets) are deleted at most this often per instance, on the way to counting a new attempt. */
const PRUNE_EVERY_MS = 60_000;
const nextPruneAt = new WeakMap<Db, number>();

/** Prunes, unless this instance (its database handle) did so less than a minute ago. */
export async function pruneAttemptsNowAndThen(db: Db, now: Date): Promise<void> {
  if (now.getTime() < (nextPruneAt.get(db) ?? 0)) return;
  nextPruneAt.set(db, now.getTime() + PRUNE_EVERY_MS);
  await pruneAttempts(db, now);
  await db.deleteFrom('trusted_devices').where('expires_at', '<=', now).execute();
}

/** Deletes counters whose window and lock are both over: they no longer limit anything. */
export async function pruneAttempts(db: Db, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('auth_attempts')
    .where('window_ends', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
