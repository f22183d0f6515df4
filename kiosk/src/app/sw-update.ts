/**
 * The offline shell. Registers the kiosk's service worker. A new version —
 * found at start, by the check every 30 min or by the browser's own checks —
 * installs in the background and waits; once the kiosk is idle with an empty
 * outbox it takes over and the page reloads once, into the new version.
 *
 * No reload loop: at most one update reload per 5 minutes (the time of the
 * last one is kept in sessionStorage, so it outlives the reload). A version
 * that takes over within that gap — say two server instances serve two
 * versions during a rolling deploy — is loaded when the gap is over, and the
 * screen never sticks on "Updating…". The first install taking control of a
 * page is not an update: no reload.
 *
 * `body[data-sw]` says how far it got: `activated` (installed, will serve the
 * next load) → `controlled` (serving this page).
 */
import { effect, signal, type ReadonlySignal } from '@preact/signals';
import type { Workbox } from 'workbox-window';

/** A new version is installed and waiting for the kiosk to be idle. */
export const updateWaiting = signal(false);
/** The kiosk asked the new version to take over and is about to reload. */
export const updating = signal(false);

const RELOAD_KEY = 'lobbydesk:kiosk:sw-reload-at';
const MIN_RELOAD_GAP_MS = 5 * 60_000;
const CHECK_EVERY_MS = 30 * 60_000;
/** A version asked to take over that has not done so by then has gone (a newer one replaced it): show the guest screens again. */
const TAKEOVER_TIMEOUT_MS = 15_000;

/** A new version controls the page, which still runs the old one: reload into it. */
const reloadWanted = signal(false);
/** False while the reload guard holds a reload back. */
const gapOver = signal(true);

function markControlled(): void {
  if (navigator.serviceWorker.controller) document.body.dataset.sw = 'controlled';
}

/** Milliseconds until another update reload is allowed (0: now). */
function reloadGapLeft(): number {
  const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0);
  return Math.max(0, last + MIN_RELOAD_GAP_MS - Date.now());
}

export function registerServiceWorker(canUpdate: ReadonlySignal<boolean>): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  markControlled();
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    markControlled();
    if (controller) reloadWanted.value = true; // a version replaced the one serving this page (not the first install)
    controller = navigator.serviceWorker.controller;
  });

  // workbox-window is not needed to draw home: its chunk comes after the first screen (it registers at `load` anyway).
  import('workbox-window')
    .then(({ Workbox }) => watchVersions(new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL }), canUpdate))
    .catch((e: unknown) => console.warn('kiosk: service worker registration failed', e));
}

function watchVersions(wb: Workbox, canUpdate: ReadonlySignal<boolean>): void {
  wb.addEventListener('activated', (e) => {
    if (!e.isUpdate && !document.body.dataset.sw) document.body.dataset.sw = 'activated';
  });

  // Nobody is using the kiosk and nothing waits to be sent: let the new version take over.
  let takeover: ReturnType<typeof setTimeout> | null = null;
  effect(() => {
    if (!updateWaiting.value || !canUpdate.value || updating.value || reloadWanted.value) return;
    updating.value = true;
    wb.messageSkipWaiting();
    takeover = setTimeout(() => {
      if (!reloadWanted.value) updating.value = false;
    }, TAKEOVER_TIMEOUT_MS);
  });

  // Load the version now in control: at once after our own take-over (the kiosk was idle), otherwise (another
  // tab's doing) when the kiosk is idle; never twice within the gap.
  effect(() => {
    if (!reloadWanted.value || !gapOver.value) return;
    if (!updating.value && !canUpdate.value) return;
    const left = reloadGapLeft();
    if (left > 0) {
      if (takeover) clearTimeout(takeover);
      updating.value = false;
      gapOver.value = false;
      setTimeout(() => (gapOver.value = true), left);
      return;
    }
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    location.reload();
  });

  void wb
    .register()
    .then((reg) => {
      if (!reg) return;
      // Waiting = installed next to an active version. Read from the registration itself, so every later version
      // counts (workbox-window stops reporting updates it thinks another tab started).
      const check = () => (updateWaiting.value = !!reg.waiting && !!reg.active);
      check();
      reg.addEventListener('updatefound', () => reg.installing?.addEventListener('statechange', check));
    })
    .catch((e: unknown) => console.warn('kiosk: service worker registration failed', e));
  setInterval(() => void wb.update().catch(() => undefined), CHECK_EVERY_MS);
}
