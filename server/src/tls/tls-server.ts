import { X509Certificate as NodeX509 } from 'node:crypto';
import { unwatchFile, watchFile } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer, type ServerOptions as HttpServerOptions } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { join } from 'node:path';
import { createSecureContext } from 'node:tls';
import type { FastifyBaseLogger, FastifyInstance, FastifyServerFactory } from 'fastify';
import { loadOrCreateCa, type LocalCa } from './ca.ts';
import { registerCaRoutes } from './ca.routes.ts';
import { localNames } from './names.ts';
import { plainHttpHandler } from './plain-http.ts';
import { ensureServerCert, RENEW_DAYS_BEFORE, type KeyAndCert } from './server-cert.ts';
import type { TlsSetting } from './tls-config.ts';

export interface LanTlsOptions {
  tls: Exclude<TlsSetting, 'off'>;
  dataDir: string;
  tlsNames: readonly string[];
  httpsPort: number;
  /** How often the property's own certificate files are looked at for a change; default 2 s. */
  tlsWatchIntervalMs?: number;
  /** How often the local certificate is checked for renewal (and for new addresses); default daily. */
  tlsRenewIntervalMs?: number;
}

/** HTTPS on the LAN: Fastify's server is the HTTPS one, and a plain HTTP server beside it answers machines and redirects browsers. */
export interface LanTls {
  /** Given to Fastify: makes the HTTPS server and the plain HTTP one, both on Fastify's handler and timeouts. */
  serverFactory: FastifyServerFactory;
  /** The local CA (`auto`), or null with the property's own certificate. */
  ca: LocalCa | null;
  /** Where the certificate comes from, for the start banner. */
  source: string;
  /** Before listening: the CA routes, the plain server's error handling and closing, the renewal timer or file watch. */
  attach(app: FastifyInstance): void;
  /** Listens plain HTTP; answers its port. */
  listenPlain(port: number, host: string): Promise<number>;
  /** Checks the certificate now (what the timer and the file watch do); answers why it changed, or null. */
  refresh(): Promise<string | null>;
}

const DAY_MS = 86_400_000;

async function readOwn(files: { cert: string; key: string }): Promise<KeyAndCert> {
  const [certPem, keyPem] = await Promise.all([readFile(files.cert, 'utf8'), readFile(files.key, 'utf8')]);
  createSecureContext({ cert: certPem, key: keyPem }); // throws when the key does not belong to the certificate
  return { certPem, keyPem };
}

function daysLeft(pem: string): number {
  return (new Date(new NodeX509(pem).validTo).getTime() - Date.now()) / DAY_MS;
}

/** Creates or loads the certificates (throws, at start, when they cannot be used) and returns the wiring. */
export async function prepareTls(o: LanTlsOptions): Promise<LanTls> {
  const notes: string[] = [];
  let ca: LocalCa | null = null;
  let current: KeyAndCert;
  let check: () => Promise<string | null>;
  if (o.tls === 'auto') {
    const dir = join(o.dataDir, 'tls');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const loaded = await loadOrCreateCa(dir, new Date());
    const localCa = loaded.ca;
    ca = localCa;
    if (loaded.created) notes.push(`created the local CA in ${dir}`);
    const first = await ensureServerCert(dir, localCa, localNames(o.tlsNames), new Date());
    if (first.renewed) notes.push(`issued a server certificate: ${first.renewed}`);
    current = first;
    check = async () => {
      const next = await ensureServerCert(dir, localCa, localNames(o.tlsNames), new Date());
      if (next.renewed === null) return null;
      current = next;
      return `a new certificate was issued: ${next.renewed}`;
    };
  } else {
    const files = o.tls;
    try {
      current = await readOwn(files);
    } catch (e) {
      throw new Error(`TLS: cannot use LOBBYDESK_TLS_CERT / LOBBYDESK_TLS_KEY (${e instanceof Error ? e.message : String(e)})`, { cause: e });
    }
    check = async () => {
      const next = await readOwn(files);
      if (next.certPem === current.certPem && next.keyPem === current.keyPem) return null;
      current = next;
      return `${files.cert} changed`;
    };
  }

  const secureServers = new Set<HttpsServer>();
  let plain: HttpServer | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  const refresh = (): Promise<string | null> => {
    const run = queue.then(check).then((why) => {
      if (why) for (const s of secureServers) s.setSecureContext({ cert: current.certPem, key: current.keyPem });
      return why;
    });
    queue = run.catch(() => undefined);
    return run;
  };

  const serverFactory = ((handler, opts: { http?: HttpServerOptions; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number }) => {
    const tune = <S extends HttpServer | HttpsServer>(s: S): S => {
      if (opts.keepAliveTimeout !== undefined) s.keepAliveTimeout = opts.keepAliveTimeout;
      if (opts.requestTimeout !== undefined) s.requestTimeout = opts.requestTimeout;
      if (opts.connectionTimeout !== undefined) s.setTimeout(opts.connectionTimeout);
      return s;
    };
    const secure = tune(createHttpsServer({ ...opts.http, cert: current.certPem, key: current.keyPem }, handler));
    secureServers.add(secure);
    secure.once('close', () => secureServers.delete(secure));
    plain ??= tune(createHttpServer(opts.http ?? {}, plainHttpHandler(handler, o.httpsPort)));
    return secure;
  }) as FastifyServerFactory;

  const watchInterval = o.tlsWatchIntervalMs ?? 2_000;
  const ownFiles = o.tls === 'auto' ? [] : [o.tls.cert, o.tls.key];
  let timer: NodeJS.Timeout | null = null;
  let plainClosed: Promise<void> = Promise.resolve();

  return {
    serverFactory,
    ca,
    source: o.tls === 'auto' ? `local CA in ${join(o.dataDir, 'tls')}` : `${o.tls.cert}, ${o.tls.key}`,
    attach(app) {
      const log: FastifyBaseLogger = app.log;
      for (const note of notes) log.info(`TLS: ${note}`);
      if (ca) registerCaRoutes(app, ca, o.httpsPort);
      else if (daysLeft(current.certPem) < RENEW_DAYS_BEFORE) log.warn(`TLS: the certificate in ${ownFiles[0]} expires on ${new NodeX509(current.certPem).validTo}`);
      const server = plain!;
      // The plain server answers unreadable requests as Fastify's own does ({error:{code,message}}).
      for (const l of app.server.listeners('clientError')) server.on('clientError', l as (...a: unknown[]) => void);
      const onRefresh = (why: string | null) => why && log.info(`TLS: loaded a new certificate (${why})`);
      if (ca) {
        timer = setInterval(() => void refresh().then(onRefresh, (err: unknown) => log.error({ err }, 'TLS: certificate renewal failed')), o.tlsRenewIntervalMs ?? DAY_MS);
        timer.unref();
      }
      for (const file of ownFiles) {
        watchFile(file, { interval: watchInterval, persistent: false }, (now, before) => {
          if (now.mtimeMs === before.mtimeMs && now.size === before.size) return;
          // Both files change, one after the other: until they match, the previous certificate stays.
          void refresh().then(onRefresh, (err: unknown) => log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'TLS: certificate files changed but cannot be used yet; keeping the previous certificate'));
        });
      }
      app.addHook('preClose', async () => {
        if (timer) clearInterval(timer);
        for (const file of ownFiles) unwatchFile(file);
        if (!server.listening) return;
        plainClosed = new Promise((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
      });
      app.addHook('onClose', async () => {
        server.closeIdleConnections();
        await plainClosed;
      });
    },
    listenPlain(port, host) {
      const server = plain!;
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port, host }, () => {
          server.off('error', reject);
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      });
    },
    refresh,
  };
}
