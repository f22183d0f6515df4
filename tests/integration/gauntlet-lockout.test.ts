/**
 * Gauntlet: sign-in throttling (OWASP authentication cheat sheet).
 *
 * - One address guessing one account: 3 attempts free, then each further
 *   attempt waits 1 s, 2 s, 4 s … (capped); nobody else is slowed.
 * - One account from every unknown device together: at most 50 attempts an
 *   hour, then such sign-ins are locked for an hour. A guest can no longer
 *   lock the manager out: five wrong PINs from the lobby stop only the lobby.
 * - A tablet the person signed in on before carries a trust cookie (random,
 *   stored hashed, per staff member): it still signs its person in while the
 *   account is locked, and its address's limit does not apply to it. Ten wrong
 *   PINs on it and it is trusted no more.
 * - Every refusal is 429 `rate_limited` with the real wait (Retry-After and
 *   `details.retryAfterMs`).
 * - The counters live in the database (`auth_attempts`), so several
 *   instances on one PostgreSQL count together and a restart forgets nothing.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPin, tokenHash } from '../../server/src/auth/secrets.ts';
import type { Db } from '../../server/src/store/store.ts';
import { LogCapture, loopbackAddresses } from '../support/gauntlet.ts';
import { freshDatabase, PG_SKIP_REASON, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { apiCall, sleep, type RawResponse } from './helpers.ts';

const TRUST_COOKIE = 'ld_trust';
const HOUR_MS = 3_600_000;

const login = (server: TestServer, staffId: string, pin: string, localAddress: string, cookie?: string) =>
  apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId, pin }, localAddress, cookie });
const cardCode = (server: TestServer, token: string, i: number, localAddress: string) =>
  apiCall(server.url, 'POST', '/api/kiosk/card', { token, body: { code: `ZZZZ-ZZZZ-ZZ${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}` }, localAddress });

/** A staff member made for one test, so each test throttles its own account. */
async function addStaff(db: Db, id: string, pin: string): Promise<void> {
  const property = await db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
  await db.insertInto('staff').values({ id, property_id: property.id, name: `Test ${id}`, role: 'agent', pin_hash: await hashPin(pin) }).execute();
}

/** The Set-Cookie lines of an answer, by cookie name. */
function setCookies(r: RawResponse): Map<string, string> {
  const raw = r.headers['set-cookie'];
  const lines = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  return new Map(lines.map((l) => [l.split('=')[0]!, l]));
}
/** The `name=value` of the trust cookie a successful sign-in set. */
function trustCookie(r: RawResponse): string {
  const line = setCookies(r).get(TRUST_COOKIE);
  if (!line) throw new Error(`no ${TRUST_COOKIE} cookie in ${JSON.stringify(r.headers['set-cookie'])}`);
  return line.split(';')[0]!;
}

/** A refusal says how long to wait, in the header and the body, and the two agree. */
function expectWait(r: RawResponse, minMs: number, maxMs: number): number {
  expect(r.status, r.text).toBe(429);
  expect(r.json.error.code).toBe('rate_limited');
  const ms = r.json.error.details?.retryAfterMs as number;
  expect(ms, r.text).toBeGreaterThan(minMs);
  expect(ms, r.text).toBeLessThanOrEqual(maxMs);
  expect(Number(r.headers['retry-after'])).toBe(Math.ceil(ms / 1000));
  expect(r.headers['set-cookie']).toBeUndefined();
  return ms;
}

describe('gauntlet: sign-in throttling on embedded PGlite', () => {
  let server: TestServer;
  let dataDir: string;
  const log = new LogCapture();
  const next = loopbackAddresses(6);

  beforeAll(async () => {
    server = await startTestServer({ static: false, logStream: log });
    dataDir = server.dataDir;
  });
  afterAll(async () => {
    await server?.stop(true);
  });

  const restart = async () => {
    await server.stop();
    server = await startTestServer({ static: false, dataDir, logStream: log });
  };

  it('slows one address guessing one account (3 free, then 1 s, 2 s …, even for the right PIN) and nobody else', async () => {
    await addStaff(server.store.db, 'slow1', '1357');
    const lobby = next();
    for (let i = 0; i < 3; i++) expect((await login(server, 'slow1', `91000${i}`, lobby)).status, `wrong PIN ${i + 1}`).toBe(401);
    expectWait(await login(server, 'slow1', '1357', lobby), 0, 1_000);
    // A guest's guesses lock nobody else out: the person signs in from the desk, and the lobby's other accounts are untouched.
    expect((await login(server, 'slow1', '1357', next())).status).toBe(200);
    expect((await login(server, 'agent1', '1111', lobby)).status).toBe(200);

    await sleep(1_100);
    expect((await login(server, 'slow1', '910003', lobby)).status).toBe(401);
    expectWait(await login(server, 'slow1', '910004', lobby), 1_000, 2_000);
    await sleep(2_100);
    expect((await login(server, 'slow1', '910005', lobby)).status).toBe(401);
    expectWait(await login(server, 'slow1', '1357', lobby), 2_000, 4_000);
    await sleep(4_100);
    // The right PIN once the wait is over (the address's 10th attempt this minute); then that address starts from nothing again.
    expect((await login(server, 'slow1', '1357', lobby)).status).toBe(200);
    expect(await server.store.db.selectFrom('auth_attempts').select('key').where('key', '=', `slow1 ${lobby}`).execute()).toEqual([]);
    const lines = log.entries().filter((e) => e.staffId === 'slow1');
    expect(lines.some((e) => e.msg === 'staff login refused: too many attempts' && e.reason === 'source')).toBe(true);
    // Never a PIN (as a value: a 6-digit run may turn up inside a request id or a duration).
    for (const pin of ['910000', '910003', '910005', '1357']) expect(log.text()).not.toContain(`"${pin}"`);
    expect(log.text()).not.toMatch(/"pin"/i);
  });

  it('locks an account against unknown devices after 50 attempts in an hour, saying the real wait; the person’s own tablet still signs in', async () => {
    await addStaff(server.store.db, 'ceil1', '2468');
    await addStaff(server.store.db, 'other1', '8642');
    const tablet = trustCookie(await login(server, 'ceil1', '2468', next()));
    const otherTablet = trustCookie(await login(server, 'other1', '8642', next()));

    for (let i = 0; i < 50; i++) expect((await login(server, 'ceil1', String(920000 + i), next())).status, `guess ${i + 1}`).toBe(401);
    const locked = await login(server, 'ceil1', '2468', next());
    expectWait(locked, HOUR_MS - 60_000, HOUR_MS);
    expect(locked.json.error.details.reason).toBe('account');
    expect(locked.json.error.message).toMatch(/try again in \d+ s/);

    // Her tablet, from any address: in. A made-up trust cookie, or another person's, is nobody's tablet.
    const own = await login(server, 'ceil1', '2468', next(), tablet);
    expect(own.status, own.text).toBe(200);
    expect(setCookies(own).get('ld_session')).toBeDefined();
    expectWait(await login(server, 'ceil1', '2468', next(), `${TRUST_COOKIE}=${'A'.repeat(43)}`), HOUR_MS - 60_000, HOUR_MS);
    expectWait(await login(server, 'ceil1', '2468', next(), otherTablet), HOUR_MS - 60_000, HOUR_MS);
    // The wrong PIN on her tablet is still just a wrong PIN.
    expect((await login(server, 'ceil1', '0000', next(), tablet)).status).toBe(401);
    expect(log.entries().some((e) => e.staffId === 'ceil1' && e.msg === 'staff account locked after wrong PINs' && e.failures === 50)).toBe(true);
  });

  it('sets the trust cookie httpOnly, SameSite=Strict, for the login route only, and keeps only its hash', async () => {
    const r = await login(server, 'agent2', '1112', next());
    expect(r.status).toBe(200);
    const lines = setCookies(r);
    expect([...lines.keys()][0]).toBe('ld_session'); // the session comes first: clients that keep one cookie keep the session
    const line = lines.get(TRUST_COOKIE)!;
    expect(line).toMatch(/HttpOnly/i);
    expect(line).toMatch(/SameSite=Strict/i);
    expect(line).toMatch(/Path=\/api\/auth\/login(;|$)/);
    expect(line).toMatch(/Max-Age=\d{7,}/);
    const token = trustCookie(r).split('=')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(43);
    const rows = await server.store.db.selectFrom('trusted_devices').selectAll().where('staff_id', '=', 'agent2').execute();
    expect(rows.map((x) => x.token_hash)).toContain(tokenHash(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    // Signing in again on that tablet keeps its cookie: one tablet, one token, one row per person on it.
    const again = await login(server, 'super1', '2222', next(), trustCookie(r));
    expect(again.status).toBe(200);
    expect(setCookies(again).get(TRUST_COOKIE)?.split(';')[0]).toBe(trustCookie(r));
    expect(await server.store.db.selectFrom('trusted_devices').select('staff_id').where('token_hash', '=', tokenHash(token)).orderBy('staff_id').execute()).toEqual([
      { staff_id: 'agent2' },
      { staff_id: 'super1' },
    ]);
  });

  it('exempts a trusted tablet from its address’s limit, so a guest behind the same NAT cannot keep staff out', async () => {
    await addStaff(server.store.db, 'nat1', '1122');
    const tablet = trustCookie(await login(server, 'nat1', '1122', next()));
    const nat = next();
    for (let i = 0; i < 10; i++) expect((await login(server, `nobody-nat-${i}`, '0000', nat)).status).toBe(401);
    const address = expectWait(await login(server, 'agent1', '1111', nat), 0, 60_000);
    expect(address).toBeGreaterThan(50_000);
    expect((await login(server, 'nat1', '1122', nat, tablet)).status).toBe(200);
  });

  it('stops trusting a tablet after 10 wrong PINs on it', async () => {
    await addStaff(server.store.db, 'lost1', '3344');
    const tablet = trustCookie(await login(server, 'lost1', '3344', next()));
    const hash = tokenHash(tablet.split('=')[1]!);
    const from = next();
    for (let i = 0; i < 10; i++) expect((await login(server, 'lost1', String(930000 + i), from, tablet)).status, `guess ${i + 1}`).toBe(401);
    expect(await server.store.db.selectFrom('trusted_devices').select('staff_id').where('token_hash', '=', hash).execute()).toEqual([]);
    // From now on it is an unknown device: the address's delays apply to it.
    expect((await login(server, 'lost1', '930010', from, tablet)).status).toBe(401);
    expect((await login(server, 'lost1', '930011', from, tablet)).status).toBe(401);
    expect((await login(server, 'lost1', '930012', from, tablet)).status).toBe(401);
    expectWait(await login(server, 'lost1', '3344', from, tablet), 0, 1_000);
  });

  it('checks at most 3 of 20 parallel guesses from one address, and at most 50 of 70 from 70 addresses', async () => {
    await addStaff(server.store.db, 'burst1', '4455');
    const one = next();
    const a = await Promise.all(Array.from({ length: 20 }, (_, i) => login(server, 'burst1', String(940000 + i), one)));
    expect(a.filter((r) => r.status === 401).length, a.map((r) => r.status).join(',')).toBeLessThanOrEqual(3);
    expect(a.every((r) => r.status === 401 || r.status === 429)).toBe(true);

    await addStaff(server.store.db, 'burst2', '5566');
    const b = await Promise.all(Array.from({ length: 70 }, (_, i) => login(server, 'burst2', String(950000 + i), next())));
    const statuses = b.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBeLessThanOrEqual(50);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    expectWait(await login(server, 'burst2', '5566', next()), 0, HOUR_MS);
  });

  it(`keeps an account's lock, and one address's login count, across a restart of the server`, async () => {
    await addStaff(server.store.db, 'restart1', '4321');
    for (let i = 0; i < 50; i++) expect((await login(server, 'restart1', String(960000 + i), next())).status).toBe(401);
    const crowded = '127.6.200.1';
    for (let i = 0; i < 10; i++) expect((await login(server, `nobody${i}`, '0000', crowded)).status).toBe(401);
    const perAddress = await server.store.db.selectFrom('auth_attempts').select(['scope', 'count']).where('key', '=', crowded).execute();
    expect(perAddress).toEqual([{ scope: 'rate:POST /api/auth/login', count: 10 }]);

    await restart();
    expectWait(await login(server, 'restart1', '4321', next()), HOUR_MS - 120_000, HOUR_MS);
    expectWait(await login(server, 'agent1', '1111', crowded), 0, 60_000); // the 11th from that address this minute
  });

  it('lets unknown devices in again once the lock is over', async () => {
    await addStaff(server.store.db, 'expire1', '5678');
    for (let i = 0; i < 50; i++) await login(server, 'expire1', String(970000 + i), next());
    expectWait(await login(server, 'expire1', '5678', next()), 0, HOUR_MS);
    // An hour passes (the server's clock cannot be moved from here: the row's times move back instead).
    await sql`update auth_attempts set window_ends = now() - interval '1 second', locked_until = now() - interval '1 second' where key = 'expire1'`.execute(server.store.db);
    expect((await login(server, 'expire1', '5678', next())).status).toBe(200);
  });

  it('deletes counters and trusted devices that limit nothing any more, and keeps those still limiting', async () => {
    const past = new Date(Date.now() - HOUR_MS);
    const future = new Date(Date.now() + HOUR_MS);
    await server.store.db
      .insertInto('auth_attempts')
      .values([
        { scope: 'rate:POST /api/auth/login', key: '127.6.250.1', count: 10, window_ends: past, locked_until: null },
        { scope: 'pin:account', key: 'ghost-old', count: 50, window_ends: past, locked_until: past },
        { scope: 'pin:account', key: 'ghost-locked', count: 50, window_ends: past, locked_until: future },
        { scope: 'rate:POST /api/kiosk/card', key: '127.6.250.2', count: 3, window_ends: future, locked_until: null },
      ])
      .execute();
    await server.store.db
      .insertInto('trusted_devices')
      .values([
        { token_hash: 'old-tablet', staff_id: 'agent1', expires_at: past },
        { token_hash: 'new-tablet', staff_id: 'agent1', expires_at: future },
      ])
      .execute();
    await restart(); // a fresh instance prunes on its first counted request
    expect((await login(server, 'agent1', '1111', next())).status).toBe(200);
    const keys = (await server.store.db.selectFrom('auth_attempts').select('key').execute()).map((r) => r.key);
    expect(keys).not.toContain('127.6.250.1');
    expect(keys).not.toContain('ghost-old');
    expect(keys).toContain('ghost-locked');
    expect(keys).toContain('127.6.250.2');
    const tablets = (await server.store.db.selectFrom('trusted_devices').select('token_hash').execute()).map((r) => r.token_hash);
    expect(tablets).not.toContain('old-tablet');
    expect(tablets).toContain('new-tablet');
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

  it('adds one address’s guesses on A and B into one delay', async () => {
    await addStaff(a.store.db, 'spread0', '1234');
    const lobby = next();
    for (let i = 0; i < 3; i++) expect((await login(i % 2 ? b : a, 'spread0', String(600000 + i), lobby)).status).toBe(401);
    expectWait(await login(b, 'spread0', '1234', lobby), 0, 1_000);
    expectWait(await login(a, 'spread0', '1234', lobby), 0, 1_000);
  });

  it('adds guesses on A and B from many addresses into one lock, refused on both even with the right PIN, logged without a PIN; the tablet still signs in on either', async () => {
    await addStaff(a.store.db, 'spread1', '1357');
    const tablet = trustCookie(await login(a, 'spread1', '1357', next()));
    const wrong = Array.from({ length: 50 }, (_, i) => String(620000 + i));
    for (const [i, pin] of wrong.entries()) expect((await login(i % 2 === 0 ? a : b, 'spread1', pin, next())).status, `attempt ${i + 1}`).toBe(401);
    for (const s of [b, a]) expectWait(await login(s, 'spread1', '1357', next()), HOUR_MS - 120_000, HOUR_MS);
    // The 50th wrong PIN was on B: B logs the lock; A logs the refusal.
    expect(logB.entries().some((e) => e.staffId === 'spread1' && e.msg === 'staff account locked after wrong PINs' && e.failures === 50)).toBe(true);
    expect(logA.entries().some((e) => e.staffId === 'spread1' && e.msg === 'staff login refused: too many attempts' && e.reason === 'account')).toBe(true);
    for (const pin of [...wrong, '1357']) expect(logA.text() + logB.text()).not.toContain(`"${pin}"`);
    expect(logA.text() + logB.text()).not.toMatch(/"pin"/i);
    expect((await login(b, 'spread1', '1357', next(), tablet)).status).toBe(200);
    expect((await login(a, 'spread1', '1357', next(), tablet)).status).toBe(200);
  });

  it('lets at most 50 of 70 parallel guesses spread over both instances and 70 addresses be checked', async () => {
    await addStaff(a.store.db, 'burst2', '8642');
    const answers = await Promise.all(Array.from({ length: 70 }, (_, i) => login(i % 2 ? b : a, 'burst2', String(610000 + i), next())));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBeLessThanOrEqual(50);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    expect((await login(b, 'burst2', '8642', next())).status).toBe(429);
  });

  it('counts one address’s logins on both instances against one limit of 10 a minute', async () => {
    const address = '127.7.200.1';
    for (let i = 0; i < 10; i++) expect((await login(i < 5 ? a : b, `nobody-${i}`, '0000', address)).status, `attempt ${i + 1}`).toBe(401);
    for (const s of [a, b]) expectWait(await login(s, 'agent1', '1111', address), 0, 60_000);
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

  it('keeps a lock made on A when A restarts, on A and on B', async () => {
    await addStaff(a.store.db, 'restart2', '9753');
    for (let i = 0; i < 50; i++) expect((await login(a, 'restart2', String(630000 + i), next())).status).toBe(401);
    await a.stop();
    a = await startTestServer({ databaseUrl: url, static: false, logStream: logA });
    expectWait(await login(a, 'restart2', '9753', next()), 0, HOUR_MS);
    expectWait(await login(b, 'restart2', '9753', next()), 0, HOUR_MS);
  });
});
