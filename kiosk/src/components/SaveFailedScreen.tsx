import { resetToHome } from '../app/step.ts';
import { t } from '../i18n/locale.store.ts';
import { dismissSaveFailed, type StorageError } from '../sync/state.ts';
import { Icon } from './Icon.tsx';

/**
 * The guest's request could not be stored on this kiosk (its storage is full
 * or failing): say so plainly, issue no number, send the guest to the desk.
 * It replaces the screen the guest was on; "Back to the start" (or the idle
 * reset) ends it.
 */
export function SaveFailedScreen({ kind }: { kind: StorageError }) {
  const close = () => {
    dismissSaveFailed();
    resetToHome();
  };
  return (
    <section class="screen center" role="alert" aria-labelledby="save-failed-title" data-testid="save-failed" data-kind={kind}>
      <Icon name="complaint" class="cta__icon" />
      <h1 id="save-failed-title" class="title" tabIndex={-1} data-autofocus>
        {t('saveFailed.title')}
      </h1>
      <p class="lead">{t(kind === 'quota' ? 'saveFailed.full' : 'saveFailed.failed')}</p>
      <div class="actions actions--center">
        <button type="button" class="btn btn--primary btn--wide" data-testid="save-failed-ok" onClick={close}>
          <Icon name="back" />
          {t('saveFailed.ok')}
        </button>
      </div>
    </section>
  );
}
