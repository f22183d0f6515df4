import { LoginBody, StaffMe, type StaffRole } from '../../../shared/protocol/auth.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { newToken, tokenHash, verifyPin } from '../auth/secrets.ts';
import { DomainError } from '../http/errors.ts';
import { parse, route } from '../http/route.ts';
import { insertSession, propertyById, revokeSession, staffById } from './staff.repo.ts';

const SESSION_HOURS = 12;
/** Per-account lockout: this many wrong PINs for one staff id within the window lock that id for the window, from any address. */
export const ACCOUNT_LOCK_AFTER = 5;
export const ACCOUNT_LOCK_MS = 15 * 60_000;
const MAX_TRACKED_IDS = 10_000;

/** Wrong-PIN times per staff id, per app (its deps); in memory, so per instance (see docs). */
const failuresByApp = new WeakMap<object, Map<string, number[]>>();
function failuresOf(deps: object): Map<string, number[]> {
  let m = failuresByApp.get(deps);
  if (!m) failuresByApp.set(deps, (m = new Map()));
  return m;
}
function recentFailures(all: Map<string, number[]>, staffId: string, now: number): number[] {
  const kept = (all.get(staffId) ?? []).filter((t) => now - t < ACCOUNT_LOCK_MS);
  if (kept.length) all.set(staffId, kept);
  else all.delete(staffId);
  return kept;
}
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
      const failures = failuresOf(deps);
      const nowMs = deps.now().getTime();
      const recent = recentFailures(failures, body.staffId, nowMs);
      if (recent.length >= ACCOUNT_LOCK_AFTER) {
        // Locked from every address, even with the right PIN: guessing spread over many addresses gets nowhere.
        const retryS = Math.ceil((recent[recent.length - ACCOUNT_LOCK_AFTER]! + ACCOUNT_LOCK_MS - nowMs) / 1000);
        req.log.warn({ staffId: body.staffId }, 'staff login refused: account locked');
        throw new DomainError('rate_limited', `Too many wrong PINs for this staff id; try again in ${retryS} s`);
      }
      // Counted as a failure before the (slow) check, so a burst of parallel guesses cannot all pass the lock test.
      if (failures.size >= MAX_TRACKED_IDS && !failures.has(body.staffId)) failures.delete(failures.keys().next().value!);
      failures.set(body.staffId, [...recent, nowMs]);
      const staff = await staffById(deps.store.db, body.staffId);
      const ok = await verifyPin(body.pin, staff?.pin_hash ?? DUMMY_HASH);
      if (!staff || !ok) {
        if (recent.length + 1 >= ACCOUNT_LOCK_AFTER) req.log.warn({ staffId: body.staffId, failures: recent.length + 1 }, 'staff account locked after wrong PINs');
        else req.log.warn({ staffId: body.staffId }, 'staff login failed');
        throw new DomainError('invalid_pin', 'Staff id or PIN is wrong');
      }
      failures.delete(body.staffId);
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
