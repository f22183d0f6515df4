import { PullQuery, PullResponse, PushEnvelope, PushResponse, SnapshotResponse } from '../../../shared/protocol/sync.ts';
import { credentialsOf } from '../auth/authenticate.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { route } from '../http/route.ts';
import { LIVE_DESCRIPTION, PULL_DESCRIPTION, PUSH_DESCRIPTION, SNAPSHOT_DESCRIPTION } from './sync.docs.ts';
import { pull, snapshot } from './pull.service.ts';
import { push } from './push.service.ts';
import { openLiveStream } from '../live/live.stream.ts';

const READERS = ['kiosk', 'wall', ...STAFF_ROLES] as const;

export const syncRoutes = [
  route({
    method: 'POST',
    url: '/api/sync/push',
    access: ['kiosk', ...STAFF_ROLES],
    tags: ['Sync'],
    summary: "Push a batch of the device's commands, in order",
    description: PUSH_DESCRIPTION,
    body: PushEnvelope,
    response: PushResponse,
    async handler({ who, deps, body }) {
      return push(deps, who, body);
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/pull',
    access: READERS,
    tags: ['Sync'],
    summary: 'Events after a version (the cursor)',
    description: PULL_DESCRIPTION,
    query: PullQuery,
    response: PullResponse,
    async handler({ req, who, deps, query: { after } }) {
      return pull(deps.store.db, who, after, (skipped) => req.log.warn(skipped, 'pull skipped an event this version cannot read'));
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/snapshot',
    access: READERS,
    tags: ['Sync'],
    summary: 'The state to start from',
    description: SNAPSHOT_DESCRIPTION,
    response: SnapshotResponse,
    async handler({ who, deps }) {
      return snapshot(deps.store.db, who);
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/live',
    access: READERS,
    tags: ['Sync'],
    summary: 'Live hints: Server-Sent Events',
    description: LIVE_DESCRIPTION,
    response: { mediaType: 'text/event-stream', description: 'Server-Sent Events: `retry: 2000`, then `id: <version>` / `data: {"version":<version>}` messages (default event name `message`) and `: heartbeat` comments every 15 s.' },
    async handler({ req, reply, who, deps }) {
      // Its credentials go with it: the stream ends when they do (sign-out, expiry, revocation).
      await openLiveStream(req, reply, who, deps, await credentialsOf(req, who, deps));
      return reply;
    },
  }),
];
