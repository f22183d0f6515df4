/** What the kiosk screens read: live views over the local tickets table, as hooks. */
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { db } from './client.ts';
import type { TicketRow } from './db.ts';

export type { TicketRow, TicketStatus } from './db.ts';

/** How long the "please come to the desk" notice stays up after a number is called. */
export const CALLED_NOTICE_MS = 5 * 60_000;

function useLive<T>(query: () => Promise<T>, initial: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const sub = liveQuery(query).subscribe({ next: setValue, error: (e: unknown) => console.warn('kiosk: live query failed', e) });
    return () => sub.unsubscribe();
  }, deps);
  return value;
}

/** One ticket, updated as the server calls it. */
export function useTicket(id: string | null): TicketRow | undefined {
  return useLive(() => (id ? db.tickets.get(id) : Promise.resolve(undefined)), undefined, [id]);
}

/** Re-renders every `ms`, for notices that expire with time. */
function useClock(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}

/** This kiosk's numbers that staff called in the last few minutes, most recent first. */
export function useCalledTickets(): TicketRow[] {
  const rows = useLive(() => db.tickets.filter((r) => r.status === 'called').toArray(), [] as TicketRow[], []);
  const now = useClock(10_000);
  return rows
    .filter((r) => r.calledSeenAt && now - Date.parse(r.calledSeenAt) < CALLED_NOTICE_MS)
    .sort((a, b) => (b.calledSeenAt ?? '').localeCompare(a.calledSeenAt ?? ''));
}

/** How long after a ticket is completed the home screen offers to rate it. */
export const RATE_OFFER_MS = 5 * 60_000;

/** Not yet served: still on this kiosk, delivered, or waiting in the server's queue. */
const WAITING: readonly TicketRow['status'][] = ['queued', 'sent', 'waiting'];

/** This kiosk's tickets of one kind, oldest first (a handful a day; the table is pruned daily). */
export function useTicketsOfKind(kind: TicketRow['kind']): TicketRow[] {
  const rows = useLive(() => db.tickets.filter((r) => r.kind === kind).toArray(), [] as TicketRow[], [kind]);
  return [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/**
 * Where a ticket stands among this kiosk's tickets of its kind that are still waiting
 * (1 = the oldest waiting), or null once it is no longer waiting. Other
 * kiosks' and the desk's queue are not known here: it is a weak signal, shown
 * only as an estimate.
 */
export function useWaitPosition(id: string | null): number | null {
  const rows = useLive(() => db.tickets.filter((r) => WAITING.includes(r.status)).toArray(), [] as TicketRow[], []);
  const mine = rows.find((r) => r.id === id);
  if (!mine) return null;
  return rows.filter((r) => r.kind === mine.kind && r.createdAt <= mine.createdAt).length;
}

/** The most recent ticket completed in the last few minutes and not yet rated, for the one-tap rating on home. */
export function useRatableTicket(): TicketRow | null {
  const rows = useLive(() => db.tickets.filter((r) => r.status === 'completed' && !!r.completedSeenAt && !r.ratedAt).toArray(), [] as TicketRow[], []);
  const now = useClock(15_000);
  const fresh = rows
    .filter((r) => now - Date.parse(r.completedSeenAt!) < RATE_OFFER_MS)
    .sort((a, b) => (b.completedSeenAt ?? '').localeCompare(a.completedSeenAt ?? ''));
  return fresh[0] ?? null;
}
