import { t } from '../../i18n/locale.store.ts';
import { useRatableTicket } from '../../sync/queries.ts';
import { feedbackBusy, rateTicket } from './feedback.store.ts';
import { RatingStars } from './RatingStars.tsx';

/**
 * "How did we do with A003?" — for the guest who took the number, within their own session (on a result
 * screen, once staff completed it): never on the idle home screen, never for the next guest.
 */
export function RateLastTicket() {
  const row = useRatableTicket();
  if (!row) return null;
  return (
    <section class="rate-last" data-testid="rate-last-ticket" aria-labelledby="rate-last-title">
      <h2 id="rate-last-title" class="rate-last__title">
        {t('feedback.rateTicket', { ticket: row.ticket })}
      </h2>
      <RatingStars value={null} testid="rate-last" disabled={feedbackBusy.value} onRate={(n) => void rateTicket(row.id, n)} />
    </section>
  );
}
