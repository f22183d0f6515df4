import { describe, expect, it } from 'vitest';
import { ClaimCode } from '../../../../shared/domain/request.ts';
import { CLAIM_ALPHABET, isClaimCode, newClaimCode, normalizeClaimCode } from './claim-code.ts';

describe('claim codes', () => {
  it('makes 8-character codes the protocol accepts', () => {
    for (let i = 0; i < 500; i++) expect(ClaimCode.safeParse(newClaimCode()).success).toBe(true);
  });
  it('uses every letter of the alphabet and nothing else', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 400; i++) for (const ch of newClaimCode()) seen.add(ch);
    expect([...seen].sort().join('')).toBe([...CLAIM_ALPHABET].sort().join(''));
  });
  it('maps random bytes onto the alphabet without bias', () => {
    const code = newClaimCode((b) => b.map((_, i) => i * 32 + i));
    expect(code).toBe('ABCDEFGH');
    expect(newClaimCode((b) => b.fill(255))).toBe('99999999');
  });
  it('normalises typed or scanned text', () => {
    expect(normalizeClaimCode(' abcd-2345 xyz')).toBe('ABCD2345');
    expect(normalizeClaimCode('O0I1abc')).toBe('ABC');
    expect(isClaimCode('ABCD2345')).toBe(true);
    expect(isClaimCode('ABCD234')).toBe(false);
    expect(isClaimCode('ABCD2341')).toBe(false);
  });
});
