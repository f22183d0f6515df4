/**
 * What the lobby wall shows, derived from the masked requests: the ticket
 * being called now, the ones called just before, and who is waiting: per
 * built-in kind and per catalog service (shared/domain/service.ts).
 * Pure functions, tested beside this file.
 */
import type { RequestKind, WallRequest } from '../../../shared/domain/request.ts';
import { REQUEST_KINDS } from '../../../shared/domain/request.machine.ts';
import { activeServices, type Service, type ServiceCode } from '../../../shared/domain/service.ts';
import { wallKindText, type WallString } from './i18n/wall.ts';

/** Earlier calls the wall knows of (the screen shows as many as fit, then "+N more"). */
export const RECENT_LIMIT = 12;

/** The built-in kinds, each a group of its own on the board; `service` requests group per catalog service instead. */
export type BuiltInKind = Exclude<RequestKind, 'service'>;
export const BUILT_IN_KINDS: readonly BuiltInKind[] = REQUEST_KINDS.filter((k): k is BuiltInKind => k !== 'service');

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

/** One group of the waiting board: a built-in kind, or one catalog service. */
export interface WaitingGroup {
  /** Stable and unique on the board: the kind (`call_staff`), or `service:<code>`. */
  key: string;
  kind: RequestKind;
  /** The catalog service's code for `service` groups, else null. */
  service: ServiceCode | null;
  /** The group's name in every locale (a service's own names, as the manager typed them). */
  label: WallString;
  count: number;
  /** Oldest first. */
  tickets: string[];
}

/** The catalog by code, for labels: retired services included, so old tickets keep their name. */
export type Catalog = ReadonlyMap<ServiceCode, Service>;

export function catalogOf(services: Iterable<Service>): Catalog {
  return new Map([...services].map((s) => [s.code, s]));
}

/** Merges services by code, keeping the highest revision (applying the same or an older copy changes nothing). */
export function upsertServices(catalog: Catalog, services: readonly Service[]): Catalog {
  if (services.length === 0) return catalog;
  const next = new Map(catalog);
  for (const s of services) {
    const have = next.get(s.code);
    if (!have || have.rev < s.rev) next.set(s.code, s);
  }
  return next;
}

const groupKey = (r: Pick<WallRequest, 'kind' | 'service'>): string => (r.kind === 'service' ? `service:${r.service ?? ''}` : r.kind);

function serviceGroup(code: ServiceCode, s: Service | undefined): Omit<WaitingGroup, 'count' | 'tickets'> {
  return { key: `service:${code}`, kind: 'service', service: code, label: s?.names ?? wallKindText.service };
}

/** What a request is called on the wall: its service's names (a retired one's too), or its kind's. */
export function requestLabel(r: Pick<WallRequest, 'kind' | 'service'>, catalog: Catalog): WallString {
  if (r.kind !== 'service') return wallKindText[r.kind];
  return (r.service ? catalog.get(r.service)?.names : undefined) ?? wallKindText.service;
}

/**
 * The board's groups in order: the built-in kinds, then the active services in the
 * catalog's order, each present even when nobody waits (a zero reads better than a gap).
 * A retired service (or one the wall does not know yet) is shown only while tickets for it
 * still wait, after the active ones, under its own name.
 */
export function waitingGroups(list: Iterable<WallRequest>, catalog: Catalog): WaitingGroup[] {
  const slots: Omit<WaitingGroup, 'count' | 'tickets'>[] = [
    ...BUILT_IN_KINDS.map((kind) => ({ key: kind, kind, service: null, label: wallKindText[kind] })),
    ...activeServices([...catalog.values()]).map((s) => serviceGroup(s.code, s)),
  ];
  const waiting = new Map<string, WallRequest[]>(slots.map((g) => [g.key, []]));
  const extra = new Map<string, ServiceCode>();
  for (const r of list) {
    if (r.status !== 'waiting') continue;
    const key = groupKey(r);
    let rs = waiting.get(key);
    if (!rs) {
      if (r.kind !== 'service') continue;
      rs = [];
      waiting.set(key, rs);
      extra.set(key, r.service ?? '');
    }
    rs.push(r);
  }
  const position = (code: ServiceCode) => catalog.get(code)?.position ?? Number.MAX_SAFE_INTEGER;
  const late = [...extra.values()].sort((a, b) => position(a) - position(b) || a.localeCompare(b)).map((code) => serviceGroup(code, catalog.get(code)));
  return [...slots, ...late].map((g) => {
    const rs = (waiting.get(g.key) ?? []).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.ticket.localeCompare(b.ticket));
    return { ...g, count: rs.length, tickets: rs.map((r) => r.ticket) };
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
