/**
 * The embedded server's resident memory at rest: the compiled server
 * (`npm start`'s dist/server/main.js, plain node) on a fresh data folder with
 * its demo data, `settleMs` after it said it was ready, read from
 * /proc/<pid>/status (Linux).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../scripts/build-server.ts';
import { spawnServer } from '../support/child-server.ts';
import { freePort } from '../support/ports.ts';

const dist = resolve(import.meta.dirname, '../../dist-bench');

export async function idleRssMb(settleMs = 60_000): Promise<number> {
  const main = await buildServer(dist);
  const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-rss-'));
  const server = await spawnServer({ dataDir, port: await freePort(), main, timeoutMs: 60_000 });
  try {
    await fetch(`${server.url}/api/health`);
    await new Promise((r) => setTimeout(r, settleMs));
    const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (!Number.isFinite(kb)) throw new Error('no VmRSS in /proc status');
    return kb / 1024;
  } finally {
    await server.kill('SIGTERM');
    await rm(dataDir, { recursive: true, force: true });
    await rm(dist, { recursive: true, force: true });
  }
}
