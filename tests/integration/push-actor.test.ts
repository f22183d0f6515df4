/**
 * A shared tablet: one person's actions queued offline, then that person signs
 * out and the next signs in on the same tablet. The queued actions must not be
 * credited to the next person: the server refuses them (`actor_signed_out`),
 * the queue still moves on, and the next person's own actions apply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaffMe } from '../../shared/protocol/auth.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { PushResponse, StaffSnapshot } from '../../shared/protocol/sync.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

describe('staff actions carry who took them', () => {
  let server: TestServer;
  let kiosk: KioskDriver;
  beforeAll(async () => {
    server = await startTestServer({ static: false });
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  });
  afterAll(() => server.stop(true));

  const staffIdOf = async (c: TestClient) => StaffMe.parse((await c.get('/api/auth/me')).body).staff.id;
  const statusOf = async (c: TestClient, requestId: string) => StaffSnapshot.parse((await c.get('/api/sync/snapshot')).body).requests.find((r) => r.id === requestId)?.status;

  it('refuses the signed-out person’s queued actions under the next session, and the queue moves on', async () => {
    const created = [kiosk.create(), kiosk.create()];
    expect((await kiosk.push(created)).status).toBe(200);
    const [first, second] = created.map((c) => c.payload.requestId) as [string, string];

    // Lin takes two actions on the tablet while it is offline: they stay queued, stamped with Lin's id.
    const lin = await new StaffDriver(server.url).login('agent1', '1111');
    const linId = await staffIdOf(lin.client);
    const queued: Command[] = [
      { ...lin.transition(first, 'call', 'waiting'), actor: linId },
      { ...lin.transition(second, 'call', 'waiting'), actor: linId },
    ];
    expect((await lin.client.post('/api/auth/logout', {})).status).toBeLessThan(300);

    // Tom signs in on the same tablet (same device id, next seq) and the outbox is delivered under his session.
    const tom = new StaffDriver(server.url);
    await tom.login('agent2', '1112');
    const tomId = await staffIdOf(tom.client);
    const own: Command = { ...lin.transition(first, 'call', 'waiting'), actor: tomId };
    const res = await tom.push([...queued, own], lin.deviceId);
    expect(res.status).toBe(200);
    const body = PushResponse.parse(res.body);
    expect(body.outcomes.map((o) => o.outcome)).toEqual(['rejected', 'rejected', 'applied']);
    expect(body.outcomes.slice(0, 2).map((o) => (o.outcome === 'rejected' ? o.error.code : null))).toEqual(['actor_signed_out', 'actor_signed_out']);
    expect(body.lastSeq).toBe(own.seq);

    // Lin's call of the second ticket never happened; Tom's own call of the first did, in his name.
    expect(await statusOf(tom.client, second)).toBe('waiting');
    const snap = StaffSnapshot.parse((await tom.client.get('/api/sync/snapshot')).body);
    expect(snap.requests.find((r) => r.id === first)).toMatchObject({ status: 'called', assignedStaffName: expect.any(String) });
    expect(snap.requests.find((r) => r.id === first)!.assignedStaffName).not.toBe(null);
  });

  it('applies an action stamped with the person who is signed in, and one from an older tablet without a stamp', async () => {
    const [a, b] = [kiosk.create(), kiosk.create()];
    expect((await kiosk.push([a, b])).status).toBe(200);
    const lin = await new StaffDriver(server.url).login('agent1', '1111');
    const linId = await staffIdOf(lin.client);
    const res = await lin.push([{ ...lin.transition(a.payload.requestId, 'call', 'waiting'), actor: linId }, lin.transition(b.payload.requestId, 'call', 'waiting')]);
    expect(PushResponse.parse(res.body).outcomes.map((o) => o.outcome)).toEqual(['applied', 'applied']);
  });
});
