import { Icon } from '../../components/Icon.tsx';
import { ResultScreen } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { thanks } from './feedback.store.ts';

export const THANKS_MS = 10_000;

/** Thank you — and, for a complaint or a low rating, that a manager will follow up. */
export function ThanksScreen() {
  const th = thanks.value;
  return (
    <ResultScreen ms={THANKS_MS} class="thanks">
      <Icon name="smile" class="thanks__icon" />
      <h1 class="title thanks__title" data-testid="thanks" tabIndex={-1} data-autofocus>
        {t('thanks.title')}
      </h1>
      <p class="ticket__wait" data-testid="thanks-followup">
        {th?.followUp ? t('thanks.followUp') : t('thanks.body')}
      </p>
    </ResultScreen>
  );
}
