import { v7 as uuidv7 } from 'uuid';
import { DeviceMe, PairBody, PairingCodeBody, PairingCodeResponse, PairResponse } from '../../../shared/protocol/auth.ts';
import { serviceDayOf } from '../../../shared/domain/ticket.ts';
import { SUPERVISORS } from '../auth/principal.ts';
import { newPairingCode, newToken, tokenHash } from '../auth/secrets.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { lastComplaintNo } from '../issues/issues.repo.ts';
import { lastTicketCounter } from '../requests/requests.repo.ts';
import { propertyById } from '../staff/staff.repo.ts';
import type { Db } from '../store/store.ts';
import { deviceById, insertDevice, insertPairingCode, lockPairingCode, markPairingCodeUsed, nextKioskLetter } from './devices.repo.ts';

const PAIRING_MINUTES = 15;

export async function deviceMe(db: Db, deviceId: string, now: Date): Promise<DeviceMe> {
  const d = await deviceById(db, deviceId);
  if (!d) throw new DomainError('not_found', 'Unknown device');
  const property = await propertyById(db, d.property_id);
  const serviceDay = serviceDayOf(now, property.timeZone);
  return DeviceMe.parse({
    deviceId: d.id,
    kind: d.kind,
    name: d.name,
    letter: d.letter,
    lastSeq: d.last_seq,
    lastTicketToday: await lastTicketCounter(db, d.id, serviceDay),
    lastComplaintNo: d.letter ? await lastComplaintNo(db, d.property_id, d.letter) : 0,
    serviceDay,
    property,
    serverTime: now.toISOString(),
  });
}

export const deviceRoutes = [
  route({
    method: 'POST',
    url: '/api/devices/pairing-codes',
    access: SUPERVISORS,
    tags: ['Devices'],
    summary: 'Create a pairing code for a kiosk or wall display',
    description: 'The code is shown once and is valid for 15 minutes; the device exchanges it at `POST /api/devices/pair`.',
    body: PairingCodeBody,
    response: PairingCodeResponse,
    async handler({ req, deps, who, body }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      const code = newPairingCode();
      const expiresAt = new Date(deps.now().getTime() + PAIRING_MINUTES * 60_000);
      await insertPairingCode(deps.store.db, { codeHash: tokenHash(code), propertyId: who.propertyId, kind: body.kind, name: body.name, createdBy: who.staffId, expiresAt });
      req.log.info({ staffId: who.staffId, kind: body.kind }, 'pairing code created');
      return { code, expiresAt: expiresAt.toISOString() };
    },
  }),
  route({
    method: 'POST',
    url: '/api/devices/pair',
    access: 'public',
    rateLimitPerMinute: 10,
    tags: ['Devices'],
    summary: 'Pair a device with a pairing code',
    description:
      'Answers the device bearer token (shown once: the device keeps it and sends `Authorization: Bearer <token>` from then on) and what the device is. An unknown, used or expired code: 400 `pairing_code_invalid`.',
    body: PairBody,
    response: PairResponse,
    async handler({ req, deps, body: { code } }) {
      const token = newToken();
      const deviceId = uuidv7();
      await deps.store.tx(async (trx) => {
        const pc = await lockPairingCode(trx, tokenHash(code));
        if (!pc || pc.used_at || new Date(pc.expires_at) < deps.now()) throw new DomainError('pairing_code_invalid', 'This pairing code is unknown, used or expired; ask staff for a new one');
        const letter = pc.kind === 'kiosk' ? await nextKioskLetter(trx, pc.property_id, deps.now()) : null;
        await insertDevice(trx, { id: deviceId, propertyId: pc.property_id, kind: pc.kind as 'kiosk' | 'wall', name: pc.name, letter, tokenHash: tokenHash(token) });
        await markPairingCodeUsed(trx, pc.code_hash, deviceId, deps.now());
      });
      req.log.info({ deviceId }, 'device paired');
      return PairResponse.parse({ token, me: await deviceMe(deps.store.db, deviceId, deps.now()) });
    },
  }),
  route({
    method: 'GET',
    url: '/api/devices/me',
    access: ['kiosk', 'wall'],
    tags: ['Devices'],
    summary: 'What the calling device is',
    description: "Its id, kind, name, ticket letter, last command number, today's counters, the property and the server's clock.",
    response: DeviceMe,
    async handler({ who, deps }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Devices only');
      return deviceMe(deps.store.db, who.deviceId, deps.now());
    },
  }),
];
