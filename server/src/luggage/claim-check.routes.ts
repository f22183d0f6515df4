import { ClaimCheckBody, ClaimCheckResponse } from '../../../shared/protocol/claim-check.ts';
import { DomainError } from '../http/errors.ts';
import { parse, route } from '../http/route.ts';
import { claimInStore } from './claim-check.repo.ts';

/** The kiosk checks a claim code before it issues a pick-up ticket (see shared/protocol/claim-check.ts). */
export const claimCheckRoutes = [
  route({
    method: 'POST',
    url: '/api/kiosk/claim-check',
    access: ['kiosk'],
    // The answer says whether a code exists: the limit keeps guessing slow (per client address).
    rateLimitPerMinute: 30,
    async handler({ req, deps, who }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Kiosks only');
      const { code } = parse(ClaimCheckBody, req.body);
      return ClaimCheckResponse.parse({ inStore: await claimInStore(deps.store.db, who.propertyId, code) });
    },
  }),
];
