/**
 * `npm start` runs compiled JavaScript: the server built by
 * scripts/build-server.ts starts with plain `node` (no TypeScript loader),
 * migrates and seeds an embedded database, serves the API, and stops on
 * SIGTERM.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.ts';
import { spawnServer, type KillableServer } from '../support/child-server.ts';
import { freePort } from '../support/ports.ts';

const dist = resolve(import.meta.dirname, '../../dist-compiled-test');
let dataDir: string;
let server: KillableServer | undefined;
let main: string;

beforeAll(async () => {
  main = await buildServer(dist);
  dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-compiled-'));
}, 120_000);
afterAll(async () => {
  await server?.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
  await rm(dist, { recursive: true, force: true });
});

it('the compiled server is plain JavaScript, starts with node alone, migrates, seeds and answers', async () => {
  const code = await readFile(main, 'utf8');
  expect(code).not.toMatch(/^\s*(import|export)\s+type\b/m); // no TypeScript left in it
  expect(code).not.toMatch(/from ["'][^"']*\.ts["']/); // nothing imported from .ts files

  server = await spawnServer({ dataDir, port: await freePort(), main });
  const health = await fetch(`${server.url}/api/health`).then((r) => r.json() as Promise<{ ok: boolean; driver: string }>);
  expect(health).toMatchObject({ ok: true, driver: 'pglite' });
  // The demo logins it printed work: migrations ran from the copied SQL files and the seed ran.
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lobbydesk-protocol': '1' }, body: JSON.stringify({ staffId: 'manager1', pin: '3333' }) });
  expect(login.status).toBe(200);

  await server.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  server = undefined;
}, 120_000);
