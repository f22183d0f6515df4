import { describe, expect, it } from 'vitest';
import { isCompleteCode, normalizeCode } from './pairing-code.ts';

describe('pairing code entry', () => {
  it('upper-cases, drops spaces and dashes, and stops at 8 characters', () => {
    expect(normalizeCode('ab12-cd 34ef')).toBe('AB12CD34');
  });
  it('accepts only 8 letters or digits', () => {
    expect(isCompleteCode('AB12CD34')).toBe(true);
    expect(isCompleteCode('AB12CD3')).toBe(false);
  });
});
