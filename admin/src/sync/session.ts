/**
 * Staff session: who is signed in, sign-in / sign-out, and starting the sync
 * engine for the session. A tablet that cannot reach the server but has a
 * saved session opens on the saved queue and keeps retrying.
 */
import { signal } from '@preact/signals';
import { StaffMe } from '../../../shared/protocol/auth.ts';
import { z } from 'zod';
import { api, failureCode, isUnauthenticated, type FailureCode } from './api.ts';
import { clearCachedRequests, loadCachedMe, saveCachedMe } from './db.ts';
import { currentEngine } from './current-engine.ts';
import { resetView, startEngine } from './engine.ts';
import { pendingCount, pushNotice } from './queries.ts';

export type Session =
  | { status: 'checking' }
  | { status: 'signed_out'; reason: FailureCode | null }
  | { status: 'signed_in'; me: StaffMe; offline: boolean };

export const session = signal<Session>({ status: 'checking' });

const Ok = z.unknown();

async function enter(me: StaffMe, offline: boolean): Promise<void> {
  session.value = { status: 'signed_in', me, offline };
  await startEngine(me.staff.id, onUnauthenticated);
}

/** The server no longer knows our session: confirm, then ask to sign in again (the outbox is kept). */
let checking = false;
async function onUnauthenticated(): Promise<void> {
  if (checking || session.value.status !== 'signed_in') return;
  checking = true;
  try {
    await api.get('/api/auth/me', StaffMe);
  } catch (e) {
    if (isUnauthenticated(e)) {
      resetView();
      session.value = { status: 'signed_out', reason: null };
      pushNotice({ type: 'session_expired' });
    }
  } finally {
    checking = false;
  }
}

/** On start: resume the session if the server (or, offline, the saved copy) has one. */
export async function boot(): Promise<void> {
  // Signed out while offline: the server may still honour the old cookie, so never resume it.
  if (await finishPendingLogout()) {
    session.value = { status: 'signed_out', reason: null };
    return;
  }
  try {
    const me = await api.get('/api/auth/me', StaffMe);
    await saveCachedMe(me).catch(() => undefined);
    await enter(me, false);
  } catch (e) {
    const code = failureCode(e);
    if (code === 'network' || code === 'internal') {
      const cached = await loadCachedMe().catch(() => undefined);
      if (cached) return enter(cached, true);
    }
    session.value = { status: 'signed_out', reason: code === 'unauthenticated' ? null : code };
  }
}

/** Signs in; resolves to an error code to show, or null on success. `onError` sees the failure itself (a refusal's details: how long to wait). */
export async function login(staffId: string, pin: string, onError?: (e: unknown) => void): Promise<FailureCode | null> {
  try {
    const me = await api.post('/api/auth/login', { staffId: staffId.trim(), pin }, StaffMe);
    localStorage.removeItem(LOGOUT_PENDING); // the new session's cookie replaced the old one
    await saveCachedMe(me).catch(() => undefined);
    await enter(me, false);
    return null;
  } catch (e) {
    onError?.(e);
    return failureCode(e);
  }
}

/** Set while sign-out waits for the person to choose: their actions still queued on this tablet. */
export const signOutPending = signal<number | null>(null);

const DRAIN_WAIT_MS = 3000;

/**
 * Sign-out asked for: the outbox is given a moment to drain; if this person's
 * actions are still queued (offline), they are asked before signing out,
 * because the server will refuse them under anyone else's session.
 */
export async function requestLogout(): Promise<void> {
  const engine = currentEngine();
  if (engine && pendingCount.value > 0) {
    engine.flusher.kick();
    const until = Date.now() + DRAIN_WAIT_MS;
    while (pendingCount.value > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    if (pendingCount.value > 0) {
      signOutPending.value = pendingCount.value;
      return;
    }
  }
  await logout();
}

/** A sign-out the server has not heard of yet (the tablet was offline). */
const LOGOUT_PENDING = 'lobbydesk:admin:logout-pending';

/** True while a sign-out made offline is still to reach the server; tries to deliver it. */
async function finishPendingLogout(): Promise<boolean> {
  if (!localStorage.getItem(LOGOUT_PENDING)) return false;
  try {
    await api.post('/api/auth/logout', {}, Ok);
    localStorage.removeItem(LOGOUT_PENDING);
  } catch {
    // Still offline: stay signed out; the next start tries again.
  }
  return true;
}

export async function logout(): Promise<void> {
  signOutPending.value = null;
  await api.post('/api/auth/logout', {}, Ok).catch(() => localStorage.setItem(LOGOUT_PENDING, '1'));
  resetView();
  await saveCachedMe(null).catch(() => undefined);
  await clearCachedRequests().catch(() => undefined);
  session.value = { status: 'signed_out', reason: null };
}
