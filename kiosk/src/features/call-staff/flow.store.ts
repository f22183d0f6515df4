/**
 * The "Call staff" flow as state: home → reason → details (optional) →
 * confirm → ticket → home. Screens read these signals and call these
 * functions; the flow never touches storage except through sync/actions.
 */
import { computed, signal } from '@preact/signals';
import type { CallReason } from '../../../../shared/domain/request.ts';
import { callStaff } from '../../sync/actions.ts';

/** `card` and `balance` belong to features/balance; they share the step so idle and updates treat them alike. */
export type Step = 'home' | 'reason' | 'details' | 'confirm' | 'ticket' | 'card' | 'balance';

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
    const row = await callStaff({ reason, guestName, room });
    shownTicketId.value = row.id;
    step.value = 'ticket';
  } catch (e) {
    submitError.value = e;
  } finally {
    submitting.value = false;
  }
}
