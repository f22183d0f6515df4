/**
 * The kiosk's start. A kiosk that knows who it is shows home at once: its
 * stored identity is read with one plain IndexedDB read, before the sync
 * layer (core.ts: Dexie, the schemas, the engine) has loaded; the sync layer
 * then confirms it (session.ts `boot`), pairs or connects, and refreshes it.
 */
import { effect } from '@preact/signals';
import type { DeviceMe } from '../../../shared/protocol/auth.ts';
import { loadSync } from './actions.ts';
import { me, phase } from './state.ts';

/** The Dexie database's name and the meta rows read here (sync/db.ts `KioskDb`, `META`). */
const DB_NAME = 'lobbydesk-kiosk';
const META_STORE = 'meta';

/** Reads `#token=…` (the demo link the server prints) and removes it from the address bar. */
function takeHashToken(): string | null {
  if (typeof location === 'undefined' || !location.hash) return null;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

const request = <T>(r: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });

/**
 * The stored token and DeviceMe, read without Dexie; null when there are none or anything is unusual (no
 * database yet, no meta store, a blocked open): session.ts then decides with Dexie, as it always does.
 * Never creates the database: a first start leaves it to Dexie.
 */
export async function peekIdentity(idb: IDBFactory | null = globalThis.indexedDB ?? null): Promise<{ token: string; me: DeviceMe } | null> {
  if (!idb) return null;
  const open = idb.open(DB_NAME);
  open.onupgradeneeded = () => open.transaction?.abort(); // no database yet: create nothing
  open.onblocked = () => undefined;
  let db: IDBDatabase;
  try {
    db = await request(open);
  } catch {
    return null;
  }
  try {
    db.onversionchange = () => db.close(); // Dexie is upgrading: let it
    if (!db.objectStoreNames.contains(META_STORE)) return null;
    const store = db.transaction(META_STORE, 'readonly').objectStore(META_STORE);
    const [token, who] = await Promise.all([request(store.get('token')), request(store.get('me'))]);
    const value = (row: unknown) => (row && typeof row === 'object' ? (row as { value?: unknown }).value : undefined);
    const t = value(token);
    const m = value(who) as DeviceMe | undefined;
    return typeof t === 'string' && m && typeof m === 'object' && m.kind === 'kiosk' ? { token: t, me: m } : null;
  } catch {
    return null;
  } finally {
    db.close();
  }
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

/**
 * Home from the stored identity when there is one, then the sync layer's own start (session.ts), and the
 * engine once the kiosk is ready — after that start, so it sends with the stored token.
 */
export async function boot(): Promise<void> {
  const hashToken = takeHashToken();
  const core = loadCore(); // fetched while IndexedDB answers
  const known = hashToken === null ? await peekIdentity().catch(() => null) : null;
  if (known && phase.value === 'booting') {
    me.value = known.me;
    phase.value = 'ready';
  }
  const sync = await core;
  await sync.boot(hashToken);
  effect(() => {
    if (phase.value === 'ready') sync.startSync();
  });
}
