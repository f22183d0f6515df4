/** A lobbydesk server in its own process, so its memory can be read apart from the load generator's. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/ports.ts';

export interface ChildServer {
  url: string;
  pid: number;
  kioskToken: string;
  wallToken: string;
  rssBytes(): Promise<number>;
  stop(): Promise<void>;
}

export async function startChildServer(env: Record<string, string> = {}): Promise<ChildServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-bench-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOBBYDESK_DATA: dataDir, LOBBYDESK_STATIC: join(dataDir, 'none'), LOBBYDESK_LOG: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('lobbydesk is running')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const creds = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8')) as { kioskToken: string; wallToken: string };
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    kioskToken: creds.kioskToken,
    wallToken: creds.wallToken,
    async rssBytes() {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) * 1024;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
