import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { locale, t } from '../../i18n/locale.store.ts';
import { connection } from '../../sync/state.ts';
import { useTicket } from '../../sync/queries.ts';
import { WaitEstimateLine } from '../call-staff/WaitEstimateLine.tsx';
import { serviceTicket } from './service.store.ts';
import { ServiceIcon } from './ServiceIcon.tsx';

/** How long the number stays up before the kiosk is ready for the next guest (as "Call staff"). */
export const SERVICE_TICKET_MS = 15_000;

/** The number, the service asked for, and what happens next. */
export function ServiceTicketScreen() {
  const s = serviceTicket.value;
  const row = useTicket(s?.ticketId ?? null);
  if (!s) return <section class="screen ticket" aria-busy="true" />;
  const called = row?.status === 'called';
  const over = row?.status === 'completed' || row?.status === 'cancelled';
  const unsent = row?.status === 'queued' && connection.value !== 'live';
  const details = row?.details?.kind === 'service' ? row.details : null;
  const needed = details?.neededAt ? new Date(details.neededAt) : null;
  // "Needed at 14:00" only for a time ahead (not "as soon as possible").
  const neededLater = needed && needed.getTime() - Date.parse(row!.createdAt) > 5 * 60_000 ? needed : null;
  return (
    <ResultScreen ms={SERVICE_TICKET_MS} follow={row?.followToken}>
      <p class="ticket__service" data-testid="ticket-service">
        <ServiceIcon name={s.service.icon} class="ticket__service-icon" />
        <span>{s.service.names[locale.value]}</span>
      </p>
      <TicketNumber ticket={s.ticket} />
      {called ? (
        <p class="ticket__called" role="alert" data-testid="ticket-called">
          {row.desk ? t('ticket.calledDesk', { ticket: row.ticket, desk: row.desk }) : t('ticket.called', { ticket: row.ticket })}
        </p>
      ) : over ? null : (
        <>
          <p class="ticket__wait">{t('service.wait')}</p>
          {neededLater && (
            <p class="ticket__wait" data-testid="service-needed-at">
              {t('service.neededBy', { time: new Intl.DateTimeFormat(locale.value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(neededLater) })}
            </p>
          )}
          <WaitEstimateLine quote={row?.quote ?? null} />
        </>
      )}
      {unsent && <p class="ticket__offline">{t('ticket.savedOffline')}</p>}
    </ResultScreen>
  );
}
