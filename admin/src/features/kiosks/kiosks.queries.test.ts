import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../../../shared/protocol/devices.ts';
import { deviceState, formatBytes, outboxStuck, sortDevices, storageAlert } from './kiosks.queries.ts';

const NOW = Date.parse('2026-11-22T10:00:00Z');
function device(o: Partial<DeviceSummary> = {}): DeviceSummary {
  return {
    id: '0190f0a0-0000-7000-8000-000000000001',
    kind: 'kiosk',
    name: 'Lobby kiosk A',
    letter: 'A',
    createdAt: '2026-11-01T00:00:00Z',
    lastSeenAt: '2026-11-22T09:59:30Z',
    lastSeq: 4,
    revokedAt: null,
    health: null,
    serverRejected: 0,
    ...o,
  };
}
const health = (o: Partial<NonNullable<DeviceSummary['health']>> = {}) => ({
  at: '2026-11-22T09:59:30Z',
  appVersion: '0.1.0',
  outboxDepth: 0,
  rejectedCount: 0,
  storagePersisted: true,
  storageUsage: 1000,
  storageQuota: 2000,
  lastSyncAt: '2026-11-22T09:59:00Z',
  storageError: null,
  storageErrorAt: null,
  ...o,
});

describe('deviceState', () => {
  it('calls a device seen within two and a half minutes live', () => {
    expect(deviceState(device(), NOW)).toEqual({ kind: 'live' });
  });
  it('gives how long ago a quiet device was seen', () => {
    expect(deviceState(device({ lastSeenAt: '2026-11-22T09:50:00Z' }), NOW)).toEqual({ kind: 'seen', agoMs: 600_000 });
  });
  it('says never for a device that never connected, and revoked above all', () => {
    expect(deviceState(device({ lastSeenAt: null }), NOW)).toEqual({ kind: 'never' });
    expect(deviceState(device({ revokedAt: '2026-11-22T09:00:00Z' }), NOW).kind).toBe('revoked');
  });
});

describe('outboxStuck', () => {
  it('is false for an empty outbox or no report', () => {
    expect(outboxStuck(device())).toBe(false);
    expect(outboxStuck(device({ health: health() }))).toBe(false);
  });
  it('flags waiting commands with no delivery for five minutes, or none ever', () => {
    expect(outboxStuck(device({ health: health({ outboxDepth: 2, lastSyncAt: '2026-11-22T09:58:00Z' }) }))).toBe(false);
    expect(outboxStuck(device({ health: health({ outboxDepth: 2, lastSyncAt: '2026-11-22T09:40:00Z' }) }))).toBe(true);
    expect(outboxStuck(device({ health: health({ outboxDepth: 1, lastSyncAt: null }) }))).toBe(true);
  });
});

describe('storageAlert', () => {
  it('is null without a report or while the storage works', () => {
    expect(storageAlert(device())).toBeNull();
    expect(storageAlert(device({ health: health() }))).toBeNull();
  });
  it('gives the kind and since when the device cannot write, but not for a revoked device', () => {
    const full = health({ storageError: 'quota', storageErrorAt: '2026-11-22T09:41:00Z' });
    expect(storageAlert(device({ health: full }))).toEqual({ kind: 'quota', since: '2026-11-22T09:41:00Z' });
    expect(storageAlert(device({ health: health({ storageError: 'failed', storageErrorAt: null }) }))).toEqual({ kind: 'failed', since: null });
    expect(storageAlert(device({ health: full, revokedAt: '2026-11-22T09:50:00Z' }))).toBeNull();
  });
});

describe('formatBytes', () => {
  it('shows sizes in decimal units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(850_000)).toBe('850 KB');
    expect(formatBytes(1_234_567)).toBe('1.2 MB');
    expect(formatBytes(5_000_000_000)).toBe('5 GB');
  });
});

describe('sortDevices', () => {
  it('puts revoked devices last, kiosks before walls', () => {
    const list = [device({ id: '3', revokedAt: '2026-11-22T09:00:00Z', name: 'Old' }), device({ id: '2', kind: 'wall', name: 'Wall' }), device({ id: '1', name: 'Z kiosk' })];
    expect(sortDevices(list).map((d) => d.id)).toEqual(['1', '2', '3']);
  });
});
