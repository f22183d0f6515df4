/**
 * Guest feedback, queued like every other command: the thank-you shows at
 * once, the server gets it exactly once when the network allows. Rating a
 * ticket also marks it rated locally, so the kiosk offers it only once.
 *
 * Feedback that goes on the issue board (a complaint, or a rating of 2 or
 * less) gets its complaint reference here, minted by the kiosk in the same
 * transaction as the command (shared/domain/complaint-ref.ts), so the guest
 * is told it at once, online or not.
 */
import { v7 as uuidv7 } from 'uuid';
import { formatComplaintRef } from '../../../shared/domain/complaint-ref.ts';
import { needsIssue, type FeedbackCategory } from '../../../shared/domain/issue.ts';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { enqueue, getMeta, setMeta } from '../../../shared/sync-client/outbox.ts';
import { META, type KioskDb } from './db.ts';
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

export interface FeedbackQueued {
  feedbackId: string;
  /** The complaint reference told to the guest; null when the feedback opens no issue. */
  reference: string | null;
}

/** The next complaint counter: after this kiosk's own and after the highest the server knows for its letter. */
async function nextComplaintNo(db: KioskDb, me: DeviceMe): Promise<number> {
  const n = Math.max((await getMeta<number>(db, META.complaintCounter)) ?? 0, me.lastComplaintNo ?? 0) + 1;
  await setMeta(db, META.complaintCounter, n);
  return n;
}

/** Queues `feedback.submit`; contact details are kept only with the guest's consent. */
export async function createFeedback(db: KioskDb, me: DeviceMe, input: FeedbackInput): Promise<FeedbackQueued> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) throw new Error('rating must be 1 to 5');
  const feedbackId = uuidv7();
  const consent = input.contactConsent === true;
  const complaint = input.complaint === true;
  const requestId = input.requestId ?? null;
  return db.transaction('rw', [db.outbox, db.meta, db.tickets], async () => {
    const reference = needsIssue(input.rating, complaint) && me.letter ? formatComplaintRef(me.letter, await nextComplaintNo(db, me)) : null;
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
          complaint,
          contactConsent: consent,
          contact: consent ? cleanText(input.contact, 80) : null,
          guestName: cleanText(input.guestName, 80),
          room: cleanText(input.room, 12),
          requestId,
          reference,
        },
      },
      [db.tickets],
      async (_tx, command) => {
        if (requestId) await db.tickets.update(requestId, { ratedAt: command.createdAt });
      },
    );
    return { feedbackId, reference };
  });
}
