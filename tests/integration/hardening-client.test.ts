/**
 * The browser sync client (the real Flusher and Api on fake-indexeddb)
 * against a real server: a batch larger than the server's body limit is
 * split by bytes and drains; behind a proxy with a smaller limit the client
 * halves its batches on 413; one command too large to ever send is refused
 * at once with `payload_too_large` and never blocks the queue. Also: the
 * server's log never carries what a guest typed, answers are not cached,
 * and a missing app file is a 404.
 */
import 'fake-indexeddb/auto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import Dexie from 'dexie';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandDraft } from '../../shared/protocol/commands.ts';
import { MAX_BODY_BYTES } from '../../shared/protocol/sync.ts';
import { Flusher } from '../../shared/sync-client/flusher.ts';
import { Api } from '../../shared/sync-client/http.ts';
import { CommandTooLarge, enqueue, SYNC_STORES, type SyncDexie } from '../../shared/sync-client/outbox.ts';
import { LogCapture } from '../support/gauntlet.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { apiCall, eventually, KioskDriver } from './helpers.ts';

let server: TestServer;
const log = new LogCapture();
let cookie = '';
const realFetch = globalThis.fetch;

beforeAll(async () => {
  server = await startTestServer({ logStream: log });
  const staff = await new TestClient(server.url).login('agent1', '1111');
  cookie = staff.cookie ?? '';
  // The tablet's browser sends its session cookie with every request; Node's fetch has no cookie jar.
  globalThis.fetch = (input, init) => realFetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } });
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await server?.stop(true);
});

let dbCount = 0;
async function tabletDb(): Promise<SyncDexie> {
  const db = new Dexie(`hardening-client-${dbCount++}`) as SyncDexie;
  db.version(1).stores(SYNC_STORES);
  await db.open();
  return db;
}

const CJK_NOTE = '客人反映房间空调噪音很大需要工程部跟进处理'.repeat(50).slice(0, 1000);

/** An issue recorded on the tablet to hang notes on. */
function recordIssue(issueId: string): CommandDraft {
  return { type: 'issue.record', payload: { issueId, severity: 'low', categories: ['room'], summary: CJK_NOTE, guestName: '王小明', room: '1208', contact: null, contactConsent: false, departments: [] } };
}
/** A follow-up note in Chinese: ≈ 6 kB of JSON. */
function followUp(issueId: string): CommandDraft {
  return {
    type: 'issue.transition',
    payload: { issueId, action: 'follow_up', expectedStatus: 'new', note: CJK_NOTE, followUp: { at: new Date().toISOString(), method: 'phone', guestView: CJK_NOTE, satisfied: true } },
  };
}

async function drain(db: SyncDexie, api: Api, deviceId: string): Promise<Flusher> {
  const flusher = new Flusher({ db, api, deviceId: () => deviceId, random: () => 0.01 });
  flusher.start();
  await eventually(async () => (await db.outbox.count()) === 0, 60_000, 50);
  flusher.stop();
  return flusher;
}

describe('the sync client and large batches', () => {
  it(`splits a queue larger than the server's body limit (${MAX_BODY_BYTES / 1024} kB) by bytes, and every command ends applied or rejected`, async () => {
    const db = await tabletDb();
    const deviceId = uuidv7();
    const issueId = uuidv7();
    await enqueue(db, deviceId, recordIssue(issueId));
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await enqueue(db, deviceId, followUp(issueId))).command.id);
    const queued = (await db.outbox.toArray()).reduce((n, r) => n + JSON.stringify(r.command).length * 3, 0);
    expect(queued).toBeGreaterThan(MAX_BODY_BYTES);
    await drain(db, new Api({ base: server.url }), deviceId);
    const settled = await server.store.db.selectFrom('commands').select(['command_id', 'outcome']).where('device_id', '=', deviceId).execute();
    expect(settled).toHaveLength(101);
    expect(new Set(settled.map((c) => c.command_id))).toEqual(new Set([...ids, settled.find((c) => !ids.includes(c.command_id))!.command_id]));
    db.close();
  });

  it('halves its batches when a proxy in front answers 413, and delivers everything once', async () => {
    const LIMIT = 40 * 1024;
    let refused = 0;
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.length > LIMIT) {
          refused += 1;
          res.writeHead(413, { 'content-type': 'text/html' }).end('<html><body>413 Request Entity Too Large</body></html>');
          return;
        }
        const target = new URL(server.url);
        const fwd = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        fwd.end(body);
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;
    try {
      const db = await tabletDb();
      const deviceId = uuidv7();
      const issueId = uuidv7();
      await enqueue(db, deviceId, recordIssue(issueId));
      for (let i = 0; i < 30; i++) await enqueue(db, deviceId, followUp(issueId));
      await drain(db, new Api({ base: `http://127.0.0.1:${port}` }), deviceId);
      expect(refused).toBeGreaterThan(0);
      expect(await db.rejected.count()).toBeLessThanOrEqual(30); // follow-ups after the first may be refused by the issue's rules, never by size
      expect((await db.rejected.toArray()).filter((r) => r.code === 'payload_too_large')).toEqual([]);
      const settled = await server.store.db.selectFrom('commands').select('command_id').where('device_id', '=', deviceId).execute();
      expect(settled).toHaveLength(31);
      db.close();
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it('refuses at once a command too large to ever send, and sets aside one already queued so the next is delivered', async () => {
    const db = await tabletDb();
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    await db.meta.put({ key: 'nextSeq', value: kiosk.nextSeq });
    const huge = kiosk.create({ note: 'x'.repeat(300 * 1024) });
    await expect(enqueue(db, kiosk.me.deviceId, { type: huge.type, payload: huge.payload })).rejects.toBeInstanceOf(CommandTooLarge);
    expect(await db.outbox.count()).toBe(0);
    // One written by an older app version: the flusher refuses it locally and moves on.
    await db.outbox.add({ seq: kiosk.nextSeq, command: { ...huge, seq: kiosk.nextSeq }, attempts: 0 });
    await db.meta.put({ key: 'nextSeq', value: kiosk.nextSeq + 1 });
    const next = kiosk.create();
    await enqueue(db, kiosk.me.deviceId, { type: next.type, payload: next.payload });
    const refusals: string[] = [];
    const flusher = new Flusher({ db, api: new Api({ base: server.url, token: () => server.demo!.kioskToken }), deviceId: () => kiosk.me.deviceId, random: () => 0.01, onOutcomes: (o) => void refusals.push(...o.filter((x) => x.outcome === 'rejected').map((x) => (x.outcome === 'rejected' ? x.error.code : ''))) });
    flusher.start();
    await eventually(async () => (await db.outbox.count()) === 0, 20_000, 50);
    flusher.stop();
    expect(refusals).toContain('payload_too_large');
    const [set] = await db.rejected.toArray();
    expect(set).toMatchObject({ code: 'payload_too_large' });
    expect(set!.message).toMatch(/Too large to send/);
    // The command behind it went on and applied (the server renumbered nothing: the refused one never reached it).
    const row = await server.store.db.selectFrom('service_requests').select('id').where('id', '=', next.payload.requestId).executeTakeFirst();
    expect(row).toBeTruthy();
    db.close();
  });
});

describe('what the server tells and keeps', () => {
  it('logs a failed query without its parameters: no guest name, room or note in the log', async () => {
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    await sql`alter table service_requests rename column guest_name to guest_name_gone`.execute(server.store.db);
    try {
      const r = await kiosk.push([kiosk.create({ guestName: 'Zhang Secretname', room: '7781', note: 'allergic to peanuts' })]);
      expect(r.status).toBe(500);
    } finally {
      await sql`alter table service_requests rename column guest_name_gone to guest_name`.execute(server.store.db);
    }
    const text = log.text();
    expect(text).toContain('unhandled error');
    expect(text).toContain('guest_name'); // the column is named: the failure can still be diagnosed
    for (const secret of ['Secretname', '7781', 'allergic']) expect(text).not.toContain(secret);
  });

  it('logs a data error without the value it quotes', async () => {
    const before = log.lines.length;
    // A data exception from the database (22xxx) quotes the value in its message: the log keeps only its SQLSTATE.
    await sql`alter table feedback alter column comment type varchar(3)`.execute(server.store.db);
    try {
      const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
      const r = await kiosk.push([kiosk.feedback({ comment: 'peanut-allergy-secret' })]);
      expect(r.status).toBe(500);
    } finally {
      await sql`alter table feedback alter column comment type text`.execute(server.store.db);
    }
    const text = log.lines.slice(before).join('\n');
    expect(text).toContain('22001');
    expect(text).not.toContain('peanut');
  });

  it('logs a member search or a typed card code without the query string', async () => {
    const staff = await new TestClient(server.url).login('agent2', '1112');
    await staff.get('/api/members?q=ZXCV-SECRET-CODE');
    const lines = log.lines.filter((l) => l.includes('/api/members'));
    expect(lines.length).toBeGreaterThan(0);
    expect(log.text()).not.toContain('ZXCV-SECRET-CODE');
  });

  it('answers member, card and snapshot reads with Cache-Control: no-store', async () => {
    const staff = await new TestClient(server.url).login('agent1', '1111');
    const members = (await staff.get('/api/members?q=')).body.members as { id: string }[];
    for (const path of ['/api/members?q=', `/api/members/${members[0]!.id}`, '/api/sync/snapshot', '/api/sync/pull?after=0', '/api/auth/me']) {
      const r = await apiCall(server.url, 'GET', path, { cookie: staff.cookie });
      expect(r.status, path).toBe(200);
      expect(r.headers['cache-control'], path).toBe('no-store');
    }
    const card = await apiCall(server.url, 'POST', '/api/kiosk/card', { token: server.demo!.kioskToken, body: { code: 'ABCD-EFGH-JKLM' } });
    expect(card.headers['cache-control']).toBe('no-store');
  });

  it('answers 413, 415 and a cross-site 403 with their own codes', async () => {
    const big = await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'x'.repeat(MAX_BODY_BYTES), pin: '1111' } });
    expect([big.status, big.json?.error?.code]).toEqual([413, 'payload_too_large']);
    const text = await apiCall(server.url, 'POST', '/api/auth/login', { headers: { 'content-type': 'text/xml' } });
    expect([text.status, text.json?.error?.code]).toEqual([415, 'unsupported_media_type']);
    const cross = await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'agent1', pin: '1111' }, headers: { origin: 'https://evil.example' } });
    expect([cross.status, cross.json?.error?.code]).toEqual([403, 'forbidden']);
  });

  it('answers a missing script, source map or style under an app path with 404, and a page path with the app', async () => {
    for (const path of ['/kiosk/assets/index-deadbeef.js', '/kiosk/assets/index-deadbeef.js.map', '/admin/assets/gone.css', '/wall/assets/old-chunk.js']) {
      const r = await apiCall(server.url, 'GET', path);
      expect(r.status, path).toBe(404);
    }
    const page = await apiCall(server.url, 'GET', '/admin/members');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html');
  });
});
