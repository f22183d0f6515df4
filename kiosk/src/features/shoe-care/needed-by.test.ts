import { describe, expect, it } from 'vitest';
import { hoursFor, pickupInstant } from '../luggage/pickup-time.ts';
import { neededByInstant } from './needed-by.ts';

const at = (h: number, m = 0) => new Date(2026, 2, 14, h, m);

describe('needed-by choices', () => {
  it('turns each choice into a future instant, or null for no rush', () => {
    const now = at(10, 30);
    expect(neededByInstant('1h', now)).toBe(new Date(2026, 2, 14, 11, 30).toISOString());
    expect(neededByInstant('evening', now)).toBe(new Date(2026, 2, 14, 19).toISOString());
    expect(neededByInstant('morning', now)).toBe(new Date(2026, 2, 15, 8).toISOString());
    expect(neededByInstant('none', now)).toBeNull();
  });
  it('never asks for the evening in less than an hour', () => {
    expect(neededByInstant('evening', at(18, 30))).toBe(new Date(2026, 2, 14, 19, 30).toISOString());
  });
});

describe('luggage pick-up hours', () => {
  it('offers only the hours still ahead today, all of them tomorrow', () => {
    expect(hoursFor('today', at(21, 10))).toEqual([22, 23]);
    expect(hoursFor('tomorrow', at(21, 10))[0]).toBe(7);
    expect(pickupInstant('tomorrow', 9, at(21))).toBe(new Date(2026, 2, 15, 9).toISOString());
  });
});
