/**
 * "My balance" as state: home → card (typed code) → balance → home. The
 * member shown is dropped as soon as the kiosk returns home (idle, Done).
 */
import { effect, signal } from '@preact/signals';
import type { MemberCardView } from '../../../../shared/protocol/members.ts';
import { ApiFailure } from '../../../../shared/sync-client/http.ts';
import { checkCardOffline, lookupCard, refreshCardKey } from '../../sync/members.ts';
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
  void refreshCardKey(); // keep the property's card key, so scanned cards are checked even offline
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

/** A QR code that is not a member card at all (a URL, a boarding pass…). */
export class NotACard extends Error {}

/**
 * A scanned QR: checked offline against the property's key first, so a
 * forged or foreign code gets its answer even without a network; then looked
 * up online (the server checks the signature again).
 */
export async function submitCardToken(token: string): Promise<void> {
  if (cardBusy.value) return;
  cardBusy.value = true;
  cardError.value = null;
  try {
    const local = await checkCardOffline(token);
    if (!local.ok && local.error === 'foreign') {
      cardError.value = new NotACard();
      return;
    }
    if (!local.ok && local.error !== 'no_key') {
      cardError.value = new ApiFailure(400, 'card_invalid', local.error);
      return;
    }
    shownMember.value = await lookupCard({ token });
    step.value = 'balance';
  } catch (e) {
    cardError.value = e;
  } finally {
    cardBusy.value = false;
  }
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
