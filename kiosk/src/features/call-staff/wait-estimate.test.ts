import { describe, expect, it } from 'vitest';
import type { WaitStats } from '../../../../shared/protocol/wait-stats.ts';
import { WaitQuote } from '../../../../shared/protocol/wait-stats.ts';
import { DEFAULT_SERVICE_S, estimateWait, FRESH_MS, quantile, quoteWords, serviceTimes, type WaitInputs } from './wait-estimate.ts';

const NOW = Date.parse('2026-03-10T10:00:00Z');
const min = (m: number) => m * 60;

function stats(o: Partial<WaitStats> & { call?: number[]; waiting?: number }): WaitStats {
  return {
    at: new Date(NOW).toISOString(),
    desksOpen: o.desksOpen ?? 1,
    inService: o.inService ?? 0,
    kinds: [
      { kind: 'call_staff', serviceS: o.call ?? [], waiting: o.waiting ?? 0 },
      { kind: 'luggage_in', serviceS: [], waiting: 0 },
    ],
  };
}
function inputs(s: WaitStats | null, o: Partial<WaitInputs> = {}): WaitInputs {
  return { kind: 'call_staff', stats: s ? { value: s, fetchedAt: NOW - 10_000 } : null, ownWaiting: {}, now: NOW, ...o };
}

describe('service times from history', () => {
  it('takes the median and the 90th percentile of recent services, interpolated like percentile_cont', () => {
    expect(quantile([60, 120, 180, 240, 600], 0.5)).toBe(180);
    expect(quantile([60, 120, 180, 240, 600], 0.9)).toBe(456); // 240 + 0.6 × 360
    expect(quantile([], 0.5)).toBeNull();
    expect(serviceTimes([600, 60, 240, 120, 180])).toEqual({ median: 180, p90: 456, basis: 'history' });
  });

  it('falls back to the default with too little history, and ignores nonsense values', () => {
    expect(serviceTimes([])).toEqual({ ...DEFAULT_SERVICE_S, basis: 'default' });
    expect(serviceTimes([100, 200])).toEqual({ ...DEFAULT_SERVICE_S, basis: 'default' });
    expect(serviceTimes([100, Number.NaN, -5, 200])).toEqual({ ...DEFAULT_SERVICE_S, basis: 'default' });
  });
});

describe('estimateWait', () => {
  it('quotes from the kind’s recent service times, people ahead and desks open', () => {
    // Services took 1–3 min (median 2 min, p90 2.8 min); 4 ahead, 2 desks, both busy.
    const s = stats({ call: [60, 90, 120, 150, 180], waiting: 4, desksOpen: 2, inService: 2 });
    // low = 4/2 × 120 s = 4 min; high = 5/2 × 168 s = 7 min
    expect(estimateWait(inputs(s))).toEqual({ low: min(4), high: min(7) });
  });

  it('says "under" a short time when nobody is ahead and a desk is free', () => {
    const s = stats({ call: [60, 90, 120, 150, 180], waiting: 0, desksOpen: 2, inService: 1 });
    const q = estimateWait(inputs(s));
    expect(q).toEqual({ low: 0, high: min(2) });
    expect(quoteWords(q)).toEqual({ kind: 'under', minutes: 2 });
  });

  it('is no longer several times the measured waits: a short-service desk quotes a short range', () => {
    // The first version said 3p–6p minutes: 9–18 for the third in line. Services here take about 2 minutes.
    const s = stats({ call: [100, 110, 120, 130, 140, 150], waiting: 2, desksOpen: 1, inService: 1 });
    const q = estimateWait(inputs(s));
    expect(q.low).toBe(min(4)); // 2 × 125 s = 250 s
    expect(q.high).toBeLessThanOrEqual(min(8)); // 3 × 145 s = 435 s → 8 min
  });

  it('falls back to 3–6 minutes a guest when the server has no history, or before any figures came', () => {
    expect(estimateWait(inputs(stats({ waiting: 2, desksOpen: 1, inService: 1 })))).toEqual({ low: min(6), high: min(18) });
    // Never reached the server: only this kiosk's own waiting tickets count, and a desk must free up first.
    expect(estimateWait(inputs(null, { ownWaiting: { call_staff: 1, luggage_in: 1 } }))).toEqual({ low: min(6), high: min(18) });
    expect(quoteWords(estimateWait(inputs(null)))).toEqual({ kind: 'under', minutes: 6 });
  });

  it('still quotes offline from the last figures: their service times, this kiosk’s own queue', () => {
    const old = { value: stats({ call: [60, 60, 60, 60], waiting: 9, desksOpen: 1, inService: 0 }), fetchedAt: NOW - FRESH_MS - 1 };
    // Stale: the 9 waiting are not trusted; the kiosk's 2 own tickets are; busy is assumed.
    expect(estimateWait({ kind: 'call_staff', stats: old, ownWaiting: { call_staff: 2 }, now: NOW })).toEqual({ low: min(2), high: min(3) });
  });

  it('does not count this kiosk’s own tickets twice when the server already has them', () => {
    const s = stats({ call: [60, 60, 60], waiting: 3, desksOpen: 1, inService: 1 });
    expect(estimateWait(inputs(s, { ownWaiting: { call_staff: 2 } })).low).toBe(min(3));
    expect(estimateWait(inputs(s, { ownWaiting: { call_staff: 5 } })).low).toBe(min(5));
  });

  it('always yields a quote the protocol accepts, even from absurd figures', () => {
    const s = stats({ call: [86_400, 86_400, 86_400], waiting: 1_000_000, desksOpen: 0, inService: 0 });
    const q = estimateWait(inputs(s));
    expect(WaitQuote.safeParse(q).success).toBe(true);
    expect(q.high).toBe(8 * 3600);
    expect(WaitQuote.safeParse(estimateWait(inputs(stats({}), { now: Number.NaN }))).success).toBe(true);
  });

  it('reads a stored quote as "about L–H minutes"', () => {
    expect(quoteWords({ low: min(4), high: min(7) })).toEqual({ kind: 'range', low: 4, high: 7 });
  });
});
