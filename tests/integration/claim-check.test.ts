import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeClaimCode } from '../../shared/domain/claim-code.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { StaffSnapshot } from '../../shared/protocol/sync.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

let server: TestServer;
let kiosk: KioskDriver;
let agent: StaffDriver;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  agent = await new StaffDriver(server.url).login('agent1', '1111');
});
afterAll(async () => {
  await server?.stop(true);
});

const check = (code: unknown, client: TestClient = kiosk.client) => client.post('/api/kiosk/claim-check', { code });

function kioskRequest(kind: 'luggage_in' | 'luggage_out', details: NonNullable<CommandOf<'request.create'>['payload']['details']>) {
  const cmd = kiosk.create({ guestName: 'Li Wei', room: '1208', note: null });
  cmd.payload.kind = kind;
  cmd.payload.reason = null;
  cmd.payload.details = details;
  return cmd;
}

function staffCmd<T extends Command['type']>(type: T, payload: Extract<Command, { type: T }>['payload']): Command {
  return { id: uuidv7(), deviceId: agent.deviceId, seq: agent.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
}

/** Bags checked in at the desk under `code`; returns the item id. */
async function stored(code: string, bags = 2): Promise<string> {
  const itemId = uuidv7();
  const tags = Array.from({ length: bags }, (_, i) => `T${i + 1}-${code}`);
  const r = await agent.push([staffCmd('luggage.store', { itemId, requestId: null, claimCode: code, bags, tags, location: 'Shelf C1', guestName: 'Wang Fang', room: '0815', notes: null, expectedPickupAt: null })]);
  expect(r.body.outcomes[0]).toMatchObject({ outcome: 'applied' });
  return itemId;
}

describe('POST /api/kiosk/claim-check', () => {
  it('says yes for a code on bags in store, typed in any case with spaces, and nothing else about them', async () => {
    const code = makeClaimCode();
    await stored(code);
    const r = await check(` ${code.slice(0, 4).toLowerCase()} ${code.slice(4)} `);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ inStore: true });
    const text = JSON.stringify(r.body);
    for (const secret of ['Wang', '0815', 'Shelf', 'T1-']) expect(text).not.toContain(secret);
  });

  it('says no for a well-formed code nobody stored, and for an older 8-character code not in the ledger', async () => {
    expect((await check(makeClaimCode())).body).toEqual({ inStore: false });
    expect((await check('ABCD2345')).body).toEqual({ inStore: false });
  });

  it('honours an older 8-character code that is in the ledger', async () => {
    const legacy = makeClaimCode().slice(0, 8);
    await stored(legacy, 1);
    expect((await check(legacy)).body).toEqual({ inStore: true });
  });

  it('says yes for a kiosk drop-off not yet shelved by staff, and no once it is cancelled', async () => {
    const code = makeClaimCode();
    const drop = kioskRequest('luggage_in', { kind: 'luggage_in', bags: 1, expectedPickupAt: null, claimCode: code });
    expect((await kiosk.push([drop])).body.outcomes[0]).toMatchObject({ outcome: 'applied' });
    expect((await check(code)).body).toEqual({ inStore: true });
    const cancel = await agent.push([agent.transition(drop.payload.requestId, 'cancel', 'waiting')]);
    expect(cancel.body.outcomes[0]).toMatchObject({ outcome: 'applied' });
    expect((await check(code)).body).toEqual({ inStore: false });
  });

  it('refuses a code whose check character is wrong with a 400, not a "no"', async () => {
    const code = makeClaimCode();
    const typo = code.slice(0, 2) + (code[2] === 'Z' ? 'Y' : 'Z') + code.slice(3);
    const r = await check(typo);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers junk with a 400, never a 5xx', async () => {
    const junk: unknown[] = [null, 42, '', 'A', 'ABCDEFGHJKLMN', '0000-0000', '💥'.repeat(30), 'x'.repeat(5000), ['ABCD2345'], { code: 'ABCD2345' }, "'; DROP TABLE luggage_items; --", '\u0000ABCD2345'];
    for (const code of junk) {
      const r = await check(code);
      expect(r.status, JSON.stringify(code)?.slice(0, 40)).toBe(400);
    }
    const extra = await kiosk.client.post('/api/kiosk/claim-check', { code: 'ABCD2345', name: 'x' });
    expect(extra.status).toBe(400);
    const none = await kiosk.client.post('/api/kiosk/claim-check', undefined);
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });

  it('is for kiosks only: staff, the wall and strangers are refused', async () => {
    const code = makeClaimCode();
    expect((await check(code, agent.client)).status).toBe(403);
    expect((await check(code, new TestClient(server.url, server.demo!.wallToken))).status).toBe(403);
    expect((await check(code, new TestClient(server.url))).status).toBe(401);
  });
});

describe('handing bags back from a pick-up request', () => {
  it('completes the kiosk request and releases the bags in one hand-back; the code is then no longer in store', async () => {
    const code = makeClaimCode();
    const itemId = await stored(code, 3);
    const pickup = kioskRequest('luggage_out', { kind: 'luggage_out', claimCode: code });
    expect((await kiosk.push([pickup])).body.outcomes[0]).toMatchObject({ outcome: 'applied' });
    const out = await agent.push([staffCmd('luggage.release', { itemId, claimCode: code, bagCount: 3, requestId: pickup.payload.requestId })]);
    expect(out.body.outcomes[0]).toMatchObject({ outcome: 'applied', result: { status: 'released' } });
    const snap = StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body);
    expect(snap.requests.find((r) => r.id === pickup.payload.requestId)).toMatchObject({ status: 'completed', assignedStaffId: 'agent1' });
    expect(snap.luggage.find((i) => i.id === itemId)).toMatchObject({ status: 'released' });
    expect((await check(code)).body).toEqual({ inStore: false });
  });

  it('rejects a kiosk request whose claim code has a wrong check character, as a rejected command, not a 5xx', async () => {
    const code = makeClaimCode();
    const typo = code.slice(0, 8) + (code[8] === 'A' ? 'B' : 'A');
    const bad = kioskRequest('luggage_out', { kind: 'luggage_out', claimCode: typo });
    const r = await kiosk.push([bad]);
    expect(r.status).toBe(200);
    expect(r.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'bad_request' } });
  });
});
