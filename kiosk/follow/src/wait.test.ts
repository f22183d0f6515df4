import { describe, expect, it } from 'vitest';
import { waitWords } from './wait.ts';

describe('waitWords', () => {
  it('reads a range in whole minutes', () => {
    expect(waitWords(300, 600)).toEqual({ kind: 'range', low: 5, high: 10 });
  });
  it('rounds the top of the range up', () => {
    expect(waitWords(240, 430)).toEqual({ kind: 'range', low: 4, high: 8 });
  });
  it('says "under" when the range starts at nothing or is one figure', () => {
    expect(waitWords(0, 200)).toEqual({ kind: 'under', n: 4 });
    expect(waitWords(60, 60)).toEqual({ kind: 'under', n: 1 });
  });
});
