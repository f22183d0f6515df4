/**
 * A guest's phone follows one ticket (issue #14; shared/protocol/follow.ts). No login: the
 * token is the key, and it answers one ticket alone, never a name, room, note, member, staff
 * member or device. Rate-limited per address; an unknown or expired token is a 404.
 * Also the kiosk's `follow-config` (the public base URL its ticket QR points at).
 */
import { FollowConfig, FollowParams, FollowRatingBody, FollowRatingResult, FollowView } from '../../../shared/protocol/follow.ts';
import { DomainError } from '../http/errors.ts';
import { route, type AppDeps } from '../http/route.ts';
import { followHub } from './follow.hub.ts';
import { findFollow } from './follow.repo.ts';
import { rateFollowed } from './follow.rating.ts';
import { openFollowStream } from './follow.stream.ts';

/** Per address and minute: a page load, its reconnects and one tap of a rating are far below these. */
export const FOLLOW_RATE_LIMITS = { view: 60, live: 30, rating: 10 } as const;

const GONE = 'This ticket link has expired or does not exist';

/** The ticket a token follows, while it answers. */
async function target(deps: AppDeps, token: string) {
  const f = await findFollow(deps.store.db, token);
  if (!f) throw new DomainError('not_found', GONE);
  return { token, ...f };
}

export const followRoutes = [
  route({
    method: 'GET',
    url: '/api/follow/:token',
    access: 'public',
    rateLimitPerMinute: FOLLOW_RATE_LIMITS.view,
    params: FollowParams,
    tags: ['Guest phone'],
    summary: "A followed ticket's view",
    description: 'The ticket the token (from the ticket\'s QR, `/t/<token>`) follows: number, kind, status, desk, tickets ahead, the expected wait, luggage claim code, shoe stage, rating. Never a name, room, note, member, staff member or device. 404 once the token expired (the end of its service day; luggage still in store: 14 days later).',
    response: FollowView,
    async handler({ deps, params }) {
      const t = await target(deps, params.token);
      const entry = (await followHub(deps).views.read(t.propertyId, [t.requestId], deps.now())).get(t.requestId);
      if (!entry?.view) throw new DomainError('not_found', GONE);
      return entry.view;
    },
  }),
  route({
    method: 'GET',
    url: '/api/follow/:token/live',
    access: 'public',
    rateLimitPerMinute: FOLLOW_RATE_LIMITS.live,
    params: FollowParams,
    tags: ['Guest phone'],
    summary: "A followed ticket's view, live: Server-Sent Events",
    description: `The view on connect and whenever it changes; \`event: gone\` when the token expires, then the stream ends. At most 32 streams per address on one instance (more: 429).`,
    response: { mediaType: 'text/event-stream', description: 'Server-Sent Events: `retry: 3000`, then `event: view` messages whose data is a `FollowView`, `: heartbeat` comments every 15 s, and `event: gone` (data `{}`) when the token expires.' },
    async handler({ req, reply, deps, params }) {
      await openFollowStream(req, reply, deps, await target(deps, params.token));
    },
  }),
  route({
    method: 'POST',
    url: '/api/follow/:token/rating',
    access: 'public',
    rateLimitPerMinute: FOLLOW_RATE_LIMITS.rating,
    params: FollowParams,
    body: FollowRatingBody,
    tags: ['Guest phone'],
    summary: 'Rate the finished ticket (once)',
    description: "Recorded as the kiosk's `feedback.submit` of that ticket would be: Reports count it, and a rating of 2 or less opens an issue. 409 before the ticket is completed and for a second rating.",
    response: FollowRatingResult,
    async handler({ deps, params, body }) {
      const t = await target(deps, params.token);
      const entry = (await followHub(deps).views.read(t.propertyId, [t.requestId], deps.now())).get(t.requestId);
      if (!entry?.view) throw new DomainError('not_found', GONE);
      const result = await rateFollowed(deps, t, body.rating);
      await followHub(deps).touch(t.propertyId, t.requestId).catch(() => undefined);
      return result;
    },
  }),
  route({
    method: 'GET',
    url: '/api/kiosk/follow-config',
    access: ['kiosk'],
    tags: ['Kiosk'],
    summary: "Where the ticket's follow QR points",
    description: 'The public base URL (`LOBBYDESK_PUBLIC_URL`) the kiosk puts before `/t/<token>` in the QR; null: the kiosk uses its own origin.',
    response: FollowConfig,
    async handler({ deps }) {
      return FollowConfig.parse({ publicBaseUrl: deps.publicBaseUrl ?? null });
    },
  }),
];
