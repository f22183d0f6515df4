import { describe, expect, it } from 'vitest';
import { HeartbeatBody } from '../protocol/devices.ts';
import { appVersion, heartbeatBody, storageFacts } from './heartbeat.ts';

describe('storageFacts', () => {
  it('reads persisted() and estimate() from the storage manager', async () => {
    const storage = { persisted: async () => true, estimate: async () => ({ usage: 1200, quota: 5e9 }) } as unknown as StorageManager;
    expect(await storageFacts(storage)).toEqual({ storagePersisted: true, storageUsage: 1200, storageQuota: 5e9 });
  });

  it('answers nulls when the browser has no storage manager or its calls fail', async () => {
    expect(await storageFacts(undefined)).toEqual({ storagePersisted: null, storageUsage: null, storageQuota: null });
    const failing = { persisted: () => Promise.reject(new Error('no')), estimate: () => Promise.reject(new Error('no')) } as unknown as StorageManager;
    expect(await storageFacts(failing)).toEqual({ storagePersisted: null, storageUsage: null, storageQuota: null });
  });
});

describe('heartbeatBody', () => {
  it('builds a body the server schema accepts, with the dev version outside a Vite build', async () => {
    const body = await heartbeatBody(async () => ({ outboxDepth: 2, rejectedCount: 0, lastSyncAt: null }));
    expect(HeartbeatBody.parse(body)).toEqual(body);
    expect(body).toMatchObject({ appVersion: 'dev', outboxDepth: 2, rejectedCount: 0, lastSyncAt: null });
    expect(appVersion()).toBe('dev');
  });
});
