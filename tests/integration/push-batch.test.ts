/**
 * Set-based push (server/src/sync/push.service.ts): a run of tickets applies with one query for
 * known commands, one for taken numbers, multi-row inserts and one version bump; a refusal in the
 * run sends the batch down the savepoint path, where only that command is rejected. Every
 * guarantee of the one-by-one path holds: exactly once, gap-free versions, rejected still advances,
 * the webhook outbox in order. Runs on embedded PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponse } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, pairDevice } from './helpers.ts';

const backends = serverBackends('ld_push_batch');

describe.each(backends)('set-based push on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  const db = () => server.store.db;
  const versionsOf = async (requestIds: string[]) =>
    (await db().selectFrom('events').select(['version', 'entity_id']).where('entity_id', 'in', requestIds).orderBy('version').execute()).map((r) => [r.entity_id, Number(r.version)] as const);

  describe.skipIf(backend.skip)('a run of tickets', () => {
    it('applies a full batch of 100 with consecutive versions, one event, one answer and one request each', async () => {
      const batch = Array.from({ length: 100 }, () => kiosk.create());
      const res = await kiosk.push(batch);
      expect(res.status).toBe(200);
      const body = PushResponse.parse(res.body);
      expect(body.outcomes.every((o) => o.outcome === 'applied')).toBe(true);
      expect(body.lastSeq).toBe(batch[99]!.seq);
      const ids = batch.map((c) => c.payload.requestId);
      const versions = await versionsOf(ids);
      // In the batch's order, without gaps.
      expect(versions.map(([id]) => id)).toEqual(ids);
      expect(versions.map(([, v]) => v - versions[0]![1])).toEqual(ids.map((_, i) => i));
      const answers = await db().selectFrom('commands').select(['command_id', 'outcome']).where('command_id', 'in', batch.map((c) => c.id)).execute();
      expect(answers).toHaveLength(100);
      const rows = await db().selectFrom('service_requests').select(['id', 'ticket', 'guest_name']).where('id', 'in', ids).execute();
      expect(rows).toHaveLength(100);
      expect(new Set(rows.map((r) => r.ticket))).toEqual(new Set(batch.map((c) => c.payload.ticket)));
    });

    it('rejects only the refused ticket (taken, or twice in the batch), applies the rest behind it, and answers a retry the same', async () => {
      const earlier = kiosk.create();
      expect((await kiosk.push([earlier])).status).toBe(200);
      const first = kiosk.create();
      const taken = kiosk.create({ ticket: earlier.payload.ticket });
      const third = kiosk.create();
      const twice = kiosk.create({ ticket: third.payload.ticket });
      const rating = kiosk.feedback({ requestId: first.payload.requestId, rating: 4 });
      const batch = [first, taken, third, twice, rating];
      const res = await kiosk.push(batch);
      expect(res.status).toBe(200);
      const body = PushResponse.parse(res.body);
      expect(body.outcomes.map((o) => o.outcome)).toEqual(['applied', 'rejected', 'applied', 'rejected', 'applied']);
      expect(body.outcomes[1]).toMatchObject({ error: { code: 'ticket_taken' } });
      expect(body.outcomes[3]).toMatchObject({ error: { code: 'ticket_taken' } });
      expect(body.lastSeq).toBe(rating.seq);
      // Nothing of the refused ones was written; the others' versions follow each other.
      expect(await db().selectFrom('service_requests').select('id').where('id', 'in', [taken.payload.requestId, twice.payload.requestId]).execute()).toEqual([]);
      const versions = await versionsOf([first.payload.requestId, third.payload.requestId]);
      expect(versions.map(([id]) => id)).toEqual([first.payload.requestId, third.payload.requestId]);
      expect(versions[1]![1] - versions[0]![1]).toBe(1);

      const again = PushResponse.parse((await kiosk.push(batch)).body);
      expect(again.outcomes.map((o) => o.outcome)).toEqual(['duplicate', 'rejected', 'duplicate', 'rejected', 'duplicate']);
      expect(again.lastSeq).toBe(body.lastSeq);
    });

    it('queues a subscribed webhook for every ticket of a run, in the order of the run, with guest fields only where ticked', async () => {
      const manager = await new TestClient(server.url).login('manager1', '3333');
      const made = await manager.post('/api/settings/webhooks', { url: 'http://127.0.0.1:9/hook', description: 'batch order', eventTypes: ['request.created'], guestFields: ['room'] });
      expect(made.status).toBe(200);
      const endpointId = made.body.endpoint.id as string;
      const batch = Array.from({ length: 6 }, () => kiosk.create());
      expect((await kiosk.push(batch)).status).toBe(200);
      const rows = await db().selectFrom('webhook_deliveries').select(['entity_id', 'payload']).where('endpoint_id', '=', endpointId).orderBy('seq').execute();
      expect(rows.map((r) => r.entity_id)).toEqual(batch.map((c) => c.payload.requestId));
      const data = rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload).data as Record<string, unknown>);
      expect(data.map((d) => d.ticket)).toEqual(batch.map((c) => c.payload.ticket));
      expect(data.every((d) => d.room === '1208' && !('guestName' in d) && !('note' in d))).toBe(true);
      expect((await manager.post(`/api/settings/webhooks/${endpointId}`, { active: false })).status).toBe(200);
    });

    it('keeps versions gap-free and every ticket once while kiosks push runs at the same time', async () => {
      const supervisor = await new TestClient(server.url).login('super1', '2222');
      const others: KioskDriver[] = [];
      for (let i = 0; i < 3; i++) others.push(await new KioskDriver(server.url, (await pairDevice(server.url, supervisor, 'kiosk', `Batch kiosk ${i}`)).token).init());
      const drivers = [kiosk, ...others];
      const before = Number((await db().selectFrom('properties').select('version').executeTakeFirstOrThrow()).version);
      const batches = drivers.map((k) => [Array.from({ length: 40 }, () => k.create()), Array.from({ length: 40 }, () => k.create())]);
      await Promise.all(
        drivers.map(async (k, i) => {
          for (const b of batches[i]!) expect((await k.push(b)).status).toBe(200);
        }),
      );
      const after = Number((await db().selectFrom('properties').select('version').executeTakeFirstOrThrow()).version);
      const events = await db().selectFrom('events').select('version').where('version', '>', before).orderBy('version').execute();
      expect(after - before).toBe(drivers.length * 80);
      expect(events.map((e) => Number(e.version))).toEqual(Array.from({ length: after - before }, (_, i) => before + 1 + i));
    });
  });
});
