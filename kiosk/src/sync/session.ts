/**
 * Who this kiosk is: pairing, the device token, the cached DeviceMe. The
 * kiosk becomes `ready` as soon as it knows its identity, from the cache
 * (offline) or from the server, and refreshes it whenever it can.
 */
import { DeviceMe, PairResponse } from '../../../shared/protocol/auth.ts';
import { ApiFailure } from '../../../shared/sync-client/http.ts';
import { api, db, setToken } from './client.ts';
import { adoptDeviceMe, forgetToken, readIdentity, saveToken } from './identity.ts';
import { connectError, me, NotAKioskError, phase, setupNotice } from './state.ts';
import { pruneTickets } from './tickets.ts';

const REFRESH_EVERY_MS = 10 * 60_000;
let refreshTimer: ReturnType<typeof setInterval> | null = null;

/**
 * Who this kiosk is, from Dexie and the server. `hashToken` is the demo link's `#token=…` (boot.ts took it from
 * the address bar). Home may already be on screen from boot.ts's first look at the stored identity: then this
 * confirms it and refreshes it.
 */
export async function boot(hashToken: string | null): Promise<void> {
  const cached = await readIdentity(db);
  const newToken = hashToken !== null && hashToken !== cached.token;
  if (hashToken) await saveToken(db, hashToken);
  const token = hashToken ?? cached.token;
  setToken(token);
  if (!token) {
    phase.value = 'unpaired';
    return;
  }
  if (cached.me && !newToken) {
    me.value = cached.me;
    phase.value = 'ready';
    void refresh();
  } else {
    phase.value = 'connecting';
    const ok = await refresh();
    // A new token that cannot reach the server yet: the cached identity still serves guests.
    if (!ok && phase.value === 'connecting' && cached.me) {
      me.value = cached.me;
      phase.value = 'ready';
    }
  }
  if (!refreshTimer) {
    refreshTimer = setInterval(() => void refresh(), REFRESH_EVERY_MS);
    addEventListener('online', () => void refresh());
  }
}

async function accept(next: DeviceMe): Promise<void> {
  if (next.kind !== 'kiosk' || !next.letter) throw new NotAKioskError(`a ${next.kind} cannot run the kiosk`);
  await adoptDeviceMe(db, next);
  await pruneTickets(db, next.serviceDay).catch(() => undefined);
  me.value = next;
  setupNotice.value = null;
  connectError.value = null;
  phase.value = 'ready';
}

/** Asks the server who we are. Answers false (and keeps going offline) when it cannot. */
export async function refresh(): Promise<boolean> {
  try {
    await accept(await api.get('/api/devices/me', DeviceMe));
    return true;
  } catch (e) {
    connectError.value = e;
    if (e instanceof NotAKioskError || (e instanceof ApiFailure && (e.status === 401 || e.code === 'device_revoked'))) {
      await unpair();
    }
    return false;
  }
}

/** The token is no longer good: back to the setup screen. The outbox stays and is sent after pairing. */
async function unpair(): Promise<void> {
  await forgetToken(db);
  setToken(null);
  me.value = null;
  setupNotice.value = 'revoked';
  phase.value = 'unpaired';
}

/** Pairs with a code made by staff in the admin app. Throws ApiFailure, NetworkFailure or NotAKioskError. */
export async function pair(code: string): Promise<void> {
  const res = await api.post('/api/devices/pair', { code: code.trim().toUpperCase() }, PairResponse);
  if (res.me.kind !== 'kiosk' || !res.me.letter) throw new NotAKioskError(`a ${res.me.kind} pairing code`);
  await saveToken(db, res.token);
  setToken(res.token);
  await accept(res.me);
}
