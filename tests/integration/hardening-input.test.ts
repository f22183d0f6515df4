/**
 * Hardening: a command whose own content is bad never earns a 5xx (the
 * client would retry it forever and wedge the device's queue), and a kiosk
 * issues only its own numbers, for days near today. Runs on PGlite, and on
 * PostgreSQL when TEST_DATABASE_URL is set.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/ticket.ts';
import type { Command } from '../../shared/protocol/commands.ts';
import { PushResponse, StaffSnapshot } from '../../shared/protocol/sync.ts';
import { serverBackends } from '../support/backends.ts';
import { TestClient, type TestServer } from '../support/server.ts';
import { apiCall, KioskDriver, pairDevice, StaffDriver } from './helpers.ts';

const backends = serverBackends('ld_hardening_input');
const DAY_MS = 24 * 3600_000;

/** Text PostgreSQL cannot store or that must never be shown as typed. */
const HOSTILE = {
  nul: 'Li\u0000Wei',
  loneHigh: 'Li \ud800 Wei',
  loneLow: '\udc00Wei',
  bell: 'Li\u0007Wei',
  c1: 'Li\u0085Wei',
} as const;

describe.each(backends)('hardening: bad content on $name', (backend) => {
  let server: TestServer;
  let dispose: () => Promise<void>;
  let kiosk: KioskDriver;
  let other: KioskDriver; // a second kiosk with its own letter
  let lin: StaffDriver;
  let supervisor: TestClient;

  beforeAll(async () => {
    if (backend.skip) return;
    ({ server, dispose } = await backend.start());
    kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    supervisor = await new TestClient(server.url).login('super1', '2222');
    const paired = await pairDevice(server.url, supervisor, 'kiosk', 'Second kiosk');
    other = await new KioskDriver(server.url, paired.token).init();
    lin = await new StaffDriver(server.url).login('agent1', '1111');
  });
  afterAll(async () => {
    if (!backend.skip) await dispose?.();
  });

  const outcomes = (r: { status: number; body: unknown }) => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return PushResponse.parse(r.body).outcomes.map((o) => (o.outcome === 'rejected' ? `rejected:${o.error.code}` : o.outcome));
  };
  const lastSeq = async (k: KioskDriver) => (await k.client.get('/api/devices/me')).body.lastSeq as number;
  /** A fresh request.create of `k` for another service day. */
  const withDay = (k: KioskDriver, serviceDay: string) => {
    const c = k.create();
    c.payload = { ...c.payload, serviceDay };
    return c;
  };
  const snapshot = async () => StaffSnapshot.parse((await lin.client.get('/api/sync/snapshot')).body);

  describe.skipIf(backend.skip)('a kiosk clock far wrong', () => {
    for (const days of [-400, -30, -25, 25, 30, 400]) {
      it(`delivers a kiosk's requests when its clock is ${days} days off (sentAt and createdAt alike)`, async () => {
        const wrong = new Date(Date.now() + days * DAY_MS).toISOString();
        const cmd = { ...kiosk.create(), createdAt: wrong };
        const r = await kiosk.client.post('/api/sync/push', { deviceId: kiosk.me.deviceId, commands: [cmd], sentAt: wrong });
        expect(outcomes(r)).toEqual(['applied']);
        const row = (await snapshot()).requests.find((q) => q.id === cmd.payload.requestId)!;
        // Timed on the server's clock; the skew is kept (saturated at the column's ±24.8 days) for staff to see.
        expect(Math.abs(Date.parse(row.createdAt) - Date.now())).toBeLessThan(60_000);
        expect(Math.sign(row.clockSkewMs)).toBe(-Math.sign(days));
        expect(Math.abs(row.clockSkewMs)).toBeGreaterThan(Math.min(Math.abs(days) * DAY_MS, 2 ** 31 - 1) - 60_000);
      });
    }

    it('delivers a command stamped at year 0001 or 9999, and one whose createdAt is far from its sentAt', async () => {
      const cmds: Command[] = [
        { ...kiosk.create(), createdAt: '0001-01-01T00:00:00.000Z' },
        { ...kiosk.create(), createdAt: '9999-12-31T23:59:59.999Z' },
        { ...kiosk.create(), createdAt: new Date(Date.now() - 400 * DAY_MS).toISOString() },
      ];
      const r = await kiosk.client.post('/api/sync/push', { deviceId: kiosk.me.deviceId, commands: cmds, sentAt: '9999-12-31T23:59:59.999Z' });
      expect(outcomes(r)).toEqual(['applied', 'applied', 'applied']);
    });
  });

  describe.skipIf(backend.skip)('free text PostgreSQL cannot hold', () => {
    for (const [name, text] of Object.entries(HOSTILE)) {
      it(`rejects one command with ${name} in its guest name, room or note, and applies the next one in the batch`, async () => {
        const before = await lastSeq(kiosk);
        const bad = [kiosk.create({ guestName: text }), kiosk.create({ room: text.slice(0, 8) }), kiosk.create({ note: text })];
        const good = kiosk.create();
        const r = await kiosk.push([...bad, good]);
        expect(outcomes(r)).toEqual(['rejected:bad_request', 'rejected:bad_request', 'rejected:bad_request', 'applied']);
        expect(await lastSeq(kiosk)).toBe(before + 4);
        // Delivered again (a lost answer): the same outcomes, from the stored answers.
        const again = await kiosk.push([...bad, good]);
        expect(outcomes(again)).toEqual(['rejected:bad_request', 'rejected:bad_request', 'rejected:bad_request', 'duplicate']);
      });
    }

    it('keeps newlines and tabs in a note but refuses them in a name', async () => {
      const note = kiosk.create({ note: 'line one\n\tline two' });
      const name = kiosk.create({ guestName: 'Li\nWei' });
      expect(outcomes(await kiosk.push([note, name]))).toEqual(['applied', 'rejected:bad_request']);
      expect((await snapshot()).requests.find((q) => q.id === note.payload.requestId)!.note).toBe('line one\n\tline two');
    });

    it('stores emoji and 4-byte characters as typed', async () => {
      const cmd = kiosk.create({ guestName: '𠮷野家 🧳👩🏽‍🦰', note: '🙂'.repeat(200) });
      expect(outcomes(await kiosk.push([cmd]))).toEqual(['applied']);
      const row = (await snapshot()).requests.find((q) => q.id === cmd.payload.requestId)!;
      expect(row.guestName).toBe('𠮷野家 🧳👩🏽‍🦰');
      expect(row.note).toBe('🙂'.repeat(200));
    });

    it('removes bidi override and isolate controls, so a name cannot reorder what is shown around it', async () => {
      const cmd = kiosk.create({ guestName: 'Li\u202egnp.exe\u202c', room: '\u2066120\u20698' });
      expect(outcomes(await kiosk.push([cmd]))).toEqual(['applied']);
      const row = (await snapshot()).requests.find((q) => q.id === cmd.payload.requestId)!;
      expect(row.guestName).toBe('Lignp.exe');
      expect(row.room).toBe('1208');
    });

    it('rejects feedback with NUL in its comment, a staff balance reason with a lone surrogate, and a staff note with NUL', async () => {
      const fb = kiosk.feedback({ comment: 'bad\u0000comment' });
      expect(outcomes(await kiosk.push([fb]))).toEqual(['rejected:bad_request']);
      const members = (await lin.client.get('/api/members?q=')).body.members as { id: string }[];
      const balance: Command = {
        id: uuidv7(),
        deviceId: lin.deviceId,
        seq: lin.nextSeq++,
        type: 'member.balance',
        createdAt: new Date().toISOString(),
        payload: { memberId: members[0]!.id, operation: 'topup', amountMinor: 100, points: 0, reason: 'top up \ud83d', expectedBalance: null },
      };
      const r = await lin.push([balance]);
      expect(outcomes(r)).toEqual(['rejected:bad_request']);
    });

    it('answers 400 (never 500) for NUL or a lone surrogate in a heartbeat, a device name, a sign-in id or a member search', async () => {
      const heartbeat = { appVersion: '1.0\u0000', outboxDepth: 0, rejectedCount: 0, storagePersisted: true, storageUsage: 1, storageQuota: 2, lastSyncAt: null };
      expect((await apiCall(server.url, 'POST', '/api/devices/heartbeat', { token: server.demo!.kioskToken, body: heartbeat })).status).toBe(400);
      expect((await apiCall(server.url, 'POST', '/api/devices/heartbeat', { token: server.demo!.kioskToken, body: { ...heartbeat, appVersion: '1.0\ud800' } })).status).toBe(400);
      expect((await supervisor.post('/api/devices/pairing-codes', { kind: 'kiosk', name: 'Lobby\u0000' })).status).toBe(400);
      expect((await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: 'agent1\u0000', pin: '1111' }, localAddress: '127.0.0.91' })).status).toBe(400);
      expect((await apiCall(server.url, 'POST', '/api/auth/login', { body: { staffId: '\udfffagent1', pin: '1111' }, localAddress: '127.0.0.91' })).status).toBe(400);
      expect((await lin.client.get('/api/members?q=%00')).status).toBe(400);
      expect((await lin.client.get('/api/members?q=%ED%A0%80')).status).toBeLessThan(500);
    });

    it('answers 400 for heartbeat numbers past any column', async () => {
      const base = { appVersion: '1.0', outboxDepth: 0, rejectedCount: 0, storagePersisted: true, storageUsage: 1, storageQuota: 2, lastSyncAt: null };
      for (const bad of [{ storageUsage: 1e308 }, { storageQuota: -1 }, { outboxDepth: 2 ** 31 }, { lastSyncAt: '9999-12-31T23:59:59Z' }]) {
        const r = await apiCall(server.url, 'POST', '/api/devices/heartbeat', { token: server.demo!.kioskToken, body: { ...base, ...bad } });
        expect(r.status, `${JSON.stringify(bad)} → ${r.text}`).toBeLessThan(500);
      }
    });

    it('answers a pull cursor past any version with a 4xx or a reset, never a 500', async () => {
      for (const after of ['99999999999999999999', String(2 ** 31), String(2 ** 53)]) {
        const r = await lin.client.get(`/api/sync/pull?after=${after}`);
        expect(r.status, `${after}: ${JSON.stringify(r.body)}`).toBeLessThan(500);
      }
    });
  });

  describe.skipIf(backend.skip)('a kiosk issues only its own numbers, for days near today', () => {
    it('refuses another kiosk\'s letter, the desk\'s letter, malformed numbers and far days, and still applies its own', async () => {
      const forged = [
        other.create({ ticket: kiosk.ticket(900) }),
        other.create({ ticket: 'S001' }),
        other.create({ ticket: `${other.me.letter}000` }),
        other.create({ ticket: `${other.me.letter}0001` }),
        withDay(other, '2099-01-01'),
        withDay(other, '0000-99-99'),
        withDay(other, addDays(other.me.serviceDay, 2)),
        withDay(other, addDays(other.me.serviceDay, -2)),
      ];
      const r = await other.push([...forged, other.create()]);
      const got = outcomes(r);
      expect(got.filter((o) => o.startsWith('rejected'))).toHaveLength(forged.length);
      expect(got.at(-1)).toBe('applied');
      // The real kiosk's guest then gets the number that was forged.
      const real = kiosk.create({ ticket: kiosk.ticket(900) });
      expect(outcomes(await kiosk.push([real]))).toEqual(['applied']);
      const s = await snapshot();
      expect(s.requests.filter((q) => q.ticket === `${other.me.letter}000` || q.serviceDay === '2099-01-01')).toEqual([]);
    });

    it('accepts yesterday\'s number from an offline kiosk and tomorrow\'s from one a little ahead', async () => {
      const yesterday = withDay(kiosk, addDays(kiosk.me.serviceDay, -1));
      const tomorrow = withDay(kiosk, addDays(kiosk.me.serviceDay, 1));
      expect(outcomes(await kiosk.push([yesterday, tomorrow]))).toEqual(['applied', 'applied']);
    });

    it('lets only the issuing kiosk or staff rate a ticket, once', async () => {
      const mine = kiosk.create();
      expect(outcomes(await kiosk.push([mine]))).toEqual(['applied']);
      const stranger = other.feedback({ requestId: mine.payload.requestId, rating: 1, complaint: true });
      expect(outcomes(await other.push([stranger]))).toEqual(['rejected:forbidden']);
      const first = kiosk.feedback({ requestId: mine.payload.requestId, rating: 5 });
      const second = kiosk.feedback({ requestId: mine.payload.requestId, rating: 1 });
      expect(outcomes(await kiosk.push([first, second]))).toEqual(['applied', 'rejected:conflict']);
      const issues = (await snapshot()).issues.filter((i) => i.requestId === mine.payload.requestId);
      expect(issues).toEqual([]);
    });
  });
});
