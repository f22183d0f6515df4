import { describe, expect, it } from 'vitest';
import type { WallRequest } from '../../../shared/domain/request.ts';
import { REQUEST_KINDS } from '../../../shared/domain/request.machine.ts';
import type { Service } from '../../../shared/domain/service.ts';
import { wallKindText } from './i18n/wall.ts';
import {
  BUILT_IN_KINDS,
  callKey,
  catalogOf,
  KEEP_FINISHED,
  KEEP_MAX,
  nowCalling,
  pruneWall,
  RECENT_LIMIT,
  recentlyCalled,
  requestLabel,
  upsertServices,
  waitingGroups,
} from './wall.queries.ts';

let n = 0;
function w(p: Partial<WallRequest>): WallRequest {
  n += 1;
  return {
    id: `0190${String(n).padStart(4, '0')}-0000-7000-8000-000000000000`,
    kind: 'call_staff',
    service: null,
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

function svc(code: string, position: number, p: Partial<Service> = {}): Service {
  return {
    code,
    names: { en: `${code} en`, 'zh-Hans': `${code} 简`, 'zh-Hant': `${code} 繁` },
    icon: 'question',
    department: 'concierge',
    fields: { room: 'off', neededAt: 'off', count: 'off', note: 'off' },
    callOnWall: true,
    retired: false,
    position,
    updatedAt: '2025-05-01T08:00:00.000Z',
    rev: 1,
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
    const groups = waitingGroups([a, b, c, served], new Map());
    expect(groups.map((g) => g.kind)).toEqual(['call_staff', 'luggage_in', 'luggage_out', 'shoe_care']);
    expect(groups[0]).toEqual({ key: 'call_staff', kind: 'call_staff', service: null, label: wallKindText.call_staff, count: 1, tickets: [c.ticket] });
    expect(groups[1]?.count).toBe(0);
    expect(groups[3]?.tickets).toEqual([b.ticket, a.ticket]);
  });

  it('derives its groups from the request kinds: every built-in kind but `service`, so a new kind cannot be forgotten', () => {
    expect(BUILT_IN_KINDS).toEqual(REQUEST_KINDS.filter((k) => k !== 'service'));
    expect(waitingGroups([], new Map()).map((g) => g.key)).toEqual([...BUILT_IN_KINDS]);
  });

  it('groups catalog requests per service after the built-in kinds, active services in position order, each under its names', () => {
    const catalog = catalogOf([svc('umbrella', 2, { icon: 'umbrella' }), svc('taxi', 1, { icon: 'taxi' }), svc('towels', 3), svc('old', 0, { retired: true })]);
    const taxi2 = w({ kind: 'service', service: 'taxi', createdAt: '2025-05-01T09:20:00.000Z' });
    const taxi1 = w({ kind: 'service', service: 'taxi', createdAt: '2025-05-01T09:10:00.000Z' });
    const towel = w({ kind: 'service', service: 'towels' });
    const calledTaxi = w({ kind: 'service', service: 'taxi', status: 'called', calledAt: '2025-05-01T10:00:00.000Z' });
    const call = w({ kind: 'call_staff' });
    const groups = waitingGroups([taxi2, towel, calledTaxi, call, taxi1], catalog);
    expect(groups.map((g) => g.key)).toEqual([...BUILT_IN_KINDS, 'service:taxi', 'service:umbrella', 'service:towels']);
    const [taxi, umbrella, towels] = groups.slice(BUILT_IN_KINDS.length);
    expect(taxi).toEqual({
      key: 'service:taxi',
      kind: 'service',
      service: 'taxi',
      label: { en: 'taxi en', 'zh-Hans': 'taxi 简', 'zh-Hant': 'taxi 繁' },
      count: 2,
      tickets: [taxi1.ticket, taxi2.ticket],
    });
    // An active service nobody waits for still has its place, with a zero.
    expect(umbrella).toMatchObject({ service: 'umbrella', count: 0, tickets: [] });
    expect(towels).toMatchObject({ service: 'towels', count: 1, tickets: [towel.ticket] });
    expect(groups[0]).toMatchObject({ kind: 'call_staff', count: 1 });
  });

  it('shows a retired service only while its tickets still wait, under its own name, after the active services', () => {
    const catalog = catalogOf([svc('taxi', 1), svc('old', 0, { retired: true, names: { en: 'Shuttle', 'zh-Hans': '班车', 'zh-Hant': '班車' } })]);
    expect(waitingGroups([], catalog).map((g) => g.key)).not.toContain('service:old');
    const left = w({ kind: 'service', service: 'old' });
    const groups = waitingGroups([left], catalog);
    expect(groups.map((g) => g.key).slice(-2)).toEqual(['service:taxi', 'service:old']);
    expect(groups.at(-1)).toMatchObject({ label: { en: 'Shuttle', 'zh-Hans': '班车', 'zh-Hant': '班車' }, count: 1, tickets: [left.ticket] });
    // A finished ticket of a retired service brings nothing back.
    expect(waitingGroups([{ ...left, status: 'completed' }], catalog).map((g) => g.key)).not.toContain('service:old');
  });

  it('still lists a ticket whose service the wall does not know yet, under a plain "Service"', () => {
    const stray = w({ kind: 'service', service: 'ghost' });
    const groups = waitingGroups([stray], new Map());
    expect(groups.at(-1)).toMatchObject({ key: 'service:ghost', label: wallKindText.service, tickets: [stray.ticket] });
  });

  it('names a called request by its service (a retired one too), a built-in one by its kind', () => {
    const catalog = catalogOf([svc('taxi', 1, { names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' } }), svc('old', 2, { retired: true })]);
    expect(requestLabel({ kind: 'service', service: 'taxi' }, catalog)).toEqual({ en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' });
    expect(requestLabel({ kind: 'service', service: 'old' }, catalog).en).toBe('old en');
    expect(requestLabel({ kind: 'service', service: 'ghost' }, catalog)).toBe(wallKindText.service);
    expect(requestLabel({ kind: 'shoe_care', service: null }, catalog)).toBe(wallKindText.shoe_care);
    // A called service ticket is "now calling" like any other.
    const taxi = w({ kind: 'service', service: 'taxi', status: 'called', desk: '2', calledAt: '2025-05-01T10:00:00.000Z' });
    expect(nowCalling([w({}), taxi])?.id).toBe(taxi.id);
  });

  it('keeps the newest copy of each service, in whatever order copies arrive', () => {
    const v1 = svc('taxi', 1);
    const v2 = svc('taxi', 1, { rev: 2, retired: true });
    const catalog = upsertServices(upsertServices(new Map(), [v2]), [v1]);
    expect(catalog.get('taxi')).toEqual(v2);
    expect(upsertServices(catalog, [])).toBe(catalog);
    expect(waitingGroups([], catalog).map((g) => g.key)).toEqual([...BUILT_IN_KINDS]);
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
    expect(waitingGroups(map.values(), new Map())[0]?.count).toBe(5);
    // Never called and finished: nothing to show, nothing kept.
    expect(pruneWall(new Map([w({ status: 'cancelled' })].map((r) => [r.id, r]))).size).toBe(0);
  });

  it('caps even an absurd number of open tickets', () => {
    const many = new Map(Array.from({ length: KEEP_MAX + 50 }, () => w({})).map((r) => [r.id, r]));
    expect(pruneWall(many).size).toBe(KEEP_MAX);
  });
});
