import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { connection } from '../../sync/state.ts';
import { useTicket } from '../../sync/queries.ts';
import { shownTicketId } from './flow.store.ts';
import { WaitEstimateLine } from './WaitEstimateLine.tsx';

/** How long the number stays up before the kiosk is ready for the next guest. */
export const TICKET_SCREEN_MS = 15_000;

export function TicketScreen() {
  const ticket = useTicket(shownTicketId.value);
  if (!ticket) return <section class="screen ticket" aria-busy="true" />;
  const called = ticket.status === 'called';
  // Served (or cancelled) while the guest is still here: no "please wait" (the guest's phone asks how it went).
  const over = ticket.status === 'completed' || ticket.status === 'cancelled';
  const unsent = ticket.status === 'queued' && connection.value !== 'live';
  return (
    <ResultScreen ms={TICKET_SCREEN_MS} follow={ticket.followToken}>
      <TicketNumber ticket={ticket.ticket} />
      {called ? (
        <p class="ticket__called" role="alert" data-testid="ticket-called">
          {ticket.desk ? t('ticket.calledDesk', { ticket: ticket.ticket, desk: ticket.desk }) : t('ticket.called', { ticket: ticket.ticket })}
        </p>
      ) : over ? null : (
        <>
          <p class="ticket__wait">{t('ticket.wait')}</p>
          <WaitEstimateLine quote={ticket.quote ?? null} />
        </>
      )}
      {unsent && <p class="ticket__offline">{t('ticket.savedOffline')}</p>}
    </ResultScreen>
  );
}
