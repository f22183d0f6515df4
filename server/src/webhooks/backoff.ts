/** When a failed delivery is tried again: growing delays with jitter, for a day, then it has failed for good. */
export interface RetryPolicy {
  /** Delays after the 1st, 2nd, … failed attempt; the last one repeats. */
  delaysMs: readonly number[];
  /** A delivery still failing this long after it was queued is given up. */
  giveUpAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  delaysMs: [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000],
  giveUpAfterMs: 24 * 60 * 60_000,
};

/** The next attempt after `attempts` failures (this one included), or null when the day is over. */
export function nextAttemptAt(p: RetryPolicy, attempts: number, createdAt: Date, now: Date, random = Math.random): Date | null {
  const base = p.delaysMs[Math.min(attempts, p.delaysMs.length) - 1] ?? p.delaysMs[p.delaysMs.length - 1] ?? 0;
  const delay = base * (0.8 + 0.4 * random()); // ±20 %: receivers that came back are not hit in step
  const at = new Date(now.getTime() + delay);
  return at.getTime() - createdAt.getTime() > p.giveUpAfterMs ? null : at;
}
