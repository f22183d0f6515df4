/** The pending-issue board's commands (staff only): payloads and definitions; commands.ts merges them. */
import { z } from 'zod';
import { Department, FeedbackCategory, FollowUpInput, IssueSeverity } from '../domain/issue.ts';
import { ISSUE_ACTIONS, ISSUE_STATUSES } from '../domain/issue.machine.ts';
import { FreeText } from '../domain/text.ts';
import { defineCommands } from './command-def.ts';

const Departments = z.array(Department).max(6).transform((d) => [...new Set(d)]);

export const IssueTransitionPayload = z.object({
  issueId: z.uuid(),
  action: z.enum(ISSUE_ACTIONS),
  /** The status the sender saw; a different current status is a conflict. */
  expectedStatus: z.enum(ISSUE_STATUSES),
  note: FreeText(1000, { multiline: true }).nullable().default(null),
  /** Required with `follow_up` (the 回访 record), ignored otherwise. */
  followUp: FollowUpInput.nullable().default(null),
});
export type IssueTransitionPayload = z.infer<typeof IssueTransitionPayload>;

/** Explicit hand-over: the only way ownership moves (the owner, or a supervisor or manager). */
export const IssueHandoverPayload = z.object({
  issueId: z.uuid(),
  toStaffId: FreeText(40, { min: 1 }),
  note: FreeText(1000, { multiline: true, min: 1 }),
});

export const IssueNotePayload = z.object({
  issueId: z.uuid(),
  text: FreeText(1000, { multiline: true, min: 1 }),
  internal: z.literal(true),
});

/** A complaint taken by phone or at the desk; the staff member who records it owns it (首问负责制). */
export const IssueRecordPayload = z.object({
  issueId: z.uuid(),
  severity: IssueSeverity,
  categories: z.array(FeedbackCategory).max(5).default([]),
  summary: FreeText(1000, { multiline: true, min: 1 }),
  guestName: FreeText(80).nullable().default(null),
  room: FreeText(12).nullable().default(null),
  contact: FreeText(80).nullable().default(null),
  contactConsent: z.boolean().default(false),
  departments: Departments.default([]),
});

export const IssueDepartmentsPayload = z.object({ issueId: z.uuid(), departments: Departments });

/** Every issue command answers the issue's new status, owner and revision. */
const IssueResult = z.object({ issueId: z.uuid(), status: z.enum(ISSUE_STATUSES), ownerStaffId: z.string().nullable(), rev: z.number().int() });

export const issueCommands = defineCommands({
  'issue.transition': { payload: IssueTransitionPayload, result: IssueResult, senders: ['staff'] },
  'issue.handover': { payload: IssueHandoverPayload, result: IssueResult, senders: ['staff'] },
  'issue.note': { payload: IssueNotePayload, result: IssueResult, senders: ['staff'] },
  'issue.record': { payload: IssueRecordPayload, result: IssueResult, senders: ['staff'] },
  'issue.departments': { payload: IssueDepartmentsPayload, result: IssueResult, senders: ['staff'] },
});
