/**
 * `GET /api/follow/:token/live`: a phone's Server-Sent Events. `event: view` with the whole view
 * on connect and whenever it changes (follow.hub.ts decides), a heartbeat comment every 15 s as on
 * the staff streams (live/live.stream.ts), and `event: gone` when the token expires, then the end.
 *
 * Limits per instance: a token holds at most MAX_STREAMS_PER_TOKEN streams (a new one ends its
 * oldest: a phone reconnecting past a half-dead connection is never refused); an address holds at
 * most MAX_STREAMS_PER_ADDRESS (more are refused, 429).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FollowView } from '../../../shared/protocol/follow.ts';
import { DomainError } from '../http/errors.ts';
import type { AppDeps } from '../http/route.ts';
import { HEARTBEAT_MS } from '../live/live.stream.ts';
import { followHub, type Follower } from './follow.hub.ts';

export const MAX_STREAMS_PER_TOKEN = 4;
export const MAX_STREAMS_PER_ADDRESS = 32;
/** setTimeout's ceiling; an expiry later than this is caught by a heartbeat. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface OpenFollow {
  end(): void;
  token: string;
  address: string;
}

const open = new Set<OpenFollow>();
const byToken = new Map<string, OpenFollow[]>();
const byAddress = new Map<string, number>();

export function endAllFollowStreams(): void {
  for (const s of [...open]) s.end();
}

export async function openFollowStream(req: FastifyRequest, reply: FastifyReply, deps: AppDeps, target: { token: string; propertyId: string; requestId: string }): Promise<void> {
  const address = req.ip;
  if ((byAddress.get(address) ?? 0) >= MAX_STREAMS_PER_ADDRESS) throw new DomainError('rate_limited', `At most ${MAX_STREAMS_PER_ADDRESS} phones follow from one address`);
  const hub = followHub(deps);
  const seen = hub.seen(target.propertyId);
  const first = (await hub.views.read(target.propertyId, [target.requestId], deps.now())).get(target.requestId);
  if (!first?.view) throw new DomainError('not_found', 'This ticket link has expired or does not exist');

  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  const timers: { heartbeat?: NodeJS.Timeout; expiry?: NodeJS.Timeout } = {};
  let expiresAt = 0;
  let closed = false;
  const armExpiry = (view: FollowView) => {
    const at = Date.parse(view.expiresAt);
    if (at === expiresAt) return;
    expiresAt = at;
    clearTimeout(timers.expiry);
    const left = at - deps.now().getTime();
    if (left < MAX_TIMER_MS) timers.expiry = setTimeout(() => follower.gone(), Math.max(0, left));
  };
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(timers.heartbeat);
    clearTimeout(timers.expiry);
    hub.remove(follower);
    open.delete(stream);
    const rest = byToken.get(target.token)?.filter((s) => s !== stream) ?? [];
    if (rest.length > 0) byToken.set(target.token, rest);
    else byToken.delete(target.token);
    const n = (byAddress.get(address) ?? 1) - 1;
    if (n > 0) byAddress.set(address, n);
    else byAddress.delete(address);
  };
  const stream: OpenFollow = {
    token: target.token,
    address,
    end() {
      close();
      if (!res.writableEnded) res.end();
    },
  };
  const follower: Follower = {
    propertyId: target.propertyId,
    requestId: target.requestId,
    last: null,
    queue: null,
    claimCode: null,
    write(view) {
      if (res.writableEnded) return;
      res.write(`event: view\ndata: ${JSON.stringify(view)}\n\n`);
      armExpiry(view);
    },
    gone() {
      if (!res.writableEnded) res.write('event: gone\ndata: {}\n\n');
      stream.end();
    },
  };

  const earlier = byToken.get(target.token) ?? [];
  for (const oldest of earlier.slice(0, Math.max(0, earlier.length - MAX_STREAMS_PER_TOKEN + 1))) oldest.end();
  byToken.set(target.token, [...(byToken.get(target.token) ?? []), stream]);
  byAddress.set(address, (byAddress.get(address) ?? 0) + 1);
  open.add(stream);
  req.raw.on('close', close);
  res.on('close', close);
  res.on('error', close);

  timers.heartbeat = setInterval(() => {
    if (expiresAt && deps.now().getTime() >= expiresAt) return follower.gone();
    res.write(': heartbeat\n\n');
  }, HEARTBEAT_MS);
  hub.add(follower);
  hub.offer(follower, first);
  // A change heard between the first read and joining the hub: read again, so it is not missed until the next one.
  if (hub.seen(target.propertyId) !== seen) await hub.touch(target.propertyId, target.requestId).catch(() => undefined);
}
