import { describe, expect, it } from 'vitest';
import { HeartbeatBody } from '../protocol/devices.ts';
import { appVersion, heartbeatBody, startHeartbeat, storageFacts } from './heartbeat.ts';
import type { Api } from './http.ts';

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

  it('reports no storage error unless the device says so, and passes one on with its start', async () => {
    const plain = await heartbeatBody(async () => ({ outboxDepth: 0, rejectedCount: 0, lastSyncAt: null }));
    expect(plain).toMatchObject({ storageError: null, storageErrorAt: null });
    const full = await heartbeatBody(async () => ({ outboxDepth: 1, rejectedCount: 0, lastSyncAt: null, storageError: 'quota', storageErrorAt: '2026-03-14T02:00:00.000Z' }));
    expect(full).toMatchObject({ storageError: 'quota', storageErrorAt: '2026-03-14T02:00:00.000Z' });
  });
});

describe('startHeartbeat', () => {
  it('never sends two beats at once: a beat asked for meanwhile follows with fresh facts', async () => {
    const sent: number[] = [];
    let inFlight = 0;
    let most = 0;
    let depth = 0;
    const api = {
      post: async (_path: string, body: HeartbeatBody) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        sent.push(body.outboxDepth);
        inFlight -= 1;
        return { ok: true, serverTime: new Date().toISOString() };
      },
    } as unknown as Api;
    const heartbeat = startHeartbeat({ api, everyMs: 60_000, read: async () => ({ outboxDepth: depth, rejectedCount: 0, lastSyncAt: null }) });
    depth = 1;
    heartbeat.beatNow();
    depth = 2;
    heartbeat.beatNow();
    await new Promise((r) => setTimeout(r, 50));
    heartbeat();
    expect(most).toBe(1);
    expect(sent).toEqual([0, 2]); // the start beat, then one more carrying the latest facts
  });
});
