import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShoeStage } from '../../shared/domain/luggage.machine.ts';
import type { Command, CommandOf } from '../../shared/protocol/commands.ts';
import { StaffPull, StaffSnapshot, WallSnapshot } from '../../shared/protocol/sync.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

let server: TestServer;
let kiosk: KioskDriver;
let agent: StaffDriver;
let agent2: StaffDriver;
let supervisor: StaffDriver;
let wall: TestClient;

beforeAll(async () => {
  server = await startTestServer({ static: false });
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
  agent = await new StaffDriver(server.url).login('agent1', '1111');
  agent2 = await new StaffDriver(server.url).login('agent2', '1112');
  supervisor = await new StaffDriver(server.url).login('super1', '2222');
  wall = new TestClient(server.url, server.demo!.wallToken);
});
afterAll(async () => {
  await server?.stop(true);
});

let codeCounter = 0;
/** A fresh, valid claim code per test (8 characters without 0/O/1/I). */
function claimCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let n = ++codeCounter + 1000;
  let s = '';
  for (let i = 0; i < 8; i++) {
    s += alphabet[n % alphabet.length];
    n = Math.floor(n / alphabet.length);
  }
  return `LG${s.slice(0, 6)}`;
}

function kioskRequest(kind: 'luggage_in' | 'luggage_out' | 'shoe_care', details: NonNullable<CommandOf<'request.create'>['payload']['details']>, guestName = 'Li Wei') {
  const cmd = kiosk.create({ guestName, room: '1208', note: null });
  cmd.payload.kind = kind;
  cmd.payload.reason = null;
  cmd.payload.details = details;
  return cmd;
}

function staffCmd<T extends Command['type']>(who: StaffDriver, type: T, payload: Extract<Command, { type: T }>['payload']): Command {
  return { id: uuidv7(), deviceId: who.deviceId, seq: who.nextSeq++, type, createdAt: new Date().toISOString(), payload } as Command;
}

async function one(who: StaffDriver, cmd: Command) {
  const r = await who.push([cmd]);
  expect(r.status).toBe(200);
  return r.body.outcomes[0];
}

function storeCmd(who: StaffDriver, o: Partial<CommandOf<'luggage.store'>['payload']> = {}) {
  return staffCmd(who, 'luggage.store', {
    itemId: uuidv7(),
    requestId: null,
    claimCode: null,
    bags: 2,
    tags: ['T101', 'T102'],
    location: 'Shelf A3',
    guestName: null,
    room: null,
    notes: null,
    expectedPickupAt: null,
    ...o,
  });
}

async function item(id: string) {
  const snap = StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body);
  return snap.luggage.find((i) => i.id === id);
}

/** A kiosk drop-off checked in by agent1; returns the item id and its claim code. */
async function checkedIn(bags = 2, extra: Partial<CommandOf<'luggage.store'>['payload']> = {}) {
  const code = claimCode();
  const req = kioskRequest('luggage_in', { kind: 'luggage_in', bags, expectedPickupAt: null, claimCode: code });
  expect((await kiosk.push([req])).body.outcomes[0].outcome).toBe('applied');
  const store = storeCmd(agent, { requestId: req.payload.requestId, bags, tags: Array.from({ length: bags }, (_, i) => `${code}-${i + 1}`), ...extra });
  const out = await one(agent, store);
  expect(out.outcome).toBe('applied');
  return { itemId: (store.payload as { itemId: string }).itemId, code, requestId: req.payload.requestId };
}

describe('luggage ledger', () => {
  it('checks in a kiosk drop-off: claim code and guest come from the request, which is completed', async () => {
    const { itemId, code, requestId } = await checkedIn(2);
    const snap = StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body);
    const stored = snap.luggage.find((i) => i.id === itemId)!;
    expect(stored).toMatchObject({ claimCode: code, status: 'stored', bags: 2, location: 'Shelf A3', guestName: 'Li Wei', room: '1208', requestId, overdue: false });
    expect(stored.ticket).toMatch(/^[A-Z]\d{3}$/);
    expect(stored.custody.map((c) => [c.action, c.staffName])).toEqual([
      ['received', expect.any(String)],
      ['stored', expect.any(String)],
    ]);
    expect(snap.requests.find((r) => r.id === requestId)).toMatchObject({ status: 'completed', assignedStaffId: 'agent1' });
  });

  it('refuses a check-in whose tags do not match the bags, and a second check-in of the same request', async () => {
    const bad = await one(agent, storeCmd(agent, { claimCode: claimCode(), bags: 3, tags: ['X1', 'X2'] }));
    expect(bad).toMatchObject({ outcome: 'rejected', error: { code: 'bad_request' } });
    const dup = await one(agent, storeCmd(agent, { claimCode: claimCode(), bags: 2, tags: ['Y1', 'Y1'] }));
    expect(dup).toMatchObject({ outcome: 'rejected', error: { code: 'bad_request' } });
    const { requestId } = await checkedIn(1);
    const again = await one(agent, storeCmd(agent, { requestId, bags: 1, tags: ['Z9'] }));
    expect(again).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });
  });

  it('hands back only with the right claim code and bag count, and the custody log names who did what', async () => {
    const { itemId, code } = await checkedIn(2);
    const wrongCode = await one(agent2, staffCmd(agent2, 'luggage.release', { itemId, claimCode: 'WRONGCDE', bagCount: 2, requestId: null }));
    expect(wrongCode).toMatchObject({ outcome: 'rejected', error: { code: 'claim_mismatch' } });
    const wrongCount = await one(agent2, staffCmd(agent2, 'luggage.release', { itemId, claimCode: code, bagCount: 1, requestId: null }));
    expect(wrongCount).toMatchObject({ outcome: 'rejected', error: { code: 'bag_count_mismatch' } });
    expect((await item(itemId))?.status).toBe('stored');

    // The guest asks at the kiosk; the hand-back completes that request too. The code may be typed in lower case.
    const pickup = kioskRequest('luggage_out', { kind: 'luggage_out', claimCode: code });
    await kiosk.push([pickup]);
    const ok = await one(agent2, staffCmd(agent2, 'luggage.release', { itemId, claimCode: code.toLowerCase(), bagCount: 2, requestId: pickup.payload.requestId }));
    expect(ok).toMatchObject({ outcome: 'applied', result: { status: 'released' } });
    const released = (await item(itemId))!;
    expect(released).toMatchObject({ status: 'released', releasedBy: expect.any(String) });
    expect(released.custody.map((c) => [c.action, c.staffId])).toEqual([
      ['received', 'agent1'],
      ['stored', 'agent1'],
      ['released', 'agent2'],
    ]);
    expect(released.custody.every((c) => c.staffName.length > 0)).toBe(true);
    const snap = StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body);
    expect(snap.requests.find((r) => r.id === pickup.payload.requestId)?.status).toBe('completed');
    // Released is final.
    const twice = await one(agent2, staffCmd(agent2, 'luggage.release', { itemId, claimCode: code, bagCount: 2, requestId: null }));
    expect(twice).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
  });

  it('a lost claim ticket waits for a supervisor: an agent cannot approve, the supervisor is named', async () => {
    const { itemId } = await checkedIn(1);
    const lost = await one(agent, staffCmd(agent, 'luggage.release_lost', { itemId, identityNotes: 'Passport E1234567 matches the booking' }));
    expect(lost).toMatchObject({ outcome: 'applied', result: { status: 'lost_claim_pending' } });
    const byAgent = await one(agent2, staffCmd(agent2, 'luggage.approve_release', { itemId, approve: true }));
    expect(byAgent).toMatchObject({ outcome: 'rejected', error: { code: 'forbidden' } });
    // Parked items cannot be handed back with a code meanwhile.
    expect((await item(itemId))?.status).toBe('lost_claim_pending');

    const approved = await one(supervisor, staffCmd(supervisor, 'luggage.approve_release', { itemId, approve: true }));
    expect(approved).toMatchObject({ outcome: 'applied', result: { status: 'released' } });
    const done = (await item(itemId))!;
    expect(done.approvedBy).toBeTruthy();
    expect(done.lostClaim).toMatchObject({ requestedById: 'agent1', decidedById: 'super1', approved: true });
    expect(done.custody.at(-1)).toMatchObject({ action: 'released', staffId: 'super1' });
    expect(done.custody.at(-1)?.note).toContain('Passport');
  });

  it('a declined lost-ticket hand-back returns the item to store', async () => {
    const { itemId } = await checkedIn(1);
    await one(agent, staffCmd(agent, 'luggage.release_lost', { itemId, identityNotes: 'No ID shown' }));
    const declined = await one(supervisor, staffCmd(supervisor, 'luggage.approve_release', { itemId, approve: false }));
    expect(declined).toMatchObject({ outcome: 'applied', result: { status: 'stored' } });
  });

  it('records moves in the custody log and never lets a custody row be changed or deleted', async () => {
    const { itemId } = await checkedIn(1);
    await one(agent, staffCmd(agent, 'luggage.move', { itemId, location: 'Room B (large items)', note: 'Shelf full' }));
    const moved = (await item(itemId))!;
    expect(moved.location).toBe('Room B (large items)');
    expect(moved.custody.at(-1)).toMatchObject({ action: 'moved', location: 'Room B (large items)' });

    const db = server.store.db;
    await expect(sql`update luggage_custody set staff_name = 'someone else' where item_id = ${itemId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from luggage_custody where item_id = ${itemId}`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from luggage_items where id = ${itemId}`.execute(db)).rejects.toThrow(/append-only/);
    const rows = await db.selectFrom('luggage_custody').select('staff_name').where('item_id', '=', itemId).execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.staff_name !== 'someone else')).toBe(true);
  });

  it('derives overdue: stored and past the expected pick-up', async () => {
    const past = new Date(Date.now() - 3600_000).toISOString();
    const store = storeCmd(agent, { claimCode: claimCode(), bags: 1, tags: ['OD1'], expectedPickupAt: past, guestName: 'Desk guest' });
    expect((await one(agent, store)).outcome).toBe('applied');
    const late = (await item((store.payload as { itemId: string }).itemId))!;
    expect(late).toMatchObject({ status: 'stored', overdue: true, ticket: null });
    const future = storeCmd(agent, { claimCode: claimCode(), bags: 1, tags: ['OD2'], expectedPickupAt: new Date(Date.now() + 3600_000).toISOString() });
    await one(agent, future);
    expect((await item((future.payload as { itemId: string }).itemId))?.overdue).toBe(false);
  });

  it('refuses luggage commands from a kiosk', async () => {
    const cmd = { ...storeCmd(agent, { claimCode: claimCode(), bags: 1, tags: ['K1'] }), deviceId: kiosk.me.deviceId, seq: kiosk.nextSeq++ };
    agent.nextSeq -= 1;
    const r = await kiosk.push([cmd]);
    expect(r.body.outcomes[0]).toMatchObject({ outcome: 'rejected', error: { code: 'forbidden' } });
  });

  it('never gives the wall or a kiosk any luggage data', async () => {
    const { code } = await checkedIn(1, { notes: 'SECRET-NOTE fragile' });
    for (const client of [wall, kiosk.client]) {
      const snap = JSON.stringify((await client.get('/api/sync/snapshot')).body);
      const pulled = JSON.stringify((await client.get('/api/sync/pull?after=0')).body);
      for (const text of [snap, pulled]) {
        expect(text).not.toContain('luggage.upserted');
        expect(text).not.toContain(code);
        expect(text).not.toContain('SECRET-NOTE');
        expect(text).not.toContain('custody');
      }
    }
    expect(Object.keys(WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body))).not.toContain('luggage');
    const staffPull = StaffPull.parse((await agent.client.get('/api/sync/pull?after=0')).body);
    expect(staffPull.events.some((e) => e.type === 'luggage.upserted')).toBe(true);
  });
});

describe('shoe-care jobs', () => {
  const advance = (who: StaffDriver, requestId: string, stage: ShoeStage, expectedStage: ShoeStage | null) =>
    one(who, staffCmd(who, 'shoe.advance', { requestId, stage, expectedStage, desk: 'Concierge' }));

  it('moves accepted → collected → ready → returned; ready of a room job calls nobody to a desk on the wall, returned completes it', async () => {
    const req = kioskRequest('shoe_care', { kind: 'shoe_care', pairs: 2, collectAt: 'room', neededBy: null, stage: 'returned' });
    expect((await kiosk.push([req])).body.outcomes[0].outcome).toBe('applied');
    const id = req.payload.requestId;
    const staffView = async () => StaffSnapshot.parse((await agent.client.get('/api/sync/snapshot')).body).requests.find((r) => r.id === id)!;
    // The kiosk cannot set the stage.
    expect((await staffView()).details).not.toHaveProperty('stage');

    expect(await advance(agent, id, 'collected', null)).toMatchObject({ outcome: 'rejected', error: { code: 'illegal_transition' } });
    expect(await advance(agent, id, 'accepted', null)).toMatchObject({ outcome: 'applied', result: { status: 'serving' } });
    expect(await advance(agent2, id, 'collected', null)).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });
    expect(await advance(agent, id, 'collected', 'accepted')).toMatchObject({ outcome: 'applied' });
    const wallBefore = (await wall.get('/api/sync/snapshot')).body.version as number;
    expect(await advance(agent, id, 'ready', 'collected')).toMatchObject({ outcome: 'applied', result: { status: 'called' } });

    const wallPull = (await wall.get(`/api/sync/pull?after=${wallBefore}`)).body;
    const called = wallPull.events.find((e: { request: { id: string } }) => e.request.id === id);
    // Collected from the room, so they go back to the room: the wall never calls this ticket to a desk.
    expect(called.request).toMatchObject({ ticket: req.payload.ticket, status: 'called', desk: null, calledAt: null });
    expect(JSON.stringify(wallPull)).not.toContain('1208');

    expect(await advance(agent, id, 'returned', 'ready')).toMatchObject({ outcome: 'applied', result: { status: 'completed' } });
    expect(await staffView()).toMatchObject({ status: 'completed', details: { stage: 'returned' } });
    expect(await advance(agent, id, 'returned', 'returned')).toMatchObject({ outcome: 'rejected', error: { code: 'conflict' } });
  });

  it('ready of a job left in the lobby calls the ticket to that desk on the wall', async () => {
    const req = kioskRequest('shoe_care', { kind: 'shoe_care', pairs: 1, collectAt: 'lobby', neededBy: null });
    expect((await kiosk.push([req])).body.outcomes[0].outcome).toBe('applied');
    const id = req.payload.requestId;
    expect(await advance(agent, id, 'accepted', null)).toMatchObject({ outcome: 'applied' });
    expect(await advance(agent, id, 'collected', 'accepted')).toMatchObject({ outcome: 'applied' });
    const wallBefore = (await wall.get('/api/sync/snapshot')).body.version as number;
    expect(await advance(agent, id, 'ready', 'collected')).toMatchObject({ outcome: 'applied', result: { status: 'called' } });
    const wallPull = (await wall.get(`/api/sync/pull?after=${wallBefore}`)).body;
    const called = wallPull.events.find((e: { request: { id: string } }) => e.request.id === id);
    expect(called.request).toMatchObject({ ticket: req.payload.ticket, status: 'called', desk: 'Concierge' });
    expect(called.request.calledAt).not.toBeNull();
  });
});
