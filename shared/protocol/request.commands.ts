/** The queue's commands: a kiosk or staff take a number, staff move it along the request machine. */
import { z } from 'zod';
import { Department } from '../domain/issue.ts';
import { CallReason, RequestAction, RequestDetails, RequestKind, RequestStatus, ServiceDay, TicketNumber } from '../domain/request.ts';
import { FreeText } from '../domain/text.ts';
import { defineCommands } from './command-def.ts';
import { FollowLink, FollowOnCreate } from './follow.ts';
import { WaitQuote } from './wait-stats.ts';

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
    /** The guest's phone may follow this ticket (shared/protocol/follow.ts): the token the kiosk made and printed. Absent: no follow link. */
    follow: FollowOnCreate.optional(),
  })
  .refine((p) => (p.kind === 'call_staff' ? p.details === null : p.details?.kind === p.kind), {
    message: 'details must match the kind (none for call_staff)',
    path: ['details'],
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

export const requestCommands = defineCommands({
  'request.create': { payload: RequestCreatePayload, result: z.object({ requestId: z.uuid(), ticket: TicketNumber, follow: FollowLink.optional() }), senders: ['kiosk', 'staff'] },
  'request.transition': { payload: RequestTransitionPayload, result: z.object({ requestId: z.uuid(), status: RequestStatus, rev: z.number().int() }), senders: ['staff'] },
});
