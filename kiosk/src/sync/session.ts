/**
 * Who this kiosk is: pairing, the device token, the cached DeviceMe. The
 * kiosk becomes `ready` as soon as it knows its identity, from the cache
 * (offline) or from the server, and refreshes it whenever it can.
 */
import { signal } from '@preact/signals';
import { DeviceMe, PairResponse } from '../../../shared/protocol/auth.ts';
import { ApiFailure } from '../../../shared/sync-client/http.ts';
import { api, db, setToken } from './client.ts';
import { adoptDeviceMe, forgetToken, readIdentity, saveToken } from './identity.ts';
import { pruneTickets } from './tickets.ts';

export type Phase = 'booting' | 'unpaired' | 'connecting' | 'ready' | 'failed';

export const phase = signal<Phase>('booting');
export const me = signal<DeviceMe | null>(null);
/** Why the setup screen is shown when it is not the first start. */
export const setupNotice = signal<'revoked' | null>(null);
/** The last failure while connecting (shown translated on the connecting screen). */
export const connectError = signal<unknown>(null);

/** The pairing code was for a wall display or another kind of device. */
export class NotAKioskError extends Error {}

const REFRESH_EVERY_MS = 10 * 60_000;
let refreshTimer: ReturnType<typeof setInterval> | null = null;

/** Reads `#token=…` (the demo link the server prints) and removes it from the address bar. */
function takeHashToken(): string | null {
  if (typeof location === 'undefined' || !location.hash) return null;
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  if (token) history.replaceState(null, '', location.pathname + location.search);
  return token;
}

export async function boot(): Promise<void> {
  const hashToken = takeHashToken();
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
