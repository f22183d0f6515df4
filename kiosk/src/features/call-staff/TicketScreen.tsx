import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { t } from '../../i18n/locale.store.ts';
import { connection } from '../../sync/engine.ts';
import { useTicket } from '../../sync/queries.ts';
import { resetToHome, shownTicketId } from './flow.store.ts';

/** How long the number stays up before the kiosk is ready for the next guest. */
export const TICKET_SCREEN_MS = 15_000;

function useCountdown(ms: number, onDone: () => void): number {
  const [left, setLeft] = useState(Math.ceil(ms / 1000));
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const end = Date.now() + ms;
    const tick = setInterval(() => {
      const s = Math.max(0, Math.ceil((end - Date.now()) / 1000));
      setLeft(s);
      if (s === 0) {
        clearInterval(tick);
        done.current();
      }
    }, 250);
    return () => clearInterval(tick);
  }, [ms]);
  return left;
}

export function TicketScreen() {
  const ticket = useTicket(shownTicketId.value);
  const left = useCountdown(TICKET_SCREEN_MS, resetToHome);
  if (!ticket) return <section class="screen ticket" aria-busy="true" />;
  const called = ticket.status === 'called';
  const unsent = ticket.status === 'queued' && connection.value !== 'live';
  return (
    <section class="screen ticket" aria-labelledby="ticket-label">
      <div class="ticket__card">
        <p id="ticket-label" class="ticket__label">
          {t('ticket.yourNumber')}
        </p>
        <p class="ticket__number" data-testid="ticket-number" tabIndex={-1} data-autofocus>
          {ticket.ticket}
        </p>
        <span class="ticket__rule" aria-hidden="true" />
        {called ? (
          <p class="ticket__called" role="alert" data-testid="ticket-called">
            {ticket.desk ? t('ticket.calledDesk', { ticket: ticket.ticket, desk: ticket.desk }) : t('ticket.called', { ticket: ticket.ticket })}
          </p>
        ) : (
          <p class="ticket__wait">{t('ticket.wait')}</p>
        )}
        {unsent && <p class="ticket__offline">{t('ticket.savedOffline')}</p>}
      </div>
      <div class="ticket__side">
        <button type="button" class="btn btn--primary btn--wide" data-testid="done" onClick={resetToHome}>
          <Icon name="check" />
          {t('ticket.done')}
        </button>
        <p class="ticket__returning" aria-live="off">
          {t('ticket.returning', { s: left })}
        </p>
      </div>
    </section>
  );
}
