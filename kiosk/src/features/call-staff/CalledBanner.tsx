import { t } from '../../i18n/locale.store.ts';
import { useCalledTickets } from '../../sync/queries.ts';
import { step } from '../../app/step.ts';
import { shownTicketId } from './flow.store.ts';

/**
 * "Your number A007 is being called" over any screen but home (which has its
 * own panel) — a guest may be taking a second number when the first is called.
 */
export function CalledBanner() {
  const called = useCalledTickets().filter((r) => !(step.value === 'ticket' && r.id === shownTicketId.value));
  if (step.value === 'home' || called.length === 0) return null;
  return (
    <div class="called-banner" role="alert" data-testid="called-banner">
      {called.slice(0, 2).map((r) => (
        <p key={r.id}>{r.desk ? t('ticket.calledDesk', { ticket: r.ticket, desk: r.desk }) : t('ticket.called', { ticket: r.ticket })}</p>
      ))}
    </div>
  );
}
