/**
 * The API reference as a real server serves it (GET /api/openapi.json, GET /api/docs and
 * its stylesheet, under the CSP), and kept honest: bodies the server really accepts
 * validate against the document's request schemas (and one it refuses does not), and
 * what it really answers validates against the response schemas.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeTable } from '../../server/src/app.ts';
import { openApiPath } from '../../server/src/http/openapi/paths.ts';
import { schemaName, schemaValidator, type Json } from '../support/openapi.ts';
import { startTestServer, TestClient, type TestServer } from '../support/server.ts';
import { KioskDriver, StaffDriver } from './helpers.ts';

const checkedIn = readFileSync(resolve(import.meta.dirname, '../../docs/openapi.json'), 'utf8');
const doc = JSON.parse(checkedIn) as Json;
const validator = schemaValidator(doc);
const operation = (method: string, path: string) => (doc.paths as Record<string, Record<string, Json>>)[path]![method]!;

/** The problems of `body` against the request schema of an operation. */
function requestProblems(method: string, path: string, body: unknown): string[] {
  const content = (operation(method, path).requestBody as Json).content as Record<string, Json>;
  return validator.validate(schemaName(content['application/json']!.schema), body);
}
/** The problems of `body` against the 200 schema of an operation. */
function responseProblems(method: string, path: string, body: unknown): string[] {
  const content = (operation(method, path).responses as Record<string, Json>)['200']!.content as Record<string, Json>;
  return validator.validate(schemaName(content['application/json']!.schema), body);
}

describe('the API reference, served', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ static: false });
  });
  afterAll(async () => {
    await server?.stop(true);
  });

  it('answers GET /api/openapi.json with the checked-in document, to anyone', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(checkedIn);
  });

  it('answers GET /api/docs with a page listing every operation, with no inline script or style', async () => {
    const res = await fetch(`${server.url}/api/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("style-src 'self'");
    const page = await res.text();
    expect(page).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=|javascript:/i);
    expect(page).toContain('<link rel="stylesheet" href="/api/docs.css">');
    for (const r of routeTable) expect(page, `${r.method} ${r.url}`).toContain(`<code>${openApiPath(r.url)}</code>`);
    for (const tag of doc.tags as Json[]) expect(page).toContain(`<h2>${String(tag.name)}</h2>`);
    // Who may call, a schema as nested fields, and the protocol in words.
    expect(page).toContain('<span class="role">manager</span>');
    expect(page).toContain('<code>commands</code> <span class="req">required</span>');
    expect(page).toContain('Last-Event-ID');

    const css = await fetch(`${server.url}/api/docs.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(await css.text()).toContain('.method');
  });

  it('documents bodies the server accepts, and not one it refuses', async () => {
    const login = { staffId: 'manager1', pin: '3333' };
    const manager = new TestClient(server.url);
    const signedIn = await manager.post('/api/auth/login', login);
    expect(signedIn.status).toBe(200);
    expect(requestProblems('post', '/api/auth/login', login)).toEqual([]);
    expect(responseProblems('post', '/api/auth/login', signedIn.body)).toEqual([]);

    const display = { propertyName: 'Harbour View Hotel', wallLanguages: ['en', 'zh-Hans'] };
    const saved = await manager.post('/api/settings/display', display);
    expect(saved.status).toBe(200);
    expect(requestProblems('post', '/api/settings/display', display)).toEqual([]);
    expect(responseProblems('post', '/api/settings/display', saved.body)).toEqual([]);

    const tooMany = { propertyName: 'Harbour View Hotel', wallLanguages: ['en', 'zh-Hans', 'zh-Hant'] };
    expect((await manager.post('/api/settings/display', tooMany)).status).toBe(400);
    expect(requestProblems('post', '/api/settings/display', tooMany)).not.toEqual([]);

    const kiosk = await new KioskDriver(server.url, server.demo!.kioskToken).init();
    const heartbeat = { appVersion: '1.0.0', outboxDepth: 0, rejectedCount: 0, storagePersisted: true, storageUsage: 1000, storageQuota: 100000, lastSyncAt: null };
    const beat = await kiosk.client.post('/api/devices/heartbeat', heartbeat);
    expect(beat.status).toBe(200);
    expect(requestProblems('post', '/api/devices/heartbeat', heartbeat)).toEqual([]);
    expect(responseProblems('post', '/api/devices/heartbeat', beat.body)).toEqual([]);

    const created = kiosk.create();
    const batch = { deviceId: kiosk.me.deviceId, commands: [created, kiosk.feedback()], sentAt: new Date().toISOString() };
    const pushed = await kiosk.client.post('/api/sync/push', batch);
    expect(pushed.status).toBe(200);
    expect(pushed.body.outcomes.map((o: { outcome: string }) => o.outcome)).toEqual(['applied', 'applied']);
    expect(requestProblems('post', '/api/sync/push', batch)).toEqual([]);
    // Each command also matches the full command schema the reference names.
    for (const c of batch.commands) expect(validator.validate(schemaName({ $ref: '#/components/schemas/Command.input' }), c)).toEqual([]);
    expect(responseProblems('post', '/api/sync/push', pushed.body)).toEqual([]);
  });

  it('documents what the server answers to each audience', async () => {
    const staff = await new StaffDriver(server.url).login('agent1', '1111');
    const kiosk = new TestClient(server.url, server.demo!.kioskToken);
    const wall = new TestClient(server.url, server.demo!.wallToken);
    const reads: [TestClient, string, string][] = [
      [staff.client, '/api/sync/snapshot', '/api/sync/snapshot'],
      [staff.client, '/api/sync/pull?after=0', '/api/sync/pull'],
      [wall, '/api/sync/snapshot', '/api/sync/snapshot'],
      [wall, '/api/sync/pull?after=0', '/api/sync/pull'],
      [kiosk, '/api/sync/snapshot', '/api/sync/snapshot'],
      [kiosk, '/api/sync/pull?after=0', '/api/sync/pull'],
      [kiosk, '/api/devices/me', '/api/devices/me'],
      [kiosk, '/api/kiosk/wait-stats', '/api/kiosk/wait-stats'],
      [staff.client, '/api/auth/me', '/api/auth/me'],
      [staff.client, '/api/settings/services', '/api/settings/services'],
      [staff.client, '/api/members', '/api/members'],
      [staff.client, '/api/staff', '/api/staff'],
      [new TestClient(server.url), '/api/health', '/api/health'],
    ];
    for (const [client, url, path] of reads) {
      const res = await client.get(url);
      expect(res.status, url).toBe(200);
      expect(responseProblems('get', path, res.body), url).toEqual([]);
    }
    const refused = await new TestClient(server.url).get('/api/staff');
    expect(refused.status).toBe(401);
    expect(validator.validate('ApiError', refused.body)).toEqual([]);
  });
});
