import { PullQuery, PushEnvelope } from '../../../shared/protocol/sync.ts';
import { credentialsOf } from '../auth/authenticate.ts';
import { STAFF_ROLES } from '../auth/principal.ts';
import { parse, route } from '../http/route.ts';
import { pull, snapshot } from './pull.service.ts';
import { push } from './push.service.ts';
import { openLiveStream } from '../live/live.stream.ts';

const READERS = ['kiosk', 'wall', ...STAFF_ROLES] as const;

export const syncRoutes = [
  route({
    method: 'POST',
    url: '/api/sync/push',
    access: ['kiosk', ...STAFF_ROLES],
    async handler({ req, who, deps }) {
      return push(deps, who, parse(PushEnvelope, req.body));
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/pull',
    access: READERS,
    async handler({ req, who, deps }) {
      const { after } = parse(PullQuery, req.query);
      return pull(deps.store.db, who, after, (skipped) => req.log.warn(skipped, 'pull skipped an event this version cannot read'));
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/snapshot',
    access: READERS,
    async handler({ who, deps }) {
      return snapshot(deps.store.db, who);
    },
  }),
  route({
    method: 'GET',
    url: '/api/sync/live',
    access: READERS,
    async handler({ req, reply, who, deps }) {
      // Its credentials go with it: the stream ends when they do (sign-out, expiry, revocation).
      await openLiveStream(req, reply, who, deps, await credentialsOf(req, who, deps));
      return reply;
    },
  }),
];
