import { useEffect } from 'preact/hooks';
import { t } from './i18n/i18n.ts';
import { IssuesScreen } from './features/issues/IssuesScreen.tsx';
import { KiosksScreen } from './features/kiosks/KiosksScreen.tsx';
import { LoginScreen } from './features/login/LoginScreen.tsx';
import { LuggageScreen } from './features/luggage/LuggageScreen.tsx';
import { MembersScreen } from './features/members/MembersScreen.tsx';
import { QueueScreen } from './features/queue/QueueScreen.tsx';
import { ReportsScreen } from './features/reports/ReportsScreen.tsx';
import { canManageDevices, canManageWebhooks, canReadReports, screen } from './features/shell/nav.ts';
import { WebhooksScreen } from './features/webhooks/WebhooksScreen.tsx';
import { session } from './sync/session.ts';
import { Toasts } from './ui/Toasts.tsx';

export function App() {
  const s = session.value;
  useEffect(() => {
    if (s.status !== 'signed_in') delete document.body.dataset.ready;
  }, [s.status]);
  return (
    <>
      {s.status === 'checking' ? (
        <main class="splash" aria-busy="true">
          {t('app.title')}
        </main>
      ) : s.status === 'signed_out' ? (
        <LoginScreen initialError={s.reason} />
      ) : screen.value === 'issues' ? (
        <IssuesScreen me={s.me} />
      ) : screen.value === 'luggage' ? (
        <LuggageScreen me={s.me} />
      ) : screen.value === 'members' ? (
        <MembersScreen me={s.me} />
      ) : screen.value === 'reports' && canReadReports(s.me.staff.role) ? (
        <ReportsScreen me={s.me} />
      ) : screen.value === 'kiosks' && canManageDevices(s.me.staff.role) ? (
        <KiosksScreen me={s.me} />
      ) : screen.value === 'webhooks' && canManageWebhooks(s.me.staff.role) ? (
        <WebhooksScreen me={s.me} />
      ) : (
        <QueueScreen me={s.me} offline={s.offline} />
      )}
      <Toasts />
    </>
  );
}
