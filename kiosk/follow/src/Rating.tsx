import { signal } from '@preact/signals';
import type { FollowView } from '../../../shared/protocol/follow.ts';
import { sendRating } from './follow.sync.ts';
import { t } from './i18n.ts';

const busy = signal(false);
const failed = signal(false);

/** Five big stars; one tap sends; then "Thank you" (and the stars given, when rated before). */
export function Rating({ token, view }: { token: string; view: FollowView }) {
  if (view.rating !== null) {
    return (
      <section class="card rating" data-testid="follow-rated" data-rating={view.rating} role="status">
        <h2 class="title">{t('rated')}</h2>
        <p class="stars stars--given" aria-label={t('ratedStars', { n: view.rating })}>
          {'★'.repeat(view.rating)}
          <span class="stars__off">{'★'.repeat(5 - view.rating)}</span>
        </p>
      </section>
    );
  }
  const rate = async (n: number) => {
    if (busy.value) return;
    busy.value = true;
    failed.value = !(await sendRating(token, n));
    busy.value = false;
  };
  return (
    <section class="card rating" aria-labelledby="rate-title" data-testid="follow-rating">
      <h2 id="rate-title" class="title">
        {t('rateTitle')}
      </h2>
      <div class="stars" role="group" aria-labelledby="rate-title">
        {[1, 2, 3, 4, 5].map((n) => (
          <button type="button" key={n} class="star" data-testid={`follow-rate-${n}`} aria-label={t('rateStar', { n })} disabled={busy.value} onClick={() => void rate(n)}>
            ★
          </button>
        ))}
      </div>
      {failed.value && (
        <p class="error" role="alert">
          {t('rateFailed')}
        </p>
      )}
    </section>
  );
}
