/**
 * Luggage claim codes: letters and digits without 0/O/1/I, made on the kiosk
 * (offline too) or on the tablet for a desk check-in, printed as text and QR.
 *
 * - New codes are 9 characters: 8 random + a check character
 *   (shared/domain/check-char.ts), so a mistyped or swapped character is
 *   caught at once, on a kiosk that is offline too.
 * - Codes made before the check character (8 characters, already on receipts
 *   in the ledger) are still honoured: they have no check character, so they
 *   are checked against the ledger only (the kiosk's online lookup, then the
 *   staff's hand-back).
 */
import { hasValidCheckChar, withCheckChar } from './check-char.ts';

export const CLAIM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Random characters of a claim code. */
export const CLAIM_BODY_LENGTH = 8;
/** A new code: body + check character. */
export const CLAIM_CODE_LENGTH = CLAIM_BODY_LENGTH + 1;
/** A code made before the check character. */
export const LEGACY_CLAIM_CODE_LENGTH = CLAIM_BODY_LENGTH;

type RandomFill = (bytes: Uint8Array) => Uint8Array;
const cryptoFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** A fresh code. 32 divides 256, so `byte & 31` picks each letter with equal chance; 32⁸ ≈ 10¹² codes. */
export function makeClaimCode(fill: RandomFill = cryptoFill): string {
  let body = '';
  for (const b of fill(new Uint8Array(CLAIM_BODY_LENGTH))) body += CLAIM_ALPHABET[b & 31];
  return withCheckChar(CLAIM_ALPHABET, body);
}

/** Why a normalised code cannot be a claim code (`typo`: a 9-character code whose check character is wrong), or null. */
export function claimCodeProblem(code: string): 'incomplete' | 'typo' | null {
  if (code.length < LEGACY_CLAIM_CODE_LENGTH || code.length > CLAIM_CODE_LENGTH) return 'incomplete';
  for (const ch of code) if (!CLAIM_ALPHABET.includes(ch)) return 'incomplete';
  if (code.length === CLAIM_CODE_LENGTH && !hasValidCheckChar(CLAIM_ALPHABET, code)) return 'typo';
  return null;
}

/** A legacy 8-character code: no check character, only the ledger can tell whether it is right. */
export function isLegacyClaimCode(code: string): boolean {
  return code.length === LEGACY_CLAIM_CODE_LENGTH;
}
