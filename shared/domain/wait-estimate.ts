/**
 * The wait quoted to a guest when a ticket is taken: a range built from how
 * long recent services of that kind actually took, how many guests are ahead,
 * and how many desks are working (figures from `GET /api/kiosk/wait-stats`,
 * kept by sync/wait-stats.ts so an offline kiosk still quotes).
 *
 *   n  guests ahead: per kind, the larger of the server's waiting count (when
 *      the figures are fresh) and this kiosk's own tickets still waiting;
 *      the desk calls the oldest ticket of any kind, so every kind counts
 *   d  desks open (at least 1)
 *   m, p  median and 90th percentile of the kind's recent service times
 *      (called → completed); with fewer than MIN_HISTORY of them, a default
 *   busy  every open desk is serving someone (or the figures are stale /
 *      missing, or no desk has worked lately): a desk must free up first
 *
 *   low  = n/d × m                     rounded down to whole minutes
 *   high = (n + (busy ? 1 : 0))/d × p  rounded up, at least low + 1 and MIN_HIGH_MINUTES
 *
 * `low` 0 reads "under {high} minutes", otherwise "about {low}–{high} minutes".
 * The quote is stored with the request exactly as shown, and Reports compare
 * it with the wait that followed.
 *
 * One definition for the kiosk (kiosk/src/features/call-staff/wait-estimate.ts
 * re-exports it) and the server's follow view (server/src/follow/), which
 * quotes a waiting ticket from the tickets before it in its own queue
 * (`quoteFromAhead`). Pure.
 */
import type { RequestKind } from './request.ts';
import type { WaitQuote, WaitStats } from '../protocol/wait-stats.ts';

/** The longest wait a kiosk may quote (seconds): beyond it a quote means nothing. */
export const MAX_QUOTE_S = 8 * 3600;

/** Per guest when there is no history: the 3–6 minutes the first version quoted per guest. */
export const DEFAULT_SERVICE_S = { median: 180, p90: 360 } as const;
/** Fewer recent services than this and the default is used. */
export const MIN_HISTORY = 3;
/** Server counts (waiting, busy desks) older than this are not trusted; service times are. */
export const FRESH_MS = 5 * 60_000;
/** Never promise less than this: a guest still has to be seen and walk to the desk. */
export const MIN_HIGH_MINUTES = 2;

/** The q-quantile with linear interpolation between closest ranks (PostgreSQL's `percentile_cont`); null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface ServiceTimes {
  median: number;
  p90: number;
  basis: 'history' | 'default';
}

/** Median and 90th percentile of recent service times (seconds), or the default with too little history. */
export function serviceTimes(history: readonly number[]): ServiceTimes {
  const clean = history.filter((s) => Number.isFinite(s) && s >= 0);
  if (clean.length < MIN_HISTORY) return { ...DEFAULT_SERVICE_S, basis: 'default' };
  return { median: quantile(clean, 0.5)!, p90: quantile(clean, 0.9)!, basis: 'history' };
}

export interface WaitInputs {
  kind: RequestKind;
  /** The server's last figures and when this kiosk received them (kiosk clock, ms); null before the first answer. */
  stats: { value: WaitStats; fetchedAt: number } | null;
  /** This kiosk's own tickets still waiting (queued, sent or waiting), per kind: known even offline. */
  ownWaiting: Partial<Record<RequestKind, number>>;
  /** Kiosk clock, ms. */
  now: number;
}

/** The range to quote, in seconds of whole minutes (see the top of this file). */
export function estimateWait(i: WaitInputs): WaitQuote {
  const s = i.stats?.value ?? null;
  const fresh = s !== null && i.now - i.stats!.fetchedAt >= -60_000 && i.now - i.stats!.fetchedAt < FRESH_MS;
  const kinds = new Set<RequestKind>([...(s?.kinds.map((k) => k.kind) ?? []), ...(Object.keys(i.ownWaiting) as RequestKind[])]);
  let ahead = 0;
  for (const kind of kinds) {
    const server = fresh ? (s!.kinds.find((k) => k.kind === kind)?.waiting ?? 0) : 0;
    ahead += Math.max(server, i.ownWaiting[kind] ?? 0);
  }
  return quoteFromAhead(ahead, s, i.kind, fresh);
}

/**
 * The range for `ahead` guests before this one, from the server's figures (null: none yet): the
 * formula at the top of this file. `fresh` says whether the figures' counts (desks open, in
 * service) are recent enough to trust; service times always are.
 */
export function quoteFromAhead(ahead: number, s: WaitStats | null, kind: RequestKind, fresh: boolean): WaitQuote {
  const desks = Math.max(1, s?.desksOpen ?? 1);
  const busy = !fresh || s === null || s.desksOpen === 0 || s.inService >= s.desksOpen;
  const t = serviceTimes(s?.kinds.find((k) => k.kind === kind)?.serviceS ?? []);

  const maxMin = MAX_QUOTE_S / 60;
  const lowMin = Math.min(maxMin - 1, Math.floor(((ahead / desks) * t.median) / 60));
  const highS = ((ahead + (busy ? 1 : 0)) / desks) * t.p90;
  const highMin = Math.min(maxMin, Math.max(lowMin + 1, MIN_HIGH_MINUTES, Math.ceil(highS / 60)));
  return { low: lowMin * 60, high: highMin * 60 };
}

/** How a stored quote reads: "under N minutes" or "about L–H minutes". */
export type QuoteWords = { kind: 'under'; minutes: number } | { kind: 'range'; low: number; high: number };

export function quoteWords(q: WaitQuote): QuoteWords {
  const low = Math.floor(q.low / 60);
  const high = Math.ceil(q.high / 60);
  return low === 0 ? { kind: 'under', minutes: high } : { kind: 'range', low, high };
}
