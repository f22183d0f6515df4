/**
 * The wall display's only link to the server: its display token, a Follower
 * over the masked wall feed, and a copy of the last state in localStorage so
 * a reload while the server is away still shows the lobby what it knew.
 * Read-only: the wall never writes commands.
 */
import { signal } from '@preact/signals';
import { z } from 'zod';
import { upsertByRev, WallRequest } from '../../../../shared/domain/request.ts';
import type { WallEvent } from '../../../../shared/protocol/events.ts';
import { WallPull, WallSnapshot } from '../../../../shared/protocol/sync.ts';
import { Follower } from '../../../../shared/sync-client/follower.ts';
import { startHeartbeat } from '../../../../shared/sync-client/heartbeat.ts';
import { Api, ApiFailure, NetworkFailure } from '../../../../shared/sync-client/http.ts';
import { PairResponse } from '../../../../shared/protocol/auth.ts';
import { pruneWall } from '../wall.queries.ts';
import type { LiveStatus } from '../../../../shared/sync-client/live.ts';

const TOKEN_KEY = 'lobbydesk.wall.token';
const STATE_KEY = 'lobbydesk.wall.state';

export const requests = signal<ReadonlyMap<string, WallRequest>>(new Map());
export const snapshotLoaded = signal(false);
export const hasData = signal(false);
export const liveStatus = signal<LiveStatus>('connecting');
export const liveSince = signal<string | null>(null);
export const lastUpdateAt = signal<string | null>(null);
/** 'missing': no token at all; 'refused': the server does not accept it (revoked). */
export const authProblem = signal<null | 'missing' | 'refused'>(null);

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** Takes `#token=…` from the address (then removes it from the address bar), else the stored one. */
export function takeToken(loc: Location = location): string | null {
  const params = new URLSearchParams(loc.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    storage()?.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', loc.pathname + loc.search);
    return fromHash;
  }
  return storage()?.getItem(TOKEN_KEY) ?? null;
}

const SavedState = z.object({ at: z.string(), requests: z.array(WallRequest) });

function restore(): void {
  try {
    const raw = storage()?.getItem(STATE_KEY);
    if (!raw) return;
    const saved = SavedState.safeParse(JSON.parse(raw));
    if (!saved.success) return;
    requests.value = pruneWall(new Map(saved.data.requests.map((r) => [r.id, r])));
    lastUpdateAt.value = saved.data.at;
    hasData.value = true;
  } catch {
    /* unreadable copy: start empty */
  }
}

let saveTimer: ReturnType<typeof setTimeout> | null = null;
function save(): void {
  if (saveTimer) return;
  saveTimer = setTimeout(() => {
    saveTimer = null;
    try {
      storage()?.setItem(STATE_KEY, JSON.stringify({ at: lastUpdateAt.value ?? new Date().toISOString(), requests: [...requests.value.values()] }));
    } catch {
      /* storage full: the live view still works */
    }
  }, 1_000);
}

function apply(next: ReadonlyMap<string, WallRequest>): void {
  requests.value = pruneWall(next); // bounded: open tickets + a short tail of finished calls
  hasData.value = true;
  lastUpdateAt.value = new Date().toISOString();
  authProblem.value = null;
  save();
}

/** Starts following the wall feed; returns a stop function. */
export function startWall(token: string | null): () => void {
  restore();
  if (!token) {
    authProblem.value = 'missing';
    return () => undefined;
  }
  const api = new Api({ token: () => token });
  const follower = new Follower<WallSnapshot, WallEvent>({
    api,
    snapshot: WallSnapshot,
    pull: WallPull,
    onSnapshot: (s) => {
      apply(new Map(s.requests.map((r) => [r.id, r])));
      snapshotLoaded.value = true;
    },
    onEvents: (events) => apply(upsertByRev(requests.value, events.map((e) => e.request))),
  });
  const syncNow = () =>
    follower.sync().catch((e: unknown) => {
      if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) authProblem.value = 'refused';
    });
  const unsubscribe = [
    follower.live.status.subscribe((s) => (liveStatus.value = s)),
    follower.live.since.subscribe((s) => (liveSince.value = s)),
  ];
  const safety = setInterval(() => void syncNow(), 60_000);
  follower.start();
  void syncNow();
  // The wall sends no commands: its health is its storage and when it last heard from the server.
  const stopHeartbeat = startHeartbeat({
    api,
    read: async () => ({ outboxDepth: 0, rejectedCount: 0, lastSyncAt: lastUpdateAt.value }),
    onRefused: () => (authProblem.value = 'refused'),
  });
  return () => {
    stopHeartbeat();
    clearInterval(safety);
    for (const u of unsubscribe) u();
    follower.stop();
  };
}

export type PairFailure = 'invalid' | 'wrong_kind' | 'network';

/** Pairs this screen with a one-time code from the staff tablet; on success the page restarts with its token. */
export async function pairWall(code: string): Promise<PairFailure | null> {
  try {
    const res = await new Api().post('/api/devices/pair', { code: code.trim().toUpperCase() }, PairResponse);
    if (res.me.kind !== 'wall') return 'wrong_kind';
    storage()?.setItem(TOKEN_KEY, res.token);
    location.reload();
    return null;
  } catch (e) {
    return e instanceof NetworkFailure ? 'network' : 'invalid';
  }
}
