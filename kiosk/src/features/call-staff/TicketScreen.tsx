import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { connection } from '../../sync/engine.ts';
import { useTicket, useWaitPosition } from '../../sync/queries.ts';
import { shownTicketId } from './flow.store.ts';
import { waitEstimate } from './wait-estimate.ts';

/** "Estimated wait: about 6–12 minutes", from this kiosk's own queue (see wait-estimate.ts). */
function WaitEstimateLine({ id }: { id: string }) {
  const position = useWaitPosition(id);
  if (position === null) return null;
  const e = waitEstimate(position);
  return (
    <p class="ticket__estimate" data-testid="wait-estimate">
      {e.kind === 'under' ? t('ticket.estimateUnder', { n: e.minutes }) : t('ticket.estimateRange', { low: e.low, high: e.high })}
    </p>
  );
}

/** How long the number stays up before the kiosk is ready for the next guest. */
export const TICKET_SCREEN_MS = 15_000;

export function TicketScreen() {
  const ticket = useTicket(shownTicketId.value);
  if (!ticket) return <section class="screen ticket" aria-busy="true" />;
  const called = ticket.status === 'called';
  const unsent = ticket.status === 'queued' && connection.value !== 'live';
  return (
    <ResultScreen ms={TICKET_SCREEN_MS}>
      <TicketNumber ticket={ticket.ticket} />
      {called ? (
        <p class="ticket__called" role="alert" data-testid="ticket-called">
          {ticket.desk ? t('ticket.calledDesk', { ticket: ticket.ticket, desk: ticket.desk }) : t('ticket.called', { ticket: ticket.ticket })}
        </p>
      ) : (
        <>
          <p class="ticket__wait">{t('ticket.wait')}</p>
          <WaitEstimateLine id={ticket.id} />
        </>
      )}
      {unsent && <p class="ticket__offline">{t('ticket.savedOffline')}</p>}
    </ResultScreen>
  );
}
