import { ApiFailure } from '../../../../shared/sync-client/http.ts';
import type { AdminKey } from '../../i18n/admin.ts';

/** A sign-in refused for too many attempts: until when, and whether the account itself is locked (not just this tablet slowed). */
export interface SignInWait {
  until: number;
  accountLocked: boolean;
}

/** The wait a 429 carries (`details.retryAfterMs`, from the server's clock, counted from now), or null. */
export function signInWait(e: unknown, now = Date.now()): SignInWait | null {
  if (!(e instanceof ApiFailure) || e.code !== 'rate_limited') return null;
  const d = e.details as { retryAfterMs?: unknown; reason?: unknown } | undefined;
  if (typeof d?.retryAfterMs !== 'number' || !Number.isFinite(d.retryAfterMs) || d.retryAfterMs <= 0) return null;
  return { until: now + d.retryAfterMs, accountLocked: d.reason === 'account' };
}

/** "Try again in 14 minutes" / "… 40 seconds": rounded up, so it never says less than the server will hold. */
export function waitText(leftMs: number): { key: AdminKey; n: number } {
  if (leftMs > 60_000) return { key: 'login.waitMinutes', n: Math.ceil(leftMs / 60_000) };
  if (leftMs > 59_000) return { key: 'login.waitMinute', n: 1 };
  const s = Math.max(1, Math.ceil(leftMs / 1000));
  return s === 1 ? { key: 'login.waitSecond', n: 1 } : { key: 'login.waitSeconds', n: s };
}
