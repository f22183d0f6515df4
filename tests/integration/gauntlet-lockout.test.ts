/**
 * Gauntlet: the PIN and typed-card-code counters live in the database
 * (`auth_attempts`), so several instances on one PostgreSQL count together
 * (guesses spread over instances get no extra tries) and a restart forgets
 * no lockout. Old counters are deleted. The per-address and per-account
 * limits themselves are in gauntlet-security and access.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin } from '../../server/src/auth/secrets.ts';
import { ACCOUNT_LOCK_AFTER, ACCOUNT_LOCK_MS } from '../../server/src/staff/auth.routes.ts';
import type { Db } from '../../server/src/store/store.ts';
import { LogCapture, loopbackAddresses } from '../support/gauntlet.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiCall } from './helpers.ts';

const login = (server: TestServer, staffId: string, pin: string, localAddress: string) => apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId, pin }, localAddress });
const cardCode = (server: TestServer, token: string, i: number, localAddress: string) =>
  apiCall(server.url, 'POST', '/api/kiosk/card', { token, body: { code: `ZZZZ-ZZZZ-ZZ${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}` }, localAddress });

/** A staff member made for one test, so each test locks its own account. */
async function addStaff(db: Db, id: string, pin: string): Promise<void> {
  const property = await db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
  await db.insertInto('staff').values({ id, property_id: property.id, name: `Test ${id}`, role: 'agent', pin_hash: await hashPin(pin) }).execute();
}
const pinRow = (db: Db, staffId: string) => db.selectFrom('auth_attempts').selectAll().where('scope', '=', 'pin').where('key', '=', staffId).executeTakeFirst();
const secondsIn = (message: string) => Number(/try again in (\d+) s/.exec(message)?.[1]);

describe('gauntlet: lockout counters on embedded PGlite', () => {
  let server: TestServer;
  let dataDir: string;
  const next = loopbackAddresses(6);

  beforeAll(async () => {
    server = await startTestServer({ static: false });
    dataDir = server.dataDir;
  });
  afterAll(async () => {
    await server?.stop(true);
  });

  const restart = async () => {
    await server.stop();
    server = await startTestServer({ static: false, dataDir });
  };

  it(`keeps a staff id locked, and one address's login count, across a restart of the server`, async () => {
    await addStaff(server.store.db, 'restart1', '4321');
    for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++) expect((await login(server, 'restart1', `90000${i}`, next())).status).toBe(401);
    const crowded = '127.6.200.1';
    for (let i = 0; i < 10; i++) expect((await login(server, `nobody${i}`, '0000', crowded)).status).toBe(401);
    const perAddress = await server.store.db.selectFrom('auth_attempts').select(['scope', 'count']).where('key', '=', crowded).execute();
    expect(perAddress).toEqual([{ scope: 'rate:POST /api/auth/login', count: 10 }]);

    await restart();
    const right = await login(server, 'restart1', '4321', next());
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('rate_limited');
    expect(secondsIn(right.json.error.message)).toBeGreaterThan(0);
    expect(secondsIn(right.json.error.message)).toBeLessThanOrEqual(ACCOUNT_LOCK_MS / 1000);
    const eleventh = await login(server, 'agent1', '1111', crowded); // the 11th from that address this minute
    expect(eleventh.status).toBe(429);
    expect(secondsIn(eleventh.json.error.message)).toBeGreaterThan(0);
    expect(secondsIn(eleventh.json.error.message)).toBeLessThanOrEqual(60);
  });

  it('lets the right PIN in once the lock is over, and then forgets the counter', async () => {
    await addStaff(server.store.db, 'expire1', '5678');
    for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++) await login(server, 'expire1', `80000${i}`, next());
    expect((await login(server, 'expire1', '5678', next())).status).toBe(429);
    // Fifteen minutes pass (the server's clock cannot be moved from here: the row's times move back instead).
    await sql`update auth_attempts set window_ends = now() - interval '1 second', locked_until = now() - interval '1 second' where scope = 'pin' and key = 'expire1'`.execute(server.store.db);
    expect((await login(server, 'expire1', '5678', next())).status).toBe(200);
    expect(await pinRow(server.store.db, 'expire1')).toBeUndefined();
  });

  it('starts counting wrong PINs from one again when their window is over', async () => {
    await addStaff(server.store.db, 'window1', '2468');
    for (let i = 0; i < ACCOUNT_LOCK_AFTER - 1; i++) expect((await login(server, 'window1', `70000${i}`, next())).status).toBe(401);
    expect(await pinRow(server.store.db, 'window1')).toMatchObject({ count: ACCOUNT_LOCK_AFTER - 1, locked_until: null });
    await sql`update auth_attempts set window_ends = now() - interval '1 second' where scope = 'pin' and key = 'window1'`.execute(server.store.db);
    expect((await login(server, 'window1', '700009', next())).status).toBe(401); // one wrong PIN in a new window: not locked
    expect(await pinRow(server.store.db, 'window1')).toMatchObject({ count: 1, locked_until: null });
    expect((await login(server, 'window1', '2468', next())).status).toBe(200);
  });

  it('deletes counters whose window and lock are both over, and keeps those still limiting', async () => {
    const past = new Date(Date.now() - 3_600_000);
    const future = new Date(Date.now() + 3_600_000);
    await server.store.db
      .insertInto('auth_attempts')
      .values([
        { scope: 'rate:POST /api/auth/login', key: '127.6.250.1', count: 10, window_ends: past, locked_until: null },
        { scope: 'pin', key: 'ghost-old', count: 5, window_ends: past, locked_until: past },
        { scope: 'pin', key: 'ghost-locked', count: 5, window_ends: past, locked_until: future },
        { scope: 'rate:POST /api/kiosk/card', key: '127.6.250.2', count: 3, window_ends: future, locked_until: null },
      ])
      .execute();
    await restart(); // a fresh instance prunes on its first counted request
    expect((await login(server, 'agent1', '1111', next())).status).toBe(200);
    const keys = (await server.store.db.selectFrom('auth_attempts').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('127.6.250.1');
    expect(keys).not.toContain('ghost-old');
    expect(keys).toContain('ghost-locked');
    expect(keys).toContain('127.6.250.2');
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`gauntlet: two instances on one PostgreSQL share the counters${TEST_DATABASE_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  let a: TestServer;
  let b: TestServer;
  let url: string;
  let drop: () => Promise<void>;
  const logA = new LogCapture();
  const logB = new LogCapture();
  const next = loopbackAddresses(7);

  beforeAll(async () => {
    const db = await freshDatabase('ld_lockout');
    ({ url, drop } = db);
    a = await startTestServer({ databaseUrl: url, static: false, logStream: logA });
    b = await startTestServer({ databaseUrl: url, static: false, logStream: logB });
  });
  afterAll(async () => {
    await a?.stop(true);
    await b?.stop(true);
    await drop?.();
  });

  it(`adds wrong PINs on instance A and instance B into one lockout, refused on both even with the right PIN, logged without a PIN`, async () => {
    await addStaff(a.store.db, 'spread1', '1357');
    const wrong = ['620001', '620002', '620003', '620004', '620005'];
    for (const [i, pin] of wrong.entries()) {
      const r = await login(i % 2 === 0 ? a : b, 'spread1', pin, next());
      expect(r.status, `attempt ${i + 1} on ${i % 2 === 0 ? 'A' : 'B'}`).toBe(401);
    }
    for (const s of [b, a]) {
      const right = await login(s, 'spread1', '1357', next());
      expect(right.status).toBe(429);
      expect(right.json.error.code).toBe('rate_limited');
      expect(right.headers['set-cookie']).toBeUndefined();
    }
    // The fifth wrong PIN was on A: A logs the lock; B logs the refusal.
    expect(logA.entries().some((e) => e.staffId === 'spread1' && e.msg === 'staff account locked after wrong PINs' && e.failures === ACCOUNT_LOCK_AFTER)).toBe(true);
    expect(logB.entries().some((e) => e.staffId === 'spread1' && e.msg === 'staff login refused: account locked')).toBe(true);
    for (const pin of [...wrong, '1357']) expect(logA.text() + logB.text()).not.toContain(pin);
  });

  it('lets at most 5 of 20 parallel wrong guesses spread over both instances be checked', async () => {
    await addStaff(a.store.db, 'burst2', '8642');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(i % 2 ? b : a, 'burst2', String(610000 + i), next())));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBeLessThanOrEqual(ACCOUNT_LOCK_AFTER);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    expect((await login(b, 'burst2', '8642', next())).status).toBe(429);
  });

  it('counts one address’s logins on both instances against one limit of 10 a minute', async () => {
    const address = '127.7.200.1';
    for (let i = 0; i < 10; i++) expect((await login(i < 5 ? a : b, `nobody-${i}`, '0000', address)).status, `attempt ${i + 1}`).toBe(401);
    for (const s of [a, b]) {
      const r = await login(s, 'agent1', '1111', address);
      expect(r.status).toBe(429);
      expect(r.json.error.code).toBe('rate_limited');
    }
    expect((await login(b, 'agent1', '1111', next())).status).toBe(200); // another address is not affected
  });

  it('counts one address’s typed card codes on both instances against one limit of 30 a minute', async () => {
    const token = a.demo!.kioskToken;
    const address = '127.7.201.1';
    for (let i = 0; i < 30; i++) {
      const r = await cardCode(i % 2 ? b : a, token, i, address);
      expect(r.status, `lookup ${i + 1}: ${r.text}`).toBe(404);
      expect(r.json.error.code).toBe('card_unknown');
    }
    const over = await cardCode(b, token, 30, address);
    expect(over.status).toBe(429);
    expect(over.json.error.code).toBe('rate_limited');
  });

  it('keeps a lockout made on A when A restarts, on A and on B', async () => {
    await addStaff(a.store.db, 'restart2', '9753');
    for (let i = 0; i < ACCOUNT_LOCK_AFTER; i++) expect((await login(a, 'restart2', `63000${i}`, next())).status).toBe(401);
    await a.stop();
    a = await startTestServer({ databaseUrl: url, static: false, logStream: logA });
    expect((await login(a, 'restart2', '9753', next())).status).toBe(429);
    expect((await login(b, 'restart2', '9753', next())).status).toBe(429);
    expect(await pinRow(b.store.db, 'restart2')).toMatchObject({ count: ACCOUNT_LOCK_AFTER });
  });
});
