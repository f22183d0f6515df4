/**
 * "My balance" as state: home → card (typed code) → balance → home. The
 * member shown is dropped as soon as the kiosk returns home (idle, Done).
 *
 * A scanned card (not a typed code: only the QR token is signed) is also
 * held for the guest's requests (sync/tickets.ts `holdGuestCard`): the
 * requests they make next carry it, so staff see their tier. It outlives
 * "Done" on the balance (the same guest goes on to call staff) and is let go
 * when the guest session ends: the idle reset, or a result screen (the
 * request made) going home by Done or its countdown.
 */
import { effect, signal } from '@preact/signals';
import type { MemberCardView } from '../../../../shared/protocol/members.ts';
import { ApiFailure } from '../../../../shared/sync-client/failures.ts';
import { idleResets } from '../../app/idle.ts';
import { checkCardOffline, lookupCard, refreshCardKey } from '../../sync/actions.ts';
import { holdGuestCard } from '../../sync/actions.ts';
import { onFlowFinished, resetToHome, step } from '../../app/step.ts';

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

// The end of the guest session lets go of the scanned card.
onFlowFinished(() => holdGuestCard(null));
effect(() => {
  if (idleResets.value > 0) holdGuestCard(null);
});

/** The lookup refused the card itself (not the network): it will not be linked either. */
const CARD_REFUSALS: readonly string[] = ['card_invalid', 'card_unknown', 'card_reissued'];

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
    // Genuine as far as the kiosk can tell (the server verifies it again with each request).
    holdGuestCard(token);
    shownMember.value = await lookupCard({ token });
    step.value = 'balance';
  } catch (e) {
    if (e instanceof ApiFailure && CARD_REFUSALS.includes(e.code)) holdGuestCard(null);
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
  holdGuestCard(null); // a typed code is not signed, so it is never carried; nor is a card scanned before it
  try {
    shownMember.value = await lookupCard({ code });
    step.value = 'balance';
  } catch (e) {
    cardError.value = e;
  } finally {
    cardBusy.value = false;
  }
}
