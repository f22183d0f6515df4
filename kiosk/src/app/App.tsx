import { useEffect } from 'preact/hooks';
import { SaveFailedScreen } from '../components/SaveFailedScreen.tsx';
import { StatusFooter } from '../components/StatusFooter.tsx';
import { TopBar } from '../components/TopBar.tsx';
import { CalledBanner } from '../features/call-staff/CalledBanner.tsx';
import { ConnectingScreen } from '../features/setup/ConnectingScreen.tsx';
import { SetupScreen } from '../features/setup/SetupScreen.tsx';
import { locale, t } from '../i18n/locale.store.ts';
import { saveFailed } from '../sync/state.ts';
import { phase } from '../sync/state.ts';
import { IdleWarning } from './IdleWarning.tsx';
import { LazyScreenHost, preloadScreens } from './LazyScreenHost.tsx';
import { isLazy } from './screen-registry.ts';
import { HOME_TILES, SCREENS } from './screens.ts';
import { step } from './step.ts';
import { updating } from './sw-update.ts';

const LAZY = SCREENS.steps.map((s) => SCREENS.byId[s].screen).filter(isLazy);

/** The registered screen for the current step (app/screens.ts). */
function GuestScreens() {
  const screen = SCREENS.byId[step.value].screen;
  // Home is on screen and the guest has time: fetch the screens kept in their own chunks.
  useEffect(() => {
    if (step.value !== 'home') return;
    const later = setTimeout(() => preloadScreens(LAZY), 2_000);
    return () => clearTimeout(later);
  }, []);
  if (isLazy(screen)) return <LazyScreenHost def={screen} props={{ tiles: HOME_TILES }} />;
  const Screen = screen;
  return <Screen tiles={HOME_TILES} />;
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
