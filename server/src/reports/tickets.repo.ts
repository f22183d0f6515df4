/**
 * The per-ticket export's SQL: tickets taken in a window, a page at a time in
 * (created_at, id) order, so a month of a busy lobby never sits in memory.
 * Times are local to the property (`at time zone`), as a spreadsheet shows them.
 */
import { sql } from 'kysely';
import type { Db } from '../store/store.ts';
import type { Window } from './reports.repo.ts';

export const TICKET_PAGE = 500;

export interface TicketLine {
  id: string;
  ticket: string;
  kind: string;
  status: string;
  desk: string | null;
  agent: string | null;
  taken: string;
  called: string | null;
  served: string | null;
  wait_s: number | null;
  service_s: number | null;
  quoted_low_s: number | null;
  quoted_high_s: number | null;
  rating: number | null;
  /** A catalog service's names (kind `service`; null for other kinds or a code the catalog does not have). */
  service_names: unknown;
  /** The row's exact created_at (microseconds kept) for the next page. */
  cursor_at: string;
}

export interface TicketCursor {
  at: string;
  id: string;
}

const LOCAL = 'YYYY-MM-DD HH24:MI:SS';

export async function ticketPage(db: Db, w: Window, after: TicketCursor | null, limit = TICKET_PAGE): Promise<TicketLine[]> {
  const local = (col: string) => sql`to_char(${sql.ref(`r.${col}`)} at time zone ${w.timeZone}, ${LOCAL})`;
  const r = await sql<TicketLine>`
    select r.id, r.ticket, r.kind, r.status, r.desk, r.assigned_staff_name as agent,
      ${local('created_at')} as taken,
      ${local('called_at')} as called,
      case when r.status = 'completed' then ${local('completed_at')} end as served,
      extract(epoch from (r.called_at - r.created_at))::float8 as wait_s,
      case when r.status = 'completed' then extract(epoch from (r.completed_at - r.called_at))::float8 end as service_s,
      r.quoted_wait_low_s as quoted_low_s, r.quoted_wait_high_s as quoted_high_s,
      (select f.rating from feedback f where f.request_id = r.id order by f.created_at desc limit 1) as rating,
      (select s.names from services s where r.kind = 'service' and s.property_id = r.property_id and s.code = r.details ->> 'service') as service_names,
      to_char(r.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
    from service_requests r
    where r.property_id = ${w.propertyId} and r.created_at >= ${w.start} and r.created_at < ${w.end}
      ${after ? sql`and (r.created_at, r.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
    order by r.created_at, r.id
    limit ${limit}`.execute(db);
  return r.rows;
}
