/**
 * States no event announces reach webhooks through the sweep (server/src/webhooks/sweep.ts):
 * a luggage item past its expected pick-up (`luggage.overdue`), a kiosk not heard from
 * (`kiosk.offline`), a kiosk's storage nearly full (`kiosk.storage_full`). Each is queued once
 * per transition: again only after the state ended and began anew. Guest fields of an overdue
 * item travel only where ticked. Runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { WebhookPayload } from '../../shared/protocol/webhooks.ts';
import type { ServerOptions } from '../../server/src/server.ts';
import { KIOSK_OFFLINE_AFTER_MS, sweepStates } from '../../server/src/webhooks/sweep.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';
import { eventually, KioskDriver } from './helpers.ts';

/** The worker's own sweep runs once at start and then not for a day: this test sweeps by hand. */
const OPTIONS: ServerOptions = { webhooks: { pollMs: 50, sweepMs: 24 * 60 * 60_000 } };

const backends = [
  {
    name: 'PGlite',
    skip: false,
    async start() {
      const server = await startTestServer({ static: false, options: OPTIONS });
      return { server, dispose: () => server.stop(true) };
    },
  },
  {
    name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${PG_SKIP_REASON})`,
    skip: !TEST_DATABASE_URL,
    async start() {
      const db = await freshDatabase('ld_webhooks_sweep');
      const server = await startTestServer({ databaseUrl: db.url, static: false, options: OPTIONS });
      return {
        server,
        async dispose() {
          await server.stop(true);
          await db.drop();
        },
      };
    },
  },
];

describe.each(backends)('webhook sweep on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let receiver: Receiver;
  let kioskId: string;
  let propertyId: string;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    receiver = await startReceiver();
    const manager = await new TestClient(server.url).login('manager1', '3333');
    const r = await manager.post('/api/settings/webhooks', { url: receiver.url, description: 'Bell desk', eventTypes: ['luggage.overdue', 'kiosk.offline', 'kiosk.storage_full'], guestFields: ['room'] });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    kioskId = kiosk.me.deviceId;
    propertyId = (await server.store.db.selectFrom('devices').select('property_id').where('id', '=', kioskId).executeTakeFirstOrThrow()).property_id;
  }, 60_000);
  afterAll(async () => {
    await receiver?.close();
    if (!backend.skip) await dispose?.();
  });

  const got = (type: string) => receiver.received.map((x) => WebhookPayload.parse(JSON.parse(x.body))).filter((p) => p.type === type);
  const setKiosk = (values: { last_seen_at?: Date; storage_usage?: number; storage_quota?: number; storage_error?: 'quota' | null }) => server.store.db.updateTable('devices').set(values).where('id', '=', kioskId).execute();

  it.skipIf(backend.skip)('announces a kiosk going offline once per time it goes offline', async () => {
    const long = new Date(Date.now() - KIOSK_OFFLINE_AFTER_MS - 60_000);
    await setKiosk({ last_seen_at: long });
    expect(await sweepStates(server.store, new Date())).toBe(1);
    expect(await sweepStates(server.store, new Date())).toBe(0);
    const [offline] = await eventually(async () => got('kiosk.offline').length === 1 && got('kiosk.offline'));
    expect(offline!.data).toMatchObject({ id: kioskId, kind: 'kiosk', lastSeenAt: long.toISOString() });
    await setKiosk({ last_seen_at: new Date() }); // back
    expect(await sweepStates(server.store, new Date())).toBe(0);
    await setKiosk({ last_seen_at: long }); // gone again
    expect(await sweepStates(server.store, new Date())).toBe(1);
    await eventually(async () => got('kiosk.offline').length === 2);
    await setKiosk({ last_seen_at: new Date() });
  });

  it.skipIf(backend.skip)('announces a kiosk whose storage is full once per time it fills', async () => {
    await setKiosk({ storage_usage: 95_000_000, storage_quota: 100_000_000, last_seen_at: new Date() });
    expect(await sweepStates(server.store, new Date())).toBe(1);
    expect(await sweepStates(server.store, new Date())).toBe(0);
    const [full] = await eventually(async () => got('kiosk.storage_full').length === 1 && got('kiosk.storage_full'));
    expect(full!.data).toMatchObject({ id: kioskId, storageUsage: 95_000_000, storageQuota: 100_000_000 });
    await setKiosk({ storage_usage: 1_000_000 });
    expect(await sweepStates(server.store, new Date())).toBe(0);
    // Writes refused for want of space is full too, whatever the estimate said.
    await setKiosk({ storage_error: 'quota' });
    expect(await sweepStates(server.store, new Date())).toBe(1);
    await eventually(async () => got('kiosk.storage_full').length === 2);
    expect(got('kiosk.storage_full')[1]!.data).toMatchObject({ storageError: 'quota' });
    await setKiosk({ storage_error: null });
    expect(await sweepStates(server.store, new Date())).toBe(0);
  });

  it.skipIf(backend.skip)('announces an overdue luggage item once, with only the ticked guest field', async () => {
    const id = uuidv7();
    const past = new Date(Date.now() - 60_000);
    await server.store.db
      .insertInto('luggage_items')
      .values({ id, property_id: propertyId, claim_code: 'K7PQ2MXR', ticket: 'A123', request_id: null, bags: 2, tags: ['T1', 'T2'], location: 'Shelf 3', guest_name: 'Li Wei', room: '1208', notes: 'Fragile', expected_pickup_at: past, status: 'stored', released_at: null, released_by: null, approved_by: null, lost_claim: null, created_at: past, updated_at: past, rev: 1 })
      .execute();
    expect(await sweepStates(server.store, new Date())).toBe(1);
    expect(await sweepStates(server.store, new Date())).toBe(0);
    const [overdue] = await eventually(async () => got('luggage.overdue').length === 1 && got('luggage.overdue'));
    expect(overdue!.data).toMatchObject({ id, ticket: 'A123', status: 'stored', bags: 2, room: '1208', expectedPickupAt: past.toISOString() });
    expect(overdue!.data).not.toHaveProperty('guestName');
    expect(overdue!.data).not.toHaveProperty('note');
    expect(JSON.stringify(overdue)).not.toMatch(/Li Wei|Fragile|K7PQ/);
  });
});
