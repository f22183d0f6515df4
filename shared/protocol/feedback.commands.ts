/** A guest's (or a staff member's) rating and comment; a complaint or a low rating opens an issue. */
import { z } from 'zod';
import { COMPLAINT_REF_RE } from '../domain/complaint-ref.ts';
import { FeedbackCategory } from '../domain/issue.ts';
import { FreeText } from '../domain/text.ts';
import { defineCommands } from './command-def.ts';

/** A guest's rating and comment; a complaint or a rating of 2 or less also opens an issue on the board. */
export const FeedbackSubmitPayload = z.object({
  feedbackId: z.uuid(),
  rating: z.number().int().min(1).max(5),
  categories: z.array(FeedbackCategory).max(5).default([]),
  comment: FreeText(1000, { multiline: true }).nullable().default(null),
  complaint: z.boolean().default(false),
  contactConsent: z.boolean().default(false),
  contact: FreeText(80).nullable().default(null),
  guestName: FreeText(80).nullable().default(null),
  room: FreeText(12).nullable().default(null),
  /** The ticket this rates, when offered after a completed service. */
  requestId: z.uuid().nullable().default(null),
  /**
   * The reference the kiosk minted and showed the guest for a complaint (`C-A4K7`,
   * shared/domain/complaint-ref.ts); kept on the issue it opens. Kiosks only.
   */
  reference: z.string().regex(COMPLAINT_REF_RE, 'a complaint reference looks like C-A4K7').nullable().optional(),
});

export const feedbackCommands = defineCommands({
  'feedback.submit': {
    payload: FeedbackSubmitPayload,
    /** The issue it opened (a complaint or a low rating), and the complaint's reference when it had one. */
    result: z.object({ feedbackId: z.uuid(), issueId: z.uuid().nullable(), reference: z.string().nullable().optional() }),
    senders: ['kiosk', 'staff'],
  },
});
