/**
 * Reports (日报 / 周报 / 月报): known requests, complaints, feedback and
 * luggage with controlled timestamps, in a property east of UTC, and the
 * exact figures the server must compute for them; CSV quoting and the
 * formula-injection guard; who may read reports.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Report } from '../../shared/protocol/reports.ts';
import { csvCell } from '../../server/src/reports/reports.csv.ts';
import { periodRange } from '../../server/src/reports/reports.period.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, type RawResponse } from './helpers.ts';

let server: TestServer;
let manager: TestClient;
let propertyId: string;
let kioskId: string;
let n = 0;

const at = (iso: string) => new Date(iso);
const plus = (iso: string, s: number) => new Date(new Date(iso).getTime() + s * 1000);

async function request(o: { kind?: string; created: string; waitS?: number; serviceS?: number; status?: string }) {
  n += 1;
  const created = at(o.created);
  const called = o.waitS === undefined ? null : plus(o.created, o.waitS);
  const completed = called && o.serviceS !== undefined ? plus(o.created, o.waitS! + o.serviceS) : null;
  await server.store.db
    .insertInto('service_requests')
    .values({
      id: uuidv7(),
      property_id: propertyId,
      kind: o.kind ?? 'call_staff',
      ticket: `Z${String(n).padStart(3, '0')}`,
      service_day: o.created.slice(0, 10),
      status: o.status ?? (completed ? 'completed' : called ? 'called' : 'waiting'),
      reason: null,
      guest_name: null,
      room: null,
      note: null,
      details: null,
      device_id: kioskId,
      desk: null,
      assigned_staff_id: null,
      assigned_staff_name: null,
      created_at: created,
      client_created_at: created,
      clock_skew_ms: 0,
      called_at: called,
      completed_at: completed,
      updated_at: completed ?? called ?? created,
      rev: 1,
    })
    .execute();
}

async function issue(o: { created: string; status?: string; categories?: string[]; departments?: string[]; room?: string | null; contact?: string | null; resolvedAfterS?: number; ackBy?: string; resolveBy?: string }) {
  const created = at(o.created);
  await server.store.db
    .insertInto('issues')
    .values({
      id: uuidv7(),
      property_id: propertyId,
      source: 'staff',
      severity: 'medium',
      status: o.status ?? 'new',
      categories: o.categories ?? [],
      departments: o.departments ?? [],
      summary: 'test',
      rating: null,
      guest_name: null,
      room: o.room ?? null,
      contact: o.contact ?? null,
      contact_consent: !!o.contact,
      feedback_id: null,
      request_id: null,
      owner_staff_id: null,
      owner_staff_name: null,
      acknowledge_by: o.ackBy ? at(o.ackBy) : plus(o.created, 30 * 60),
      resolve_by: o.resolveBy ? at(o.resolveBy) : plus(o.created, 24 * 3600),
      resolved_at: o.resolvedAfterS === undefined ? null : plus(o.created, o.resolvedAfterS),
      created_at: created,
      updated_at: created,
      rev: 1,
    })
    .execute();
}

async function feedback(rating: number, created: string) {
  await server.store.db
    .insertInto('feedback')
    .values({ id: uuidv7(), property_id: propertyId, device_id: kioskId, rating, categories: [], comment: null, complaint: false, contact_consent: false, contact: null, guest_name: null, room: null, request_id: null, created_at: at(created), client_created_at: at(created) })
    .execute();
}

async function luggage(o: { created: string; status: string; expected?: string | null; released?: string | null; code: string }) {
  await server.store.db
    .insertInto('luggage_items')
    .values({
      id: uuidv7(),
      property_id: propertyId,
      claim_code: o.code,
      ticket: null,
      request_id: null,
      bags: 1,
      tags: ['T1'],
      location: 'Shelf A',
      guest_name: null,
      room: null,
      notes: null,
      expected_pickup_at: o.expected ? at(o.expected) : null,
      status: o.status,
      lost_claim: null,
      released_at: o.released ? at(o.released) : null,
      released_by: null,
      approved_by: null,
      created_at: at(o.created),
      updated_at: at(o.created),
      rev: 1,
    })
    .execute();
}

beforeAll(async () => {
  server = await startTestServer({ static: false });
  manager = await new TestClient(server.url).login('manager1', '3333');
  const p = await server.store.db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
  propertyId = p.id;
  // Shanghai is UTC+8: the local day 2025-03-10 runs from 2025-03-09T16:00Z to 2025-03-10T16:00Z.
  await server.store.db.updateTable('properties').set({ time_zone: 'Asia/Shanghai' }).where('id', '=', propertyId).execute();
  kioskId = (await server.store.db.selectFrom('devices').select('id').where('kind', '=', 'kiosk').executeTakeFirstOrThrow()).id;

  // 2025-03-10 local (Monday): five consultations waited 60, 120, 180, 240 and 600 s; three were served in 100, 200, 300 s.
  await request({ created: '2025-03-09T16:30:00Z', waitS: 60, serviceS: 100 }); // 00:30 local: inside the day
  await request({ created: '2025-03-10T02:00:00Z', waitS: 120, serviceS: 200 });
  await request({ created: '2025-03-10T03:00:00Z', waitS: 180, serviceS: 300 });
  await request({ created: '2025-03-10T04:00:00Z', waitS: 240, status: 'no_show' });
  await request({ created: '2025-03-10T05:00:00Z', waitS: 600, status: 'called' });
  await request({ created: '2025-03-10T06:00:00Z', status: 'cancelled' });
  await request({ created: '2025-03-10T07:00:00Z', kind: 'shoe_care', waitS: 30, serviceS: 900 });
  // Outside the day, inside the ISO week (Tuesday local) and the month.
  await request({ created: '2025-03-10T16:30:00Z', waitS: 10, serviceS: 10 });
  // Before the day in local time (23:59 on Sunday 9 March): outside the day and the week, inside the month.
  await request({ created: '2025-03-09T15:59:00Z', waitS: 10, serviceS: 10 });

  await issue({ created: '2025-03-10T02:00:00Z', categories: ['cleanliness', 'room'], departments: ['housekeeping'], room: '1208', status: 'resolved', resolvedAfterS: 3600 });
  await issue({ created: '2025-03-10T03:00:00Z', categories: ['service'], room: ' 1208 ', contact: '=HYPERLINK("x")', status: 'resolved', resolvedAfterS: 7200 });
  await issue({ created: '2025-03-10T04:00:00Z', contact: '=hyperlink("x")', status: 'in_progress', resolveBy: '2025-03-11T04:00:00Z' }); // overdue now
  await issue({ created: '2025-03-12T04:00:00Z', categories: ['food'], status: 'new', ackBy: '2999-01-01T00:00:00Z' }); // open, not overdue; Wednesday

  for (const r of [5, 4, 3, 1]) await feedback(r, '2025-03-10T05:00:00Z');
  await feedback(5, '2025-03-20T05:00:00Z');

  await luggage({ created: '2025-03-10T05:00:00Z', status: 'stored', expected: '2025-03-11T00:00:00Z', code: 'AAAAAAAA' }); // overdue now
  await luggage({ created: '2025-03-10T06:00:00Z', status: 'stored', expected: '2999-01-01T00:00:00Z', code: 'BBBBBBBB' });
  await luggage({ created: '2025-03-08T06:00:00Z', status: 'released', released: '2025-03-10T06:00:00Z', code: 'CCCCCCCC' });
});
afterAll(async () => {
  await server?.stop(true);
});

async function report(period: string, date: string): Promise<Report> {
  const r = await manager.get(`/api/reports?period=${period}&date=${date}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return Report.parse(r.body);
}

function csv(path: string, cookieFrom: TestClient = manager): Promise<RawResponse> {
  // The TestClient parses JSON; a CSV is read raw with the same session cookie.
  const cookie = (cookieFrom as unknown as { cookie: string }).cookie;
  return apiCall(server.url, 'GET', path, { cookie });
}

describe('report periods', () => {
  it('takes the calendar day, the ISO week (Monday first) and the calendar month containing the date', () => {
    expect(periodRange('day', '2025-03-10')).toEqual({ from: '2025-03-10', toExclusive: '2025-03-11' });
    expect(periodRange('week', '2025-03-16')).toEqual({ from: '2025-03-10', toExclusive: '2025-03-17' }); // a Sunday
    expect(periodRange('week', '2025-01-01')).toEqual({ from: '2024-12-30', toExclusive: '2025-01-06' });
    expect(periodRange('month', '2024-02-29')).toEqual({ from: '2024-02-01', toExclusive: '2024-03-01' });
    expect(periodRange('month', '2025-12-31')).toEqual({ from: '2025-12-01', toExclusive: '2026-01-01' });
  });
});

describe('daily report', () => {
  it('counts requests in the property’s local day, with medians and 90th percentiles of wait and service time', async () => {
    const r = await report('day', '2025-03-10');
    expect(r).toMatchObject({ period: 'day', from: '2025-03-10', to: '2025-03-10', timeZone: 'Asia/Shanghai' });
    expect(r.requests).toMatchObject({ total: 7, noShows: 1, cancelled: 1 });
    const call = r.requests.byKind.find((k) => k.kind === 'call_staff')!;
    // waits 60,120,180,240,600 → median 180, p90 = 240 + 0.6 × 360 = 456; service 100,200,300 → 200 and 280.
    expect(call).toEqual({ kind: 'call_staff', count: 6, completed: 3, noShows: 1, cancelled: 1, waitMedian: 180, waitP90: 456, serviceMedian: 200, serviceP90: 280 });
    expect(r.requests.byKind.find((k) => k.kind === 'shoe_care')).toMatchObject({ count: 1, waitMedian: 30, serviceMedian: 900 });
    expect(r.requests.byKind.find((k) => k.kind === 'luggage_in')).toMatchObject({ count: 0, waitMedian: null });
    // all kinds: waits 30,60,120,180,240,600 → median 150, p90 = 240 + 0.5 × 360 = 420
    expect(r.requests).toMatchObject({ waitMedian: 150, waitP90: 420 });
  });

  it('reports complaints by category, department and state, open and overdue now, time to resolve and repeat complainers', async () => {
    const r = await report('day', '2025-03-10');
    expect(r.complaints.total).toBe(3);
    expect(r.complaints.byCategory).toEqual([
      { key: '(none)', count: 1 },
      { key: 'cleanliness', count: 1 },
      { key: 'room', count: 1 },
      { key: 'service', count: 1 },
    ]);
    expect(r.complaints.byDepartment).toEqual([
      { key: '(none)', count: 2 },
      { key: 'housekeeping', count: 1 },
    ]);
    expect(r.complaints.byState).toEqual([
      { key: 'resolved', count: 2 },
      { key: 'in_progress', count: 1 },
    ]);
    expect(r.complaints).toMatchObject({ openNow: 2, overdueNow: 1, resolvedInPeriod: 2, resolveMedian: 5400 });
    expect(r.complaints.repeatComplainers).toEqual([
      { by: 'contact', value: '=hyperlink("x")', count: 2 },
      { by: 'room', value: '1208', count: 2 },
    ]);
  });

  it('reports satisfaction (rating ≥ 4 of all) and the luggage ledger', async () => {
    const r = await report('day', '2025-03-10');
    expect(r.satisfaction).toEqual({ count: 4, satisfied: 2, rate: 0.5, average: 3.25 });
    expect(r.luggage).toEqual({ inStoreNow: 2, overdueNow: 1, checkedIn: 2, handedBack: 1 });
    expect(r.daily).toEqual([{ day: '2025-03-10', requests: 7, complaints: 3 }]);
  });
});

describe('weekly and monthly reports', () => {
  it('gives a daily series for every day of the ISO week, zeros included', async () => {
    const r = await report('week', '2025-03-12');
    expect(r).toMatchObject({ from: '2025-03-10', to: '2025-03-16' });
    expect(r.daily.map((d) => d.day)).toEqual(['2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15', '2025-03-16']);
    expect(r.daily.map((d) => d.requests)).toEqual([7, 1, 0, 0, 0, 0, 0]);
    expect(r.daily.map((d) => d.complaints)).toEqual([3, 0, 1, 0, 0, 0, 0]);
    expect(r.requests.total).toBe(8);
  });

  it('covers the calendar month', async () => {
    const r = await report('month', '2025-03-31');
    expect(r).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    expect(r.daily).toHaveLength(31);
    expect(r.requests.total).toBe(9);
    expect(r.satisfaction.count).toBe(5);
    expect(r.complaints.total).toBe(4);
  });

  it('answers an empty period with zeros and nulls', async () => {
    const r = await report('day', '2024-01-01');
    expect(r.requests).toMatchObject({ total: 0, waitMedian: null, waitP90: null });
    expect(r.satisfaction).toEqual({ count: 0, satisfied: 0, rate: null, average: null });
  });

  it('refuses a malformed period or date', async () => {
    for (const q of ['period=year&date=2025-03-10', 'period=day&date=2025-13-45', 'period=day&date=2025-02-30', 'period=day', 'period=day&date=10/03/2025']) {
      const r = await manager.get(`/api/reports?${q}`);
      expect(r.status, q).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell(-2)).toBe('-2'); // a number stays a number
    expect(csvCell(null)).toBe('');
  });

  it('downloads a table as an attachment with a header row and the figures', async () => {
    const r = await csv('/api/reports.csv?period=day&date=2025-03-10&table=requests_by_kind');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/csv');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="lobbydesk-requests_by_kind-day-2025-03-10\.csv"$/);
    expect(r.text.charCodeAt(0)).toBe(0xfeff); // UTF-8 BOM: Excel and WPS read the file as UTF-8
    const lines = r.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('kind,requests,completed,no_shows,cancelled');
    expect(lines).toContain('Consultation,6,3,1,1'); // kinds in the staff's language (English by default)
    expect(lines.at(-1)).toBe('');

    const waits = (await csv('/api/reports.csv?period=day&date=2025-03-10&table=wait_times')).text.split('\r\n');
    expect(waits).toContain('Consultation,180,456,200,280');
    expect(waits).toContain('Luggage drop-off,,,,');
    expect(waits).toContain('All kinds,150,420,250,720'); // service 100, 200, 300, 900 → 250 and 720
    const zh = (await csv('/api/reports.csv?period=day&date=2025-03-10&table=issues_by_category&lang=zh')).text.split('\r\n');
    expect(zh).toEqual(['\uFEFFcategory,complaints', '未填写,1', '卫生,1', '客房,1', '服务,1', '']);
    const daily = (await csv('/api/reports.csv?period=week&date=2025-03-10&table=daily')).text.split('\r\n');
    expect(daily.slice(0, 3)).toEqual(['\uFEFFday,requests,complaints', '2025-03-10,7,3', '2025-03-11,1,0']);
    const sat = (await csv('/api/reports.csv?period=day&date=2025-03-10&table=satisfaction')).text;
    expect(sat).toBe('\uFEFFresponses,satisfied,rate,average\r\n4,2,0.5,3.25\r\n');
  });

  it('refuses an unknown table', async () => {
    const r = await csv('/api/reports.csv?period=day&date=2025-03-10&table=staff_pins');
    expect(r.status).toBe(400);
  });
});

describe('who may read reports', () => {
  it('lets supervisors and managers in, and refuses agents, the wall and kiosks', async () => {
    const sup = await new TestClient(server.url).login('super1', '2222');
    expect((await sup.get('/api/reports?period=day&date=2025-03-10')).status).toBe(200);
    const agent = await new TestClient(server.url).login('agent1', '1111');
    for (const path of ['/api/reports?period=day&date=2025-03-10', '/api/reports.csv?period=day&date=2025-03-10&table=daily']) {
      expect((await csv(path, agent)).status).toBe(403);
      expect((await apiCall(server.url, 'GET', path, { token: server.demo!.wallToken })).status).toBe(403);
      expect((await apiCall(server.url, 'GET', path, { token: server.demo!.kioskToken })).status).toBe(403);
      expect((await apiCall(server.url, 'GET', path)).status).toBe(401);
    }
  });
});
