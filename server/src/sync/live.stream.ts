import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.ts';
import type { AppDeps } from '../http/route.ts';
import { currentVersion } from './events.repo.ts';

export const HEARTBEAT_MS = 15_000;

/** Open streams, so a shutting-down server can end them instead of waiting for every screen to hang up. */
const open = new Set<() => void>();
export function endAllLiveStreams(): void {
  for (const end of [...open]) end();
}
/** Open streams per device (kiosk, wall), so a revoked device loses its stream at once. */
const byDevice = new Map<string, Set<() => void>>();
export function endLiveStreamsOf(deviceId: string): void {
  for (const end of [...(byDevice.get(deviceId) ?? [])]) end();
}

/**
 * Server-Sent Events: each message is a hint `{version}` with `id: version`,
 * so a client resuming with Last-Event-ID gets the current version at once
 * when it missed something. Comments keep proxies and the client's watchdog
 * aware that the stream is alive.
 */
export async function openLiveStream(req: FastifyRequest, reply: FastifyReply, who: Principal, deps: AppDeps): Promise<void> {
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
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  const end = () => res.end();
  open.add(end);
  const deviceId = who.kind === 'device' ? who.deviceId : null;
  if (deviceId) byDevice.set(deviceId, (byDevice.get(deviceId) ?? new Set()).add(end));
  const close = () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(end);
    const mine = deviceId ? byDevice.get(deviceId) : undefined;
    mine?.delete(end);
    if (deviceId && mine?.size === 0) byDevice.delete(deviceId);
  };
  req.raw.on('close', close);
  res.on('error', close);
  try {
    send(await currentVersion(deps.store.db, who.propertyId));
  } catch {
    res.end(); // database away: the client reconnects with backoff
  }
}
