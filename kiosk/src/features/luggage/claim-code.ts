/**
 * Luggage claim codes on the kiosk: made here (offline too) from the
 * browser's cryptographic random source, typed back or scanned at pick-up.
 * The format, the check character and the 8-character codes made before it
 * are in shared/domain/claim-code.ts.
 */
import { CLAIM_ALPHABET, CLAIM_CODE_LENGTH, claimCodeProblem, makeClaimCode } from '../../../../shared/domain/claim-code.ts';

export { CLAIM_ALPHABET, CLAIM_CODE_LENGTH };

export const newClaimCode = makeClaimCode;

/** What a guest typed or a scanner read → the code's letters only, upper case, at most 9. */
export function normalizeClaimCode(raw: string): string {
  let out = '';
  for (const ch of raw.toUpperCase()) if (CLAIM_ALPHABET.includes(ch)) out += ch;
  return out.slice(0, CLAIM_CODE_LENGTH);
}

/** A code that may be submitted: 9 characters with the right check character, or an older 8-character code. */
export function isClaimCode(code: string): boolean {
  return claimCodeProblem(code) === null;
}

/** "ABCD23456" → "ABCD 23456", easier to read out; the stored code has no space. */
export function groupClaimCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
