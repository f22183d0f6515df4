import type { StaffMe } from '../../../../shared/protocol/auth.ts';
import { t } from '../../i18n/i18n.ts';
import { desk } from '../../sync/prefs.ts';
import { pendingCount, updateReady } from '../../sync/queries.ts';
import { requestLogout } from '../../sync/session.ts';
import { sendPendingCancels } from '../queue/cancel-undo.ts';
import { PairPanel } from '../kiosks/PairPanel.tsx';
import { canManageDevices, canReadReports, openScreen, screen } from './nav.ts';
import { LanguageToggle } from './LanguageToggle.tsx';
import { LiveIndicator } from './LiveIndicator.tsx';
import { SignOutDialog } from './SignOutDialog.tsx';

/** Property, who is signed in, the desk, sync health and the session controls. */
export function Header({ me }: { me: StaffMe }) {
  const pending = pendingCount.value;
  const canPair = canManageDevices(me.staff.role);
  const apply = updateReady.value;
  return (
    <header class="app-header">
      <div class="brand">
        <span class="property" data-testid="property-name">
          {me.property.name}
        </span>
        <span class="who" data-testid="staff-name">
          {me.staff.name} · <span class="role">{t(`header.role.${me.staff.role}`)}</span>
        </span>
      </div>
      <label class="desk-field">
        <span>{t('header.desk')}</span>
        <input data-testid="desk" value={desk.value} maxLength={40} onInput={(e) => (desk.value = e.currentTarget.value)} />
      </label>
      <LiveIndicator />
      <div class={`pending ${pending > 0 ? 'pending-some' : ''}`} title={t('header.pendingTitle')}>
        {t('header.pending')}{' '}
        <span class="pending-count" data-testid="pending-count">
          {pending}
        </span>
      </div>
      <div class="header-actions">
        {apply && (
          <button type="button" class="btn btn-accent" data-testid="app-update" disabled={pending > 0} onClick={apply}>
            {t('header.update')}
          </button>
        )}
        {canPair &&
          (screen.value === 'kiosks' || screen.value === 'webhooks' ? (
            <button type="button" class="btn btn-ghost" data-testid="nav-queue" onClick={() => openScreen('queue')}>
              {t('nav.queue')}
            </button>
          ) : (
            <button type="button" class="btn btn-ghost" data-testid="nav-kiosks" onClick={() => openScreen('kiosks')}>
              {t('nav.kiosks')}
            </button>
          ))}
        {screen.value === 'luggage' ? (
          <button type="button" class="btn btn-ghost" data-testid="nav-queue" onClick={() => openScreen('queue')}>
            {t('nav.queue')}
          </button>
        ) : (
          <button type="button" class="btn btn-ghost" data-testid="nav-luggage" onClick={() => openScreen('luggage')}>
            {t('nav.luggage')}
          </button>
        )}
        {screen.value === 'issues' ? (
          <button type="button" class="btn btn-ghost" data-testid="nav-queue" onClick={() => openScreen('queue')}>
            {t('nav.queue')}
          </button>
        ) : (
          <button type="button" class="btn btn-ghost" data-testid="nav-issues" onClick={() => openScreen('issues')}>
            {t('nav.issues')}
          </button>
        )}
        {screen.value === 'members' ? (
          <button type="button" class="btn btn-ghost" data-testid="nav-queue" onClick={() => openScreen('queue')}>
            {t('nav.queue')}
          </button>
        ) : (
          <button type="button" class="btn btn-ghost" data-testid="nav-members" onClick={() => openScreen('members')}>
            {t('nav.members')}
          </button>
        )}
        {canReadReports(me.staff.role) &&
          (screen.value === 'reports' ? (
            <button type="button" class="btn btn-ghost" data-testid="nav-queue" onClick={() => openScreen('queue')}>
              {t('nav.queue')}
            </button>
          ) : (
            <button type="button" class="btn btn-ghost" data-testid="nav-reports" onClick={() => openScreen('reports')}>
              {t('nav.reports')}
            </button>
          ))}
        {canPair && <PairPanel />}
        <LanguageToggle />
        <button type="button" class="btn btn-ghost" data-testid="logout" onClick={() => void sendPendingCancels().then(requestLogout)}>
          {t('header.logout')}
        </button>
        <SignOutDialog />
      </div>
    </header>
  );
}
