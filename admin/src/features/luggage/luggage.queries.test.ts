import { describe, expect, it } from 'vitest';
import { tagsComplete } from './luggage.queries.ts';

describe('check-in form', () => {
  it('wants one distinct tag per bag', () => {
    expect(tagsComplete(['T1', 'T2'], 2)).toBe(true);
    expect(tagsComplete(['T1'], 2)).toBe(false);
    expect(tagsComplete(['T1', ' '], 2)).toBe(false);
    expect(tagsComplete(['T1', 'T1'], 2)).toBe(false);
    expect(tagsComplete(['T1', 'T2', 'T3'], 2)).toBe(true); // inputs beyond the bag count are ignored
  });
});
