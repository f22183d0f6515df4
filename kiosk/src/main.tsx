/**
 * The guest kiosk: a lobby touchscreen where guests take a number to call
 * staff, online or offline. Boot order: guards and styles, render, identity
 * from Dexie (or the demo link / pairing), then the sync engine and the
 * service worker.
 */
import { computed, effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app/App.tsx';
import { watchIdle, type IdleTiming } from './app/idle.ts';
import { installKioskGuards } from './app/kiosk-guards.ts';
import { listenForScanner } from './app/scan-router.ts';
import { installOnscreenKeyboard } from './features/keyboard/keyboard-host.ts';
import { registerServiceWorker } from './app/sw-update.ts';
import { keepScreenAwake } from './app/wake-lock.ts';
import { endGuestSession } from './app/guest-session.ts';
import { readAloud, saveFailedText, speak } from './app/read-aloud.ts';
import { MEMBER_DATA_STEPS, RESULT_STEPS, screenText } from './app/screens.ts';
import { step } from './app/step.ts';
import { thanks } from './features/feedback/feedback.store.ts';
import { guestFlowOpen } from './features/call-staff/flow.store.ts';
import { locale, t } from './i18n/locale.store.ts';
import { boot } from './sync/boot.ts';
import { pending, phase, saveFailed } from './sync/state.ts';
import './styles/base.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/setup.css';
import './styles/balance.css';
import './styles/services.css';
import './styles/landscape.css';
import './styles/busy.css';
import './styles/home-tiles.css';
import './styles/print.css';

/**
 * A guest who walks away mid-flow leaves the kiosk ready, in the house
 * language, for the next one: after 60 s without input a 20 s countdown
 * offers "Continue", then everything the guest entered is dropped (each
 * feature clears its state when the step returns home). A member's balance,
 * points and tier are gone sooner: 20 s, then a 10 s countdown — 30 s at most.
 */
const IDLE: IdleTiming = { idleMs: 60_000, warnMs: 20_000 };
const MEMBER_DATA_IDLE: IdleTiming = { idleMs: 20_000, warnMs: 10_000 };

installKioskGuards();
keepScreenAwake();
listenForScanner();
installOnscreenKeyboard(); // lobby screens have no keyboard: every guest text field gets ours
void navigator.storage?.persist?.().catch(() => false);

render(<App />, document.getElementById('app')!);

effect(() => {
  if (phase.value !== 'ready') delete document.body.dataset.ready;
});

watchIdle({
  timing: () => (phase.value === 'ready' && MEMBER_DATA_STEPS.includes(step.value) ? MEMBER_DATA_IDLE : IDLE),
  // Result screens count down by themselves; home has nothing to lose.
  shouldWarn: () => phase.value === 'ready' && step.value !== 'home' && !RESULT_STEPS.includes(step.value),
  // A result screen is left to finish its own countdown (it ends the session too).
  onIdle: () => endGuestSession({ keepScreen: RESULT_STEPS.includes(step.value) }),
});

/**
 * "Read aloud": each main screen, once it is drawn, and again in a newly
 * chosen language. Only the ticket number and the names on home's tiles for
 * the hotel's own services (a manager's data, not the catalog) are taken from
 * the page.
 */
effect(() => {
  if (!readAloud.value || phase.value !== 'ready') return;
  const s = step.value;
  const l = locale.value;
  const failed = saveFailed.value;
  const timer = setTimeout(() => {
    if (failed) return speak(saveFailedText(failed, t, l), l);
    const ticket = document.querySelector('#main [data-testid="ticket-number"]')?.textContent ?? null;
    const services = [...document.querySelectorAll('#main [data-service-tile] .tile__label')].map((e) => e.textContent ?? '');
    speak(screenText(s, t, l, { ticket, followUp: thanks.value?.followUp, reference: thanks.value?.reference, services }), l);
  }, 150);
  return () => clearTimeout(timer);
});

registerServiceWorker(computed(() => pending.value === 0 && !guestFlowOpen.value && phase.value !== 'booting'));

boot().catch((e: unknown) => {
  console.error('kiosk: could not start', e);
  phase.value = 'failed';
});
