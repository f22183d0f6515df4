import { t } from '../../i18n/i18n.ts';
import { logout, signOutPending } from '../../sync/session.ts';

/** Asks before signing out while this person's actions are still queued on the tablet. */
export function SignOutDialog() {
  const n = signOutPending.value;
  if (n === null) return null;
  const stay = () => (signOutPending.value = null);
  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && stay()}>
      <div class="modal" role="alertdialog" aria-modal="true" aria-labelledby="signout-title" aria-describedby="signout-body" data-testid="signout-dialog">
        <h2 id="signout-title">{t('signout.title', { n })}</h2>
        <p id="signout-body" class="pair-hint">
          {t('signout.body')}
        </p>
        <div class="modal-actions">
          <button type="button" class="btn btn-secondary" data-testid="signout-anyway" onClick={() => void logout()}>
            {t('signout.anyway')}
          </button>
          <button type="button" class="btn btn-accent" data-testid="signout-stay" onClick={stay} autoFocus>
            {t('signout.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}
