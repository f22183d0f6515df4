/**
 * Registers the staff app's service worker (scope /admin/). A new version
 * waits until the agent chooses "Update app" in the header, and never while
 * actions are still queued, so an update cannot interrupt work in hand.
 */
import { Workbox } from 'workbox-window';
import { pendingCount, updateReady } from '../sync/queries.ts';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  let reloading = false;
  wb.addEventListener('waiting', () => {
    updateReady.value = () => {
      if (pendingCount.value > 0) return; // the outbox first; the button stays until it is empty
      wb.addEventListener('controlling', () => {
        if (reloading) return;
        reloading = true;
        location.reload();
      });
      wb.messageSkipWaiting();
    };
  });
  wb.register().catch((e: unknown) => console.warn('service worker registration failed', e));
}
