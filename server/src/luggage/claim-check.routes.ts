import { ClaimCheckBody, ClaimCheckResponse } from '../../../shared/protocol/claim-check.ts';
import { DomainError } from '../http/errors.ts';
import { route } from '../http/route.ts';
import { claimInStore } from './claim-check.repo.ts';

/** The kiosk checks a claim code before it issues a pick-up ticket (see shared/protocol/claim-check.ts). */
export const claimCheckRoutes = [
  route({
    method: 'POST',
    url: '/api/kiosk/claim-check',
    access: ['kiosk'],
    // The answer says whether a code exists: the limit keeps guessing slow (per client address).
    rateLimitPerMinute: 30,
    tags: ['Kiosk'],
    summary: 'Is a luggage claim code on bags in store?',
    description: 'One yes/no, nothing about whose bags they are. A code with a wrong check character: 400 `bad_request`.',
    body: ClaimCheckBody,
    response: ClaimCheckResponse,
    async handler({ deps, who, body: { code } }) {
      if (who.kind !== 'device') throw new DomainError('forbidden', 'Kiosks only');
      return ClaimCheckResponse.parse({ inStore: await claimInStore(deps.store.db, who.propertyId, code) });
    },
  }),
];
