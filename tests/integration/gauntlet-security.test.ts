/**
 * Gauntlet: attacks. PIN brute force (per address and per account), forged
 * and foreign tokens, CSRF with a cross-site Origin, SQL/HTML injection in
 * every free-text field, security headers, secrets in the logs, and what
 * the lobby screens (wall, kiosk) receive on the wire.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../server/src/auth/authenticate.ts';
import { hashPin, newToken, tokenHash } from '../../server/src/auth/secrets.ts';
import { ACCOUNT_LOCK_AFTER } from '../../server/src/staff/auth.routes.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { LogCapture } from '../support/gauntlet.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, KioskDriver, openSse, pairDevice, rawRequest, StaffDriver } from './helpers.ts';

let server: TestServer;
const log = new LogCapture();
let supervisor: TestClient;
let kiosk: KioskDriver;

beforeAll(async () => {
  server = await startTestServer({ logStream: log });
  supervisor = await new TestClient(server.url).login('super1', '2222');
  kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
});
afterAll(async () => {
  await server?.stop(true);
});

const login = (staffId: string, pin: string, localAddress: string, headers: Record<string, string> = {}) =>
  apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId, pin }, localAddress, headers });

describe('gauntlet: PIN brute force', () => {
  it('limits attempts per address: the 11th within a minute is rate_limited', async () => {
    for (let i = 0; i < 10; i++) expect((await login(`ghost${i}`, '000000', '127.3.0.1')).status).toBe(401);
    const r = await login('agent1', '1111', '127.3.0.1');
    expect(r.status).toBe(429);
    expect(r.json.error.code).toBe('rate_limited');
  });

  it(`does not lock a staff id for everyone after a few wrong PINs; ${ACCOUNT_LOCK_AFTER} from many addresses lock unknown devices out, even for the right PIN, and the log has the id but never a PIN`, async () => {
    const wrong = Array.from({ length: ACCOUNT_LOCK_AFTER }, (_, i) => String(738200 + i));
    for (const [i, pin] of wrong.slice(0, 5).entries()) expect((await login('agent2', pin, `127.3.1.${i + 1}`)).status, `attempt ${i + 1}`).toBe(401);
    expect((await login('agent2', '1112', '127.3.1.100')).status).toBe(200); // five guesses from the lobby lock nobody out
    // Those five count towards the ceiling: 45 more from other addresses reach it.
    for (const [i, pin] of wrong.slice(5).entries()) expect((await login('agent2', pin, `127.3.10.${i + 1}`)).status, `guess ${i + 6}`).toBe(401);
    const right = await login('agent2', '1112', '127.3.1.200');
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('rate_limited');
    expect(right.headers['set-cookie']).toBeUndefined();
    // Another account is not affected.
    expect((await login('agent1', '1111', '127.3.1.201')).status).toBe(200);
    const lines = log.entries().filter((e) => e.staffId === 'agent2');
    expect(lines.some((e) => /locked/.test(e.msg))).toBe(true);
    for (const pin of [...wrong, '1112']) expect(log.text()).not.toContain(`"${pin}"`);
  });
});

describe('gauntlet: PIN brute force in a burst', () => {
  it(`lets at most ${ACCOUNT_LOCK_AFTER} of 60 parallel wrong guesses for one staff id be checked; the rest, and then the right PIN, are rate_limited`, async () => {
    const property = await server.store.db.selectFrom('properties').select('id').executeTakeFirstOrThrow();
    await server.store.db.insertInto('staff').values({ id: 'burst1', property_id: property.id, name: 'Burst Target', role: 'agent', pin_hash: await hashPin('4444') }).execute();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => login('burst1', String(500000 + i), `127.3.2.${i + 1}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBeLessThanOrEqual(ACCOUNT_LOCK_AFTER);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    const right = await login('burst1', '4444', '127.3.2.100');
    expect(right.status).toBe(429);
  });
});

describe('gauntlet: forged and foreign credentials', () => {
  it('a device token of another property reads only that property and cannot push as, or revoke, this one', async () => {
    const otherProperty = uuidv7();
    const otherDevice = uuidv7();
    const token = newToken();
    await server.store.db.insertInto('properties').values({ id: otherProperty, name: 'Rival Hotel', time_zone: 'UTC' }).execute();
    await server.store.db.insertInto('devices').values({ id: otherDevice, property_id: otherProperty, kind: 'kiosk', name: 'Rival kiosk', letter: 'A', token_hash: tokenHash(token) }).execute();
    await kiosk.push([kiosk.create({ guestName: 'Home guest Zyxw' })]);

    const snap = await apiCall(server.url, 'GET', '/api/sync/snapshot', { token });
    expect(snap.status).toBe(200);
    expect(snap.json.requests).toEqual([]);
    const pull = await apiCall(server.url, 'GET', '/api/sync/pull?after=0', { token });
    expect(pull.status).toBe(200);
    expect(pull.json.events).toEqual([]);
    expect(pull.text).not.toContain('Zyxw');

    // Pushing under the home kiosk's device id, or replaying one of its commands.
    const forged = kiosk.create();
    kiosk.nextSeq--; // never applied for the home kiosk: its next command reuses the number
    const asHome = await apiCall(server.url, 'POST', '/api/sync/push', { token, body: { deviceId: kiosk.me.deviceId, commands: [forged] } });
    expect(asHome.status).toBe(403);
    const replay: Command = { ...forged, deviceId: otherDevice, seq: 1 };
    const ownReplay = await apiCall(server.url, 'POST', '/api/sync/push', { token, body: { deviceId: otherDevice, commands: [replay] } });
    expect(ownReplay.status).toBe(200); // its own first command, applied at its own property
    const cmds = await server.store.db.selectFrom('service_requests').select(['property_id']).where('id', '=', forged.payload.requestId).execute();
    expect(cmds.map((c) => c.property_id)).toEqual([otherProperty]);

    // A home supervisor cannot revoke the rival's kiosk (404), nor the rival's staff ours.
    const revoke = await supervisor.post(`/api/devices/${otherDevice}/revoke`, {});
    expect(revoke.status).toBe(404);
  });

  it('a forged bearer token and a forged session cookie are unauthenticated', async () => {
    expect((await apiCall(server.url, 'GET', '/api/sync/pull?after=0', { token: newToken() })).status).toBe(401);
    expect((await apiCall(server.url, 'GET', '/api/auth/me', { cookie: `${SESSION_COOKIE}=${newToken()}` })).status).toBe(401);
    expect((await apiCall(server.url, 'GET', '/api/auth/me', { cookie: `${SESSION_COOKIE}=' OR 1=1 --` })).status).toBe(401);
  });

  it('refuses a staff write carrying a cross-site Origin (CSRF), even with the protocol header and a valid session', async () => {
    const me = await new TestClient(server.url).login('manager1', '3333');
    const cookie = (me as unknown as { cookie: string }).cookie;
    const before = await server.store.db.selectFrom('pairing_codes').select('code_hash').execute();
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
    for (const headers of attempts) {
      const r = await apiCall(server.url, 'POST', '/api/devices/pairing-codes', { cookie, body: { kind: 'kiosk', name: 'CSRF' }, headers });
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(r.json.error.code).toBe('forbidden');
    }
    expect(await server.store.db.selectFrom('pairing_codes').select('code_hash').execute()).toHaveLength(before.length);
    const sameSite = await apiCall(server.url, 'POST', '/api/devices/pairing-codes', { cookie, body: { kind: 'kiosk', name: 'Same site' }, headers: { origin: server.url, 'sec-fetch-site': 'same-origin' } });
    expect(sameSite.status).toBe(200);
  });
});

describe('gauntlet: injection', () => {
  const SQL = "x'); DROP TABLE service_requests; --";
  const HTML = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  const ROOM = "1' OR '1'='1";

  it('stores SQL metacharacters and HTML verbatim in every free-text field and returns them as JSON strings', async () => {
    const agent = await new StaffDriver(server.url).login('agent1', '1111');
    const create = kiosk.create({ guestName: SQL, room: ROOM.slice(0, 12), note: HTML });
    const fb: Command = {
      id: uuidv7(),
      deviceId: kiosk.me.deviceId,
      seq: kiosk.nextSeq++,
      type: 'feedback.submit',
      createdAt: new Date().toISOString(),
      payload: { feedbackId: uuidv7(), rating: 1, categories: ['service'], comment: `${HTML} ${SQL}`, complaint: true, contactConsent: true, contact: `${SQL}`.slice(0, 80), guestName: HTML.slice(0, 80), room: ROOM.slice(0, 12), requestId: null },
    };
    expect((await kiosk.push([create, fb])).body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied']);
    const issueId = uuidv7();
    const itemId = uuidv7();
    const staffCmds: Command[] = [
      { id: uuidv7(), deviceId: agent.deviceId, seq: agent.nextSeq++, type: 'issue.record', createdAt: new Date().toISOString(), payload: { issueId, severity: 'low', categories: [], summary: `${SQL} ${HTML}`, guestName: SQL.slice(0, 80), room: ROOM.slice(0, 12), contact: HTML.slice(0, 80), contactConsent: true, departments: [] } },
      { id: uuidv7(), deviceId: agent.deviceId, seq: agent.nextSeq++, type: 'issue.note', createdAt: new Date().toISOString(), payload: { issueId, text: `${HTML}${SQL}`, internal: true } },
      {
        id: uuidv7(),
        deviceId: agent.deviceId,
        seq: agent.nextSeq++,
        type: 'luggage.store',
        createdAt: new Date().toISOString(),
        payload: { itemId, requestId: null, claimCode: 'ABCDEFGH', bags: 1, tags: ['T-1'], location: `${SQL}`.slice(0, 40), guestName: HTML.slice(0, 80), room: ROOM.slice(0, 12), notes: `${SQL}${HTML}`, expectedPickupAt: null },
      } as unknown as Command,
    ];
    const pushed = await agent.push(staffCmds);
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(200);
    for (const o of pushed.body.outcomes) expect(o.outcome, JSON.stringify(o)).toBe('applied');

    // The tables are all still there, and the values came back byte for byte.
    const snap = await agent.client.get('/api/sync/snapshot');
    const req = snap.body.requests.find((r: { id: string }) => r.id === create.payload.requestId);
    expect(req).toMatchObject({ guestName: SQL, room: ROOM.slice(0, 12), note: HTML });
    const fbIssue = snap.body.issues.find((i: { feedbackId: string | null }) => i.feedbackId === fb.payload.feedbackId);
    expect(fbIssue).toMatchObject({ summary: `${HTML} ${SQL}`, guestName: HTML.slice(0, 80), contact: SQL.slice(0, 80), room: ROOM.slice(0, 12) });
    const recorded = snap.body.issues.find((i: { id: string }) => i.id === issueId);
    expect(recorded).toMatchObject({ summary: `${SQL} ${HTML}`, guestName: SQL.slice(0, 80), contact: HTML.slice(0, 80) });
    expect(JSON.stringify(recorded.notes)).toContain(JSON.stringify(`${HTML}${SQL}`).slice(1, -1));
    const item = snap.body.luggage.find((l: { id: string }) => l.id === itemId);
    expect(item).toMatchObject({ guestName: HTML.slice(0, 80), notes: `${SQL}${HTML}`, location: SQL.slice(0, 40) });
    expect(String(snapRaw(snap.body))).not.toContain('\\u003c'); // plain JSON strings; the apps render text, never HTML
    expect(await server.store.db.selectFrom('service_requests').select('id').where('id', '=', create.payload.requestId).execute()).toHaveLength(1);
    const stored = await server.store.db.selectFrom('feedback').select(['comment']).where('id', '=', fb.payload.feedbackId).executeTakeFirstOrThrow();
    expect(stored.comment).toBe(`${HTML} ${SQL}`);
  });

  function snapRaw(v: unknown): string {
    return JSON.stringify(v);
  }
});

describe('gauntlet: headers', () => {
  it('serves /kiosk/, /admin/ and /wall/ with a strict CSP and the helmet headers; API answers carry nosniff', async () => {
    for (const app of ['kiosk', 'admin', 'wall']) {
      const r = await rawRequest(`${server.url}/${app}/`);
      expect(r.status, app).toBe(200);
      const csp = String(r.headers['content-security-policy']);
      expect(csp, app).toContain("script-src 'self'");
      expect(csp, app).toContain("object-src 'none'");
      expect(csp, app).toContain("frame-ancestors 'none'");
      expect(csp, app).toContain("base-uri 'self'");
      expect(csp, app).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(r.headers['x-content-type-options'], app).toBe('nosniff');
      expect(r.headers['x-frame-options'], app).toBeTruthy();
      expect(r.headers['referrer-policy'], app).toBeTruthy();
    }
    for (const [path, token] of [
      ['/api/health', undefined],
      ['/api/sync/pull?after=0', server.demo!.kioskToken],
      ['/api/nothing-here', undefined],
    ] as const) {
      const r = await apiCall(server.url, 'GET', path, { token });
      expect(r.headers['x-content-type-options'], path).toBe('nosniff');
      expect(String(r.headers['content-type']), path).toContain('application/json');
      expect(r.headers['content-security-policy'], path).toBeTruthy();
    }
  });
});

describe('gauntlet: logs', () => {
  it('never log a PIN, device token, session token or card token, and carry the request id and who (device or staff id)', async () => {
    const from = log.lines.length;
    const manager = new TestClient(server.url);
    const loginRes = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1' },
      body: JSON.stringify({ staffId: 'manager1', pin: '3333' }),
    });
    const sessionToken = /ld_session=([^;]+)/.exec(loginRes.headers.get('set-cookie') ?? '')![1]!;
    await manager.login('manager1', '3333');
    const paired = await pairDevice(server.url, manager, 'kiosk', 'Log kiosk');
    const k = await new KioskDriver(server.url, paired.token).init();
    const pushed = await k.push([k.create()]);
    expect(pushed.status).toBe(200);
    const cardToken = `LD1-${'A'.repeat(116)}`;
    await apiCall(server.url, 'POST', '/api/kiosk/card', { token: paired.token, body: { token: cardToken } });
    await apiCall(server.url, 'POST', '/api/kiosk/card', { token: paired.token, body: { code: 'QWER-TYUI-OPAS' } });

    const text = log.lines.slice(from).join('\n');
    for (const secret of ['3333', sessionToken, paired.token, paired.code, server.demo!.kioskToken, cardToken, 'QWER-TYUI-OPAS', 'QWERTYUIOPAS']) {
      expect(text, `secret ${secret.slice(0, 6)}… in the log`).not.toContain(secret);
    }
    const entries = log.entries().slice(-500);
    const completed = entries.filter((e) => e.msg === 'request completed');
    expect(completed.length).toBeGreaterThan(0);
    for (const e of completed) expect(typeof e.reqId).toBe('string');
    const pushLog = completed.find((e) => e.deviceId === k.me.deviceId && e.res?.statusCode === 200);
    expect(pushLog, 'the push request log names the device').toBeTruthy();
    expect(completed.some((e) => e.staffId === 'manager1')).toBe(true);
    expect(entries.some((e) => e.msg === 'device paired' && e.deviceId === paired.deviceId)).toBe(true);
  });
});

describe('gauntlet: privacy on the wire', () => {
  it('the wall and a kiosk get none of the names, rooms, notes, issues, luggage or member data, in snapshot, pull or live', async () => {
    const other = await pairDevice(server.url, supervisor, 'kiosk', 'Privacy kiosk');
    const k2 = await new KioskDriver(server.url, other.token).init();
    const marks = { name: 'Qzxname Privacy', room: 'R9Q7', note: 'Qzxnote secret', comment: 'Qzxcomment about staff', contact: 'qzx@contact.example', luggage: 'Qzxluggage guest', member: 'Qzxmember Person' };
    const memberId = uuidv7();
    await server.store.db
      .insertInto('members')
      // At the kiosk's own property (an earlier test adds a rival property).
      .values({ id: memberId, property_id: (await server.store.db.selectFrom('devices').select('property_id').where('id', '=', other.deviceId).executeTakeFirstOrThrow()).property_id, name: marks.member, tier: 'gold', balance_minor: 12_345, points: 678 })
      .execute();
    const fb: Command = {
      id: uuidv7(),
      deviceId: k2.me.deviceId,
      seq: 0,
      type: 'feedback.submit',
      createdAt: new Date().toISOString(),
      payload: { feedbackId: uuidv7(), rating: 1, categories: ['service'], comment: marks.comment, complaint: true, contactConsent: true, contact: marks.contact, guestName: marks.name, room: marks.room, requestId: null },
    };
    const c = k2.create({ guestName: marks.name, room: marks.room, note: marks.note });
    // The guest scanned their member card: the request is linked to the member (staff see name and tier).
    c.payload.memberCard = (await supervisor.get(`/api/members/${memberId}/card`)).body.token;
    fb.seq = k2.nextSeq++;
    expect((await k2.push([c, fb])).status).toBe(200);
    const agent = await new StaffDriver(server.url).login('agent1', '1111');
    const linked = (await agent.client.get('/api/sync/snapshot')).body.requests.find((r: { id: string }) => r.id === c.payload.requestId);
    expect(linked.member).toEqual({ id: memberId, name: marks.member, tier: 'gold' });
    const store: Command = {
      id: uuidv7(),
      deviceId: agent.deviceId,
      seq: agent.nextSeq++,
      type: 'luggage.store',
      createdAt: new Date().toISOString(),
      payload: { itemId: uuidv7(), requestId: null, claimCode: 'HJKLMNPQ', bags: 1, tags: ['T-9'], location: 'Shelf 1', guestName: marks.luggage, room: marks.room, notes: marks.note, expectedPickupAt: null },
    } as unknown as Command;
    expect((await agent.push([store])).body.outcomes[0].outcome).toBe('applied');
    const call = agent.transition(c.payload.requestId, 'call', 'waiting');
    expect((await agent.push([call])).body.outcomes[0].outcome).toBe('applied');

    // Staff see them (the marks are real), the lobby screens never do.
    const staffSnap = JSON.stringify((await agent.client.get('/api/sync/snapshot')).body);
    for (const m of [marks.name, marks.note, marks.comment, marks.luggage]) expect(staffSnap).toContain(m);

    for (const [who, token] of [
      ['wall', server.demo!.wallToken],
      ['demo kiosk', server.demo!.kioskToken],
      ['sending kiosk', other.token], // its own request, without the member the card linked
    ] as const) {
      const raw: string[] = [];
      raw.push((await apiCall(server.url, 'GET', '/api/sync/snapshot', { token })).text);
      raw.push((await apiCall(server.url, 'GET', '/api/sync/pull?after=0', { token })).text);
      raw.push((await apiCall(server.url, 'GET', '/api/devices/me', { token })).text);
      const live = await openSse(`${server.url}/api/sync/live`, { authorization: `Bearer ${token}`, 'x-lobbydesk-protocol': '1' });
      await live.waitFor(() => true);
      raw.push(JSON.stringify(live.messages), JSON.stringify(live.comments));
      live.close();
      const all = raw.join('\n');
      for (const [what, mark] of Object.entries(marks)) expect(all, `${who} received the ${what}`).not.toContain(mark);
      expect(all, `${who} received an issue or luggage event`).not.toMatch(/issue\.upserted|luggage\.upserted/);
    }
    // The wall does get the called ticket, masked.
    const wallPull = (await apiCall(server.url, 'GET', '/api/sync/pull?after=0', { token: server.demo!.wallToken })).json;
    expect(JSON.stringify(wallPull)).toContain(c.payload.ticket);
  });
});
