/**
 * A USB/Bluetooth QR scanner (keyboard wedge) works from any screen: a member
 * card opens the balance, a luggage claim ticket starts the pick-up. Anything
 * else read while the card screen is open gets the "not a member card"
 * message; elsewhere it is ignored (a scanner can misfire on a passing code).
 */
import { CARD_TOKEN_PREFIX } from '../../../shared/domain/card-token.ts';
import { claimCodeProblem } from '../../../shared/domain/claim-code.ts';
import { NotACard, cardError, openBalance, submitCardToken } from '../features/balance/balance.store.ts';
import { step } from './step.ts';
import { startPickupWithCode } from '../features/luggage/luggage.store.ts';
import { listenForWedgeScans } from '../features/scan/index.ts';
import { phase } from '../sync/state.ts';

export function routeScannedText(raw: string): void {
  if (phase.value !== 'ready') return;
  const text = raw.trim().toUpperCase();
  if (text.startsWith(CARD_TOKEN_PREFIX)) {
    if (step.value !== 'card') openBalance();
    void submitCardToken(text);
  } else if (claimCodeProblem(text) === null) {
    void startPickupWithCode(text);
  } else if (step.value === 'card') {
    cardError.value = new NotACard();
  }
}

export function listenForScanner(): () => void {
  return listenForWedgeScans(routeScannedText);
}
