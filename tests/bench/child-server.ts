/** A lobbydesk server in its own process, so its memory can be read apart from the load generator's. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoCredentials, spawnServer } from '../support/child-server.ts';
import { freePort } from '../support/ports.ts';

export interface ChildServer {
  url: string;
  pid: number;
  kioskToken: string;
  wallToken: string;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

/** `env` may set DATABASE_URL (PostgreSQL) or LOBBYDESK_STATIC (serve the built apps). */
export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-bench-'));
  const { DATABASE_URL: databaseUrl, ...rest } = env;
  const server = await spawnServer({ dataDir, port: await freePort(), databaseUrl, env: rest, timeoutMs: 60_000 });
  const creds = await demoCredentials(dataDir);
  return {
    url: server.url,
    pid: server.pid,
    ...creds,
    async rssBytes() {
      const status = await readFile(`/proc/${server.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    async stop() {
      await server.kill('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
