import { z } from 'zod';
import { FEEDBACK_CATEGORIES, needsIssue } from './feedback-rules.ts';
import { ISSUE_STATUSES } from './issue.machine.ts';
import { FreeText, ShownText } from './text.ts';

export const IssueSeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type IssueSeverity = z.infer<typeof IssueSeverity>;

export const FeedbackCategory = z.enum(FEEDBACK_CATEGORIES);
export type FeedbackCategory = z.infer<typeof FeedbackCategory>;

export const IssueSource = z.enum(['kiosk_feedback', 'staff']);

/** The departments a complaint may involve; the owner chases them (首问负责制). */
export const DEPARTMENTS = ['front_office', 'housekeeping', 'food_beverage', 'engineering', 'concierge', 'security'] as const;
export const Department = z.enum(DEPARTMENTS);
export type Department = z.infer<typeof Department>;

/** 0 none, 1 a supervisor, 2 a manager. */
export const EscalationLevel = z.union([z.literal(0), z.literal(1), z.literal(2)]);
export type EscalationLevel = z.infer<typeof EscalationLevel>;

export const FollowUpMethod = z.enum(['phone', 'visit', 'message', 'in_person']);
export type FollowUpMethod = z.infer<typeof FollowUpMethod>;

/** The follow-up visit or call (回访) as staff record it: required before an issue can close. */
export const FollowUpInput = z.object({
  at: z.iso.datetime({ offset: true }),
  method: FollowUpMethod,
  guestView: FreeText(1000, { multiline: true, min: 1 }),
  satisfied: z.boolean(),
});
export type FollowUpInput = z.infer<typeof FollowUpInput>;
/** The guest was reached (or visited) and said what they think. Records from before `outcome` existed are this kind. */
export const ReachedFollowUp = FollowUpInput.extend({ outcome: z.literal('reached').default('reached'), byStaffId: z.string(), byStaffName: z.string() });
/** The follow-up's other outcome: the guest left no contact and no room, so nobody can be reached (action `no_contact`). */
export const NoContactFollowUp = z.object({ outcome: z.literal('no_contact'), at: z.string(), byStaffId: z.string(), byStaffName: z.string() });
export const FollowUp = z.union([ReachedFollowUp, NoContactFollowUp]);
export type FollowUp = z.infer<typeof FollowUp>;

/** An internal note or a hand-over on an issue; staff only, never shown to a guest. */
export const IssueNote = z.object({
  id: z.uuid(),
  at: z.string(),
  kind: z.enum(['note', 'handover']),
  staffId: z.string(),
  staffName: z.string(),
  text: z.string(),
  toStaffId: z.string().nullable(),
  toStaffName: z.string().nullable(),
});
export type IssueNote = z.infer<typeof IssueNote>;
/** How many of the latest notes travel with each `issue.upserted` event. */
export const ISSUE_NOTES_CARRIED = 20;

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
  summary: ShownText,
  rating: z.number().int().min(1).max(5).nullable(),
  guestName: ShownText.nullable(),
  room: ShownText.nullable(),
  contact: ShownText.nullable(),
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
  // 005_issue_board. Defaults let events written before it still parse.
  departments: z.array(Department).default([]),
  escalationLevel: EscalationLevel.default(0),
  escalatedAt: z.string().nullable().default(null),
  /** SLA time spent waiting on the guest, already over; the clock also stands still from `waitingSince`. */
  pausedMs: z.number().nonnegative().default(0),
  waitingSince: z.string().nullable().default(null),
  resolvedAt: z.string().nullable().default(null),
  closedAt: z.string().nullable().default(null),
  followUp: FollowUp.nullable().default(null),
  satisfied: z.boolean().nullable().default(null),
  notesCount: z.number().int().nonnegative().default(0),
  /** The latest notes and hand-overs, newest last (at most ISSUE_NOTES_CARRIED). */
  notes: z.array(IssueNote).default([]),
  // 016_complaint_reference. The reference the kiosk gave the guest (`C-A4K7`, shared/domain/complaint-ref.ts); null for staff-recorded issues.
  reference: ShownText.nullable().default(null),
});
export type Issue = z.infer<typeof Issue>;

export { needsIssue };

export function severityOf(rating: number, complaint: boolean): IssueSeverity {
  if (rating <= 1 && complaint) return 'high';
  if (complaint || rating <= 1) return 'medium';
  return 'low';
}

/** Serious complaints go straight to a supervisor (level 1 from the start). */
export function initialEscalation(severity: IssueSeverity): EscalationLevel {
  return severity === 'critical' || severity === 'high' ? 1 : 0;
}
