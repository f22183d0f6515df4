/**
 * The staff tablet's sync engine for one signed-in session: a Follower keeps
 * the requests, the issue board and the luggage ledger current (snapshot,
 * then pulls woken by the live stream), each saved in Dexie as it arrives, and
 * the one Flusher delivers this tablet's outbox. Started without the server,
 * the screens show the saved view "as of" its last confirmation. Rejected
 * commands become visible notices; nothing is dropped silently.
 */
import { effect } from '@preact/signals';
import { upsertByRev, type ServiceRequest } from '../../../shared/domain/request.ts';
import { StaffPull, StaffSnapshot, type PushOutcome } from '../../../shared/protocol/sync.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import { RequestTransitionPayload } from '../../../shared/protocol/request.commands.ts';
import { nextStatus } from '../../../shared/domain/request.machine.ts';
import { Flusher } from '../../../shared/sync-client/flusher.ts';
import { Follower } from '../../../shared/sync-client/follower.ts';
import { api, isUnauthenticated } from './api.ts';
import { db, ensureDeviceId, loadCachedView, markViewSaved, replaceCachedView, upsertCachedView } from './db.ts';
import { recordResults, replaceLuggage, upsertLuggage } from './luggage.queries.ts';
import { pruneOverlays, type Overlay } from './optimistic.ts';
import { resetIssues, serverIssues, setIssues, settleIssueCommands, upsertIssues } from './issues.ts';
import { applyMemberEvents, resetMembers } from './members.ts';
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

export interface Engine {
  deviceId: string;
  /** The signed-in staff member: every action this session queues is stamped with it. */
  actor: string;
  flusher: Flusher;
  follower: Follower<StaffSnapshot, StaffEvent>;
  syncNow(): Promise<void>;
  stop(): void;
}

let current: Engine | null = null;
export const currentEngine = (): Engine | null => current;

function setServer(next: ReadonlyMap<string, ServiceRequest>): void {
  serverRequests.value = next;
  overlays.value = pruneOverlays(overlays.value, next);
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
  current?.stop();
  const deviceId = await ensureDeviceId();
  if (!snapshotLoaded.value && serverRequests.value.size === 0) await restoreSavedView();
  overlays.value = await overlaysFromOutbox();

  const follower = new Follower<StaffSnapshot, StaffEvent>({
    api,
    snapshot: StaffSnapshot,
    pull: StaffPull,
    onSnapshot: (s) => {
      setServer(new Map(s.requests.map((r) => [r.id, r])));
      setIssues(s.issues);
      replaceLuggage(s.luggage);
      snapshotLoaded.value = true;
      cachedAsOf.value = null;
      void replaceCachedView(s, new Date().toISOString()).catch(() => undefined);
    },
    onEvents: (events) => {
      const requests = events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : []));
      const issues = events.flatMap((e) => (e.type === 'issue.upserted' ? [e.issue] : []));
      const luggage = events.flatMap((e) => (e.type === 'luggage.upserted' ? [e.item] : []));
      setServer(upsertByRev(serverRequests.value, requests));
      upsertIssues(issues);
      upsertLuggage(luggage);
      applyMemberEvents(events);
      void upsertCachedView({ requests, issues, luggage }).catch(() => undefined);
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
      if (current === engine) current = null;
    },
  };
  current = engine;
  return engine;
}

/** The view saved on this tablet, shown until the server answers (offline, or while it is starting). */
async function restoreSavedView(): Promise<void> {
  const saved = await loadCachedView().catch(() => null);
  if (!saved || (saved.savedAt === null && saved.requests.length === 0)) return;
  serverRequests.value = new Map(saved.requests.map((r) => [r.id, r]));
  setIssues(saved.issues);
  replaceLuggage(saved.luggage);
  cachedAsOf.value = saved.savedAt;
  hasData.value = true;
}

/** Settles overlays and turns every refusal into a notice naming who holds the request now. */
async function handleOutcomes(outcomes: PushOutcome[], syncNow: () => Promise<void>): Promise<void> {
  recordResults(outcomes.map((o) => ({ id: o.id, result: o.outcome === 'rejected' ? { ok: false, code: o.error.code, message: o.error.message } : { ok: true, result: o.result } })));
  settleIssueCommands(outcomes);
  const rejected = outcomes.filter((o) => o.outcome === 'rejected');
  const accepted = new Set(outcomes.filter((o) => o.outcome !== 'rejected').map((o) => o.id));
  const rejectedIds = new Set(rejected.map((o) => o.id));
  overlays.value = overlays.value
    .filter((o) => !rejectedIds.has(o.commandId))
    .map((o) => (accepted.has(o.commandId) ? { ...o, settled: true } : o));
  overlays.value = pruneOverlays(overlays.value, serverRequests.value);
  if (rejected.length === 0) {
    void syncNow();
    return;
  }
  // Learn the request's current state before telling the agent who has it.
  void (async () => {
    await syncNow();
    for (const o of rejected) {
      if (o.outcome !== 'rejected') continue;
      const row = await db.rejected.get(o.seq).catch(() => undefined);
      if (row?.command.type.startsWith('issue.')) {
        const p = row.command.payload as { issueId: string; action?: string };
        const issue = serverIssues.value.get(p.issueId);
        pushNotice({ type: 'issue_rejected', summary: issue?.summary ?? '—', command: row.command.type, action: p.action ?? null, code: o.error.code, ownerName: issue?.ownerStaffName ?? null });
        continue;
      }
      if (row && (row.command.type.startsWith('luggage.') || row.command.type === 'shoe.advance' || /^(member|approval|settings)\./.test(row.command.type))) {
        pushNotice({ type: 'luggage_rejected', command: row.command.type, code: o.error.code, message: o.error.message });
        continue;
      }
      const parsed = row?.command.type === 'request.transition' ? RequestTransitionPayload.safeParse(row.command.payload) : null;
      const payload = parsed?.success ? parsed.data : null;
      const req = payload ? serverRequests.value.get(payload.requestId) : undefined;
      pushNotice({
        type: 'rejected',
        ticket: req?.ticket ?? '—',
        action: payload?.action ?? 'call',
        code: o.error.code,
        message: o.error.message,
        nowStatus: req?.status ?? null,
        holderName: req?.assignedStaffName ?? null,
      });
    }
  })();
}

/** Forgets the session's view (on sign-out). The outbox is kept: nothing queued is ever dropped. */
export function resetView(): void {
  current?.stop();
  serverRequests.value = new Map();
  resetIssues();
  replaceLuggage([]);
  resetMembers();
  overlays.value = [];
  snapshotLoaded.value = false;
  hasData.value = false;
  cachedAsOf.value = null;
  serverUnreachable.value = false;
  lastUpdateAt.value = null;
  liveStatus.value = 'connecting';
  liveSince.value = null;
}
