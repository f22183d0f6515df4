/**
 * Wait estimates (`GET /api/kiosk/wait-stats`, kiosks only): the figures a
 * kiosk quotes a guest's wait from, and the quote it stores with the request.
 *
 * The server sends recent facts, not a promise: the service times (called →
 * completed) of the last completed services of each kind, how many wait at
 * the front desk now, how many desks worked in the last half hour and how
 * many are busy. The kiosk keeps the last answer, so it still quotes offline,
 * and turns it into a range (shared/domain/wait-estimate.ts).
 */
import { z } from 'zod';
import { RequestKind } from '../domain/request.ts';
import { MAX_QUOTE_S } from '../domain/wait-estimate.ts';

/** Service times per kind the server sends: the last this many completed services of that kind… */
export const WAIT_HISTORY_SIZE = 30;
/** …completed within this many days (older ones describe another season, another staffing). */
export const WAIT_HISTORY_DAYS = 14;
/** A desk that called or finished a ticket within this many minutes counts as open. */
export const DESK_ACTIVE_MINUTES = 30;

const Count = z.number().int().nonnegative().max(1_000_000);

export const KindWaitStats = z.object({
  kind: RequestKind,
  /** Seconds from called to completed, newest first, at most WAIT_HISTORY_SIZE. */
  serviceS: z.array(z.number().nonnegative().max(86_400)).max(WAIT_HISTORY_SIZE),
  /** Waiting now at the front desk (not transferred to a department). */
  waiting: Count,
});
export type KindWaitStats = z.infer<typeof KindWaitStats>;

export const WaitStats = z.object({
  /** Server clock, ISO, when the figures were read. */
  at: z.string(),
  /** Desks that called or finished a ticket in the last DESK_ACTIVE_MINUTES, or hold one now. */
  desksOpen: Count,
  /** Front-desk tickets called or being served now. */
  inService: Count,
  kinds: z.array(KindWaitStats),
});
export type WaitStats = z.infer<typeof WaitStats>;

export { MAX_QUOTE_S };

/**
 * The wait a guest was shown when the ticket was taken, in seconds, exactly
 * as shown (whole minutes): `low` 0 means "under {high} minutes", otherwise
 * "about {low}–{high} minutes". Sent with `request.create` (kiosk only) and
 * kept on the request for the reports' quoted-vs-actual figures.
 */
export const WaitQuote = z
  .object({
    low: z.number().int().nonnegative().max(MAX_QUOTE_S),
    high: z.number().int().positive().max(MAX_QUOTE_S),
  })
  .refine((q) => q.low < q.high, { message: 'a quoted wait runs from low to a higher high', path: ['high'] });
export type WaitQuote = z.infer<typeof WaitQuote>;
