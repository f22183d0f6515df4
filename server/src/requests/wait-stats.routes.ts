import { WaitStats } from '../../../shared/protocol/wait-stats.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { waitStats } from './wait-stats.repo.ts';

/** What a kiosk quotes waits from; it polls this and keeps the last answer for offline quotes. */
export const waitStatsRoutes = [
  route({
    method: 'GET',
    url: '/api/kiosk/wait-stats',
    access: ['kiosk'],
    tags: ['Kiosk'],
    summary: 'What the kiosk quotes waits from',
    description: 'Desks open, tickets in service and, per kind, recent service times and how many wait; the kiosk polls it and keeps the last answer for offline quotes.',
    response: WaitStats,
    async handler({ who, deps }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Kiosks only');
      return WaitStats.parse(await waitStats(deps.store.db, who.propertyId, deps.now()));
    },
  }),
];
