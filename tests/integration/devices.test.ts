/**
 * Kiosks and displays: heartbeats stored and listed, who may list and
 * revoke, and a revoked device refused at once (push, pull, live).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceList } from '../../shared/protocol/devices.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, openSse, pairDevice } from './helpers.ts';

let server: TestServer;
let supervisor: TestClient;
let manager: TestClient;
let agent: TestClient;

const heartbeat = {
  appVersion: '0.1.0',
  outboxDepth: 3,
  rejectedCount: 1,
  storagePersisted: true,
  storageUsage: 1_234_567,
  storageQuota: 5_000_000_000,
  lastSyncAt: '2026-11-22T08:00:00.000Z',
};

beforeAll(async () => {
  server = await startTestServer({ static: false });
  supervisor = await new TestClient(server.url).login('super1', '2222');
  manager = await new TestClient(server.url).login('manager1', '3333');
  agent = await new TestClient(server.url).login('agent1', '1111');
});
afterAll(async () => {
  await server?.stop(true);
});

async function list(client: TestClient) {
  const r = await client.get('/api/devices');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return DeviceList.parse(r.body).devices;
}

describe('heartbeat', () => {
  it('stores a kiosk heartbeat on its row and shows it in the supervisor list', async () => {
    const kiosk = new TestClient(server.url, server.demo!.kioskToken);
    const r = await kiosk.post('/api/devices/heartbeat', heartbeat);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const a = (await list(supervisor)).find((d) => d.name === 'Lobby kiosk A')!;
    expect(a).toMatchObject({ kind: 'kiosk', letter: 'A', revokedAt: null, serverRejected: 0 });
    expect(a.health).toMatchObject(heartbeat);
    expect(Date.now() - new Date(a.health!.at).getTime()).toBeLessThan(10_000);
    expect(Date.now() - new Date(a.lastSeenAt!).getTime()).toBeLessThan(10_000);
  });

  it('accepts a wall heartbeat with unknown storage, and lists devices without one as health null', async () => {
    const wall = new TestClient(server.url, server.demo!.wallToken);
    const r = await wall.post('/api/devices/heartbeat', { ...heartbeat, storagePersisted: null, storageUsage: null, storageQuota: null, lastSyncAt: null });
    expect(r.status).toBe(200);
    const fresh = await pairDevice(server.url, supervisor, 'kiosk', 'Spa kiosk');
    const devices = await list(manager);
    expect(devices.find((d) => d.kind === 'wall')!.health).toMatchObject({ storagePersisted: null, storageQuota: null, lastSyncAt: null });
    expect(devices.find((d) => d.id === fresh.deviceId)!.health).toBeNull();
    // Staff tablets are not paired devices and are not listed.
    expect(devices.every((d) => d.kind === 'kiosk' || d.kind === 'wall')).toBe(true);
  });

  it('refuses a malformed heartbeat with 400 and staff heartbeats with 403', async () => {
    const kiosk = new TestClient(server.url, server.demo!.kioskToken);
    expect((await kiosk.post('/api/devices/heartbeat', { ...heartbeat, outboxDepth: -1 })).status).toBe(400);
    expect((await supervisor.post('/api/devices/heartbeat', heartbeat)).status).toBe(403);
  });
});

describe('list', () => {
  it('counts the commands the server rejected for each device', async () => {
    const { token, deviceId } = await pairDevice(server.url, supervisor, 'kiosk', 'Rejecting kiosk');
    const k = await new KioskDriver(server.url, token).init();
    const ticket = k.ticket();
    const first = k.create({ ticket });
    const taken = k.create({ ticket });
    const r = await k.push([first, taken]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'rejected']);
    expect((await list(supervisor)).find((d) => d.id === deviceId)!.serverRejected).toBe(1);
  });

  it('answers agents, kiosks and walls with 403 on list and revoke', async () => {
    const target = (await list(supervisor)).find((d) => d.name === 'Spa kiosk')!;
    for (const client of [agent, new TestClient(server.url, server.demo!.kioskToken), new TestClient(server.url, server.demo!.wallToken)]) {
      const l = await client.get('/api/devices');
      expect(l.status).toBe(403);
      expect(l.body.error.code).toBe('forbidden');
      const r = await client.post(`/api/devices/${target.id}/revoke`, {});
      expect(r.status).toBe(403);
    }
    expect((await list(supervisor)).find((d) => d.id === target.id)!.revokedAt).toBeNull();
  });

  it('lists only the devices of the staff member’s property', async () => {
    const other = await otherPropertyKiosk();
    expect((await list(supervisor)).map((d) => d.id)).not.toContain(other);
  });
});

/** A kiosk at a second property, made directly in the tables. */
async function otherPropertyKiosk(): Promise<string> {
  const db = server.store.db;
  const propertyId = crypto.randomUUID();
  const deviceId = crypto.randomUUID();
  await db.insertInto('properties').values({ id: propertyId, name: 'Other Hotel', time_zone: 'UTC' }).execute();
  await db.insertInto('devices').values({ id: deviceId, property_id: propertyId, kind: 'kiosk', name: 'Elsewhere', letter: 'A', token_hash: null }).execute();
  return deviceId;
}

describe('revoke', () => {
  it('refuses the kiosk’s push, pull and live stream with 401 device_revoked at once, and records who revoked it', async () => {
    const { token, deviceId } = await pairDevice(server.url, supervisor, 'kiosk', 'Soon revoked');
    const k = await new KioskDriver(server.url, token).init();
    expect((await k.push([k.create()])).status).toBe(200);
    expect((await k.client.get('/api/sync/pull?after=0')).status).toBe(200);
    const live = await openSse(`${server.url}/api/sync/live`, { authorization: `Bearer ${token}` });
    expect(live.status).toBe(200);
    await live.waitFor(() => true);
    const before = await server.store.db.selectFrom('service_requests').select('id').where('device_id', '=', deviceId).execute();

    const r = await supervisor.post(`/api/devices/${deviceId}/revoke`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.id).toBe(deviceId);

    const push = await k.push([k.create()]);
    expect(push.status).toBe(401);
    expect(push.body.error.code).toBe('device_revoked');
    const pull = await k.client.get('/api/sync/pull?after=0');
    expect(pull.status).toBe(401);
    expect(pull.body.error.code).toBe('device_revoked');
    expect((await k.client.post('/api/devices/heartbeat', heartbeat)).status).toBe(401);
    const again = await openSse(`${server.url}/api/sync/live`, { authorization: `Bearer ${token}` });
    expect(again.status).toBe(401);
    again.close();
    live.close();

    const after = await server.store.db.selectFrom('service_requests').select('id').where('device_id', '=', deviceId).execute();
    expect(after).toHaveLength(before.length);
    const listed = (await list(supervisor)).find((d) => d.id === deviceId)!;
    expect(listed.revokedAt).toBe(r.body.revokedAt);
    const audit = await server.store.db.selectFrom('audit_log').selectAll().where('subject_id', '=', deviceId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'device.revoked', staff_id: 'super1' });
  });

  it('ends the revoked device’s open live stream', async () => {
    const { token, deviceId } = await pairDevice(server.url, supervisor, 'wall', 'Bar wall');
    const res = await fetch(`${server.url}/api/sync/live`, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } });
    expect(res.status).toBe(200);
    const body = res.body!.getReader();
    await body.read();
    expect((await manager.post(`/api/devices/${deviceId}/revoke`, {})).status).toBe(200);
    for (;;) {
      const { done } = await body.read();
      if (done) break;
    }
  });

  it('is idempotent: revoking twice keeps the first time and one audit row', async () => {
    const { deviceId } = await pairDevice(server.url, supervisor, 'kiosk', 'Twice');
    const first = await manager.post(`/api/devices/${deviceId}/revoke`, {});
    const second = await supervisor.post(`/api/devices/${deviceId}/revoke`, {});
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    expect(await server.store.db.selectFrom('audit_log').select('id').where('subject_id', '=', deviceId).execute()).toHaveLength(1);
  });

  it('answers 404 for a device of another property, an unknown id, and 400 for a malformed id', async () => {
    const other = await otherPropertyKiosk();
    const r = await supervisor.post(`/api/devices/${other}/revoke`, {});
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    const row = await server.store.db.selectFrom('devices').select('revoked_at').where('id', '=', other).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
    expect((await supervisor.post(`/api/devices/${crypto.randomUUID()}/revoke`, {})).status).toBe(404);
    expect((await supervisor.post('/api/devices/not-a-uuid/revoke', {})).status).toBe(400);
  });
});
