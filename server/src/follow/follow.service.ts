/**
 * A followed ticket's view (`FollowView`, shared/protocol/follow.ts): made from follow.repo's row,
 * with the wait quoted by the kiosk's own formula (shared/domain/wait-estimate.ts) from the
 * tickets before it in its queue. Also the token kept when a ticket is issued.
 */
import { FOLLOW_LUGGAGE_GRACE_DAYS, followPath } from '../../../shared/domain/follow.ts';
import { FRONT_DESK_QUEUE } from '../../../shared/domain/request-queue.ts';
import { quoteFromAhead } from '../../../shared/domain/wait-estimate.ts';
import type { RequestKind } from '../../../shared/domain/request.ts';
import { FollowLocale, type FollowLink, type FollowView, type FollowOnCreate } from '../../../shared/protocol/follow.ts';
import type { WaitStats } from '../../../shared/protocol/wait-stats.ts';
import { waitStats } from '../requests/wait-stats.repo.ts';
import type { Db, Tx } from '../store/store.ts';
import { followRows, insertFollowTokens, type FollowRow } from './follow.repo.ts';

/**
 * Called by `request.create` after the request rows exist: keeps the tokens' hashes (one statement) and answers
 * each request's link by id. A token already used gets none: the guest's ticket stands, without a follow link.
 */
export async function saveFollows(trx: Tx, propertyId: string, made: readonly { requestId: string; follow: FollowOnCreate }[], now: Date): Promise<Map<string, FollowLink>> {
  const kept = await insertFollowTokens(
    trx,
    made.map(({ requestId, follow }) => ({ token: follow.token, requestId, propertyId, language: follow.language, now })),
  );
  return new Map(made.filter(({ requestId }) => kept.has(requestId)).map(({ requestId, follow }) => [requestId, { token: follow.token, url: followPath(follow.token) }]));
}

/** Luggage still in store (not handed back) keeps its token this long after its service day. */
const IN_STORE = new Set(['awaiting_storage', 'stored', 'lost_claim_pending']);

/** When the token stops answering: the end of the ticket's service day, later for luggage still in store. */
export function followExpiry(row: Pick<FollowRow, 'day_end' | 'luggage_status' | 'kind'>): Date {
  const end = new Date(row.day_end);
  const stored = row.kind === 'luggage_in' && row.luggage_status !== null && IN_STORE.has(row.luggage_status);
  return stored ? new Date(end.getTime() + FOLLOW_LUGGAGE_GRACE_DAYS * 86_400_000) : end;
}

/** The view of a row, or null once its token expired. */
export function toFollowView(row: FollowRow, stats: WaitStats | null, now: Date): FollowView | null {
  const expiresAt = followExpiry(row);
  if (now.getTime() >= expiresAt.getTime()) return null;
  const kind = row.kind as RequestKind;
  const details = (row.details ?? null) as { kind?: string; stage?: string; claimCode?: string; bags?: number } | null;
  const waiting = row.status === 'waiting' && row.ahead !== null;
  // The wait figures are the front office's (wait-stats.repo.ts): a ticket transferred to a department gets no range.
  const frontOffice = (row.department ?? FRONT_DESK_QUEUE) === FRONT_DESK_QUEUE;
  const quote = waiting && frontOffice ? quoteFromAhead(row.ahead!, stats, kind, stats !== null) : null;
  const luggage =
    kind === 'luggage_in' || kind === 'luggage_out'
      ? {
          claimCode: row.luggage_claim_code ?? details?.claimCode ?? '',
          bags: row.luggage_bags ?? (typeof details?.bags === 'number' ? details.bags : null),
          stored: row.luggage_status === 'stored' || row.luggage_status === 'lost_claim_pending',
          ready: kind === 'luggage_out' && (row.status === 'called' || row.status === 'serving'),
        }
      : null;
  const language = FollowLocale.safeParse(row.language);
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  // Built from the database's own columns (not parsed again: thousands of phones may need a view at once); the tests parse it with FollowView.
  return {
    ticket: row.ticket,
    kind,
    service: kind === 'service' && row.service_code ? { code: row.service_code, names: row.service_names as NonNullable<FollowView['service']>['names'] } : null,
    status: row.status as FollowView['status'],
    desk: row.desk,
    ahead: waiting ? row.ahead : null,
    waitRange: quote ? { lowS: quote.low, highS: quote.high } : null,
    createdAt: iso(row.created_at)!,
    calledAt: iso(row.called_at),
    completedAt: iso(row.completed_at),
    shoeStage: details?.kind === 'shoe_care' ? ((details.stage as FollowView['shoeStage']) ?? null) : null,
    luggage,
    ratable: row.status === 'completed' && row.rating === null,
    rating: row.rating,
    language: language.success ? language.data : 'en',
    expiresAt: expiresAt.toISOString(),
  };
}

export interface FollowEntry {
  view: FollowView | null;
  queue: string | null;
}

/** Wait figures are read at most this often per property (three small queries, wait-stats.repo.ts). */
const STATS_TTL_MS = 10_000;

/** Reads views; keeps each property's wait figures for a few seconds, so a burst of phones costs one read. */
export class FollowViews {
  private stats = new Map<string, { at: number; value: Promise<WaitStats | null> }>();

  constructor(private readonly db: Db) {}

  /**
   * The views of `requestIds` (one query, plus the figures when one of them waits), each with the
   * queue it waits in (null when not waiting); a missing or expired one has view null.
   */
  async read(propertyId: string, requestIds: readonly string[], now: Date): Promise<Map<string, FollowEntry>> {
    const rows = await followRows(this.db, propertyId, requestIds, now);
    const stats = rows.some((r) => r.status === 'waiting') ? await this.waitStats(propertyId, now) : null;
    const out = new Map<string, FollowEntry>(requestIds.map((id) => [id, { view: null, queue: null }]));
    for (const row of rows) out.set(row.id, { view: toFollowView(row, stats, now), queue: row.status === 'waiting' ? (row.department ?? FRONT_DESK_QUEUE) : null });
    return out;
  }

  private waitStats(propertyId: string, now: Date): Promise<WaitStats | null> {
    const hit = this.stats.get(propertyId);
    if (hit && now.getTime() - hit.at < STATS_TTL_MS && now.getTime() >= hit.at) return hit.value;
    const value = waitStats(this.db, propertyId, now).catch(() => null);
    this.stats.set(propertyId, { at: now.getTime(), value });
    return value;
  }
}
