import { z } from 'zod';
import { ShownText } from './text.ts';
import { LUGGAGE_STATUSES } from './luggage.machine.ts';
import { ClaimCode, TicketNumber } from './request.ts';

export const LuggageStatus = z.enum(LUGGAGE_STATUSES);
export const CustodyAction = z.enum(['received', 'stored', 'moved', 'released']);
export type CustodyAction = z.infer<typeof CustodyAction>;

/** One line of the custody log: append-only, never edited (a database trigger refuses UPDATE and DELETE). */
export const CustodyEntry = z.object({
  at: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  action: CustodyAction,
  location: z.string(),
  note: z.string().nullable(),
});
export type CustodyEntry = z.infer<typeof CustodyEntry>;

/** A hand-back without the claim ticket: identity checked by staff, waiting for a supervisor. */
export const LostClaim = z.object({
  identityNotes: z.string(),
  requestedById: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedById: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  approved: z.boolean().nullable(),
});
export type LostClaim = z.infer<typeof LostClaim>;

/** An entry in the luggage ledger, as staff see it. Never reaches the wall or a kiosk. */
export const LuggageItem = z.object({
  id: z.uuid(),
  claimCode: ClaimCode,
  ticket: TicketNumber.nullable(),
  requestId: z.uuid().nullable(),
  bags: z.number().int().min(1).max(20),
  /** One tag number per bag. */
  tags: z.array(z.string()),
  /** Shelf, room or locker. */
  location: z.string(),
  guestName: ShownText.nullable(),
  room: ShownText.nullable(),
  notes: ShownText.nullable(),
  expectedPickupAt: z.string().nullable(),
  status: LuggageStatus,
  custody: z.array(CustodyEntry),
  lostClaim: LostClaim.nullable(),
  releasedAt: z.string().nullable(),
  releasedBy: z.string().nullable(),
  /** The supervisor or manager who approved a lost-ticket hand-back. */
  approvedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  rev: z.number().int().positive(),
  /** Derived when the server sends it (stored and past the expected pick-up); screens re-derive it with `isOverdue`. */
  overdue: z.boolean(),
});
export type LuggageItem = z.infer<typeof LuggageItem>;

/** Stored (or parked for approval) and past the time the guest said they would collect. */
export function isOverdue(item: Pick<LuggageItem, 'status' | 'expectedPickupAt'>, nowMs: number): boolean {
  if (item.status !== 'stored' && item.status !== 'lost_claim_pending') return false;
  return item.expectedPickupAt !== null && new Date(item.expectedPickupAt).getTime() < nowMs;
}

/** Claim codes are typed or scanned: ignore case, spaces and dashes. */
export function normalizeClaimCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

/** A fresh claim code for a desk check-in (no kiosk ticket): 8 random characters and a check character. */
export { makeClaimCode } from './claim-code.ts';
