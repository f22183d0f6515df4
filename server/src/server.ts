import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from './app.ts';
import type { TrustProxy } from './auth/trust-proxy.ts';
import type { Config } from './config.ts';
import type { ServerTuning } from './http/route.ts';
import { startEscalation } from './issues/escalation.ts';
import { startWebhooks, type WebhookTiming } from './webhooks/dispatcher.ts';
import { loadCardKeys } from './members/cards.service.ts';
import { inProcessNotifier, postgresNotifier, type Notifier } from './live/notifier.ts';
import { seedDemo, type DemoCredentials } from './seed/demo.ts';
import { migrate } from './store/migrate.ts';
import { openPglite } from './store/pglite.ts';
import { openPostgres } from './store/postgres.ts';
import type { Store } from './store/store.ts';
import { prepareTls, type LanTls } from './tls/tls-server.ts';

export interface Running {
  app: FastifyInstance;
  store: Store;
  notifier: Notifier;
  /** Plain HTTP (with TLS on it answers the API and /ca.crt, and sends browsers to HTTPS). */
  url: string;
  /** HTTPS, when TLS is on (LOBBYDESK_TLS, LOBBYDESK_TLS_CERT); else null. */
  httpsUrl: string | null;
  /** With TLS on: the local CA's fingerprint (null with the property's own certificate), where the certificate comes from, and a check now. */
  tls: { caFingerprint: string | null; source: string; refresh: LanTls['refresh'] } | null;
  demo: DemoCredentials | null;
  close(): Promise<void>;
}

/** Settings of the HTTP server itself (main.ts reads them from the environment; tests set them). */
export interface ServerOptions {
  /** Whose X-Forwarded-For names the client (LOBBYDESK_TRUST_PROXY, auth/trust-proxy.ts); default nobody's. */
  trustProxy?: TrustProxy;
  /** Time to receive a whole request, head and body; default REQUEST_TIMEOUT_MS. */
  requestTimeoutMs?: number;
  /** With the property's own certificate: how often its files are looked at for a change; default 2 s. */
  tlsWatchIntervalMs?: number;
  /** With the local CA: how often the certificate is checked for renewal; default daily. */
  tlsRenewIntervalMs?: number;
  /** The webhook worker's retry schedule and intervals (webhooks/dispatcher.ts); tests shorten them. */
  webhooks?: WebhookTiming;
}

/**
 * A request (head and body) must arrive within this: a client trickling a
 * body a byte at a time is cut (408). It covers receiving the request only,
 * so a live stream, whose request is just its head, is never cut by it.
 */
export const REQUEST_TIMEOUT_MS = 30_000;
/** The head alone must arrive within this (Node's headersTimeout; at most the request timeout). */
export const HEADERS_TIMEOUT_MS = 15_000;
/**
 * A connection silent both ways this long is closed. Longer than a live
 * stream's heartbeat (15 s), which counts as traffic, and than Fastify's
 * keep-alive timeout (72 s), so a load balancer's idle connections close first.
 */
export const CONNECTION_TIMEOUT_MS = 90_000;

/** Proxy trust and timeouts for Fastify and Node's HTTP server. */
export function serverTuning(o: ServerOptions): ServerTuning {
  const requestTimeout = o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  return {
    trustProxy: o.trustProxy ?? false,
    requestTimeout,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    http: {
      requestTimeout,
      headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout),
      // Node checks the two timeouts above this often (its default, 30 s, would let a trickle run a minute).
      connectionsCheckingInterval: Math.max(250, Math.min(5_000, Math.floor(requestTimeout / 4))),
    },
  };
}

/** Opens the store (PGlite in dataDir, or PostgreSQL), migrates, seeds on first start, listens. */
export async function startServer(config: Config & ServerOptions): Promise<Running> {
  await mkdir(config.dataDir, { recursive: true });
  let store: Store;
  let notifier: Notifier;
  if (config.databaseUrl) {
    const pg = await openPostgres(config.databaseUrl);
    store = pg.store;
    notifier = postgresNotifier(config.databaseUrl, pg.pool);
  } else {
    store = await openPglite(join(config.dataDir, 'pglite'));
    notifier = inProcessNotifier();
  }
  await migrate(store);
  const demoFile = join(config.dataDir, 'demo-credentials.json');
  const seeded = await seedDemo(store, config.timeZone);
  if (seeded) await writeFile(demoFile, JSON.stringify(seeded, null, 2), { mode: 0o600 });
  const demo = seeded ?? (await readFile(demoFile, 'utf8').then((t) => JSON.parse(t) as DemoCredentials).catch(() => null));

  const cardKeys = await loadCardKeys(config.dataDir, config.cardKey);
  // TLS on: Fastify serves HTTPS on httpsPort, and plain HTTP on port answers machines and redirects browsers (tls/).
  const tls = config.tls === 'off' ? null : await prepareTls({ ...config, tls: config.tls });
  const app = await buildApp({
    deps: { store, notifier, now: () => new Date(), secureCookies: config.secureCookies || tls !== null, instanceId: uuidv7().slice(-8), cardKeys, publicBaseUrl: config.publicBaseUrl },
    staticDir: config.staticDir,
    logger: config.logStream ? { level: 'info', stream: config.logStream } : config.log,
    server: tls ? { ...serverTuning(config), serverFactory: tls.serverFactory } : serverTuning(config),
  });
  tls?.attach(app);
  await app.listen({ port: tls ? config.httpsPort : config.port, host: config.host });
  let httpPort: number | null = null;
  if (tls) {
    try {
      httpPort = await tls.listenPlain(config.port, config.host);
    } catch (e) {
      await app.close();
      throw e;
    }
  }
  // Overdue issues escalate to a supervisor, then a manager: a sweep every 30 s.
  const escalation = startEscalation({ store, notifier, now: () => new Date() }, (err) => app.log.error({ err }, 'escalation sweep failed'));
  const webhooks = startWebhooks({ store, notifier, ...config.webhooks, onError: (err) => app.log.error({ err }, 'webhook delivery failed') });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  return {
    app,
    store,
    notifier,
    demo,
    url: `http://localhost:${httpPort ?? port}`,
    httpsUrl: tls ? `https://localhost:${port}` : null,
    tls: tls ? { caFingerprint: tls.ca?.fingerprint ?? null, source: tls.source, refresh: tls.refresh } : null,
    async close() {
      await escalation.stop();
      await webhooks.stop();
      await app.close();
      await notifier.close();
      await store.close();
    },
  };
}
