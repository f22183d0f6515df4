/**
 * The SQL behind reports. Every figure is computed in the database
 * (counts, `percentile_cont` medians and 90th percentiles) over a half-open
 * window [start, end) of instants; local days come from `at time zone`.
 * Counts are cast to int and durations to float8 so both drivers return numbers.
 */
import { sql } from 'kysely';
import type { Db } from '../store/store.ts';

export interface Window {
  propertyId: string;
  start: Date;
  end: Date;
  timeZone: string;
}

/** The instants at which two local days begin, in the property's zone. */
export async function windowBounds(db: Db, from: string, toExclusive: string, timeZone: string): Promise<{ start: Date; end: Date }> {
  const r = await sql<{ start: Date; end: Date }>`
    select (${from}::date::timestamp at time zone ${timeZone}) as start,
           (${toExclusive}::date::timestamp at time zone ${timeZone}) as "end"`.execute(db);
  const row = r.rows[0]!;
  return { start: new Date(row.start), end: new Date(row.end) };
}

export async function propertyTimeZone(db: Db, propertyId: string): Promise<string> {
  const p = await db.selectFrom('properties').select('time_zone').where('id', '=', propertyId).executeTakeFirstOrThrow();
  return p.time_zone;
}

export interface KindFigures {
  kind: string | null; // null: every kind together
  count: number;
  completed: number;
  no_shows: number;
  cancelled: number;
  wait_median: number | null;
  wait_p90: number | null;
  service_median: number | null;
  service_p90: number | null;
}

const WAIT = sql`extract(epoch from (called_at - created_at))::float8`;
const SERVICE = sql`extract(epoch from (completed_at - called_at))::float8`;
/** The figures of a group of requests: counts by outcome, and median and 90th percentile of wait and service time. */
const FIGURES = sql`
      count(*)::int as count,
      (count(*) filter (where status = 'completed'))::int as completed,
      (count(*) filter (where status = 'no_show'))::int as no_shows,
      (count(*) filter (where status = 'cancelled'))::int as cancelled,
      percentile_cont(0.5) within group (order by ${WAIT}) filter (where called_at is not null) as wait_median,
      percentile_cont(0.9) within group (order by ${WAIT}) filter (where called_at is not null) as wait_p90,
      percentile_cont(0.5) within group (order by ${SERVICE}) filter (where status = 'completed' and called_at is not null and completed_at is not null) as service_median,
      percentile_cont(0.9) within group (order by ${SERVICE}) filter (where status = 'completed' and called_at is not null and completed_at is not null) as service_p90`;

/** Per kind, plus one row with kind null for all kinds (grouping sets). */
export async function requestFigures(db: Db, w: Window): Promise<KindFigures[]> {
  const r = await sql<KindFigures>`
    select kind, ${FIGURES}
    from service_requests
    where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end}
    group by grouping sets ((kind), ())`.execute(db);
  return r.rows;
}

export interface ServiceFigures extends Omit<KindFigures, 'kind'> {
  service: string;
}

/** Requests of kind `service` in the window, per service code (details.service), with the same figures as per kind. */
export async function serviceFigures(db: Db, w: Window): Promise<ServiceFigures[]> {
  const r = await sql<ServiceFigures>`
    select details ->> 'service' as service, ${FIGURES}
    from service_requests
    where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} and kind = 'service' and details ->> 'service' is not null
    group by 1`.execute(db);
  return r.rows;
}

export interface QuoteFigures {
  kind: string;
  quoted: number;
  called: number;
  low_median: number | null;
  high_median: number | null;
  actual_median: number | null;
  longer: number;
  shorter: number;
}

/** Per kind, tickets taken in the window with a quoted wait (017_wait_quotes): the quote's medians against the wait that followed. */
export async function quoteFigures(db: Db, w: Window): Promise<QuoteFigures[]> {
  const wait = sql`extract(epoch from (called_at - created_at))::float8`;
  const r = await sql<QuoteFigures>`
    select kind,
      count(*)::int as quoted,
      (count(*) filter (where called_at is not null))::int as called,
      percentile_cont(0.5) within group (order by quoted_wait_low_s) as low_median,
      percentile_cont(0.5) within group (order by quoted_wait_high_s) as high_median,
      percentile_cont(0.5) within group (order by ${wait}) filter (where called_at is not null) as actual_median,
      (count(*) filter (where called_at is not null and ${wait} > quoted_wait_high_s))::int as longer,
      (count(*) filter (where called_at is not null and ${wait} < quoted_wait_low_s))::int as shorter
    from service_requests
    where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} and quoted_wait_high_s is not null
    group by kind`.execute(db);
  return r.rows;
}

export interface Counted {
  key: string;
  count: number;
}

/** Complaints opened in the window, by category, department (a complaint may count under several) and state. */
export async function issueCounts(db: Db, w: Window, none: string): Promise<{ total: number; byCategory: Counted[]; byDepartment: Counted[]; byState: Counted[] }> {
  const inWindow = sql`property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end}`;
  const total = await sql<{ n: number }>`select count(*)::int as n from issues where ${inWindow}`.execute(db);
  const byCategory = await sql<Counted>`
    select coalesce(c, ${none}) as key, count(*)::int as count
    from issues left join lateral unnest(categories) as c on true
    where ${inWindow} group by 1 order by 2 desc, 1`.execute(db);
  const byDepartment = await sql<Counted>`
    select coalesce(d, ${none}) as key, count(*)::int as count
    from issues left join lateral unnest(departments) as d on true
    where ${inWindow} group by 1 order by 2 desc, 1`.execute(db);
  const byState = await sql<Counted>`select status as key, count(*)::int as count from issues where ${inWindow} group by 1 order by 2 desc, 1`.execute(db);
  return { total: total.rows[0]?.n ?? 0, byCategory: byCategory.rows, byDepartment: byDepartment.rows, byState: byState.rows };
}

/** Open now, and open past the SLA target that runs now (the same rule as `slaState`; waiting on the guest pauses it). */
export async function issuesNow(db: Db, propertyId: string, now: Date): Promise<{ open: number; overdue: number }> {
  const r = await sql<{ open: number; overdue: number }>`
    select
      (count(*) filter (where status in ('new', 'acknowledged', 'in_progress', 'waiting_on_guest')))::int as open,
      (count(*) filter (where (status = 'new' and acknowledge_by < ${now})
        or (status in ('acknowledged', 'in_progress') and resolve_by + make_interval(secs => paused_ms / 1000) < ${now})))::int as overdue
    from issues where property_id = ${propertyId}`.execute(db);
  return r.rows[0] ?? { open: 0, overdue: 0 };
}

/** Complaints resolved in the window: how many, and the median time from opening to resolution. */
export async function resolveTimes(db: Db, w: Window): Promise<{ n: number; median: number | null }> {
  const r = await sql<{ n: number; median: number | null }>`
    select count(*)::int as n,
      percentile_cont(0.5) within group (order by extract(epoch from (resolved_at - created_at))::float8) as median
    from issues where property_id = ${w.propertyId} and resolved_at >= ${w.start} and resolved_at < ${w.end}`.execute(db);
  return r.rows[0] ?? { n: 0, median: null };
}

/** The same room or contact behind two or more complaints opened in the window. */
export async function repeatComplainers(db: Db, w: Window): Promise<{ by: 'room' | 'contact'; value: string; count: number }[]> {
  const r = await sql<{ by: 'room' | 'contact'; value: string; count: number }>`
    select 'room' as "by", upper(trim(room)) as value, count(*)::int as count
    from issues where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} and coalesce(trim(room), '') <> ''
    group by 2 having count(*) >= 2
    union all
    select 'contact' as "by", lower(trim(contact)) as value, count(*)::int as count
    from issues where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} and coalesce(trim(contact), '') <> ''
    group by 2 having count(*) >= 2
    order by 3 desc, 1, 2`.execute(db);
  return r.rows;
}

export async function satisfaction(db: Db, w: Window): Promise<{ count: number; satisfied: number; average: number | null }> {
  const r = await sql<{ count: number; satisfied: number; average: number | null }>`
    select count(*)::int as count, (count(*) filter (where rating >= 4))::int as satisfied, avg(rating)::float8 as average
    from feedback where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end}`.execute(db);
  return r.rows[0] ?? { count: 0, satisfied: 0, average: null };
}

export async function luggageFigures(db: Db, w: Window, now: Date): Promise<{ in_store: number; overdue: number; checked_in: number; handed_back: number }> {
  const r = await sql<{ in_store: number; overdue: number; checked_in: number; handed_back: number }>`
    select
      (count(*) filter (where status <> 'released'))::int as in_store,
      (count(*) filter (where status in ('stored', 'lost_claim_pending') and expected_pickup_at < ${now}))::int as overdue,
      (count(*) filter (where created_at >= ${w.start} and created_at < ${w.end}))::int as checked_in,
      (count(*) filter (where status = 'released' and released_at >= ${w.start} and released_at < ${w.end}))::int as handed_back
    from luggage_items where property_id = ${w.propertyId}`.execute(db);
  return r.rows[0] ?? { in_store: 0, overdue: 0, checked_in: 0, handed_back: 0 };
}

/** One row per local day of the window, zeros included. */
export async function dailySeries(db: Db, w: Window, from: string, toExclusive: string): Promise<{ day: string; requests: number; complaints: number }[]> {
  const r = await sql<{ day: string; requests: number; complaints: number }>`
    with days as (
      select d::date as day from generate_series(${from}::date, ${toExclusive}::date - 1, interval '1 day') as d
    ),
    rq as (
      select (created_at at time zone ${w.timeZone})::date as day, count(*)::int as n from service_requests
      where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} group by 1
    ),
    iq as (
      select (created_at at time zone ${w.timeZone})::date as day, count(*)::int as n from issues
      where property_id = ${w.propertyId} and created_at >= ${w.start} and created_at < ${w.end} group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as day, coalesce(rq.n, 0)::int as requests, coalesce(iq.n, 0)::int as complaints
    from days left join rq on rq.day = days.day left join iq on iq.day = days.day
    order by days.day`.execute(db);
  return r.rows;
}
