/**
 * Device clocks are wrong in every way a lobby can make them (a dead clock
 * battery, no NTP, a hand-set year): nothing a device's clock says may make
 * a command fail. The server's clock orders and times everything; the
 * device's is kept for display and its offset flagged.
 */

/** The widest skew stored (the column is a 32-bit integer: about ±24.8 days); a larger one is shown as "at least this". */
export const MAX_STORED_SKEW_MS = 2 ** 31 - 1;
/** The oldest a corrected request time may be: an offline kiosk delivers a few days late at most, never years. */
export const MAX_LATE_DELIVERY_MS = 7 * 24 * 3600_000;

/** The server's clock minus the device's, measured on this push; 0 when the batch carries no (readable) `sentAt`. */
export function clockOffset(now: Date, sentAt: string | undefined): number {
  const sent = sentAt === undefined ? NaN : Date.parse(sentAt);
  return Number.isFinite(sent) ? now.getTime() - sent : 0;
}

/** The skew as the request row keeps it: the offset, saturated at the column's range. */
export function storedSkew(offsetMs: number): number {
  return Math.max(-MAX_STORED_SKEW_MS, Math.min(MAX_STORED_SKEW_MS, Math.round(offsetMs)));
}

/**
 * The guest's moment on the server's clock: the device's time plus its
 * offset, never in the future and never more than MAX_LATE_DELIVERY_MS ago.
 * A device time that cannot be read counts as now.
 */
export function correctedTime(now: Date, deviceTime: string, offsetMs: number): Date {
  const t = Date.parse(deviceTime);
  if (!Number.isFinite(t)) return now;
  const corrected = t + offsetMs;
  return new Date(Math.max(now.getTime() - MAX_LATE_DELIVERY_MS, Math.min(now.getTime(), corrected)));
}

/** A device time as an ISO string PostgreSQL can store: years outside 1..9999 (and unreadable times) become the corrected time. */
export function displayableDeviceTime(deviceTime: string, fallback: Date): string {
  const t = Date.parse(deviceTime);
  return Number.isFinite(t) && t >= Date.UTC(1, 0, 1) && t < Date.UTC(10000, 0, 1) ? new Date(t).toISOString() : fallback.toISOString();
}
