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
import { resetView, startEngine } from './engine.ts';
import { pushNotice } from './queries.ts';

export type Session =
  | { status: 'checking' }
  | { status: 'signed_out'; reason: FailureCode | null }
  | { status: 'signed_in'; me: StaffMe; offline: boolean };

export const session = signal<Session>({ status: 'checking' });

const Ok = z.unknown();

async function enter(me: StaffMe, offline: boolean): Promise<void> {
  session.value = { status: 'signed_in', me, offline };
  await startEngine(onUnauthenticated);
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

/** Signs in; resolves to an error code to show, or null on success. */
export async function login(staffId: string, pin: string): Promise<FailureCode | null> {
  try {
    const me = await api.post('/api/auth/login', { staffId: staffId.trim(), pin }, StaffMe);
    await saveCachedMe(me).catch(() => undefined);
    await enter(me, false);
    return null;
  } catch (e) {
    return failureCode(e);
  }
}

export async function logout(): Promise<void> {
  await api.post('/api/auth/logout', {}, Ok).catch(() => undefined);
  resetView();
  await saveCachedMe(null).catch(() => undefined);
  await clearCachedRequests().catch(() => undefined);
  session.value = { status: 'signed_out', reason: null };
}
