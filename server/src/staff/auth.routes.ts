import { LoginBody, StaffMe, type StaffRole } from '../../../shared/protocol/auth.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { newToken, tokenHash, verifyPin } from '../auth/secrets.ts';
import { DomainError } from '../http/errors.ts';
import { parse, route } from '../http/route.ts';
import { beginPinAttempt, pinAccepted, pinFailed } from './account-lockout.ts';
import { insertSession, propertyById, revokeSession, staffById } from './staff.repo.ts';

export { ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK_MS } from './account-lockout.ts';

const SESSION_HOURS = 12;
// Compared against when the staff id is unknown, so a wrong id and a wrong PIN take the same time.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export const authRoutes = [
  route({
    method: 'POST',
    url: '/api/auth/login',
    access: 'public',
    rateLimitPerMinute: 10,
    async handler({ req, reply, deps }) {
      const body = parse(LoginBody, req.body);
      // Counted before the (slow) check, in the database: parallel guesses and other instances count too.
      const attempt = await beginPinAttempt(deps.store.db, body.staffId, deps.now());
      if (!attempt.allowed) {
        // Locked from every address, even with the right PIN: guessing spread over many addresses gets nowhere.
        req.log.warn({ staffId: body.staffId }, 'staff login refused: account locked');
        throw new DomainError('rate_limited', `Too many wrong PINs for this staff id; try again in ${Math.ceil(attempt.retryAfterMs / 1000)} s`);
      }
      const staff = await staffById(deps.store.db, body.staffId);
      const ok = await verifyPin(body.pin, staff?.pin_hash ?? DUMMY_HASH);
      if (!staff || !ok) {
        const locked = await pinFailed(deps.store.db, body.staffId, attempt.ordinal, deps.now());
        if (locked) req.log.warn({ staffId: body.staffId, failures: attempt.ordinal }, 'staff account locked after wrong PINs');
        else req.log.warn({ staffId: body.staffId }, 'staff login failed');
        throw new DomainError('invalid_pin', 'Staff id or PIN is wrong');
      }
      await pinAccepted(deps.store.db, body.staffId);
      const token = newToken();
      const expiresAt = new Date(deps.now().getTime() + SESSION_HOURS * 3600_000);
      await insertSession(deps.store.db, { tokenHash: tokenHash(token), staffId: staff.id, propertyId: staff.property_id, expiresAt });
      reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/api', expires: expiresAt });
      req.log.info({ staffId: staff.id }, 'staff logged in');
      return StaffMe.parse({ staff: { id: staff.id, name: staff.name, role: staff.role as StaffRole }, property: await propertyById(deps.store.db, staff.property_id) });
    },
  }),
  route({
    method: 'GET',
    url: '/api/auth/me',
    access: STAFF_ROLES,
    async handler({ who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return { staff: { id: who.staffId, name: who.name, role: who.role }, property: await propertyById(deps.store.db, who.propertyId) };
    },
  }),
  route({
    method: 'POST',
    url: '/api/auth/logout',
    access: STAFF_ROLES,
    async handler({ req, reply, deps }) {
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) await revokeSession(deps.store.db, tokenHash(cookie));
      reply.clearCookie(SESSION_COOKIE, { path: '/api' });
      return { ok: true };
    },
  }),
];
