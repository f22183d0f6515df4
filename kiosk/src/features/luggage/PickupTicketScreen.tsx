import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { pickupTicket } from './luggage.store.ts';

export const PICKUP_TICKET_MS = 20_000;

/** "We will call your number when your bags are ready." */
export function PickupTicketScreen() {
  const p = pickupTicket.value;
  if (!p) return <section class="screen ticket" aria-busy="true" />;
  return (
    <ResultScreen ms={PICKUP_TICKET_MS} follow={p.follow}>
      <TicketNumber ticket={p.ticket} />
      <p class="ticket__wait">{t('pickup.wait')}</p>
    </ResultScreen>
  );
}
