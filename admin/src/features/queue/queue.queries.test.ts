import { describe, expect, it } from 'vitest';
import { legalActions, REQUEST_STATUSES } from '../../../../shared/domain/request.machine.ts';
import { queueJob, type ServiceRequest } from '../../../../shared/domain/request.ts';
import { activeQueue, doneTodayCount, elapsedMs, nextToCall, queueCounts, rowActions, splitByQueue, splitDuration, transferTarget } from './queue.queries.ts';

let n = 0;
function req(p: Partial<ServiceRequest>): ServiceRequest {
  n += 1;
  const id = `0190${String(n).padStart(4, '0')}-0000-7000-8000-000000000000`;
  return {
    id,
    kind: 'call_staff',
    ticket: `A${String(n).padStart(3, '0')}`,
    serviceDay: '2025-05-01',
    status: 'waiting',
    reason: 'question',
    guestName: 'Li Wei',
    room: null,
    note: null,
    details: null,
    deviceId: '01900000-0000-7000-8000-000000000001',
    desk: null,
    department: null,
    transferNote: null,
    assignedStaffId: null,
    assignedStaffName: null,
    createdAt: `2025-05-01T09:${String(n).padStart(2, '0')}:00.000Z`,
    clientCreatedAt: '2025-05-01T09:00:00.000Z',
    clockSkewMs: 0,
    calledAt: null,
    completedAt: null,
    updatedAt: '2025-05-01T09:00:00.000Z',
    rev: 1,
    ...p,
  };
}

describe('activeQueue', () => {
  it('keeps unfinished requests only, oldest ticket first', () => {
    const old = req({ createdAt: '2025-05-01T08:00:00.000Z', status: 'serving' });
    const young = req({ createdAt: '2025-05-01T10:00:00.000Z' });
    const mid = req({ createdAt: '2025-05-01T09:00:00.000Z', status: 'on_hold' });
    const done = req({ status: 'completed' });
    const gone = req({ status: 'cancelled' });
    expect(activeQueue([young, done, mid, gone, old]).map((r) => r.id)).toEqual([old.id, mid.id, young.id]);
  });

  it('orders tickets taken in the same instant by ticket number', () => {
    const b = req({ ticket: 'B001', createdAt: '2025-05-01T08:00:00.000Z' });
    const a = req({ ticket: 'A002', createdAt: '2025-05-01T08:00:00.000Z' });
    expect(activeQueue([b, a]).map((r) => r.ticket)).toEqual(['A002', 'B001']);
  });
});

describe('nextToCall', () => {
  it('picks the oldest waiting request and skips called, held and finished ones', () => {
    const called = req({ status: 'called', createdAt: '2025-05-01T07:00:00.000Z' });
    const held = req({ status: 'on_hold', createdAt: '2025-05-01T07:30:00.000Z' });
    const waitingLate = req({ createdAt: '2025-05-01T09:30:00.000Z' });
    const waitingEarly = req({ createdAt: '2025-05-01T08:30:00.000Z' });
    expect(nextToCall([called, held, waitingLate, waitingEarly])?.id).toBe(waitingEarly.id);
  });

  it('returns null when nobody waits', () => {
    expect(nextToCall([req({ status: 'serving' }), req({ status: 'completed' })])).toBeNull();
    expect(nextToCall([])).toBeNull();
  });
});

describe('transfer routing', () => {
  const desk = { queue: 'front_office', desk: '1' } as const;
  it('never lets the desk call a ticket transferred to a department or another desk', () => {
    const toHousekeeping = req({ createdAt: '2025-05-01T07:00:00.000Z', department: 'housekeeping', transferNote: 'extra towels' });
    const toDesk2 = req({ createdAt: '2025-05-01T07:10:00.000Z', desk: '2' });
    const mine = req({ createdAt: '2025-05-01T08:00:00.000Z' });
    expect(nextToCall([toHousekeeping, toDesk2, mine], desk)?.id).toBe(mine.id);
    expect(nextToCall([toHousekeeping, toDesk2], desk)).toBeNull();
    // The department's tablet calls it; desk 2 calls its own; sent back to the front office, the desk calls it again.
    expect(nextToCall([toHousekeeping, mine], { queue: 'housekeeping', desk: '1' })?.id).toBe(toHousekeeping.id);
    expect(nextToCall([toDesk2, mine], { queue: 'front_office', desk: ' 2 ' })?.id).toBe(toDesk2.id);
    expect(nextToCall([req({ createdAt: '2025-05-01T06:00:00.000Z', department: 'front_office' })], desk)).not.toBeNull();
  });

  it('skips a ticket whose cancel is waiting out its undo window', () => {
    const first = req({ createdAt: '2025-05-01T07:00:00.000Z' });
    const second = req({ createdAt: '2025-05-01T07:05:00.000Z' });
    expect(nextToCall([first, second], { ...desk, skip: new Set([first.id]) })?.id).toBe(second.id);
  });

  it('splits the list into this tablet\'s rows and the ones sent elsewhere, whose rows cannot take them', () => {
    const away = req({ department: 'engineering' });
    const held = req({ status: 'on_hold', desk: '1', assignedStaffId: 'agent1' });
    const { mine, elsewhere } = splitByQueue([away, held], desk);
    expect(mine.map((r) => r.id)).toEqual([held.id]);
    expect(elsewhere.map((r) => r.id)).toEqual([away.id]);
    expect(rowActions('waiting', undefined, true).map((a) => a.action)).toEqual(['transfer', 'cancel']);
  });
});

describe('counts', () => {
  it('counts only requests finished on the given service day as done today', () => {
    const list = [
      req({ status: 'completed' }),
      req({ status: 'cancelled' }),
      req({ status: 'completed', serviceDay: '2025-04-30' }),
      req({ status: 'no_show' }),
    ];
    expect(doneTodayCount(list, '2025-05-01')).toBe(2);
  });

  it('splits the active list into waiting, with staff and held', () => {
    const list = ['waiting', 'waiting', 'called', 'serving', 'on_hold', 'no_show', 'completed'].map((s) =>
      req({ status: s as ServiceRequest['status'] }),
    );
    expect(queueCounts(list)).toEqual({ waiting: 2, inService: 2, held: 2 });
  });
});

describe('waiting time', () => {
  it('never goes negative when the server clock is ahead', () => {
    expect(elapsedMs('2025-05-01T09:00:10.000Z', Date.parse('2025-05-01T09:00:00.000Z'))).toBe(0);
    expect(elapsedMs(null, 5)).toBe(0);
    expect(elapsedMs('not a date', 5)).toBe(0);
  });

  it('reads in seconds, then minutes, then hours and minutes', () => {
    expect(splitDuration(42_000)).toEqual({ unit: 'seconds', n: 42 });
    expect(splitDuration(12 * 60_000 + 5_000)).toEqual({ unit: 'minutes', n: 12 });
    expect(splitDuration(125 * 60_000)).toEqual({ unit: 'hours', h: 2, m: 5 });
  });
});

describe('rowActions', () => {
  it('shows exactly the legal actions of every status, primary first and cancel last', () => {
    for (const status of REQUEST_STATUSES) {
      const shown = rowActions(status);
      expect(new Set(shown.map((a) => a.action))).toEqual(new Set(legalActions(status)));
      expect(shown.filter((a) => a.primary).length).toBeLessThanOrEqual(1);
      if (shown.length && shown.some((a) => a.primary)) expect(shown[0]?.primary).toBe(true);
      const cancelAt = shown.findIndex((a) => a.action === 'cancel');
      if (cancelAt >= 0) expect(cancelAt).toBe(shown.length - 1);
    }
  });

  it('offers nothing on a finished request', () => {
    expect(rowActions('completed')).toEqual([]);
    expect(rowActions('cancelled')).toEqual([]);
  });

  it('never offers Complete on a shoe-care request, nor Cancel once its job has a stage', () => {
    const fresh = req({ kind: 'shoe_care', status: 'called', details: { kind: 'shoe_care', pairs: 1, collectAt: 'lobby', neededBy: null } });
    const ready = req({ kind: 'shoe_care', status: 'called', details: { kind: 'shoe_care', pairs: 1, collectAt: 'lobby', neededBy: null, stage: 'ready' } });
    const shown = (r: ServiceRequest) => rowActions(r.status, queueJob(r)).map((a) => a.action);
    expect(shown(fresh)).not.toContain('complete');
    expect(shown(fresh)).toContain('cancel');
    expect(shown(ready).sort()).toEqual(['call', 'hold', 'no_show', 'serve', 'transfer']);
    expect(rowActions('serving', queueJob(ready)).some((a) => a.primary)).toBe(false); // Complete leads a serving row; a shoe job has none
    for (const status of REQUEST_STATUSES) {
      expect(rowActions(status, queueJob(req({ status }))).map((a) => a.action)).toEqual(rowActions(status).map((a) => a.action));
    }
  });
});

describe('transferTarget', () => {
  it('names the department a request was sent to, whatever its status', () => {
    expect(transferTarget(req({ department: 'housekeeping' }))).toEqual({ department: 'housekeeping', desk: null });
    expect(transferTarget(req({ department: 'engineering', status: 'called', desk: '1', assignedStaffId: 'agent1' }))).toEqual({ department: 'engineering', desk: null });
  });

  it('names a desk only while the request waits and nobody holds it', () => {
    expect(transferTarget(req({ desk: '2' }))).toEqual({ department: null, desk: '2' });
    expect(transferTarget(req({ desk: '2', status: 'called', assignedStaffId: 'agent1' }))).toBeNull();
    expect(transferTarget(req({ desk: '1', assignedStaffId: 'agent1' }))).toBeNull(); // requeued: the agent's own desk
    expect(transferTarget(req({}))).toBeNull();
  });
});
