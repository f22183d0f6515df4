import { describe, expect, it } from 'vitest';
import { hasValidCheckChar } from '../../../../shared/domain/check-char.ts';
import { claimCodeProblem } from '../../../../shared/domain/claim-code.ts';
import { ClaimCode } from '../../../../shared/domain/request.ts';
import { CLAIM_ALPHABET, isClaimCode, newClaimCode, normalizeClaimCode } from './claim-code.ts';

describe('claim codes', () => {
  it('makes 9-character codes with a check character that the protocol accepts', () => {
    for (let i = 0; i < 500; i++) {
      const code = newClaimCode();
      expect(code).toHaveLength(9);
      expect(hasValidCheckChar(CLAIM_ALPHABET, code)).toBe(true);
      expect(ClaimCode.safeParse(code).success).toBe(true);
    }
  });
  it('uses every letter of the alphabet and nothing else', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const ch of newClaimCode()) seen.add(ch);
    expect([...seen].sort().join('')).toBe([...CLAIM_ALPHABET].sort().join(''));
  });
  it('maps random bytes onto the alphabet without bias', () => {
    const code = newClaimCode((b) => b.map((_, i) => i * 32 + i));
    expect(code.slice(0, 8)).toBe('ABCDEFGH');
    expect(newClaimCode((b) => b.fill(255)).slice(0, 8)).toBe('99999999');
  });
  it('normalises typed or scanned text', () => {
    expect(normalizeClaimCode(' abcd-2345 xyz')).toBe('ABCD2345X');
    expect(normalizeClaimCode('O0I1abc')).toBe('ABC');
  });
  it('accepts a code with its check character and an older 8-character code; refuses a typo and a short code', () => {
    const code = newClaimCode();
    const typo = code.slice(0, 3) + (code[3] === 'A' ? 'B' : 'A') + code.slice(4);
    expect(isClaimCode(code)).toBe(true);
    expect(isClaimCode('ABCD2345')).toBe(true); // made before the check character: the ledger decides
    expect(claimCodeProblem(typo)).toBe('typo');
    expect(ClaimCode.safeParse(typo).success).toBe(false);
    expect(claimCodeProblem('ABCD234')).toBe('incomplete');
    expect(isClaimCode('ABCD2341')).toBe(false);
  });
});
