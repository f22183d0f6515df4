/**
 * Starts a real lobbydesk server for a test: embedded PGlite in a temporary
 * folder, or PostgreSQL when `databaseUrl` is given. Seeds the demo data, so
 * tests log in as agent1/1111 etc. and use the demo kiosk and wall tokens.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig, type Config } from '../../server/src/config.ts';
import { startServer, type Running, type ServerOptions } from '../../server/src/server.ts';
import { freePort } from './ports.ts';

export interface TestServer extends Running {
  dataDir: string;
  /** Stops the server; keeps the data folder unless `removeData`. */
  stop(removeData?: boolean): Promise<void>;
}

export async function startTestServer(
  opts: {
    databaseUrl?: string;
    dataDir?: string;
    port?: number;
    static?: boolean;
    /** Serve the apps from this folder instead of LOBBYDESK_DIST / dist (e.g. a copy a test "deploys" into). */
    staticDir?: string;
    /** Captures the server's JSON log (level info). */ logStream?: NodeJS.WritableStream;
    /** Settings of the server itself (timeouts, the webhook worker's timing…). */ options?: ServerOptions;
    /** HTTPS as well, on a free port (`httpsUrl`: https://127.0.0.1:<port>); `url` stays plain HTTP. */
    tls?: Partial<Pick<Config, 'tls' | 'tlsNames'>> & Pick<ServerOptions, 'tlsWatchIntervalMs'>;
  } = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'lobbydesk-test-')));
  const port = opts.port ?? (await freePort());
  const config = {
    ...loadConfig({}),
    port,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: opts.databaseUrl ?? null,
    timeZone: 'UTC',
    staticDir: resolve(opts.static === false ? join(dataDir, 'no-static') : (opts.staticDir ?? process.env.LOBBYDESK_DIST ?? 'dist')),
    log: false,
    logStream: opts.logStream,
    ...opts.options,
    ...(opts.tls ? { tls: 'auto' as const, ...opts.tls, httpsPort: await freePort() } : {}),
  };
  const running = await startServer(config);
  return {
    ...running,
    url: `http://127.0.0.1:${port}`,
    httpsUrl: running.httpsUrl && running.httpsUrl.replace('//localhost:', '//127.0.0.1:'),
    dataDir,
    async stop(removeData = false) {
      await running.close();
      if (removeData && !opts.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tiny API client for tests: JSON in, JSON out, protocol header set, cookies kept. */
export class TestClient {
  /** The session cookie (name=value) once signed in. */
  cookie = '';
  constructor(
    readonly base: string,
    private readonly token?: string,
  ) {}

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read whatever the server said
  async call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = { 'x-lobbydesk-protocol': '1' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
  get(path: string) {
    return this.call('GET', path);
  }
  post(path: string, body: unknown) {
    return this.call('POST', path, body);
  }
  async login(staffId: string, pin: string): Promise<this> {
    const r = await this.post('/api/auth/login', { staffId, pin });
    if (r.status !== 200) throw new Error(`login failed: ${JSON.stringify(r.body)}`);
    return this;
  }
}

/** A server started with its own `ServerOptions` (timeouts, trusted proxy…), which startTestServer does not take; on loopback, embedded database. */
export async function startServerWith(options: ServerOptions, logStream?: NodeJS.WritableStream): Promise<Running & { base: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lobbydesk-own-'));
  const port = await freePort();
  const running = await startServer({
    ...loadConfig({}),
    port,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    timeZone: 'UTC',
    staticDir: join(dataDir, 'no-static'),
    log: false,
    logStream,
    ...options,
  });
  return {
    ...running,
    base: `http://127.0.0.1:${port}`,
    async stop() {
      await running.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
