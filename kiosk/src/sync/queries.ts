/**
 * What the kiosk screens read: live views over the local tickets and the service catalog, as hooks. Each
 * starts empty and fills in once the sync layer (core.ts, loaded after the first screen) has read Dexie.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadSync } from './actions.ts';
import type { TicketRow } from './db.ts';
import { isRoomShoeJob } from '../../../shared/domain/luggage.machine.ts';
import type { Service } from '../../../shared/domain/service.ts';

type Core = Awaited<ReturnType<typeof loadSync>>;

export type { TicketRow, TicketStatus } from './db.ts';

/** How long the "please come to the desk" notice stays up after a number is called. */
export const CALLED_NOTICE_MS = 5 * 60_000;

function useLive<T>(query: (core: Core) => Promise<T>, initial: T, deps: unknown[]): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    let sub: { unsubscribe(): void } | null = null;
    let gone = false;
    const warn = (e: unknown) => console.warn('kiosk: live query failed', e);
    loadSync().then((core) => {
      if (!gone) sub = core.liveQuery(() => query(core)).subscribe({ next: setValue, error: warn });
    }, warn);
    return () => {
      gone = true;
      sub?.unsubscribe();
    };
  }, deps);
  return value;
}

/** One ticket, updated as the server calls it. */
export function useTicket(id: string | null): TicketRow | undefined {
  return useLive(({ db }) => (id ? db.tickets.get(id) : Promise.resolve(undefined)), undefined, [id]);
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
  const rows = useLive(({ db }) => db.tickets.filter((r) => r.status === 'called').toArray(), [] as TicketRow[], []);
  const now = useClock(10_000);
  return rows
    .filter((r) => r.calledSeenAt && now - Date.parse(r.calledSeenAt) < CALLED_NOTICE_MS)
    .filter((r) => !isRoomShoeJob(r)) // shoes collected from a room go back to the room: nobody is called to the desk
    .sort((a, b) => (b.calledSeenAt ?? '').localeCompare(a.calledSeenAt ?? ''));
}

/**
 * The hotel's services a guest may ask for, in home order (activeServices()): kept in Dexie, so
 * the same tiles after a reload offline; a service a manager retires goes at the next sync.
 * `null` until the first read, so home can tell "none" from "not read yet".
 */
export function useActiveServices(): Service[] | null {
  return useLive(({ db, readActiveServices }) => readActiveServices(db), null as Service[] | null, []);
}

/** This kiosk's tickets of one kind, oldest first (a handful a day; the table is pruned daily). */
export function useTicketsOfKind(kind: TicketRow['kind']): TicketRow[] {
  const rows = useLive(({ db }) => db.tickets.filter((r) => r.kind === kind).toArray(), [] as TicketRow[], [kind]);
  return [...rows].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
