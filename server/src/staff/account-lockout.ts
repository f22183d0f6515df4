import { clearAttempts, countAttempt, lockKey } from '../auth/attempts.repo.ts';
import type { Db } from '../store/store.ts';

/** Per-account lockout: this many wrong PINs for one staff id within the window lock that id for ACCOUNT_LOCK_MS, from any address. */
export const ACCOUNT_LOCK_AFTER = 5;
/** The window the wrong PINs are counted in (it starts at the first one). */
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
const SCOPE = 'pin';

export type PinAttempt = { allowed: true; ordinal: number } | { allowed: false; retryAfterMs: number };

/**
 * Counts a login attempt for a staff id before its (slow) PIN check, in the
 * database, so a burst of parallel guesses — on one instance or spread over
 * several — cannot all pass: only the first ACCOUNT_LOCK_AFTER in a window
 * are checked. A locked id is refused, even with the right PIN.
 */
export async function beginPinAttempt(db: Db, staffId: string, now: Date): Promise<PinAttempt> {
  const c = await countAttempt(db, SCOPE, staffId, now, ACCOUNT_WINDOW_MS);
  if (c.lockedUntil && c.lockedUntil > now) return { allowed: false, retryAfterMs: c.lockedUntil.getTime() - now.getTime() };
  // More attempts than the limit and no lock yet: the earlier ones are still being checked (or one never finished).
  if (c.count > ACCOUNT_LOCK_AFTER) return { allowed: false, retryAfterMs: c.windowEnds.getTime() - now.getTime() };
  return { allowed: true, ordinal: c.count };
}

/** A wrong PIN: the attempt that reaches the limit locks the id. Says whether it did. */
export async function pinFailed(db: Db, staffId: string, ordinal: number, now: Date): Promise<boolean> {
  if (ordinal < ACCOUNT_LOCK_AFTER) return false;
  await lockKey(db, SCOPE, staffId, new Date(now.getTime() + ACCOUNT_LOCK_MS), ordinal);
  return true;
}

/** The right PIN: the id's counter is forgotten. */
export async function pinAccepted(db: Db, staffId: string): Promise<void> {
  await clearAttempts(db, SCOPE, staffId);
}
