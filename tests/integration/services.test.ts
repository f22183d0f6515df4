/**
 * The service catalog (issue #12, `/api/settings/services`): every staff member reads it, only a
 * manager adds, edits, orders, retires and restores services; bad and hostile bodies are a 400 that
 * changes nothing; a property holds at most SERVICE_LIMIT. A guest's request for a service is
 * checked against the catalog (unknown → that command alone is rejected), lands in the service's
 * department, and the wall never calls one whose service says so. Every audience's snapshot carries
 * the catalog and every audience's pull hears `service.upserted`; reports count per service.
 * Runs on embedded PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Service, SERVICE_LIMIT, type ServiceBody, type ServiceDetails } from '../../shared/domain/service.ts';
import type { CommandOf } from '../../shared/protocol/commands.ts';
import { Report } from '../../shared/protocol/reports.ts';
import { KioskPull, KioskSnapshot, StaffPull, StaffSnapshot, WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_services');

const TAXI: ServiceBody = {
  code: 'taxi',
  names: { en: 'Taxi', 'zh-Hans': '出租车', 'zh-Hant': '計程車' },
  icon: 'taxi',
  department: 'concierge',
  fields: { room: 'optional', neededAt: 'required', count: 'off', note: 'optional' },
  callOnWall: true,
  retired: false,
};

describe.each(backends)('service catalog on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let manager: TestClient;
  let agent: TestClient;
  let supervisor: TestClient;
  let wall: TestClient;
  let kiosk: KioskDriver;
  let desk: StaffDriver;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    manager = await new TestClient(server.url).login('manager1', '3333');
    agent = await new TestClient(server.url).login('agent1', '1111');
    supervisor = await new TestClient(server.url).login('super1', '2222');
    wall = new TestClient(server.url, server.demo!.wallToken);
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    desk = await new StaffDriver(server.url).login('agent1', '1111');
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  const catalog = async (who = manager) => {
    const r = await who.get('/api/settings/services');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return Service.array().parse(r.body);
  };
  const save = (body: unknown, who = manager) => who.post('/api/settings/services', body);
  const order = (codes: unknown, who = manager) => who.post('/api/settings/services/order', { codes });
  const staffVersion = async () => StaffSnapshot.parse((await manager.get('/api/sync/snapshot')).body).version;

  /** A kiosk's request for catalog service `code`. */
  function serviceRequest(code: string, details: Partial<ServiceDetails> = {}): CommandOf<'request.create'> {
    const c = kiosk.create({ guestName: 'Li Wei', room: '1208', note: null });
    return { ...c, payload: { ...c.payload, kind: 'service', reason: null, details: { kind: 'service', service: code, count: null, neededAt: null, ...details } } };
  }
  const stored = (id: string) => server.store.db.selectFrom('service_requests').select(['kind', 'department', 'details', 'status']).where('id', '=', id).executeTakeFirstOrThrow();
  async function csvText(path: string): Promise<string> {
    const res = await fetch(server.url + path, { headers: { 'x-lobbydesk-protocol': '1', cookie: manager.cookie } });
    expect(res.status).toBe(200);
    return (await res.text()).replace(/^\uFEFF/, '');
  }
  const detailsOf = (raw: unknown) => (typeof raw === 'string' ? JSON.parse(raw) : raw) as ServiceDetails;

  it.skipIf(backend.skip)('starts with the demo services in order, readable by every staff role but no lobby device', async () => {
    const services = await catalog();
    expect(services.map((s) => [s.code, s.position, s.department, s.callOnWall, s.retired])).toEqual([
      ['extra_towels', 0, 'housekeeping', true, false],
      ['umbrella', 1, 'concierge', true, false],
      ['wake_up_call', 2, 'front_office', false, false],
    ]);
    expect(services[0]!.fields).toEqual({ room: 'required', neededAt: 'off', count: 'required', note: 'optional' });
    expect(services[2]!.fields).toMatchObject({ room: 'required', neededAt: 'required' });
    expect(await catalog(agent)).toEqual(services);
    expect(await catalog(supervisor)).toEqual(services);
    expect((await wall.get('/api/settings/services')).status).toBe(403);
    expect((await kiosk.client.get('/api/settings/services')).status).toBe(403);
    expect((await new TestClient(server.url).get('/api/settings/services')).status).toBe(401);
  });

  it.skipIf(backend.skip)('refuses agents, supervisors and devices a change (403), and changes nothing', async () => {
    const before = await catalog();
    for (const who of [agent, supervisor, wall, kiosk.client]) {
      for (const r of [await save(TAXI, who), await order(['umbrella', 'extra_towels'], who)]) {
        expect(r.status).toBe(403);
        expect(r.body.error.code).toBe('forbidden');
      }
    }
    expect((await save(TAXI, new TestClient(server.url))).status).toBe(401);
    expect(await catalog()).toEqual(before);
  });

  it.skipIf(backend.skip)('answers 400 with a clear message to bad and hostile bodies, never a 5xx, and changes nothing', async () => {
    const before = await catalog();
    const names = (en: string) => ({ ...TAXI, names: { ...TAXI.names, en } });
    const bad: [unknown, string][] = [
      [{}, 'code'],
      [[], '(body)'],
      ['taxi', '(body)'],
      [{ ...TAXI, code: 'Taxi' }, 'code'],
      [{ ...TAXI, code: 'a' }, 'code'],
      [{ ...TAXI, code: 'x'.repeat(25) }, 'code'],
      [{ ...TAXI, code: 'taxi\u0000' }, 'code'],
      [{ ...TAXI, code: '__proto__' }, 'code'],
      [names('Taxi\u0000now'), 'names.en'],
      [names('Taxi \ud800'), 'names.en'],
      [names('\u202e\u2066  '), 'names.en'],
      [names('x'.repeat(41)), 'names.en'],
      [names('x'.repeat(100_000)), 'names.en'],
      [{ ...TAXI, names: { en: 'Taxi', 'zh-Hans': '出租车' } }, 'names.zh-Hant'],
      [{ ...TAXI, icon: 'rocket' }, 'icon'],
      [{ ...TAXI, department: 'spa' }, 'department'],
      [{ ...TAXI, fields: { ...TAXI.fields, room: 'maybe' } }, 'fields.room'],
      [{ ...TAXI, fields: undefined }, 'fields'],
      [{ ...TAXI, callOnWall: 'yes' }, 'callOnWall'],
      [{ ...TAXI, retired: 1 }, 'retired'],
    ];
    for (const [body, field] of bad) {
      const r = await save(body);
      const what = JSON.stringify(body).slice(0, 120);
      expect(r.status, what).toBe(400);
      expect(r.body.error.code, what).toBe('bad_request');
      expect(r.body.error.message, what).toContain(`${field}:`);
    }
    for (const codes of ['umbrella', [1], ['Umbrella'], Array(SERVICE_LIMIT + 1).fill('umbrella'), ['umbrella\u0000']]) {
      const r = await order(codes);
      expect(r.status, JSON.stringify(codes).slice(0, 80)).toBe(400);
      expect(r.body.error.message).toContain('codes');
    }
    expect(await catalog()).toEqual(before);
  });

  it.skipIf(backend.skip)('adds a service last, edits it by its code (rev up, place kept), cleans its names and audits both', async () => {
    const added = await save({ ...TAXI, names: { ...TAXI.names, en: '  Ta\u202exi ' } });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const taxi = Service.parse(added.body);
    expect(taxi).toMatchObject({ code: 'taxi', names: TAXI.names, position: 3, rev: 1, retired: false, department: 'concierge' });

    const edited = Service.parse((await save({ ...TAXI, names: { ...TAXI.names, en: 'Taxi / car' }, callOnWall: false })).body);
    expect(edited).toMatchObject({ code: 'taxi', position: 3, rev: 2, callOnWall: false, names: { en: 'Taxi / car' } });
    expect((await catalog()).filter((s) => s.code === 'taxi')).toEqual([edited]);
    expect(Service.parse((await save(TAXI)).body)).toMatchObject({ rev: 3, callOnWall: true, names: TAXI.names });

    const audit = await server.store.db.selectFrom('audit_log').select(['staff_id', 'action', 'subject_id']).where('subject_id', '=', 'taxi').orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['service.created', 'service.updated', 'service.updated']);
    expect(audit.every((a) => a.staff_id === 'manager1')).toBe(true);
  });

  it.skipIf(backend.skip)('orders the catalog: named codes first in the order given, the rest after; unknown or doubled codes are a 400', async () => {
    const moved = Service.array().parse((await order(['taxi', 'wake_up_call'])).body);
    expect(moved.map((s) => s.code)).toEqual(['taxi', 'wake_up_call', 'extra_towels', 'umbrella']);
    expect(moved.map((s) => s.position)).toEqual([0, 1, 2, 3]);
    expect((await catalog()).map((s) => s.code)).toEqual(['taxi', 'wake_up_call', 'extra_towels', 'umbrella']);

    for (const codes of [['taxi', 'limousine'], ['taxi', 'taxi']]) {
      const r = await order(codes);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
      expect(r.body.error.message).toMatch(/limousine|twice/);
    }
    const full = Service.array().parse((await order(['extra_towels', 'umbrella', 'taxi', 'wake_up_call'])).body);
    expect(full.map((s) => s.code)).toEqual(['extra_towels', 'umbrella', 'taxi', 'wake_up_call']);
    // The same order again changes nothing: no rev moves.
    const again = Service.array().parse((await order(['extra_towels', 'umbrella', 'taxi', 'wake_up_call'])).body);
    expect(again).toEqual(full);
  });

  it.skipIf(backend.skip)('takes a guest request for a service into its department, with the catalog’s callOnWall; an unknown code is rejected alone', async () => {
    const unknown = serviceRequest('limousine');
    const taxi = serviceRequest('taxi', { neededAt: new Date(Date.now() + 3600_000).toISOString(), callOnWall: false });
    const wake = serviceRequest('wake_up_call', { neededAt: new Date(Date.now() + 8 * 3600_000).toISOString(), callOnWall: true });
    const r = await kiosk.push([unknown, taxi, wake]);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['rejected', 'applied', 'applied']);
    expect(r.body.outcomes[0].error.code).toBe('not_found');
    expect(r.body.outcomes[0].error.message).toContain('limousine');

    const t = await stored(taxi.payload.requestId);
    expect(t).toMatchObject({ kind: 'service', department: 'concierge', status: 'waiting' });
    expect(detailsOf(t.details)).toMatchObject({ kind: 'service', service: 'taxi', callOnWall: true });
    const w = await stored(wake.payload.requestId);
    expect(w.department).toBe('front_office');
    expect(detailsOf(w.details)).toMatchObject({ service: 'wake_up_call', callOnWall: false });

    // Staff call both; the wall shows the taxi's desk, never the wake-up call's.
    for (const id of [taxi.payload.requestId, wake.payload.requestId]) {
      const called = await desk.push([desk.transition(id, 'call', 'waiting')]);
      expect(called.body.outcomes[0].outcome, JSON.stringify(called.body)).toBe('applied');
    }
    const snap = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body);
    const onWall = (id: string) => snap.requests.find((x) => x.id === id)!;
    expect(onWall(taxi.payload.requestId)).toMatchObject({ kind: 'service', service: 'taxi', status: 'called', desk: 'Desk 1' });
    expect(onWall(taxi.payload.requestId).calledAt).not.toBeNull();
    expect(onWall(wake.payload.requestId)).toMatchObject({ kind: 'service', service: 'wake_up_call', status: 'called', desk: null, calledAt: null });
    const staff = StaffSnapshot.parse((await manager.get('/api/sync/snapshot')).body);
    expect(staff.requests.find((x) => x.id === wake.payload.requestId)).toMatchObject({ desk: 'Desk 1', department: 'front_office' });
    const mine = KioskSnapshot.parse((await kiosk.client.get('/api/sync/snapshot')).body);
    expect(mine.requests.find((x) => x.id === taxi.payload.requestId)).toMatchObject({ service: 'taxi' });

    // A batch after a rejection still flows: the next seq applies.
    const next = await kiosk.push([kiosk.create()]);
    expect(next.body.outcomes[0].outcome).toBe('applied');
  });

  it.skipIf(backend.skip)('retires a service (off the active list, kept in every snapshot), still takes a ticket an offline kiosk issued for it, and restores it', async () => {
    const retired = Service.parse((await save({ ...DEMO_UMBRELLA, retired: true })).body);
    expect(retired).toMatchObject({ code: 'umbrella', retired: true, position: 1 });
    expect((await catalog()).find((s) => s.code === 'umbrella')?.retired).toBe(true);

    const late = serviceRequest('umbrella', { count: 2 });
    const r = await kiosk.push([late]);
    expect(r.body.outcomes[0].outcome, JSON.stringify(r.body)).toBe('applied');
    expect(await stored(late.payload.requestId)).toMatchObject({ department: 'concierge' });

    for (const snap of [
      KioskSnapshot.parse((await kiosk.client.get('/api/sync/snapshot')).body),
      WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body),
      StaffSnapshot.parse((await manager.get('/api/sync/snapshot')).body),
    ]) {
      expect(snap.services.map((s) => s.code)).toEqual(['extra_towels', 'umbrella', 'taxi', 'wake_up_call']);
      expect(snap.services.find((s) => s.code === 'umbrella')?.retired).toBe(true);
    }

    const restored = Service.parse((await save({ ...DEMO_UMBRELLA, retired: false })).body);
    expect(restored).toMatchObject({ code: 'umbrella', retired: false, position: 1, rev: retired.rev + 1 });
  });

  it.skipIf(backend.skip)('delivers service.upserted to a kiosk, a wall and staff in their pulls', async () => {
    const after = await staffVersion();
    const saved = Service.parse((await save({ ...TAXI, names: { ...TAXI.names, en: 'Airport taxi' } })).body);
    const kioskPull = KioskPull.parse((await kiosk.client.get(`/api/sync/pull?after=${after}`)).body);
    const wallPull = WallPull.parse((await wall.get(`/api/sync/pull?after=${after}`)).body);
    const staffPull = StaffPull.parse((await manager.get(`/api/sync/pull?after=${after}`)).body);
    for (const pulled of [kioskPull, wallPull, staffPull]) {
      expect(pulled.events).toEqual([expect.objectContaining({ type: 'service.upserted', service: saved })]);
    }
    // An order that moves two services is two events.
    const before = await staffVersion();
    await order(['umbrella', 'extra_towels']);
    const moved = KioskPull.parse((await kiosk.client.get(`/api/sync/pull?after=${before}`)).body);
    expect(moved.events.map((e) => (e.type === 'service.upserted' ? e.service.code : e.type)).sort()).toEqual(['extra_towels', 'umbrella']);
    await order(['extra_towels', 'umbrella']);
  });

  it.skipIf(backend.skip)('counts service requests per service in reports, retired ones included, and names them in the CSVs', async () => {
    const day = kiosk.me.serviceDay;
    const report = Report.parse((await manager.get(`/api/reports?period=day&date=${day}`)).body);
    const byService = Object.fromEntries(report.requests.byService.map((s) => [s.service, s]));
    expect(report.requests.byService.map((s) => s.service)).toEqual(['extra_towels', 'umbrella', 'taxi', 'wake_up_call']);
    expect(byService.taxi).toMatchObject({ count: 1, names: { en: 'Airport taxi' }, retired: false });
    expect(byService.wake_up_call).toMatchObject({ count: 1 });
    expect(byService.umbrella).toMatchObject({ count: 1, names: { en: 'Borrow an umbrella' } });
    expect(byService.extra_towels).toMatchObject({ count: 0, waitMedian: null });
    expect(report.requests.byKind.find((k) => k.kind === 'service')).toMatchObject({ count: 3 });

    // Retired services stay in the report.
    await save({ ...DEMO_UMBRELLA, retired: true });
    const later = Report.parse((await supervisor.get(`/api/reports?period=day&date=${day}`)).body);
    expect(later.requests.byService.find((s) => s.service === 'umbrella')).toMatchObject({ count: 1, retired: true });

    const lines = (await csvText(`/api/reports.csv?period=day&date=${day}&table=requests_by_service&lang=zh`)).split('\r\n');
    expect(lines[0]).toBe('service,code,retired,requests,completed,no_shows,cancelled,wait_median_s,service_median_s');
    expect(lines.find((l) => l.startsWith('出租车,'))).toMatch(/^出租车,taxi,0,1,0,0,0,[\d.]+,$/); // called, not completed
    expect(lines).toContain('借用雨伞,umbrella,1,1,0,0,0,,');

    const rows = (await csvText(`/api/reports/tickets.csv?period=day&date=${day}`)).split('\r\n');
    expect(rows[0]!.endsWith(',Service name')).toBe(true);
    expect(rows.filter((l) => l.includes(',Hotel services,')).map((l) => l.split(',').at(-1)).sort()).toEqual(['Airport taxi', 'Borrow an umbrella', 'Wake-up call']);
  });

  it.skipIf(backend.skip)(`holds at most ${SERVICE_LIMIT} services: one more is a 409, an edit still saves`, async () => {
    const have = (await catalog()).length;
    for (let i = have; i < SERVICE_LIMIT; i++) {
      const r = await save({ ...TAXI, code: `extra_${i}`, names: { en: `Extra ${i}`, 'zh-Hans': `额外 ${i}`, 'zh-Hant': `額外 ${i}` } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const over = await save({ ...TAXI, code: 'one_too_many' });
    expect(over.status).toBe(409);
    expect(over.body.error.code).toBe('conflict');
    expect(over.body.error.message).toContain(String(SERVICE_LIMIT));
    expect((await catalog()).length).toBe(SERVICE_LIMIT);
    expect((await save({ ...DEMO_UMBRELLA, retired: false })).status).toBe(200);
  });
});

const DEMO_UMBRELLA: ServiceBody = {
  code: 'umbrella',
  names: { en: 'Borrow an umbrella', 'zh-Hans': '借用雨伞', 'zh-Hant': '借用雨傘' },
  icon: 'umbrella',
  department: 'concierge',
  fields: { room: 'off', neededAt: 'off', count: 'optional', note: 'off' },
  callOnWall: true,
  retired: false,
};
