/**
 * A lobbydesk server as a child process on a data folder (and optionally a
 * PostgreSQL URL) that survives it: start, SIGKILL, start again on the same
 * folder and port. For the crash gauntlet.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface KillableServer {
  url: string;
  pid: number;
  exited: Promise<number | null>;
  /** The last 4,000 characters the child wrote to stderr (a crash's stack). */
  stderr(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/** `main`: a compiled server (scripts/build-server.ts) to run with plain node; default the TypeScript through tsx. */
export async function spawnServer(o: { dataDir: string; port: number; databaseUrl?: string; timeoutMs?: number; env?: Record<string, string>; main?: string }): Promise<KillableServer> {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(o.port),
    HOST: '127.0.0.1',
    LOBBYDESK_DATA: o.dataDir,
    LOBBYDESK_STATIC: join(o.dataDir, 'none'),
    LOBBYDESK_LOG: '0',
    LOBBYDESK_TIMEZONE: 'UTC',
  };
  if (o.databaseUrl) env.DATABASE_URL = o.databaseUrl;
  else delete env.DATABASE_URL;
  Object.assign(env, o.env);
  const child: ChildProcess = spawn(process.execPath, o.main ? [o.main] : ['--import', 'tsx', 'server/src/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in ${o.timeoutMs ?? 30_000} ms; stderr: ${stderr}`)), o.timeoutMs ?? 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('lobbydesk is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} while starting; stderr: ${stderr}`));
    });
  });
  return {
    url: `http://127.0.0.1:${o.port}`,
    pid: child.pid!,
    stderr: () => stderr,
    exited,
    async kill(signal) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

export async function demoCredentials(dataDir: string): Promise<{ kioskToken: string; wallToken: string }> {
  return JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8')) as { kioskToken: string; wallToken: string };
}
