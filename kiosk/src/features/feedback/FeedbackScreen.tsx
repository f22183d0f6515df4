import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '../../../../shared/domain/feedback-rules.ts';
import { GuestForm } from '../../components/GuestForm.tsx';
import { t, type KioskKey } from '../../i18n/locale.store.ts';
import { feedbackBusy, feedbackDraft, feedbackError, sendFeedback, toggleCategory, updateFeedback } from './feedback.store.ts';
import { GuestDetails } from './GuestDetails.tsx';
import { RatingStars } from './RatingStars.tsx';

const categoryKey = (c: FeedbackCategory): KioskKey => `feedback.category.${c}`;
const ratingKey = (n: number): KioskKey => `feedback.rating.${n}` as KioskKey;

/** Stars, what it is about, a comment, "this is a complaint", and the guest's optional details (a way to reach them only with consent). */
export function FeedbackScreen() {
  const d = feedbackDraft.value;
  return (
    <GuestForm
      class="feedback"
      eyebrow="feedback.eyebrow"
      title="feedback.title"
      lead="feedback.subtitle"
      onSubmit={() => void sendFeedback()}
      error={feedbackError.value}
      busy={feedbackBusy.value}
      ready={d.rating !== null}
      submitLabel={t('feedback.submit')}
      submitTestid="feedback-submit"
    >
      <div class="form-row">
        <RatingStars value={d.rating} testid="rating" onRate={(n) => updateFeedback({ rating: n })} />
        <p class="stars__label" aria-live="polite">
          {d.rating === null ? t('feedback.tapStar') : t(ratingKey(d.rating))}
        </p>
      </div>
      <fieldset class="form-row choice-set">
        <legend class="field__label">{t('feedback.about')}</legend>
        <div class="chips">
          {FEEDBACK_CATEGORIES.map((c) => (
            <button key={c} type="button" class={`chip ${d.categories.includes(c) ? 'chip--on' : ''}`} aria-pressed={d.categories.includes(c)} data-testid={`category-${c}`} onClick={() => toggleCategory(c)}>
              {t(categoryKey(c))}
            </button>
          ))}
        </div>
      </fieldset>
      <label class="field">
        <span class="field__label">{t('feedback.comment')}</span>
        <textarea
          class="field__input field__textarea"
          data-testid="feedback-comment"
          value={d.comment}
          maxLength={1000}
          rows={3}
          spellcheck={false}
          placeholder={t('feedback.commentPlaceholder')}
          onInput={(e) => updateFeedback({ comment: e.currentTarget.value })}
        />
      </label>
      <button type="button" class={`toggle ${d.complaint ? 'toggle--on' : ''}`} role="switch" aria-checked={d.complaint} data-testid="complaint-toggle" onClick={() => updateFeedback({ complaint: !d.complaint })}>
        <span class="toggle__track" aria-hidden="true">
          <span class="toggle__thumb" />
        </span>
        <span class="toggle__text">
          <span class="toggle__label">{t('feedback.complaint')}</span>
          <span class="toggle__hint">{t('feedback.complaintHint')}</span>
        </span>
      </button>
      <GuestDetails />
    </GuestForm>
  );
}
