/**
 * During a rolling deploy of several instances, a newer version may append an event type this
 * one does not know. Every audience's pull skips it (logging it), the cursor moves past it, and
 * the events around it are delivered: one unknown row never makes a pull answer 500.
 * The same holds for a row of a known type whose data this version cannot read.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskPull, StaffPull, WallPull } from '../../shared/protocol/sync.ts';
import { freshDatabase, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver } from './helpers.ts';

const stores = [{ name: 'PGlite', pg: false }, ...(TEST_DATABASE_URL ? [{ name: 'PostgreSQL', pg: true }] : [])];

describe.each(stores)('pull past events this version cannot read ($name)', ({ pg }) => {
  let server: TestServer;
  let dropDb: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const db = pg ? await freshDatabase('unknown_event') : null;
    dropDb = db?.drop;
    server = await startTestServer({ static: false, databaseUrl: db?.url });
  });
  afterAll(async () => {
    await server?.stop(true);
    await dropDb?.();
  });

  /** Appends a raw event row the way a newer version would (the property version bumped in the same transaction). */
  async function appendRaw(type: string, data: unknown, subjectDeviceId: string | null): Promise<number> {
    return server.store.tx(async (trx) => {
      const propertyId = (await trx.selectFrom('properties').select('id').executeTakeFirstOrThrow()).id;
      const { version } = await trx.updateTable('properties').set({ version: sql`version + 1` }).where('id', '=', propertyId).returning('version').executeTakeFirstOrThrow();
      await trx
        .insertInto('events')
        .values({ property_id: propertyId, version, type, entity_id: '00000000-0000-7000-8000-000000000000', subject_device_id: subjectDeviceId, actor_staff_id: null, origin_device_id: null, data: JSON.stringify(data) })
        .execute();
      return version;
    });
  }

  it('skips an unknown type and an unreadable row for staff, wall and kiosk, delivers the rest, and moves the cursor past them', async () => {
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    const staff = await new TestClient(server.url).login('agent1', '1111');
    const wall = new TestClient(server.url, server.demo!.wallToken);
    const start = (await staff.get('/api/sync/pull?after=0')).body.version as number;

    const future = await appendRaw('future.upserted', { anything: ['from', 'a', 'newer', 'version'] }, kiosk.me.deviceId);
    const unreadable = await appendRaw('request.upserted', { id: 'not a request' }, kiosk.me.deviceId);
    const cmd = kiosk.create();
    expect((await kiosk.push([cmd])).status).toBe(200);

    const staffPull = await staff.get(`/api/sync/pull?after=${start}`);
    expect(staffPull.status).toBe(200);
    const s = StaffPull.parse(staffPull.body);
    expect(s.events.map((e) => e.type)).toEqual(['request.upserted']);
    expect(s.version).toBeGreaterThan(unreadable);

    const wallPull = await wall.get(`/api/sync/pull?after=${start}`);
    expect(wallPull.status).toBe(200);
    const w = WallPull.parse(wallPull.body);
    expect(w.events.filter((e) => e.type === 'request.upserted')).toHaveLength(1);
    expect(w.version).toBe(s.version);

    const kioskPull = await kiosk.client.get(`/api/sync/pull?after=${start}`);
    expect(kioskPull.status).toBe(200);
    const k = KioskPull.parse(kioskPull.body);
    expect(k.events.map((e) => (e.type === 'request.upserted' ? e.request.id : null))).toEqual([cmd.payload.requestId]);
    expect(k.version).toBe(s.version);

    // Pulling again from the cursor it was given finds nothing: the skipped rows are behind it.
    for (const [who, version] of [[staff, s.version], [wall, w.version], [kiosk.client, k.version]] as const) {
      const again = await who.get(`/api/sync/pull?after=${version}`);
      expect(again.status).toBe(200);
      expect(again.body.events).toEqual([]);
    }
    expect(future).toBeLessThan(unreadable);
  });
});
