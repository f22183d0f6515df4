/**
 * The staff tablet's sync engine for one signed-in session: a Follower keeps
 * the requests, the issue board and the luggage ledger current (snapshot,
 * then pulls woken by the live stream), each saved in Dexie as it arrives, and
 * the one Flusher delivers this tablet's outbox. Started without the server,
 * the screens show the saved view "as of" its last confirmation. Rejected
 * commands become visible notices; nothing is dropped silently.
 */
import { effect } from '@preact/signals';
import { StaffPull, StaffSnapshot, type PushOutcome } from '../../../shared/protocol/sync.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import { nextStatus } from '../../../shared/domain/request.machine.ts';
import { Flusher } from '../../../shared/sync-client/flusher.ts';
import { Follower } from '../../../shared/sync-client/follower.ts';
import { api, isUnauthenticated } from './api.ts';
import { currentEngine, setCurrentEngine, type Engine } from './current-engine.ts';
import { db, ensureDeviceId, loadCachedView, markViewSaved, replaceCachedView, upsertCachedView } from './db.ts';
import { recordResults } from './luggage.queries.ts';
import type { Overlay } from './optimistic.ts';
import { ownsCommand } from './slice.ts';
import { FALLBACK_SLICE, SLICES } from './slices.ts';
import {
  cachedAsOf,
  flushState,
  hasData,
  lastUpdateAt,
  liveSince,
  liveStatus,
  overlays,
  pendingCount,
  pushNotice,
  serverRequests,
  serverUnreachable,
  snapshotLoaded,
} from './queries.ts';

/** The view changed from the server's side (a snapshot or events): "as of" and "has data" follow. */
function touched(): void {
  hasData.value = true;
  lastUpdateAt.value = new Date().toISOString();
}

/** Rebuilds the optimistic overlays from commands still queued after a reload. */
async function overlaysFromOutbox(): Promise<Overlay[]> {
  const rows = await db.outbox.orderBy('seq').toArray();
  const out: Overlay[] = [];
  for (const row of rows) {
    if (row.command.type !== 'request.transition') continue;
    const p = row.command.payload;
    const to = nextStatus(p.expectedStatus, p.action);
    const base = serverRequests.value.get(p.requestId);
    if (to && base) out.push({ commandId: row.command.id, requestId: p.requestId, action: p.action, to, baseRev: base.rev, settled: false });
  }
  return out;
}

export async function startEngine(actor: string, onUnauthenticated: () => void): Promise<Engine> {
  currentEngine()?.stop();
  const deviceId = await ensureDeviceId();
  if (!snapshotLoaded.value && serverRequests.value.size === 0) await restoreSavedView();
  overlays.value = await overlaysFromOutbox();

  const follower = new Follower<StaffSnapshot, StaffEvent>({
    api,
    snapshot: StaffSnapshot,
    pull: StaffPull,
    onSnapshot: (s) => {
      for (const slice of SLICES) slice.onSnapshot(s);
      touched();
      snapshotLoaded.value = true;
      cachedAsOf.value = null;
      void replaceCachedView(s, new Date().toISOString()).catch(() => undefined);
    },
    onEvents: (events) => {
      for (const slice of SLICES) slice.onEvents(events);
      touched();
      void upsertCachedView(savedParts(events)).catch(() => undefined);
    },
  });

  let stopped = false;
  const syncNow = async (): Promise<void> => {
    try {
      await follower.sync();
      serverUnreachable.value = false;
      // Only a sync that reached the server moves "as of".
      if (snapshotLoaded.value) void markViewSaved(new Date().toISOString()).catch(() => undefined);
    } catch (e) {
      if (isUnauthenticated(e) && !stopped) onUnauthenticated();
      else serverUnreachable.value = true;
    }
  };

  const flusher = new Flusher({ db, api, deviceId: () => deviceId, onOutcomes: (o) => handleOutcomes(o, syncNow) });

  const disposers = [
    effect(() => {
      liveStatus.value = follower.live.status.value;
      liveSince.value = follower.live.since.value;
    }),
    effect(() => {
      pendingCount.value = flusher.pending.value;
      flushState.value = flusher.state.value;
      if (flusher.state.value === 'unauthorized' && !stopped) onUnauthenticated();
    }),
  ];
  // A pull every minute as a safety net; the live stream normally wakes it much sooner.
  const timer = setInterval(() => void syncNow(), 60_000);

  follower.start();
  flusher.start();
  void syncNow();

  const engine: Engine = {
    deviceId,
    actor,
    flusher,
    follower,
    syncNow,
    stop() {
      stopped = true;
      clearInterval(timer);
      follower.stop();
      flusher.stop();
      for (const d of disposers) d();
      if (currentEngine() === engine) setCurrentEngine(null);
    },
  };
  setCurrentEngine(engine);
  return engine;
}

/** The view saved on this tablet, shown until the server answers (offline, or while it is starting). */
async function restoreSavedView(): Promise<void> {
  const saved = await loadCachedView().catch(() => null);
  if (!saved || (saved.savedAt === null && saved.requests.length === 0)) return;
  // The saved view has the snapshot's shape: each slice restores its part as from a snapshot
  // (the service catalog is kept apart: version 0 with no services tells its slice to restore its own copy).
  for (const slice of SLICES) slice.onSnapshot({ version: 0, requests: saved.requests, services: [], issues: saved.issues, luggage: saved.luggage });
  cachedAsOf.value = saved.savedAt;
  hasData.value = true;
}

/** What of a batch of events the tablet saves for starting offline (the snapshot's parts). */
function savedParts(events: readonly StaffEvent[]) {
  return {
    requests: events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : [])),
    issues: events.flatMap((e) => (e.type === 'issue.upserted' ? [e.issue] : [])),
    luggage: events.flatMap((e) => (e.type === 'luggage.upserted' ? [e.item] : [])),
  };
}

/** Hands the outcomes to every slice, and turns every refusal into the notice of the slice that owns the command. */
async function handleOutcomes(outcomes: PushOutcome[], syncNow: () => Promise<void>): Promise<void> {
  recordResults(outcomes.map((o) => ({ id: o.id, result: o.outcome === 'rejected' ? { ok: false, code: o.error.code, message: o.error.message } : { ok: true, result: o.result } })));
  for (const slice of SLICES) slice.onOutcomes?.(outcomes);
  const rejected = outcomes.flatMap((o) => (o.outcome === 'rejected' ? [o] : []));
  if (rejected.length === 0) {
    void syncNow();
    return;
  }
  // Learn the current state before telling staff who has it now.
  void (async () => {
    await syncNow();
    for (const o of rejected) {
      const command = (await db.rejected.get(o.seq).catch(() => undefined))?.command;
      const slice = (command && SLICES.find((s) => ownsCommand(s, command.type))) || FALLBACK_SLICE;
      pushNotice(slice.notice(command, o.error));
    }
  })();
}

/** Forgets the session's view (on sign-out). The outbox is kept: nothing queued is ever dropped. */
export function resetView(): void {
  currentEngine()?.stop();
  for (const slice of SLICES) slice.reset();
  snapshotLoaded.value = false;
  hasData.value = false;
  cachedAsOf.value = null;
  serverUnreachable.value = false;
  lastUpdateAt.value = null;
  liveStatus.value = 'connecting';
  liveSince.value = null;
}
