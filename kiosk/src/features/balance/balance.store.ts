/**
 * "My balance" as state: home → card (typed code) → balance → home. The
 * member shown is dropped as soon as the kiosk returns home (idle, Done).
 */
import { effect, signal } from '@preact/signals';
import type { MemberCardView } from '../../../../shared/protocol/members.ts';
import { lookupCard } from '../../sync/members.ts';
import { resetToHome, step } from '../call-staff/flow.store.ts';

export const shownMember = signal<MemberCardView | null>(null);
export const cardBusy = signal(false);
/** What went wrong with the last code, mapped to text by the screen (so a language switch re-translates it). */
export const cardError = signal<unknown>(null);

effect(() => {
  if (step.value === 'home') {
    shownMember.value = null;
    cardError.value = null;
  }
});

export function openBalance(): void {
  shownMember.value = null;
  cardError.value = null;
  step.value = 'card';
}

export function closeBalance(): void {
  resetToHome();
}

export function clearCardError(): void {
  cardError.value = null;
}

/** Looks the typed code up online; a second tap while working does nothing. */
export async function submitCardCode(code: string): Promise<void> {
  if (cardBusy.value) return;
  cardBusy.value = true;
  cardError.value = null;
  try {
    shownMember.value = await lookupCard({ code });
    step.value = 'balance';
  } catch (e) {
    cardError.value = e;
  } finally {
    cardBusy.value = false;
  }
}
