/**
 * The wall display's only link to the server: its display token, a Follower
 * over the masked wall feed, and a copy of the last state in localStorage so
 * a reload while the server is away still shows the lobby what it knew.
 * Read-only: the wall never writes commands.
 */
import { signal } from '@preact/signals';
import { z } from 'zod';
import { upsertByRev, WallRequest } from '../../../../shared/domain/request.ts';
import { Service } from '../../../../shared/domain/service.ts';
import type { WallEvent } from '../../../../shared/protocol/events.ts';
import { WallPull, WallSnapshot } from '../../../../shared/protocol/sync.ts';
import { Follower } from '../../../../shared/sync-client/follower.ts';
import { startHeartbeat } from '../../../../shared/sync-client/heartbeat.ts';
import { Api, ApiFailure, NetworkFailure } from '../../../../shared/sync-client/http.ts';
import { PairResponse } from '../../../../shared/protocol/auth.ts';
import { DisplaySettings } from '../../../../shared/protocol/display.ts';
import { catalogOf, pruneWall, upsertServices, type Catalog } from '../wall.queries.ts';
import type { LiveStatus } from '../../../../shared/sync-client/live.ts';

const TOKEN_KEY = 'lobbydesk.wall.token';
const STATE_KEY = 'lobbydesk.wall.state';

export const requests = signal<ReadonlyMap<string, WallRequest>>(new Map());
/** The service catalog by code (retired services too: their waiting tickets keep their name). */
export const services = signal<Catalog>(new Map());
export const snapshotLoaded = signal(false);
export const hasData = signal(false);
export const liveStatus = signal<LiveStatus>('connecting');
export const liveSince = signal<string | null>(null);
export const lastUpdateAt = signal<string | null>(null);
/**
 * Until when the content on screen is known to be current: the last time the
 * wall heard from the server (a sync, or the moment its live stream dropped).
 * Shown as "Last updated HH:MM" while the wall is reconnecting.
 */
export const confirmedAt = signal<string | null>(null);
/** The hotel's name and the wall's languages, as the manager set them; null until the server (or the saved copy) says. */
export const display = signal<DisplaySettings | null>(null);
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

const SavedState = z.object({ at: z.string(), requests: z.array(WallRequest), display: DisplaySettings.optional(), services: z.array(Service).optional() });

function restore(): void {
  try {
    const raw = storage()?.getItem(STATE_KEY);
    if (!raw) return;
    const saved = SavedState.safeParse(JSON.parse(raw));
    if (!saved.success) return;
    requests.value = pruneWall(new Map(saved.data.requests.map((r) => [r.id, r])));
    lastUpdateAt.value = saved.data.at;
    confirmedAt.value = saved.data.at;
    if (saved.data.display) applyDisplay(saved.data.display);
    if (saved.data.services) services.value = catalogOf(saved.data.services);
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
      const state = {
        at: confirmedAt.value ?? new Date().toISOString(),
        requests: [...requests.value.values()],
        display: display.value ?? undefined,
        services: [...services.value.values()],
      };
      storage()?.setItem(STATE_KEY, JSON.stringify(state));
    } catch {
      /* storage full: the live view still works */
    }
  }, 1_000);
}

function apply(next: ReadonlyMap<string, WallRequest>): void {
  requests.value = pruneWall(next); // bounded: open tickets + a short tail of finished calls
  hasData.value = true;
  lastUpdateAt.value = new Date().toISOString();
  confirmedAt.value = lastUpdateAt.value;
  authProblem.value = null;
  save();
}

function applyDisplay(next: DisplaySettings): void {
  display.value = next;
  document.title = next.propertyName;
}

function confirmNow(): void {
  confirmedAt.value = new Date().toISOString();
  if (hasData.value) save();
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
      applyDisplay(s.display);
      services.value = catalogOf(s.services);
      apply(new Map(s.requests.map((r) => [r.id, r])));
      snapshotLoaded.value = true;
    },
    onEvents: (events) => {
      for (const e of events) if (e.type === 'display.upserted') applyDisplay(e.display);
      services.value = upsertServices(services.value, events.flatMap((e) => (e.type === 'service.upserted' ? [e.service] : [])));
      apply(upsertByRev(requests.value, events.flatMap((e) => (e.type === 'request.upserted' ? [e.request] : []))));
    },
  });
  const syncNow = () =>
    follower.sync().then(confirmNow, (e: unknown) => {
      if (e instanceof ApiFailure && (e.status === 401 || e.status === 403)) authProblem.value = 'refused';
    });
  const unsubscribe = [
    follower.live.status.subscribe((s) => {
      // The stream was healthy until this moment: what is on screen was current then.
      if (liveStatus.value === 'live' && s !== 'live') confirmNow();
      liveStatus.value = s;
    }),
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
