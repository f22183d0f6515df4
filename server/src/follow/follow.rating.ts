/**
 * The guest rates a finished ticket on the phone. It is recorded exactly as the kiosk's
 * `feedback.submit` with that `requestId` would record it (feedback/feedback.service.ts): a
 * `feedback` row of the kiosk that issued the ticket, so Reports count it; once per ticket (a
 * second rating is a conflict); a rating of 2 or less opens an issue on the board.
 */
import { v7 as uuidv7 } from 'uuid';
import type { FollowRatingResult } from '../../../shared/protocol/follow.ts';
import type { Principal } from '../auth/principal.ts';
import { submitFeedback } from '../feedback/feedback.service.ts';
import { DomainError } from '../http/errors.ts';
import type { AppDeps } from '../http/route.ts';

export async function rateFollowed(deps: Pick<AppDeps, 'store' | 'notifier' | 'now'>, target: { propertyId: string; requestId: string }, rating: number): Promise<FollowRatingResult> {
  const now = deps.now();
  const { result, version } = await deps.store.tx(async (trx) => {
    const r = await trx.selectFrom('service_requests').select(['device_id', 'ticket', 'status']).where('id', '=', target.requestId).where('property_id', '=', target.propertyId).executeTakeFirst();
    if (!r) throw new DomainError('not_found', 'This ticket link has expired or does not exist');
    if (r.status !== 'completed') throw new DomainError('conflict', `Ticket ${r.ticket} is not finished yet (${r.status})`);
    // The ticket's own kiosk rates it: the same checks (row lock, once per ticket) and the same issue for a low rating.
    const issuer: Principal = { kind: 'device', deviceKind: 'kiosk', deviceId: r.device_id, propertyId: target.propertyId };
    const feedbackId = uuidv7();
    return submitFeedback(
      trx,
      issuer,
      {
        id: uuidv7(),
        deviceId: r.device_id,
        seq: 0,
        type: 'feedback.submit',
        createdAt: now.toISOString(),
        payload: { feedbackId, rating, categories: [], comment: null, complaint: false, contactConsent: false, contact: null, guestName: null, room: null, requestId: target.requestId },
      },
      now,
      0,
    );
  });
  if (version) await deps.notifier.publish(target.propertyId, version);
  return { rating, feedbackId: result.feedbackId };
}
