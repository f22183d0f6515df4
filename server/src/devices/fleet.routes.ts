import { DeviceIdParams, DeviceList, DeviceRevoked, HeartbeatBody, HeartbeatResponse } from '../../../shared/protocol/devices.ts';
import { SUPERVISORS } from '../auth/principal.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { saveHeartbeat } from './fleet.repo.ts';
import { listDevices, revokeDevice } from './fleet.service.ts';

/** Kiosks and displays: health reports from devices; the list and revocation for supervisors and managers. */
export const fleetRoutes = [
  route({
    method: 'POST',
    url: '/api/devices/heartbeat',
    access: ['kiosk', 'wall'],
    tags: ['Devices'],
    summary: 'Report device health (every minute)',
    body: HeartbeatBody,
    response: HeartbeatResponse,
    async handler({ who, deps, body }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Devices only');
      const now = deps.now();
      await saveHeartbeat(deps.store.db, who.deviceId, body, now);
      return { ok: true, serverTime: now.toISOString() };
    },
  }),
  route({
    method: 'GET',
    url: '/api/devices',
    access: SUPERVISORS,
    tags: ['Devices'],
    summary: 'Kiosks and wall displays with their last health report',
    response: DeviceList,
    async handler({ who, deps }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      return listDevices(deps.store, who.propertyId, deps.now());
    },
  }),
  route({
    method: 'POST',
    url: '/api/devices/:id/revoke',
    access: SUPERVISORS,
    tags: ['Devices'],
    summary: 'Revoke a device',
    description: 'Its token stops working at once and its live streams end; revoking again answers the first revocation time.',
    params: DeviceIdParams,
    response: DeviceRevoked,
    async handler({ req, who, deps, params: { id } }) {
      if (who.kind !== 'staff') throw new DomainError('forbidden', 'Staff only');
      const res = await revokeDevice(deps.store, who, id, deps.now());
      req.log.info({ staffId: who.staffId, deviceId: id }, 'device revoked');
      return res;
    },
  }),
];
