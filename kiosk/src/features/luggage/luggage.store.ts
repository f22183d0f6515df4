/**
 * Luggage check-in (home → luggage_in → claim) and pick-up (home → pickup →
 * pickup_ticket). The claim code is made here, on the kiosk, so the guest
 * gets the claim ticket at once, offline too. Everything a guest entered is
 * dropped when the kiosk returns home (Done, countdown or idle).
 */
import { effect, signal } from '@preact/signals';
import type { RequestDetails } from '../../../../shared/domain/request.ts';
import { createRequest } from '../../sync/actions.ts';
import { checkClaimCode } from '../../sync/actions.ts';
import { step } from '../../app/step.ts';
import { claimCodeProblem } from '../../../../shared/domain/claim-code.ts';
import { newClaimCode, normalizeClaimCode } from './claim-code.ts';
import type { PickupDay } from './pickup-time.ts';

export const MAX_BAGS = 20;

export interface CheckInDraft {
  bags: number;
  guestName: string;
  room: string;
  day: PickupDay | null;
  hour: number | null;
}
const EMPTY_CHECK_IN: CheckInDraft = { bags: 1, guestName: '', room: '', day: null, hour: null };

export const checkIn = signal<CheckInDraft>(EMPTY_CHECK_IN);
/** The ticket and claim code on the claim screen. */
/** `follow`: the ticket's phone token (its QR on the screen and the receipt). */
export const claim = signal<{ ticketId: string; ticket: string; claimCode: string; bags: number; expectedPickupAt: string | null; follow: string | null } | null>(null);
export const pickupCode = signal('');
export const pickupTicket = signal<{ ticketId: string; ticket: string; follow: string | null } | null>(null);
export const luggageBusy = signal(false);
export const luggageError = signal<unknown>(null);

/**
 * A claim code the kiosk refuses before issuing a ticket: `typo` (its check
 * character is wrong), `unknown` (no bags in store under it), or `not_claim`
 * (the camera read a QR code that is not a claim ticket).
 */
export class ClaimCodeRefused extends Error {
  constructor(readonly reason: 'typo' | 'unknown' | 'not_claim') {
    super(`claim code refused: ${reason}`);
  }
}

function clearLuggage(): void {
  checkIn.value = EMPTY_CHECK_IN;
  claim.value = null;
  pickupCode.value = '';
  pickupTicket.value = null;
  luggageError.value = null;
}

effect(() => {
  if (step.value === 'home') clearLuggage();
});

export function startLuggageIn(): void {
  clearLuggage();
  step.value = 'luggage_in';
}

export function updateCheckIn(patch: Partial<CheckInDraft>): void {
  const next = { ...checkIn.value, ...patch };
  next.bags = Math.min(MAX_BAGS, Math.max(1, Math.round(next.bags)));
  checkIn.value = next;
}

/** Takes the number and the claim code locally and shows the claim ticket. */
export async function confirmCheckIn(expectedPickupAt: string | null): Promise<void> {
  if (luggageBusy.value) return;
  luggageBusy.value = true;
  luggageError.value = null;
  try {
    const d = checkIn.value;
    const details: RequestDetails = { kind: 'luggage_in', bags: d.bags, expectedPickupAt, claimCode: newClaimCode() };
    const row = await createRequest({ kind: 'luggage_in', guestName: d.guestName, room: d.room, details });
    claim.value = { ticketId: row.id, ticket: row.ticket, claimCode: details.claimCode, bags: d.bags, expectedPickupAt, follow: row.followToken ?? null };
    checkIn.value = EMPTY_CHECK_IN;
    step.value = 'claim';
  } catch (e) {
    luggageError.value = e;
  } finally {
    luggageBusy.value = false;
  }
}

export function startLuggageOut(): void {
  clearLuggage();
  step.value = 'pickup';
}

export function typePickupCode(raw: string): void {
  pickupCode.value = normalizeClaimCode(raw);
  luggageError.value = null;
}

/**
 * Issues the `luggage_out` ticket for a complete code — only if the code can
 * be right: a wrong check character is refused at once (offline too), and
 * online the server must know the code as bags in store. An older
 * 8-character code (no check character) is refused online if the ledger does
 * not know it; offline it is queued and staff check it at the desk.
 */
export async function confirmPickup(): Promise<boolean> {
  const code = pickupCode.value;
  if (luggageBusy.value) return false;
  const problem = claimCodeProblem(code);
  if (problem === 'typo') {
    luggageError.value = new ClaimCodeRefused('typo');
    return false;
  }
  if (problem) return false;
  luggageBusy.value = true;
  luggageError.value = null;
  try {
    if ((await checkClaimCode(code)) === 'not_in_store') {
      luggageError.value = new ClaimCodeRefused('unknown');
      return false;
    }
    // The guest may have left (idle reset) while the server was asked.
    if (step.value !== 'pickup' || pickupCode.value !== code) return false;
    const row = await createRequest({ kind: 'luggage_out', details: { kind: 'luggage_out', claimCode: code } });
    pickupTicket.value = { ticketId: row.id, ticket: row.ticket, follow: row.followToken ?? null };
    pickupCode.value = '';
    step.value = 'pickup_ticket';
    return true;
  } catch (e) {
    luggageError.value = e;
    return false;
  } finally {
    luggageBusy.value = false;
  }
}

/**
 * For the scanner (features/scan): a claim QR read anywhere starts the
 * pick-up with its code. A valid code is submitted at once; anything else
 * opens the pick-up screen with what could be read, for the guest to fix.
 */
export async function startPickupWithCode(code: string): Promise<boolean> {
  clearLuggage();
  pickupCode.value = normalizeClaimCode(code);
  step.value = 'pickup';
  return confirmPickup();
}
