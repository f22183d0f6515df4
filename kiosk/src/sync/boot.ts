/**
 * The kiosk's start. A kiosk that knows who it is shows home at once: its
 * identity is read from a localStorage mirror of what Dexie holds (written by
 * identity.ts on every change), before the sync layer (core.ts: Dexie, the
 * schemas, the engine) has loaded; the sync layer then confirms it
 * (session.ts `boot`: Dexie is the truth), pairs or connects, and refreshes it.
 */
import { effect } from '@preact/signals';
import { loadSync } from './actions.ts';
import { mirroredIdentity } from './identity-mirror.ts';
import { me, phase } from './state.ts';

/** Reads `#token=…` (the demo link the server prints) and removes it from the address bar. */
function takeHashToken(): string | null {
  if (typeof location === 'undefined' || !location.hash) return null;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

/** The sync layer's chunk; a load that fails (the network dropped before the service worker had it) is tried again. */
async function loadCore(): Promise<Awaited<ReturnType<typeof loadSync>>> {
  for (let wait = 1_000; ; wait = Math.min(wait * 2, 30_000)) {
    try {
      return await loadSync();
    } catch (e) {
      console.warn('kiosk: the sync layer did not load; trying again', e);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** After the next frame is drawn (or 100 ms, where frames are not drawn: a hidden page). */
function painted(): Promise<void> {
  return new Promise((resolve) => {
    const done = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(done);
        resolve();
      }, 0),
    );
  });
}

/**
 * Home from the stored identity when there is one, then the sync layer's own start (session.ts), and the
 * engine once the kiosk is ready — after that start, so it sends with the stored token.
 */
export async function boot(): Promise<void> {
  const hashToken = takeHashToken();
  const known = hashToken === null ? mirroredIdentity() : null;
  if (known && phase.value === 'booting') {
    me.value = known.me;
    phase.value = 'ready';
    await painted(); // home first: the chunk's evaluation would hold the first frame back
  }
  const sync = await loadCore();
  await sync.boot(hashToken);
  effect(() => {
    if (phase.value === 'ready') sync.startSync();
  });
}
