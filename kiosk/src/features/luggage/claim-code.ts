/**
 * Luggage claim codes: 8 characters from a 32-letter alphabet without 0/O/1/I
 * (see `ClaimCode` in shared/domain/request.ts), made on the kiosk — offline
 * too — from the browser's cryptographic random source. 32⁸ ≈ 10¹² codes.
 */
import { ClaimCode } from '../../../../shared/domain/request.ts';

export const CLAIM_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CLAIM_CODE_LENGTH = 8;

type RandomFill = (bytes: Uint8Array) => Uint8Array;
const cryptoFill: RandomFill = (bytes) => crypto.getRandomValues(bytes);

/** 32 divides 256, so `byte & 31` picks each letter with equal chance. */
export function newClaimCode(fill: RandomFill = cryptoFill): string {
  const bytes = fill(new Uint8Array(CLAIM_CODE_LENGTH));
  let out = '';
  for (const b of bytes) out += CLAIM_ALPHABET[b & 31];
  return out;
}

/** What a guest typed or a scanner read → the code's letters only, upper case, at most 8. */
export function normalizeClaimCode(raw: string): string {
  let out = '';
  for (const ch of raw.toUpperCase()) if (CLAIM_ALPHABET.includes(ch)) out += ch;
  return out.slice(0, CLAIM_CODE_LENGTH);
}

export function isClaimCode(code: string): boolean {
  return ClaimCode.safeParse(code).success;
}

/** "ABCD2345" → "ABCD 2345", easier to read out; the stored code has no space. */
export function groupClaimCode(code: string): string {
  return code.length > 4 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}
