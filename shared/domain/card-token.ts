/**
 * Member card codes. Two forms:
 *
 * - The QR token, verified offline with the property's Ed25519 public key and
 *   again on the server: `LD1-` + RFC 4648 base32 (upper case, no padding) of
 *   73 bytes — the card key (the first 7 bytes, 56 bits, of the card id), the
 *   card version (u16) and the 64-byte signature — 121 characters, all in QR
 *   alphanumeric mode and all letters, digits 2–7 and one dash, so a USB
 *   scanner types them the same on most keyboard layouts (set the scanner to
 *   the kiosk's layout; QWERTZ still swaps Y and Z). QR version 5 at level M
 *   holds 122 alphanumeric characters, so it fits. The signature covers
 *   `lobbydesk-card-v2:` + the 9 payload bytes. Card ids are random, so 56
 *   bits identify a card among any realistic number of members; the server
 *   refuses a prefix two cards share.
 * - The typed code, 13 base32 characters `XXXX-XXXX-XXXX-X`: 12 for the first
 *   50 bits of the card id + the card version mod 1024, then a check character
 *   (shared/domain/check-char.ts) so a mistyped or swapped character is
 *   reported as a typo on the kiosk, never as "replaced by a newer card".
 *   Cards printed before the check character carry 12 characters; those are
 *   still accepted, without the typo check. The code carries no signature and
 *   is looked up online only, behind a rate limit.
 *
 * Uses only WebCrypto, BigInt and standard JS, so it runs in Node ≥ 20 and Chromium.
 */

import { hasValidCheckChar, withCheckChar } from './check-char.ts';

export const CARD_TOKEN_PREFIX = 'LD1-';
const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const KEY_BYTES = 7;
const PAYLOAD_BYTES = KEY_BYTES + 2;
const SIGNATURE_BYTES = 64;
const TOKEN_BYTES = PAYLOAD_BYTES + SIGNATURE_BYTES;
const TOKEN_CHARS = Math.ceil((TOKEN_BYTES * 8) / 5); // 117
export const CARD_TOKEN_LENGTH = CARD_TOKEN_PREFIX.length + TOKEN_CHARS;
const SIGNING_CONTEXT = 'lobbydesk-card-v2:';

export type CardTokenError = 'malformed' | 'foreign' | 'bad_signature' | 'no_key';
/** `cardKey`: the card id's first 7 bytes as 14 hex digits — what the server looks the card up by. */
export type CardTokenResult = { ok: true; cardKey: string; version: number } | { ok: false; error: CardTokenError };

/** RFC 4648 base32, upper case, no padding. */
export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let acc = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += B32[(acc << (5 - bits)) & 31];
  return out;
}

/** Inverse of `base32Encode`; null for a character outside the alphabet or non-zero padding bits. */
export function base32Decode(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let acc = 0;
  let i = 0;
  for (const ch of text) {
    const v = B32.indexOf(ch);
    if (v < 0) return null;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (acc >>> (bits - 8)) & 255;
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  return acc === 0 ? out : null;
}

function uuidToBytes(id: string): Uint8Array {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a uuid: ${id}`);
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** The card key a token carries: the card id's first 7 bytes, as 14 hex digits. */
export function cardKeyOf(cardId: string): string {
  return cardId.replace(/-/g, '').slice(0, KEY_BYTES * 2).toLowerCase();
}

function signingMessage(key: Uint8Array, version: number): Uint8Array<ArrayBuffer> {
  if (!Number.isInteger(version) || version < 1 || version > 0xffff) throw new Error(`card version out of range: ${version}`);
  const ctx = new TextEncoder().encode(SIGNING_CONTEXT);
  const msg = new Uint8Array(ctx.length + PAYLOAD_BYTES);
  msg.set(ctx, 0);
  msg.set(key.subarray(0, KEY_BYTES), ctx.length);
  msg[ctx.length + KEY_BYTES] = version >> 8;
  msg[ctx.length + KEY_BYTES + 1] = version & 255;
  return msg;
}

/** The bytes that are signed: a context string + the card key + version (u16, big-endian). */
export function cardSigningMessage(cardId: string, version: number): Uint8Array<ArrayBuffer> {
  return signingMessage(uuidToBytes(cardId), version);
}

/** The QR token for a card, given the 64-byte Ed25519 signature of `cardSigningMessage(cardId, version)`. */
export function assembleCardToken(cardId: string, version: number, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new Error('an Ed25519 signature is 64 bytes');
  const bytes = new Uint8Array(TOKEN_BYTES);
  bytes.set(cardSigningMessage(cardId, version).subarray(SIGNING_CONTEXT.length), 0);
  bytes.set(signature, PAYLOAD_BYTES);
  return CARD_TOKEN_PREFIX + base32Encode(bytes);
}

export type ParsedCardToken = { ok: true; cardKey: string; version: number; message: Uint8Array<ArrayBuffer>; signature: Uint8Array<ArrayBuffer> } | { ok: false; error: CardTokenError };

/** Reads a token without checking its signature (the server and the kiosk each verify with their own crypto). */
export function parseCardToken(raw: string): ParsedCardToken {
  const token = raw.trim();
  if (!token.startsWith(CARD_TOKEN_PREFIX)) return { ok: false, error: 'foreign' };
  if (token.length !== CARD_TOKEN_LENGTH) return { ok: false, error: 'malformed' };
  const bytes = base32Decode(token.slice(CARD_TOKEN_PREFIX.length));
  if (!bytes || bytes.length !== TOKEN_BYTES) return { ok: false, error: 'malformed' };
  const version = (bytes[KEY_BYTES]! << 8) | bytes[KEY_BYTES + 1]!;
  if (version < 1) return { ok: false, error: 'malformed' };
  const key = bytes.subarray(0, KEY_BYTES);
  const cardKey = Array.from(key, (x) => x.toString(16).padStart(2, '0')).join('');
  return { ok: true, cardKey, version, message: signingMessage(key, version), signature: bytes.slice(PAYLOAD_BYTES) };
}

export function base64UrlDecode(text: string): Uint8Array {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * Verifies a QR token offline with WebCrypto. `publicKey` is the raw 32-byte
 * Ed25519 key (bytes or base64url, as the server hands it out).
 */
export async function verifyCardToken(token: string, publicKey: Uint8Array | string): Promise<CardTokenResult> {
  const parsed = parseCardToken(token);
  if (!parsed.ok) return parsed;
  let key: CryptoKey;
  try {
    const raw = typeof publicKey === 'string' ? base64UrlDecode(publicKey) : publicKey;
    key = await crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return { ok: false, error: 'no_key' };
  }
  const good = await crypto.subtle.verify('Ed25519', key, parsed.signature, parsed.message);
  return good ? { ok: true, cardKey: parsed.cardKey, version: parsed.version } : { ok: false, error: 'bad_signature' };
}

// ---------------------------------------------------------------------------------------------
// Typed codes

/** A typed code as printed now: 12 characters + the check character. */
export const CARD_CODE_LENGTH = 13;
/** The code on cards printed before the check character. */
export const LEGACY_CARD_CODE_LENGTH = 12;
const CODE_BODY_LENGTH = 12;
const CODE_VERSION_BITS = 10n;

/** The 13-character code printed under the QR, grouped `XXXX-XXXX-XXXX-X` (the last is the check character). */
export function cardCode(cardId: string, version: number): string {
  const idBits = BigInt(`0x${cardId.replace(/-/g, '').slice(0, 13)}`) >> 2n; // first 52 bits → 50
  let n = (idBits << CODE_VERSION_BITS) | BigInt(version & 1023);
  let out = '';
  for (let i = 0; i < CODE_BODY_LENGTH; i++) {
    out = B32[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return withCheckChar(B32, out).replace(/(.{4})(?=.)/g, '$1-');
}

/** What a guest typed, as the server wants it: upper case, base32 only (0→O, 1→I, 8→B), at most 13. */
export function normalizeCardCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/1/g, 'I')
    .replace(/8/g, 'B')
    .replace(/[^A-Z2-7]/g, '')
    .slice(0, CARD_CODE_LENGTH);
}

/** A code of the right length: 13 characters, or 12 from a card printed before the check character. */
export function isCompleteCardCode(code: string): boolean {
  return /^[A-Z2-7]{12,13}$/.test(code);
}

/** Why a normalised code cannot be a card's code (`typo`: 13 characters whose check character is wrong), or null. */
export function cardCodeProblem(code: string): 'incomplete' | 'typo' | null {
  if (!isCompleteCardCode(code)) return 'incomplete';
  return code.length === CARD_CODE_LENGTH && !hasValidCheckChar(B32, code) ? 'typo' : null;
}

/**
 * The card ids a typed code can stand for, as an inclusive uuid range (the
 * code holds only the first 50 bits), and the version mod 1024; null for an
 * incomplete code or a wrong check character.
 */
export function cardCodeRange(code: string): { low: string; high: string; versionMod: number } | null {
  const c = normalizeCardCode(code);
  if (cardCodeProblem(c) !== null) return null;
  let n = 0n;
  for (const ch of c.slice(0, CODE_BODY_LENGTH)) n = (n << 5n) | BigInt(B32.indexOf(ch));
  const versionMod = Number(n & 1023n);
  const idBits = n >> CODE_VERSION_BITS;
  const lowHex = (idBits << 78n).toString(16).padStart(32, '0');
  const highHex = ((idBits << 78n) | ((1n << 78n) - 1n)).toString(16).padStart(32, '0');
  const fmt = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return { low: fmt(lowHex), high: fmt(highHex), versionMod };
}
