import type { FastifyReply, FastifyRequest } from 'fastify';
import { stillAuthenticated, type Credentials } from '../auth/authenticate.ts';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../http/route.ts';
import { currentVersion } from '../events/events.repo.ts';

export const HEARTBEAT_MS = 15_000;
/** Open streams one principal may hold on one instance; a new one beyond this ends its oldest. */
export const MAX_STREAMS_PER_DEVICE = 8;
export const MAX_STREAMS_PER_SESSION = 16;
/** setTimeout's ceiling (a session ending later than this is caught by a heartbeat instead). */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface OpenStream {
  end(): void;
  /** `device:<id>` or `session:<token hash>`: whose stream it is. */
  owner: string;
}

/** Open streams, so a shutting-down server can end them instead of waiting for every screen to hang up. */
const open = new Set<OpenStream>();
/** Open streams per owner, oldest first. */
const byOwner = new Map<string, OpenStream[]>();

function endOwned(owner: string): void {
  for (const s of [...(byOwner.get(owner) ?? [])]) s.end();
}
export function endAllLiveStreams(): void {
  for (const s of [...open]) s.end();
}
/** A revoked device (kiosk, wall) loses its streams on this instance at once. */
export function endLiveStreamsOf(deviceId: string): void {
  endOwned(`device:${deviceId}`);
}
/** A signed-out session loses its streams on this instance at once (others notice within a heartbeat). */
export function endLiveStreamsOfSession(sessionTokenHash: string): void {
  endOwned(`session:${sessionTokenHash}`);
}

/**
 * Server-Sent Events: each message is a hint `{version}` with `id: version`,
 * so a client resuming with Last-Event-ID gets the current version at once
 * when it missed something. Comments keep proxies and the client's watchdog
 * aware that the stream is alive.
 *
 * A stream lives only as long as its credentials: it ends when its staff
 * session ends (sign-out here ends it at once; the session's expiry by a
 * timer; a sign-out or revocation through another instance at the next
 * heartbeat, which checks the credentials in the database again). One
 * principal holds at most MAX_STREAMS_PER_DEVICE / MAX_STREAMS_PER_SESSION
 * streams here; a new one ends its oldest (a client reconnecting past a
 * half-dead connection is never refused).
 */
export async function openLiveStream(req: FastifyRequest, reply: FastifyReply, who: Principal, deps: AppDeps, credentials: Credentials): Promise<void> {
  const lastEventId = Number(req.headers['last-event-id'] ?? -1);
  let sent = Number.isFinite(lastEventId) ? lastEventId : -1;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write(`retry: 2000\n: connected to ${deps.instanceId}\n\n`);
  const send = (version: number) => {
    if (version <= sent || res.writableEnded) return;
    sent = version;
    res.write(`id: ${version}\ndata: {"version":${version}}\n\n`);
  };
  const unsubscribe = deps.notifier.subscribe((propertyId, version) => {
    if (propertyId === who.propertyId) send(version);
  });

  const owner = credentials.kind === 'session' ? `session:${credentials.tokenHash}` : `device:${credentials.deviceId}`;
  const cap = credentials.kind === 'session' ? MAX_STREAMS_PER_SESSION : MAX_STREAMS_PER_DEVICE;
  const timers: { heartbeat?: NodeJS.Timeout; expiry?: NodeJS.Timeout } = {};
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timers.heartbeat);
    clearTimeout(timers.expiry);
    unsubscribe();
    open.delete(stream);
    const rest = byOwner.get(owner)?.filter((s) => s !== stream) ?? [];
    if (rest.length > 0) byOwner.set(owner, rest);
    else byOwner.delete(owner);
  };
  const stream: OpenStream = {
    owner,
    end() {
      close();
      if (!res.writableEnded) res.end();
    },
  };

  timers.heartbeat = setInterval(() => {
    res.write(': heartbeat\n\n');
    // Signed out or revoked through another instance: only the shared database knows. A failed check keeps the stream.
    stillAuthenticated(deps, credentials).then(
      (valid) => {
        if (!valid) stream.end();
      },
      () => undefined,
    );
  }, HEARTBEAT_MS);
  if (credentials.kind === 'session') {
    const left = credentials.expiresAt.getTime() - deps.now().getTime();
    if (left < MAX_TIMER_MS) timers.expiry = setTimeout(() => stream.end(), Math.max(0, left));
  }

  const earlier = byOwner.get(owner) ?? [];
  for (const oldest of earlier.slice(0, Math.max(0, earlier.length - cap + 1))) oldest.end();
  byOwner.set(owner, [...(byOwner.get(owner) ?? []), stream]);
  open.add(stream);
  req.raw.on('close', close);
  res.on('close', close);
  res.on('error', close);
  try {
    send(await currentVersion(deps.store.db, who.propertyId));
  } catch {
    stream.end(); // database away: the client reconnects with backoff
  }
}
