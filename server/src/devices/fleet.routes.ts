import { DeviceIdParams, HeartbeatBody } from '../../../shared/protocol/devices.ts';
import { SUPERVISORS } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { parse, route } from '../http/route.ts';
import { saveHeartbeat } from './fleet.repo.ts';
import { listDevices, revokeDevice } from './fleet.service.ts';

/** Kiosks and displays: health reports from devices; the list and revocation for supervisors and managers. */
export const fleetRoutes = [
  route({
    method: 'POST',
    url: '/api/devices/heartbeat',
    access: ['kiosk', 'wall'],
    async handler({ req, who, deps }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Devices only');
      const body = parse(HeartbeatBody, req.body);
      const now = deps.now();
      await saveHeartbeat(deps.store.db, who.deviceId, body, now);
      return { ok: true, serverTime: now.toISOString() };
    },
  }),
  route({
    method: 'GET',
    url: '/api/devices',
    access: SUPERVISORS,
    async handler({ who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return listDevices(deps.store, who.propertyId, deps.now());
    },
  }),
  route({
    method: 'POST',
    url: '/api/devices/:id/revoke',
    access: SUPERVISORS,
    async handler({ req, who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      const { id } = parse(DeviceIdParams, req.params);
      const res = await revokeDevice(deps.store, who, id, deps.now());
      req.log.info({ staffId: who.staffId, deviceId: id }, 'device revoked');
      return res;
    },
  }),
];
