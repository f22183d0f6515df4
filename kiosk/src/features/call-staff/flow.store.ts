/**
 * The "Call staff" flow as state: home → reason → details (optional) →
 * confirm → ticket → home. Screens read these signals and call these
 * functions; the flow never touches storage except through sync/actions.
 * The shared `step` lives in app/step.ts; the screens are registered in
 * call-staff.screens.ts.
 */
import { computed, effect, signal } from '@preact/signals';
import type { CallReason } from '../../../../shared/domain/request.ts';
import { step, type Step } from '../../app/step.ts';
import { callStaff } from '../../sync/actions.ts';
import { waitInputs } from '../../sync/actions.ts';
import { estimateWait } from './wait-estimate.ts';

export interface Draft {
  reason: CallReason | null;
  guestName: string;
  room: string;
}
const EMPTY: Draft = { reason: null, guestName: '', room: '' };

export const draft = signal<Draft>(EMPTY);
export const shownTicketId = signal<string | null>(null);
export const submitting = signal(false);
export const submitError = signal<unknown>(null);

/** A guest is in the middle of something: no updates, no reloads. */
export const guestFlowOpen = computed(() => step.value !== 'home' || submitting.value);

// Back home (Done, Cancel, the idle reset): the guest's entries and number are dropped.
effect(() => {
  if (step.value !== 'home') return;
  draft.value = EMPTY;
  shownTicketId.value = null;
  submitError.value = null;
});

export function startCallStaff(): void {
  draft.value = EMPTY;
  submitError.value = null;
  step.value = 'reason';
}

export function chooseReason(reason: CallReason): void {
  draft.value = { ...draft.value, reason };
  step.value = 'details';
}

export function setDetails(guestName: string, room: string): void {
  draft.value = { ...draft.value, guestName, room };
  step.value = 'confirm';
}

export function skipDetails(): void {
  draft.value = { ...draft.value, guestName: '', room: '' };
  step.value = 'confirm';
}

export function back(): void {
  const order: Step[] = ['home', 'reason', 'details', 'confirm'];
  const i = order.indexOf(step.value);
  if (i > 0) step.value = order[i - 1] ?? 'home';
  submitError.value = null;
}

/** Takes the number (locally, at once) and shows it. A second tap while working does nothing. */
export async function confirm(): Promise<void> {
  const { reason, guestName, room } = draft.value;
  if (submitting.value || !reason) return;
  submitting.value = true;
  submitError.value = null;
  try {
    // The wait shown on the ticket, kept with it; a kiosk that cannot read its figures still gives the number.
    const quote = await waitInputs('call_staff').then(estimateWait, () => null);
    const row = await callStaff({ reason, guestName, room, quote });
    shownTicketId.value = row.id;
    step.value = 'ticket';
  } catch (e) {
    submitError.value = e;
  } finally {
    submitting.value = false;
  }
}
