import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { MAX_BODY_BYTES } from '../../shared/protocol/sync.ts';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version.ts';
import { authenticate } from './auth/authenticate.ts';
import { principalAccess } from './auth/principal.ts';
import { databaseRateLimitStore } from './auth/rate-limit.store.ts';
import { deviceRoutes } from './devices/devices.routes.ts';
import { fleetRoutes } from './devices/fleet.routes.ts';
import { handleError } from './http/error-handler.ts';
import { DomainError, errorBody } from './http/errors.ts';
import { healthRoutes } from './http/health.routes.ts';
import { openApiRoutes } from './http/openapi/openapi.routes.ts';
import { LOG_SERIALIZERS } from './http/log-safe.ts';
import { memberRoutes } from './members/members.routes.ts';
import { memberStaffRoutes } from './members/members.staff.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { displayRoutes } from './settings/display.routes.ts';
import { serviceRoutes } from './services/services.routes.ts';
import type { AppDeps, RouteDef, ServerTuning } from './http/route.ts';
import { authRoutes } from './staff/auth.routes.ts';
import { staffRoutes } from './staff/staff.routes.ts';
import { endAllLiveStreams } from './live/live.stream.ts';
import { syncRoutes } from './sync/sync.routes.ts';
import { waitStatsRoutes } from './requests/wait-stats.routes.ts';
import { claimCheckRoutes } from './luggage/claim-check.routes.ts';
import { webhookRoutes } from './webhooks/webhooks.routes.ts';
import { followRoutes } from './follow/follow.routes.ts';
import { endAllFollowStreams } from './follow/follow.stream.ts';

/** Every API route, with who may call it. Tests walk this table. */
export const routeTable: RouteDef[] = [...healthRoutes, ...authRoutes, ...deviceRoutes, ...fleetRoutes, ...syncRoutes, ...memberRoutes, ...memberStaffRoutes, ...staffRoutes, ...reportRoutes, ...displayRoutes, ...serviceRoutes, ...waitStatsRoutes, ...claimCheckRoutes, ...webhookRoutes, ...followRoutes, ...openApiRoutes(() => routeTable)];

const LOG_REDACT = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

export interface AppOptions {
  deps: AppDeps;
  /** Folder with the built apps (dist/); omitted in API-only tests. */
  staticDir?: string;
  logger?: boolean | object;
  /** Proxy trust and timeouts (server.ts: LOBBYDESK_TRUST_PROXY, request and idle timeouts). */
  server?: ServerTuning;
}

export async function buildApp({ deps, staticDir, logger = false, server }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...server,
    // Redaction applies to any logger configuration, including one with its own stream (tests capture the log).
    logger: logger === true ? { redact: LOG_REDACT, serializers: LOG_SERIALIZERS } : logger && typeof logger === 'object' ? { redact: LOG_REDACT, serializers: LOG_SERIALIZERS, ...logger } : logger,
    bodyLimit: MAX_BODY_BYTES,
    genReqId: () => crypto.randomUUID(),
    // Errors the router and the HTTP parser answer before any route runs still use {error:{code,message}} (found by the gauntlet fuzzer).
    frameworkErrors: (err, _req, reply) => void (reply as FastifyReply).code(400).send(errorBody('bad_request', err.message)),
    clientErrorHandler: (err: NodeJS.ErrnoException, socket) => {
      if (err.code === 'ECONNRESET' || socket.destroyed) return;
      const [status, text] = err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large'] : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout'] : [400, 'Bad Request'];
      const body = JSON.stringify(errorBody('bad_request', status === 431 ? 'The request line or headers are too large' : 'The request could not be read'));
      if (socket.writable) socket.write(`HTTP/1.1 ${status} ${text}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n${body}`);
      socket.destroy(err);
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:', 'mediastream:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: false, // set by the TLS proxy in front, where there is one
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // Counters live in the database (auth_attempts): every instance counts together and a restart forgets nothing.
    store: databaseRateLimitStore(deps),
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, ...errorBody('rate_limited', `Too many attempts; try again in ${Math.ceil(ctx.ttl / 1000)} s`) }),
  });

  app.setErrorHandler(handleError);

  // API answers are about people (members, balances, guests' requests): no cache, shared or private, keeps them.
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  // Protocol and CSRF guard: every API write must carry the protocol header, which a cross-site form cannot send.
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const v = req.headers[PROTOCOL_HEADER];
    if (v !== undefined && !/^\d+$/.test(String(v))) throw new DomainError('bad_request', `${PROTOCOL_HEADER} must be a number`);
    if (v !== undefined && Number(v) < PROTOCOL_VERSION) {
      throw new DomainError('protocol_outdated', `This app speaks protocol ${v}; the server needs ${PROTOCOL_VERSION}. Reload to update.`, { required: PROTOCOL_VERSION });
    }
    // JSON is UTF-8 (RFC 8259): a body that says it is another charset would be misread, not decoded.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(String(req.headers['content-type'] ?? ''))?.[1]?.toLowerCase();
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new DomainError('unsupported_media_type', `Bodies are UTF-8 JSON, not ${charset.slice(0, 20)}`);
    if (req.method !== 'GET' && req.method !== 'HEAD' && v === undefined) {
      throw new DomainError('bad_request', `Missing ${PROTOCOL_HEADER} header`);
    }
    // A browser names the page that sent a write: one from another site is refused even if it found a way to set the header.
    if (req.method !== 'GET' && req.method !== 'HEAD' && crossSite(req.headers)) throw new DomainError('forbidden', 'Cross-site request refused');
  });

  for (const def of routeTable) {
    app.route({
      method: def.method,
      url: def.url,
      config: def.rateLimitPerMinute ? { rateLimit: { max: def.rateLimitPerMinute, timeWindow: '1 minute' } } : {},
      handler: async (req, reply) => {
        // A public route ignores stale credentials: a revoked or re-installed kiosk must still reach pairing and login.
        const who = def.access === 'public' ? await authenticate(req, deps).catch(() => null) : await authenticate(req, deps);
        if (who) {
          // Later lines of this request's log (and its "request completed") say who it was: device or staff id, never a secret.
          const child = req.log.child(who.kind === 'staff' ? { staffId: who.staffId } : { deviceId: who.deviceId });
          req.log = child;
          reply.log = child;
        }
        if (def.access !== 'public') {
          if (!who) throw new DomainError('unauthenticated', 'Sign in first');
          if (!(def.access as readonly string[]).includes(principalAccess(who))) throw new DomainError('forbidden', 'Not allowed for your role or device');
        }
        return def.handler({ req, reply, who, deps });
      },
    });
  }

  // Live streams never end by themselves: close them so shutdown does not wait for every screen.
  app.addHook('preClose', async () => {
    endAllLiveStreams();
    endAllFollowStreams();
  });

  if (staticDir) await serveApps(app, staticDir);
  else app.setNotFoundHandler(async (_req, reply) => reply.status(404).send(errorBody('not_found', 'Nothing here')));
  return app;
}

/** True when a browser says the request came from another site (Sec-Fetch-Site, else an Origin whose host is not ours). */
function crossSite(h: Record<string, string | string[] | undefined>): boolean {
  if (h['sec-fetch-site'] === 'cross-site') return true;
  const origin = h.origin;
  if (typeof origin !== 'string' || origin === '') return false;
  const ours = [h.host, h['x-forwarded-host']].filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(',').map((p) => p.trim().toLowerCase()));
  try {
    return !ours.includes(new URL(origin).host.toLowerCase());
  } catch {
    return true; // "null" (sandboxed frames, file://) or garbage
  }
}

const APPS = ['kiosk', 'admin', 'wall'] as const;

async function serveApps(app: FastifyInstance, dir: string): Promise<void> {
  for (const name of APPS) {
    const root = join(dir, name);
    if (!existsSync(root)) continue;
    await app.register(fastifyStatic, {
      root,
      prefix: `/${name}/`,
      decorateReply: !app.hasReplyDecorator('sendFile'), // the first app there is decorates (kiosk may be absent)
      setHeaders(res, path) {
        // The service worker and the page must be re-checked; hashed assets are immutable.
        if (/\/(sw\.js|index\.html|manifest\.webmanifest)$/.test(path)) res.header('cache-control', 'no-cache');
        else if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  // The guest's phone page (issue #14): the `follow` build (dist/follow/, Vite base /t/) answers /t/<token>; its files are /t/assets/….
  const follow = join(dir, 'follow');
  if (existsSync(follow)) {
    await app.register(fastifyStatic, {
      root: follow,
      prefix: '/t/',
      decorateReply: !app.hasReplyDecorator('sendFile'),
      setHeaders(res, path) {
        if (path.endsWith('index.html')) res.header('cache-control', 'no-cache');
        else if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.get('/', async (_req, reply) => reply.redirect('/admin/'));
  app.setNotFoundHandler(async (req, reply) => {
    const path = req.url.split('?')[0]!;
    // /t/<token>: the phone page, which asks /api/follow/<token> and says so kindly when the token is unknown or expired.
    if (req.method === 'GET' && /^\/t\/[^/.]+$/.test(path) && existsSync(join(follow, 'index.html'))) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', follow);
    }
    const name = APPS.find((a) => req.url === `/${a}` || req.url.startsWith(`/${a}/`));
    // A missing file (a stale chunk after a deploy, a source map) is a 404, so the app's update logic sees it; only page paths get the app.
    const file = /\.[A-Za-z0-9]{1,12}$/.test(req.url.split('?')[0]!) && !req.url.split('?')[0]!.endsWith('.html');
    if (name && req.method === 'GET' && !req.url.startsWith('/api/') && !file) {
      if (req.url === `/${name}`) return reply.redirect(`/${name}/`);
      return reply.sendFile('index.html', join(dir, name));
    }
    return reply.status(404).send(errorBody('not_found', 'Nothing here'));
  });
}
