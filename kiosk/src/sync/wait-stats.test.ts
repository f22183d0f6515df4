import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Command } from '../../../shared/protocol/commands.ts';
import type { WaitStats } from '../../../shared/protocol/wait-stats.ts';
import { setMeta } from '../../../shared/sync-client/outbox.ts';
import { db } from './client.ts';
import { META, type TicketRow } from './db.ts';
import { createCallStaffTicket } from './tickets.ts';
import { waitInputs } from './wait-stats.ts';
import { testKiosk } from './test-device.ts';

const me = testKiosk({ property: { ...testKiosk().property, timeZone: 'UTC' }, serverTime: new Date().toISOString() });
const STATS: WaitStats = { at: new Date().toISOString(), desksOpen: 2, inService: 1, kinds: [{ kind: 'call_staff', serviceS: [60, 120, 180], waiting: 3 }] };

afterEach(async () => {
  await db.tickets.clear();
  await db.outbox.clear();
  await db.meta.clear();
});

function row(o: Partial<TicketRow>): TicketRow {
  return { id: crypto.randomUUID(), ticket: 'A001', kind: 'call_staff', status: 'waiting', reason: null, serviceDay: '2026-03-14', createdAt: new Date().toISOString(), commandId: null, rev: 1, desk: null, calledAt: null, calledSeenAt: null, errorCode: null, ...o };
}

describe('wait inputs and the quoted wait on the kiosk', () => {
  it('reads the last figures and counts this kiosk’s own tickets not yet called, today’s only', async () => {
    await setMeta(db, META.waitStats, { value: STATS, fetchedAt: 1234 });
    await db.tickets.bulkAdd([
      row({ status: 'queued' }),
      row({ status: 'sent' }),
      row({ status: 'waiting', kind: 'luggage_out' }),
      row({ status: 'called' }),
      row({ status: 'completed' }),
      row({ status: 'waiting', createdAt: new Date(Date.now() - 13 * 3600_000).toISOString() }), // left over from yesterday
    ]);
    const i = await waitInputs('call_staff');
    expect(i.stats).toEqual({ value: STATS, fetchedAt: 1234 });
    expect(i.ownWaiting).toEqual({ call_staff: 2, luggage_out: 1 });
  });

  it('treats damaged stored figures as none', async () => {
    await setMeta(db, META.waitStats, { value: { at: 5 }, fetchedAt: 1 });
    expect((await waitInputs('call_staff')).stats).toBeNull();
  });

  it('keeps the quote on the ticket and sends it with the request; a malformed quote is left out', async () => {
    const t = await createCallStaffTicket(db, me, { reason: 'question', quote: { low: 120, high: 360 } });
    expect(t.quote).toEqual({ low: 120, high: 360 });
    const bad = await createCallStaffTicket(db, me, { reason: 'question', quote: { low: 600, high: 60 } });
    expect(bad.quote).toBeNull();
    const sent = (await db.outbox.toArray()).map((o) => Command.parse(o.command));
    expect(sent.map((c) => (c.type === 'request.create' ? c.payload.quotedWait : 'other'))).toEqual([{ low: 120, high: 360 }, undefined]);
  });
});
