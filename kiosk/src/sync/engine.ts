/**
 * The kiosk's sync engine: one outbox flusher and one follower of the
 * server's view of this kiosk's requests and of the hotel's service catalog,
 * plus the connection state the footer shows. Started once the kiosk knows
 * who it is.
 */
import { effect } from '@preact/signals';
import type { Service } from '../../../shared/domain/service.ts';
import { serviceDayOf } from '../../../shared/domain/ticket.ts';
import type { KioskEvent, KioskRequest } from '../../../shared/protocol/events.ts';
import { KioskPull, KioskSnapshot } from '../../../shared/protocol/sync.ts';
import { Flusher } from '../../../shared/sync-client/flusher.ts';
import { Follower } from '../../../shared/sync-client/follower.ts';
import { api, db } from './client.ts';
import { startKioskHeartbeat } from './heartbeat.ts';
import { refreshFollowConfig } from './follow-config.ts';
import { refreshCardKey } from './members.ts';
import { startWaitStats } from './wait-stats.ts';
import { refresh } from './session.ts';
import { connection, flushState, me, pending } from './state.ts';
import { notedIfFails, storageErrorOf } from './storage-health.ts';
import { applyServiceUpserts, replaceServices } from './services.ts';
import { applyOutcomes, applyServerRequests } from './tickets.ts';

export const flusher = new Flusher({
  db,
  api,
  deviceId: () => me.value?.deviceId ?? null,
  // The outbox is already settled when this runs; a full disk only delays the local ticket's status (the server's events bring it).
  onOutcomes: (outcomes) =>
    notedIfFails(() => applyOutcomes(db, outcomes)).catch((e: unknown) => {
      if (!storageErrorOf(e)) throw e;
      console.warn('kiosk: could not mark delivered tickets', e);
    }),
});

// Follower callbacks are synchronous; chain the writes so they land in order.
let writes: Promise<void> = Promise.resolve();
function merge(requests: KioskRequest[], fromSnapshot: boolean): void {
  const m = me.value;
  const serviceDay = m ? serviceDayOf(new Date(), m.property.timeZone) : new Date().toISOString().slice(0, 10);
  writes = writes
    .then(() => notedIfFails(() => applyServerRequests(db, requests, { serviceDay, fromSnapshot })))
    .catch((e: unknown) => {
      console.warn('kiosk: could not store server update', e);
      // What was not stored is fetched again (a fresh snapshot) at the next hint or reconnect.
      follower.version = -1;
    });
}

/** The catalog: a snapshot replaces it, events update it; written in the same chain, in order. */
function mergeServices(services: readonly Service[], fromSnapshot: boolean): void {
  if (!fromSnapshot && services.length === 0) return;
  writes = writes
    .then(() => notedIfFails(() => (fromSnapshot ? replaceServices(db, services) : applyServiceUpserts(db, services))))
    .catch((e: unknown) => {
      console.warn('kiosk: could not store the service catalog', e);
      follower.version = -1;
    });
}

export const follower = new Follower<KioskSnapshot, KioskEvent>({
  api,
  snapshot: KioskSnapshot,
  pull: KioskPull,
  onSnapshot: (s) => {
    merge(s.requests, true);
    mergeServices(s.services, true);
  },
  onEvents: (events) => {
    merge(
      events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : [])),
      false,
    );
    mergeServices(
      events.flatMap((e) => (e.type === 'service.upserted' ? [e.service] : [])),
      false,
    );
  },
});

let started = false;
/** Idempotent: starts the flusher and the live follower once, and keeps the footer's signals (state.ts). */
export function startSync(): void {
  if (started) return;
  started = true;
  let online = typeof navigator === 'undefined' ? true : navigator.onLine;
  const showConnection = () => {
    const s = follower.live.status.value;
    connection.value = !online ? 'offline' : s === 'live' ? 'live' : s === 'connecting' ? 'connecting' : 'offline';
  };
  addEventListener('online', () => ((online = true), showConnection()));
  addEventListener('offline', () => ((online = false), showConnection()));
  effect(showConnection);
  effect(() => void (pending.value = flusher.pending.value));
  effect(() => void (flushState.value = flusher.state.value));
  flusher.start();
  follower.start();
  const heartbeat = startKioskHeartbeat(flusher, () => void refresh());
  void refreshCardKey(); // the property's card key, kept for checking scanned cards offline
  startWaitStats(); // the figures wait estimates are quoted from, kept for offline quotes
  void refreshFollowConfig(); // the public base URL a ticket's phone QR points to, kept for offline tickets
  // A (re)connected live stream means the server is reachable: deliver now, and report what happened meanwhile.
  effect(() => {
    if (follower.live.status.value !== 'live') return;
    flusher.kick();
    heartbeat.beatNow(); // the start beat may have found no network
    void refreshFollowConfig(); // likewise the follow link's base
  });
  // A new identity (pairing, refresh) may unblock a waiting queue.
  effect(() => {
    if (me.value) flusher.kick();
  });
  // The server stopped accepting our token: find out whether the kiosk was revoked.
  effect(() => {
    if (flusher.state.value === 'unauthorized') void refresh();
  });
  // A lost live stream may mean staff revoked this kiosk (the server ends its stream): ask once per outage.
  effect(() => {
    if (follower.live.status.value === 'reconnecting') void refresh();
  });
}
