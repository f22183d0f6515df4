import { sql } from 'kysely';
import { HealthResponse } from '../../../shared/protocol/health.ts';
import { PROTOCOL_VERSION } from '../../../shared/protocol/version.ts';
import { route } from './route.ts';

export const healthRoutes = [
  route({
    method: 'GET',
    url: '/api/health',
    access: 'public',
    tags: ['Health'],
    summary: 'Is this server healthy?',
    description: 'For a load balancer or a monitor. 200 when the database answers; 503 with the same body (`ok: false`, `problems`) when it does not.',
    response: HealthResponse,
    async handler({ reply, deps }) {
      const problems: string[] = [];
      try {
        await sql`select 1`.execute(deps.store.db);
      } catch (e) {
        problems.push(`database unreachable: ${e instanceof Error ? e.message : String(e)}`);
      }
      if (problems.length) reply.status(503);
      return { ok: problems.length === 0, problems, driver: deps.store.driver, protocol: PROTOCOL_VERSION, instance: deps.instanceId };
    },
  }),
];
