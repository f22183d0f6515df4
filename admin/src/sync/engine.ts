/**
 * The staff tablet's sync engine for one signed-in session: a Follower keeps
 * the requests current (snapshot, then pulls woken by the live stream) and
 * the one Flusher delivers this tablet's outbox. Rejected commands become
 * visible notices; nothing is dropped silently.
 */
import { effect } from '@preact/signals';
import { upsertByRev, type ServiceRequest } from '../../../shared/domain/request.ts';
import { StaffPull, StaffSnapshot, type PushOutcome } from '../../../shared/protocol/sync.ts';
import type { StaffEvent } from '../../../shared/protocol/events.ts';
import { RequestTransitionPayload } from '../../../shared/protocol/commands.ts';
import { nextStatus } from '../../../shared/domain/request.machine.ts';
import { Flusher } from '../../../shared/sync-client/flusher.ts';
import { Follower } from '../../../shared/sync-client/follower.ts';
import { api, isUnauthenticated } from './api.ts';
import { db, ensureDeviceId, loadCachedRequests, replaceCachedRequests, upsertCachedRequests } from './db.ts';
import { recordResults, replaceLuggage, upsertLuggage } from './luggage.queries.ts';
import { pruneOverlays, type Overlay } from './optimistic.ts';
import { resetIssues, serverIssues, setIssues, settleIssueCommands, upsertIssues } from './issues.ts';
import { applyMemberEvents, resetMembers } from './members.ts';
import {
  flushState,
  hasData,
  lastUpdateAt,
  liveSince,
  liveStatus,
  overlays,
  pendingCount,
  pushNotice,
  serverRequests,
  snapshotLoaded,
} from './queries.ts';

export interface Engine {
  deviceId: string;
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

export async function startEngine(onUnauthenticated: () => void): Promise<Engine> {
  current?.stop();
  const deviceId = await ensureDeviceId();
  if (serverRequests.value.size === 0) {
    const cached = await loadCachedRequests().catch(() => [] as ServiceRequest[]);
    if (cached.length) {
      serverRequests.value = new Map(cached.map((r) => [r.id, r]));
      hasData.value = true;
    }
  }
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
      void replaceCachedRequests(s.requests).catch(() => undefined);
    },
    onEvents: (events) => {
      const list = events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : []));
      setServer(upsertByRev(serverRequests.value, list));
      upsertIssues(events.flatMap((e) => (e.type === 'issue.upserted' ? [e.issue] : [])));
      upsertLuggage(events.flatMap((e) => (e.type === 'luggage.upserted' ? [e.item] : [])));
      applyMemberEvents(events);
      void upsertCachedRequests(list).catch(() => undefined);
    },
  });

  let stopped = false;
  const syncNow = async (): Promise<void> => {
    try {
      await follower.sync();
    } catch (e) {
      if (isUnauthenticated(e) && !stopped) onUnauthenticated();
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
  lastUpdateAt.value = null;
  liveStatus.value = 'connecting';
  liveSince.value = null;
}
