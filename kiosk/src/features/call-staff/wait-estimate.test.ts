import { describe, expect, it } from 'vitest';
import { waitEstimate } from './wait-estimate.ts';

describe('waitEstimate', () => {
  it('says under 5 minutes for the first waiting ticket', () => {
    expect(waitEstimate(1)).toEqual({ kind: 'under', minutes: 5 });
  });
  it('gives 3–6 minutes per ticket ahead and including this one', () => {
    expect(waitEstimate(2)).toEqual({ kind: 'range', low: 6, high: 12 });
    expect(waitEstimate(4)).toEqual({ kind: 'range', low: 12, high: 24 });
  });
  it('treats nonsense positions as the first', () => {
    expect(waitEstimate(0)).toEqual({ kind: 'under', minutes: 5 });
    expect(waitEstimate(-3)).toEqual({ kind: 'under', minutes: 5 });
  });
});
