import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatComplaintRef, parseComplaintRef } from '../../../shared/domain/complaint-ref.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { Command } from '../../../shared/protocol/commands.ts';
import { KioskDb } from './db.ts';
import { createFeedback } from './feedback.ts';
import { testKiosk } from './test-device.ts';

const NOW = new Date('2026-03-14T02:00:00Z');
const me = (over: Partial<DeviceMe> = {}): DeviceMe => testKiosk({ serverTime: NOW.toISOString(), ...over });

let db: KioskDb;
let n = 0;
beforeEach(async () => {
  db = new KioskDb(`kiosk-feedback-test-${++n}`);
  await db.open();
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function lastPayload() {
  const cmd = Command.parse((await db.outbox.orderBy('seq').last())!.command);
  if (cmd.type !== 'feedback.submit') throw new Error('wrong type');
  return cmd.payload;
}

describe('complaint references minted on the kiosk', () => {
  it('gives a complaint a reference at once, with the optional details, and queues both together', async () => {
    const q = await createFeedback(db, me(), { rating: 3, complaint: true, guestName: ' Li Wei ', room: '1208', contactConsent: true, contact: '13800138000', comment: 'Cold shower' });
    expect(q.reference).toBe(formatComplaintRef('A', 1));
    expect(await lastPayload()).toMatchObject({ reference: q.reference, guestName: 'Li Wei', room: '1208', contact: '13800138000', contactConsent: true });
  });

  it('never repeats one: the next complaint takes the next counter, also after the server’s highest for the letter', async () => {
    const a = await createFeedback(db, me(), { rating: 1 });
    const b = await createFeedback(db, me(), { rating: 4, complaint: true });
    expect([parseComplaintRef(a.reference!)?.n, parseComplaintRef(b.reference!)?.n]).toEqual([1, 2]);
    // A wiped kiosk, or a new kiosk with a freed letter: the server's count for the letter wins.
    const c = await createFeedback(db, me({ lastComplaintNo: 40 }), { rating: 2 });
    expect(parseComplaintRef(c.reference!)).toEqual({ letter: 'A', n: 41 });
  });

  it('gives none to feedback that opens no issue', async () => {
    const q = await createFeedback(db, me(), { rating: 5, comment: 'Lovely' });
    expect(q.reference).toBeNull();
    expect((await lastPayload()).reference).toBeNull();
  });
});
