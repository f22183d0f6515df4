import { t } from '../i18n/locale.store.ts';
import { idleLeft, stillHere } from './idle.ts';

/** "Are you still there?" with the seconds left and a big Continue. */
export function IdleWarning() {
  const left = idleLeft.value;
  if (left === null) return null;
  return (
    <div class="idle" role="alertdialog" aria-modal="true" aria-labelledby="idle-title" data-testid="idle-warning">
      <div class="idle__card">
        <h2 id="idle-title" class="title">
          {t('idle.title')}
        </h2>
        <p class="lead">{t('idle.body', { s: left })}</p>
        <button type="button" class="btn btn--primary btn--wide" data-testid="idle-continue" onClick={stillHere}>
          {t('idle.continue')}
        </button>
      </div>
    </div>
  );
}
