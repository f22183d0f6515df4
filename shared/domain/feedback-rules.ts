/**
 * A guest's feedback as plain data and rules, without the schemas (issue.ts
 * builds its schemas on these): the kiosk's feedback screen loads this with
 * its first screen, before zod.
 */
export const FEEDBACK_CATEGORIES = ['room', 'service', 'food', 'cleanliness', 'other'] as const;
export type FeedbackCategory = (typeof FEEDBACK_CATEGORIES)[number];

/** A rating of 2 or less, or anything the guest calls a complaint, goes on the board. */
export function needsIssue(rating: number, complaint: boolean): boolean {
  return complaint || rating <= 2;
}
