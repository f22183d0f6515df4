import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_TOKEN_RE } from '../../../shared/domain/follow.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { Command } from '../../../shared/protocol/commands.ts';
import type { KioskRequest } from '../../../shared/protocol/events.ts';
import { getMeta } from '../../../shared/sync-client/outbox.ts';
import { KioskDb, META } from './db.ts';
import { adoptDeviceMe } from './identity.ts';
import { createFeedback } from './feedback.ts';
import { applyOutcomes, applyServerRequests, createCallStaffTicket, createRequestTicket, pruneTickets } from './tickets.ts';
import { testKiosk } from './test-device.ts';

const DEVICE = '0190a0b0-0000-7000-8000-000000000001';
const OTHER_DEVICE = '0190a0b0-0000-7000-8000-000000000002';
const PROPERTY = { id: '0190a0b0-0000-7000-8000-0000000000aa', name: 'Harbour Hotel', timeZone: 'Asia/Shanghai' };
// 10:00 in Shanghai on 2026-03-14 (02:00 UTC).
const NOW = new Date('2026-03-14T02:00:00Z');

function deviceMe(over: Partial<DeviceMe> = {}): DeviceMe {
  return testKiosk({ deviceId: DEVICE, property: PROPERTY, serverTime: NOW.toISOString(), ...over });
}

let db: KioskDb;
let n = 0;
beforeEach(async () => {
  db = new KioskDb(`kiosk-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('call-staff tickets', () => {
  it('numbers tickets A001, A002… per service day and queues a valid command for each', async () => {
    const me = deviceMe();
    const a = await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    const b = await createCallStaffTicket(db, me, { reason: 'complaint', guestName: '  Li Wei ', room: '1208' }, NOW);
    expect([a.ticket, b.ticket]).toEqual(['A001', 'A002']);
    expect(a.status).toBe('queued');
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((r) => r.seq)).toEqual([1, 2]);
    const cmd = Command.parse(outbox[1]!.command);
    expect(cmd.type).toBe('request.create');
    expect(cmd.deviceId).toBe(DEVICE);
    if (cmd.type !== 'request.create') throw new Error('wrong type');
    expect(cmd.payload).toMatchObject({ requestId: b.id, kind: 'call_staff', ticket: 'A002', serviceDay: '2026-03-14', reason: 'complaint', guestName: 'Li Wei', room: '1208' });
    expect(b.commandId).toBe(cmd.id);
  });

  it("carries a fresh follow token in the guest's language, kept on the row for the ticket's QR; none without a language", async () => {
    const me = deviceMe();
    const a = await createCallStaffTicket(db, me, { reason: 'question', language: 'zh-Hant' }, NOW);
    const b = await createCallStaffTicket(db, me, { reason: 'question', language: 'en' }, NOW);
    const c = await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    expect(a.followToken).toMatch(FOLLOW_TOKEN_RE);
    expect(b.followToken).toMatch(FOLLOW_TOKEN_RE);
    expect(a.followToken).not.toBe(b.followToken);
    expect(c.followToken).toBeNull();
    const [ca, , cc] = (await db.outbox.orderBy('seq').toArray()).map((r) => Command.parse(r.command));
    if (ca?.type !== 'request.create' || cc?.type !== 'request.create') throw new Error('wrong type');
    expect(ca.payload.follow).toEqual({ token: a.followToken, language: 'zh-Hant' });
    expect(cc.payload.follow).toBeUndefined();
    expect((await db.tickets.get(a.id))?.followToken).toBe(a.followToken);
  });

  it('uses the property time zone for the service day, so a new local day restarts at 001', async () => {
    const me = deviceMe();
    await createCallStaffTicket(db, me, { reason: 'other' }, NOW);
    // 16:30 UTC is already 00:30 the next day in Shanghai.
    const next = await createCallStaffTicket(db, me, { reason: 'other' }, new Date('2026-03-14T16:30:00Z'));
    expect(next.ticket).toBe('A001');
    expect(next.serviceDay).toBe('2026-03-15');
  });

  it('writes the ticket and the command together or not at all', async () => {
    const me = deviceMe();
    await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    // The local write fails: the counter, the sequence number and the outbox roll back with it.
    const orig = db.tickets.add.bind(db.tickets);
    db.tickets.add = (() => Promise.reject(new Error('disk full'))) as unknown as typeof db.tickets.add;
    await expect(createCallStaffTicket(db, me, { reason: 'question' }, NOW)).rejects.toThrow();
    db.tickets.add = orig;
    expect(await db.outbox.count()).toBe(1);
    expect(await getMeta(db, META.counter('2026-03-14'))).toBe(1);
    expect(await getMeta(db, META.nextSeq)).toBe(2);
  });

  it('refuses to number tickets for a device without a letter', async () => {
    await expect(createCallStaffTicket(db, deviceMe({ letter: null }), { reason: 'question' }, NOW)).rejects.toThrow();
  });
});

describe('adopting the server identity', () => {
  it('never repeats a ticket or a sequence number after the kiosk was wiped', async () => {
    await adoptDeviceMe(db, deviceMe({ lastSeq: 41, lastTicketToday: 17 }));
    const t = await createCallStaffTicket(db, deviceMe(), { reason: 'question' }, NOW);
    expect(t.ticket).toBe('A018');
    expect((await db.outbox.toArray())[0]!.seq).toBe(42);
  });

  it('keeps local counters that are ahead of the server (offline tickets not yet delivered)', async () => {
    const me = deviceMe();
    for (let i = 0; i < 3; i++) await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    await adoptDeviceMe(db, deviceMe({ lastSeq: 1, lastTicketToday: 1 }));
    expect(await getMeta(db, META.counter('2026-03-14'))).toBe(3);
    expect(await getMeta(db, META.nextSeq)).toBe(4);
    expect((await db.outbox.toArray()).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('moves queued commands to a new device identity after re-pairing, numbered after the server', async () => {
    const me = deviceMe();
    await adoptDeviceMe(db, me);
    await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    await adoptDeviceMe(db, deviceMe({ deviceId: OTHER_DEVICE, lastSeq: 5 }));
    const rows = await db.outbox.orderBy('seq').toArray();
    expect(rows.map((r) => [r.seq, r.command.seq, r.command.deviceId])).toEqual([
      [6, 6, OTHER_DEVICE],
      [7, 7, OTHER_DEVICE],
    ]);
    expect(await getMeta(db, META.nextSeq)).toBe(8);
  });

  it('forgets ticket counters of earlier days and caches the identity', async () => {
    await db.meta.put({ key: META.counter('2026-03-12'), value: 9 });
    await adoptDeviceMe(db, deviceMe({ lastTicketToday: 2 }));
    expect(await getMeta(db, META.counter('2026-03-12'))).toBeUndefined();
    expect(await getMeta(db, META.counter('2026-03-14'))).toBe(2);
    expect((await getMeta<DeviceMe>(db, META.me))?.deviceId).toBe(DEVICE);
  });
});

describe('what the server says', () => {
  function request(id: string, over: Partial<KioskRequest> = {}): KioskRequest {
    return { id, kind: 'call_staff', ticket: 'A001', status: 'waiting', desk: null, calledAt: null, rev: 1, service: null, ...over };
  }

  it('marks delivered and rejected tickets from push outcomes', async () => {
    const me = deviceMe();
    const a = await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    const b = await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    await applyOutcomes(db, [
      { seq: 1, id: a.commandId!, outcome: 'applied', result: null },
      { seq: 2, id: b.commandId!, outcome: 'rejected', error: { code: 'ticket_taken', message: 'taken' } },
    ]);
    expect((await db.tickets.get(a.id))?.status).toBe('sent');
    expect(await db.tickets.get(b.id)).toMatchObject({ status: 'rejected', errorCode: 'ticket_taken' });
  });

  it('notes when a number is called, keeps the highest revision, and ignores replays', async () => {
    const t = await createCallStaffTicket(db, deviceMe(), { reason: 'question' }, NOW);
    const at = new Date('2026-03-14T02:05:00Z');
    await applyServerRequests(db, [request(t.id, { status: 'called', desk: 'Desk 2', calledAt: at.toISOString(), rev: 2 })], { serviceDay: '2026-03-14', now: at });
    expect(await db.tickets.get(t.id)).toMatchObject({ status: 'called', desk: 'Desk 2', rev: 2, calledSeenAt: at.toISOString() });
    // An older copy arriving late changes nothing.
    await applyServerRequests(db, [request(t.id, { status: 'waiting', rev: 1 })], { serviceDay: '2026-03-14' });
    expect((await db.tickets.get(t.id))?.status).toBe('called');
    await applyServerRequests(db, [request(t.id, { status: 'completed', rev: 3 })], { serviceDay: '2026-03-14' });
    expect((await db.tickets.get(t.id))?.status).toBe('completed');
  });

  it('adds requests it did not know (a wiped kiosk) without raising an old call notice from a snapshot', async () => {
    const id = '0190a0b0-0000-7000-8000-0000000000f1';
    await applyServerRequests(db, [request(id, { status: 'called', rev: 4 })], { serviceDay: '2026-03-14', fromSnapshot: true });
    expect(await db.tickets.get(id)).toMatchObject({ ticket: 'A001', status: 'called', calledSeenAt: null });
  });

  it('prunes finished tickets of past days but keeps undelivered ones', async () => {
    const me = deviceMe();
    const old = await createCallStaffTicket(db, me, { reason: 'question' }, new Date('2026-03-13T02:00:00Z'));
    const done = await createCallStaffTicket(db, me, { reason: 'question' }, new Date('2026-03-13T03:00:00Z'));
    await db.tickets.update(done.id, { status: 'completed' });
    await pruneTickets(db, '2026-03-14');
    expect(await db.tickets.get(old.id)).toBeDefined();
    expect(await db.tickets.get(done.id)).toBeUndefined();
  });
});

describe('luggage, shoe care and feedback', () => {
  it('queues luggage_in with its claim code and keeps the details on the local ticket', async () => {
    const me = deviceMe();
    const details = { kind: 'luggage_in' as const, bags: 3, expectedPickupAt: null, claimCode: 'ABCD2345' };
    const row = await createRequestTicket(db, me, { kind: 'luggage_in', room: '1208', details }, NOW);
    expect(row).toMatchObject({ ticket: 'A001', kind: 'luggage_in', reason: null, details });
    const cmd = Command.parse((await db.outbox.toArray())[0]!.command);
    if (cmd.type !== 'request.create') throw new Error('wrong type');
    expect(cmd.payload).toMatchObject({ kind: 'luggage_in', room: '1208', details });
  });

  it('refuses details that do not match the kind', async () => {
    await expect(createRequestTicket(db, deviceMe(), { kind: 'shoe_care', details: { kind: 'luggage_out', claimCode: 'ABCD2345' } }, NOW)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });

  it('notes when a ticket is completed live, and marks it rated once feedback names it', async () => {
    const me = deviceMe();
    const row = await createCallStaffTicket(db, me, { reason: 'question' }, NOW);
    await applyServerRequests(db, [{ id: row.id, kind: 'call_staff', ticket: row.ticket, status: 'completed', desk: null, calledAt: null, rev: 3, service: null }], { serviceDay: '2026-03-14', now: NOW });
    expect((await db.tickets.get(row.id))?.completedSeenAt).toBe(NOW.toISOString());
    await createFeedback(db, me, { rating: 5, requestId: row.id, contact: 'ignored without consent' });
    expect((await db.tickets.get(row.id))?.ratedAt).toBeTruthy();
    const cmd = Command.parse((await db.outbox.orderBy('seq').last())!.command);
    if (cmd.type !== 'feedback.submit') throw new Error('wrong type');
    expect(cmd.payload).toMatchObject({ rating: 5, requestId: row.id, contact: null, contactConsent: false });
  });
});
