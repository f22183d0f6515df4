/**
 * Kiosk ticket letters: 23 letters, one per active kiosk. A letter a revoked
 * kiosk left goes to a new kiosk only when none of its tickets is still open
 * and none was issued today (the property's service day), so the new kiosk's
 * numbers meet neither; never-used letters first, then the longest-freed;
 * a clear 409 when nothing is free. On PGlite and on PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KIOSK_LETTERS } from '../../shared/domain/ticket.ts';
import { DeviceList } from '../../shared/protocol/devices.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, KioskDriver, StaffDriver, type RawResponse } from './helpers.ts';

interface Paired {
  token: string;
  deviceId: string;
  letter: string;
}

function letterSuite(open: () => Promise<{ server: TestServer; cleanup: () => Promise<void> }>) {
  let server: TestServer;
  let cleanup: () => Promise<void>;
  let supervisor: TestClient;
  let address = 0;

  beforeEach(async () => {
    ({ server, cleanup } = await open());
    supervisor = await new TestClient(server.url).login('super1', '2222');
  });
  afterEach(async () => {
    await cleanup?.();
  });

  async function code(name: string): Promise<string> {
    const r = await supervisor.post('/api/devices/pairing-codes', { kind: 'kiosk', name });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.code as string;
  }
  /** Redeems a code as a kiosk would, each from its own loopback address (pairing is limited to 10 a minute per address). */
  function redeem(c: string): Promise<RawResponse> {
    address += 1;
    return apiCall(server.url, 'POST', '/api/devices/pair', { body: { code: c }, localAddress: `127.8.${address >> 8}.${address & 255}` });
  }
  async function pair(name: string): Promise<Paired> {
    const r = await redeem(await code(name));
    expect(r.status, r.text).toBe(200);
    return { token: r.json.token, deviceId: r.json.me.deviceId, letter: r.json.me.letter };
  }
  /** Pairs kiosks until every letter is held (the demo kiosk holds A). */
  async function fill(): Promise<Map<string, Paired>> {
    const byLetter = new Map<string, Paired>();
    for (let i = 1; i < KIOSK_LETTERS.length; i++) {
      const k = await pair(`Kiosk ${i}`);
      byLetter.set(k.letter, k);
    }
    return byLetter;
  }
  /** Kiosks for every letter no kiosk ever had, written straight into the table: faster than pairing, for tests about what comes after. */
  async function fillRest(): Promise<Map<string, string>> {
    const db = server.store.db;
    const { property_id } = await db.selectFrom('devices').select('property_id').where('letter', '=', 'A').executeTakeFirstOrThrow();
    const had = new Set((await db.selectFrom('devices').select('letter').execute()).map((d) => d.letter));
    const rows = KIOSK_LETTERS.filter((l) => !had.has(l)).map((letter) => ({ id: crypto.randomUUID(), property_id, kind: 'kiosk', name: `Filler ${letter}`, letter, token_hash: null }));
    if (rows.length) await db.insertInto('devices').values(rows).execute();
    return new Map(rows.map((r) => [r.letter, r.id]));
  }
  async function revoke(k: Pick<Paired, 'deviceId'>): Promise<void> {
    const r = await supervisor.post(`/api/devices/${k.deviceId}/revoke`, {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  }
  async function refused(): Promise<string> {
    const r = await redeem(await code('One too many'));
    expect(r.status, r.text).toBe(409);
    expect(r.json.error.code).toBe('no_kiosk_letter');
    return r.json.error.message as string;
  }

  it('hands out the 23 letters in order, then refuses the next kiosk with a conflict that says what to do', async () => {
    const byLetter = await fill();
    expect(['A', ...byLetter.keys()]).toEqual(KIOSK_LETTERS);
    const c = await code('Spare');
    const r = await redeem(c);
    expect(r.status).toBe(409);
    expect(r.json.error.message).toMatch(/All 23 kiosk letters belong to active kiosks; revoke a kiosk that is no longer used/);
    // The refused code was not used up: once a letter is free, the same code pairs.
    await revoke(byLetter.get('Z')!);
    const again = await redeem(c);
    expect(again.status, again.text).toBe(200);
    expect(again.json.me.letter).toBe('Z');
  });

  it('gives a revoked kiosk’s letter again only once none of its tickets is open or from today, and the new kiosk’s numbers never collide', async () => {
    const pb = await pair('Kiosk B');
    const pc = await pair('Kiosk C');
    await fillRest();
    const b = await new KioskDriver(server.url, pb.token).init();
    const c = await new KioskDriver(server.url, pc.token).init();
    const today = b.me.serviceDay;
    const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // B issues B001 today; C delivers C001 from yesterday (it was offline), still waiting in the queue.
    expect((await b.push([b.create()])).body.outcomes[0].outcome).toBe('applied');
    const old = c.create({ ticket: 'C001' });
    old.payload.serviceDay = yesterday;
    expect((await c.push([old])).body.outcomes[0].outcome).toBe('applied');
    await revoke(pb);
    await revoke(pc);

    const why = await refused();
    expect(why).toContain('B: B001 was issued today (free tomorrow)');
    expect(why).toContain(`C: C001 of ${yesterday} is still open (complete or cancel it)`);
    expect(why).toMatch(/^No kiosk letter is free: 21 belong to active kiosks/);

    // Staff finish yesterday's C001: C is free, B (issued today) is not.
    const agent = await new StaffDriver(server.url).login('agent1', '1111');
    const done = await agent.push([agent.transition(old.payload.requestId, 'call', 'waiting'), agent.transition(old.payload.requestId, 'complete', 'called')]);
    expect(done.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied']);
    const reused = await pair('Replacement C');
    expect(reused.letter).toBe('C');
    expect(await refused()).toContain('B: B001 was issued today');

    // The new C kiosk starts its day at C001: yesterday's C001 is another day's number.
    const newC = await new KioskDriver(server.url, reused.token).init();
    expect(newC.me).toMatchObject({ letter: 'C', lastTicketToday: 0 });
    const first = newC.create();
    expect(first.payload.ticket).toBe('C001');
    expect((await newC.push([first])).body.outcomes[0]).toMatchObject({ outcome: 'applied' });

    // Both C kiosks are listed with their letter: the revoked one keeps its history.
    const listed = DeviceList.parse((await supervisor.get('/api/devices')).body).devices.filter((d) => d.letter === 'C');
    expect(listed.map((d) => d.revokedAt === null).sort()).toEqual([false, true]);
  });

  it('takes a letter no kiosk ever had before a freed one, then the one freed longest ago', async () => {
    const first = [await pair('One'), await pair('Two'), await pair('Three')];
    expect(first.map((k) => k.letter)).toEqual(['B', 'C', 'D']);
    await revoke(first[1]!); // C is free, but E was never used
    expect((await pair('Four')).letter).toBe('E');
    await fillRest();
    await revoke(first[2]!); // D, then B: C was freed first of all
    await revoke(first[0]!);
    expect([(await pair('Five')).letter, (await pair('Six')).letter, (await pair('Seven')).letter]).toEqual(['C', 'D', 'B']);
    await refused();
  });

  it('gives the last free letter to one of two kiosks pairing at the same moment; the other gets the conflict', async () => {
    await revoke({ deviceId: (await fillRest()).get('M')! });
    const [x, y] = [await code('Left'), await code('Right')];
    const answers = await Promise.all([redeem(x), redeem(y)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.status === 200)!.json.me.letter).toBe('M');
    const active = await server.store.db.selectFrom('devices').select('letter').where('letter', '=', 'M').where('revoked_at', 'is', null).execute();
    expect(active).toHaveLength(1);
  });
}

describe('kiosk letters (PGlite)', () => {
  letterSuite(async () => {
    const server = await startTestServer({ static: false });
    return { server, cleanup: () => server.stop(true) };
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`kiosk letters (PostgreSQL${TEST_DATABASE_URL ? '' : `, ${PG_SKIP_REASON}`})`, () => {
  letterSuite(async () => {
    const db = await freshDatabase('ld_letters');
    const server = await startTestServer({ databaseUrl: db.url, static: false });
    return {
      server,
      cleanup: async () => {
        await server.stop(true);
        await db.drop();
      },
    };
  });
});
