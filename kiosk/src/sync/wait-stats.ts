/**
 * The figures wait estimates are quoted from (`GET /api/kiosk/wait-stats`),
 * fetched at start and every minute, and kept in Dexie `meta` so a kiosk that
 * is offline, or was restarted offline, still quotes from the last ones. The
 * estimate itself is features/call-staff/wait-estimate.ts.
 */
import type { RequestKind } from '../../../shared/domain/request.ts';
import { WaitStats } from '../../../shared/protocol/wait-stats.ts';
import { getMeta, setMeta } from '../../../shared/sync-client/outbox.ts';
import { api, db, hasToken } from './client.ts';
import { META, type TicketRow } from './db.ts';

export const WAIT_STATS_POLL_MS = 60_000;

export interface StoredWaitStats {
  value: WaitStats;
  /** Kiosk clock, ms. */
  fetchedAt: number;
}

/** This kiosk's tickets that are not yet called: still on the kiosk, delivered, or in the server's queue. */
const NOT_YET_CALLED: readonly TicketRow['status'][] = ['queued', 'sent', 'waiting'];
const OWN_TICKET_MAX_AGE_MS = 12 * 3600_000;

/** Asks the server once; offline or refused, the last figures stay. */
export async function refreshWaitStats(): Promise<void> {
  if (!hasToken()) return;
  try {
    const value = await api.get('/api/kiosk/wait-stats', WaitStats);
    await setMeta(db, META.waitStats, { value, fetchedAt: Date.now() } satisfies StoredWaitStats);
  } catch (e) {
    console.debug('kiosk: wait figures not refreshed', e);
  }
}

/** Polls while the kiosk runs; returns the stop function. */
export function startWaitStats(): () => void {
  void refreshWaitStats();
  const timer = setInterval(() => void refreshWaitStats(), WAIT_STATS_POLL_MS);
  return () => clearInterval(timer);
}

/** What an estimate for a new ticket of `kind` needs, read now: the last figures and this kiosk's own waiting tickets. */
export async function waitInputs(kind: RequestKind): Promise<{
  kind: RequestKind;
  stats: StoredWaitStats | null;
  ownWaiting: Partial<Record<RequestKind, number>>;
  now: number;
}> {
  const stored = await getMeta<StoredWaitStats>(db, META.waitStats);
  const parsed = stored && typeof stored.fetchedAt === 'number' ? WaitStats.safeParse(stored.value) : null;
  const now = Date.now();
  const ownWaiting: Partial<Record<RequestKind, number>> = {};
  // A ticket left waiting since yesterday (never served, never cancelled) is nobody's turn today.
  const recent = (r: TicketRow) => now - Date.parse(r.createdAt) < OWN_TICKET_MAX_AGE_MS;
  await db.tickets.filter((r) => NOT_YET_CALLED.includes(r.status) && recent(r)).each((r) => void (ownWaiting[r.kind] = (ownWaiting[r.kind] ?? 0) + 1));
  return { kind, stats: parsed?.success ? { value: parsed.data, fetchedAt: stored!.fetchedAt } : null, ownWaiting, now };
}
