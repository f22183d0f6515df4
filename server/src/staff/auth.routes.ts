import type { FastifyReply } from 'fastify';
import { LoginBody, LogoutResponse, StaffMe, type StaffRole } from '../../../shared/protocol/auth.ts';
import { pruneAttemptsNowAndThen } from '../auth/attempts.repo.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { newToken, tokenHash, verifyPin } from '../auth/secrets.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { endLiveStreamsOfSession } from '../live/live.stream.ts';
import { ACCOUNT_LOCK_AFTER, beginTrustedAttempt, beginUntrustedAttempt, type WaitReason } from './account-lockout.ts';
import { insertSession, propertyById, revokeSession, staffById } from './staff.repo.ts';
import { distrustDevice, trustedDeviceFor, trustThisDevice } from './trusted-device.ts';

export { ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK_MS } from './account-lockout.ts';

const SESSION_HOURS = 12;
// Compared against when the staff id is unknown, so a wrong id and a wrong PIN take the same time.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** 429 with the real wait: `Retry-After` (seconds) and `details.retryAfterMs`, which the tablet turns into "Try again in 14 minutes". */
function tooManyAttempts(reply: FastifyReply, reason: WaitReason, retryAfterMs: number): DomainError {
  const ms = Math.max(1, Math.ceil(retryAfterMs));
  reply.header('retry-after', String(Math.ceil(ms / 1000)));
  return new DomainError('rate_limited', `Too many sign-in attempts; try again in ${Math.ceil(ms / 1000)} s`, { retryAfterMs: ms, reason });
}

export const authRoutes = [
  route({
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    tags: ['Staff sign-in'],
    summary: 'Sign in with staff id and PIN',
    description:
      'Sets the httpOnly session cookie `ld_session` (path `/api`, 12 hours) that every staff route reads. Wrong id or PIN: 401 `invalid_pin`. Too many failures: 429 `rate_limited` with `Retry-After` and `details.retryAfterMs`.',
    body: LoginBody,
    response: StaffMe,
    // Its per-address limit is counted in the handler (account-lockout.ts), where a trusted tablet is known.
    async handler({ req, reply, deps, body }) {
      const db = deps.store.db;
      const now = deps.now();
      await pruneAttemptsNowAndThen(db, now);
      // Counted before the (slow) check, in the database: parallel guesses and other instances count too.
      const device = await trustedDeviceFor(db, req, body.staffId, now);
      const gate =
        (device ? await beginTrustedAttempt(db, body.staffId, device, now, () => distrustDevice(db, device, body.staffId)) : null) ??
        (await beginUntrustedAttempt(db, body.staffId, req.ip, now));
      if (!gate.allowed) {
        req.log.warn({ staffId: body.staffId, reason: gate.reason, retryAfterMs: gate.retryAfterMs }, 'staff login refused: too many attempts');
        throw tooManyAttempts(reply, gate.reason, gate.retryAfterMs);
      }
      const staff = await staffById(db, body.staffId);
      const ok = await verifyPin(body.pin, staff?.pin_hash ?? DUMMY_HASH);
      if (!staff || !ok) {
        const outcome = await gate.failed();
        if (outcome === 'locked') req.log.warn({ staffId: body.staffId, failures: ACCOUNT_LOCK_AFTER }, 'staff account locked after wrong PINs');
        else if (outcome === 'distrusted') req.log.warn({ staffId: body.staffId }, 'tablet no longer trusted after wrong PINs');
        else req.log.warn({ staffId: body.staffId, trustedDevice: device !== null }, 'staff login failed');
        throw new DomainError('invalid_pin', 'Staff id or PIN is wrong');
      }
      await gate.succeeded();
      const token = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      await insertSession(db, { tokenHash: tokenHash(token), staffId: staff.id, propertyId: staff.property_id, expiresAt });
      // The session cookie first: a client that keeps one cookie of the answer keeps the session.
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/api', expires: expiresAt });
      await trustThisDevice(db, req, reply, staff.id, now, deps.secureCookies);
      req.log.info({ staffId: staff.id, trustedDevice: device !== null }, 'staff logged in');
      return StaffMe.parse({ staff: { id: staff.id, name: staff.name, role: staff.role as StaffRole }, property: await propertyById(db, staff.property_id) });
    },
  }),
  route({
    method: 'GET',
    url: '/api/auth/me',
    access: STAFF_ROLES,
    tags: ['Staff sign-in'],
    summary: 'Who is signed in',
    response: StaffMe,
    async handler({ who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return { staff: { id: who.staffId, name: who.name, role: who.role }, property: await propertyById(deps.store.db, who.propertyId) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/logout',
    access: STAFF_ROLES,
    tags: ['Staff sign-in'],
    summary: 'Sign out',
    description: "Ends the session and clears its cookie; the session's live streams end too.",
    response: LogoutResponse,
    async handler({ req, reply, deps }) {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        await revokeSession(deps.store.db, tokenHash(cookie));
        // This instance ends the session's live streams now; the others within a heartbeat (live.stream.ts).
        endLiveStreamsOfSession(tokenHash(cookie));
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return { ok: true };
    },
  }),
];
