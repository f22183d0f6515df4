import { t } from '../../i18n/locale.store.ts';
import { Icon } from '../../components/Icon.tsx';

/** Five big stars; each is a button that says its number of stars. */
export function RatingStars({ value, onRate, testid, disabled }: { value: number | null; onRate: (n: number) => void; testid: string; disabled?: boolean }) {
  return (
    <div class="stars" role="radiogroup" aria-label={t('feedback.rating')}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={value === n}
          aria-label={t('feedback.stars', { n })}
          class={`star ${value !== null && n <= value ? 'star--on' : ''}`}
          data-testid={`${testid}-${n}`}
          disabled={disabled}
          onClick={() => onRate(n)}
        >
          <Icon name="star" class="star__icon" />
        </button>
      ))}
    </div>
  );
}
