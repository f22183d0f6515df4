/** The kiosk the sync layer's tests run as (tests only). */
import type { DeviceMe } from '../../../shared/protocol/auth.ts';

export function testKiosk(over: Partial<DeviceMe> = {}): DeviceMe {
  return {
    deviceId: '0190a0b0-0000-7000-8000-000000000001',
    kind: 'kiosk',
    name: 'Lobby kiosk 1',
    letter: 'A',
    lastSeq: 0,
    lastTicketToday: 0,
    serviceDay: '2026-03-14',
    property: { id: '0190a0b0-0000-7000-8000-0000000000aa', name: 'Harbour Hotel', timeZone: 'Asia/Shanghai' },
    serverTime: '2026-03-14T02:00:00.000Z',
    ...over,
  };
}
