import { z } from 'zod';
import { Department, FeedbackCategory } from '../domain/issue.ts';
import { CallReason, RequestAction, RequestDetails, RequestKind, RequestStatus, ServiceDay, TicketNumber } from '../domain/request.ts';
import { LuggageApproveReleasePayload, LuggageMovePayload, LuggageReleaseLostPayload, LuggageReleasePayload, LuggageStorePayload, ShoeAdvancePayload } from './luggage.commands.ts';
import { IssueDepartmentsPayload, IssueHandoverPayload, IssueNotePayload, IssueRecordPayload, IssueTransitionPayload } from './issue-commands.ts';
import { FreeText } from '../domain/text.ts';
import { COMPLAINT_REF_RE } from '../domain/complaint-ref.ts';
import { ApprovalDecidePayload, MemberBalancePayload, MemberReissueCardPayload, SettingsAuthorityPayload } from './member-commands.ts';
import { WaitQuote } from './wait-stats.ts';


/** Who may send a command type: the server refuses the rest with `forbidden`. */
export const COMMAND_SENDERS = {
  'request.create': ['kiosk', 'staff'],
  'request.transition': ['staff'],
  'feedback.submit': ['kiosk', 'staff'],
  'luggage.store': ['staff'],
  'luggage.move': ['staff'],
  'luggage.release': ['staff'],
  'luggage.release_lost': ['staff'],
  'luggage.approve_release': ['staff'],
  'shoe.advance': ['staff'],
  'issue.transition': ['staff'],
  'issue.handover': ['staff'],
  'issue.note': ['staff'],
  'issue.record': ['staff'],
  'issue.departments': ['staff'],
  'member.balance': ['staff'],
  'member.reissue_card': ['staff'],
  'approval.decide': ['staff'],
  'settings.authority': ['staff'],
} as const satisfies Record<string, readonly ('kiosk' | 'staff')[]>;

export const RequestCreatePayload = z
  .object({
    requestId: z.uuid(),
    kind: RequestKind,
    ticket: TicketNumber,
    serviceDay: ServiceDay,
    reason: CallReason.nullable().default(null),
    guestName: FreeText(80).nullable().default(null),
    room: FreeText(12).nullable().default(null),
    note: FreeText(500, { multiline: true }).nullable().default(null),
    /** Required for luggage and shoe care, of the same kind; absent for call_staff. */
    details: RequestDetails.nullable().default(null),
    /**
     * The member card the guest scanned on the kiosk in this guest session: its signed QR token, never a
     * bare member id. The server verifies it and links the member; a card it cannot verify (forged,
     * reissued, unknown) is dropped and the reason audited, and the request stands. Any text up to the
     * limit passes here, so a bad card can never make the batch, and the guest's call, fail.
     */
    memberCard: z.string().max(400).nullable().optional(),
    /** The wait the kiosk showed the guest for this ticket (wait-stats.ts); absent when none was shown. */
    quotedWait: WaitQuote.nullable().optional(),
  })
  .refine((p) => (p.kind === 'call_staff' ? p.details === null : p.details?.kind === p.kind), {
    message: 'details must match the kind (none for call_staff)',
    path: ['details'],
  });

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

export const RequestTransitionPayload = z.object({
  requestId: z.uuid(),
  action: RequestAction,
  /** The status the sender saw; a different current status is a conflict. */
  expectedStatus: RequestStatus,
  /** The sender's desk; for `transfer`, the target desk. */
  desk: FreeText(40).nullable().default(null),
  /** `transfer` only: the department it goes to (a transfer names a desk, a department, or both). */
  department: Department.nullable().optional(),
  /** `transfer` only: a note for whoever takes it over (staff only). */
  note: FreeText(200, { multiline: true }).nullable().optional(),
  /**
   * The queue the sender works (the front office's, or a department's): a call or serve of a request
   * another queue holds (it was transferred there) is refused as a conflict. Absent: not checked.
   */
  queue: Department.optional(),
});

const envelope = {
  id: z.uuid(),
  deviceId: z.uuid(),
  seq: z.number().int().positive().max(2 ** 31 - 1),
  createdAt: z.iso.datetime({ offset: true }), // client clock
  /**
   * Staff commands: the staff id of whoever took the action on the tablet. A
   * shared tablet may deliver it after that person signed out; the server
   * then refuses it (`actor_signed_out`) rather than credit the next person.
   */
  actor: FreeText(64, { min: 1 }).optional(),
};

export const Command = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('request.create'), payload: RequestCreatePayload }),
  z.object({ ...envelope, type: z.literal('request.transition'), payload: RequestTransitionPayload }),
  z.object({ ...envelope, type: z.literal('feedback.submit'), payload: FeedbackSubmitPayload }),
  z.object({ ...envelope, type: z.literal('luggage.store'), payload: LuggageStorePayload }),
  z.object({ ...envelope, type: z.literal('luggage.move'), payload: LuggageMovePayload }),
  z.object({ ...envelope, type: z.literal('luggage.release'), payload: LuggageReleasePayload }),
  z.object({ ...envelope, type: z.literal('luggage.release_lost'), payload: LuggageReleaseLostPayload }),
  z.object({ ...envelope, type: z.literal('luggage.approve_release'), payload: LuggageApproveReleasePayload }),
  z.object({ ...envelope, type: z.literal('shoe.advance'), payload: ShoeAdvancePayload }),
  z.object({ ...envelope, type: z.literal('issue.transition'), payload: IssueTransitionPayload }),
  z.object({ ...envelope, type: z.literal('issue.handover'), payload: IssueHandoverPayload }),
  z.object({ ...envelope, type: z.literal('issue.note'), payload: IssueNotePayload }),
  z.object({ ...envelope, type: z.literal('issue.record'), payload: IssueRecordPayload }),
  z.object({ ...envelope, type: z.literal('issue.departments'), payload: IssueDepartmentsPayload }),
  z.object({ ...envelope, type: z.literal('member.balance'), payload: MemberBalancePayload }),
  z.object({ ...envelope, type: z.literal('member.reissue_card'), payload: MemberReissueCardPayload }),
  z.object({ ...envelope, type: z.literal('approval.decide'), payload: ApprovalDecidePayload }),
  z.object({ ...envelope, type: z.literal('settings.authority'), payload: SettingsAuthorityPayload }),
]);
export type Command = z.infer<typeof Command>;
export type CommandType = Command['type'];
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;
/** A command as a client writes it, before it has a sequence number. */
export type CommandDraft = { [T in CommandType]: Omit<CommandOf<T>, 'seq' | 'deviceId' | 'id' | 'createdAt'> }[CommandType];
