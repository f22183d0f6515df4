import { serviceDayOf } from '../../../../shared/domain/ticket.ts';
import { t } from '../../i18n/locale.store.ts';
import { useTicketsOfKind } from '../../sync/queries.ts';
import { me } from '../../sync/state.ts';
import { shoeStatusKey } from './shoe-text.ts';

/** Today's shoe-care tickets from this kiosk and where each stands (numbers only, like the wall). */
export function ShoeStatusList({ highlight }: { highlight?: string | null }) {
  const tz = me.value?.property.timeZone;
  const today = tz ? serviceDayOf(new Date(), tz) : null;
  const rows = useTicketsOfKind('shoe_care').filter((r) => !today || r.serviceDay === today);
  if (rows.length === 0) return null;
  return (
    <section class="shoe-status" aria-labelledby="shoe-status-title" data-testid="shoe-status">
      <h2 id="shoe-status-title" class="shoe-status__title">
        {t('shoe.statusTitle')}
      </h2>
      <ul class="shoe-status__list">
        {rows.slice(-4).map((r) => (
          <li key={r.id} class={`shoe-status__item ${r.id === highlight ? 'shoe-status__item--mine' : ''}`} data-status={r.status} data-ticket={r.ticket}>
            <span class="shoe-status__ticket">{r.ticket}</span>
            <span class="shoe-status__state">{t(shoeStatusKey(r))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
