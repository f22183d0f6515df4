/**
 * What the lobby wall shows, derived from the masked requests: the ticket
 * being called now, the ones called just before, and who is waiting by kind.
 * Pure functions, tested beside this file.
 */
import type { RequestKind, WallRequest } from '../../../shared/domain/request.ts';

/** Earlier calls the wall knows of (the screen shows as many as fit, then "+N more"). */
export const RECENT_LIMIT = 12;
export const KIND_ORDER: readonly RequestKind[] = ['call_staff', 'luggage_in', 'luggage_out', 'shoe_care'];

const byCalledDesc = (a: WallRequest, b: WallRequest) => (b.calledAt ?? '').localeCompare(a.calledAt ?? '') || b.rev - a.rev;

/** The most recently called ticket still at a desk (called or being served), or null. */
export function nowCalling(list: Iterable<WallRequest>): WallRequest | null {
  let best: WallRequest | null = null;
  for (const r of list) {
    if (!r.calledAt || (r.status !== 'called' && r.status !== 'serving')) continue;
    if (!best || byCalledDesc(r, best) < 0) best = r;
  }
  return best;
}

/** Tickets called before the current one, newest first; requeued (waiting again) and cancelled ones leave the list. */
export function recentlyCalled(list: Iterable<WallRequest>, current: WallRequest | null, limit = RECENT_LIMIT): WallRequest[] {
  return [...list]
    .filter((r) => r.calledAt && r.id !== current?.id && r.status !== 'waiting' && r.status !== 'cancelled')
    .sort(byCalledDesc)
    .slice(0, limit);
}

export interface WaitingGroup {
  kind: RequestKind;
  count: number;
  /** Oldest first. */
  tickets: string[];
}

/** Waiting requests per kind, every kind present (a zero reads better than a gap), oldest ticket first. */
export function waitingByKind(list: Iterable<WallRequest>): WaitingGroup[] {
  const groups = new Map<RequestKind, WallRequest[]>(KIND_ORDER.map((k) => [k, []]));
  for (const r of list) if (r.status === 'waiting') groups.get(r.kind)?.push(r);
  return KIND_ORDER.map((kind) => {
    const rs = (groups.get(kind) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.ticket.localeCompare(b.ticket));
    return { kind, count: rs.length, tickets: rs.map((r) => r.ticket) };
  });
}

/** A key that changes whenever a ticket is (re)called: the chime plays when it changes. */
export function callKey(r: WallRequest | null): string | null {
  return r ? `${r.id}@${r.calledAt}` : null;
}

/** Statuses a wall must keep: they are on screen (waiting) or may come back to it. */
const KEEP_ALWAYS: ReadonlySet<WallRequest['status']> = new Set(['waiting', 'called', 'serving', 'on_hold']);
/** Finished tickets kept for "recently called" (a few more than shown, so a recall reorders nothing). */
export const KEEP_FINISHED = RECENT_LIMIT * 2;
/** A ceiling on everything kept, whatever happens: a lobby never has this many open tickets. */
export const KEEP_MAX = 1_000;

/**
 * What the wall keeps in memory (and in its saved copy): every open ticket,
 * plus the last `KEEP_FINISHED` finished ones that were called. Applied on
 * every update, so days of traffic leave the map the size of the lobby, not
 * of the history.
 */
export function pruneWall(map: ReadonlyMap<string, WallRequest>): Map<string, WallRequest> {
  const open: WallRequest[] = [];
  const finished: WallRequest[] = [];
  for (const r of map.values()) {
    if (KEEP_ALWAYS.has(r.status)) open.push(r);
    else if (r.calledAt) finished.push(r);
  }
  finished.sort(byCalledDesc);
  const keptOpen = open.length > KEEP_MAX ? open.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, KEEP_MAX) : open;
  return new Map([...keptOpen, ...finished.slice(0, KEEP_FINISHED)].map((r) => [r.id, r]));
}
