import { ResultScreen, TicketNumber } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { connection } from '../../sync/state.ts';
import { useTicket } from '../../sync/queries.ts';
import { shoeTicket } from './shoe-care.store.ts';
import { ShoeStatusList } from './ShoeStatusList.tsx';
import { backByText } from './shoe-text.ts';
import { me } from '../../sync/state.ts';

export const SHOE_TICKET_MS = 20_000;

/** The number, what happens next, and the state of this kiosk's shoe-care tickets today. */
export function ShoeTicketScreen() {
  const s = shoeTicket.value;
  const row = useTicket(s?.ticketId ?? null);
  if (!s) return <section class="screen ticket" aria-busy="true" />;
  const neededBy = row?.details?.kind === 'shoe_care' ? row.details.neededBy : null;
  const unsent = row?.status === 'queued' && connection.value !== 'live';
  return (
    <ResultScreen ms={SHOE_TICKET_MS} follow={row?.followToken} side={<ShoeStatusList highlight={s.ticketId} />}>
      <TicketNumber ticket={s.ticket} />
      <p class="ticket__wait">{t('shoe.wait')}</p>
      {neededBy && (
        <p class="ticket__wait" data-testid="shoe-back-by">
          {backByText(neededBy, new Date(), me.value?.property.timeZone)}
        </p>
      )}
      {unsent && <p class="ticket__offline">{t('ticket.savedOffline')}</p>}
    </ResultScreen>
  );
}
