import { useEffect, useRef } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { t } from '../../i18n/locale.store.ts';
import { feedbackDraft, updateFeedback } from './feedback.store.ts';
import './complaint.css';

/**
 * "Add your details (optional)": the guest's name, room and — only with their
 * consent — a mobile number, so staff can follow up on a complaint. Closed
 * until tapped, so the form stays short. The on-screen keyboard takes its pad
 * from `inputMode` (numeric for the room, a phone pad for the number).
 */
export function GuestDetails() {
  const d = feedbackDraft.value;
  const opened = useRef<HTMLFieldSetElement>(null);
  // Opened by a tap: bring the new fields into view (the form's column may scroll on a small screen).
  useEffect(() => opened.current?.scrollIntoView({ block: 'nearest' }), [d.detailsOpen]);
  if (!d.detailsOpen) {
    return (
      <div class="consent guest-details">
        <button type="button" class="details-toggle" aria-expanded="false" data-testid="details-toggle" onClick={() => updateFeedback({ detailsOpen: true })}>
          <Icon name="chevron" class="details-toggle__icon" />
          <span class="toggle__text">
            <span class="toggle__label">{t('feedback.details')}</span>
            <span class="toggle__hint">{t('feedback.detailsHint')}</span>
          </span>
        </button>
      </div>
    );
  }
  return (
    <fieldset ref={opened} class="consent guest-details guest-details--open" data-testid="guest-details">
      <legend class="visually-hidden">{t('feedback.details')}</legend>
      <label class="field">
        <span class="field__label">{t('feedback.name')}</span>
        <input
          class="field__input"
          data-testid="feedback-name"
          value={d.guestName}
          maxLength={80}
          autocomplete="off"
          spellcheck={false}
          onInput={(e) => updateFeedback({ guestName: e.currentTarget.value })}
        />
      </label>
      <label class="field">
        <span class="field__label">{t('feedback.room')}</span>
        <input
          class="field__input"
          data-testid="feedback-room"
          value={d.room}
          maxLength={12}
          autocomplete="off"
          inputMode="numeric"
          spellcheck={false}
          onInput={(e) => updateFeedback({ room: e.currentTarget.value })}
        />
      </label>
      {/* Consent heads the phone field: the number can be typed only once it is ticked. */}
      <div class="field guest-details__contact">
        <label class="check guest-details__consent">
          <input type="checkbox" class="check__box" data-testid="consent" checked={d.contactConsent} onChange={(e) => updateFeedback({ contactConsent: e.currentTarget.checked })} />
          <span>{t('feedback.consent')}</span>
        </label>
        <input
          class="field__input"
          type="tel"
          data-testid="contact-input"
          aria-label={t('feedback.contact')}
          value={d.contact}
          maxLength={80}
          disabled={!d.contactConsent}
          autocomplete="off"
          inputMode="tel"
          spellcheck={false}
          placeholder={t('feedback.contact')}
          onInput={(e) => updateFeedback({ contact: e.currentTarget.value })}
        />
      </div>
    </fieldset>
  );
}
