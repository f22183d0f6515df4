import { Icon } from '../../components/Icon.tsx';
import { ResultScreen } from '../../components/ResultScreen.tsx';
import { t } from '../../i18n/locale.store.ts';
import { thanks } from './feedback.store.ts';
import './complaint.css';

export const THANKS_MS = 10_000;
/** Longer when there is a reference to write down. */
export const THANKS_WITH_REFERENCE_MS = 25_000;

/** Thank you — and, for a complaint or a low rating, that a manager will follow up, with the complaint's reference (minted on this kiosk, so shown offline too). */
export function ThanksScreen() {
  const th = thanks.value;
  return (
    <ResultScreen ms={th?.reference ? THANKS_WITH_REFERENCE_MS : THANKS_MS} class="thanks">
      <Icon name="smile" class="thanks__icon" />
      <h1 class="title thanks__title" data-testid="thanks" tabIndex={-1} data-autofocus>
        {t('thanks.title')}
      </h1>
      <p class="ticket__wait" data-testid="thanks-followup">
        {th?.followUp ? t('thanks.followUp') : t('thanks.body')}
      </p>
      {th?.reference && (
        <div class="thanks__ref">
          <span class="thanks__ref-label">{t('thanks.reference')}</span>
          <span class="thanks__ref-code" data-testid="complaint-reference">
            {th.reference}
          </span>
          <span class="thanks__ref-hint">{t('thanks.referenceHint')}</span>
        </div>
      )}
    </ResultScreen>
  );
}
