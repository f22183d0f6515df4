import type { FastifyReply, FastifyRequest } from 'fastify';
import { newToken, tokenHash } from '../auth/secrets.ts';
import type { Db } from '../store/store.ts';
import { deleteTrustedDevice, isKnownTrustCookie, isTrustedDevice, upsertTrustedDevice } from './staff.repo.ts';

/**
 * A tablet a staff member signed in on before (OWASP "device cookies"): a
 * successful sign-in sets a random cookie, httpOnly and sent to the login
 * route only; `trusted_devices` (migration 014) keeps its SHA-256 per staff
 * member who signed in with it. A made-up value matches nothing, and a cookie
 * trusted for one person is nobody else's tablet.
 */
export const TRUST_COOKIE = 'ld_trust';
export const TRUST_DAYS = 90;
const TRUST_MS = TRUST_DAYS * 86_400_000;
const COOKIE_PATH = '/api/auth/login';

/** The hash of the request's trust cookie when it is trusted for this staff member, else null. */
export async function trustedDeviceFor(db: Db, req: FastifyRequest, staffId: string, now: Date): Promise<string | null> {
  const cookie = req.cookies[TRUST_COOKIE];
  if (!cookie || cookie.length > 200) return null;
  const hash = tokenHash(cookie);
  return (await isTrustedDevice(db, hash, staffId, now)) ? hash : null;
}

/**
 * After a successful sign-in: this tablet is trusted for this person for
 * another TRUST_DAYS. A tablet whose cookie the server knows (for anyone)
 * keeps it, so a shared tablet holds one cookie; otherwise a new one is made
 * (a value the server never issued is never adopted).
 */
export async function trustThisDevice(db: Db, req: FastifyRequest, reply: FastifyReply, staffId: string, now: Date, secure: boolean): Promise<void> {
  const sent = req.cookies[TRUST_COOKIE];
  const known = sent && sent.length <= 200 ? await isKnownTrustCookie(db, tokenHash(sent)) : false;
  const token = known && sent ? sent : newToken();
  const expiresAt = new Date(now.getTime() + TRUST_MS);
  await upsertTrustedDevice(db, tokenHash(token), staffId, expiresAt, now);
  reply.setCookie(TRUST_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: COOKIE_PATH, maxAge: TRUST_MS / 1000 });
}

/** Too many wrong PINs on this tablet: it is no longer trusted for this person. */
export async function distrustDevice(db: Db, tokenHashValue: string, staffId: string): Promise<void> {
  await deleteTrustedDevice(db, tokenHashValue, staffId);
}
