/**
 * `POST /api/kiosk/claim-check`: a kiosk asks whether a typed or scanned
 * claim code is on bags in store, before it issues a pick-up ticket. The
 * answer is one yes/no — never a name, a room, a bag count or a shelf — so it
 * tells the person at the kiosk nothing about anyone's luggage but whether
 * their own code is right.
 */
import { z } from 'zod';
import { normalizeClaimCode } from '../domain/luggage.ts';
import { ClaimCode } from '../domain/request.ts';

export const ClaimCheckBody = z.strictObject({
  /** As typed or scanned; spaces, dashes and case are ignored. A wrong check character is a 400. */
  code: z.string().max(40).transform(normalizeClaimCode).pipe(ClaimCode),
});
export type ClaimCheckBody = z.input<typeof ClaimCheckBody>;

export const ClaimCheckResponse = z.strictObject({
  /** The code is on bags not yet handed back: stored in the ledger, or handed over with a kiosk drop-off ticket not yet shelved. */
  inStore: z.boolean(),
});
export type ClaimCheckResponse = z.infer<typeof ClaimCheckResponse>;
