/**
 * What an unexpected server failure looks like on the wire: 500 `internal`
 * (the status the error table gives the code, http/errors.ts), the same
 * `{error:{code,message}}` shape, nothing of the failure itself; and the
 * browser sync client (the real Flusher and Api, on fake-indexeddb) treats
 * it — and the 503 of a server whose database is gone — as retryable,
 * keeping the command until it is delivered.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { httpStatus } from '../../server/src/http/errors.ts';
import { Flusher } from '../../shared/sync-client/flusher.ts';
import { Api, ApiFailure, isTransient, NetworkFailure } from '../../shared/sync-client/http.ts';
import { enqueue, SYNC_STORES, type SyncDexie } from '../../shared/sync-client/outbox.ts';
import { LogCapture } from '../support/gauntlet.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { eventually, KioskDriver } from './helpers.ts';

let server: TestServer;
const log = new LogCapture();

beforeAll(async () => {
  server = await startTestServer({ static: false, logStream: log });
});
afterAll(async () => {
  await server?.stop(true).catch(() => undefined); // the last test closes the database under it
});

const failures = () => log.entries().filter((e) => e.msg === 'unhandled error');

describe('an unexpected server failure', () => {
  it('is answered 500 internal — the status the error table gives internal — with the error shape, logged, and nothing of the failure shown', async () => {
    expect(httpStatus('internal')).toBe(500);
    const agent = await new TestClient(server.url).login('agent1', '1111');
    const before = failures().length;
    // A query the server cannot run: the same path as any bug or lost database.
    await sql`alter table sessions rename column revoked_at to revoked_at_gone`.execute(server.store.db);
    try {
      const r = await agent.get('/api/auth/me');
      expect(r.status).toBe(500);
      expect(r.body).toEqual({ error: { code: 'internal', message: 'The server could not finish this request; it is safe to retry' } });
      expect(failures().length).toBe(before + 1);
      expect(JSON.stringify(failures().at(-1).err)).toContain('revoked_at');
    } finally {
      await sql`alter table sessions rename column revoked_at_gone to revoked_at`.execute(server.store.db);
    }
    expect((await agent.get('/api/auth/me')).status).toBe(200);
  });

  it('leaves a kiosk command in its outbox while pushes answer 500 internal, and delivers it once when the server recovers', async () => {
    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    const db = new Dexie('error-status-kiosk') as SyncDexie;
    db.version(1).stores(SYNC_STORES);
    await db.open();
    await db.meta.put({ key: 'nextSeq', value: kiosk.nextSeq });
    const draft = kiosk.create();
    await enqueue(db, kiosk.me.deviceId, { type: draft.type, payload: draft.payload });
    const api = new Api({ base: server.url, token: () => server.demo!.kioskToken });
    const flusher = new Flusher({ db, api, deviceId: () => kiosk.me.deviceId, random: () => 0.01 });
    const before = failures().length;
    await sql`alter table commands rename column result to result_gone`.execute(server.store.db);
    try {
      flusher.start();
      // Several attempts, each a 500: the flusher keeps retrying and keeps the command.
      await eventually(async () => failures().length >= before + 3 && flusher.state.value === 'retrying', 10_000, 20);
      expect(await db.outbox.count()).toBe(1);
      expect(await db.rejected.count()).toBe(0);
    } finally {
      await sql`alter table commands rename column result_gone to result`.execute(server.store.db);
    }
    flusher.kick();
    await eventually(async () => (await db.outbox.count()) === 0, 10_000, 20);
    flusher.stop();
    expect(await db.rejected.count()).toBe(0);
    const rows = await server.store.db.selectFrom('service_requests').select('id').where('id', '=', draft.payload.requestId).execute();
    expect(rows).toHaveLength(1);
    db.close();
  });

  it('is retryable for the client as 500 internal and as the 503 of a server whose database is gone', async () => {
    const api = new Api({ base: server.url, token: () => server.demo!.kioskToken });
    await server.store.close(); // the database goes away under the running server
    const health = await api.get('/api/health', z.unknown()).catch((e: unknown) => e);
    // /api/health answers 503 with its own body ({ok:false, problems}); the client reads any such 5xx as "try again".
    expect(health).toBeInstanceOf(NetworkFailure);
    expect((health as Error).message).toBe('HTTP 503');
    expect(isTransient(health)).toBe(true);
    const me = await api.get('/api/devices/me', z.unknown()).catch((e: unknown) => e);
    expect(me).toBeInstanceOf(ApiFailure);
    expect(me).toMatchObject({ status: 500, code: 'internal' });
    expect(isTransient(me)).toBe(true);
  });
});
