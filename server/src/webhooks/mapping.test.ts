import { describe, expect, it } from 'vitest';
import type { StoredEventData } from '../../../shared/protocol/events.ts';
import { DEFAULT_RETRY, nextAttemptAt } from './backoff.ts';
import { webhookFor } from './mapping.ts';

const T0 = '2026-12-04T10:00:00.000Z';
const T1 = '2026-12-04T10:05:00.000Z';
const T2 = '2026-12-04T10:09:00.000Z';

const request = (o: Partial<StoredEventData<'request.upserted'>>) =>
  ({
    id: '0190a0a0-0000-7000-8000-000000000001',
    kind: 'call_staff',
    ticket: 'A001',
    serviceDay: '2026-12-04',
    status: 'waiting',
    reason: 'question',
    guestName: 'Li Wei',
    room: '1208',
    note: 'Needs a taxi',
    details: null,
    deviceId: '0190a0a0-0000-7000-8000-000000000002',
    desk: null,
    department: null,
    transferNote: 'private',
    assignedStaffId: 's1',
    assignedStaffName: 'Agent One',
    createdAt: T0,
    clientCreatedAt: T0,
    clockSkewMs: 0,
    calledAt: null,
    completedAt: null,
    updatedAt: T0,
    rev: 1,
    ...o,
  }) as StoredEventData<'request.upserted'>;

const ev = (data: StoredEventData<'request.upserted'>) =>
  webhookFor({ propertyId: 'p', type: 'request.upserted', entityId: data.id, subjectDeviceId: null, actorStaffId: null, originDeviceId: null, data });

describe('webhook mapping', () => {
  it('maps a request to created, called and completed only on the change that made it so', () => {
    expect(ev(request({}))?.type).toBe('request.created');
    expect(ev(request({ status: 'called', calledAt: T1, updatedAt: T1, rev: 2 }))?.type).toBe('request.called');
    // An assignment or note while called is not a second call.
    expect(ev(request({ status: 'called', calledAt: T1, updatedAt: T2, rev: 3 }))).toBeNull();
    expect(ev(request({ status: 'serving', calledAt: T1, updatedAt: T2, rev: 3 }))).toBeNull();
    expect(ev(request({ status: 'completed', calledAt: T1, completedAt: T2, updatedAt: T2, rev: 4 }))?.type).toBe('request.completed');
    expect(ev(request({ status: 'cancelled', completedAt: T2, updatedAt: T2, rev: 2 }))).toBeNull();
  });

  it('keeps guest data apart and leaves out everything else of the guest and of staff', () => {
    const m = ev(request({}))!;
    expect(m.guest).toEqual({ guestName: 'Li Wei', room: '1208', note: 'Needs a taxi' });
    expect(Object.keys(m.data).sort()).toEqual(['calledAt', 'completedAt', 'createdAt', 'department', 'desk', 'id', 'kind', 'status', 'ticket']);
    expect(JSON.stringify(m.data)).not.toMatch(/Li Wei|1208|taxi|private|Agent One/);
  });

  it('retries with growing, jittered delays and gives up after a day', () => {
    const created = new Date(T0);
    const delays = [1, 2, 3, 7, 9].map((n) => nextAttemptAt(DEFAULT_RETRY, n, created, created, () => 0.5)!.getTime() - created.getTime());
    expect(delays).toEqual([5_000, 30_000, 120_000, 3_600_000, 3_600_000]);
    const late = new Date(created.getTime() + 23.5 * 3_600_000);
    expect(nextAttemptAt(DEFAULT_RETRY, 30, created, late, () => 0.5)).toBeNull();
    expect(nextAttemptAt(DEFAULT_RETRY, 1, created, created, () => 0)!.getTime() - created.getTime()).toBe(4_000);
  });
});
