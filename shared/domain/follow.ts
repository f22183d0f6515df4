/**
 * A guest's phone follows their ticket (`/t/<token>`): the constants and shapes without zod, so the
 * phone page (≤ 20 kB gzip) can import them. The schemas the server checks live in
 * shared/protocol/follow.ts.
 *
 * The token is made on the kiosk when it issues the ticket (offline too: 16 random bytes, base64url,
 * 22 characters), printed as a QR on the ticket, sent with `request.create` and kept on the server
 * only as its SHA-256. It is not the request id and says nothing about the guest.
 */
export const FOLLOW_TOKEN_LENGTH = 22;
export const FOLLOW_TOKEN_RE = /^[A-Za-z0-9_-]{22}$/;

/** The phone page's path for a token; the QR holds the property's public base URL + this. */
export function followPath(token: string): string {
  return `/t/${token}`;
}

/** 16 random bytes as base64url (22 characters, no padding). */
export function makeFollowToken(fill: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  const bytes = fill(new Uint8Array(16));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A token answers for the service day it was issued on, and this long after it for luggage still stored. */
export const FOLLOW_LUGGAGE_GRACE_DAYS = 14;
