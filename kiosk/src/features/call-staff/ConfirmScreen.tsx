import { Icon } from '../../components/Icon.tsx';
import { errorText, t } from '../../i18n/locale.store.ts';
import { back, confirm, draft, submitError, submitting } from './flow.store.ts';
import { reasonLabel } from './reasons.ts';
import { StepHeader } from './StepHeader.tsx';

export function ConfirmScreen() {
  const d = draft.value;
  const busy = submitting.value;
  return (
    <section class="screen flow">
      <StepHeader n={3} title={t('confirm.title')} subtitle={t('confirm.subtitle')} />
      <dl class="summary">
        {d.reason && (
          <div class="summary__row summary__row--reason">
            <dt>{t('confirm.reason')}</dt>
            <dd>
              <Icon name={d.reason} class="summary__icon" />
              {t(reasonLabel(d.reason))}
            </dd>
          </div>
        )}
        <div class="summary__row">
          <dt>{t('confirm.name')}</dt>
          <dd class={d.guestName.trim() ? '' : 'summary__empty'}>{d.guestName.trim() || t('confirm.notGiven')}</dd>
        </div>
        <div class="summary__row">
          <dt>{t('confirm.room')}</dt>
          <dd class={d.room.trim() ? '' : 'summary__empty'}>{d.room.trim() || t('confirm.notGiven')}</dd>
        </div>
      </dl>
      {submitError.value !== null && (
        <p class="alert" role="alert">
          {errorText(submitError.value)}
        </p>
      )}
      <div class="actions">
        <button type="button" class="btn btn--ghost" onClick={back} disabled={busy}>
          <Icon name="back" />
          {t('common.back')}
        </button>
        <button type="button" class="btn btn--primary btn--wide" data-testid="confirm" onClick={() => void confirm()} disabled={busy} aria-busy={busy}>
          <Icon name="check" />
          {busy ? t('confirm.working') : t('confirm.confirm')}
        </button>
      </div>
    </section>
  );
}
