import { describe, expect, it } from 'vitest';
import type { WallRequest } from '../../../shared/domain/request.ts';
import { callKey, KEEP_FINISHED, KEEP_MAX, nowCalling, pruneWall, RECENT_LIMIT, recentlyCalled, waitingByKind } from './wall.queries.ts';

let n = 0;
function w(p: Partial<WallRequest>): WallRequest {
  n += 1;
  return {
    id: `0190${String(n).padStart(4, '0')}-0000-7000-8000-000000000000`,
    kind: 'call_staff',
    ticket: `A${String(n).padStart(3, '0')}`,
    status: 'waiting',
    desk: null,
    calledAt: null,
    createdAt: `2025-05-01T09:${String(n % 60).padStart(2, '0')}:00.000Z`,
    updatedAt: '2025-05-01T09:00:00.000Z',
    rev: 1,
    maskedName: 'L***',
    ...p,
  };
}

describe('wall display', () => {
  it('calls the ticket most recently called to a desk', () => {
    const early = w({ status: 'serving', calledAt: '2025-05-01T10:00:00.000Z' });
    const late = w({ status: 'called', calledAt: '2025-05-01T10:05:00.000Z' });
    const finishedLater = w({ status: 'completed', calledAt: '2025-05-01T10:09:00.000Z' });
    expect(nowCalling([early, late, finishedLater])?.id).toBe(late.id);
    expect(nowCalling([w({}), finishedLater])).toBeNull();
  });

  it('lists at most RECENT_LIMIT earlier calls, newest first, without requeued or cancelled tickets', () => {
    const calls = Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => w({ status: 'completed', calledAt: `2025-05-01T10:${String(i).padStart(2, '0')}:00.000Z` }));
    const current = w({ status: 'called', calledAt: '2025-05-01T11:00:00.000Z' });
    const requeued = w({ status: 'waiting', calledAt: '2025-05-01T10:30:00.000Z' });
    const cancelled = w({ status: 'cancelled', calledAt: '2025-05-01T10:31:00.000Z' });
    const recent = recentlyCalled([...calls, current, requeued, cancelled], current);
    expect(recent.map((r) => r.ticket)).toEqual(calls.slice(2).reverse().map((r) => r.ticket));
  });

  it('groups waiting tickets by kind, oldest first, with every kind present', () => {
    const a = w({ kind: 'shoe_care', createdAt: '2025-05-01T09:10:00.000Z' });
    const b = w({ kind: 'shoe_care', createdAt: '2025-05-01T09:05:00.000Z' });
    const c = w({ kind: 'call_staff' });
    const served = w({ kind: 'call_staff', status: 'serving' });
    const groups = waitingByKind([a, b, c, served]);
    expect(groups.map((g) => g.kind)).toEqual(['call_staff', 'luggage_in', 'luggage_out', 'shoe_care']);
    expect(groups[0]).toEqual({ kind: 'call_staff', count: 1, tickets: [c.ticket] });
    expect(groups[1]?.count).toBe(0);
    expect(groups[3]?.tickets).toEqual([b.ticket, a.ticket]);
  });

  it('changes the call key on a recall so the chime plays again', () => {
    const r = w({ status: 'called', calledAt: '2025-05-01T10:00:00.000Z' });
    expect(callKey(r)).not.toBe(callKey({ ...r, calledAt: '2025-05-01T10:02:00.000Z' }));
    expect(callKey(null)).toBeNull();
  });

  it('keeps memory flat over days: open tickets plus a bounded tail of finished calls', () => {
    let map = new Map<string, WallRequest>();
    const open = Array.from({ length: 5 }, () => w({ status: 'waiting' }));
    for (const r of open) map.set(r.id, r);
    // Thirty days of 400 calls each, every one completed, arriving one update at a time.
    for (let day = 0; day < 30; day++) {
      for (let i = 0; i < 400; i++) {
        const at = new Date(Date.UTC(2025, 4, 1 + day, 8, 0, i)).toISOString();
        const r = w({ status: i % 50 === 0 ? 'cancelled' : 'completed', calledAt: at, createdAt: at });
        map = pruneWall(new Map(map).set(r.id, r));
        expect(map.size).toBeLessThanOrEqual(open.length + KEEP_FINISHED);
      }
    }
    for (const r of open) expect(map.has(r.id)).toBe(true);
    // The screen still shows the newest calls and every waiting ticket.
    const recent = recentlyCalled(map.values(), null);
    expect(recent[0]?.calledAt).toBe(new Date(Date.UTC(2025, 4, 30, 8, 6, 39)).toISOString());
    expect(waitingByKind(map.values())[0]?.count).toBe(5);
    // Never called and finished: nothing to show, nothing kept.
    expect(pruneWall(new Map([w({ status: 'cancelled' })].map((r) => [r.id, r]))).size).toBe(0);
  });

  it('caps even an absurd number of open tickets', () => {
    const many = new Map(Array.from({ length: KEEP_MAX + 50 }, () => w({})).map((r) => [r.id, r]));
    expect(pruneWall(many).size).toBe(KEEP_MAX);
  });
});
