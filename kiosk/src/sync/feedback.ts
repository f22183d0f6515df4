/**
 * Guest feedback, queued like every other command: the thank-you shows at
 * once, the server gets it exactly once when the network allows. Rating a
 * ticket also marks it rated locally, so the kiosk offers it only once.
 */
import { v7 as uuidv7 } from 'uuid';
import type { FeedbackCategory } from '../../../shared/domain/issue.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { enqueue } from '../../../shared/sync-client/outbox.ts';
import type { KioskDb } from './db.ts';
import { cleanText } from './tickets.ts';

export interface FeedbackInput {
  rating: number;
  categories?: FeedbackCategory[];
  comment?: string | null;
  complaint?: boolean;
  contactConsent?: boolean;
  contact?: string | null;
  guestName?: string | null;
  room?: string | null;
  requestId?: string | null;
}

/** Queues `feedback.submit`; contact details are kept only with the guest's consent. Returns the feedback id. */
export async function createFeedback(db: KioskDb, me: DeviceMe, input: FeedbackInput): Promise<string> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new Error('rating must be 1 to 5');
  const feedbackId = uuidv7();
  const consent = input.contactConsent === true;
  const requestId = input.requestId ?? null;
  await enqueue(
    db,
    me.deviceId,
    {
      type: 'feedback.submit',
      payload: {
        feedbackId,
        rating: input.rating,
        categories: [...new Set(input.categories ?? [])],
        comment: cleanText(input.comment, 1000),
        complaint: input.complaint === true,
        contactConsent: consent,
        contact: consent ? cleanText(input.contact, 80) : null,
        guestName: cleanText(input.guestName, 80),
        room: cleanText(input.room, 12),
        requestId,
      },
    },
    [db.tickets],
    async (_tx, command) => {
      if (requestId) await db.tickets.update(requestId, { ratedAt: command.createdAt });
    },
  );
  return feedbackId;
}
