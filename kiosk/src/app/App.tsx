import { useEffect } from 'preact/hooks';
import { SaveFailedScreen } from '../components/SaveFailedScreen.tsx';
import { StatusFooter } from '../components/StatusFooter.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { CalledBanner } from '../features/call-staff/CalledBanner.tsx';
import { ConfirmScreen } from '../features/call-staff/ConfirmScreen.tsx';
import { DetailsScreen } from '../features/call-staff/DetailsScreen.tsx';
import { step } from '../features/call-staff/flow.store.ts';
import { HomeScreen } from '../features/call-staff/HomeScreen.tsx';
import { ReasonScreen } from '../features/call-staff/ReasonScreen.tsx';
import { TicketScreen } from '../features/call-staff/TicketScreen.tsx';
import { BalanceScreen } from '../features/balance/BalanceScreen.tsx';
import { CardCodeScreen } from '../features/balance/CardCodeScreen.tsx';
import { FeedbackScreen } from '../features/feedback/FeedbackScreen.tsx';
import { ThanksScreen } from '../features/feedback/ThanksScreen.tsx';
import { ClaimScreen } from '../features/luggage/ClaimScreen.tsx';
import { LuggageInScreen } from '../features/luggage/LuggageInScreen.tsx';
import { PickupScreen } from '../features/luggage/PickupScreen.tsx';
import { PickupTicketScreen } from '../features/luggage/PickupTicketScreen.tsx';
import { ShoeCareScreen } from '../features/shoe-care/ShoeCareScreen.tsx';
import { ShoeTicketScreen } from '../features/shoe-care/ShoeTicketScreen.tsx';
import { ConnectingScreen } from '../features/setup/ConnectingScreen.tsx';
import { SetupScreen } from '../features/setup/SetupScreen.tsx';
import { locale, t } from '../i18n/locale.store.ts';
import { saveFailed } from '../sync/actions.ts';
import { phase } from '../sync/session.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { updating } from './sw-update.ts';

function GuestScreens() {
  switch (step.value) {
    case 'home':
      return <HomeScreen />;
    case 'reason':
      return <ReasonScreen />;
    case 'details':
      return <DetailsScreen />;
    case 'confirm':
      return <ConfirmScreen />;
    case 'ticket':
      return <TicketScreen />;
    case 'card':
      return <CardCodeScreen />;
    case 'balance':
      return <BalanceScreen />;
    case 'luggage_in':
      return <LuggageInScreen />;
    case 'claim':
      return <ClaimScreen />;
    case 'pickup':
      return <PickupScreen />;
    case 'pickup_ticket':
      return <PickupTicketScreen />;
    case 'shoe_care':
      return <ShoeCareScreen />;
    case 'shoe_ticket':
      return <ShoeTicketScreen />;
    case 'feedback':
      return <FeedbackScreen />;
    case 'thanks':
      return <ThanksScreen />;
  }
}

function Current() {
  switch (phase.value) {
    case 'booting':
      return (
        <section class="screen center">
          <span class="spinner" aria-hidden="true" />
          <p class="lead">{t('boot.starting')}</p>
        </section>
      );
    case 'failed':
      return (
        <section class="screen center">
          <p class="alert" role="alert">
            {t('error.local')}
          </p>
        </section>
      );
    case 'unpaired':
      return <SetupScreen />;
    case 'connecting':
      return <ConnectingScreen />;
    case 'ready':
      if (saveFailed.value) return <SaveFailedScreen kind={saveFailed.value} />;
      return updating.value ? (
        <section class="screen center">
          <span class="spinner" aria-hidden="true" />
          <p class="lead">{t('status.update')}</p>
        </section>
      ) : (
        <GuestScreens />
      );
  }
}

export function App() {
  const key = `${phase.value}:${phase.value === 'ready' ? step.value : ''}:${saveFailed.value ?? ''}`;
  // Each new screen moves focus to its heading, so keyboard and screen-reader users start at the top.
  // A screen that waits for its data (a ticket read from Dexie) draws its heading a moment later: focus it then.
  useEffect(() => {
    const focusHeading = () => {
      const target = document.querySelector<HTMLElement>('#main [data-autofocus]');
      if (!target) return false;
      if (!target.contains(document.activeElement)) target.focus({ preventScroll: true });
      return true;
    };
    if (focusHeading()) return;
    const main = document.getElementById('main');
    if (!main) return;
    const watch = new MutationObserver(() => focusHeading() && watch.disconnect());
    watch.observe(main, { childList: true, subtree: true });
    return () => watch.disconnect();
  }, [key]);
  return (
    <div class="kiosk" data-phase={phase.value} data-step={step.value} lang={locale.value}>
      <TopBar />
      {phase.value === 'ready' && <CalledBanner />}
      <main id="main" class="main" key={key}>
        <Current />
      </main>
      <StatusFooter />
      {phase.value === 'ready' && <IdleWarning />}
    </div>
  );
}
