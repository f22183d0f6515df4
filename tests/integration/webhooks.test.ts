/**
 * Outgoing webhooks (`/api/settings/webhooks`, shared/protocol/webhooks.ts): a manager registers
 * endpoints; a ticket driven through the real push API reaches a real receiver as
 * request.created → called → completed, in order, each signed per Standard Webhooks (checked
 * with the `standardwebhooks` library). Guest fields travel only where ticked; a failing
 * receiver gets every event again with the same webhook-id; a rotated secret and the previous
 * one both verify for a day; a hanging receiver never slows a push; hostile bodies are a 400 and
 * only managers may call the routes. Runs on embedded PGlite, and on PostgreSQL when
 * TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WEBHOOK_ENDPOINTS_MAX, WebhookCreated, WebhookDelivery, WebhookEndpoint, WebhookPayload } from '../../shared/protocol/webhooks.ts';
import type { ServerOptions } from '../../server/src/server.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { startReceiver, type Receiver } from '../support/webhook-receiver.ts';
import { eventually, KioskDriver, StaffDriver } from './helpers.ts';

/** Retries in milliseconds and a quick poll, so a test waits for behaviour, not for the clock. */
const FAST: ServerOptions = { webhooks: { retry: { delaysMs: [50, 100, 200], giveUpAfterMs: 24 * 60 * 60_000 }, pollMs: 50, sweepMs: 60_000, timeoutMs: 3_000 } };

const backends = [
  {
    name: 'PGlite',
    skip: false,
    async start() {
      const server = await startTestServer({ static: false, options: FAST });
      return { server, dispose: () => server.stop(true) };
    },
  },
  {
    name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${PG_SKIP_REASON})`,
    skip: !TEST_DATABASE_URL,
    async start() {
      const db = await freshDatabase('ld_webhooks');
      const server = await startTestServer({ databaseUrl: db.url, static: false, options: FAST });
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

const headersOf = (r: { headers: Record<string, string | string[] | undefined> }) =>
  Object.fromEntries(Object.entries(r.headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
const payloadOf = (body: string) => WebhookPayload.parse(JSON.parse(body));
const ORDER = ['request.created', 'request.called', 'request.completed'];

describe.each(backends)('webhooks on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let manager: TestClient;
  let kiosk: KioskDriver;
  let desk: StaffDriver;
  const receivers: Receiver[] = [];

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    manager = await new TestClient(server.url).login('manager1', '3333');
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    desk = await new StaffDriver(server.url).login('agent1', '1111');
  }, 60_000);
  afterAll(async () => {
    for (const r of receivers) await r.close();
    if (!backend.skip) await dispose?.();
  });

  async function receiver(answer?: Parameters<typeof startReceiver>[0]) {
    const r = await startReceiver(answer);
    receivers.push(r);
    return r;
  }
  async function register(url: string, body: Record<string, unknown> = {}) {
    const r = await manager.post('/api/settings/webhooks', { url, description: 'Front office display', eventTypes: ORDER, ...body });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return WebhookCreated.parse(r.body);
  }
  /** A ticket taken at the kiosk, called and completed at the desk: its request id. */
  async function driveTicket(): Promise<string> {
    const create = kiosk.create();
    const id = create.payload.requestId;
    const steps = [() => kiosk.push([create]), () => desk.push([desk.transition(id, 'call', 'waiting')]), () => desk.push([desk.transition(id, 'complete', 'called')])];
    for (const step of steps) {
      const r = await step();
      expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
    }
    return id;
  }
  const about = (rec: Receiver, id: string) => rec.received.filter((x) => payloadOf(x.body).data.id === id);

  it.skipIf(backend.skip)('signs every delivery and sends created, called, completed in order, with guest fields only where ticked', async () => {
    const plain = await receiver();
    const ticked = await receiver();
    const a = await register(plain.url);
    const b = await register(ticked.url, { guestFields: ['guestName', 'room', 'note'] });
    expect(a.endpoint.guestFields).toEqual([]);

    const id = await driveTicket();
    await eventually(async () => about(plain, id).length >= 3 && about(ticked, id).length >= 3, 10_000);

    for (const [rec, secret] of [[plain, a.secret], [ticked, b.secret]] as const) {
      const got = about(rec, id);
      expect(got.map((x) => payloadOf(x.body).type)).toEqual(ORDER);
      for (const x of got) {
        expect(() => new Webhook(secret).verify(x.body, headersOf(x))).not.toThrow();
        expect(x.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/=]+$/);
      }
      expect(new Set(got.map((x) => x.headers['webhook-id'])).size).toBe(3);
    }
    const plainData = about(plain, id).map((x) => payloadOf(x.body).data);
    for (const d of plainData) {
      expect(Object.keys(d).filter((k) => ['guestName', 'room', 'note'].includes(k))).toEqual([]);
      expect(d).toMatchObject({ id, kind: 'call_staff' });
    }
    expect(plainData[2]).toMatchObject({ status: 'completed' });
    expect(about(plain, id).some((x) => /Li Wei|1208|taxi/i.test(x.body))).toBe(false);
    for (const x of about(ticked, id)) expect(payloadOf(x.body).data).toMatchObject({ guestName: 'Li Wei', room: '1208', note: 'Needs a taxi' });

    // The manager's view: endpoints without secrets, deliveries named by the webhook-id the receiver saw.
    const list = await manager.get('/api/settings/webhooks');
    expect(list.status).toBe(200);
    expect(WebhookEndpoint.array().parse(list.body).map((e) => e.id)).toEqual(expect.arrayContaining([a.endpoint.id, b.endpoint.id]));
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    expect(JSON.stringify(list.body)).not.toContain(a.secret.slice(6));
    const deliveries = WebhookDelivery.array().parse((await manager.get(`/api/settings/webhooks/${a.endpoint.id}/deliveries`)).body);
    const mine = deliveries.filter((d) => d.entityId === id);
    expect(mine.map((d) => d.eventType)).toEqual([...ORDER].reverse());
    expect(mine.every((d) => d.status === 'delivered' && d.attempts === 1 && d.lastResult === '204' && d.nextAttemptAt === null)).toBe(true);
    expect(new Set(mine.map((d) => d.id))).toEqual(new Set(about(plain, id).map((x) => x.headers['webhook-id'])));
    await manager.post(`/api/settings/webhooks/${a.endpoint.id}`, { active: false });
    await manager.post(`/api/settings/webhooks/${b.endpoint.id}`, { active: false });
  });

  it.skipIf(backend.skip)('retries a failing receiver until it answers: every event arrives, in order per ticket, with the same webhook-id', async () => {
    const flaky = await receiver((n) => (n < 5 ? 500 : 204));
    const { endpoint } = await register(flaky.url);
    const ids = [await driveTicket(), await driveTicket()];
    await eventually(async () => ids.every((id) => about(flaky, id).filter((x) => x.answered === 204).length === 3), 15_000);
    expect(flaky.received.filter((x) => x.answered === 500)).toHaveLength(5);
    for (const id of ids) {
      const got = about(flaky, id);
      const types = got.map((x) => ORDER.indexOf(payloadOf(x.body).type));
      // Never a later event before an earlier one was delivered: the types only move forward.
      expect(types).toEqual([...types].sort((p, q) => p - q));
      const delivered = got.filter((x) => x.answered === 204);
      expect(delivered.map((x) => payloadOf(x.body).type)).toEqual(ORDER);
      // A retry carries the same webhook-id (the receiver's idempotency key) and the same body.
      for (const failed of got.filter((x) => x.answered === 500)) {
        const again = delivered.find((x) => x.headers['webhook-id'] === failed.headers['webhook-id']);
        expect(again?.body).toBe(failed.body);
      }
    }
    const deliveries = WebhookDelivery.array().parse((await manager.get(`/api/settings/webhooks/${endpoint.id}/deliveries`)).body);
    expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
    expect(deliveries.reduce((n, d) => n + d.attempts, 0)).toBe(6 + 5);
    await manager.post(`/api/settings/webhooks/${endpoint.id}`, { active: false });
  });

  it.skipIf(backend.skip)('after a rotation both the new and the previous secret verify, for a day', async () => {
    const rec = await receiver();
    const { endpoint, secret: old } = await register(rec.url);
    const rotated = await manager.post(`/api/settings/webhooks/${endpoint.id}/rotate`, {});
    expect(rotated.status).toBe(200);
    const fresh = rotated.body.secret as string;
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(old);
    const ping = await manager.post(`/api/settings/webhooks/${endpoint.id}/test`, {});
    expect(ping.status, JSON.stringify(ping.body)).toBe(200);
    expect(WebhookDelivery.parse(ping.body)).toMatchObject({ eventType: 'ping', status: 'pending' });
    const got = await eventually(async () => rec.received.find((x) => x.headers['webhook-id'] === ping.body.id));
    expect(payloadOf(got.body).type).toBe('ping');
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const secret of [fresh, old]) expect(() => new Webhook(secret).verify(got.body, headersOf(got))).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from('someone else').toString('base64')}`).verify(got.body, headersOf(got))).toThrow();
    const listed = WebhookEndpoint.array().parse((await manager.get('/api/settings/webhooks')).body).find((e) => e.id === endpoint.id);
    expect(listed?.secretRotatedAt).not.toBeNull();
    await manager.post(`/api/settings/webhooks/${endpoint.id}`, { active: false });
  });

  it.skipIf(backend.skip)('announces a complaint from a kiosk as complaint.opened, without the guest unless ticked', async () => {
    const rec = await receiver();
    const { endpoint } = await register(rec.url, { eventTypes: ['complaint.opened', 'complaint.escalated', 'complaint.closed'] });
    const r = await kiosk.push([kiosk.feedback({ rating: 1, complaint: true, comment: 'Cold room', guestName: 'Li Wei', room: '1208', categories: [] })]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
    const got = await eventually(async () => rec.received.length > 0 && rec.received);
    const p = payloadOf(got[0]!.body);
    expect(p.type).toBe('complaint.opened');
    expect(p.data, JSON.stringify(p.data)).toMatchObject({ kind: 'kiosk_feedback', status: 'new', closedAt: null });
    expect(got[0]!.body).not.toMatch(/Li Wei|1208|Cold room/);
    await manager.post(`/api/settings/webhooks/${endpoint.id}`, { active: false });
  });

  it.skipIf(backend.skip)('a push answers while a registered receiver hangs, and other receivers still get theirs', async () => {
    const slow = await receiver(() => 'hang');
    const healthy = await receiver();
    const { endpoint } = await register(slow.url, { eventTypes: ['request.created'] });
    const other = await register(healthy.url, { eventTypes: ['request.created'] });
    expect((await kiosk.push([kiosk.create()])).status).toBe(200);
    await eventually(async () => slow.hanging() > 0, 10_000);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const c = kiosk.create();
      ids.push(c.payload.requestId);
      const r = await kiosk.push([c]);
      expect(r.body.outcomes[0].outcome).toBe('applied');
    }
    expect(slow.hanging(), 'the receiver still holds the first delivery').toBeGreaterThan(0);
    // The hanging receiver holds a few attempts at most; the healthy one gets every ticket meanwhile.
    await eventually(async () => ids.every((id) => about(healthy, id).length === 1), 10_000);
    expect(slow.hanging()).toBeGreaterThan(0);
    expect(slow.hanging()).toBeLessThanOrEqual(4);
    await manager.post(`/api/settings/webhooks/${endpoint.id}`, { active: false });
    await manager.post(`/api/settings/webhooks/${other.endpoint.id}`, { active: false });
  });

  it.skipIf(backend.skip)('refuses hostile bodies with a 400 and lets only managers in', async () => {
    const bad = [
      { url: 'ftp://192.168.1.5/hook' },
      { url: 'javascript:alert(1)' },
      { url: 'http://user:pw@192.168.1.5/hook' },
      { url: 'not a url' },
      { url: `http://192.168.1.5/${'a'.repeat(3000)}` },
      { eventTypes: ['request.deleted'] },
      { eventTypes: [] },
      { guestFields: ['passport'] },
      { description: 'Front\u0000desk' },
      { description: 'x'.repeat(121) },
      { url: 42 },
      { url: 'http://192.168.1.5/\u0000' },
      { url: 'http://192.168.1.5/a b' },
      { url: 'http://192.168.1.5/\uD800' },
      { url: 'http://192.168.1.5/\u202Egnp.exe' },
      { url: 'http://\u0000evil/' },
    ];
    for (const patch of bad) {
      const r = await manager.post('/api/settings/webhooks', { url: 'http://192.168.1.5/hook', description: 'ok', eventTypes: ['request.created'], ...patch });
      expect(r.status, JSON.stringify(patch).slice(0, 80)).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
    for (const body of [null, [], 'x', { url: null }]) expect((await manager.post('/api/settings/webhooks', body)).status).toBe(400);
    // Bidi controls are removed, never stored.
    const bidi = await register('http://192.168.1.5/hook', { description: 'Desk \u202Eevil\u202C' });
    expect(bidi.endpoint.description).toBe('Desk evil');
    const id = bidi.endpoint.id;
    expect((await manager.post(`/api/settings/webhooks/${id}`, { url: 'file:///etc/passwd' })).status).toBe(400);
    expect((await manager.post(`/api/settings/webhooks/${id}`, { active: 'yes' })).status).toBe(400);
    expect((await manager.post('/api/settings/webhooks/not-an-id', {})).status).toBe(400);
    expect((await manager.post('/api/settings/webhooks/0190a0a0-0000-7000-8000-000000000000/rotate', {})).status).toBe(404);
    expect((await manager.get('/api/settings/webhooks/0190a0a0-0000-7000-8000-000000000000/deliveries')).status).toBe(404);

    const agent = await new TestClient(server.url).login('agent1', '1111');
    const supervisor = await new TestClient(server.url).login('super1', '2222');
    const wall = new TestClient(server.url, server.demo!.wallToken);
    for (const who of [agent, supervisor, kiosk.client, wall]) {
      expect((await who.get('/api/settings/webhooks')).status).toBe(403);
      expect((await who.post('/api/settings/webhooks', { url: 'http://192.168.1.5/hook', description: 'x', eventTypes: ['request.created'] })).status).toBe(403);
      for (const path of ['', '/rotate', '/test']) expect((await who.post(`/api/settings/webhooks/${id}${path}`, {})).status).toBe(403);
      expect((await who.get(`/api/settings/webhooks/${id}/deliveries`)).status).toBe(403);
    }
    expect((await new TestClient(server.url).get('/api/settings/webhooks')).status).toBe(401);

    // At most WEBHOOK_ENDPOINTS_MAX per property.
    const have = WebhookEndpoint.array().parse((await manager.get('/api/settings/webhooks')).body).length;
    for (let i = have; i < WEBHOOK_ENDPOINTS_MAX; i++) await register(`http://192.168.1.5/hook/${i}`, { eventTypes: ['kiosk.offline'] });
    const over = await manager.post('/api/settings/webhooks', { url: 'http://192.168.1.5/one-more', description: 'x', eventTypes: ['request.created'] });
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain(String(WEBHOOK_ENDPOINTS_MAX));
    // Every change was audited, and no secret went into the audit log.
    const audit = await server.store.db.selectFrom('audit_log').select(['action', 'details']).where('action', 'like', 'webhook.%').execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['webhook.created', 'webhook.updated', 'webhook.rotated', 'webhook.tested']));
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });
});
