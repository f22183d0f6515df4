/**
 * The estimated wait shown on a call-staff ticket. The kiosk knows only its
 * own tickets (KioskRequest), not the desk's whole queue, so this is a
 * deliberately simple, documented heuristic — shown as an estimate, never a
 * promise, and with nothing added to the server:
 *
 *   position p among this kiosk's still-waiting tickets (1 = the oldest)
 *   → "under 5 minutes" for p = 1, else "about 3p–6p minutes".
 */
export const MINUTES_PER_GUEST = { low: 3, high: 6 } as const;

export type WaitEstimate = { kind: 'under'; minutes: 5 } | { kind: 'range'; low: number; high: number };

export function waitEstimate(position: number): WaitEstimate {
  const p = Math.max(1, Math.floor(position));
  if (p <= 1) return { kind: 'under', minutes: 5 };
  return { kind: 'range', low: p * MINUTES_PER_GUEST.low, high: p * MINUTES_PER_GUEST.high };
}
