import { z } from 'zod';
import { ShownText, shownText } from './text.ts';
import { MemberTier } from '../protocol/members.ts';
import { isCalendarDay } from './ticket.ts';
import { claimCodeProblem } from './claim-code.ts';
import { Department } from './issue.ts';
import { isRoomShoeJob, SHOE_STAGES } from './luggage.machine.ts';
import { ServiceCode, ServiceDetails } from './service.ts';
import { CALL_REASONS, REQUEST_ACTIONS, REQUEST_KINDS, REQUEST_STATUSES, type QueueJob } from './request.machine.ts';

export const RequestKind = z.enum(REQUEST_KINDS);
export type RequestKind = z.infer<typeof RequestKind>;

export const CallReason = z.enum(CALL_REASONS);
export type CallReason = z.infer<typeof CallReason>;

export const RequestStatus = z.enum(REQUEST_STATUSES);
export const RequestAction = z.enum(REQUEST_ACTIONS);

/** Ticket numbers: the kiosk's letter and a daily counter, e.g. "A007". Short enough to call out loud. */
export const TicketNumber = z.string().regex(/^[A-Z][0-9]{3,4}$/);
/** A service day in the property's time zone, YYYY-MM-DD. */
export const ServiceDay = z.string().refine(isCalendarDay, 'a service day is a real date, YYYY-MM-DD');

/**
 * A luggage claim code without 0/O/1/I, made on the kiosk (offline too), printed as text and QR:
 * 9 characters whose last is a check character, or 8 for codes made before it (see claim-code.ts).
 */
export const ClaimCode = z
  .string()
  .regex(/^[A-HJ-NP-Z2-9]{8,9}$/)
  .refine((c) => claimCodeProblem(c) === null, 'the check character does not match: a character is wrong');
const When = z.iso.datetime({ offset: true });

/** What each kind of request needs beyond the common fields. */
export const RequestDetails = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('luggage_in'), bags: z.number().int().min(1).max(20), expectedPickupAt: When.nullable(), claimCode: ClaimCode }),
  z.object({ kind: z.literal('luggage_out'), claimCode: ClaimCode }),
  z.object({
    kind: z.literal('shoe_care'),
    pairs: z.number().int().min(1).max(10),
    collectAt: z.enum(['room', 'lobby']),
    neededBy: When.nullable(),
    /** The job's stage, set by staff only (`shoe.advance`); absent until accepted. */
    stage: z.enum(SHOE_STAGES).optional(),
  }),
  ServiceDetails,
]);
export type RequestDetails = z.infer<typeof RequestDetails>;

/**
 * The member a request came with: the guest scanned their card on the kiosk
 * in the same guest session, and the server verified the signed token when
 * it applied the request. Staff only: never on the wall or a kiosk.
 */
export const RequestMember = z.object({ id: z.uuid(), name: z.string(), tier: MemberTier });
export type RequestMember = z.infer<typeof RequestMember>;

/** The full request as staff see it. */
export const ServiceRequest = z.object({
  id: z.uuid(),
  kind: RequestKind,
  ticket: TicketNumber,
  serviceDay: ServiceDay,
  status: RequestStatus,
  reason: CallReason.nullable(),
  guestName: ShownText.nullable(),
  room: ShownText.nullable(),
  note: ShownText.nullable(),
  details: RequestDetails.nullable(),
  deviceId: z.uuid(),
  desk: z.string().nullable(),
  /** Where a transfer sent it (the departments of the issue board); null when it is the front desk's. */
  department: Department.nullable().default(null),
  /** Staff's note with the last transfer: staff only, never on the wall or a kiosk. */
  transferNote: ShownText.nullable().default(null),
  assignedStaffId: z.string().nullable(),
  assignedStaffName: z.string().nullable(),
  /** The verified member card's member (staff only); absent or null when no card came or it was refused. */
  member: RequestMember.nullable().optional(),
  createdAt: z.string(), // server clock, ISO
  clientCreatedAt: z.string(), // kiosk clock, kept for display
  clockSkewMs: z.number().int(), // server clock minus the device's when it delivered; flag when large
  calledAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  updatedAt: z.string(),
  rev: z.number().int().positive(), // bumps on every change; a client keeps the highest
});
export type ServiceRequest = z.infer<typeof ServiceRequest>;

/** What the lobby wall may know: no names, rooms or notes. */
export const WallRequest = ServiceRequest.pick({
  id: true,
  kind: true,
  ticket: true,
  status: true,
  desk: true,
  calledAt: true,
  createdAt: true,
  updatedAt: true,
  rev: true,
}).extend({
  maskedName: z.string().nullable(),
  /** The catalog service's code for a request of kind `service` (its names come with the snapshot's `services`); null otherwise. */
  service: ServiceCode.nullable().default(null),
});
export type WallRequest = z.infer<typeof WallRequest>;

/** "Li Wei" → "L***"; empty stays empty. Never returns more than the first letter. */
export function maskName(name: string | null): string | null {
  const trimmed = name === null ? null : shownText(name).trim();
  if (!trimmed) return null;
  return `${Array.from(trimmed)[0]}***`;
}

/** The code of a request's catalog service (kind `service`), or null. */
export function serviceCodeOf(r: Pick<ServiceRequest, 'details'>): string | null {
  return r.details?.kind === 'service' ? r.details.service : null;
}

/**
 * The wall's copy of a request. Shoes collected from a room go back to the room, and staff go to the
 * guest for a service the wall does not call (`callOnWall` false, e.g. a wake-up call): the wall never
 * calls those tickets to a desk.
 */
export function toWallRequest(r: ServiceRequest): WallRequest {
  const notCalled = isRoomShoeJob(r) || (r.details?.kind === 'service' && r.details.callOnWall === false);
  return {
    id: r.id,
    kind: r.kind,
    ticket: r.ticket,
    status: r.status,
    desk: notCalled ? null : r.desk,
    calledAt: notCalled ? null : r.calledAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    rev: r.rev,
    maskedName: maskName(r.guestName),
    service: serviceCodeOf(r),
  };
}

/** What the queue's per-kind limits look at: the kind, and whether a shoe-care job has a stage yet. */
export function queueJob(r: Pick<ServiceRequest, 'kind' | 'details'>): QueueJob {
  return { kind: r.kind, started: r.details?.kind === 'shoe_care' && r.details.stage !== undefined };
}

/** A device clock further off than this is flagged to staff. */
export const CLOCK_SKEW_FLAG_MS = 2 * 60_000;

/** Merge by revision: applying the same or an older copy changes nothing. */
export function upsertByRev<T extends { id: string; rev: number }>(map: ReadonlyMap<string, T>, items: T[]): Map<string, T> {
  const next = new Map(map);
  for (const item of items) {
    const have = next.get(item.id);
    if (!have || have.rev < item.rev) next.set(item.id, item);
  }
  return next;
}
