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
