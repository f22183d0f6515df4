import { z } from 'zod';
import { ISSUE_STATUSES } from './issue.machine.ts';

export const IssueSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type IssueSeverity = z.infer<typeof IssueSeverity>;

export const FeedbackCategory = z.enum(['room', 'service', 'food', 'cleanliness', 'other']);
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

export const IssueSource = z.enum(['kiosk_feedback', 'staff']);

/** Service-level targets by severity, in minutes. A manager setting later; these are the defaults. */
export const ISSUE_SLA_MINUTES: Record<IssueSeverity, { acknowledge: number; resolve: number }> = {
  low: { acknowledge: 60, resolve: 48 * 60 },
  medium: { acknowledge: 30, resolve: 24 * 60 },
  high: { acknowledge: 10, resolve: 8 * 60 },
  critical: { acknowledge: 5, resolve: 4 * 60 },
};

/** A complaint or a low rating on the pending-issue board. Staff only: it may name the guest. */
export const Issue = z.object({
  id: z.uuid(),
  source: IssueSource,
  severity: IssueSeverity,
  status: z.enum(ISSUE_STATUSES),
  categories: z.array(FeedbackCategory),
  summary: z.string(),
  rating: z.number().int().min(1).max(5).nullable(),
  guestName: z.string().nullable(),
  room: z.string().nullable(),
  contact: z.string().nullable(),
  contactConsent: z.boolean(),
  feedbackId: z.uuid().nullable(),
  requestId: z.uuid().nullable(),
  ownerStaffId: z.string().nullable(),
  ownerStaffName: z.string().nullable(),
  acknowledgeBy: z.string(),
  resolveBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int().positive(),
});
export type Issue = z.infer<typeof Issue>;

/** A rating of 2 or less, or anything the guest calls a complaint, goes on the board. */
export function needsIssue(rating: number, complaint: boolean): boolean {
  return complaint || rating <= 2;
}

export function severityOf(rating: number, complaint: boolean): IssueSeverity {
  if (rating <= 1 && complaint) return 'high';
  if (complaint || rating <= 1) return 'medium';
  return 'low';
}
