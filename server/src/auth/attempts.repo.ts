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

/** Forgets a key's counter (a successful login). */
export async function clearAttempts(db: Db, scope: string, key: string): Promise<void> {
  await db.deleteFrom('auth_attempts').where('scope', '=', scope).where('key', '=', key).execute();
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
