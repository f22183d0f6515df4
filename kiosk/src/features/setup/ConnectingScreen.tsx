import { useEffect, useState } from 'preact/hooks';
import { errorText, t } from '../../i18n/locale.store.ts';
import { refresh } from '../../sync/actions.ts';
import { connectError } from '../../sync/state.ts';

/** Paired (a token from the demo link or storage) but the kiosk has never reached the server. */
export function ConnectingScreen() {
  const [busy, setBusy] = useState(false);
  const retry = async () => {
    setBusy(true);
    await refresh();
    setBusy(false);
  };
  // Keep trying on its own: nobody may be standing at the kiosk.
  useEffect(() => {
    const timer = setInterval(() => void refresh(), 5_000);
    return () => clearInterval(timer);
  }, []);
  return (
    <section class="screen center">
      <span class="spinner" aria-hidden="true" />
      <h1 class="title" tabIndex={-1} data-autofocus>
        {t('connecting.title')}
      </h1>
      <p class="lead">{t('connecting.body')}</p>
      {connectError.value !== null && (
        <p class="alert" role="alert">
          {errorText(connectError.value)}
        </p>
      )}
      <div class="actions actions--center">
        <button type="button" class="btn btn--secondary" onClick={() => void retry()} disabled={busy}>
          {t('connecting.retry')}
        </button>
      </div>
    </section>
  );
}
