import { describe, expect, it } from 'vitest';
import { checkChar, hasValidCheckChar, withCheckChar } from './check-char.ts';

const CLAIM = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A repeatable pseudo-random body (no Math.random: a failure must be reproducible). */
function body(alphabet: string, length: number, seed: number): string {
  let x = seed * 2654435761;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out += alphabet[(x >>> 16) & 31];
  }
  return out;
}

function substitutions(alphabet: string, code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < code.length; i++) for (const ch of alphabet) if (ch !== code[i]) out.push(code.slice(0, i) + ch + code.slice(i + 1));
  return out;
}

function transpositions(code: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < code.length; i++) if (code[i] !== code[i + 1]) out.push(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2));
  return out;
}

describe.each([
  ['claim codes', CLAIM, 8],
  ['member card codes', BASE32, 12],
])('the check character on %s', (_name, alphabet, length) => {
  it('accepts every code it made', () => {
    for (let seed = 0; seed < 300; seed++) expect(hasValidCheckChar(alphabet, withCheckChar(alphabet, body(alphabet, length, seed)))).toBe(true);
  });

  it('catches every single-character substitution, the check character included', () => {
    for (let seed = 0; seed < 60; seed++) {
      const code = withCheckChar(alphabet, body(alphabet, length, seed));
      const wrong = substitutions(alphabet, code);
      expect(wrong).toHaveLength((length + 1) * 31);
      for (const w of wrong) expect(hasValidCheckChar(alphabet, w), `${code} → ${w}`).toBe(false);
    }
  });

  it('catches every adjacent transposition, the check character included', () => {
    for (let seed = 0; seed < 300; seed++) {
      const code = withCheckChar(alphabet, body(alphabet, length, seed));
      for (const w of transpositions(code)) expect(hasValidCheckChar(alphabet, w), `${code} → ${w}`).toBe(false);
    }
  });

  it('catches the swap of every pair of letters at every position (all 32 × 31 pairs)', () => {
    const base = body(alphabet, length, 7);
    for (let i = 0; i + 1 < length; i++) {
      for (const a of alphabet) {
        for (const b of alphabet) {
          if (a === b) continue;
          const good = withCheckChar(alphabet, base.slice(0, i) + a + b + base.slice(i + 2));
          const swapped = good.slice(0, i) + b + a + good.slice(i + 2);
          expect(hasValidCheckChar(alphabet, swapped)).toBe(false);
        }
      }
    }
  });
});

describe('check characters', () => {
  it('refuses letters outside the alphabet and codes too short to carry one', () => {
    expect(hasValidCheckChar(CLAIM, 'ABCD1234')).toBe(false);
    expect(hasValidCheckChar(CLAIM, 'A')).toBe(false);
    expect(() => checkChar(CLAIM, 'ABC0')).toThrow();
    expect(() => checkChar('ABC', 'A')).toThrow();
  });

  it('uses every letter of the alphabet as a check character', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) seen.add(checkChar(CLAIM, body(CLAIM, 8, seed)));
    expect(seen.size).toBe(32);
  });
});
