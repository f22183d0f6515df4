/**
 * The webhook outbox survives a crash: a server (a child process on a PGlite data folder, or on
 * PostgreSQL when TEST_DATABASE_URL is set) queues deliveries for two tickets while the receiver
 * is down (it holds the first request open and fails the next), is SIGKILLed with a delivery
 * still under way, and started again on the same data. The receiver, back up, then gets every
 * event at least once, in order per ticket: the rows were in the database, and the one the dead
 * instance had claimed became due again when its lease ran out.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { WebhookCreated, WebhookPayload } from '../../shared/protocol/webhooks.ts';
import { demoCredentials, spawnServer, type KillableServer } from '../support/child-server.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { freePort } from '../support/ports.ts';
import { TestClient } from '../support/server.ts';
import { startReceiver } from '../support/webhook-receiver.ts';
import { eventually, KioskDriver, StaffDriver } from './helpers.ts';

const ORDER = ['request.created', 'request.called', 'request.completed'];
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
});

const backends = [
  { name: 'a PGlite data folder', skip: false, databaseUrl: async () => undefined },
  {
    name: TEST_DATABASE_URL ? 'PostgreSQL' : `PostgreSQL (${PG_SKIP_REASON})`,
    skip: !TEST_DATABASE_URL,
    databaseUrl: async () => {
      const db = await freshDatabase('ld_webhooks_crash');
      cleanups.push(() => db.drop());
      return db.url;
    },
  },
];

describe.each(backends)('webhooks after a SIGKILL, on $name', (backend) => {
  it.skipIf(backend.skip)('delivers every queued event after the restart, in order per ticket', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-webhooks-crash-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const databaseUrl = await backend.databaseUrl();
    const port = await freePort();
    const start = () => spawnServer({ dataDir, port, databaseUrl, timeoutMs: 55_000 });
    let server: KillableServer = await start();
    cleanups.push(() => server.kill('SIGKILL'));

    // Down: the first request is held open (a delivery under way when the server dies), the rest fail.
    let up = false;
    const receiver = await startReceiver((n) => (up ? 204 : n === 0 ? 'hang' : 503));
    cleanups.push(() => receiver.close());

    const manager = await new TestClient(server.url).login('manager1', '3333');
    const created = await manager.post('/api/settings/webhooks', { url: receiver.url, description: 'Night audit', eventTypes: ORDER, guestFields: [] });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const { secret } = WebhookCreated.parse(created.body);

    const kiosk = await new KioskDriver(server.url, (await demoCredentials(dataDir)).kioskToken).init();
    const desk = await new StaffDriver(server.url).login('agent1', '1111');
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = kiosk.create();
      ids.push(c.payload.requestId);
      expect((await kiosk.push([c])).body.outcomes[0].outcome).toBe('applied');
      expect((await desk.push([desk.transition(c.payload.requestId, 'call', 'waiting')])).body.outcomes[0].outcome).toBe('applied');
      expect((await desk.push([desk.transition(c.payload.requestId, 'complete', 'called')])).body.outcomes[0].outcome).toBe('applied');
    }
    // Both tickets' first deliveries were tried (one hangs, one failed); the later ones wait behind them.
    await eventually(async () => receiver.received.length >= 2 && receiver.hanging() === 1, 15_000);

    await server.kill('SIGKILL');
    up = true;
    server = await start();

    const typeOf = (body: string) => WebhookPayload.parse(JSON.parse(body));
    const deliveredFor = (id: string) => receiver.received.filter((x) => x.answered === 204 && typeOf(x.body).data.id === id);
    await eventually(async () => ids.every((id) => deliveredFor(id).length >= 3), 60_000, 200);

    for (const id of ids) {
      const all = receiver.received.filter((x) => typeOf(x.body).data.id === id);
      const order = all.map((x) => ORDER.indexOf(typeOf(x.body).type));
      expect(order, 'never a later event before an earlier one').toEqual([...order].sort((a, b) => a - b));
      expect([...new Set(deliveredFor(id).map((x) => typeOf(x.body).type))]).toEqual(ORDER);
      for (const x of all) {
        const headers = Object.fromEntries(Object.entries(x.headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
        expect(() => new Webhook(secret).verify(x.body, headers)).not.toThrow();
      }
    }
    // The delivery the dead instance held went again under the same webhook-id.
    const held = receiver.received[0]!;
    expect(held.answered).toBeNull();
    expect(receiver.received.some((x) => x.answered === 204 && x.headers['webhook-id'] === held.headers['webhook-id'])).toBe(true);
  });
});
