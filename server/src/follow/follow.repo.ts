/**
 * The follow tokens (migration 020) and the one query a phone's view is read with: SQL only.
 * A token is stored as its SHA-256 (hex); nothing here ever reads a guest's name, room, note,
 * member or the staff member's name.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, Tx } from '../store/store.ts';

export function hashFollowToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Keeps the tickets' tokens, one statement; answers the request ids whose token was kept. A token (or a token
 * for that ticket) already taken is skipped: that ticket stands without one.
 */
export async function insertFollowTokens(trx: Tx, rows: readonly { token: string; requestId: string; propertyId: string; language: string; now: Date }[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const kept = await trx
    .insertInto('follow_tokens')
    .values(rows.map((f) => ({ token_hash: hashFollowToken(f.token), request_id: f.requestId, property_id: f.propertyId, language: f.language, created_at: f.now })))
    .onConflict((oc) => oc.doNothing())
    .returning('request_id')
    .execute();
  return new Set(kept.map((r) => r.request_id));
}

/** The ticket a token follows (undefined: unknown token). */
export async function findFollow(db: Db, token: string): Promise<{ requestId: string; propertyId: string } | undefined> {
  const row = await db.selectFrom('follow_tokens').select(['request_id', 'property_id']).where('token_hash', '=', hashFollowToken(token)).executeTakeFirst();
  return row && { requestId: row.request_id, propertyId: row.property_id };
}

/** What a phone's view is made of: the columns a guest may see, computed facts, never a person. */
export interface FollowRow {
  id: string;
  ticket: string;
  kind: string;
  status: string;
  desk: string | null;
  details: unknown;
  department: string | null;
  created_at: Date;
  called_at: Date | null;
  completed_at: Date | null;
  language: string;
  /** The end of the ticket's service day in the property's time zone. */
  day_end: Date;
  service_code: string | null;
  service_names: unknown;
  luggage_status: string | null;
  luggage_bags: number | null;
  luggage_claim_code: string | null;
  rating: number | null;
  /** Waiting tickets before it in its queue (null unless it waits). */
  ahead: number | null;
}

/** A ticket taken longer ago than this and never finished is nobody's turn (as in wait-stats.repo.ts). */
const STALE_WAIT_HOURS = 12;

/**
 * The followed tickets `requestIds` of one property, in one query: the request, its token's
 * language, its catalog service's names, its luggage item, its rating, and how many waiting
 * tickets of its queue (request-queue.ts: department, else the front office) come before it in
 * the staff queue's order (created, ticket, id).
 */
export async function followRows(db: Db, propertyId: string, requestIds: readonly string[], now: Date): Promise<FollowRow[]> {
  if (requestIds.length === 0) return [];
  const recent = new Date(now.getTime() - STALE_WAIT_HOURS * 3600_000);
  // Every waiting ticket's place in its queue, numbered once (not a count per followed ticket): one query serves many phones.
  const r = await sql<FollowRow>`
    with place as (
      select q.id, (row_number() over (partition by coalesce(q.department, 'front_office') order by q.created_at, q.ticket, q.id) - 1)::int as ahead
      from service_requests q
      where q.property_id = ${propertyId} and q.status = 'waiting' and q.created_at >= ${recent}
    )
    select r.id, r.ticket, r.kind, r.status, r.desk, r.details, r.department, r.created_at, r.called_at, r.completed_at,
      f.language,
      ((r.service_day::date + 1)::timestamp at time zone p.time_zone) as day_end,
      s.code as service_code, s.names as service_names,
      lg.status as luggage_status, lg.bags as luggage_bags, lg.claim_code as luggage_claim_code,
      (select fb.rating from feedback fb where fb.request_id = r.id order by fb.created_at desc limit 1) as rating,
      case when r.status = 'waiting' then coalesce(place.ahead, 0) end as ahead
    from follow_tokens f
    join service_requests r on r.id = f.request_id
    join properties p on p.id = r.property_id
    left join place on place.id = r.id
    left join services s on r.kind = 'service' and s.property_id = r.property_id and s.code = r.details->>'service'
    left join lateral (
      select l.status, l.bags, l.claim_code from luggage_items l
      where l.property_id = r.property_id and (l.request_id = r.id or (r.kind = 'luggage_out' and l.claim_code = r.details->>'claimCode'))
      order by l.created_at desc limit 1
    ) lg on true
    where f.property_id = ${propertyId} and f.request_id = any(${[...requestIds]}::uuid[])`.execute(db);
  return r.rows;
}
