/**
 * Gauntlet: responses lost after the server committed (the client aborts or
 * the connection drops), and kiosks whose clocks are hours wrong.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_SLA_MINUTES } from '../../shared/domain/issue.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, eventually, KioskDriver, pairDevice, sleep } from './helpers.ts';

let server: TestServer;
let supervisor: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  supervisor = await new TestClient(server.url).login('super1', '2222');
});
afterAll(async () => {
  await server?.stop(true);
});

async function newKiosk(name: string): Promise<KioskDriver> {
  const { token } = await pairDevice(server.url, supervisor, 'kiosk', name);
  return new KioskDriver(server.url, token).init();
}

async function countRequests(ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  return (await server.store.db.selectFrom('service_requests').select('id').where('id', 'in', ids).execute()).length;
}

function requestIds(cmds: Command[]): string[] {
  return cmds.map((c) => (c.payload as { requestId: string }).requestId);
}

describe('gauntlet: lost responses', () => {
  it('a large batch whose request the client aborts mid-flight is applied once when the same batch is retried', async () => {
    const k = await newKiosk('Abort kiosk');
    const batch = Array.from({ length: 100 }, () => k.create({ note: 'x'.repeat(400) }));
    const ac = new AbortController();
    const body = JSON.stringify({ deviceId: k.me.deviceId, commands: batch, sentAt: new Date().toISOString() });
    const first = fetch(`${server.url}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1', authorization: `Bearer ${k.token}` },
      body,
      signal: ac.signal,
    });
    // Abort once the server has taken the device's row lock (the batch is in flight), before it answers.
    await eventually(async () => (await countRequests(requestIds(batch))) > 0 || null, 10_000, 2).catch(() => null);
    ac.abort();
    await expect(first).rejects.toThrow();
    // The server finishes (or rolls back) what it started; either way the DB never holds a partial batch once settled.
    await sleep(300);
    const afterAbort = await countRequests(requestIds(batch));
    expect([0, 100]).toContain(afterAbort);

    const retry = await k.push(batch);
    expect(retry.status).toBe(200);
    const outcomes = retry.body.outcomes.map((o: { outcome: string }) => o.outcome);
    expect(new Set(outcomes)).toEqual(new Set([afterAbort === 100 ? 'duplicate' : 'applied']));
    expect(await countRequests(requestIds(batch))).toBe(100);
    expect(retry.body.lastSeq).toBe(batch[batch.length - 1]!.seq);
  });

  it('a response dropped after the commit (connection closed on the status line) is answered duplicate on retry, and nothing is doubled', async () => {
    const k = await newKiosk('Dropped kiosk');
    const batch = Array.from({ length: 20 }, () => k.create());
    const lost = await apiCall(server.url, 'POST', '/api/sync/push', { token: k.token, body: { deviceId: k.me.deviceId, commands: batch, sentAt: new Date().toISOString() }, statusOnly: true });
    expect(lost.status).toBe(200); // committed; the body never reached the kiosk
    expect(await countRequests(requestIds(batch))).toBe(20);
    const retry = await k.push(batch);
    expect(retry.status).toBe(200);
    expect(retry.body.outcomes.every((o: { outcome: string }) => o.outcome === 'duplicate')).toBe(true);
    expect(await countRequests(requestIds(batch))).toBe(20);
    // and the kiosk carries on from the next seq
    const next = await k.push([k.create()]);
    expect(next.status).toBe(200);
    expect(next.body.outcomes[0].outcome).toBe('applied');
  });
});

describe('gauntlet: kiosk clocks hours wrong', () => {
  const H = 3600_000;

  it('orders requests by corrected guest time, flags clockSkewMs, and opens feedback issues on server time', async () => {
    const ahead = await newKiosk('Clock +5h');
    const behind = await newKiosk('Clock -3h');
    const t0 = Date.now();
    // The +5 h kiosk's guest took a ticket 2 minutes ago (real time); the -3 h kiosk's guest 1 minute ago.
    const a = ahead.create({ guestName: 'Ahead guest' });
    a.createdAt = new Date(t0 + 5 * H - 120_000).toISOString();
    const b = behind.create({ guestName: 'Behind guest' });
    b.createdAt = new Date(t0 - 3 * H - 60_000).toISOString();
    // The later guest's kiosk delivers first: arrival order alone would put B first.
    const pb = await behind.client.post('/api/sync/push', { deviceId: behind.me.deviceId, commands: [b], sentAt: new Date(Date.now() - 3 * H).toISOString() });
    const pa = await ahead.client.post('/api/sync/push', { deviceId: ahead.me.deviceId, commands: [a], sentAt: new Date(Date.now() + 5 * H).toISOString() });
    expect(pb.status).toBe(200);
    expect(pa.status).toBe(200);

    const snap = await supervisor.get('/api/sync/snapshot');
    const ids = snap.body.requests.map((r: { id: string }) => r.id);
    const ra = snap.body.requests.find((r: { id: string }) => r.id === a.payload.requestId);
    const rb = snap.body.requests.find((r: { id: string }) => r.id === b.payload.requestId);
    expect(ids.indexOf(ra.id)).toBeLessThan(ids.indexOf(rb.id));
    expect(Math.abs(new Date(ra.createdAt).getTime() - (t0 - 120_000))).toBeLessThan(5_000);
    expect(Math.abs(new Date(rb.createdAt).getTime() - (t0 - 60_000))).toBeLessThan(5_000);
    expect(Math.abs(ra.clockSkewMs - -5 * H)).toBeLessThan(5_000);
    expect(Math.abs(rb.clockSkewMs - 3 * H)).toBeLessThan(5_000);
    expect(ra.clientCreatedAt).toBe(a.createdAt);

    // A complaint from the +5 h kiosk: the SLA clock runs on the server's time.
    const fb: Command = {
      id: uuidv7(),
      deviceId: ahead.me.deviceId,
      seq: ahead.nextSeq++,
      type: 'feedback.submit',
      createdAt: new Date(Date.now() + 5 * H).toISOString(),
      payload: { feedbackId: uuidv7(), rating: 1, categories: ['service'], comment: 'Clock skew complaint', complaint: true, contactConsent: false, contact: null, guestName: null, room: null, requestId: null },
    };
    const before = Date.now();
    const pf = await ahead.client.post('/api/sync/push', { deviceId: ahead.me.deviceId, commands: [fb], sentAt: new Date(Date.now() + 5 * H).toISOString() });
    const after = Date.now();
    expect(pf.status).toBe(200);
    expect(pf.body.outcomes[0].outcome).toBe('applied');
    const snap2 = await supervisor.get('/api/sync/snapshot');
    const issue = snap2.body.issues.find((i: { feedbackId: string }) => i.feedbackId === fb.payload.feedbackId);
    expect(issue).toBeTruthy();
    const sla = ISSUE_SLA_MINUTES[issue.severity as keyof typeof ISSUE_SLA_MINUTES];
    const created = new Date(issue.createdAt).getTime();
    expect(created).toBeGreaterThanOrEqual(before - 1000);
    expect(created).toBeLessThanOrEqual(after + 1000);
    expect(new Date(issue.acknowledgeBy).getTime() - created).toBe(sla.acknowledge * 60_000);
    expect(new Date(issue.resolveBy).getTime() - created).toBe(sla.resolve * 60_000);
    const row = await server.store.db.selectFrom('feedback').select(['created_at']).where('id', '=', fb.payload.feedbackId).executeTakeFirstOrThrow();
    expect(Math.abs(new Date(row.created_at).getTime() - before)).toBeLessThan(5_000);
  });
});
