/**
 * The guest kiosk: a lobby touchscreen where guests take a number to call
 * staff, online or offline. Boot order: guards and styles, render, identity
 * from Dexie (or the demo link / pairing), then the sync engine and the
 * service worker.
 */
import { computed, effect } from '@preact/signals';
import { render } from 'preact';
import { App } from './app/App.tsx';
import { watchIdle } from './app/idle.ts';
import { installKioskGuards } from './app/kiosk-guards.ts';
import { registerServiceWorker } from './app/sw-update.ts';
import { guestFlowOpen, resetToHome, step } from './features/call-staff/flow.store.ts';
import { resetLocale } from './i18n/locale.store.ts';
import { pending, startSync } from './sync/engine.ts';
import { boot, phase } from './sync/session.ts';
import './styles/base.css';
import './styles/shell.css';
import './styles/screens.css';
import './styles/setup.css';
import './styles/balance.css';
import './styles/landscape.css';

/** A guest who walks away mid-flow leaves the kiosk ready, in the house language, for the next one. */
const IDLE_MS = 60_000;

installKioskGuards();
void navigator.storage?.persist?.().catch(() => false);

render(<App />, document.getElementById('app')!);

effect(() => {
  if (phase.value === 'ready') startSync();
  else delete document.body.dataset.ready;
});

watchIdle(IDLE_MS, () => {
  if (step.value !== 'ticket') resetToHome();
  resetLocale();
});

registerServiceWorker(computed(() => pending.value === 0 && !guestFlowOpen.value && phase.value !== 'booting'));

boot().catch((e: unknown) => {
  console.error('kiosk: could not start', e);
  phase.value = 'failed';
});
