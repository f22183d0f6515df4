import { useState } from 'preact/hooks';
import { Icon } from '../../components/Icon.tsx';
import { t } from '../../i18n/locale.store.ts';
import { back, draft, setDetails, skipDetails } from './flow.store.ts';
import { StepHeader } from './StepHeader.tsx';

export function DetailsScreen() {
  const [name, setName] = useState(draft.value.guestName);
  const [room, setRoom] = useState(draft.value.room);
  const submit = (e: Event) => {
    e.preventDefault();
    setDetails(name, room);
  };
  return (
    <form class="screen flow" onSubmit={submit} autocomplete="off">
      <StepHeader n={2} title={t('details.title')} subtitle={t('details.subtitle')} />
      <div class="fields">
        <label class="field">
          <span class="field__label">{t('details.name')}</span>
          <input
            class="field__input"
            data-testid="guest-name"
            value={name}
            maxLength={80}
            autocomplete="off"
            autocapitalize="words"
            spellcheck={false}
            placeholder={t('details.namePlaceholder')}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label class="field field--short">
          <span class="field__label">{t('details.room')}</span>
          <input
            class="field__input"
            data-testid="guest-room"
            value={room}
            maxLength={12}
            autocomplete="off"
            inputMode="numeric"
            spellcheck={false}
            placeholder={t('details.roomPlaceholder')}
            onInput={(e) => setRoom(e.currentTarget.value)}
          />
        </label>
      </div>
      <div class="actions">
        <button type="button" class="btn btn--ghost" onClick={back}>
          <Icon name="back" />
          {t('common.back')}
        </button>
        <button type="button" class="btn btn--secondary" data-testid="skip-details" onClick={skipDetails}>
          {t('details.skip')}
        </button>
        <button type="submit" class="btn btn--primary" data-testid="details-next">
          {t('details.next')}
          <Icon name="chevron" />
        </button>
      </div>
    </form>
  );
}
