import type { FastifyRequest } from 'fastify';
import type { StaffRole } from '../../../shared/protocol/auth.ts';
import { deviceByTokenHash, touchDevice } from '../devices/devices.repo.ts';
import { DomainError } from '../http/errors.ts';
import type { AppDeps } from '../http/route.ts';
import { sessionStaff } from '../staff/staff.repo.ts';
import type { Principal } from './principal.ts';
import { tokenHash } from './secrets.ts';

export const SESSION_COOKIE = 'ld_session';

/**
 * Kiosks and wall displays send `Authorization: Bearer <device token>`;
 * staff carry an httpOnly session cookie. A bearer header wins, so a demo
 * browser holding both never mixes them up.
 */
export async function authenticate(req: FastifyRequest, deps: AppDeps): Promise<Principal | null> {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const device = await deviceByTokenHash(deps.store.db, tokenHash(header.slice(7).trim()));
    if (!device || (device.kind !== 'kiosk' && device.kind !== 'wall')) throw new DomainError('unauthenticated', 'Unknown device token');
    if (device.revoked_at) throw new DomainError('device_revoked', 'This device was revoked by staff; pair it again');
    const last = device.last_seen_at ? new Date(device.last_seen_at).getTime() : 0;
    if (deps.now().getTime() - last > 30_000) await touchDevice(deps.store.db, device.id);
    return { kind: 'device', deviceKind: device.kind, deviceId: device.id, propertyId: device.property_id };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  const staff = await sessionStaff(deps.store.db, tokenHash(cookie), deps.now());
  if (!staff) return null;
  return { kind: 'staff', staffId: staff.id, name: staff.name, role: staff.role as StaffRole, propertyId: staff.property_id };
}

/** What a long-lived answer (a live stream) was authenticated with, to check again later. */
export type Credentials = { kind: 'session'; tokenHash: string; expiresAt: Date } | { kind: 'device'; tokenHash: string; deviceId: string };

/** The credentials behind `who` (as `authenticate` found it on this request). */
export async function credentialsOf(req: FastifyRequest, who: Principal, deps: AppDeps): Promise<Credentials> {
  if (who.kind === 'device') return { kind: 'device', deviceId: who.deviceId, tokenHash: tokenHash((req.headers.authorization ?? '').slice(7).trim()) };
  const hash = tokenHash(req.cookies[SESSION_COOKIE] ?? '');
  const session = await sessionStaff(deps.store.db, hash, deps.now());
  if (!session) throw new DomainError('unauthenticated', 'Sign in first');
  return { kind: 'session', tokenHash: hash, expiresAt: new Date(session.expires_at) };
}

/** False once the session was signed out, expired or revoked, or the device revoked, by any instance (they share the database). */
export async function stillAuthenticated(deps: Pick<AppDeps, 'store' | 'now'>, c: Credentials): Promise<boolean> {
  if (c.kind === 'session') return (await sessionStaff(deps.store.db, c.tokenHash, deps.now())) !== undefined;
  const device = await deviceByTokenHash(deps.store.db, c.tokenHash);
  return device !== undefined && device.id === c.deviceId && !device.revoked_at;
}
