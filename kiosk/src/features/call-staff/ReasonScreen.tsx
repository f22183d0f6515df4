import { Icon } from '../../components/Icon.tsx';
import { t } from '../../i18n/locale.store.ts';
import { back, chooseReason, draft } from './flow.store.ts';
import { REASONS, reasonHint, reasonLabel } from './reasons.ts';
import { StepHeader } from './StepHeader.tsx';

export function ReasonScreen() {
  const chosen = draft.value.reason;
  return (
    <section class="screen flow">
      <StepHeader n={1} title={t('reason.title')} />
      <div class="reasons">
        {REASONS.map((r) => (
          <button
            key={r}
            type="button"
            class={`reason ${chosen === r ? 'reason--chosen' : ''}`}
            data-testid={`reason-${r}`}
            onClick={() => chooseReason(r)}
          >
            <Icon name={r} class="reason__icon" />
            <span class="reason__label">{t(reasonLabel(r))}</span>
            <span class="reason__hint">{t(reasonHint(r))}</span>
          </button>
        ))}
      </div>
      <div class="actions">
        <button type="button" class="btn btn--ghost" data-testid="back" onClick={back}>
          <Icon name="back" />
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
