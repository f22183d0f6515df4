import { describe, expect, it } from 'vitest';
import type { WallRequest } from '../../../shared/domain/request.ts';
import { callKey, nowCalling, recentlyCalled, waitingByKind } from './wall.queries.ts';

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

  it('lists at most six earlier calls, newest first, without requeued or cancelled tickets', () => {
    const calls = Array.from({ length: 8 }, (_, i) => w({ status: 'completed', calledAt: `2025-05-01T10:0${i}:00.000Z` }));
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
});
