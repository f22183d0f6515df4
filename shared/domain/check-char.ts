/**
 * A check character for codes people type: claim codes and member card codes.
 *
 * Both alphabets have 32 letters, so each letter is an element of the field
 * GF(32) (x⁵ + x² + 1). A code d₁…dₙ plus its check character c satisfies
 *   α·(…(α·(α·d₁ + d₂) + d₃)…) ·α + c = 0,   α = x (the field's generator),
 * i.e. Σ αⁿ⁻ⁱ·dᵢ + c = 0: a weighted sum with weights αᵏ that are all distinct
 * and non-zero. That is the GF(2⁵) form of the ISO 7064 "pure system" (and,
 * like Damm's scheme, a totally anti-symmetric quasigroup x∘y = α·x + y):
 * - a single substituted character changes the sum by αᵏ·e ≠ 0;
 * - two swapped neighbours a,b change it by αᵏ·(α + 1)·(a − b) ≠ 0 for a ≠ b.
 * So every single substitution and every adjacent transposition is caught,
 * the check character's own included (shared/domain/check-char.test.ts tries them all).
 */

const FIELD_POLY = 0b100101; // x⁵ + x² + 1, primitive

/** Multiply by α (x) in GF(32). */
function timesAlpha(v: number): number {
  const s = v << 1;
  return s & 32 ? s ^ FIELD_POLY : s;
}

function fold(alphabet: string, text: string): number | null {
  let s = 0;
  for (const ch of text) {
    const v = alphabet.indexOf(ch);
    if (v < 0) return null;
    s = timesAlpha(s) ^ v;
  }
  return s;
}

function assertAlphabet(alphabet: string): void {
  if (alphabet.length !== 32 || new Set(alphabet).size !== 32) throw new Error('a check alphabet has 32 distinct letters');
}

/** The check character for `body` (every letter from `alphabet`). */
export function checkChar(alphabet: string, body: string): string {
  assertAlphabet(alphabet);
  const s = fold(alphabet, body);
  if (s === null) throw new Error('a code letter outside its alphabet');
  return alphabet[timesAlpha(s)]!;
}

/** `body` followed by its check character. */
export function withCheckChar(alphabet: string, body: string): string {
  return body + checkChar(alphabet, body);
}

/** Whether the last character of `code` is the right check character for the rest. */
export function hasValidCheckChar(alphabet: string, code: string): boolean {
  assertAlphabet(alphabet);
  return code.length >= 2 && fold(alphabet, code) === 0;
}
