import { clearAttempts, countAttempt, countDelayedAttempt, lockedUntil, lockKey, uncountAttempt, type Backoff } from '../auth/attempts.repo.ts';
import type { Db } from '../store/store.ts';

/**
 * Sign-in throttling, after the OWASP authentication cheat sheet. Every
 * counter is a row in `auth_attempts`, counted before the (slow) PIN check in
 * one atomic statement, so parallel guesses and other instances count too.
 *
 * From a device the server does not know for this staff member:
 * - its address: at most ADDRESS_LIMIT_PER_MINUTE sign-ins a minute (fixed window);
 * - its address for this account: SOURCE_BACKOFF — 3 attempts at once, then
 *   each waits 1 s, 2 s, 4 s … up to 15 minutes; forgotten an hour after the
 *   last, and at once on a successful sign-in. A guest guessing from the
 *   lobby slows the lobby, nobody else;
 * - the account, from all such devices together: ACCOUNT_LOCK_AFTER attempts
 *   in ACCOUNT_WINDOW_MS, then they are refused for ACCOUNT_LOCK_MS (even
 *   with the right PIN). This ceiling stops guessing spread over many
 *   addresses; a success takes only itself back out of the count, so the
 *   person signing in does not reset a guesser's count.
 * From a tablet trusted for this person (trusted-device.ts): none of the
 * above. Its own wrong PINs are counted instead, and the
 * TRUSTED_DEVICE_MAX_FAILURES-th makes it an unknown device again.
 */
export const ADDRESS_LIMIT_PER_MINUTE = 10;
/** The per-address scope: the one @fastify/rate-limit used for this route, so old rows still count. */
const ADDRESS_SCOPE = 'rate:POST /api/auth/login';
export const SOURCE_BACKOFF: Backoff = { freeAttempts: 3, baseMs: 1_000, capMs: 15 * 60_000, memoryMs: 60 * 60_000 };
export const ACCOUNT_LOCK_AFTER = 50;
export const ACCOUNT_WINDOW_MS = 60 * 60_000;
export const ACCOUNT_LOCK_MS = 60 * 60_000;
export const TRUSTED_DEVICE_MAX_FAILURES = 10;
const TRUSTED_WINDOW_MS = 24 * 60 * 60_000;

/** Why a sign-in was refused: which limit held it (sent to the client as `details.reason`). */
export type WaitReason = 'address' | 'source' | 'account';

export type SignInGate =
  | { allowed: false; reason: WaitReason; retryAfterMs: number }
  | {
      allowed: true;
      /** A wrong PIN; says whether it locked the account (untrusted) or cost the tablet its trust. */
      failed(): Promise<'locked' | 'distrusted' | null>;
      /** The right PIN. */
      succeeded(): Promise<void>;
    };

const sourceKey = (staffId: string, address: string) => `${staffId} ${address}`;

/** An attempt from a device not trusted for this staff member, from `address`. */
export async function beginUntrustedAttempt(db: Db, staffId: string, address: string, now: Date): Promise<SignInGate> {
  const perAddress = await countAttempt(db, ADDRESS_SCOPE, address, now, 60_000);
  if (perAddress.count > ADDRESS_LIMIT_PER_MINUTE) return { allowed: false, reason: 'address', retryAfterMs: perAddress.windowEnds.getTime() - now.getTime() };
  // A locked account counts nothing more, so waiting it out costs the person no extra delay.
  const lock = await lockedUntil(db, 'pin:account', staffId, now);
  if (lock) return { allowed: false, reason: 'account', retryAfterMs: lock.getTime() - now.getTime() };
  const source = await countDelayedAttempt(db, 'pin:source', sourceKey(staffId, address), now, SOURCE_BACKOFF);
  if (!source.counted) return { allowed: false, reason: 'source', retryAfterMs: source.retryAfterMs };
  const account = await countAttempt(db, 'pin:account', staffId, now, ACCOUNT_WINDOW_MS);
  if (account.lockedUntil && account.lockedUntil > now) return { allowed: false, reason: 'account', retryAfterMs: account.lockedUntil.getTime() - now.getTime() };
  // More attempts than the ceiling and no lock yet: the earlier ones are still being checked (or one never finished).
  if (account.count > ACCOUNT_LOCK_AFTER) return { allowed: false, reason: 'account', retryAfterMs: account.windowEnds.getTime() - now.getTime() };
  return {
    allowed: true,
    async failed() {
      if (account.count < ACCOUNT_LOCK_AFTER) return null;
      await lockKey(db, 'pin:account', staffId, new Date(now.getTime() + ACCOUNT_LOCK_MS), account.count);
      return 'locked';
    },
    async succeeded() {
      await clearAttempts(db, 'pin:source', sourceKey(staffId, address));
      // The ceiling counts guesses: the right PIN is taken back out, but the guessers' count stands.
      await uncountAttempt(db, 'pin:account', staffId);
    },
  };
}

/**
 * An attempt from a tablet trusted for this staff member, or null when it has
 * used up its wrong PINs (it then counts as unknown, for this attempt too).
 */
export async function beginTrustedAttempt(db: Db, staffId: string, deviceHash: string, now: Date, distrust: () => Promise<void>): Promise<SignInGate | null> {
  const key = `${staffId} ${deviceHash}`;
  const c = await countAttempt(db, 'pin:device', key, now, TRUSTED_WINDOW_MS);
  if (c.count > TRUSTED_DEVICE_MAX_FAILURES) return null;
  return {
    allowed: true,
    async failed() {
      if (c.count < TRUSTED_DEVICE_MAX_FAILURES) return null;
      await distrust();
      await clearAttempts(db, 'pin:device', key);
      return 'distrusted';
    },
    async succeeded() {
      await clearAttempts(db, 'pin:device', key);
    },
  };
}
