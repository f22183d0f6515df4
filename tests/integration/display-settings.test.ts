/**
 * The hotel's name and the wall's languages (`/api/settings/display`): every
 * staff member reads them, only a manager changes them, bad input is a 400
 * that changes nothing, and a change reaches the wall — in its snapshot, and
 * live as a `display.upserted` event woken by an SSE hint — but never a kiosk.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DisplaySettings } from '../../shared/protocol/display.ts';
import { KioskPull, StaffPull, WallPull, WallSnapshot } from '../../shared/protocol/sync.ts';
import { freshDatabase, TEST_DATABASE_URL } from '../support/pg.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { openSse, type SseStream } from './helpers.ts';

const stores = [{ name: 'PGlite', pg: false }, ...(TEST_DATABASE_URL ? [{ name: 'PostgreSQL', pg: true }] : [])];

describe.each(stores)('display settings ($name)', ({ pg }) => {
  let server: TestServer;
  let manager: TestClient;
  let wall: TestClient;
  let dropDb: (() => Promise<void>) | undefined;
  const streams: SseStream[] = [];

  beforeAll(async () => {
    const db = pg ? await freshDatabase('display') : null;
    dropDb = db?.drop;
    server = await startTestServer({ static: false, databaseUrl: db?.url });
    manager = await new TestClient(server.url).login('manager1', '3333');
    wall = new TestClient(server.url, server.demo!.wallToken);
  });
  afterEach(() => {
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await server?.stop(true);
    await dropDb?.();
  });

  const current = async () => DisplaySettings.parse((await manager.get('/api/settings/display')).body);

  it('starts with the demo hotel name and Simplified Chinese + English', async () => {
    expect(await current()).toEqual({ propertyName: 'Harbour View Hotel', wallLanguages: ['zh-Hans', 'en'] });
    const snap = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body);
    expect(snap.display).toEqual({ propertyName: 'Harbour View Hotel', wallLanguages: ['zh-Hans', 'en'] });
  });

  it('lets every staff role read them, and only a manager change them', async () => {
    const agent = await new TestClient(server.url).login('agent1', '1111');
    const supervisor = await new TestClient(server.url).login('super1', '2222');
    expect((await agent.get('/api/settings/display')).status).toBe(200);
    expect((await supervisor.get('/api/settings/display')).status).toBe(200);

    const body = { propertyName: 'Not allowed', wallLanguages: ['en'] };
    for (const who of [agent, supervisor]) {
      const r = await who.post('/api/settings/display', body);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden');
    }
    const kiosk = await new TestClient(server.url, server.demo!.kioskToken).post('/api/settings/display', body);
    expect(kiosk.status).toBe(403);
    expect((await wall.post('/api/settings/display', body)).status).toBe(403);
    expect((await new TestClient(server.url).post('/api/settings/display', body)).status).toBe(401);
    expect((await current()).propertyName).toBe('Harbour View Hotel');
  });

  it('answers 400 to bad input and changes nothing', async () => {
    const before = await current();
    const bad: unknown[] = [
      {},
      { propertyName: 'Hotel', wallLanguages: [] },
      { propertyName: 'Hotel', wallLanguages: ['en', 'zh-Hans', 'zh-Hant'] },
      { propertyName: 'Hotel', wallLanguages: ['en', 'en'] },
      { propertyName: 'Hotel', wallLanguages: ['fr'] },
      { propertyName: 'Hotel', wallLanguages: 'en' },
      { propertyName: '   ', wallLanguages: ['en'] },
      { propertyName: 'x'.repeat(61), wallLanguages: ['en'] },
      { propertyName: 'Bad\u0000name', wallLanguages: ['en'] },
      { propertyName: 42, wallLanguages: ['en'] },
    ];
    for (const body of bad) {
      const r = await manager.post('/api/settings/display', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('bad_request');
    }
    expect(await current()).toEqual(before);
  });

  it('saves a manager change, cleans the name, and the wall hears it live; kiosks do not', async () => {
    const wallVersion = WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body).version;
    const stream = await openSse(`${server.url}/api/sync/live`, { 'x-lobbydesk-protocol': '1', authorization: `Bearer ${server.demo!.wallToken}` });
    streams.push(stream);
    expect(stream.status).toBe(200);

    const saved = await manager.post('/api/settings/display', { propertyName: '  Harbour View 海景酒店 \u202e ', wallLanguages: ['zh-Hant', 'en'] });
    expect(saved.status).toBe(200);
    const expected = { propertyName: 'Harbour View 海景酒店', wallLanguages: ['zh-Hant', 'en'] };
    expect(DisplaySettings.parse(saved.body)).toEqual(expected);
    expect(await current()).toEqual(expected);

    // The live hint names a version above the wall's cursor; pulling from there returns the change.
    await stream.waitFor((m) => (JSON.parse(m.data) as { version: number }).version > wallVersion, 10_000);
    const pulled = WallPull.parse((await wall.get(`/api/sync/pull?after=${wallVersion}`)).body);
    expect(pulled.events).toEqual([expect.objectContaining({ type: 'display.upserted', display: expected })]);
    expect(WallSnapshot.parse((await wall.get('/api/sync/snapshot')).body).display).toEqual(expected);

    // Staff feeds parse it too; a kiosk's feed never carries it.
    const staffPull = StaffPull.parse((await manager.get(`/api/sync/pull?after=${wallVersion}`)).body);
    expect(staffPull.events.some((e) => e.type === 'display.upserted')).toBe(true);
    const kioskPull = KioskPull.parse((await new TestClient(server.url, server.demo!.kioskToken).get(`/api/sync/pull?after=${wallVersion}`)).body);
    expect(kioskPull.events).toEqual([]);

    // One language is a choice too; the audit log keeps who changed what.
    expect((await manager.post('/api/settings/display', { propertyName: 'Harbour View', wallLanguages: ['en'] })).status).toBe(200);
    expect((await current()).wallLanguages).toEqual(['en']);
    const audit = await server.store.db.selectFrom('audit_log').select(['staff_id', 'action']).where('action', '=', 'settings.display').execute();
    expect(audit).toEqual([
      { staff_id: 'manager1', action: 'settings.display' },
      { staff_id: 'manager1', action: 'settings.display' },
    ]);
  });
});
