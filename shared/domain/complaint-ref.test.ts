import { describe, expect, it } from 'vitest';
import { COMPLAINT_REF_RE, REF_ALPHABET, formatComplaintRef, normalizeRefQuery, parseComplaintRef } from './complaint-ref.ts';

describe('complaint references', () => {
  it('are C-, the kiosk letter and three unambiguous characters', () => {
    const ref = formatComplaintRef('A', 1);
    expect(ref).toMatch(/^C-A[2-9ACDEFGHJKMNPQRTUVWXY]{3}$/);
    expect(ref).toMatch(COMPLAINT_REF_RE);
    expect(REF_ALPHABET).not.toMatch(/[01OILSBZ]/);
  });

  it('never repeat for one letter, and grow to four characters after 21 951 complaints', () => {
    const seen = new Set<string>();
    for (let n = 1; n < 28 ** 3 + 500; n++) seen.add(formatComplaintRef('K', n));
    expect(seen.size).toBe(28 ** 3 + 499);
    expect(formatComplaintRef('K', 28 ** 3 - 1)).toHaveLength(6);
    expect(formatComplaintRef('K', 28 ** 3)).toHaveLength(7);
  });

  it('do not look consecutive', () => {
    const a = formatComplaintRef('A', 5).slice(3);
    const b = formatComplaintRef('A', 6).slice(3);
    expect(a.slice(0, 2)).not.toBe(b.slice(0, 2));
  });

  it('give back their letter and counter, and refuse what is not one', () => {
    for (const n of [1, 2, 77, 21_951, 21_952, 600_000]) expect(parseComplaintRef(formatComplaintRef('D', n))).toEqual({ letter: 'D', n });
    expect(parseComplaintRef(`${formatComplaintRef('D', 9)}-2`)).toEqual({ letter: 'D', n: 9 });
    expect(parseComplaintRef('C-A0O1')).toBeNull();
    expect(parseComplaintRef('A012')).toBeNull();
    expect(() => formatComplaintRef('a', 1)).toThrow();
    expect(() => formatComplaintRef('A', 0)).toThrow();
  });

  it('match what staff type in the search box', () => {
    expect(normalizeRefQuery(' c a4k7 ')).toBe('C-A4K7');
    expect(normalizeRefQuery('c-a4k7')).toBe('C-A4K7');
    expect(normalizeRefQuery('1208')).toBe('1208');
  });
});
