/**
 * The "Call staff" flow as state: home → reason → details (optional) →
 * confirm → ticket → home. Screens read these signals and call these
 * functions; the flow never touches storage except through sync/actions.
 */
import { computed, signal } from '@preact/signals';
import type { CallReason } from '../../../../shared/domain/request.ts';
import { callStaff } from '../../sync/actions.ts';
import { waitInputs } from '../../sync/wait-stats.ts';
import { estimateWait } from './wait-estimate.ts';

/**
 * Every guest screen shares this one step, so idle, updates and the focus
 * move treat them alike. `card`/`balance` belong to features/balance;
 * `luggage_in`/`claim`/`pickup`/`pickup_ticket` to features/luggage;
 * `shoe_care`/`shoe_ticket` to features/shoe-care; `feedback`/`thanks` to
 * features/feedback. Each feature drops its guest state when the step is
 * back at `home` (see their stores), so nothing of a guest outlives a reset.
 */
export type Step =
  | 'home'
  | 'reason'
  | 'details'
  | 'confirm'
  | 'ticket'
  | 'card'
  | 'balance'
  | 'luggage_in'
  | 'claim'
  | 'pickup'
  | 'pickup_ticket'
  | 'shoe_care'
  | 'shoe_ticket'
  | 'feedback'
  | 'thanks';

/** Screens shown after a flow is finished: they count down and return home themselves. */
export const RESULT_STEPS: readonly Step[] = ['ticket', 'claim', 'pickup_ticket', 'shoe_ticket', 'thanks'];

/** Screens showing a member's data (balance, points, tier): the idle reset comes sooner there (main.tsx). */
export const MEMBER_DATA_STEPS: readonly Step[] = ['balance'];

export interface Draft {
  reason: CallReason | null;
  guestName: string;
  room: string;
}
const EMPTY: Draft = { reason: null, guestName: '', room: '' };

export const step = signal<Step>('home');
export const draft = signal<Draft>(EMPTY);
export const shownTicketId = signal<string | null>(null);
export const submitting = signal(false);
export const submitError = signal<unknown>(null);

/** A guest is in the middle of something: no updates, no reloads. */
export const guestFlowOpen = computed(() => step.value !== 'home' || submitting.value);

export function resetToHome(): void {
  step.value = 'home';
  draft.value = EMPTY;
  shownTicketId.value = null;
  submitError.value = null;
}

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
