/**
 * The offline shell. Registers the kiosk's service worker; a new version
 * waits until the kiosk is idle with an empty outbox, then takes over and the
 * page reloads once. A reload guard stops an update loop from cycling the
 * screen. `body[data-sw]` says how far it got: `activated` (installed, will
 * serve the next load) → `controlled` (serving this page).
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import { Workbox } from 'workbox-window';

export const updateWaiting = signal(false);
export const updating = signal(false);

const RELOAD_KEY = 'lobbydesk:kiosk:sw-reload-at';
const MIN_RELOAD_GAP_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30 * 60_000;

function markControlled(): void {
  if (navigator.serviceWorker.controller) document.body.dataset.sw = 'controlled';
}

function reloadOnce(): void {
  const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
  if (Date.now() - last < MIN_RELOAD_GAP_MS) return; // just reloaded for an update: do not loop
  sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
  location.reload();
}

export function registerServiceWorker(canUpdate: ReadonlySignal<boolean>): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  markControlled();
  navigator.serviceWorker.addEventListener('controllerchange', markControlled);

  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener('waiting', () => (updateWaiting.value = true));
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate && !document.body.dataset.sw) document.body.dataset.sw = 'activated';
  });
  wb.addEventListener('controlling', (e) => {
    markControlled();
    if (e.isUpdate) reloadOnce();
  });

  let asked = false;
  effect(() => {
    if (updateWaiting.value && canUpdate.value && !asked) {
      asked = true;
      updating.value = true;
      wb.messageSkipWaiting();
    }
  });

  void wb.register().catch((e: unknown) => console.warn('kiosk: service worker registration failed', e));
  setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
}
