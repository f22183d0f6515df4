/**
 * The wall's service worker (scope /wall/). The wall is unattended and never
 * writes, so a waiting update activates at once; a reload guard stops a
 * broken release from reloading in a loop.
 */
import { Workbox } from 'workbox-window';

const GUARD_KEY = 'lobbydesk.wall.lastUpdateReload';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL });
  wb.addEventListener('waiting', () => {
    const last = Number(sessionStorage.getItem(GUARD_KEY) ?? 0);
    if (Date.now() - last < 5 * 60_000) return; // updated moments ago: wait for the next start
    wb.addEventListener('controlling', () => {
      sessionStorage.setItem(GUARD_KEY, String(Date.now()));
      location.reload();
    });
    wb.messageSkipWaiting();
  });
  wb.register().catch((e: unknown) => console.warn('service worker registration failed', e));
}
